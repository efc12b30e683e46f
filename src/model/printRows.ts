/**
 * How many rows of each per-period block hold data for a deal as written, so that its print area ends
 * there (issue 15 §4: no page of only headers or blank rows). Print areas are hints fixed when the
 * sheet is written: they are computed here from the deal's inputs at that moment, by the core's own
 * rules, and do not follow a later edit of the inputs (insert the model again to reprint).
 *
 * One small function per block; each mirrors the condition under which the block's formulas show a
 * figure rather than "" (the lease term, the notice months a notice can still be served in, the market
 * and the provider's assumptions being given).
 */
import {
  accountingTerm,
  ContractTerms,
  contractTermExit,
  countPeriods,
  DAYS_1900_TO_1904,
  DEFAULT_ACCOUNTING,
  earliestNoticeDate,
  edate,
  lockInEnd,
  marketAssumptions,
  MONTHS_PER_PERIOD,
  providerAssumptionsOf,
  serialToDate,
} from "../core";
import { DealTemplate } from "./templates";

/**
 * Periods of the accounting lease term (the lease columns are blank after them): the schedule's
 * periods begun by the term's last day, as the sheet's `AccountingPeriods` counts them.
 *
 * @example
 * // Seed: 2026-07-01 to 2029-12-31 monthly, 3-month lock-in, 90 days' notice, either may terminate:
 * // the earliest exit is 2026-12-30, the term's last day 2026-12-29, so periods July–December: 6
 * leaseTermPeriods(REFLECTION_SPACEX, validateTerms(REFLECTION_SPACEX.terms)) // 6
 */
export function leaseTermPeriods(deal: DealTemplate, terms: ContractTerms): number {
  const a = { ...DEFAULT_ACCOUNTING, ...deal.accounting };
  const term = accountingTerm(terms, { whoMayTerminate: a.whoMayTerminate, significantPenalty: a.significantPenalty, termEnd: a.termEnd, electShortTerm: a.electShortTerm });
  return countPeriods(terms.startDate, term.lastDay, MONTHS_PER_PERIOD[terms.frequency], terms.dateSystem);
}

/**
 * Periods the provider's ASC 606 and remeasurement columns hold (zeros after them): those begun before
 * the later of the ASC 606 contract term's exit (notice the day after the reporting date, or the end
 * with a substantive fee: the sheet's `RpoExit`) and, when notice was served, the exit it gives
 * (`RemeasureExit`).
 *
 * @example
 * // Seed, reported before the start: notice 2026-10-01 gives the exit 2026-12-30, periods July–December
 * providerContractPeriods(REFLECTION_SPACEX, validateTerms(REFLECTION_SPACEX.terms)) // 6
 */
export function providerContractPeriods(deal: DealTemplate, terms: ContractTerms): number {
  const a = { ...DEFAULT_ACCOUNTING, ...deal.accounting };
  // The judgements' days are 1900-system serials.
  const day = (serial: number) => Math.floor(serial) - (terms.dateSystem === "1904" ? DAYS_1900_TO_1904 : 0);
  const asOf = a.providerAsOf === null ? terms.startDate - 1 : day(a.providerAsOf);
  let exit = contractTermExit(terms, asOf, a.feeIsSubstantive).exit;
  if (a.noticeServedOn !== null) {
    exit = Math.max(exit, Math.min(Math.max(day(a.noticeServedOn) + terms.termination.noticeDays, lockInEnd(terms)), terms.endDate + 1));
  }
  return exit <= terms.startDate ? 0 : countPeriods(terms.startDate, Math.min(exit - 1, terms.endDate), MONTHS_PER_PERIOD[terms.frequency], terms.dateSystem);
}

/**
 * Notice months in which a notice can still be served with its exit within the term (k = 0, 1, …
 * while max(earliest notice + k months + notice days, lock-in end) ≤ end), as the sheet's notice
 * months show a date.
 *
 * @example
 * // Seed: earliest notice 2026-10-01, 90 days' notice, end 2029-12-31: k = 0 (exit 2026-12-30) …
 * // k = 36 (notice 2029-10-01, exit 2029-12-30); k = 37 would exit 2030-01-30, after the end: 37 months
 * noticeMonthRows(validateTerms(REFLECTION_SPACEX.terms)) // 37
 */
