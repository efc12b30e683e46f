/**
 * Dates typed as text in the forms people type — "1-Jul-2026", "01 Jul 2026", "July 1, 2026",
 * 31/12/2029 — read in one pass, with no Date, locale or time zone; day and month are told apart
 * by the numbers, or by the order the user states.
 */
import { parseIsoDate } from "./dates";

/** The order of day and month in a date typed with numbers only: 7/1/2026 is 7 January (dmy) or July 1 (mdy). */
export type DateOrder = "dmy" | "mdy";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A month's number from its English name or its first three letters (and "Sept"), or undefined. */
function monthOf(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w === "sept") return 9;
  const found = MONTHS.findIndex((m) => m === w || (w.length === 3 && m.startsWith(w)));
  return found < 0 ? undefined : found + 1;
}

type DateToken = { readonly digits: string } | { readonly word: string };

/** Date text as numbers and words, separated by spaces, "-", "/", "." or ","; undefined for any other character. One pass. */
function dateTokens(text: string): DateToken[] | undefined {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const start = i;
    if (code >= 48 && code <= 57) {
      while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      tokens.push({ digits: text.slice(start, i) });
    } else if ((code | 32) >= 97 && (code | 32) <= 122) {
      while (i < text.length && ((text.charCodeAt(i) | 32) >= 97 && (text.charCodeAt(i) | 32) <= 122)) i++;
      tokens.push({ word: text.slice(start, i) });
    } else if (" -/.,\u00a0".includes(text[i])) i++;
    else return undefined;
  }
  return tokens;
}

/** The serial of a day, or undefined when there is no such day (checked by the ISO reader). */
function dayOf(year: number, month: number, day: number): number | undefined {
  const pad = (n: number) => String(n).padStart(2, "0");
  return parseIsoDate(`${year}-${pad(month)}-${pad(day)}`);
}

/** Why date text is refused, for {@link readDate}'s message. */
export class DateRefusal {
  constructor(readonly why: string) {}
}

/**
 * Date text in the forms people type: ISO "2026-07-01" (or 2026/07/01), "1-Jul-2026",
 * "01 Jul 2026", "July 1, 2026", and day/month/year or month/day/year with numbers only when the
 * numbers allow one reading (31/12/2029) or the order is stated. Years have four digits. English
 * month names; no locale, no time zone. Returns the serial, undefined for text that is not a date,
 * or a {@link DateRefusal} saying why a date-like text is refused.
 */
export function typedDate(text: string, name: string, order?: DateOrder): number | undefined | DateRefusal {
  const tokens = dateTokens(text);
  if (!tokens || tokens.length !== 3) return undefined;
  const shape = tokens.map((t) => ("digits" in t ? "n" : "w")).join("");
  const num = (k: number) => Number((tokens[k] as { digits: string }).digits);
  const len = (k: number) => (tokens[k] as { digits: string }).digits.length;
  const word = (k: number) => (tokens[k] as { word: string }).word;
  const twoDigitYear = new DateRefusal(`${name} "${text.trim()}" has a two-digit year: write a four-digit year (2026).`);
  if (shape === "nnn" && len(0) === 4) return dayOf(num(0), num(1), num(2)); // year first: 2026/07/01
  if (shape === "nwn" || shape === "wnn") {
    const [dayAt, monthAt] = shape === "nwn" ? [0, 1] : [1, 0];
    const month = monthOf(word(monthAt));
    if (month === undefined || len(dayAt) > 2) return undefined;
    if (len(2) !== 4) return len(2) <= 2 ? twoDigitYear : undefined;
    return dayOf(num(2), month, num(dayAt));
  }
  if (shape !== "nnn" || len(0) > 2 || len(1) > 2) return undefined;
  if (len(2) !== 4) return len(2) <= 2 ? twoDigitYear : undefined;
  const [a, b, year] = [num(0), num(1), num(2)];
  const dmy = dayOf(year, b, a);
  const mdy = dayOf(year, a, b);
  if (order === "dmy") return dmy;
  if (order === "mdy") return mdy;
  if (dmy === undefined || mdy === undefined || dmy === mdy) return dmy ?? mdy;
  const pad = (n: number) => String(n).padStart(2, "0");
  return new DateRefusal(
    `${name} "${text.trim()}" is ambiguous: ${a} ${MONTH_NAMES[b - 1]} ${year} or ${MONTH_NAMES[a - 1]} ${b}, ${year}? ` +
      `Write it as ${year}-${pad(b)}-${pad(a)} or ${year}-${pad(a)}-${pad(b)}, or state the order (--date-order dmy or mdy; the pane's "Dates typed as").`,
  );
}

