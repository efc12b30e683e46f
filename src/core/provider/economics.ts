/**
 * The provider's economics behind a contract (issue 18 §2), on a monthly grid from the contract's
 * start to the end of the hardware's useful life: capex, revenue (the contract, then renewal or
 * re-leasing), power with an annual escalation, colocation, other opex, EBITDA, straight-line
 * depreciation to a residual value, unlevered free cash flow, IRR (XIRR), NPV (XNPV), payback month
 * and yield on cost — for the contract as signed, to its committed exit, and expected.
 *
 * The grid. Month m (m = 0 … L − 1, L = useful life in years × 12) runs from EDATE(start, m) to the
 * day before EDATE(start, m + 1); its cash flows are dated its first day. The contract earns its
 * monthly-equivalent rate (the rate in force for the period holding the month, ÷ months per period:
 * a quarterly payment counts a third in each of its months) in every month begun before the exit —
 * the first day without service — as the committed value owes every period begun before the exit.
 *
 * After the contract. At its natural end the tenant renews at the contract's terms with the renewal
 * probability p (the rate keeps escalating), and with 1 − p the capacity is re-let at market after
 * the downtime; after an early exit (the tenant gave notice) it is re-let at market after the
 * downtime. Re-let revenue a month = market rate per GPU-hour × utilisation × GPUs × hours a month.
 * A contract longer than the useful life earns only within it.
 *
 * Each month's revenue and power follow three shares of the capacity: under contract, renewed, and
 * re-let; power is drawn by the capacity in use (contract + renewed + re-let × utilisation; none in
 * downtime); colocation and other opex are owed every month. Every line is linear in the shares, so
 * the expected case is the same arithmetic on expected shares: each exit the tenant may take
 * (exitProbabilities: notice in each notice month with the monthly probability equivalent to the
 * annual exit probability) weighted by its probability, and the natural end by the probability of
 * no notice.
 */
import { edate, type Serial } from "../dates";
import { valueAssumptions, type DealTemplate, type ProviderAssumptionKey } from "../deal";
import { DealError, numError } from "../errors";
import { Decimal, ZERO } from "../money";
import { periodRate } from "../schedule";
import { exitDate } from "../termination";
import { MONTHS_PER_PERIOD, type ContractTerms } from "../terms";
import { checkShare, checkSlaTiers, exitProbabilities, slaCreditShare } from "../valueBridge";
import { HOURS_PER_MONTH } from "./capacity";
import { paybackMonth, xirr, xnpv, type DatedFlow } from "./returns";

/**
 * The provider's assumptions (src/core/fields/provider.ts), null or absent when not given. A figure
 * that needs one not given is refused as "not given" ({@link notGiven}), never computed with a
 * borrowed number; re-leasing's four are needed only when some month of the life follows the exit.
 */
export interface ProviderAssumptions {
  /** The GPU count; blank: from the contract price per GPU-hour ({@link gpusOf}). */
  readonly gpus?: number | null;
  /** The contract's price per GPU-hour: gives the GPUs when their count is blank (the count wins when both are given). */
  readonly contractPricePerGpuHour?: number | null;
  readonly costPerGpu?: number | null;
  readonly gpusPerRack?: number | null;
  readonly kwPerRack?: number | null;
  readonly pue?: number | null;
  /** Blank: 0 (facility rented). */
  readonly facilityCostPerMw?: number | null;
  /** Blank: 0 (facility owned). */
  readonly colocationCostPerKwMonth?: number | null;
  /** Blank: the start date. */
  readonly capexDate?: Serial | null;
  readonly powerPricePerMwh?: number | null;
  readonly powerEscalation?: number | null;
  readonly opexShareOfCapex?: number | null;
  readonly usefulLifeYears?: number | null;
  readonly residualValueShare?: number | null;
  readonly releaseDowntimeMonths?: number | null;
  readonly utilisation?: number | null;
  readonly renewalProbability?: number | null;
  readonly marketRatePerGpuHour?: number | null;
  /** Default 730. */
  readonly hoursPerMonth?: number | null;
  /**
   * The value bridge's expected SLA credit share (the deepest tier the expected uptime breaches, as
   * {@link expectedSlaCreditShare} gives it): that share of the contract's revenue comes off it each
   * month under contract. Blank: 0 (no credits expected).
   */
  readonly slaCreditShare?: number | null;
}

