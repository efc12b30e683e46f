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
  return new Outcome(noticeDate, exit, early, fee, last, last !== undefined && exit - 1 < last.end && terms.proration === "actual");
}

/** An exit outcome whose decimal value is built only when asked for. */
class Outcome implements ExitOutcome {
  private exact: Decimal | undefined;

  constructor(
    readonly noticeDate: Serial,
    readonly exitDate: Serial,
    readonly early: boolean,
    readonly fee: Decimal,
    /** The last period begun before the exit (none when the exit is on the start date). */
    private readonly last: Period | undefined,
    /** Whether the exit cuts that period and only its days served are owed. */
    private readonly cut: boolean,
  ) {}

  get value(): Decimal {
    if (this.exact === undefined) {
      const { last, fee } = this;
      if (last === undefined) this.exact = fee;
      else {
        const owed = this.cut
          ? last.cumulative.minus(last.payment).plus(prorate(last.rate, this.exitDate - last.start, last.fullDays))
          : last.cumulative;
        this.exact = fee.isZero() ? owed : owed.plus(fee);
      }
    }
    return this.exact;
  }

  /** Without a fee or a cut, the double of the cumulative is already known. */
  get valueNumber(): number {
    return this.last !== undefined && !this.cut && this.fee.isZero() ? this.last.cumulativeNumber : toNumber(this.value);
  }
}
