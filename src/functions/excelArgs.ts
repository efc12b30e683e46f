/**
 * Reading Excel arguments. Custom functions receive raw cell values: numbers, text, booleans,
 * `null` for an omitted argument or a blank cell (some hosts send 0 for a blank cell), and 2-D arrays
 * for ranges. These helpers turn them into core inputs, or a `#VALUE!` with a message that names the
 * argument. The convention throughout: omitted, blank, "" and 0 all mean "use the default" for options.
 */
import { CellReaders, DealError, Frequency, Proration, RampStepInput, Timing, TermsInput, valueError } from "../core";
import * as vocabulary from "../core/vocabulary";
import { isBlank } from "../core/vocabulary";

export type CellValue = number | string | boolean | null | undefined;

/** A 1×1 range, as Excel passes a single cell to a matrix parameter, becomes its value. */
function single(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 ? value[0][0] : value;
}

/** Omitted, blank, "" or 0: an option's default. */
const isDefault = (value: unknown) => isBlank(value) || value === 0;

/** A required date: a serial number or an ISO `YYYY-MM-DD` text. */
export function readDate(value: unknown, name: string): number {
  return vocabulary.readDate(single(value), name);
}

/** An optional date; blank or 0 means none. */
export function readOptionalDate(value: unknown, name: string): number | null {
  return vocabulary.readOptionalDate(single(value), name);
}

/** A rate: a fraction (0.08) or a percentage ("8%"); a bare number above 1 is refused as ambiguous. */
export function readRate(value: unknown, name: string): number {
  return vocabulary.readRate(single(value), name);
}

/** A whole number: months, days. */
export function readWhole(value: unknown, name: string): number {
  return vocabulary.readWhole(single(value), name);
}

/** An amount (numeric text accepted, thousands commas included). */
export function readAmount(value: unknown, name: string): number {
  return vocabulary.readAmount(single(value), name);
}

/**
 * What kind of number each DEAL argument is. `readNumber` reads an argument by its kind, so a rate
 * argument follows the rate rule and a count of months must be whole; any other argument is an amount.
 */
const ARGUMENT_KINDS: Readonly<Record<string, "rate" | "whole">> = {
  discount_rate: "rate",
  escalation: "rate",
  lock_in_months: "whole",
  notice_days: "whole",
};

/** A required number, read as the kind its argument is (see {@link ARGUMENT_KINDS}). */
export function readNumber(value: unknown, name: string): number {
  switch (ARGUMENT_KINDS[name]) {
    case "rate":
      return readRate(value, name);
    case "whole":
      return readWhole(value, name);
    default:
      return readAmount(value, name);
  }
}

/** An optional number; blank means `fallback`. */
export function readOptionalNumber(value: unknown, name: string, fallback: number): number {
  return isBlank(single(value)) ? fallback : readNumber(value, name);
}

/** TRUE/FALSE, 1/0, or the words yes/no; blank means FALSE. */
export function readFlag(value: unknown, name: string): boolean {
  return vocabulary.readFlag(single(value), name);
}

/** "monthly", "quarterly", "semi-annual", "annual", or payments per year 12, 4, 2, 1; blank or 0 = monthly. */
export function readFrequency(value: unknown): Frequency {
  const v = single(value);
  return isDefault(v) ? "monthly" : vocabulary.readFrequency(v);
}

/** "advance" (paid on each period's first day) or "arrears" (its last day); blank or 0 = advance. */
export function readTiming(value: unknown): Timing {
  const v = single(value);
  return isDefault(v) ? "advance" : vocabulary.readTiming(v);
}

/** "full" (a begun period is owed in full) or "actual" (pro rata by days served); blank or 0 = full. */
export function readProration(value: unknown): Proration {
  const v = single(value);
  return isDefault(v) ? "full" : vocabulary.readProration(v);
}

/**
 * A payment: one number per period, or a two-column range of effective dates and amounts (a ramp).
 * Fully blank rows of a ramp range are ignored, so the range may be larger than the ramp.
 */
export function readPayment(value: unknown): TermsInput["payment"] {
  const v = single(value);
  if (!Array.isArray(v)) return readAmount(v, "payment");
  const rows = v as unknown[][];
  if (!rows.every((row) => Array.isArray(row) && row.length === 2)) {
    throw valueError("payment must be a number or a two-column range of effective dates and amounts.");
  }
  const steps: RampStepInput[] = [];
  rows.forEach(([date, amount], i) => {
    if ((isBlank(date) || date === 0) && (isBlank(amount) || amount === 0)) return;
    steps.push({ effectiveDate: readDate(date, `ramp row ${i + 1} date`), amount: readAmount(amount, `ramp row ${i + 1} amount`) });
  });
  if (steps.length === 0) throw valueError("The payment ramp is empty: give at least one row of date and amount.");
  return steps;
}

/**
 * A register's cells are read as the same values are read as DEAL arguments: the readers the register
 * core takes (src/core/register.ts), for the functions, the pane and the command line alike.
 */
export const EXCEL_CELL_READERS: CellReaders = {
  date: readDate,
  number: readNumber,
  flag: readFlag,
  frequency: readFrequency,
  timing: readTiming,
  proration: readProration,
};

/**
 * The schedule arguments every term function shares, in the documented order: start, end, payment,
 * then the options frequency, escalation, timing, proration.
 */
export function readScheduleArgs(
  startDate: unknown,
  endDate: unknown,
  payment: unknown,
  frequency: unknown,
  escalation: unknown,
  timing: unknown,
  proration: unknown,
): TermsInput {
  return {
    startDate: readDate(startDate, "start_date"),
    endDate: readDate(endDate, "end_date"),
    payment: readPayment(payment),
    frequency: readFrequency(frequency),
    escalation: readOptionalNumber(escalation, "escalation", 0),
    timing: readTiming(timing),
    proration: readProration(proration),
  };
}

/** The termination arguments the exit functions share: lock-in, notice days, notice in the lock-in, notice date, fee. */
export function readTerminationArgs(
  lockInMonths: unknown,
  noticeDays: unknown,
  noticeInLockIn: unknown,
  noticeDate: unknown,
  terminationFee: unknown,
): Pick<TermsInput, "lockInMonths" | "noticeDays" | "noticeDuringLockIn" | "noticeDate" | "terminationFee"> {
  return {
    lockInMonths: readNumber(lockInMonths, "lock_in_months"),
    noticeDays: readNumber(noticeDays, "notice_days"),
    noticeDuringLockIn: readFlag(noticeInLockIn, "notice_in_lock_in"),
    noticeDate: readOptionalDate(noticeDate, "notice_date"),
    terminationFee: readOptionalNumber(terminationFee, "termination_fee", 0),
  };
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
