/**
 * The contract against the market: its mark-to-market and the break-even prices at which each party
 * would give notice.
 */
import { Decimal, roundCents, ZERO } from "../money";
import { Serial } from "../dates";
import { numError } from "../errors";
import { buildSchedule, Period } from "../schedule";
import { ContractTerms } from "../terms";
import { MarketCurve } from "./curve";
import { checkMarketBasis, discountFactor, MarketBasis, periodMarketCost } from "./legs";
import { exitLegs } from "./exits";

/**
 * The mark-to-market at the close of `asOf`: the present value of (contract payment − market cost of
 * the same GPU-hours) for every period whose payment date is after `asOf`, each discounted from its
 * payment date to `asOf` as XNPV does. Positive: the contract is worth more to the provider than
 * re-letting at the curve; the tenant's mark is its negative. Rounded to the cent.
 *
 * The market cost of a period is its GPU-hours (GPUs × hours a month × months per period; a final
 * stub its days' share) × the curve's price on its first day, paid on the contract's payment date.
 *
 * @example
 * // 12 months of 1,000 GPUs at $3.00 (2,190,000 a month) against a flat $2.00, at 0%:
 * // 12 × 730 × 1,000 × (3.00 − 2.00) = 8,760,000
 * markToMarket(terms, { gpus: 1000, hoursPerMonth: 730, discountRate: 0 }, flatCurve(2), 46022).toString() // "8760000"
 */
export function markToMarket(
  terms: ContractTerms,
  basis: MarketBasis,
  curve: MarketCurve,
  asOf: Serial = terms.startDate - 1,
  schedule: readonly Period[] = buildSchedule(terms),
): Decimal {
  checkMarketBasis(basis);
  let mark: Decimal = ZERO;
  for (const period of schedule) {
    if (period.paymentDate <= asOf) continue;
    const net = period.payment.minus(new Decimal(periodMarketCost(terms, period, basis, curve)));
    mark = mark.plus(net.times(discountFactor(basis.discountRate, asOf, period.paymentDate)));
  }
  return roundCents(mark);
}

/** The break-even prices for one notice month. */
export interface BreakevenRow {
  readonly noticeDate: Serial;
  readonly exitDate: Serial;
  /** The tenant gives notice when the market, flat from the exit, is below this price per GPU-hour. */
  readonly tenantBelow: number;
  /** The provider gives notice when the market, flat from the exit, is above this price per GPU-hour. */
  readonly providerAbove: number;
}

/**
 * For each notice month, the flat market price at which each party is indifferent to giving notice,
 * everything discounted to the exit date: with R the payments the exit forgoes, H the GPU-hours after
 * it, fee the termination fee (paid by the party that leaves) and c its switching cost,
 * tenant: P = (R − fee − c_tenant) / H — below it, buying at market is cheaper than staying;
 * provider: P = (R + fee + c_provider) / H — above it, re-letting at market earns more.
 * A tenant price below 0 means the tenant would not leave at any price. Prices rounded to 1e-4.
 *
 * @example
 * // 24 months of 1,000 GPUs at $3.00, lock-in 12, no notice period, 0%, no costs: both at $3.00
 * breakevenPrices(terms, basis, 0, 0)[0] // { tenantBelow: 3, providerAbove: 3, … }
 */
export function breakevenPrices(
  terms: ContractTerms,
  basis: MarketBasis,
  tenantSwitchingCost: number,
  providerSwitchingCost: number,
  schedule: readonly Period[] = buildSchedule(terms),
): BreakevenRow[] {
  checkMarketBasis(basis);
  checkSwitchingCost(tenantSwitchingCost, "tenant");
  checkSwitchingCost(providerSwitchingCost, "provider");
  const fee = terms.termination.fee.toNumber();
  // The price does not matter for R and H: any curve will do.
  const unit: MarketCurve = { points: [{ date: 0, price: 1 }] };
  return schedule.length === 0
    ? []
    : exitLegs(terms, basis, unit, terms.startDate, schedule).map((leg) => {
        // Values at the exit date: divide the start-date values by the exit's discount factor.
        const forgone = leg.forgone / leg.exitFactor;
        const hours = leg.hours / leg.exitFactor;
        return {
          noticeDate: leg.noticeDate,
          exitDate: leg.exitDate,
          tenantBelow: round4((forgone - fee - tenantSwitchingCost) / hours),
          providerAbove: round4((forgone + fee + providerSwitchingCost) / hours),
        };
      });
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4 + 0; // + 0: no -0 in a cell

/** A switching cost: an amount, not negative. */
export function checkSwitchingCost(cost: number, party: "tenant" | "provider"): number {
  if (!Number.isFinite(cost)) throw numError(`The ${party}'s switching cost must be a number.`);
  if (cost < 0) throw numError(`The ${party}'s switching cost cannot be negative.`);
  return cost;
}
