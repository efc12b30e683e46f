/**
 * Early termination: when the contract can end, and what is owed by then.
 */
import { Decimal } from "./money";
import { Serial } from "./dates";
import { ContractTerms, earliestNoticeDate, lockInEnd } from "./terms";
import { buildSchedule, Period, prorate } from "./schedule";

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
  const notice = terms.termination.noticeDate ?? earliestNoticeDate(terms);
  const effective = Math.max(notice + terms.termination.noticeDays, lockInEnd(terms));
  return Math.min(effective, terms.endDate + 1);
}

/**
 * The committed value at exit: every period begun before the exit date is owed — in full, or for the
 * days served when proration is by actual days — plus the termination fee if the exit is early.
 *
 * @example
 * // Seed: Jul–Dec 2026 owed in full
 * exitOutcome(validateTerms({ startDate: 46204, endDate: 47483, payment: 150e6, lockInMonths: 3, noticeDays: 90 })).value.toString() // "900000000"
 */
export function exitOutcome(terms: ContractTerms, schedule: readonly Period[] = buildSchedule(terms)): ExitOutcome {
  const exit = exitDate(terms);
  const early = exit <= terms.endDate;
  let value = new Decimal(0);
  for (const period of schedule) {
    if (period.start >= exit) break;
    const lastDayServed = exit - 1;
    if (lastDayServed >= period.end || terms.proration === "full") value = value.plus(period.payment);
    else value = value.plus(prorate(period.rate, lastDayServed - period.start + 1, period.fullDays));
  }
  const fee = early ? terms.termination.fee : new Decimal(0);
  return {
    noticeDate: terms.termination.noticeDate ?? earliestNoticeDate(terms),
    exitDate: exit,
    early,
    value: value.plus(fee),
    fee,
  };
}
