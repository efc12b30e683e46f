/**
 * Measurement at commencement: the lease liability and the right-of-use asset.
 */
import { numError, valueError } from "../errors";
import { Decimal, roundCents, ZERO } from "../money";
import { buildSchedule, Period } from "../schedule";
import { checkMoney, ContractTerms, MoneyInput, Timing } from "../terms";
import { periodsPerYear } from "../valuation";

/**
 * How the annual discount rate becomes a rate per period (practice is split; IFRS 16 and ASC 842 do
 * not say): `periodic` = annual ÷ payments a year (PwC's Leases guide, Example 4-4); `effective` =
 * (1 + annual)^(1 ÷ payments a year) − 1, the same annual yield; `actual/365` = (1 + annual)^(days ÷ 365) − 1
 * for each period's own days (XNPV's convention, day by day).
 */
export type RateBasis = "periodic" | "effective" | "actual/365";
export const RATE_BASES: readonly RateBasis[] = ["periodic", "effective", "actual/365"];

/** The rate each period: annual rate ÷ payments a year (8% monthly → 0.08 / 12). */
export function periodicRate(annualRate: Decimal, terms: Pick<ContractTerms, "frequency">): Decimal {
  return annualRate.dividedBy(periodsPerYear(terms.frequency));
}

/**
 * The rate of each period of a schedule on a basis (see {@link RateBasis}). A period of `actual/365`
 * accrues over its days, first to last inclusive: a payment in arrears is taken at the close of its
 * period's last day, one in advance at the start of its first.
 *
 * @example
 * // 5% a year, quarterly: periodic 0.0125; effective 1.05^(1/4) − 1 = 0.012272234…; a 90-day quarter on actual/365: 1.05^(90/365) − 1 = 0.012102…
 * periodRates(new Decimal("0.05"), schedule, { frequency: "quarterly" }, "periodic")[0].toString() // "0.0125"
 */
export function periodRates(annualRate: Decimal, schedule: readonly Period[], terms: Pick<ContractTerms, "frequency">, basis: RateBasis = "periodic"): Decimal[] {
  if (basis === "actual/365") {
    const byDays = new Map<number, Decimal>();
    const growth = annualRate.plus(1);
    return schedule.map((p) => {
      const days = p.end - p.start + 1;
      let rate = byDays.get(days);
      if (!rate) byDays.set(days, (rate = growth.pow(new Decimal(days).dividedBy(365)).minus(1)));
      return rate;
    });
  }
  const rate = basis === "effective" ? annualRate.plus(1).pow(new Decimal(1).dividedBy(periodsPerYear(terms.frequency))).minus(1) : periodicRate(annualRate, terms);
  return schedule.map(() => rate);
}

/** "periodic" (default), "effective" or "actual/365"; refuses anything else (#VALUE!). */
export function checkRateBasis(value: unknown): RateBasis {
  if (value === undefined || value === null) return "periodic";
  if (typeof value === "string" && (RATE_BASES as readonly string[]).includes(value)) return value as RateBasis;
  throw valueError(`rate_basis must be "periodic", "effective" or "actual/365", not ${JSON.stringify(value)}.`);
}

export interface LeaseMeasurementInput {
  /** The terms over the ACCOUNTING lease term (end date = the term's last day). */
  readonly terms: ContractTerms;
  readonly annualRate: MoneyInput;
  readonly initialDirectCosts?: MoneyInput;
  readonly incentives?: MoneyInput;
  /** A termination payment on the exit date (the day after the term's last day), e.g. from {@link accountingTerm}. */
  readonly terminationPayment?: MoneyInput;
  /** How the annual rate becomes a rate per period; default `periodic`. */
  readonly rateBasis?: RateBasis;
}

export interface LeaseMeasurement {
  readonly terms: ContractTerms;
  readonly schedule: readonly Period[];
  readonly annualRate: Decimal;
  readonly rateBasis: RateBasis;
  /** The first period's rate (every period's, but on `actual/365`). */
  readonly rate: Decimal;
  /** Each period's rate, on the basis. */
  readonly periodRates: readonly Decimal[];
  readonly initialDirectCosts: Decimal;
  readonly incentives: Decimal;
  readonly terminationPayment: Decimal;
  /** Paid on or before commencement: the first payment when paid in advance. */
  readonly paidAtCommencement: Decimal;
  /** PV of the payments not paid at commencement, rounded to cents. */
  readonly liability: Decimal;
  /** That present value before rounding (34 digits): where the schedule's exact values start. */
  readonly exactLiability: Decimal;
  /** liability + paid at commencement + initial direct costs − incentives. */
  readonly rouAsset: Decimal;
  /** Every payment in the term plus the termination payment. */
  readonly totalPayments: Decimal;
}