/**
 * The value bridge's expected SLA credit share of a deal: the credit of the deepest tier its expected
 * uptime (the selected scenario's, else the input) breaches — the model sheet's SlaCreditShare.
 *
 * @example
 * // The GPU lease: 99.5% expected uptime, below the typical 99.9% tier (10%) but not the 99% tier
 * expectedSlaCreditShare(GPU_CAPACITY_LEASE) // 0.1
 */
export function expectedSlaCreditShare(deal: DealTemplate): number {
  const value = valueAssumptions(deal);
  const scenario = value.scenarios.find((s) => s.name === value.scenario);
  const uptime = scenario?.expectedUptime ?? value.expectedUptime.value;
  if (uptime === null) return 0;
  return slaCreditShare(checkShare(uptime, "expected uptime"), checkSlaTiers(value.slaTiers.rows)).toNumber();
}

/**
 * A deal's provider assumptions as the core takes them: its held values (src/core/fields/provider.ts),
 * its GPU count and hours a month.
 *
 * @example
 * providerAssumptionsOf(REFLECTION_SPACEX).costPerGpu // null: the template gives none
 */
export function providerAssumptionsOf(deal: DealTemplate): ProviderAssumptions {
  const held = deal.providerAssumptions ?? {};
  const value = (k: ProviderAssumptionKey) => held[k]?.value ?? null;
  return {
    gpus: deal.gpuCount.value,
    contractPricePerGpuHour: value("contractPricePerGpuHour"),
    hoursPerMonth: deal.hoursPerMonth,
    costPerGpu: value("costPerGpu"),
    gpusPerRack: value("gpusPerRack"),
    kwPerRack: value("kwPerRack"),
    pue: value("pue"),
    facilityCostPerMw: value("facilityCostPerMw"),
    colocationCostPerKwMonth: value("colocationCostPerKwMonth"),
    capexDate: value("capexDate"),
    powerPricePerMwh: value("powerPricePerMwh"),
    powerEscalation: value("powerEscalation"),
    opexShareOfCapex: value("opexShareOfCapex"),
    usefulLifeYears: value("usefulLifeYears"),
    residualValueShare: value("residualValueShare"),
    releaseDowntimeMonths: value("releaseDowntimeMonths"),
    utilisation: value("utilisation"),
    renewalProbability: value("renewalProbability"),
    marketRatePerGpuHour: value("marketRatePerGpuHour"),
    slaCreditShare: expectedSlaCreditShare(deal),
  };
}

type Needed = Exclude<keyof ProviderAssumptions, "facilityCostPerMw" | "colocationCostPerKwMonth" | "capexDate" | "hoursPerMonth" | "slaCreditShare" | "contractPricePerGpuHour">;

/** How a "not given" message names each assumption: its DEAL argument. */
const ARG: Readonly<Record<Needed, string>> = {
  gpus: "gpus (or contract_price_per_gpu_hour)",
  costPerGpu: "cost_per_gpu",
  gpusPerRack: "gpus_per_rack",
  kwPerRack: "kw_per_rack",
  pue: "pue",
  powerPricePerMwh: "power_price_per_mwh",
  powerEscalation: "power_escalation",
  opexShareOfCapex: "opex_share_of_capex",
  usefulLifeYears: "useful_life_years",
  residualValueShare: "residual_value_share",
  releaseDowntimeMonths: "release_downtime_months",
  utilisation: "utilisation",
  renewalProbability: "renewal_probability",
  marketRatePerGpuHour: "market_rate_per_gpu_hour",
};