export function noticeMonthRows(terms: ContractTerms): number {
  const lockIn = lockInEnd(terms);
  const first = earliestNoticeDate(terms, lockIn);
  let k = 0;
  while (Math.max(edate(first, k, terms.dateSystem) + terms.termination.noticeDays, lockIn) <= terms.endDate) k++;
  return k;
}

/**
 * Points of the market curve: two a term quote, or the spot curve's months from the spot date's month
 * to the month after the end (the sheet's `MarketCurveSpan`), or none without a spot price.
 *
 * @example
 * // Seed: spot on 2026-07-01, end 2029-12-31: (2029 − 2026) × 12 + 12 − 7 + 2 = 43 points
 * marketCurveRows(REFLECTION_SPACEX, validateTerms(REFLECTION_SPACEX.terms)) // 43
 */
export function marketCurveRows(deal: DealTemplate, terms: ContractTerms): number {
  const market = marketAssumptions(deal);
  if (market.termQuotes.length > 0) return 2 * market.termQuotes.length;
  if (typeof market.spotPrice.value !== "number") return 0;
  const spot = serialToDate(market.spotDate ?? terms.startDate, terms.dateSystem);
  const end = serialToDate(terms.endDate, terms.dateSystem);
  return Math.max(1, (end.year - spot.year) * 12 + end.month - spot.month + 2);
}

/**
 * The market figures are computed (the sheet's `MarketGiven`): a positive GPU count and a curve.
 *
 * @example
 * marketGiven(REFLECTION_SPACEX, terms) // false: the seed's GPU count is not disclosed
 */
export function marketGiven(deal: DealTemplate, terms: ContractTerms): boolean {
  const gpus = deal.gpuCount.value;
  return typeof gpus === "number" && gpus > 0 && marketCurveRows(deal, terms) > 0;
}

const PROVIDER_KEYS = [
  "gpus", "costPerGpu", "gpusPerRack", "kwPerRack", "pue", "powerPricePerMwh", "powerEscalation", "opexShareOfCapex",
  "usefulLifeYears", "residualValueShare", "releaseDowntimeMonths", "utilisation", "renewalProbability", "marketRatePerGpuHour",
] as const;

/**
 * Every assumption the provider's economics need is given (the sheet's `ProviderGiven`).
 *
 * @example
 * providerGiven(REFLECTION_SPACEX) // false; providerGiven(REFLECTION_SPACEX_PROVIDER) // true
 */
export function providerGiven(deal: DealTemplate): boolean {
  const a = providerAssumptionsOf(deal);
  // The GPUs are given as a count, or follow from the contract's price per GPU-hour (the count wins).
  const price = a.contractPricePerGpuHour;
  const gpus = typeof a.gpus === "number" ? a.gpus : typeof price === "number" && price > 0 ? price : null;
  return PROVIDER_KEYS.every((k) => (k === "gpus" ? gpus !== null && gpus > 0 : typeof a[k] === "number"));
}

/**
 * The lender's view is computed (the sheet's `LenderGiven`): the provider's assumptions and the DSCR,
 * lending rate, loan-to-value and backstop share.
 *
 * @example
 * lenderGiven(REFLECTION_SPACEX_PROVIDER) // true
 */
export function lenderGiven(deal: DealTemplate): boolean {
  const held = deal.providerAssumptions ?? {};
  return providerGiven(deal) && (["dscrTarget", "lendingRate", "ltv", "backstopShare"] as const).every((k) => typeof held[k]?.value === "number");
}

/**
 * Rows of the provider's monthly grid: row 0 (the capex, or the start when the capex comes later), each
 * month of the useful life, the residual's row, and a late capex's row; 0 without a life.
 *
 * @example
 * lifeRows(REFLECTION_SPACEX_PROVIDER) // 62: 5 years × 12 + 2
 */
export function lifeRows(deal: DealTemplate): number {
  const { usefulLifeYears: life, capexDate } = providerAssumptionsOf(deal);
  // A capex after the start sits on a row of its own after the residual's (row 0 stays the earliest date).
  const lateCapex = typeof capexDate === "number" && capexDate > deal.terms.startDate ? 1 : 0;
  return typeof life === "number" && life > 0 ? Math.ceil(life * 12) + 2 + lateCapex : 0;
}
