/**
 * A compute-lease contract's terms: one type, one validation. Every adapter (custom functions, task
 * pane, command line, templates) builds a {@link TermsInput} and calls {@link validateTerms}; nothing
 * downstream re-checks.
 */
import { Decimal, ZERO } from "./money";
import {
  DateSystem,
  edate,
  formatIsoDate,
  MAX_SERIAL_1900,
  MAX_SERIAL_1904,
  Serial,
  serialAfterMonths,
  serialToDate,
} from "./dates";
import { numError, valueError } from "./errors";
import { scanNumber } from "./numberText";

export type Frequency = "monthly" | "quarterly" | "semiannual" | "annual";
/** Paid on the period's first day (`advance`) or its last day (`arrears`). */
export type Timing = "advance" | "arrears";
/** A begun period is owed in `full`, or pro rata by `actual` days served. */
export type Proration = "full" | "actual";

export const FREQUENCIES: readonly Frequency[] = ["monthly", "quarterly", "semiannual", "annual"];
export const MONTHS_PER_PERIOD: Readonly<Record<Frequency, number>> = {
  monthly: 1,
  quarterly: 3,
  semiannual: 6,
  annual: 12,
};
/** The longest term, in months (100 years), whatever the frequency: the end date must fall before EDATE(start, 1200). */
export const MAX_TERM_MONTHS = 1200;
/** The most periods a schedule may hold: a term of {@link MAX_TERM_MONTHS} months paid monthly. */
export const MAX_PERIODS = MAX_TERM_MONTHS;

export interface RampStep {
  /** Applies to every period that starts on or after this date, until the next step. */
  readonly effectiveDate: Serial;
  readonly amount: Decimal;
}

export type Payment =
  | { readonly kind: "fixed"; readonly amount: Decimal }
  | { readonly kind: "ramp"; readonly steps: readonly RampStep[] };

export interface Termination {
  /** Whole months from the start during which the contract cannot be ended. */
  readonly lockInMonths: number;
  /** Alternatively, the lock-in's last day; when set it replaces `lockInMonths`. */
  readonly lockInLastDay: Serial | null;
  readonly noticeDays: number;
  /** May notice be served during the lock-in (taking effect no earlier than its end)? */
  readonly noticeDuringLockIn: boolean;
  /** When notice is served; `null` means the earliest permitted day. */
  readonly noticeDate: Serial | null;
  /** Paid on an early termination, on top of the payments owed. */
  readonly fee: Decimal;
}

export interface ContractTerms {
  readonly dateSystem: DateSystem;
  /** First day of service. */
  readonly startDate: Serial;
  /** Last day of service, inclusive. */
  readonly endDate: Serial;
  readonly payment: Payment;
  readonly frequency: Frequency;
  /** Annual escalation rate applied on each anniversary of the start, compounding (0.03 = 3%). */
  readonly escalation: Decimal;
  readonly timing: Timing;
  readonly proration: Proration;
  readonly termination: Termination;
}

export type MoneyInput = number | string | Decimal;

export interface RampStepInput {
  readonly effectiveDate: number;
  readonly amount: MoneyInput;
}

/** What an adapter hands over: plain values, optional ones left out for their defaults. */
export interface TermsInput {
  readonly dateSystem?: DateSystem;
  readonly startDate: number;
  readonly endDate: number;
  readonly payment: MoneyInput | readonly RampStepInput[];
  readonly frequency?: Frequency;
  readonly escalation?: MoneyInput;
  readonly timing?: Timing;
  readonly proration?: Proration;
  readonly lockInMonths?: number;
  readonly lockInLastDay?: number | null;
  readonly noticeDays?: number;
  readonly noticeDuringLockIn?: boolean;
  readonly noticeDate?: number | null;
  readonly terminationFee?: MoneyInput;
}

/**
 * Checks and normalises contract terms. Throws a {@link DealError}: `value` for a missing or
 * malformed argument, `num` for an impossible one (end before start, an end date of 9999-12-31, a
 * payment below half a cent, a term longer than 1,200 months whatever the frequency).
 *
 * Runs in constant time for a fixed payment: nothing here walks the periods of the term.
 *
 * @example
 * validateTerms({ startDate: 46204, endDate: 47483, payment: 150_000_000 }).frequency // "monthly"
 */