const CORE_NEEDS: readonly Needed[] = [
  "gpus", "costPerGpu", "gpusPerRack", "kwPerRack", "pue", "powerPricePerMwh", "powerEscalation", "opexShareOfCapex",
  "usefulLifeYears", "residualValueShare",
];
const RELEASE_NEEDS: readonly Needed[] = ["releaseDowntimeMonths", "utilisation", "renewalProbability", "marketRatePerGpuHour"];

/** The refusal for assumptions not given (#N/A): which, by argument name. */
export function notGiven(names: readonly string[]): DealError {
  return new DealError("na", `Not given: ${names.join(", ")}. A blank assumption leaves the figures that need it not given.`);
}

/** Which of `keys` are not given (the GPUs are given by their count or by the contract's price). */
function missing(a: ProviderAssumptions, keys: readonly Needed[]): string[] {
  const blank = (v: number | null | undefined) => v === null || v === undefined;
  return keys.filter((k) => blank(a[k]) && !(k === "gpus" && !blank(a.contractPricePerGpuHour))).map((k) => ARG[k]);
}

/**
 * The GPUs behind the contract: the GPU count when given, else the peak payment a month (the
 * largest period's rate ÷ months per period, as the model sheet's ContractPaymentPerMonth) ÷ (hours a
 * month × the contract price per GPU-hour) — {@link gpusAtPrice}'s rule.
 *
 * @example
 * // The seed: 150,000,000 a month at $5.00 a GPU-hour, 730 hours: 150,000,000 ÷ 3,650
 * gpusOf(seedTerms, { contractPricePerGpuHour: 5 }).toNumber() // 41095.890410958904…
 */
export function gpusOf(terms: ContractTerms, a: ProviderAssumptions): Decimal {
  if (a.gpus !== null && a.gpus !== undefined) return dec(a.gpus);
  if (a.contractPricePerGpuHour === null || a.contractPricePerGpuHour === undefined) throw notGiven([ARG.gpus]);
  if (!(a.contractPricePerGpuHour > 0)) throw numError("The contract price per GPU-hour must be greater than zero.");
  const perPeriod = MONTHS_PER_PERIOD[terms.frequency];
  let peak = ZERO;
  for (let k = 0; edate(terms.startDate, k) <= terms.endDate; k += perPeriod) {
    const rate = periodRate(terms.payment, terms.escalation, k, edate(terms.startDate, k));
    if (rate.gt(peak)) peak = rate;
  }
  return peak.dividedBy(perPeriod).dividedBy(dec(a.hoursPerMonth ?? HOURS_PER_MONTH).times(a.contractPricePerGpuHour));
}

/** The three cases: the contract as signed (to its end), to its committed exit, and expected. */
export type ProviderCase = "signed" | "committed" | "expected";

/**
 * Per month, the shares of the capacity under contract, renewed at the contract's terms, and re-let at
 * market; and the probability that the termination fee is paid in the month (an early exit's day).
 */
export interface CapacityShares {
  readonly contract: readonly number[];
  readonly renewed: readonly number[];
  readonly relet: readonly number[];
  readonly fee: readonly number[];
}

/**
 * The shares for one exit: months begun before `exit` (the first day without service) are under
 * contract; after a natural end (`natural`), p renews at once and 1 − p is re-let after the
 * downtime; after an early exit, all is re-let after the downtime, and the termination fee is paid
 * in the month holding the exit day.
 *
 * @example
 * // 4 months, start 2026-07-01, exit 2026-09-01 (2 months served), natural end, p = 0.5, 1 month down
 * exitShares(46204, 4, 46266, true, 0.5, 1) // contract [1,1,0,0], renewed [0,0,0.5,0.5], relet [0,0,0,0.5], fee [0,0,0,0]
 */
