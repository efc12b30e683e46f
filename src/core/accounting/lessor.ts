/**
 * The lessor's operating lease: straight-line income and accrued rent.
 */
import { Serial } from "../dates";
import { Decimal, ZERO } from "../money";
import { buildSchedule } from "../schedule";
import { ContractTerms, MoneyInput } from "../terms";
import { checkNonNegative } from "./measurement";
import { straightLine } from "./straightLine";

export interface LessorRow {
  readonly period: number;
  readonly start: Serial;
  readonly end: Serial;
  readonly paymentDate: Serial;
  readonly receipt: Decimal;
  /** Straight-line lease income (IFRS 16.81; ASC 842-30-25-11(a)). */
  readonly income: Decimal;
  /** Cumulative income − cumulative receipts: accrued rent receivable (+) or deferred rent (−). */
  readonly accruedRent: Decimal;
}

/**
 * The lessor's operating lease: straight-line income over the term (total ÷ periods, rounded to cents,
 * the last period absorbing the residual), the difference from the cash received carried as accrued
 * rent receivable or deferred rent. The underlying hardware stays on the lessor's balance sheet and is
 * depreciated under its own policy (not modelled here).
 */
export function lessorOperatingRows(terms: ContractTerms, terminationPayment: MoneyInput = 0): LessorRow[] {
  const schedule = buildSchedule(terms);
  const fee = checkNonNegative(terminationPayment, "termination payment");
  const n = schedule.length;
  const incomes = straightLine(schedule[n - 1].cumulative.plus(fee), n);
  let accrued = ZERO;
  return schedule.map((p, j) => {
    const last = j === n - 1;
    const income = incomes[j];
    const receipt = last ? p.payment.plus(fee) : p.payment;
    accrued = accrued.plus(income).minus(receipt);
    return { period: j + 1, start: p.start, end: p.end, paymentDate: p.paymentDate, receipt, income, accruedRent: accrued };
  });
}