/** A lease discount rate: above -100% and at most 1000% a year. */
export function checkDiscountRate(value: MoneyInput): Decimal {
  const rate = checkMoney(value, "discount_rate");
  if (rate.lte(-1) || rate.gt(10)) throw numError("The discount rate must be above -100% and at most 1000% a year.");
  return rate;
}

export function checkNonNegative(value: MoneyInput | undefined, name: string): Decimal {
  const amount = checkMoney(value ?? 0, name);
  if (amount.isNegative()) throw numError(`${name} cannot be negative.`);
  return amount;
}

/**
 * Measures the lease at commencement (IFRS 16.23–28; ASC 842-20-30-1, 30-5): the liability is the
 * present value at the periodic rate of the payments in the term not paid at commencement, payment k
 * (1-based) discounted k − 1 periods in advance or k periods in arrears; a termination payment is
 * discounted n periods (it falls on the exit date). Cost: a few multiplications per run of equal
 * payments (see {@link valueAtEndOf}). Incentives larger than the rest of the asset are refused (#NUM!):
 * a right-of-use asset cannot be negative.
 *
 * @example
 * // 3 payments of 100 in arrears at 12% a year, monthly: 100/1.01 + 100/1.01² + 100/1.01³ = 294.10
 * measureLease({ terms: validateTerms({ startDate: 46204, endDate: 46295, payment: 100, timing: "arrears" }), annualRate: "0.12" }).liability.toFixed(2) // "294.10"
 */
export function measureLease(input: LeaseMeasurementInput): LeaseMeasurement {
  const { terms } = input;
  const annualRate = checkDiscountRate(input.annualRate);
  const rateBasis = checkRateBasis(input.rateBasis);
  const initialDirectCosts = checkNonNegative(input.initialDirectCosts, "initial_direct_costs");
  const incentives = checkNonNegative(input.incentives, "incentives");
  const terminationPayment = checkNonNegative(input.terminationPayment, "termination payment");
  const schedule = buildSchedule(terms);
  const rates = periodRates(annualRate, schedule, terms, rateBasis);
  const rate = rates.length > 0 ? rates[0] : periodicRate(annualRate, terms);
  const advance = terms.timing === "advance";
  const n = schedule.length;
  const atStart =
    rateBasis === "actual/365"
      ? presentValues(schedule, terms.timing, terminationPayment, rates)[0]
      : valueAtEndOf({ schedule, period: 0, timing: terms.timing, fee: terminationPayment, discountFactor: new Decimal(1).dividedBy(rate.plus(1)) });
  const exactLiability = advance && n > 0 ? atStart.minus(schedule[0].payment) : atStart;
  const liability = roundCents(exactLiability);
  if (!liability.isFinite() || liability.abs().gte("1e18")) throw numError("The lease liability is too large to compute at this discount rate.");
  const paidAtCommencement = advance && n > 0 ? schedule[0].payment : ZERO;
  const rouAsset = liability.plus(paidAtCommencement).plus(initialDirectCosts).minus(incentives);
  if (rouAsset.isNegative()) {
    throw numError("The lease incentives exceed the liability, the payments made at commencement and the initial direct costs: the right-of-use asset would be negative.");
  }
  const totalPayments = (n > 0 ? schedule[n - 1].cumulative : ZERO).plus(terminationPayment);
  return {
    terms,
    schedule,
    annualRate,
    rateBasis,
    rate,
    periodRates: rates,
    initialDirectCosts,
    incentives,
    terminationPayment,
    paidAtCommencement,
    liability,
    exactLiability,
    rouAsset,
    totalPayments,
  };
}

/**
 * The value at the end of every period m = 0 … n (0 = commencement, before any payment) of the
 * payments of periods m + 1 … n and the fee on the exit date, each period discounted at its own rate:
 * backwards from V(n) = fee, V(m) = (P(m+1) + V(m+1)) ÷ (1 + r(m+1)) in arrears and
 * V(m) = P(m+1) + V(m+1) ÷ (1 + r(m+1)) in advance (the next payment falls on the next day).
 *
 * Why backwards: each step shrinks the error it inherits (positive rates) or keeps it relative (every
 * term has one sign), so the values are exact to the decimals' 34 digits at any term — unlike a
 * balance rolled forward, whose rounding compounds at the rate.
 *
 * @example
 * // 2 payments of 100 in arrears at 10% a period: V(1) = 100/1.1 = 90.909…, V(0) = (100 + 90.909…)/1.1 = 173.553…
 * presentValues(schedule, "arrears", ZERO, [new Decimal("0.1"), new Decimal("0.1")]).map((x) => x.toFixed(2)) // ["173.55", "90.91", "0.00"]
 */