export function exitShares(start: Serial, months: number, exit: Serial, natural: boolean, renewal: number, downtime: number): CapacityShares {
  let served = 0;
  while (served < months && edate(start, served) < exit) served++;
  const p = natural ? renewal : 0;
  const range = (f: (m: number) => number) => Array.from({ length: months }, (_, m) => f(m));
  return {
    contract: range((m) => (m < served ? 1 : 0)),
    renewed: range((m) => (m >= served ? p : 0)),
    relet: range((m) => (m >= served + downtime ? 1 - p : 0)),
    fee: range((m) => (natural ? 0 : edate(start, m) <= exit && exit < edate(start, m + 1) ? 1 : 0)),
  };
}

/** Σ weight × shares, month by month. */
function blend(parts: readonly { readonly weight: number; readonly shares: CapacityShares }[], months: number): CapacityShares {
  const sum = (pick: (s: CapacityShares) => readonly number[]) =>
    Array.from({ length: months }, (_, m) => parts.reduce((acc, p) => acc + p.weight * pick(p.shares)[m], 0));
  return { contract: sum((s) => s.contract), renewed: sum((s) => s.renewed), relet: sum((s) => s.relet), fee: sum((s) => s.fee) };
}

/** One month of the provider's economics. Money lines are exact decimals (shares are doubles). */
export interface ProviderMonth {
  /** 1-based. */
  readonly month: number;
  /** EDATE(start, month − 1): the month's first day, its cash flows' date. */
  readonly date: Serial;
  readonly contractShare: number;
  readonly renewedShare: number;
  readonly reletShare: number;
  /** The contract's monthly-equivalent rate in force × (contract + renewed shares), + the termination fee × the fee share. */
  readonly contractRevenue: Decimal;
  /** Market rate × utilisation × GPUs × hours a month × re-let share. */
  readonly releasingRevenue: Decimal;
  /** Expected SLA credits: the contract's monthly-equivalent rate × the share under contract × the SLA credit share. */
  readonly slaCredits: Decimal;
  readonly revenue: Decimal;
  /** Facility MWh a month × power price × (1 + escalation)^(whole years from the start) × the share in use. */
  readonly power: Decimal;
  /** IT load kW × colocation cost per kW-month. */
  readonly colocation: Decimal;
  /** Opex share × capex ÷ 12. */
  readonly otherOpex: Decimal;
  readonly ebitda: Decimal;
  /** (capex − residual) ÷ months of life. */
  readonly depreciation: Decimal;
  /** EBITDA; in the last month, plus the residual value (dated the life's last day in {@link ProviderEconomics.flows}). */
  readonly freeCashFlow: Decimal;
}

export interface ProviderYear {
  /** 1-based year from the start. */
  readonly year: number;
  readonly revenue: Decimal;
  readonly ebitda: Decimal;
  /** EBITDA ÷ revenue; null without revenue. */
  readonly margin: number | null;
}

export interface ProviderEconomics {
  readonly case: ProviderCase;
  /** GPUs × cost per GPU + facility MW × cost per MW. */
  readonly capex: Decimal;
  /** GPUs × cost per GPU: the hardware, the lender's collateral. */
  readonly gpuCapex: Decimal;
  readonly capexDate: Serial;
  /** Residual share × capex, received on the life's last day. */
  readonly residual: Decimal;
  readonly residualDate: Serial;
  readonly months: readonly ProviderMonth[];
  readonly years: readonly ProviderYear[];
  /** Unlevered free cash flow, dated: −capex, each month's EBITDA, the residual. */
  readonly flows: readonly DatedFlow[];
  /** XIRR of the flows; null when no rate makes their value zero (e.g. it never earns the capex back). */
  readonly irr: number | null;
  /** XNPV at the discount rate, valued at the first flow's date; null without a rate. */
  readonly npv: number | null;
  /** Months from the start until the cumulative free cash flow is first ≥ 0; null: not within the life. */
  readonly paybackMonth: number | null;
  /** EBITDA of the first 12 months ÷ capex. */
  readonly yieldOnCost: number;
}

