/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands custom functions untyped cell values. */
/**
 * The DEAL provider functions: the other side of the lease. What the provider (the lessor, or the
 * seller of a service) reports — the remaining performance obligation and when it becomes revenue
 * (ASC 606 / IFRS 15, when the contract is a service), the lessor's straight-line income and its
 * maturity analysis (ASC 842 / IFRS 16, when it contains a lease). Thin adapters to the core
 * (src/core/provider/, src/core/accounting/lessor.ts).
 *
 * Same argument order and option words as the other DEAL functions: the leading arguments, then the
 * options that apply in the shared order — frequency, escalation, timing, proration,
 * notice_in_lock_in, termination_fee — then the function's own. Blank, omitted or 0 options take
 * their defaults. Every as_of_date is the close of that day.
 */
import {
  FIELD,
  formatIsoDate,
  lessorMaturity,
  lessorOperatingRows,
  remainingPerformanceObligation,
  RemainingPerformanceObligation,
  rpoTiming,
  toNumber,
} from "../core";
import { excelCall, readArg, readArgNumber, readDate, readLeaseTerms, readOptionalDate, readScheduleTerms } from "./excelArgs";

/** The RPO of the arguments RPO and RPO_TIMING share. */
function rpoOf(args: {
  start_date: any; end_date: any; payment: any; lock_in_months: any; notice_days: any; as_of_date: any;
  frequency?: any; escalation?: any; timing?: any; proration?: any; notice_in_lock_in?: any; termination_fee?: any; fee_is_substantive?: any;
}): RemainingPerformanceObligation {
  const terms = readLeaseTerms({
    startDate: args.start_date, endDate: args.end_date, payment: args.payment, lockInMonths: args.lock_in_months, noticeDays: args.notice_days,
    frequency: args.frequency, escalation: args.escalation, timing: args.timing, proration: args.proration,
    noticeInLockIn: args.notice_in_lock_in, terminationFee: args.termination_fee,
  });
  const feeIsSubstantive = readArg(FIELD.FeeIsSubstantive, args.fee_is_substantive) as boolean;
  return remainingPerformanceObligation(terms, readDate(args.as_of_date, "as_of_date"), { feeIsSubstantive });
}

/**
 * Remaining performance obligation (ASC 606 / IFRS 15) at the close of as_of_date: the consideration for service not yet rendered within the contract term. Without a substantive fee the term ends at the exit the earliest notice after as_of_date would give; with one it runs to the end. The fee is never included.
 * @customfunction RPO
 * @helpurl https://localhost:3000/help.html#rpo
 * @param start_date First day of service (a date).
 * @param end_date Last day of service, inclusive (a date).
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param lock_in_months Months from the start during which the contract cannot be ended (e.g. 3).
 * @param notice_days Days of notice before termination takes effect (e.g. 90).
 * @param as_of_date The reporting date, at its close: service that day is rendered; notice could be served the next day at the earliest.
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [timing] "advance" or "arrears"; does not change the obligation (service not yet rendered counts, whenever it is paid).
 * @param [proration] The period in which an exit takes effect: "full" (default: owed in full) or "actual" (by days served).
 * @param [notice_in_lock_in] TRUE if notice may be served during the lock-in. Default FALSE (only after it).
 * @param [termination_fee] Fee paid on early termination. Default 0. Never in the obligation (ASC 606-10-32-4).
 * @param [fee_is_substantive] TRUE if the fee is a substantive penalty, so the contract term is the stated term (ASC 606-10-25-3). Default FALSE.
 * @returns The remaining performance obligation at the close of as_of_date.
 */
export function rpo(
  start_date: any,
  end_date: any,
  payment: any[][],
  lock_in_months: any,
  notice_days: any,
  as_of_date: any,
  frequency?: any,
  escalation?: any,
  timing?: any,
  proration?: any,
  notice_in_lock_in?: any,
  termination_fee?: any,
  fee_is_substantive?: any,
): number {
  return excelCall(() =>
    toNumber(rpoOf({ start_date, end_date, payment, lock_in_months, notice_days, as_of_date, frequency, escalation, timing, proration, notice_in_lock_in, termination_fee, fee_is_substantive }).value),
  );
}

export const RPO_TIMING_LABELS = ["Within 12 months", "13–24 months", "25–36 months", "Thereafter", "Total"];
export const RPO_EXPEDIENT_LABEL = "Practical expedient 606-10-50-14(a) applies (original contract term one year or less)";

/**
 * When the remaining performance obligation becomes revenue: within 12 months of as_of_date, 13–24 months, 25–36 months, thereafter and the total (each period's consideration earned evenly over its days of service), then whether the 606-10-50-14(a) practical expedient applies. Spills two columns.
 * @customfunction RPO_TIMING
 * @helpurl https://localhost:3000/help.html#rpo_timing
 * @param start_date First day of service (a date).
 * @param end_date Last day of service, inclusive (a date).
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param lock_in_months Months from the start during which the contract cannot be ended (e.g. 3).
 * @param notice_days Days of notice before termination takes effect (e.g. 90).
 * @param as_of_date The reporting date, at its close: service that day is rendered; notice could be served the next day at the earliest.
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [timing] "advance" or "arrears"; does not change the obligation or its timing.
 * @param [proration] The period in which an exit takes effect: "full" (default: owed in full) or "actual" (by days served).
 * @param [notice_in_lock_in] TRUE if notice may be served during the lock-in. Default FALSE (only after it).
 * @param [termination_fee] Fee paid on early termination. Default 0. Never in the obligation (ASC 606-10-32-4).
 * @param [fee_is_substantive] TRUE if the fee is a substantive penalty, so the contract term is the stated term (ASC 606-10-25-3). Default FALSE.
 * @returns Labels and amounts as a spilled range, and the expedient flag.
 */
