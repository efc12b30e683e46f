/**
 * The contract beside the market, period by period: the GPU-hours a period delivers, what they would
 * cost at the curve, and the discount factors — the pieces the mark, the break-even prices and the
 * lattice share.
 */
import { Serial } from "../dates";
import { numError } from "../errors";
import { Period } from "../schedule";
import { ContractTerms, MONTHS_PER_PERIOD } from "../terms";
import { forwardPrice, MarketCurve } from "./curve";

/** What the market functions need besides the terms. */
export interface MarketBasis {
  /** GPUs leased: the capacity the payment buys. */
  readonly gpus: number;
  /** Hours in a month: 730 = 8,760 / 12. */
  readonly hoursPerMonth: number;
  /** Annual discount rate, XNPV's convention (actual days / 365). */
  readonly discountRate: number;
}

/** Checks the GPU count, hours a month and discount rate. */
export function checkMarketBasis(basis: MarketBasis): MarketBasis {
  const { gpus, hoursPerMonth, discountRate } = basis;
  if (!(gpus > 0) || !Number.isFinite(gpus)) throw numError("The GPU count must be greater than zero: the market is priced per GPU-hour.");
  if (!(hoursPerMonth > 0) || !Number.isFinite(hoursPerMonth)) throw numError("The hours in a month must be greater than zero.");
  if (!Number.isFinite(discountRate) || discountRate <= -1) throw numError("The discount rate must be above -100%.");
  return basis;
}

/**
 * XNPV's discount factor from `from` to `to`: (1 + rate)^(−days / 365).
 *
 * @example
 * discountFactor(0.1, 46204, 46569) // 0.9090909090909091: one year of 365 days at 10%
 */
export function discountFactor(rate: number, from: Serial, to: Serial): number {
  return Math.pow(1 + rate, -(to - from) / 365);
}

/**
 * The GPU-hours a period delivers from `from` (default its start) to its end: GPUs × hours a month ×
 * months per period × the share of the period's days. A final stub delivers its days' share.
 *
 * @example
 * // A month of 1,000 GPUs at 730 hours a month: 730,000 GPU-hours
 * periodGpuHours(terms, { start: 46023, end: 46053, fullDays: 31 }, basis) // 730000
 */
export function periodGpuHours(
  terms: Pick<ContractTerms, "frequency">,
  period: Pick<Period, "start" | "end" | "fullDays">,
  basis: Pick<MarketBasis, "gpus" | "hoursPerMonth">,
  from: Serial = period.start,
): number {
  const days = period.end - Math.max(from, period.start) + 1;
  if (days <= 0) return 0;
  const whole = basis.gpus * basis.hoursPerMonth * MONTHS_PER_PERIOD[terms.frequency];
  return days === period.fullDays ? whole : (whole * days) / period.fullDays;
}

/**
 * The market cost of a period's GPU-hours from `from` on: the curve's price on the first day
 * delivered × those hours.
 */
export function periodMarketCost(
  terms: Pick<ContractTerms, "frequency">,
  period: Pick<Period, "start" | "end" | "fullDays">,
  basis: Pick<MarketBasis, "gpus" | "hoursPerMonth">,
  curve: MarketCurve,
  from: Serial = period.start,
): number {
  const hours = periodGpuHours(terms, period, basis, from);
  return hours === 0 ? 0 : hours * forwardPrice(curve, Math.max(from, period.start));
}