export interface ProviderOptions {
  /** For the expected case: the annual probability that the tenant serves notice. */
  readonly annualExitProbability?: number | null;
  /** For the NPV. */
  readonly discountRate?: number | null;
}

/**
 * The shares of one case: "signed" exits on the day after the end (natural), "committed" on the
 * committed exit (exitDate: natural when it is the day after the end), "expected" blends every exit
 * by its probability.
 */
export function caseShares(terms: ContractTerms, months: number, which: ProviderCase, renewal: number, downtime: number, annualExitProbability?: number | null): CapacityShares {
  const at = (exit: Serial) => exitShares(terms.startDate, months, exit, exit > terms.endDate, renewal, downtime);
  if (which === "signed") return at(terms.endDate + 1);
  if (which === "committed") return at(exitDate(terms));
  if (annualExitProbability === null || annualExitProbability === undefined) throw notGiven(["annual_exit_probability"]);
  const odds = exitProbabilities(terms, annualExitProbability);
  return blend(
    [
      ...odds.months.map((k) => ({ weight: k.probability.toNumber(), shares: at(k.exitDate) })),
      { weight: odds.never.toNumber(), shares: at(terms.endDate + 1) },
    ],
    months,
  );
}

const dec = (x: number) => new Decimal(x);

/**
 * The provider's economics for one case. Refuses (#N/A, naming them) assumptions not given.
 *
 * @example
 * // The small case of test/core/provider.test.ts: 12 months of 30,000 a month; 10 GPUs at 60,000; one
 * // 10 kW rack, PUE 1, power 100 a MWh; opex 2% of capex a year; life 3 years (the working is in the test).
 * providerEconomics(terms, assumptions, "signed").yieldOnCost // 0.5654 = 12 × (30,000 − 730 − 1,000) ÷ 600,000
 */