export function rpoTimingTable(
  start_date: any,
  end_date: any,
  payment: any[][],
  lock_in_months: any,
  notice_days: any,
  as_of_date: any,
  frequency?: any,
  escalation?: any,
  timing?: any,
  proration?: any,
  notice_in_lock_in?: any,
  termination_fee?: any,
  fee_is_substantive?: any,
): any[][] {
  return excelCall(() => {
    const t = rpoTiming(rpoOf({ start_date, end_date, payment, lock_in_months, notice_days, as_of_date, frequency, escalation, timing, proration, notice_in_lock_in, termination_fee, fee_is_substantive }));
    const amounts = [...t.years.map((y) => y.amount), t.thereafter, t.total];
    return [...RPO_TIMING_LABELS.map((label, i) => [label, toNumber(amounts[i])]), [RPO_EXPEDIENT_LABEL, t.expedientApplies]];
  });
}

export const LESSOR_INCOME_HEADER = ["Period", "Date", "Payment received", "Income", "Accrued rent", "Deferred rent"];

/**
 * The lessor's operating lease (ASC 842-30-25-11; IFRS 16.81): a header row, then one row per period with its last day, the payment received, the straight-line lease income, and the accrued rent receivable or deferred rent at its close. Spills.
 * @customfunction LESSOR_INCOME
 * @helpurl https://localhost:3000/help.html#lessor_income
 * @param start_date Commencement: the first day of the lease term (a date).
 * @param end_date Last day of the lease term, inclusive — the enforceable end (seed: 2026-12-29), not necessarily the contract's.
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp; a free period is a step of 0).
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [timing] "advance" (default: received on each period's first day) or "arrears" (on its last day).
 * @param [proration] How a final part period is charged: "full" (default) or "actual" (by days).
 * @param [termination_fee] A termination payment received on the day after the term's last day, when the term assumes the exit (IFRS 16.70(e)). Default 0.
 * @returns The lessor's income schedule as a spilled range.
 */
export function lessorIncome(
  start_date: any,
  end_date: any,
  payment: any[][],
  frequency?: any,
  escalation?: any,
  timing?: any,
  proration?: any,
  termination_fee?: any,
): any[][] {
  return excelCall(() => {
    const terms = readScheduleTerms({ startDate: start_date, endDate: end_date, payment, frequency, escalation, timing, proration });
    const rows: any[][] = [[...LESSOR_INCOME_HEADER]];
    for (const r of lessorOperatingRows(terms, readArgNumber(FIELD.TerminationFee, termination_fee))) {
      const accrued = toNumber(r.accruedRent);
      // + 0: never −0 in a cell.
      rows.push([r.period, r.end, toNumber(r.receipt), toNumber(r.income), Math.max(accrued, 0) + 0, Math.max(-accrued, 0) + 0]);
    }
    return rows;
  });
}

/**
 * The lessor's maturity analysis (ASC 842-30-50-13; IFRS 16.97): the undiscounted lease payments still to be received in each of the next five years after as_of_date and thereafter, and the total. Spills two columns.
 * @customfunction LESSOR_MATURITY
 * @helpurl https://localhost:3000/help.html#lessor_maturity
 * @param start_date Commencement: the first day of the lease term (a date).
 * @param end_date Last day of the lease term, inclusive — the enforceable end (seed: 2026-12-29), not necessarily the contract's.
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [timing] "advance" (default: received on each period's first day) or "arrears" (on its last day).
 * @param [proration] How a final part period is charged: "full" (default) or "actual" (by days).
 * @param [termination_fee] A termination payment received on the day after the term's last day, when the term assumes the exit (IFRS 16.70(e)). Default 0.
 * @param [as_of_date] The reporting date, at its close: receipts due that day are received. Default: commencement.
 * @returns Labels and amounts as a spilled range.
 */
export function lessorMaturityTable(
  start_date: any,
  end_date: any,
  payment: any[][],
  frequency?: any,
  escalation?: any,
  timing?: any,
  proration?: any,
  termination_fee?: any,
  as_of_date?: any,
): any[][] {
  return excelCall(() => {
    const terms = readScheduleTerms({ startDate: start_date, endDate: end_date, payment, frequency, escalation, timing, proration });
    const m = lessorMaturity(terms, readArgNumber(FIELD.TerminationFee, termination_fee), readOptionalDate(as_of_date, "as_of_date"));
    const iso = (serial: number) => formatIsoDate(serial, terms.dateSystem);
    return [
      ...m.years.map((y, i) => [`Year ${i + 1} (${iso(y.from)} to ${iso(y.to)})`, toNumber(y.amount)]),
      ["Thereafter", toNumber(m.thereafter)],
      ["Total undiscounted lease payments to be received", toNumber(m.total)],
    ];
  });
}
