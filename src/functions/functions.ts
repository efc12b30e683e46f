/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands custom functions untyped cell values. */
/**
 * The DEAL custom functions: thin adapters from Excel arguments to the calculation core.
 *
 * Argument order is the same everywhere: the leading arguments of each function, then the options
 * that apply, always in this order — frequency, escalation, timing, proration, notice_in_lock_in,
 * notice_date, termination_fee. Blank, omitted or 0 options take their defaults.
 *
 * Dates are serial numbers in the 1900 date system (Excel's default).
 */
import {
  annualRunRate,
  buildSchedule,
  Decimal,
  exitDate,
  exitOutcome,
  FIELD,
  Frequency,
  gpuHourRate,
  presentValue,
  toNumber,
  totalValue,
  validateRunRate,
  validateTerms,
} from "../core";
import {
  excelCall,
  readAmount,
  readArg,
  readArgNumber,
  readOptionalDate,
  readLeaseTerms,
  readPayment,
  readScheduleTerms,
  readTerminationArgs,
} from "./excelArgs";


export const SCHEDULE_HEADER = ["Period", "Start", "End", "Payment date", "Payment", "Cumulative"];

/**
 * Payment schedule of a lease: a header row, then one row per period (period, start, end, payment date, payment, cumulative). Spills.
 * @customfunction LEASE_SCHEDULE
 * @helpurl https://localhost:3000/help.html#lease_schedule
 * @param start_date First day of service (a date).
 * @param end_date Last day of service, inclusive (a date).
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [timing] "advance" (default: paid on each period's first day) or "arrears" (on its last day).
 * @param [proration] How a final part period is charged: "full" (default) or "actual" (by days).
 * @returns The schedule as a spilled range.
 */
export function leaseSchedule(
  start_date: any,
  end_date: any,
  payment: any[][],
  frequency?: any,
  escalation?: any,
  timing?: any,
  proration?: any,
): any[][] {
  return excelCall(() => {
    const terms = readScheduleTerms({ startDate: start_date, endDate: end_date, payment, frequency, escalation, timing, proration });
    const rows: any[][] = [[...SCHEDULE_HEADER]];
    // Consecutive periods share one payment object until the rate changes: convert it once.
    let lastPayment: Decimal | undefined;
    let paymentNumber = 0;
    for (const p of buildSchedule(terms)) {
      if (p.payment !== lastPayment) [lastPayment, paymentNumber] = [p.payment, toNumber(p.payment)];
      rows.push([p.number, p.start, p.end, p.paymentDate, paymentNumber, p.cumulativeNumber]);
    }
    return rows;
  });
}

/**
 * Total contract value: the sum of every scheduled payment.
 * @customfunction CONTRACT_VALUE
 * @helpurl https://localhost:3000/help.html#contract_value
 * @param start_date First day of service (a date).
 * @param end_date Last day of service, inclusive (a date).
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [timing] "advance" or "arrears"; does not change the total, accepted so arguments can be copied between DEAL functions.
 * @param [proration] How a final part period is charged: "full" (default) or "actual" (by days).
 * @returns Total of all payments.
 */
export function contractValue(
  start_date: any,
  end_date: any,
  payment: any[][],
  frequency?: any,
  escalation?: any,
  timing?: any,
  proration?: any,
): number {
  return excelCall(() =>
    toNumber(totalValue(buildSchedule(readScheduleTerms({ startDate: start_date, endDate: end_date, payment, frequency, escalation, timing, proration })))),
  );
}

/**
 * Present value of all payments at the start date, discounted as XNPV does (actual days / 365).
 * @customfunction CONTRACT_PV
 * @helpurl https://localhost:3000/help.html#contract_pv
 * @param start_date First day of service (a date); the valuation date.
 * @param end_date Last day of service, inclusive (a date).
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param discount_rate Annual discount rate (8% = 0.08).
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [timing] "advance" (default: paid on each period's first day) or "arrears" (on its last day).
 * @param [proration] How a final part period is charged: "full" (default) or "actual" (by days).
 * @returns Present value at the start date.
 */
export function contractPv(
  start_date: any,
  end_date: any,
  payment: any[][],
  discount_rate: any,
  frequency?: any,
  escalation?: any,
  timing?: any,
  proration?: any,
): number {
  return excelCall(() => {
    const terms = readScheduleTerms({ startDate: start_date, endDate: end_date, payment, frequency, escalation, timing, proration });
    return toNumber(presentValue(terms, new Decimal(readArgNumber(FIELD.DiscountRate, discount_rate))));
  });
}