export function providerEconomics(terms: ContractTerms, a: ProviderAssumptions, which: ProviderCase, options: ProviderOptions = {}): ProviderEconomics {
  const absent = missing(a, CORE_NEEDS);
  if (absent.length > 0) throw notGiven(absent);
  const life = a.usefulLifeYears!;
  if (!Number.isInteger(life) || life < 1 || life > 50) throw numError("The useful life must be a whole number of years from 1 to 50.");
  const L = life * 12;
  const start = terms.startDate;
  const needsRelease = edate(start, L) > (which === "signed" ? terms.endDate + 1 : Math.min(exitDate(terms), terms.endDate + 1));
  const absentRelease = needsRelease ? missing(a, RELEASE_NEEDS) : [];
  if (absentRelease.length > 0) throw notGiven(absentRelease);
  const renewal = a.renewalProbability ?? 0;
  const downtime = a.releaseDowntimeMonths ?? 0;
  if (!(renewal >= 0 && renewal <= 1)) throw numError("The renewal probability must be between 0 and 1.");
  if (!Number.isInteger(downtime) || downtime < 0) throw numError("The re-leasing downtime must be a whole number of months, 0 or more.");
  const shares = caseShares(terms, L, which, renewal, downtime, options.annualExitProbability);

  const hours = dec(a.hoursPerMonth ?? HOURS_PER_MONTH);
  const gpus = gpusOf(terms, a);
  const itKw = gpus.dividedBy(a.gpusPerRack!).times(a.kwPerRack!);
  const facilityKw = itKw.times(a.pue!);
  const mwhPerMonth = facilityKw.times(hours).dividedBy(1000);
  const gpuCapex = gpus.times(a.costPerGpu!);
  const capex = gpuCapex.plus(facilityKw.dividedBy(1000).times(a.facilityCostPerMw ?? 0));
  const residual = capex.times(a.residualValueShare!);
  const depreciation = capex.minus(residual).dividedBy(L);
  const colocation = itKw.times(a.colocationCostPerKwMonth ?? 0);
  const otherOpex = capex.times(a.opexShareOfCapex!).dividedBy(12);
  const marketMonth = dec(a.marketRatePerGpuHour ?? 0).times(a.utilisation ?? 0).times(gpus).times(hours);
  const utilisation = a.utilisation ?? 0;
  const creditShare = dec(a.slaCreditShare ?? 0);
  if (creditShare.isNegative() || creditShare.gt(1)) throw numError("The SLA credit share must be between 0 and 1.");
  const escalation = dec(a.powerEscalation!).plus(1);
  const perPeriod = MONTHS_PER_PERIOD[terms.frequency];

  const months: ProviderMonth[] = [];
  // The rate and the power price change at most once a period and once a year: each worked out once.
  const rates = new Map<number, Decimal>();
  const powerPrices = new Map<number, Decimal>();
  for (let m = 0; m < L; m++) {
    const k = Math.floor(m / perPeriod) * perPeriod;
    let rate = rates.get(k);
    if (rate === undefined) rates.set(k, (rate = periodRate(terms.payment, terms.escalation, k, edate(start, k)).dividedBy(perPeriod)));
    const year = Math.floor(m / 12);
    let powerPrice = powerPrices.get(year);
    if (powerPrice === undefined) powerPrices.set(year, (powerPrice = mwhPerMonth.times(a.powerPricePerMwh!).times(escalation.pow(year))));
    const contractShare = shares.contract[m];
    const renewedShare = shares.renewed[m];
    const reletShare = shares.relet[m];
    const contractRevenue = rate.times(dec(contractShare + renewedShare)).plus(terms.termination.fee.times(dec(shares.fee[m])));
    const releasingRevenue = marketMonth.times(dec(reletShare));
    const slaCredits = rate.times(dec(contractShare)).times(creditShare);
    const revenue = contractRevenue.plus(releasingRevenue).minus(slaCredits);
    const inUse = contractShare + renewedShare + reletShare * utilisation;
    const power = powerPrice.times(dec(inUse));
    const ebitda = revenue.minus(power).minus(colocation).minus(otherOpex);
    months.push({
      month: m + 1,
      date: edate(start, m),
      contractShare,
      renewedShare,
      reletShare,
      contractRevenue,
      releasingRevenue,
      slaCredits,
      revenue,
      power,
      colocation,
      otherOpex,
      ebitda,
      depreciation,
      freeCashFlow: m === L - 1 ? ebitda.plus(residual) : ebitda,
    });
  }

  const capexDate = a.capexDate ?? start;
  const residualDate = edate(start, L) - 1;
  const flows: DatedFlow[] = [
    { date: capexDate, amount: capex.negated().toNumber() },
    ...months.map((row) => ({ date: row.date, amount: row.ebitda.toNumber() })),
    { date: residualDate, amount: residual.toNumber() },
  ];
  const ordered = [...flows].sort((x, y) => x.date - y.date);
  let irr: number | null = null;
  try {
    irr = xirr(ordered);
  } catch (error) {
    if (!(error instanceof DealError)) throw error;
  }
  const rate = options.discountRate ?? null;
  const years: ProviderYear[] = [];
  for (let y = 0; y < life; y++) {
    const slice = months.slice(y * 12, y * 12 + 12);
    const revenue = slice.reduce((s, r) => s.plus(r.revenue), ZERO);
    const ebitda = slice.reduce((s, r) => s.plus(r.ebitda), ZERO);
    years.push({ year: y + 1, revenue, ebitda, margin: revenue.isZero() ? null : ebitda.dividedBy(revenue).toNumber() });
  }
  return {
    case: which,
    capex,
    gpuCapex,
    capexDate,
    residual,
    residualDate,
    months,
    years,
    flows: ordered,
    irr,
    npv: rate === null ? null : xnpv(rate, ordered),
    paybackMonth: paybackMonth(ordered, Array.from({ length: L + 1 }, (_, k) => edate(start, k))),
    yieldOnCost: capex.isZero() ? 0 : years[0].ebitda.dividedBy(capex).toNumber(),
  };
}