export function validateTerms(input: TermsInput): ContractTerms {
  const dateSystem = input.dateSystem ?? "1900";
  const startDate = checkDate(input.startDate, "start_date", dateSystem);
  const endDate = checkDate(input.endDate, "end_date", dateSystem);
  if (endDate < startDate) {
    throw numError(
      `The end date ${formatIsoDate(endDate, dateSystem)} is before the start date ${formatIsoDate(startDate, dateSystem)}.`,
    );
  }
  if (endDate === (dateSystem === "1904" ? MAX_SERIAL_1904 : MAX_SERIAL_1900)) {
    throw numError(
      "The end date cannot be 9999-12-31, the last day of Excel's calendar: the day after the end date (the exit date when the contract simply runs out) must exist in Excel's calendar.",
    );
  }
  const frequency = checkFrequency(input.frequency);
  // The limit is on the length of the term, not on the number of periods, so every function accepts
  // the same terms whatever the frequency. Constant time: no walk over the periods.
  // 1,200 months hold at least 36,524 days (100 years with 24 leap days), so a shorter span is
  // within the limit without any calendar work.
  const limit =
    endDate - startDate < 36524 ? Infinity : serialAfterMonths(serialToDate(startDate, dateSystem), MAX_TERM_MONTHS, dateSystem);
  if (endDate >= limit) {
    throw numError(
      `The term from ${formatIsoDate(startDate, dateSystem)} to ${formatIsoDate(endDate, dateSystem)} is longer than 1,200 months (100 years), the longest supported: end it by ${formatIsoDate(limit - 1, dateSystem)}.`,
    );
  }
  const timing = input.timing ?? "advance";
  if (timing !== "advance" && timing !== "arrears") throw valueError(`Unknown timing "${String(timing)}".`);
  const proration = input.proration ?? "full";
  if (proration !== "full" && proration !== "actual") {
    throw valueError(`Unknown proration "${String(proration)}".`);
  }
  const escalation = checkEscalation(input.escalation ?? 0);
  const payment = checkPayment(input.payment, startDate, dateSystem);
  const termination = checkTermination(input, startDate, dateSystem);
  return { dateSystem, startDate, endDate, payment, frequency, escalation, timing, proration, termination };
}

/** An annual escalation rate: above -100%, at most 1000%. */
export function checkEscalation(value: MoneyInput): Decimal {
  const escalation = checkMoney(value, "escalation");
  if (!escalation.isZero() && (escalation.lte(-1) || escalation.gt(10))) {
    throw numError("The escalation rate must be above -100% and at most 1000% a year.");
  }
  return escalation;
}

/** A frequency name. */
export function checkFrequency(value: Frequency | undefined): Frequency {
  const frequency = value ?? "monthly";
  if (!FREQUENCIES.includes(frequency)) throw valueError(`Unknown frequency "${String(frequency)}".`);
  return frequency;
}

/**
 * Number of periods in a term: period k starts at EDATE(start, k × months) while that is on or
 * before the end date.
 *
 * @example
 * countPeriods(46204, 47483, 1) // 42
 */
export function countPeriods(startDate: Serial, endDate: Serial, monthsPerPeriod: number, system: DateSystem = "1900"): number {
  return periodIndexOn(startDate, endDate, monthsPerPeriod, system) + 1;
}

/**
 * The 0-based index of the period that contains `day` (day ≥ start): the largest k with
 * EDATE(start, k × months) ≤ day. The one period search of the core, in constant time.
 *
 * @example
 * periodIndexOn(46204, 46386, 1) // 5: 2026-12-30 lies in the sixth month, from 2026-12-01
 */
export function periodIndexOn(startDate: Serial, day: Serial, monthsPerPeriod: number, system: DateSystem = "1900"): number {
  const start = serialToDate(startDate, system);
  const target = serialToDate(day, system);
  const monthsSpanned = (target.year - start.year) * 12 + (target.month - start.month);
  let k = Math.floor(monthsSpanned / monthsPerPeriod);
  // The last candidate may start after the day when the day of month is earlier than the start's.
  while (k > 0 && serialAfterMonths(start, k * monthsPerPeriod, system) > day) k--;
  return k;
}

/**
 * First day on which the lock-in no longer applies: EDATE(start, lock-in months), or the day after a
 * fixed lock-in end date.
 *
 * @example
 * lockInEnd(validateTerms({ startDate: 46204, endDate: 47483, payment: 1, lockInMonths: 3 })) // 46296: 2026-10-01
 */
