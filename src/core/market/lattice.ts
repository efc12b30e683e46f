/**
 * Who walks when: both termination rights valued as options on the market price, by backward
 * induction on a recombining binomial lattice. Deterministic: no random numbers.
 *
 * The model, in one price factor. The market price for delivery at t, seen from a lattice node at
 * step s, is F(t) × M, where F is the curve and M the node's shock: M = e^{(2i − s)a} / cosh(a)^s,
 * a = σ√Δt, Δt = 1/(12 × steps a month) years, up and down with probability ½. E[M] = 1 at every step
 * (the drift comes from the curve), and a shock persists: the price the market expects for every
 * later date moves by the same factor.
 *
 * At each notice month k (notice n_k, exit e_k), with everything discounted to the start date:
 * R_k = payments the exit forgoes, C_k = their GPU-hours' cost at the curve, f_k = the fee and s the
 * leaving party's switching cost, both paid at the exit. The gain of each party's notice over running
 * to the end:
 *   tenant serves:   tenant R_k − M·C_k − f_k − s_T,   provider M·C_k − R_k + f_k;
 *   provider serves: provider M·C_k − R_k − f_k − s_P, tenant R_k − M·C_k + f_k.
 * A party holding a right serves notice where that gain beats its value of continuing (the average of
 * the next step's two nodes); if both would, the one that gains more over continuing does. Values are
 * doubles; the figures returned are rounded to cents (money) and 1e-10 (probabilities).
 */
import { Decimal, roundCents, toNumber, ZERO } from "../money";
import { Serial } from "../dates";
import { numError } from "../errors";
import { buildSchedule, Period } from "../schedule";
import { ContractTerms } from "../terms";
import { totalValue } from "../valuation";
import { MarketCurve } from "./curve";
import { checkMarketBasis, MarketBasis } from "./legs";
import { ExitLeg, exitLegs } from "./exits";
import { checkSwitchingCost } from "./mark";

export interface ExitOptionInput {
  readonly terms: ContractTerms;
  readonly basis: MarketBasis;
  readonly curve: MarketCurve;
  /** Annual volatility of the market price's logarithm (0.4 = 40%), from 0 to 3. */
  readonly volatility: number;
  readonly tenantSwitchingCost?: number;
  readonly providerSwitchingCost?: number;
  /**
   * Lattice steps a month, 1 to 16; default {@link DEFAULT_STEPS_PER_MONTH}. Monthly steps are fast
   * but coarse: doubling from 1 to 2 moves a right's value by up to ~7% on a falling curve; from 8
   * to 16, by about 0.1% when the right is worth a few percent of the contract.
   */
  readonly stepsPerMonth?: number;
}

/** One notice month's probabilities. */
export interface ExitOptionMonth {
  readonly noticeDate: Serial;
  readonly exitDate: Serial;
  /** Probability that no notice was served before this month. */
  readonly survival: number;
  readonly tenantNotice: number;
  readonly providerNotice: number;
}

export interface ExitOptionResult {
  /** The tenant's option value under joint play: its value with both rights less its value with the provider's alone. */
  readonly tenantOption: number;
  readonly providerOption: number;
  /** Each party's right valued on its own (the other holding none). */
  readonly tenantOwn: number;
  readonly providerOwn: number;
  /** Under joint play: the probability that the contract ends early, and by whom. */
  readonly probabilityEarly: number;
  readonly probabilityTenant: number;
  readonly probabilityProvider: number;
  /** The expected exit date (the first day without service; end + 1 if it runs out), to the nearest day. */
  readonly expectedExitDate: Serial;
  /** Expected payments by the tenant, net of a fee the provider pays when it leaves, undiscounted. */
  readonly expectedPayments: Decimal;
  readonly months: readonly ExitOptionMonth[];
}

/** Steps a month unless told: eight, so that twice as many move an option value by well under 0.5%. */
export const DEFAULT_STEPS_PER_MONTH = 8;

const NONE = 0;
const TENANT = 1;
const PROVIDER = 2;

