/**
 * Closed forms over the Schedule for "what is owed for service before day x": the formulas the value
 * bridge, the scenario results and the sensitivity grid share. x is the first day without service
 * (an exit date, or the day after a shortened term's end), at most the day after the contract's end.
 *
 * - Periods that end before x are owed in full: `SUMPRODUCT(SchedulePayment, --(ScheduleEnd < x))`.
 * - The period holding x − 1, when x cuts it (it ends on or after x), owes its rate in full
 *   (proration "full") or for the days served, ROUND(rate × (x − start) ÷ days in the full period, 2)
 *   (proration "actual") — the core's `owedInPeriod`. It is the k-th period, k = COUNTIF(ScheduleStart, "<" & x).
 *
 * Rows past the term hold "" in the Schedule: SUMPRODUCT's comma-separated arguments read text as 0
 * and a comparison of "" with a date is FALSE for "<", so they add nothing. Every INDEX by k is
 * guarded by k = 0 (x on or before the start), where INDEX(…, 0) would mean the whole column.
 */

import { discountFactor, proRata } from "./fragments";

/** k: the periods begun before day x; the k-th holds x − 1. */
export const periodsBegunBefore = (x: string) => `COUNTIF(ScheduleStart,"<"&${x})`;

/** What the period holding x − 1 owes for service before x when x cuts it; 0 when x starts a period. */
export function cutOwed(x: string, k: string = periodsBegunBefore(x)): string {
  return (
    `IF(${k}=0,0,IF(INDEX(ScheduleEnd,${k})<${x},0,IF(Proration="actual",` +
    `${proRata(`INDEX(ScheduleRate,${k})`, `${x}-INDEX(ScheduleStart,${k})`, `INDEX(ScheduleDays,${k})`)},INDEX(ScheduleRate,${k}))))`
  );
}

/** Payments of the periods that end before day x. */
export const fullPeriodsBefore = (x: string) => `SUMPRODUCT(SchedulePayment,--(ScheduleEnd<${x}))`;

/** Payments owed for service before day x, without any fee; `cut` is the cut period's amount (a helper cell), if computed apart. */
export const owedBefore = (x: string, cut: string = cutOwed(x)) => `${fullPeriodsBefore(x)}+${cut}`;

/**
 * The present value at `rate` (XNPV's convention, valued at the start) of the payments of a term
 * ending on x − 1, as CONTRACT_PV computes it for that term: full periods on their payment dates
 * (`BridgePaymentDays`, days from the start, blank past the term), the cut period's amount on its
 * start (advance) or on x − 1, its new last day (arrears).
 */
export function presentValueBefore(x: string, rate: string, k: string = periodsBegunBefore(x), cut: string = cutOwed(x, k)): string {
  return `${fullPeriodsPresentValue(x, rate)}+IF(${k}=0,0,${cut}*${discountFactor(rate, cutPaidDays(x, k))})`;
}

/**
 * The present value at `rate` of the payments of the periods that end before day x, on their payment
 * dates. The days are read as `0&BridgePaymentDays` (text "031" or "0", then a number again): blank past
 * the term, a power of "" would be an error, and Excel 2016 evaluates no `IF` row by row in `SUMPRODUCT`.
 */
export const fullPeriodsPresentValue = (x: string, rate: string) =>
  `SUMPRODUCT(SchedulePayment,--(ScheduleEnd<${x}),${discountFactor(rate, "0&BridgePaymentDays")})`;

/** Days from the start to the cut period's payment: its start (advance) or x − 1, its new last day (arrears); k ≥ 1. */
export const cutPaidDays = (x: string, k: string) => `IF(Timing="arrears",${x}-1,INDEX(ScheduleStart,${k}))-StartDate`;

/** The names the closed forms read. */
export const OWED_READS = [
  "ScheduleStart", "ScheduleEnd", "ScheduleRate", "ScheduleDays", "SchedulePayment", "Proration", "Timing", "StartDate", "DaysPerYear",
] as const;