export function lockInEnd(terms: Pick<ContractTerms, "startDate" | "dateSystem" | "termination">): Serial {
  const { lockInLastDay, lockInMonths } = terms.termination;
  return lockInLastDay !== null ? lockInLastDay + 1 : edate(terms.startDate, lockInMonths, terms.dateSystem);
}

/**
 * Earliest day notice may be served: the start when notice may run during the lock-in, otherwise the
 * lock-in's end (the seed contract's reading: "after the first three months").
 */
export function earliestNoticeDate(
  terms: Pick<ContractTerms, "startDate" | "dateSystem" | "termination">,
  /** The lock-in's end, when the caller has already computed {@link lockInEnd}. */
  lockIn?: Serial,
): Serial {
  return terms.termination.noticeDuringLockIn ? terms.startDate : (lockIn ?? lockInEnd(terms));
}

function checkTermination(input: TermsInput, startDate: Serial, dateSystem: DateSystem): Termination {
  const lockInMonths = checkWholeNumber(input.lockInMonths ?? 0, "lock_in_months", MAX_PERIODS);
  const lockInLastDay =
    input.lockInLastDay === undefined || input.lockInLastDay === null
      ? null
      : checkDate(input.lockInLastDay, "lock-in end date", dateSystem);
  const noticeDays = checkWholeNumber(input.noticeDays ?? 0, "notice_days", 36600);
  const noticeDuringLockIn = input.noticeDuringLockIn ?? false;
  if (typeof noticeDuringLockIn !== "boolean") throw valueError("notice_in_lock_in must be TRUE or FALSE.");
  const fee = checkMoney(input.terminationFee ?? 0, "termination_fee");
  if (!fee.isZero() && fee.isNegative()) throw numError("The termination fee cannot be negative.");
  const noticeDate =
    input.noticeDate === undefined || input.noticeDate === null ? null : checkDate(input.noticeDate, "notice_date", dateSystem);
  const termination: Termination = { lockInMonths, lockInLastDay, noticeDays, noticeDuringLockIn, noticeDate, fee };
  // A lock-in that ends past 9999 is rejected here, not later (earliestNoticeDate throws). Months
  // of at most 31 days (+1 for Excel's phantom 1900-02-29) show when it cannot, sparing the work.
  const lastSerial = dateSystem === "1904" ? MAX_SERIAL_1904 : MAX_SERIAL_1900;
  const lockInMayPassCalendar = !noticeDuringLockIn && lockInLastDay === null && startDate + 31 * lockInMonths + 1 > lastSerial;
  if (noticeDate !== null || lockInMayPassCalendar) {
    const earliest = earliestNoticeDate({ startDate, dateSystem, termination });
    if (noticeDate !== null && noticeDate < earliest) {
      throw valueError(
        `Notice served on ${formatIsoDate(noticeDate, dateSystem)} is too early: the earliest permitted notice date is ${formatIsoDate(earliest, dateSystem)}.`,
      );
    }
  }
  return termination;
}

/**
 * Checks a payment: an amount of at least half a cent, or a ramp of ascending dates and amounts that
 * are 0 or at least half a cent, whose first date is on or before the start (when a start is known).
 */
export function checkPayment(payment: TermsInput["payment"], startDate: Serial | null, dateSystem: DateSystem): Payment {
  if (!Array.isArray(payment)) {
    const amount = checkMoney(payment as MoneyInput, "payment");
    // A number is judged on the double (the decimal is its shortest text: the same order, the same
    // answer), sparing two decimal comparisons per call.
    const tooSmall = typeof payment === "number" ? !(payment >= 0.005) : amount.lt(HALF_CENT);
    if (tooSmall && (!amount.isPositive() || amount.isZero())) throw numError("The payment per period must be greater than zero.");
    if (tooSmall) {
      throw numError("The payment per period must be at least half a cent (0.005): a smaller amount rounds to 0.00.");
    }
    return { kind: "fixed", amount };
  }
  const rows = payment as readonly RampStepInput[];
  if (rows.length === 0) throw valueError("The payment ramp is empty: give at least one row of date and amount.");
  const steps: RampStep[] = [];
  for (const [i, row] of rows.entries()) {
    const effectiveDate = checkDate(row.effectiveDate, `ramp row ${i + 1} date`, dateSystem);
    const amount = checkMoney(row.amount, `ramp row ${i + 1} amount`);
    if (amount.isNegative()) throw numError(`Ramp row ${i + 1}: the amount cannot be negative.`);
    if (!amount.isZero() && amount.lt(HALF_CENT)) {
      throw numError(`Ramp row ${i + 1}: the amount must be 0 or at least half a cent (0.005); a smaller amount rounds to 0.00.`);
    }
    const previous = steps[steps.length - 1];
    if (previous && effectiveDate <= previous.effectiveDate) {
      throw valueError(`Ramp dates must be in ascending order without repeats (row ${i + 1}).`);
    }
    steps.push({ effectiveDate, amount });
  }
  if (startDate !== null && steps[0].effectiveDate > startDate) {
    throw valueError(
      `The ramp's first date ${formatIsoDate(steps[0].effectiveDate, dateSystem)} is after the start date ${formatIsoDate(startDate, dateSystem)}: say what is paid from the start.`,
    );
  }
  return { kind: "ramp", steps };
}

