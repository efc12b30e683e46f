/**
 * The one vocabulary of deal options and the one reader per kind of value. The custom functions, the
 * task pane's form and the command line all read their values here, so a word, a number or a date
 * means the same everywhere and is refused with the same message.
 *
 * Every reader takes a raw value — a number, text, a boolean, or null/undefined/"" for blank — and the
 * argument's name as the user sees it in messages (`discount_rate`), and returns the core's value or
 * throws a {@link DealError}: `valueError` for a malformed or missing value. Range checks (a payment of
 * zero, a negative notice period) stay with the core's validation.
 *
 * Text is read by hand-written single-pass scanners (no backtracking regular expressions), so a
 * 100,000-character cell is read or refused in linear time.
 */
import { parseIsoDate } from "./dates";
import { valueError } from "./errors";
import { Decimal } from "./money";
import { scanNumber, ScanOptions } from "./numberText";
import type { Frequency, Proration, Timing } from "./terms";

// ---- The words ---------------------------------------------------------------------------------

/** Frequency words a user may type (compared without case), and what they mean. */
export const FREQUENCY_WORDS: Readonly<Record<string, Frequency>> = {
  monthly: "monthly",
  month: "monthly",
  m: "monthly",
  quarterly: "quarterly",
  quarter: "quarterly",
  q: "quarterly",
  "semi-annual": "semiannual",
  "semi-annually": "semiannual",
  semiannual: "semiannual",
  semiannually: "semiannual",
  "half-yearly": "semiannual",
  s: "semiannual",
  annual: "annual",
  annually: "annual",
  yearly: "annual",
  a: "annual",
  y: "annual",
};

/** Payments a year, as Excel's bond functions number frequencies. */
export const PAYMENTS_A_YEAR: Readonly<Record<Frequency, number>> = { monthly: 12, quarterly: 4, semiannual: 2, annual: 1 };

/** The word the model sheet, the pane and the help show for each frequency. */
export const FREQUENCY_NAMES: Readonly<Record<Frequency, string>> = {
  monthly: "monthly",
  quarterly: "quarterly",
  semiannual: "semi-annual",
  annual: "annual",
};

export const TIMING_WORDS: Readonly<Record<string, Timing>> = {
  advance: "advance",
  "in advance": "advance",
  begin: "advance",
  start: "advance",
  arrears: "arrears",
  "in arrears": "arrears",
  end: "arrears",
};

export const PRORATION_WORDS: Readonly<Record<string, Proration>> = {
  full: "full",
  "in full": "full",
  actual: "actual",
  "actual days": "actual",
  days: "actual",
  "pro rata": "actual",
  prorata: "actual",
};

/** TRUE/FALSE words (the numbers 1 and 0 and Excel's booleans are read too). */
export const FLAG_WORDS: Readonly<Record<string, boolean>> = {
  true: true,
  yes: true,
  y: true,
  "1": true,
  false: false,
  no: false,
  n: false,
  "0": false,
};

// ---- Describing what was given ----------------------------------------------------------------

/** A value as a message quotes it: text is cut at 40 characters, so a huge cell never floods a message. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return `the text "${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (Array.isArray(value)) return "a range";
  return String(value);
}

/** Blank: omitted, an empty cell, or text of only spaces. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

// ---- Number text: one linear scanner (./numberText.ts) ---------------------------------------

export { scanNumber, type ScannedNumber, type ScanOptions } from "./numberText";

// ---- The readers, one per kind ---------------------------------------------------------------

/** Longer number text is no figure anyone means (a double holds 17 significant digits): refused unread. */
const MAX_NUMBER_TEXT = 400;

/** A number as text reads it, or undefined; infinite results (1e400) count as unreadable. */
function numberOf(value: unknown, options: ScanOptions): { value: Decimal; percent: boolean } | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? { value: new Decimal(value), percent: false } : undefined;
  if (typeof value !== "string") return undefined;
  const scanned = scanNumber(value, options);
  if (!scanned || scanned.text.length > MAX_NUMBER_TEXT || !Number.isFinite(Number(scanned.text))) return undefined;
  return { value: new Decimal(scanned.text), percent: scanned.percent };
}

