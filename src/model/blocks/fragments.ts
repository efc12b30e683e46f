/**
 * Formula fragments the sheets share, one small function each, so that a figure computed in several
 * places is written once: the pro-rata amount of a cut period, the XNPV discount factor, the periodic
 * discount factor of the lease accounting, and "blank past the term".
 */

/**
 * A period's rate for the days served, rounded to the cent: ROUND(rate × days served ÷ days in the
 * full period, 2) — the core's proration by actual days.
 *
 * @example
 * proRata("ScheduleRate", "EndDateUsed-K12+1", "M12") // "ROUND(ScheduleRate*(EndDateUsed-K12+1)/M12,2)"
 * // 30 days of a 92-day quarter at 1,000,000.00: ROUND(1000000 × 30 / 92, 2) = 326086.96
 */
export const proRata = (rate: string, daysServed: string, daysInPeriod: string): string => `ROUND(${rate}*(${daysServed})/${daysInPeriod},2)`;

/**
 * XNPV's discount factor at an annual `rate` for a payment `days` after the valuation date:
 * (1 + rate) ^ (−days ÷ DaysPerYear), DaysPerYear being the Conventions block's 365.
 *
 * @example
 * discountFactor("DiscountRate", "K12-StartDate") // "(1+DiscountRate)^(-(K12-StartDate)/DaysPerYear)"
 * // 365 days at 8%: 1.08 ^ −1 = 0.925926
 */
export const discountFactor = (rate: string, days: string): string => `(1+${rate})^(-(${days})/DaysPerYear)`;

/**
 * The lease accounting's periodic discount factor: (1 + PeriodicRate) ^ −periods.
 *
 * @example
 * periodicDiscount("K12") // "(1+PeriodicRate)^(-K12)"
 * // 4 periods at 2% a period: 1.02 ^ −4 = 0.923845
 */
export const periodicDiscount = (periods: string): string => `(1+PeriodicRate)^(-${periods})`;

/**
 * Blank past the term: "" on a row whose period cell is blank, else the formula.
 *
 * @example
 * blankPastTerm("B12", "C12*2") // 'IF(B12="","",C12*2)'
 */
export const blankPastTerm = (period: string, formula: string): string => `IF(${period}="","",${formula})`;

/**
 * What a cut period owes: in full, or pro rata by days when proration is by actual days and the cut
 * ends before the period would.
 *
 * @example
 * cutPeriodPayment({ rate: "L12", start: "J12", days: "K12" }, "EndDateUsed") // 'IF(AND(Proration="actual",EndDateUsed<J12+K12-1),ROUND(L12*(EndDateUsed-J12+1)/K12,2),L12)'
 * // a 92-day quarter from 2026-01-01 cut to end on 2026-01-30: 30 days served, ROUND(rate × 30 / 92, 2)
 */
export const cutPeriodPayment = (period: { rate: string; start: string; days: string }, lastDay: string): string =>
  `IF(AND(Proration="actual",${lastDay}<${period.start}+${period.days}-1),${proRata(period.rate, `${lastDay}-${period.start}+1`, period.days)},${period.rate})`;