interface Game {
  readonly tenant: number;
  readonly provider: number;
  /** Per notice month, per node: who serves notice (NONE, TENANT, PROVIDER). */
  readonly decisions: Uint8Array[];
}

interface Lattice {
  readonly legs: readonly ExitLeg[];
  /** The step of each notice month. */
  readonly steps: readonly number[];
  readonly a: number;
  readonly fee: number;
  readonly tenantCost: number;
  readonly providerCost: number;
}

/** The node shock M at step s, node i: e^{(2i − s)a} / cosh(a)^s, its logarithm kept within a double's range. */
function shock(a: number, logCosh: number, s: number, i: number): number {
  const log = (2 * i - s) * a - s * logCosh;
  return Math.exp(Math.max(-700, Math.min(700, log)));
}

/** Backward induction with the given rights held. */
function play(lattice: Lattice, tenantHolds: boolean, providerHolds: boolean): Game {
  const { legs, steps, a, fee, tenantCost, providerCost } = lattice;
  const logCosh = Math.log(Math.cosh(a));
  const K = legs.length;
  const decisions: Uint8Array[] = new Array(K);
  const width = K === 0 ? 1 : steps[K - 1] + 1;
  const t = new Float64Array(width); // the tenant's gain over running to the end, per node
  const p = new Float64Array(width);
  for (let k = K - 1; k >= 0; k--) {
    const s = steps[k];
    const leg = legs[k];
    const feeNow = fee * leg.exitFactor;
    const tenantNow = tenantCost * leg.exitFactor;
    const providerNow = providerCost * leg.exitFactor;
    // Below this, a difference is rounding noise, not a reason to serve notice.
    const tolerance = 1e-9 * (Math.abs(leg.forgone) + Math.abs(leg.marketCost) + feeNow + 1);
    const decided = new Uint8Array(s + 1);
    // Shocks from node 0 up, one multiplication a node while the logarithms stay within a double's range.
    const lowest = -s * a - s * logCosh;
    const incremental = lowest > -700 && s * a - s * logCosh < 700;
    const up = Math.exp(2 * a);
    let m = Math.exp(lowest);
    for (let i = 0; i <= s; i++, m *= up) {
      const marketCost = (incremental ? m : shock(a, logCosh, s, i)) * leg.marketCost;
      const saving = leg.forgone - marketCost; // what the tenant saves by buying at market instead
      const tenantGain = saving - feeNow - tenantNow;
      const providerGain = -saving - feeNow - providerNow;
      const tenantEdge = tenantHolds ? tenantGain - t[i] : -Infinity;
      const providerEdge = providerHolds ? providerGain - p[i] : -Infinity;
      if (tenantEdge > tolerance && tenantEdge >= providerEdge) {
        decided[i] = TENANT;
        t[i] = tenantGain;
        p[i] = -saving + feeNow;
      } else if (providerEdge > tolerance) {
        decided[i] = PROVIDER;
        t[i] = saving + feeNow;
        p[i] = providerGain;
      }
    }
    decisions[k] = decided;
    // Roll back to the previous notice month's step (or to the start).
    const to = k > 0 ? steps[k - 1] : 0;
    for (let step = s; step > to; step--) {
      for (let i = 0; i < step; i++) {
        t[i] = 0.5 * (t[i] + t[i + 1]);
        p[i] = 0.5 * (p[i] + p[i + 1]);
      }
    }
  }
  return { tenant: t[0], provider: p[0], decisions };
}

/**
 * Values both termination rights against the market on a binomial lattice (see the module's
 * comment), and the probabilities of each party's notice under joint play.
 *
 * @example
 * // Volatility 0, market flat at half the contract price, no costs: the tenant leaves at once
 * exitOption({ terms, basis, curve: flatCurve(1.5), volatility: 0 }).probabilityTenant // 1
 */
