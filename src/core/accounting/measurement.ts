/**
 * Measurement at commencement: the lease liability and the right-of-use asset.
 */
import { numError } from "../errors";
import { Decimal, roundCents, ZERO } from "../money";
import { buildSchedule, Period } from "../schedule";
import { checkMoney, ContractTerms, MoneyInput, Timing } from "../terms";
import { periodsPerYear } from "../valuation";

/** The rate each period: annual rate ÷ payments a year (8% monthly → 0.08 / 12). */
export function periodicRate(annualRate: Decimal, terms: Pick<ContractTerms, "frequency">): Decimal {
  return annualRate.dividedBy(periodsPerYear(terms.frequency));
}

export interface LeaseMeasurementInput {
  /** The terms over the ACCOUNTING lease term (end date = the term's last day). */
  readonly terms: ContractTerms;
  readonly annualRate: MoneyInput;
  readonly initialDirectCosts?: MoneyInput;
  readonly incentives?: MoneyInput;
  /** A termination payment on the exit date (the day after the term's last day), e.g. from {@link accountingTerm}. */
  readonly terminationPayment?: MoneyInput;
}

export interface LeaseMeasurement {
  readonly terms: ContractTerms;
  readonly schedule: readonly Period[];
  readonly annualRate: Decimal;
  readonly rate: Decimal;
  readonly initialDirectCosts: Decimal;
  readonly incentives: Decimal;
  readonly terminationPayment: Decimal;
  /** Paid on or before commencement: the first payment when paid in advance. */
  readonly paidAtCommencement: Decimal;
  /** PV of the payments not paid at commencement, rounded to cents. */
  readonly liability: Decimal;
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
  const rate = periodicRate(annualRate, terms);
  const initialDirectCosts = checkNonNegative(input.initialDirectCosts, "initial_direct_costs");
  const incentives = checkNonNegative(input.incentives, "incentives");
  const terminationPayment = checkNonNegative(input.terminationPayment, "termination payment");
  const schedule = buildSchedule(terms);
  const advance = terms.timing === "advance";
  const v = new Decimal(1).dividedBy(rate.plus(1));
  const n = schedule.length;
  const atStart = valueAtEndOf({ schedule, period: 0, timing: terms.timing, fee: terminationPayment, discountFactor: v });
  const liability = roundCents(advance && n > 0 ? atStart.minus(schedule[0].payment) : atStart);
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
    rate,
    initialDirectCosts,
    incentives,
    terminationPayment,
    paidAtCommencement,
    liability,
    rouAsset,
    totalPayments,
  };
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
