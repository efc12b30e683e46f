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

/** k: the periods begun before day x; the k-th holds x − 1. */
export const periodsBegunBefore = (x: string) => `COUNTIF(ScheduleStart,"<"&${x})`;

/** What the period holding x − 1 owes for service before x when x cuts it; 0 when x starts a period. */
export function cutOwed(x: string, k: string = periodsBegunBefore(x)): string {
  return (
    `IF(${k}=0,0,IF(INDEX(ScheduleEnd,${k})<${x},0,IF(Proration="actual",` +
    `ROUND(INDEX(ScheduleRate,${k})*(${x}-INDEX(ScheduleStart,${k}))/INDEX(ScheduleDays,${k}),2),INDEX(ScheduleRate,${k}))))`
  );
}

/** Payments owed for service before day x, without any fee. */
export const owedBefore = (x: string) => `SUMPRODUCT(SchedulePayment,--(ScheduleEnd<${x}))+${cutOwed(x)}`;

/**
 * The present value at `rate` (XNPV's convention, valued at the start) of the payments of a term
 * ending on x − 1, as CONTRACT_PV computes it for that term: full periods on their payment dates
 * (`BridgePaymentDays`, days from the start, numeric on every row), the cut period's amount on its
 * start (advance) or on x − 1, its new last day (arrears).
 */
export function presentValueBefore(x: string, rate: string): string {
  const k = periodsBegunBefore(x);
  const factor = (days: string) => `(1+${rate})^(-(${days})/DaysPerYear)`;
  return (
    `SUMPRODUCT(SchedulePayment,--(ScheduleEnd<${x}),${factor("BridgePaymentDays")})` +
    `+IF(${k}=0,0,${cutOwed(x, k)}*${factor(`IF(Timing="arrears",${x}-1,INDEX(ScheduleStart,${k}))-StartDate`)})`
  );
}

/** The names the closed forms read. */
export const OWED_READS = [
  "ScheduleStart", "ScheduleEnd", "ScheduleRate", "ScheduleDays", "SchedulePayment", "Proration", "Timing", "StartDate", "DaysPerYear",
] as const;
