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
import { withoutCurrency } from "./currencyText";
import { DateOrder, DateRefusal, typedDate } from "./dateText";

export { currencyOf, withoutCurrency } from "./currencyText";
export type { DateOrder } from "./dateText";
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

/** The words for a backlog's basis: by revenue (service days) or by payment date. */
export const BASIS_WORDS: Readonly<Record<string, "revenue" | "payments">> = {
  revenue: "revenue",
  service: "revenue",
  payments: "payments",
  payment: "payments",
  cash: "payments",
};

/** "revenue" (straight line over each period's service days) or "payments" (by payment date). Blank = revenue. */
export function readBasis(value: unknown, name = "basis"): "revenue" | "payments" {
  if (isBlank(value)) return "revenue";
  const found = word(value, BASIS_WORDS);
  if (found) return found;
  throw valueError(`${name} must be "revenue" or "payments", not ${describeValue(value)}.`);
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
