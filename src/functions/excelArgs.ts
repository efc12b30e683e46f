/**
 * Reading Excel arguments. Custom functions receive raw cell values: numbers, text, booleans,
 * `null` for an omitted argument or a blank cell (some hosts send 0 for a blank cell), and 2-D arrays
 * for ranges. These helpers turn them into core inputs, or a `#VALUE!` with a message that names the
 * argument. The convention throughout: omitted, blank, "" and 0 all mean "use the default" for options.
 */
import { ContractTerms, DealError, FIELD, FieldDecl, FieldValue, Frequency, Proration, RampStepInput, readField, Timing, TermsInput, validateTerms, valueError } from "../core";
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
 * A DEAL argument that is a declared field (src/core/fields.ts), read by its kind's one reader and
 * named in messages by its argument name. Omitted or blank gives the field's default (an error for a
 * required field without one); for the word kinds and optional dates, 0 is blank too, as some hosts
 * send 0 for an empty cell.
 *
 * @example
 * readArg(FIELD.Escalation, "3%") // 0.03
 */
export function readArg(decl: FieldDecl, value: unknown): FieldValue {
  const v = single(value);
  const wordOrDate = decl.kind === "frequency" || decl.kind === "timing" || decl.kind === "proration" || decl.kind === "optionalDate";
  return readField(decl, wordOrDate && v === 0 ? null : v);
}

/** A field argument that is a number (amount, rate, whole number, serial). */
export const readArgNumber = (decl: FieldDecl, value: unknown): number => readArg(decl, value) as number;

/** An optional amount argument; blank means `fallback`. */
export function readOptionalAmount(value: unknown, name: string, fallback: number): number {
  return isBlank(single(value)) ? fallback : readAmount(value, name);
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

/** A backlog's basis: "revenue" (straight line over service days) or "payments"; blank or 0 = revenue. */
export function readBasis(value: unknown): "revenue" | "payments" {
  const v = single(value);
  return isDefault(v) ? "revenue" : vocabulary.readBasis(v);
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

/** The schedule arguments every term function shares, as Excel passed them. */
export interface ScheduleArgs {
  readonly startDate: unknown;
  readonly endDate: unknown;
  readonly payment: unknown;
  readonly frequency?: unknown;
  readonly escalation?: unknown;
  readonly timing?: unknown;
  readonly proration?: unknown;
}

/**
 * The schedule arguments every term function shares, in the documented order: start, end, payment,
 * then the options frequency, escalation, timing, proration.
 */
export function readScheduleArgs(args: ScheduleArgs): TermsInput {
  return {
    startDate: readArgNumber(FIELD.StartDate, args.startDate),
    endDate: readArgNumber(FIELD.EndDate, args.endDate),
    payment: readPayment(args.payment),
    frequency: readArg(FIELD.Frequency, args.frequency) as Frequency,
    escalation: readArgNumber(FIELD.Escalation, args.escalation),
    timing: readArg(FIELD.Timing, args.timing) as Timing,
    proration: readArg(FIELD.Proration, args.proration) as Proration,
  };
}

/** The termination arguments the exit functions share, as Excel passed them. */
export interface TerminationArgs {
  readonly lockInMonths: unknown;
  readonly noticeDays: unknown;
  readonly noticeInLockIn?: unknown;
  readonly noticeDate?: unknown;
  readonly terminationFee?: unknown;
}

/** The termination arguments the exit functions share: lock-in, notice days, notice in the lock-in, notice date, fee. */
export function readTerminationArgs(
  args: TerminationArgs,
): Pick<TermsInput, "lockInMonths" | "noticeDays" | "noticeDuringLockIn" | "noticeDate" | "terminationFee"> {
  return {
    lockInMonths: readArgNumber(FIELD.LockInMonths, args.lockInMonths),
    noticeDays: readArgNumber(FIELD.NoticeDays, args.noticeDays),
    noticeDuringLockIn: readArg(FIELD.NoticeInLockIn, args.noticeInLockIn) as boolean,
    noticeDate: readArg(FIELD.NoticeDate, args.noticeDate) as number | null,
    terminationFee: readArgNumber(FIELD.TerminationFee, args.terminationFee),
  };
}

/** The validated terms of the schedule arguments alone (no termination clause). */
export function readScheduleTerms(args: ScheduleArgs): ContractTerms {
  return validateTerms(readScheduleArgs(args));
}

/**
 * The validated terms of a lease with a termination clause: the schedule arguments, then lock-in,
 * notice, notice in the lock-in, notice date (blank: the earliest permitted) and fee — as the exit,
 * value and market functions share them.
 */
export function readLeaseTerms(args: ScheduleArgs & TerminationArgs): ContractTerms {
  // Object.assign, not {...spread, more}: in Node 20's V8 a spread followed by new keys costs tens of µs.
  return validateTerms(Object.assign(readScheduleArgs(args), readTerminationArgs(args)));
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