function notANumber(value: unknown, name: string, what = "a number"): never {
  // A decimal comma ("1,5"), as typed where the comma is the decimal separator: say how to write it.
  if (typeof value === "string" && value.length <= 40 && value.includes(",") && scanNumber(value.replace(/,/g, ".")) !== undefined) {
    throw valueError(
      `${name} must be ${what}, not ${describeValue(value)}: a comma may only separate thousands (150,000,000); use a point for decimals (1.5).`,
    );
  }
  throw valueError(`${name} must be ${what}, not ${describeValue(value)}.`);
}

/** Currency symbols an amount may carry before or after its number ("$150,000,000", "150 €"). */
const CURRENCY_SYMBOLS: readonly string[] = ["US$", "$", "€", "£", "¥"];

const isUpperAscii = (code: number) => code >= 65 && code <= 90;

/** A currency mark at `at` in `s` (a symbol, or a code of three capital letters such as USD): its length, or 0. */
function currencyAt(s: string, at: number): number {
  for (const symbol of CURRENCY_SYMBOLS) if (s.startsWith(symbol, at)) return symbol.length;
  if (at + 3 <= s.length && isUpperAscii(s.charCodeAt(at)) && isUpperAscii(s.charCodeAt(at + 1)) && isUpperAscii(s.charCodeAt(at + 2))) {
    const next = s.charCodeAt(at + 3);
    if (!(isUpperAscii(next) || (next >= 97 && next <= 122))) return 3;
  }
  return 0;
}

/**
 * Amount text without its currency mark: one symbol or three-letter code before the number (after
 * its sign) or after it, spaces allowed between — "$150,000,000", "USD 150,000,000", "-$5",
 * "150,000,000 EUR". Text without a mark is returned as it is. A single pass: the mark is looked for
 * at the two ends only, never searched for.
 *
 * @example
 * withoutCurrency("USD 150,000,000") // "150,000,000"
 */
export function withoutCurrency(text: string): string {
  return splitCurrency(text).number;
}

