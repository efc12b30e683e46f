/**
 * Reading Excel arguments. Custom functions receive raw cell values: numbers, text, booleans,
 * `null` for an omitted argument or a blank cell (some hosts send 0 for a blank cell), and 2-D arrays
 * for ranges. These helpers turn them into core inputs, or a `#VALUE!` with a message that names the
 * argument. The convention throughout: omitted, blank, "" and 0 all mean "use the default" for options.
 */
import {
  DealError,
  Frequency,
  parseIsoDate,
  Proration,
  RampStepInput,
  Timing,
  TermsInput,
  valueError,
} from "../core";

export type CellValue = number | string | boolean | null | undefined;

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A 1×1 range, as Excel passes a single cell to a matrix parameter, becomes its value. */
function single(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 ? value[0][0] : value;
}

function describe(value: unknown): string {
  if (typeof value === "string") return `the text "${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (Array.isArray(value)) return "a range";
  return String(value);
}

/** A required date: a serial number or an ISO `YYYY-MM-DD` text. */
export function readDate(value: unknown, name: string): number {
  const v = single(value);
  if (isBlank(v)) throw valueError(`${name} is missing: give a date.`);
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string") {
    const serial = parseIsoDate(v);
    if (serial !== undefined) return serial;
  }
  throw valueError(`${name} must be a date, not ${describe(v)}.`);
}

/** An optional date; blank or 0 means none. */
export function readOptionalDate(value: unknown, name: string): number | null {
  const v = single(value);
  return isBlank(v) || v === 0 ? null : readDate(v, name);
}

/** A required number (numeric text accepted, as Excel does for typed arguments). */
export function readNumber(value: unknown, name: string): number {
  const v = single(value);
  if (isBlank(v)) throw valueError(`${name} is missing: give a number.`);
  if (typeof v === "number" && Number.isFinite(v)) return v;
  // Decimal text only: Number() would also read "0x1F" or "1_000" in ways Excel does not.
  if (typeof v === "string" && /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(v) && Number.isFinite(Number(v))) return Number(v);
  throw valueError(`${name} must be a number, not ${describe(v)}.`);
}

/** An optional number; blank means `fallback`. */
export function readOptionalNumber(value: unknown, name: string, fallback: number): number {
  return isBlank(single(value)) ? fallback : readNumber(value, name);
}

/** TRUE/FALSE, 1/0, or the words yes/no; blank means FALSE. */
export function readFlag(value: unknown, name: string): boolean {
  const v = single(value);
  if (isBlank(v)) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number" && Number.isFinite(v)) return v !== 0;
  if (typeof v === "string") {
    const word = v.trim().toLowerCase();
    if (["true", "yes", "y", "1"].includes(word)) return true;
    if (["false", "no", "n", "0"].includes(word)) return false;
  }
  throw valueError(`${name} must be TRUE or FALSE, not ${describe(v)}.`);
}

const FREQUENCY_WORDS: Record<string, Frequency> = {
  monthly: "monthly",
  month: "monthly",
  m: "monthly",
  quarterly: "quarterly",
  quarter: "quarterly",
  q: "quarterly",
  "semi-annual": "semiannual",
  semiannual: "semiannual",
  "semi-annually": "semiannual",
  "half-yearly": "semiannual",
  s: "semiannual",
  annual: "annual",
  annually: "annual",
  yearly: "annual",
  a: "annual",
  y: "annual",
};
/** Numbers follow Excel's bond functions: payments per year. */
const FREQUENCY_NUMBERS: Record<number, Frequency> = { 12: "monthly", 4: "quarterly", 2: "semiannual", 1: "annual" };

/** "monthly", "quarterly", "semi-annual", "annual", or payments per year 12, 4, 2, 1; blank = monthly. */
export function readFrequency(value: unknown): Frequency {
  const v = single(value);
  if (isBlank(v) || v === 0) return "monthly";
  const found =
    typeof v === "number" ? FREQUENCY_NUMBERS[v] : typeof v === "string" ? FREQUENCY_WORDS[v.trim().toLowerCase()] : undefined;
  if (found) return found;
  throw valueError(`frequency must be "monthly", "quarterly", "semi-annual" or "annual" (or 12, 4, 2, 1 payments a year), not ${describe(v)}.`);
}

/** "advance" (paid on each period's first day) or "arrears" (its last day); blank = advance. */
export function readTiming(value: unknown): Timing {
  const v = single(value);
  if (isBlank(v) || v === 0) return "advance";
  const word = typeof v === "string" ? v.trim().toLowerCase() : "";
  if (["advance", "in advance", "begin", "start"].includes(word)) return "advance";
  if (["arrears", "in arrears", "end"].includes(word)) return "arrears";
  throw valueError(`timing must be "advance" or "arrears", not ${describe(v)}.`);
}

/** "full" (a begun period is owed in full) or "actual" (pro rata by days served); blank = full. */
export function readProration(value: unknown): Proration {
  const v = single(value);
  if (isBlank(v) || v === 0) return "full";
  const word = typeof v === "string" ? v.trim().toLowerCase() : "";
  if (["full", "in full"].includes(word)) return "full";
  if (["actual", "actual days", "days", "pro rata", "prorata"].includes(word)) return "actual";
  throw valueError(`proration must be "full" or "actual", not ${describe(v)}.`);
}

/**
 * A payment: one number per period, or a two-column range of effective dates and amounts (a ramp).
 * Fully blank rows of a ramp range are ignored, so the range may be larger than the ramp.
 */
export function readPayment(value: unknown): TermsInput["payment"] {
  const v = single(value);
  if (!Array.isArray(v)) return readNumber(v, "payment");
  const rows = v as unknown[][];
  if (!rows.every((row) => Array.isArray(row) && row.length === 2)) {
    throw valueError("payment must be a number or a two-column range of effective dates and amounts.");
  }
  const steps: RampStepInput[] = [];
  rows.forEach(([date, amount], i) => {
    if ((isBlank(date) || date === 0) && (isBlank(amount) || amount === 0)) return;
    steps.push({ effectiveDate: readDate(date, `ramp row ${i + 1} date`), amount: readNumber(amount, `ramp row ${i + 1} amount`) });
  });
  if (steps.length === 0) throw valueError("The payment ramp is empty: give at least one row of date and amount.");
  return steps;
}

/** Anything thrown while reading or computing, as the Excel error a cell should show. */
export function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof DealError) {
    switch (error.kind) {
      case "num":
        // Excel shows no custom message for #NUM!.
        return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
      case "na":
        return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, error.message);
      default:
        return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, error.message);
    }
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Deal Modeler could not compute this: ${detail}`);
}

/**
 * Runs a computation, turning any failure into an Excel error. A number too large for Excel (say, a
 * payment spread over a billionth of a GPU) becomes #NUM!, never Infinity in a cell.
 */
export function excelCall<T>(compute: () => T): T {
  let result: T;
  try {
    result = compute();
  } catch (error) {
    throw toExcelError(error);
  }
  if (typeof result === "number" && !Number.isFinite(result)) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
  }
  return result;
}