/**
 * Committed value on early exit: payments owed through the effective termination date, plus any termination fee.
 * @customfunction EXIT_VALUE
 * @helpurl https://localhost:3000/help.html#exit_value
 * @param start_date First day of service (a date).
 * @param end_date Last day of service, inclusive (a date).
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param lock_in_months Months from the start during which the contract cannot be ended (e.g. 3).
 * @param notice_days Days of notice before termination takes effect (e.g. 90).
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [timing] "advance" or "arrears"; does not change what is owed.
 * @param [proration] The period in which termination takes effect: "full" (default: owed in full) or "actual" (by days served).
 * @param [notice_in_lock_in] TRUE if notice may be served during the lock-in. Default FALSE (only after it).
 * @param [notice_date] When notice is served. Default: the earliest permitted date.
 * @param [termination_fee] Fee paid on early termination. Default 0.
 * @returns Committed value at exit.
 */
export function exitValue(
  start_date: any,
  end_date: any,
  payment: any[][],
  lock_in_months: any,
  notice_days: any,
  frequency?: any,
  escalation?: any,
  timing?: any,
  proration?: any,
  notice_in_lock_in?: any,
  notice_date?: any,
  termination_fee?: any,
): number {
  return excelCall(() => {
    const terms = readLeaseTerms({
      startDate: start_date, endDate: end_date, payment, frequency, escalation, timing, proration,
      lockInMonths: lock_in_months, noticeDays: notice_days, noticeInLockIn: notice_in_lock_in, noticeDate: notice_date, terminationFee: termination_fee,
    });
    return exitOutcome(terms).valueNumber;
  });
}

/**
 * Effective termination date on early exit: the first day without service (the day after the natural end if no early exit is possible).
 * @customfunction EXIT_DATE
 * @helpurl https://localhost:3000/help.html#exit_date
 * @param start_date First day of service (a date).
 * @param end_date Last day of service, inclusive (a date).
 * @param lock_in_months Months from the start during which the contract cannot be ended (e.g. 3).
 * @param notice_days Days of notice before termination takes effect (e.g. 90).
 * @param [notice_in_lock_in] TRUE if notice may be served during the lock-in. Default FALSE (only after it).
 * @param [notice_date] When notice is served. Default: the earliest permitted date.
 * @returns A date serial; format the cell as a date.
 */
export function exitDateOf(
  start_date: any,
  end_date: any,
  lock_in_months: any,
  notice_days: any,
  notice_in_lock_in?: any,
  notice_date?: any,
): number {
  return excelCall(() =>
    exitDate(
      validateTerms({
        startDate: readArgNumber(FIELD.StartDate, start_date),
        endDate: readArgNumber(FIELD.EndDate, end_date),
        payment: 1, // the exit date does not depend on the amounts
        ...readTerminationArgs({ lockInMonths: lock_in_months, noticeDays: notice_days, noticeInLockIn: notice_in_lock_in, noticeDate: notice_date }),
      }),
    ),
  );
}

/**
 * Annual run-rate: payment × payments per year; with dates, the rate in force on as_of_date (ramp and escalation included, 0 outside the term).
 * @customfunction RUN_RATE
 * @helpurl https://localhost:3000/help.html#run_rate
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary of start_date (3% = 0.03). Default 0.
 * @param [as_of_date] The day asked about. Default: the start date.
 * @param [start_date] First day of service; needed for escalation.
 * @param [end_date] Last day of service; after it the run-rate is 0.
 * @returns Annualised amount.
 */
export function runRate(
  payment: any[][],
  frequency?: any,
  escalation?: any,
  as_of_date?: any,
  start_date?: any,
  end_date?: any,
): number {
  return excelCall(() =>
    toNumber(annualRunRate(
      validateRunRate({
        payment: readPayment(payment),
        frequency: readArg(FIELD.Frequency, frequency) as Frequency,
        escalation: readArgNumber(FIELD.Escalation, escalation),
        asOf: readOptionalDate(as_of_date, "as_of_date"),
        startDate: readOptionalDate(start_date, "start_date"),
        endDate: readOptionalDate(end_date, "end_date"),
      }),
    )),
  );
}

/**
 * Implied price per GPU-hour: the monthly-equivalent payment ÷ (GPUs × hours per month; 730 by default).
 * @customfunction GPU_HOUR_RATE
 * @helpurl https://localhost:3000/help.html#gpu_hour_rate
 * @param payment Payment per period.
 * @param gpus Number of GPUs the payment buys.
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [hours_per_month] Hours in a month. Default 730 (8,760 hours a year ÷ 12).
 * @returns Price per GPU-hour.
 */
export function gpuHourRateOf(payment: any, gpus: any, frequency?: any, hours_per_month?: any): number {
  return excelCall(() =>
    toNumber(gpuHourRate(
      readAmount(payment, "payment"),
      readAmount(gpus, "gpus"),
      readArg(FIELD.Frequency, frequency) as Frequency,
      readArgNumber(FIELD.HoursPerMonth, hours_per_month),
    )),
  );
}
