/**
 * What is owed up to an exit, from the schedule's cumulative sums.
 */
import { Serial } from "../dates";
import { Decimal, ZERO } from "../money";
import { Period, prorate } from "../schedule";
import { ContractTerms } from "../terms";

/**
 * What a period pays for service before `exit` (the first day without service): nothing if it starts
 * on or after the exit; its payment if fully served or if proration is `full`; otherwise its rate for
 * the days served — the rule of {@link exitOutcome}, for one period.
 */
export function owedInPeriod(terms: ContractTerms, period: Period, exit: Serial): Decimal {
  if (exit <= period.start) return ZERO;
  const lastDayServed = exit - 1;
  if (lastDayServed >= period.end || terms.proration === "full") return period.payment;
  return prorate(period.rate, lastDayServed - period.start + 1, period.fullDays);
}

/**
 * Payments owed for service before an exit date, read from the cumulative column: O(1) per question
 * when the exits asked about never move earlier (the cursor only moves forward).
 */
export class OwedCursor {
  /** Index of the first period starting on or after the last exit asked about. */
  private next = 0;

  constructor(
    private readonly terms: ContractTerms,
    private readonly schedule: readonly Period[],
  ) {}

  /** Payments owed before `exit`, without any fee. Exits must be asked in non-decreasing order. */
  owedBefore(exit: Serial): Decimal {
    const schedule = this.schedule;
    if (this.next > 0 && schedule[this.next - 1].start >= exit) {
      throw new Error("OwedCursor: exits must be asked in non-decreasing order.");
    }
    while (this.next < schedule.length && schedule[this.next].start < exit) this.next++;
    if (this.next === 0) return ZERO;
    const before = this.next >= 2 ? schedule[this.next - 2].cumulative : ZERO;
    return before.plus(owedInPeriod(this.terms, schedule[this.next - 1], exit));
  }

  /** Number of periods begun before the last exit asked about. */
  get periodsBegun(): number {
    return this.next;
  }
}

/** The terms with notice served on `noticeDate`. */
export function withNotice(terms: ContractTerms, noticeDate: Serial): ContractTerms {
  return { ...terms, termination: { ...terms.termination, noticeDate } };
}

/** Index of the period that contains `day` (start ≤ day ≤ end), or -1 if none: a binary search. */
export function periodIndexContaining(schedule: readonly Period[], day: Serial): number {
  let lo = 0;
  let hi = schedule.length - 1;
  if (hi < 0 || day < schedule[0].start || day > schedule[hi].end) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (schedule[mid].start <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
