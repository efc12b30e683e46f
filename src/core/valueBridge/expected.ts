/**
 * The expected value: each notice month weighted by the probability that notice is first served then.
 */
import { Serial } from "../dates";
import { Decimal, roundCents, ZERO } from "../money";
import { buildSchedule, Period } from "../schedule";
import { ContractTerms, MoneyInput } from "../terms";
import { totalValue } from "../valuation";
import { NoticeMonth, noticeMonths, walkNoticeMonths } from "./notice";
import { owedInPeriod } from "./owed";
import { monthlyProbability, noticeWeights } from "./probability";
import { checkProbability, ONE } from "./shares";

export interface ExitProbabilities {
  readonly annualProbability: Decimal;
  readonly monthlyProbability: Decimal;
  /** Per notice month: P(first notice is served in this month) = (1 − q)^k × q. */
  readonly months: readonly (NoticeMonth & { readonly probability: Decimal })[];
  /** P(notice is never served) = (1 − q)^K for K notice months; the contract runs to its end. */
  readonly never: Decimal;
  /** The value if it runs to its end: the total of the schedule. */
  readonly total: Decimal;
}

/**
 * Per notice month, the probability that notice is first served then, and the probability that it
 * never is — the figures a model sheet can lay out and check. Probabilities sum to 1.
 */
export function exitProbabilities(
  terms: ContractTerms,
  annualProbability: MoneyInput,
  schedule: readonly Period[] = buildSchedule(terms),
): ExitProbabilities {
  const p = checkProbability(annualProbability, "annual_exit_probability");
  const q = monthlyProbability(p);
  const stay = ONE.minus(q);
  let survive = ONE;
  const months = noticeMonths(terms, schedule).map((month) => {
    const probability = survive.times(q);
    survive = survive.times(stay);
    return { ...month, probability };
  });
  return { annualProbability: p, monthlyProbability: q, months, never: survive, total: totalValue(schedule) };
}

/**
 * The probability-weighted contract value when, in every notice month, notice is served with the
 * monthly probability q equivalent to the annual p:
 * E = Σ_k (1 − q)^k q V_k + (1 − q)^K T, rounded to the cent. p = 0 gives the total (CONTRACT_VALUE),
 * p = 1 the value at the earliest exit (EXIT_VALUE). E never increases with p while each later exit is
 * worth at least as much as an earlier one — always, unless the termination fee exceeds the payments
 * that the last exit forgoes.
 *
 * How it is summed (the same E, regrouped by period): period i is owed in full exactly when the first
 * notice comes in month k_i or later (k_i: the first notice month whose exit owes it in full; K if
 * only running to the end does), probability (1 − q)^{k_i}. So
 * E = Σ_i payment_i (1 − q)^{k_i} + Σ_k (1 − q)^k q a_k + fee × (1 − (1 − q)^K),
 * a_k the pro-rata part of a period cut short by exit k (proration "actual" only). The probabilities
 * are doubles, as XNPV's discount factors are, and runs of equal payments share one decimal
 * multiplication, as in {@link presentValue}: the walk over the notice months is integer and double
 * arithmetic only, so the cost is the schedule plus O(1) — a few nanoseconds — a month.
 *
 * @example
 * expectedValue(seedTerms, 0).toString() // "6300000000"
 * expectedValue(seedTerms, 1).toString() // "900000000"
 */
export function expectedValue(
  terms: ContractTerms,
  annualProbability: MoneyInput,
  schedule: readonly Period[] = buildSchedule(terms),
): Decimal {
  const p = checkProbability(annualProbability, "annual_exit_probability");
  const total = totalValue(schedule);
  if (p.isZero()) return total;
  const { q, stay } = noticeWeights(p);
  // fullyOwed[i]: the probability that period i is owed in full, (1 − q)^{k_i}.
  const fullyOwed = new Float64Array(schedule.length);
  let settled = 0; // periods whose k_i is known
  let survive = 1; // (1 − q)^k: no notice before month k
  let partial = ZERO;
  const months = walkNoticeMonths(terms, schedule, (_k, _notice, exit, begun) => {
    let full = begun;
    if (begun > 0 && terms.proration === "actual" && exit - 1 < schedule[begun - 1].end) {
      full = begun - 1;
      const cut = owedInPeriod(terms, schedule[begun - 1], exit);
      partial = partial.plus(cut.times(survive * q));
    }
    while (settled < full) fullyOwed[settled++] = survive;
    survive *= stay;
  });
  while (settled < schedule.length) fullyOwed[settled++] = survive; // owed only if notice never comes
  let value = partial;
  let runPayment: Decimal | undefined;
  let runWeight = 0;
  for (let i = 0; i < schedule.length; i++) {
    const payment = schedule[i].payment;
    // The schedule shares one payment object across a run of equal rates: compare by identity first.
    if (runPayment !== undefined && (payment === runPayment || payment.eq(runPayment))) {
      runWeight += fullyOwed[i];
      continue;
    }
    if (runPayment !== undefined) value = value.plus(runPayment.times(runWeight));
    runPayment = payment;
    runWeight = fullyOwed[i];
  }
  if (runPayment !== undefined) value = value.plus(runPayment.times(runWeight));
  if (months > 0 && !terms.termination.fee.isZero()) value = value.plus(terms.termination.fee.times(1 - survive));
  return roundCents(value);
}

/**
 * The expected present value: Σ_k (1 − q)^k q PV(V_k) + (1 − q)^K PV(T), PV(V_k) from cumulative
 * discounted payments (the fee discounted from its exit date), O(1) per notice month; to the cent.
 */
export interface ExpectedPresentValueInput {
  readonly terms: ContractTerms;
  /** The annual exit probability, checked. */
  readonly annualProbability: Decimal;
  readonly schedule: readonly Period[];
  /** Per period of the schedule: its payment and the discount factor of its payment date. */
  readonly periods: readonly { readonly payment: Decimal; readonly discountFactor: number | null }[];
  /** The discount factor of a day (null without a rate). */
  readonly factorOn: (day: Serial) => number | null;
  /** An amount's present value at a factor, as the bridge rounds it. */
  readonly pv: (amount: Decimal, factor: number | null) => Decimal;
}

export function expectedPresentValue({ terms, annualProbability: p, schedule, periods, factorOn, pv }: ExpectedPresentValueInput): Decimal {
  // prefix[i] = PV of the payments of periods 1..i.
  const prefix: Decimal[] = [ZERO];
  for (const period of periods) prefix.push(prefix[prefix.length - 1].plus(pv(period.payment, period.discountFactor)));
  const total = prefix[prefix.length - 1];
  const q = monthlyProbability(p);
  if (q.isZero()) return roundCents(total);
  const stay = ONE.minus(q);
  let weighted = ZERO;
  let survive = ONE;
  let next = 0;
  for (const month of noticeMonths(terms, schedule)) {
    while (next < schedule.length && schedule[next].start < month.exitDate) next++;
    let value = pv(terms.termination.fee, factorOn(month.exitDate));
    if (next > 0) {
      const owed = owedInPeriod(terms, schedule[next - 1], month.exitDate);
      value = value.plus(prefix[next - 1]).plus(pv(owed, periods[next - 1].discountFactor));
    }
    weighted = weighted.plus(survive.times(value));
    survive = survive.times(stay);
  }
  return roundCents(weighted.times(q).plus(survive.times(total)));
}
