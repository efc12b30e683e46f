/**
 * A portfolio of deals (a register): the backlog by fiscal year, each deal's figures and the
 * concentration on the largest counterparty.
 *
 * Three readings of each deal's payments, all "by payment date":
 * - **headline**: every scheduled payment, as contracted ({@link buildSchedule});
 * - **committed**: the payments owed to the deal's enforceable exit, plus any termination fee
 *   ({@link exitOutcome}), with notice served on its notice date — the given one, or the earliest
 *   permitted day after `asOf` (at the close of `asOf`, notice can be served the next day at the earliest);
 * - **expected**: at the deal's annual exit probability p, notice is served in each month it may be
 *   served with monthly probability q = 1 − (1 − p)^(1/12) — the one model of `expectedValue`
 *   (valueBridge.ts): the same notice opportunities and stop rule ({@link noticeExits}), the same
 *   weights ({@link noticeWeights}), the same proration of a period cut short ({@link prorate}) and the
 *   same fee weighting, summed by fiscal year and rounded to the cent per year; a deal whose notice
 *   date is given has been (or will be) given notice that day, so its expected payments are its
 *   committed ones.
 *
 * Why the cursor rather than buildSchedule: a register holds a thousand deals of up to 360 periods.
 * The walk below runs the schedule's one cursor ({@link PeriodCursor}) without copying its periods,
 * and adds decimals once per run of equal payments in a year, not once per period, so its cost is
 * the cursor's integer date arithmetic per period. The tests prove it equal to buildSchedule/exitOutcome
 * on random registers.
 */
export { checkYearEndMonth, fiscalYear } from "./fiscal";
export { termsAsOf } from "./walk";
export type { BacklogBasis, BacklogOptions, PortfolioDeal } from "./walk";
export { nextFiscalYearStart, spreadOverYears } from "./revenue";
export { dealBacklog, portfolioBacklog } from "./backlog";
export type { BacklogYear, DealBacklog } from "./backlog";
export { portfolioFigures } from "./figures";
export type { DealFigures, PortfolioFigures } from "./figures";
export { concentration } from "./concentration";
export type { Concentration, LargestShare } from "./concentration";