export function exitOption(input: ExitOptionInput, schedule: readonly Period[] = buildSchedule(input.terms)): ExitOptionResult {
  const { terms, curve, volatility } = input;
  const basis = checkMarketBasis(input.basis);
  if (!Number.isFinite(volatility) || volatility < 0 || volatility > 3) throw numError("The volatility must be from 0% to 300% a year.");
  const tenantCost = checkSwitchingCost(input.tenantSwitchingCost ?? 0, "tenant");
  const providerCost = checkSwitchingCost(input.providerSwitchingCost ?? 0, "provider");
  const perMonth = input.stepsPerMonth ?? DEFAULT_STEPS_PER_MONTH;
  if (!Number.isInteger(perMonth) || perMonth < 1 || perMonth > 16) throw numError("The lattice steps a month must be a whole number from 1 to 16.");

  const legs = schedule.length === 0 ? [] : exitLegs(terms, basis, curve, terms.startDate, schedule);
  // Notice months are monthly anniversaries of the first: one month of steps apart. The first sits at
  // its whole number of months (of 365/12 days) from the start.
  const first = legs.length === 0 ? 0 : Math.round(((legs[0].noticeDate - terms.startDate) * 12 * perMonth) / 365);
  const steps = legs.map((_, k) => first + k * perMonth);
  const a = volatility * Math.sqrt(1 / (12 * perMonth));
  const lattice: Lattice = { legs, steps, a, fee: terms.termination.fee.toNumber(), tenantCost, providerCost };

  const both = play(lattice, true, true);
  const tenantOnly = play(lattice, true, false);
  const providerOnly = play(lattice, false, true);

  // Forward: the probability of reaching each node without notice, and where notice is served.
  const K = legs.length;
  const months: ExitOptionMonth[] = [];
  const reach = new Float64Array(K === 0 ? 1 : steps[K - 1] + 1);
  reach[0] = 1;
  let step = 0;
  let survival = 1;
  let tenantTotal = 0;
  let providerTotal = 0;
  let expectedExit = 0;
  const fee = terms.termination.fee;
  let payments: Decimal = ZERO;
  for (let k = 0; k < K; k++) {
    for (; step < steps[k]; step++) {
      // In place, from the top node down: node i sends half to i (down) and half to i + 1 (up).
      for (let i = step; i >= 0; i--) {
        reach[i + 1] += 0.5 * reach[i];
        reach[i] *= 0.5;
      }
    }
    let tenantNotice = 0;
    let providerNotice = 0;
    const decided = both.decisions[k];
    for (let i = 0; i <= step; i++) {
      if (decided[i] === TENANT) tenantNotice += reach[i];
      else if (decided[i] === PROVIDER) providerNotice += reach[i];
      if (decided[i] !== NONE) reach[i] = 0;
    }
    months.push({ noticeDate: legs[k].noticeDate, exitDate: legs[k].exitDate, survival: round10(survival), tenantNotice: round10(tenantNotice), providerNotice: round10(providerNotice) });
    survival -= tenantNotice + providerNotice;
    tenantTotal += tenantNotice;
    providerTotal += providerNotice;
    expectedExit += (tenantNotice + providerNotice) * legs[k].exitDate;
    if (tenantNotice > 0) payments = payments.plus(legs[k].owed.times(tenantNotice));
    // The provider leaves: the tenant owes what is due by the exit, without the fee, and is paid the fee.
    if (providerNotice > 0) payments = payments.plus(legs[k].owed.minus(fee).minus(fee).times(providerNotice));
  }
  const never = Math.max(0, 1 - tenantTotal - providerTotal);
  expectedExit += never * (terms.endDate + 1);
  if (never > 0) payments = payments.plus(totalValue(schedule).times(never));

  return {
    tenantOption: cents(both.tenant - providerOnly.tenant),
    providerOption: cents(both.provider - tenantOnly.provider),
    tenantOwn: cents(tenantOnly.tenant),
    providerOwn: cents(providerOnly.provider),
    probabilityEarly: round10(tenantTotal + providerTotal),
    probabilityTenant: round10(tenantTotal),
    probabilityProvider: round10(providerTotal),
    expectedExitDate: Math.round(expectedExit),
    expectedPayments: roundCents(payments),
    months,
  };
}

/** A double rounded to cents, through the decimal (no -0). */
const cents = (x: number): number => toNumber(roundCents(new Decimal(x))) + 0;
const round10 = (x: number): number => Math.round(x * 1e10) / 1e10 + 0;
