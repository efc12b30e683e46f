/**
 * Committed value at the close of a day: the service not yet rendered up to the cheapest exit, plus the fee.
 */
import { Serial } from "../dates";
import { Decimal, roundCents, ZERO } from "../money";
import { buildSchedule, Period, scheduleBefore } from "../schedule";
import { exitDate } from "../termination";
import { checkDate, ContractTerms, earliestNoticeDate } from "../terms";
import { totalValue } from "../valuation";
import { OwedCursor, owedInPeriod, periodIndexContaining, withNotice } from "./owed";

export interface RemainingCommitment {
  /** The day asked about: the figure is at its close (docs/conventions.md#as-of-a-date). */
  readonly asOf: Serial;
  /** The day notice is taken to be served: the later of the day after `asOf` and the earliest permitted notice date. */
  readonly noticeDate: Serial;
  /** The exit that notice gives: the first day without service (end + 1 if none within the term). */
  readonly exitDate: Serial;
  readonly early: boolean;
  /** Everything owed up to that exit, fee included: EXIT_VALUE with that notice date. */
  readonly owedAtExit: Decimal;
  /** The part of it that pays for service rendered up to the close of `asOf` (that day included). */
  readonly rendered: Decimal;
  readonly fee: Decimal;
  /** owedAtExit − rendered: service still to be rendered up to the exit, plus the fee. 0 after the end. */
  readonly value: Decimal;
}

/**
 * What remains enforceable at the close of `asOf`: the consideration for service from the next day
 * up to the exit that notice served on the next day (or on the earliest permitted notice date, if
 * later) would give, plus the termination fee on an early exit. At the close of a day its service is
 * rendered and notice can no longer be served on it (docs/conventions.md#as-of-a-date). A notice date
 * in the terms is not used: the question is what notice served now would leave.
 *
 * "Service not yet rendered": what is paid in advance but not yet earned counts, what was earned but
 * is paid in arrears does not. A period's amount (its payment, or what is owed for it at the exit) is
 * earned evenly over the days of service it pays for; the period containing `asOf` counts the days
 * after `asOf`, rounded to the cent. Before the start date nothing is rendered, so as of the day
 * before the start (or any earlier day) the value equals {@link exitOutcome}'s (EXIT_VALUE). At the
 * close of the end date, and after it, it is 0.
 *
 * @example
 * // Seed at the close of 2026-12-31: notice on 2027-01-01 gives exit 2027-04-01; Jan–Mar remain: 450,000,000
 * committedValue(seedTerms, 46387).value.toString() // "450000000"
 */
export function committedValue(terms: ContractTerms, asOf: Serial, given?: readonly Period[]): RemainingCommitment {
  asOf = checkDate(asOf, "as_of_date", terms.dateSystem);
  const earliest = earliestNoticeDate(terms);
  if (asOf >= terms.endDate) {
    // At the close of the end date every day of service is rendered.
    const schedule = given ?? buildSchedule(terms);
    return {
      asOf,
      noticeDate: Math.max(asOf + 1, earliest),
      exitDate: terms.endDate + 1,
      early: false,
      owedAtExit: totalValue(schedule),
      rendered: totalValue(schedule),
      fee: ZERO,
      value: ZERO,
    };
  }
  // The first day not yet closed: service from it on remains, and notice can be served on it at the earliest.
  const next = asOf + 1;
  const noticeDate = Math.max(next, earliest);
  // Notice after the end cannot be served: exitDate clamps to end + 1 (the contract runs out).
  const exit = exitDate(withNotice(terms, Math.min(noticeDate, terms.endDate)));
  // Only the periods up to the exit and the day asked about matter: the cost follows them, not the term.
  const schedule = given ?? scheduleBefore(terms, Math.max(exit, next + 1));
  const early = exit <= terms.endDate;
  const fee = early ? terms.termination.fee : ZERO;
  const owedAtExit = new OwedCursor(terms, schedule).owedBefore(exit).plus(fee);
  let rendered = ZERO;
  const i = periodIndexContaining(schedule, next);
  if (i >= 0) {
    const period = schedule[i];
    rendered = i > 0 ? schedule[i - 1].cumulative : ZERO;
    const owed = owedInPeriod(terms, period, exit);
    if (!owed.isZero()) {
      const lastDayPaidFor = Math.min(period.end, exit - 1);
      const daysPaidFor = lastDayPaidFor - period.start + 1;
      const daysLeft = Math.max(0, lastDayPaidFor - next + 1);
      const remaining = daysLeft === daysPaidFor ? owed : roundCents(owed.times(daysLeft).dividedBy(daysPaidFor));
      rendered = rendered.plus(owed.minus(remaining));
    }
  }
  return { asOf, noticeDate, exitDate: exit, early, owedAtExit, rendered, fee, value: owedAtExit.minus(rendered) };
}
