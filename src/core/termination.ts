/**
 * Early termination: when the contract can end, and what is owed by then.
 */
import { Decimal, toNumber, ZERO } from "./money";
import { Serial } from "./dates";
import { ContractTerms, earliestNoticeDate, lockInEnd } from "./terms";
import { Period, PeriodCursor, prorate } from "./schedule";

export interface ExitOutcome {
  /** The day notice is served: the given notice date or the earliest permitted one. */
  readonly noticeDate: Serial;
  /**
   * The effective termination date: the first day without service. Equals end + 1 when the
   * contract cannot end early (it simply expires).
   */
  readonly exitDate: Serial;
  /** Whether the contract ends before its natural expiry. */
  readonly early: boolean;
  /** Payments owed for service up to the exit date, plus the fee on an early exit. */
  readonly value: Decimal;
  /** `value` as the nearest double — what a cell shows — without building the decimal when it need not. */
  readonly valueNumber: number;
  readonly fee: Decimal;
}

/**
 * The effective termination date: notice date + notice days, never before the lock-in ends and never
 * after the natural expiry (end + 1).
 *
 * @example
 * // Seed: notice 2026-10-01 + 90 days → 2026-12-30
 * exitDate(validateTerms({ startDate: 46204, endDate: 47483, payment: 1, lockInMonths: 3, noticeDays: 90 })) // 46386
 */
export function exitDate(terms: ContractTerms): Serial {
  return noticeAndExit(terms)[1];
}

/** The notice date used and the exit date, with the lock-in's end computed once. */
function noticeAndExit(terms: ContractTerms): [notice: Serial, exit: Serial] {
  const lockIn = lockInEnd(terms);
  const notice = terms.termination.noticeDate ?? earliestNoticeDate(terms, lockIn);
  const effective = Math.max(notice + terms.termination.noticeDays, lockIn);
  return [notice, Math.min(effective, terms.endDate + 1)];
}

/**
 * The committed value at exit: every period begun before the exit date is owed — in full, or for the
 * days served when proration is by actual days — plus the termination fee if the exit is early.
 *
 * Only the periods up to the exit are generated (unless a built schedule is passed in), so the cost
 * follows the exit, not the length of the term.
 *
 * @example
 * // Seed: Jul–Dec 2026 owed in full
 * exitOutcome(validateTerms({ startDate: 46204, endDate: 47483, payment: 150e6, lockInMonths: 3, noticeDays: 90 })).value.toString() // "900000000"
 */
export function exitOutcome(terms: ContractTerms, schedule?: readonly Period[]): ExitOutcome {
  const [noticeDate, exit] = noticeAndExit(terms);
  const early = exit <= terms.endDate;
  // The last period begun before the exit: everything before it is owed in full.
  let last: Period | undefined;
  if (schedule === undefined) {
    const cursor = new PeriodCursor(terms);
    while (cursor.nextStart < exit && cursor.advance());
    if (cursor.number > 0) last = cursor; // the cursor reads as its current period and moves no more
  } else {
    for (const period of schedule) {
      if (period.start >= exit) break;
      last = period;
    }
  }
  const fee = early ? terms.termination.fee : ZERO;
  if (last === undefined) return new Outcome(noticeDate, exit, early, fee, () => fee, undefined);
  const owed = last;
  const lastDayServed = exit - 1;
  if (lastDayServed < owed.end && terms.proration === "actual") {
    // The exit cuts the last period: its days served replace its payment.
    const value = owed.cumulative.minus(owed.payment).plus(prorate(owed.rate, lastDayServed - owed.start + 1, owed.fullDays)).plus(fee);
    return new Outcome(noticeDate, exit, early, fee, () => value, undefined);
  }
  // Owed: the cumulative of the last period begun. Without a fee its double is already known.
  return new Outcome(noticeDate, exit, early, fee, () => (fee.isZero() ? owed.cumulative : owed.cumulative.plus(fee)), fee.isZero() ? owed.cumulativeNumber : undefined);
}

/** An exit outcome whose decimal value is built only when asked for. */
class Outcome implements ExitOutcome {
  private exact: Decimal | undefined;

  constructor(
    readonly noticeDate: Serial,
    readonly exitDate: Serial,
    readonly early: boolean,
    readonly fee: Decimal,
    private readonly compute: () => Decimal,
    private readonly knownNumber: number | undefined,
  ) {}

  get value(): Decimal {
    if (this.exact === undefined) this.exact = this.compute();
    return this.exact;
  }

  get valueNumber(): number {
    return this.knownNumber ?? toNumber(this.value);
  }
}
