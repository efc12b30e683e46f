/**
 * The maturity analysis of the lease liability (IFRS 16.58; ASC 842-20-50-6).
 */
import { DateSystem, edate, formatIsoDate, Serial } from "../dates";
import { DealError, numError, valueError } from "../errors";
import { Decimal, ZERO } from "../money";
import { LeaseAccounting, leaseAccounting } from "./lessee";
import { LeaseMeasurement } from "./measurement";

export interface MaturityAnalysis {
  readonly asOf: Serial;
  /** Undiscounted payments due in each of the next five years after `asOf` (year i: (EDATE(asOf, 12(i−1)), EDATE(asOf, 12i)]). */
  readonly years: readonly { readonly from: Serial; readonly to: Serial; readonly amount: Decimal }[];
  readonly thereafter: Decimal;
  readonly total: Decimal;
  /** total − liability. */
  readonly imputedInterest: Decimal;
  readonly liability: Decimal;
}

/**
 * The maturity analysis of the lease liability as of a day (IFRS 16.58 with IFRS 7.39(a) and B11;
 * ASC 842-20-50-6): undiscounted payments not yet made, by year, thereafter and in total, less the
 * imputed interest, equal to the liability. As of a day means at that day's close: payments due that
 * day are made and a period ending that day is closed; the liability is the balance after the last
 * payment made, with interest recognised to the last period close. Without a day: at commencement,
 * just after the payment made then. Give the {@link LeaseAccounting} to follow a remeasurement or the
 * short-term exemption (nothing to disclose); a {@link LeaseMeasurement} is enough otherwise.
 */
export function maturityAnalysis(source: LeaseAccounting | LeaseMeasurement, asOf: Serial | null = null): MaturityAnalysis {
  // Without a date nothing after commencement matters, so a measurement suffices and no rows are built.
  const accounting = "rows" in source ? source : asOf === null ? null : leaseAccounting(source);
  const measurement = "rows" in source ? source.measurement : source;
  const terms = measurement.terms;
  const shortTerm = accounting?.standard === "short-term";
  const day = asOf ?? terms.startDate;
  if (day < terms.startDate) {
    throw numError(`The as-of date ${formatIsoDate(day, terms.dateSystem)} is before the commencement ${formatIsoDate(terms.startDate, terms.dateSystem)}.`);
  }
  // The payments: from the rows (which follow a remeasurement) or from the schedule.
  const lines: { readonly end: Serial; readonly paymentDate: Serial; readonly scheduled: Decimal; readonly fee: Decimal }[] = accounting
    ? accounting.rows.map((r) => ({ end: r.end, paymentDate: r.paymentDate, scheduled: r.payment.minus(r.terminationPayment), fee: r.terminationPayment }))
    : measurement.schedule.map((p, j, all) => ({
        end: p.end,
        paymentDate: p.paymentDate,
        scheduled: p.payment,
        fee: j === all.length - 1 ? measurement.terminationPayment : ZERO,
      }));
  const boundaries = [day];
  for (let i = 1; i <= 5; i++) boundaries.push(yearEnd(day, i, terms.dateSystem));
  const amounts = [ZERO, ZERO, ZERO, ZERO, ZERO];
  let thereafter = ZERO;
  // Periods closed on or before the day. The last period closes on the exit date when a termination
  // payment falls due then, so the liability still holds that payment until it is made.
  const closesOn = (j: number) => (j === lines.length - 1 && !lines[j].fee.isZero() ? lines[j].end + 1 : lines[j].end);
  // Without a date: at commencement, just after the payment made then (nothing else has happened yet).
  const atCommencement = asOf === null;
  let closed = 0;
  while (!atCommencement && closed < lines.length && closesOn(closed) <= day) closed++;
  let liability = closed === 0 || !accounting ? measurement.liability : accounting.rows[closed - 1].closingLiability;
  const exitDay = lines.length > 0 ? lines[lines.length - 1].end + 1 : terms.endDate + 1;
  const add = (date: Serial, amount: Decimal) => {
    if (amount.isZero() || date < day || (date === day && !atCommencement)) return;
    const year = boundaries.findIndex((b, i) => i > 0 && date <= b);
    if (year === -1) thereafter = thereafter.plus(amount);
    else amounts[year - 1] = amounts[year - 1].plus(amount);
  };
  for (const [j, line] of lines.entries()) {
    if (shortTerm) break;
    // The payment made at commencement is not in the liability.
    const inLiability = !(j === 0 && terms.timing === "advance");
    if (inLiability) add(line.paymentDate, line.scheduled);
    if (!line.fee.isZero()) add(exitDay, line.fee);
    // In the open period, a payment made on or before the day has already settled part of the liability.
    if (!atCommencement && j === closed && inLiability && line.paymentDate <= day) liability = liability.minus(line.scheduled);
  }
  if (shortTerm) liability = ZERO;
  const total = amounts.reduce((a, b) => a.plus(b), ZERO).plus(thereafter);
  return {
    asOf: day,
    years: amounts.map((amount, i) => ({ from: boundaries[i] + 1, to: boundaries[i + 1], amount })),
    thereafter,
    total,
    imputedInterest: total.minus(liability),
    liability,
  };
}

/** The last day of year `i` of the table from `day`: EDATE(day, 12i), refused by name past Excel's calendar. */
function yearEnd(day: Serial, i: number, system: DateSystem): Serial {
  try {
    return edate(day, 12 * i, system);
  } catch (error) {
    if (!(error instanceof DealError)) throw error;
    throw valueError(
      `The maturity table as of ${formatIsoDate(day, system)} needs five years after it, and its year ${i} would end after 9999-12-31, where Excel's calendar ends: give an as-of date at least five years before that.`,
    );
  }
}