/** Dates arrive as serials; a time of day (a fraction) is dropped, as EDATE does. */
export function checkDate(value: number, name: string, system: DateSystem): Serial {
  if (typeof value !== "number" || !Number.isFinite(value)) throw valueError(`${name} must be a date.`);
  const serial = Math.floor(value);
  const min = system === "1904" ? 0 : 1;
  const max = system === "1904" ? MAX_SERIAL_1904 : MAX_SERIAL_1900;
  if (serial < min || serial > max) throw numError(`${name} is outside Excel's calendar (1900 to 9999).`);
  return serial;
}

function checkWholeNumber(value: number, name: string, max: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw valueError(`${name} must be a number.`);
  if (!Number.isInteger(value)) throw valueError(`${name} must be a whole number.`);
  if (value < 0 || value > max) throw numError(`${name} must be between 0 and ${max}.`);
  return value;
}

/** The smallest payment that does not round to 0.00: ROUND(0.005, 2) = 0.01. */
const HALF_CENT = new Decimal("0.005");

/** Amounts at or above a quadrillion are refused: they are typing errors, and they keep results finite. */
const MAX_AMOUNT = new Decimal("1e15");

export function checkMoney(value: MoneyInput, name: string): Decimal {
  if (typeof value === "number" && Number.isFinite(value)) {
    // Decided on the double: Decimal(v) is v's shortest decimal text, and that text is at or above
    // 1e15 exactly when v is (parsing is monotonic and 1e15 is a double). 0 (and -0) is the shared ZERO.
    if (Math.abs(value) >= 1e15) throw numError(`${name} must be below 1,000,000,000,000,000.`);
    return value === 0 ? ZERO : new Decimal(value);
  }
  let amount: Decimal | undefined;
  if (value instanceof Decimal) amount = value;
  else if (typeof value === "number" && Number.isFinite(value)) amount = new Decimal(value);
  else if (typeof value === "string") {
    // Decimal text, read by the vocabulary's single-pass scanner (a backtracking expression took
    // seconds on a cell of 32,767 digits and a letter).
    const scanned = scanNumber(value);
    if (scanned !== undefined && scanned.text.length <= 400) amount = new Decimal(scanned.text);
  }
  if (amount === undefined || !amount.isFinite()) throw valueError(`${name} must be a number.`);
  if (amount.abs().gte(MAX_AMOUNT)) throw numError(`${name} must be below 1,000,000,000,000,000.`);
  return amount;
}

/**
 * Whether terms give a termination clause: any of lock-in months, lock-in last day, notice days or a
 * notice date. Terms that give none have no early-exit right (see {@link lockedToEnd}).
 *
 * @example
 * hasTerminationTerms({ startDate: 46204, endDate: 47483, payment: 1 }) // false
 */
export function hasTerminationTerms(input: Partial<TermsInput>): boolean {
  const given = (value: unknown) => value !== undefined && value !== null;
  return [input.lockInMonths, input.lockInLastDay, input.noticeDays, input.noticeDate].some(given);
}

/**
 * Terms without a termination clause, as the engines read them: locked in to the end, so that every
 * exit falls after it and the committed value is the headline. A missing clause is no clause, never
 * "terminable at once with no notice".
 *
 * @example
 * validateTerms(lockedToEnd({ startDate: 46204, endDate: 47483, payment: 1 })).termination.lockInLastDay // 47483
 */
export function lockedToEnd<T extends Partial<TermsInput>>(input: T): T {
  return { ...input, lockInMonths: 0, lockInLastDay: input.endDate, noticeDays: 0, noticeDate: null };
}
