/**
 * The lessor's maturity analysis of lease payments to be received (ASC 842-30-50-13; IFRS 16.97).
 */
import { edate, formatIsoDate, Serial } from "../dates";
import { numError } from "../errors";
import { Decimal, ZERO } from "../money";
import { buildSchedule } from "../schedule";
import { ContractTerms, MoneyInput } from "../terms";
import { checkNonNegative } from "../accounting/measurement";

export interface LessorMaturity {
  /** The reporting date, at its close. */
  readonly asOf: Serial;
  /** Undiscounted receipts in each of the next five years after `asOf` (year i: (EDATE(asOf, 12(i−1)), EDATE(asOf, 12i)]). */
  readonly years: readonly { readonly from: Serial; readonly to: Serial; readonly amount: Decimal }[];
  readonly thereafter: Decimal;
  readonly total: Decimal;
}

/**
 * The undiscounted lease payments the lessor is still to receive at the close of `asOf`, by year for
 * five years, then the rest and the total (ASC 842-30-50-13: operating lessors, each of the next five
 * years and a total thereafter; IFRS 16.97). A receipt due on or before `asOf` has been received; a
 * termination payment (a lease payment when the term assumes the exit, IFRS 16.70(e); ASC 842-10-30-5(f))
 * is received on the exit date, the day after the term's last day. Without a day: at the close of
 * the commencement day, after any payment received then. `terms` are the lease term's (end = its last day).
 *
 * @example
 * // Seed lease term (2026-07-01 to 2026-12-29, six monthly 150,000,000 in advance), at commencement:
 * // the five payments from August to December fall in year 1 → 750,000,000
 * lessorMaturity(termsEndingOn(seedTerms, 46385)).years[0].amount.toString() // "750000000"
 */
export function lessorMaturity(terms: ContractTerms, terminationPayment: MoneyInput = 0, asOf: Serial | null = null): LessorMaturity {
  const fee = checkNonNegative(terminationPayment, "termination payment");
  const day = asOf ?? terms.startDate;
  if (day < terms.startDate) {
    throw numError(`The as-of date ${formatIsoDate(day, terms.dateSystem)} is before the commencement ${formatIsoDate(terms.startDate, terms.dateSystem)}.`);
  }
  const boundaries = [day];
  for (let i = 1; i <= 5; i++) boundaries.push(edate(day, 12 * i, terms.dateSystem));
  const amounts = [ZERO, ZERO, ZERO, ZERO, ZERO];
  let thereafter = ZERO;
  const add = (date: Serial, amount: Decimal) => {
    if (amount.isZero() || date <= day) return;
    const year = boundaries.findIndex((b, i) => i > 0 && date <= b);
    if (year === -1) thereafter = thereafter.plus(amount);
    else amounts[year - 1] = amounts[year - 1].plus(amount);
  };
  for (const p of buildSchedule(terms)) add(p.paymentDate, p.payment);
  add(terms.endDate + 1, fee);
  return {
    asOf: day,
    years: amounts.map((amount, i) => ({ from: boundaries[i] + 1, to: boundaries[i + 1], amount })),
    thereafter,
    total: amounts.reduce((a, b) => a.plus(b), thereafter),
  };
}