/** The currency a symbol stands for, as its code: "$" and "US$" are USD. */
const SYMBOL_CODES: Readonly<Record<string, string>> = { "US$": "USD", $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY" };

/**
 * The currency of amount text, as a code ("USD" for "$150,000,000" and "USD 150,000,000"), or
 * undefined when it carries no mark.
 *
 * @example
 * currencyOf("€ 1,250.50") // "EUR"
 */
export function currencyOf(text: string): string | undefined {
  const mark = splitCurrency(text).mark;
  return mark === undefined ? undefined : (SYMBOL_CODES[mark] ?? mark);
}

/** Amount text split into its number text and its currency mark (see {@link withoutCurrency}). */
function splitCurrency(text: string): { number: string; mark: string | undefined } {
  const s = text.trim();
  let start = 0;
  let sign = "";
  if (s[0] === "-" || s[0] === "+") {
    sign = s[0] === "-" ? "-" : "";
    start = 1;
  }
  const before = currencyAt(s, start);
  if (before > 0) return { number: sign + s.slice(start + before).trimStart(), mark: s.slice(start, start + before) };
  // After the number: the last word.
  let end = s.length;
  for (const symbol of CURRENCY_SYMBOLS) {
    if (s.endsWith(symbol)) {
      end = s.length - symbol.length;
      break;
    }
  }
  if (end === s.length && s.length >= 4 && currencyAt(s, s.length - 3) === 3 && !isUpperAscii(s.charCodeAt(s.length - 4))) end = s.length - 3;
  return end === s.length ? { number: s, mark: undefined } : { number: s.slice(0, end).trimEnd(), mark: s.slice(end) };
}

/**
 * An amount: a number, or text such as "150000000", "150,000,000", "$150,000,000",
 * "USD 150,000,000", "150,000,000.00" or "1.5e8". Blank is missing.
 *
 * @example
 * readAmount("$150,000,000", "payment") // 150000000
 */
export function readAmount(value: unknown, name: string): number {
  // A cell's number is already the amount: no text to scan, no decimal round trip (the same double).
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (isBlank(value)) throw valueError(`${name} is missing: give a number.`);
  const read = numberOf(typeof value === "string" && value.length <= MAX_NUMBER_TEXT ? withoutCurrency(value) : value, { thousands: true });
  if (!read) return notANumber(value, name);
  return read.value.toNumber();
}

/**
 * A whole number (months, days, a count). The range is the core's to check.
 *
 * @example
 * readWhole("3", "lock_in_months") // 3
 */
export function readWhole(value: unknown, name: string): number {
  const amount = readAmount(value, name);
  if (!Number.isInteger(amount)) throw valueError(`${name} must be a whole number, not ${describeValue(value)}.`);
  return amount;
}

/** Plain decimal text of a number, never in exponent form for the sizes a rate has. */
const plain = (d: Decimal) => (d.abs().lt(1e21) && d.abs().gte(1e-7)) || d.isZero() ? d.toFixed() : d.toString();

/**
 * The rate rule: a rate is a fraction (0.08) or carries a percent sign ("8%"); both mean eight
 * percent. A bare number above 1 (or below -1) without a percent sign, such as 8, is refused as
 * ambiguous: it is far more often a slip for 8% than a rate of 800%. (A cell formatted as a
 * percentage already holds the fraction.)
 *
 * @example
 * readRate("8%", "discount_rate") // 0.08
 * readRate(0.08, "discount_rate") // 0.08
 * readRate(8, "discount_rate")    // throws: discount_rate 8 is ambiguous: write 8% or 0.08.
 */
export function readRate(value: unknown, name: string): number {
  // A fraction from a cell (8% is 0.08) needs no scanning; a number above 1 goes on to be refused as ambiguous.
  if (typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= 1) return value;
  if (isBlank(value)) throw valueError(`${name} is missing: give a rate such as 8% or 0.08.`);
  const read = numberOf(value, { percent: true });
  if (!read) return notANumber(value, name, "a rate such as 8% or 0.08");
  if (read.percent) return read.value.div(100).toNumber();
  if (read.value.abs().gt(1)) {
    throw valueError(`${name} ${plain(read.value)} is ambiguous: write ${plain(read.value)}% or ${plain(read.value.div(100))}.`);
  }
  return read.value.toNumber();
}

/** Longest date text worth reading: "  September 30, 2026  " and the like. Longer text is not a date. */
const MAX_DATE_TEXT = 64;

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
class DateRefusal {
  constructor(readonly why: string) {}
}

/**
 * Date text in the forms people type: ISO "2026-07-01" (or 2026/07/01), "1-Jul-2026",
 * "01 Jul 2026", "July 1, 2026", and day/month/year or month/day/year with numbers only when the
 * numbers allow one reading (31/12/2029) or the order is stated. Years have four digits. English
 * month names; no locale, no time zone. Returns the serial, undefined for text that is not a date,
 * or a {@link DateRefusal} saying why a date-like text is refused.
 */
function typedDate(text: string, name: string, order?: DateOrder): number | undefined | DateRefusal {
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

/**
 * A date: a serial number (a date-formatted cell) or text — ISO "2026-07-01", "1-Jul-2026",
 * "01 Jul 2026", "July 1, 2026", or 31/12/2029 (day and month told apart by the numbers, or by
 * `order` when both readings are days). An ambiguous 7/1/2026 is refused, saying how to state the
 * order. Blank is missing.
 *
 * @example
 * readDate("2026-07-01", "start_date") // 46204
 * readDate("July 1, 2026", "start_date") // 46204
 * readDate("7/1/2026", "start_date", "mdy") // 46204
 */
export function readDate(value: unknown, name: string, order?: DateOrder): number {
  if (isBlank(value)) throw valueError(`${name} is missing: give a date.`);
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.length <= MAX_DATE_TEXT) {
    const serial = parseIsoDate(value) ?? typedDate(value, name, order);
    if (serial instanceof DateRefusal) throw valueError(serial.why);
    if (serial !== undefined) return serial;
  }
  throw valueError(`${name} must be a date, not ${describeValue(value)}.`);
}

/** An optional date: blank (or 0, Excel's empty date) is none. */
export function readOptionalDate(value: unknown, name: string, order?: DateOrder): number | null {
  return isBlank(value) || value === 0 ? null : readDate(value, name, order);
}

/** TRUE or FALSE: a boolean, 1/0, or the words true/false, yes/no, y/n. Blank is FALSE. */
export function readFlag(value: unknown, name: string): boolean {
  if (isBlank(value)) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value !== 0;
  if (typeof value === "string") {
    const found = FLAG_WORDS[value.trim().toLowerCase()];
    if (found !== undefined) return found;
  }
  throw valueError(`${name} must be TRUE or FALSE, not ${describeValue(value)}.`);
}

function word<T>(value: unknown, words: Readonly<Record<string, T>>): T | undefined {
  if (typeof value !== "string") return undefined;
  const key = value.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(words, key) ? words[key] : undefined;
}

/** "monthly", "quarterly", "semi-annual", "annual" (and synonyms), or payments a year 12, 4, 2, 1. Blank = monthly. */
export function readFrequency(value: unknown, name = "frequency"): Frequency {
  if (isBlank(value)) return "monthly";
  const fromNumber = typeof value === "number" ? numberedFrequency(value) : undefined;
  const found = fromNumber ?? word(value, FREQUENCY_WORDS) ?? (typeof value === "string" ? numberedFrequency(Number(scanNumber(value)?.text)) : undefined);
  if (found) return found;
  throw valueError(
    `${name} must be "monthly", "quarterly", "semi-annual" or "annual" (or 12, 4, 2, 1 payments a year), not ${describeValue(value)}.`,
  );
}

function numberedFrequency(perYear: number): Frequency | undefined {
  return (Object.keys(PAYMENTS_A_YEAR) as Frequency[]).find((f) => PAYMENTS_A_YEAR[f] === perYear);
}

/** "advance" (paid on each period's first day) or "arrears" (its last day). Blank = advance. */
export function readTiming(value: unknown, name = "timing"): Timing {
  if (isBlank(value)) return "advance";
  const found = word(value, TIMING_WORDS);
  if (found) return found;
  throw valueError(`${name} must be "advance" or "arrears", not ${describeValue(value)}.`);
}

/** "full" (a begun period is owed in full) or "actual" (pro rata by days served). Blank = full. */
export function readProration(value: unknown, name = "proration"): Proration {
  if (isBlank(value)) return "full";
  const found = word(value, PRORATION_WORDS);
  if (found) return found;
  throw valueError(`${name} must be "full" or "actual", not ${describeValue(value)}.`);
}

/**
 * The first character of text that a workbook (XML 1.0) cannot hold — a control character other than
 * tab and line breaks, U+FFFE, U+FFFF or half a surrogate pair — as "U+0001", or undefined. One pass.
 *
 * @example
 * unholdableCharacter("Acme\u0001") // "U+0001"
 */
export function unholdableCharacter(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let bad = (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else bad = true;
    } else if (c >= 0xdc00 && c <= 0xdfff) bad = true;
    if (bad) return `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return undefined;
}

/** Free text (a party's name), trimmed; blank is "". Text a workbook cannot hold is refused. */
export function readText(value: unknown, name: string): string {
  if (isBlank(value)) return "";
  if (typeof value === "string") {
    const bad = unholdableCharacter(value);
    if (bad !== undefined) {
      throw valueError(`${name} holds a ${Number.parseInt(bad.slice(2), 16) < 32 ? "control character" : "character"} (${bad}) that a workbook cannot hold: remove it.`);
    }
    return value.trim();
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw valueError(`${name} must be text, not ${describeValue(value)}.`);
}
