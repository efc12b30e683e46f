/**
 * Committed value on a day: the remaining performance obligation (ASC 606 / IFRS 15).
 */
import { Serial } from "../dates";
import { Decimal, roundCents, ZERO } from "../money";
import { buildSchedule, Period, scheduleBefore } from "../schedule";
import { exitDate } from "../termination";
import { checkDate, ContractTerms, earliestNoticeDate } from "../terms";
import { totalValue } from "../valuation";
import { OwedCursor, owedInPeriod, periodIndexContaining, withNotice } from "./owed";

export interface RemainingCommitment {
  readonly asOf: Serial;
  /** The day notice is taken to be served: the later of `asOf` and the earliest permitted notice date. */
  readonly noticeDate: Serial;
  /** The exit that notice gives: the first day without service (end + 1 if none within the term). */
  readonly exitDate: Serial;
  readonly early: boolean;
  /** Everything owed up to that exit, fee included: EXIT_VALUE with that notice date. */
  readonly owedAtExit: Decimal;
  /** The part of it that pays for service rendered before `asOf`. */
  readonly rendered: Decimal;
  readonly fee: Decimal;
  /** owedAtExit − rendered: service still to be rendered up to the exit, plus the fee. 0 after the end. */
  readonly value: Decimal;
}

/**
 * What remains enforceable on `asOf`: the consideration for service from `asOf` up to the exit that
 * notice served on `asOf` (or on the earliest permitted notice date, if later) would give, plus the
 * termination fee on an early exit. A notice date in the terms is not used: the question is what
 * notice served now would leave.
 *
 * "Service from asOf" is the revenue team's remaining performance obligation: what is paid in
 * advance but not yet earned counts, what was earned but is paid in arrears does not. A period's
 * amount (its payment, or what is owed for it at the exit) is earned evenly over the days of service
 * it pays for; the period containing `asOf` counts the days from `asOf` on, rounded to the cent. On
 * or before the start date nothing is rendered, so the value equals {@link exitOutcome}'s (EXIT_VALUE).
 * After the end date it is 0.
 *
 * @example
 * // Seed on 2027-01-01: notice then gives exit 2027-04-01; Jan–Mar remain: 450,000,000
 * committedValue(seedTerms, 46388).value.toString() // "450000000"
 */
export function committedValue(terms: ContractTerms, asOf: Serial, given?: readonly Period[]): RemainingCommitment {
  asOf = checkDate(asOf, "as_of_date", terms.dateSystem);
  const earliest = earliestNoticeDate(terms);
  const noticeDate = Math.max(asOf, earliest);
  if (asOf > terms.endDate) {
    const schedule = given ?? buildSchedule(terms);
    return {
      asOf,
      noticeDate,
      exitDate: terms.endDate + 1,
      early: false,
      owedAtExit: totalValue(schedule),
      rendered: totalValue(schedule),
      fee: ZERO,
      value: ZERO,
    };
  }
  // Notice after the end cannot be served: exitDate clamps to end + 1 (the contract runs out).
  const exit = exitDate(withNotice(terms, Math.min(noticeDate, terms.endDate)));
  // Only the periods up to the exit and the day asked about matter: the cost follows them, not the term.
  const schedule = given ?? scheduleBefore(terms, Math.max(exit, asOf + 1));
  const early = exit <= terms.endDate;
  const fee = early ? terms.termination.fee : ZERO;
  const owedAtExit = new OwedCursor(terms, schedule).owedBefore(exit).plus(fee);
  let rendered = ZERO;
  const i = periodIndexContaining(schedule, asOf);
  if (i >= 0) {
    const period = schedule[i];
    rendered = i > 0 ? schedule[i - 1].cumulative : ZERO;
    const owed = owedInPeriod(terms, period, exit);
    if (!owed.isZero()) {
      const lastDayPaidFor = Math.min(period.end, exit - 1);
      const daysPaidFor = lastDayPaidFor - period.start + 1;
      const daysLeft = Math.max(0, lastDayPaidFor - asOf + 1);
      const remaining = daysLeft === daysPaidFor ? owed : roundCents(owed.times(daysLeft).dividedBy(daysPaidFor));
      rendered = rendered.plus(owed.minus(remaining));
    }
  }
  return { asOf, noticeDate, exitDate: exit, early, owedAtExit, rendered, fee, value: owedAtExit.minus(rendered) };
}