export function presentValues(schedule: readonly Period[], timing: Timing, fee: Decimal, rates: readonly Decimal[]): Decimal[] {
  const n = schedule.length;
  const values: Decimal[] = new Array(n + 1);
  values[n] = fee;
  const advance = timing === "advance";
  let lastRate: Decimal | null = null;
  let v = ZERO;
  for (let m = n - 1; m >= 0; m--) {
    if (rates[m] !== lastRate) {
      lastRate = rates[m];
      v = new Decimal(1).dividedBy(lastRate.plus(1));
    }
    const payment = schedule[m].payment;
    values[m] = advance ? payment.plus(values[m + 1].times(v)) : payment.plus(values[m + 1]).times(v);
  }
  return values;
}

/** What {@link valueAtEndOf} values, and where. */
export interface PeriodValuation {
  readonly schedule: readonly Period[];
  /** The period `m` at whose end the value is taken: 0 = commencement, before any payment. */
  readonly period: number;
  /** When each period's payment falls: on its first day (advance) or its last (arrears). */
  readonly timing: Timing;
  /** Paid on the exit date, the day after the last period. */
  readonly fee: Decimal;
  /** v = 1 ÷ (1 + periodic rate). */
  readonly discountFactor: Decimal;
}

/**
 * The value at the end of period `m` (0 = commencement, before any payment) of the payments of periods
 * m + 1 … n and the fee on the exit date: Σ P_k v^(k − m − d) + fee × v^(n − m), with d = 1 in advance
 * (the next payment falls on the next day, undiscounted) and 0 in arrears.
 *
 * Why by runs: Horner from the end over runs of equal payments, each run of L payments adding
 * P × (v + … + v^L) to acc × v^L, with those two factors built by doubling and shared between runs of
 * the same length — so a 30-year escalating lease costs 30 steps, not 360, with no cancellation at
 * small rates.
 *
 * @example
 * // 3 payments of 100 in arrears, v = 1/1.01, at commencement: 100/1.01 + 100/1.01² + 100/1.01³ ≈ 294.10
 * valueAtEndOf({ schedule, period: 0, timing: "arrears", fee: ZERO, discountFactor: new Decimal(1).dividedBy("1.01") })
 */
export function valueAtEndOf(valuation: PeriodValuation): Decimal {
  const { schedule, period: m, timing, fee, discountFactor: v } = valuation;
  const advance = timing === "advance";
  const n = schedule.length;
  const cache = new Map<number, readonly [Decimal, Decimal]>();
  let acc = ZERO;
  for (let k = n; k >= m + 1; ) {
    const payment = schedule[k - 1].payment;
    let j = k;
    while (j - 1 >= m + 1 && (schedule[j - 2].payment === payment || schedule[j - 2].payment.eq(payment))) j--;
    const [power, annuity] = powerAndAnnuity(v, k - j + 1, cache);
    acc = acc.times(power).plus(payment.times(annuity));
    k = j - 1;
  }
  // acc = Σ P_k v^(k − m); in advance every payment sits one period earlier.
  const payments = advance ? acc.dividedBy(v) : acc;
  return fee.isZero() || m >= n ? payments.plus(fee) : payments.plus(fee.times(powerAndAnnuity(v, n - m, cache)[0]));
}

/** [v^L, v + v² + … + v^L] by doubling: s(2a) = s(a) + v^a s(a), s(a + 1) = s(a) + v^(a+1). */
function powerAndAnnuity(v: Decimal, length: number, cache: Map<number, readonly [Decimal, Decimal]>): readonly [Decimal, Decimal] {
  const hit = cache.get(length);
  if (hit) return hit;
  let result: readonly [Decimal, Decimal];
  if (length === 1) result = [v, v];
  else if (length % 2 === 0) {
    const [p, s] = powerAndAnnuity(v, length / 2, cache);
    result = [p.times(p), s.plus(p.times(s))];
  } else {
    const [p, s] = powerAndAnnuity(v, length - 1, cache);
    const next = p.times(v);
    result = [next, s.plus(next)];
  }
  cache.set(length, result);
  return result;
}
