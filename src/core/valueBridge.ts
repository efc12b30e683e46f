/**
 * From the headline value to what is enforceable, expected and likely to be paid: the value bridge.
 *
 * Every figure here is built on the schedule ({@link buildSchedule}) and the exit rules
 * ({@link exitDate}, {@link exitOutcome}); what is owed up to an exit is read from the schedule's
 * cumulative sums, so asking about many exits costs O(1) each.
 *
 * Definitions (README, "The value bridge"):
 * - **Committed value on a day** ({@link committedValue}): the consideration for service not yet
 *   rendered on `asOf` up to the exit that notice served that day (or on the earliest permitted day
 *   after it) gives, plus the termination fee — the remaining performance obligation (ASC 606 /
 *   IFRS 15). Each period's amount is earned evenly over the days of service it pays for.
 * - **Notice months** ({@link noticeMonths}): notice served on the earliest permitted day, then on
 *   each monthly anniversary of it (EDATE, never chained), while the exit it gives lies within the term.
 * - **Expected value** ({@link expectedValue}): E = Σ_k P(first notice in month k) × value(exit k)
 *   + P(no notice) × total, with P(first notice in month k) = (1 − q)^k × q and
 *   q = 1 − (1 − p)^(1/12) for an annual exit probability p.
 */
import { Decimal, roundCents, ZERO } from "./money";
import { addMonths, DateSystem, dateToSerial, Serial, serialToDate } from "./dates";
import { numError, valueError } from "./errors";
import { checkDate, checkMoney, ContractTerms, earliestNoticeDate, lockInEnd, MoneyInput } from "./terms";
import { buildSchedule, scheduleBefore, Period, prorate } from "./schedule";
import { exitDate, exitOutcome } from "./termination";
import { totalValue } from "./valuation";

const ONE = new Decimal(1);

// ---------------------------------------------------------------------------------------------
// What is owed up to an exit, from the schedule's cumulative sums
// ---------------------------------------------------------------------------------------------

/**
 * What a period pays for service before `exit` (the first day without service): nothing if it starts
 * on or after the exit; its payment if fully served or if proration is `full`; otherwise its rate for
 * the days served — the rule of {@link exitOutcome}, for one period.
 */
export function owedInPeriod(terms: ContractTerms, period: Period, exit: Serial): Decimal {
  if (exit <= period.start) return ZERO;
  const lastDayServed = exit - 1;
  if (lastDayServed >= period.end || terms.proration === "full") return period.payment;
  return prorate(period.rate, lastDayServed - period.start + 1, period.fullDays);
}

/**
 * Payments owed for service before an exit date, read from the cumulative column: O(1) per question
 * when the exits asked about never move earlier (the cursor only moves forward).
 */
export class OwedCursor {
  /** Index of the first period starting on or after the last exit asked about. */
  private next = 0;

  constructor(
    private readonly terms: ContractTerms,
    private readonly schedule: readonly Period[],
  ) {}

  /** Payments owed before `exit`, without any fee. Exits must be asked in non-decreasing order. */
  owedBefore(exit: Serial): Decimal {
    const schedule = this.schedule;
    if (this.next > 0 && schedule[this.next - 1].start >= exit) {
      throw new Error("OwedCursor: exits must be asked in non-decreasing order.");
    }
    while (this.next < schedule.length && schedule[this.next].start < exit) this.next++;
    if (this.next === 0) return ZERO;
    const before = this.next >= 2 ? schedule[this.next - 2].cumulative : ZERO;
    return before.plus(owedInPeriod(this.terms, schedule[this.next - 1], exit));
  }

  /** Number of periods begun before the last exit asked about. */
  get periodsBegun(): number {
    return this.next;
  }
}

/** The terms with notice served on `noticeDate`. */
function withNotice(terms: ContractTerms, noticeDate: Serial): ContractTerms {
  return { ...terms, termination: { ...terms.termination, noticeDate } };
}

/** Index of the period that contains `day` (start ≤ day ≤ end), or -1 if none: a binary search. */
function periodIndexContaining(schedule: readonly Period[], day: Serial): number {
  let lo = 0;
  let hi = schedule.length - 1;
  if (hi < 0 || day < schedule[0].start || day > schedule[hi].end) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (schedule[mid].start <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Committed value on a day: the remaining performance obligation
// ---------------------------------------------------------------------------------------------

export interface RemainingCommitment {
  readonly asOf: Serial;
  /** The day notice is taken to be served: the later of `asOf` and the earliest permitted notice date. */
  readonly noticeDate: Serial;
  /** The exit that notice gives: the first day without service (end + 1 if none within the term). */
  readonly exitDate: Serial;
  readonly early: boolean;
  /** Everything owed up to that exit, fee included: EXIT_VALUE with that notice date. */
  readonly owedAtExit: Decimal;
  /** The part of it that pays for service rendered before `asOf`. */
  readonly rendered: Decimal;
  readonly fee: Decimal;
  /** owedAtExit − rendered: service still to be rendered up to the exit, plus the fee. 0 after the end. */
  readonly value: Decimal;
}

/**
 * What remains enforceable on `asOf`: the consideration for service from `asOf` up to the exit that
 * notice served on `asOf` (or on the earliest permitted notice date, if later) would give, plus the
 * termination fee on an early exit. A notice date in the terms is not used: the question is what
 * notice served now would leave.
 *
 * "Service from asOf" is the revenue team's remaining performance obligation: what is paid in
 * advance but not yet earned counts, what was earned but is paid in arrears does not. A period's
 * amount (its payment, or what is owed for it at the exit) is earned evenly over the days of service
 * it pays for; the period containing `asOf` counts the days from `asOf` on, rounded to the cent. On
 * or before the start date nothing is rendered, so the value equals {@link exitOutcome}'s (EXIT_VALUE).
 * After the end date it is 0.
 *
 * @example
 * // Seed on 2027-01-01: notice then gives exit 2027-04-01; Jan–Mar remain: 450,000,000
 * committedValue(seedTerms, 46388).value.toString() // "450000000"
 */
export function committedValue(terms: ContractTerms, asOf: Serial, given?: readonly Period[]): RemainingCommitment {
  asOf = checkDate(asOf, "as_of_date", terms.dateSystem);
  const earliest = earliestNoticeDate(terms);
  const noticeDate = Math.max(asOf, earliest);
  if (asOf > terms.endDate) {
    const schedule = given ?? buildSchedule(terms);
    return {
      asOf,
      noticeDate,
      exitDate: terms.endDate + 1,
      early: false,
      owedAtExit: totalValue(schedule),
      rendered: totalValue(schedule),
      fee: ZERO,
      value: ZERO,
    };
  }
  // Notice after the end cannot be served: exitDate clamps to end + 1 (the contract runs out).
  const exit = exitDate(withNotice(terms, Math.min(noticeDate, terms.endDate)));
  // Only the periods up to the exit and the day asked about matter: the cost follows them, not the term.
  const schedule = given ?? scheduleBefore(terms, Math.max(exit, asOf + 1));
  const early = exit <= terms.endDate;
  const fee = early ? terms.termination.fee : ZERO;
  const owedAtExit = new OwedCursor(terms, schedule).owedBefore(exit).plus(fee);
  let rendered = ZERO;
  const i = periodIndexContaining(schedule, asOf);
  if (i >= 0) {
    const period = schedule[i];
    rendered = i > 0 ? schedule[i - 1].cumulative : ZERO;
    const owed = owedInPeriod(terms, period, exit);
    if (!owed.isZero()) {
      const lastDayPaidFor = Math.min(period.end, exit - 1);
      const daysPaidFor = lastDayPaidFor - period.start + 1;
      const daysLeft = Math.max(0, lastDayPaidFor - asOf + 1);
      const remaining = daysLeft === daysPaidFor ? owed : roundCents(owed.times(daysLeft).dividedBy(daysPaidFor));
      rendered = rendered.plus(owed.minus(remaining));
    }
  }
  return { asOf, noticeDate, exitDate: exit, early, owedAtExit, rendered, fee, value: owedAtExit.minus(rendered) };
}

// ---------------------------------------------------------------------------------------------
// Notice months and the expected value
// ---------------------------------------------------------------------------------------------

export interface NoticeMonth {
  /** 0 for the earliest permitted notice date, k for its k-th monthly anniversary. */
  readonly index: number;
  readonly noticeDate: Serial;
  /** The exit that notice gives: always within the term (an early exit). */
  readonly exitDate: Serial;
  /** Owed up to that exit, fee included: EXIT_VALUE with that notice date. */
  readonly value: Decimal;
}

/**
 * The notice opportunities and the exits they give — the one rule of {@link expectedValue} and the
 * portfolio's expected figure (portfolio.ts): notice served on `first` (default: the earliest
 * permitted notice date), then on each monthly anniversary of it (EDATE from that date, never
 * chained), while the exit it gives ({@link exitDate}: notice + notice days, no earlier than the
 * lock-in's end) lies within the term. Money is not touched: integer date arithmetic per month.
 *
 * @example
 * noticeExits(seedTerms).exits.length // 37: notice 2026-10-01 … 2029-10-01
 */
export function noticeExits(terms: ContractTerms, first: Serial = earliestNoticeDate(terms)): { readonly notices: Serial[]; readonly exits: Serial[] } {
  const system: DateSystem = terms.dateSystem;
  const firstDate = serialToDate(first, system);
  // One copy of the terms whose notice date moves month by month: no allocation per month. Its
  // lock-in is given by its last day (the same lock-in end), so exitDate need not redo EDATE each month.
  const termination: { -readonly [K in keyof ContractTerms["termination"]]: ContractTerms["termination"][K] } = {
    ...terms.termination,
    lockInLastDay: lockInEnd(terms) - 1,
  };
  const probe: ContractTerms = { ...terms, termination };
  const notices: Serial[] = [];
  const exits: Serial[] = [];
  for (let k = 0; ; k++) {
    const noticeDate = k === 0 ? first : dateToSerial(addMonths(firstDate, k, system), system);
    if (noticeDate > terms.endDate) break;
    termination.noticeDate = noticeDate;
    const exit = exitDate(probe);
    if (exit > terms.endDate) break; // exits never move earlier as notice moves later
    notices.push(noticeDate);
    exits.push(exit);
  }
  return { notices, exits };
}

/**
 * Walks the notice months (see {@link noticeExits}) without touching money: for each, its index,
 * notice date, exit date and the number of periods begun before the exit. Returns how many there are.
 * O(1) a month: exits never move earlier as notice moves later, so the period pointer only advances.
 */
function walkNoticeMonths(
  terms: ContractTerms,
  schedule: readonly Period[],
  visit: (index: number, noticeDate: Serial, exit: Serial, begun: number) => void,
): number {
  const { notices, exits } = noticeExits(terms);
  let begun = 0;
  exits.forEach((exit, k) => {
    while (begun < schedule.length && schedule[begun].start < exit) begun++;
    visit(k, notices[k], exit, begun);
  });
  return exits.length;
}

/**
 * The months in which notice may be served: on the earliest permitted notice date, then on each
 * monthly anniversary of it (EDATE from that date, never chained, so a 31st becomes the 30th or
 * 28th/29th of shorter months), as long as the exit it gives is within the term (on or before the end
 * date). Empty when the contract cannot end early. O(1) per month after the schedule is built: each
 * value is the cumulative payment before the last period begun, plus what that period owes.
 *
 * @example
 * // Seed: notice 2026-10-01 … 2029-10-01, 37 months; the first exits on 2026-12-30 owing 900,000,000
 * noticeMonths(seedTerms).length // 37
 */
export function noticeMonths(terms: ContractTerms, schedule: readonly Period[] = buildSchedule(terms)): NoticeMonth[] {
  const months: NoticeMonth[] = [];
  const fee = terms.termination.fee;
  walkNoticeMonths(terms, schedule, (index, noticeDate, exit, begun) => {
    let owed = fee;
    if (begun > 0) {
      owed = owed.plus(owedInPeriod(terms, schedule[begun - 1], exit));
      if (begun > 1) owed = owed.plus(schedule[begun - 2].cumulative);
    }
    months.push({ index, noticeDate, exitDate: exit, value: owed });
  });
  return months;
}

/** An annual probability between 0 and 1 (20% = 0.2). */
export function checkProbability(value: MoneyInput, name: string): Decimal {
  const p = checkMoney(value, name);
  if (p.isNegative() || p.gt(1)) throw numError(`${name} must be between 0 and 1 (0% to 100%).`);
  return p;
}

/**
 * The monthly probability equivalent to an annual one: q = 1 − (1 − p)^(1/12), so that twelve months
 * without notice have probability (1 − q)^12 = 1 − p. The one function for q: on a decimal (already
 * checked, see {@link checkProbability}) it returns a decimal; on a number it checks the range and
 * returns a number.
 *
 * @example
 * monthlyProbability(new Decimal("0.717570463519")).toDecimalPlaces(20).toString() // "0.1": 0.9^12 = 0.282429536481
 * monthlyProbability(1 - 0.5 ** 12) // 0.5
 */
export function monthlyProbability(annual: Decimal): Decimal;
export function monthlyProbability(annual: number): number;
export function monthlyProbability(annual: Decimal | number): Decimal | number {
  if (typeof annual === "number") {
    if (!(annual >= 0 && annual <= 1)) throw numError("The exit probability must be between 0 and 1.");
    return monthlyProbability(new Decimal(annual)).toNumber();
  }
  if (annual.isZero()) return ZERO;
  if (annual.eq(1)) return ONE;
  // A probability, not money: a double is exact to ~1e-16 relative (an error far below a cent on any
  // contract value) and a fractional power in 34-digit decimals would cost more than the whole sum.
  // −expm1(log1p(−p) ÷ 12) keeps its accuracy for small p, where 1 − (1 − p)^(1/12) would cancel.
  return new Decimal(-Math.expm1(Math.log1p(-annual.toNumber()) / 12));
}

/**
 * P(no notice at the first j opportunities) = stay^j for j = 0 … count, each power built by repeated
 * multiplication in order — the same doubles as {@link expectedValue}'s running product.
 *
 * @example
 * survivalWeights(0.5, 3) // [1, 0.5, 0.25, 0.125]
 */
export function survivalWeights(stay: number, count: number): number[] {
  const survival: number[] = [1];
  for (let j = 0; j < count; j++) survival.push(survival[j] * stay);
  return survival;
}

/**
 * The monthly probability of notice q and of no notice, 1 − q, as doubles — the weights of
 * {@link expectedValue} and of the portfolio's expected figure: P(first notice at opportunity k) =
 * stay^k × q, P(none of the first K) = stay^K (each power built by repeated multiplication, in order).
 *
 * @example
 * noticeWeights(new Decimal("0.2")).stay ** 12 // 0.8 (to 1e-15)
 */
export function noticeWeights(annual: Decimal): { readonly q: number; readonly stay: number } {
  const q = monthlyProbability(annual).toNumber();
  return { q, stay: annual.eq(1) ? 0 : annual.isZero() ? 1 : Math.exp(Math.log1p(-annual.toNumber()) / 12) };
}

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

// ---------------------------------------------------------------------------------------------
// Service levels
// ---------------------------------------------------------------------------------------------

export interface SlaTier {
  /** The tier applies when uptime is below this share (0.999 = 99.9%). */
  readonly below: Decimal;
  /** The credit, as a share of the period's payment (0.1 = 10%). */
  readonly credit: Decimal;
}

export interface SlaTierInput {
  readonly below: MoneyInput;
  readonly credit: MoneyInput;
}

/** A share between 0 and 1. */
export function checkShare(value: MoneyInput, name: string): Decimal {
  const share = checkMoney(value, name);
  if (share.isNegative() || share.gt(1)) throw numError(`${name} must be between 0 and 1 (0% to 100%).`);
  return share;
}

/**
 * Checks an SLA tier table: thresholds above 0 and at most 1, all different; credits between 0 and 1
 * that do not fall as the threshold falls (a deeper breach never earns less). Returned deepest first.
 */
export function checkSlaTiers(rows: readonly SlaTierInput[]): SlaTier[] {
  if (rows.length === 0) throw valueError("The SLA tier table is empty: give rows of uptime threshold and credit share.");
  const tiers = rows.map((row, i) => {
    const below = checkShare(row.below, `SLA tier row ${i + 1} uptime threshold`);
    if (below.isZero()) throw numError(`SLA tier row ${i + 1}: the uptime threshold must be above 0.`);
    return { below, credit: checkShare(row.credit, `SLA tier row ${i + 1} credit`) };
  });
  tiers.sort((a, b) => a.below.comparedTo(b.below));
  for (let i = 1; i < tiers.length; i++) {
    if (tiers[i].below.eq(tiers[i - 1].below)) {
      throw valueError(`Two SLA tiers share the uptime threshold ${tiers[i].below.toString()}: give each threshold once.`);
    }
    if (tiers[i].credit.gt(tiers[i - 1].credit)) {
      throw valueError(
        `SLA tiers: uptime below ${tiers[i - 1].below.toString()} earns a credit of ${tiers[i - 1].credit.toString()}, less than the ${tiers[i].credit.toString()} for the milder breach below ${tiers[i].below.toString()}: a deeper breach must earn at least the same credit.`,
      );
    }
  }
  return tiers;
}

/**
 * The credit share for an uptime: that of the deepest tier breached (the lowest threshold the uptime
 * is below), 0 if none is breached. Tiers as {@link checkSlaTiers} returns them (deepest first).
 */
export function slaCreditShare(uptime: Decimal, tiers: readonly SlaTier[]): Decimal {
  for (const tier of tiers) if (uptime.lt(tier.below)) return tier.credit;
  return ZERO;
}

/**
 * The service credit for one period: payment × the deepest breached tier's credit share, to the cent.
 *
 * @example
 * // 99.5% uptime against tiers below 99.9% → 10%, below 99% → 25%
 * slaCredit(150e6, 0.995, [{ below: 0.999, credit: 0.1 }, { below: 0.99, credit: 0.25 }]).toString() // "15000000"
 */
export function slaCredit(payment: MoneyInput, uptime: MoneyInput, tiers: readonly SlaTierInput[]): Decimal {
  const amount = checkMoney(payment, "payment");
  if (amount.isNegative()) throw numError("The payment cannot be negative.");
  return roundCents(amount.times(slaCreditShare(checkShare(uptime, "uptime"), checkSlaTiers(tiers))));
}

/**
 * Downtime an uptime target allows, in minutes: (1 − target) × days × 1,440. The period runs from
 * `periodStart` to `periodEnd` inclusive, or for the month that starts on `periodStart` (to the day
 * before EDATE(periodStart, 1)) when no end is given.
 *
 * @example
 * allowedDowntimeMinutes(0.999, 46204).toString() // "44.64": July has 31 days
 */
export function allowedDowntimeMinutes(
  uptimeTarget: MoneyInput,
  periodStart: Serial,
  periodEnd: Serial | null = null,
  system: DateSystem = "1900",
): Decimal {
  const target = checkShare(uptimeTarget, "uptime_target");
  const start = checkDate(periodStart, "period_start", system);
  const end =
    periodEnd === null
      ? dateToSerial(addMonths(serialToDate(start, system), 1, system), system) - 1
      : checkDate(periodEnd, "period_end", system);
  if (end < start) throw numError("The period ends before it starts.");
  return ONE.minus(target).times(end - start + 1).times(1440);
}

// ---------------------------------------------------------------------------------------------
// Delivery
// ---------------------------------------------------------------------------------------------

export interface AbatedPeriod {
  readonly number: number;
  readonly paymentDate: Serial;
  readonly payment: Decimal;
  /** Share of the contracted capacity delivered in the period (1 = all). */
  readonly deliveredShare: Decimal;
  /** payment × delivered share, to the cent: what is payable. */
  readonly abated: Decimal;
  /** payment − abated. */
  readonly shortfall: Decimal;
}

export interface Abatement {
  readonly periods: readonly AbatedPeriod[];
  readonly payable: Decimal;
  readonly shortfall: Decimal;
}

/**
 * Abates each period's payment pro rata to the capacity delivered: payable = payment × share, to the
 * cent; the shortfall is the rest. `deliveredShares[i]` is period i + 1's share; periods beyond the
 * list are delivered in full. `amounts` replaces the payments (e.g. what is owed up to an exit).
 *
 * @example
 * // Seed, July half delivered: 75,000,000 payable, 75,000,000 short
 * abateForDelivery(buildSchedule(seedTerms), [0.5]).shortfall.toString() // "75000000"
 */
export function abateForDelivery(
  schedule: readonly Period[],
  deliveredShares: readonly MoneyInput[],
  amounts: readonly Decimal[] = schedule.map((p) => p.payment),
): Abatement {
  const shares = checkDeliveredShares(deliveredShares, schedule.length);
  let payable = ZERO;
  let shortfall = ZERO;
  const periods = schedule.map((period, i) => {
    const payment = amounts[i];
    const share = shares[i] ?? ONE;
    const abated = share.eq(1) ? payment : roundCents(payment.times(share));
    const short = payment.minus(abated);
    payable = payable.plus(abated);
    shortfall = shortfall.plus(short);
    return { number: period.number, paymentDate: period.paymentDate, payment, deliveredShare: share, abated, shortfall: short };
  });
  return { periods, payable, shortfall };
}

function checkDeliveredShares(shares: readonly MoneyInput[], periods: number): Decimal[] {
  if (shares.length > periods) {
    throw valueError(`${shares.length} delivered shares were given for a schedule of ${periods} periods: give at most one a period.`);
  }
  return shares.map((share, i) => checkShare(share, `delivered share of period ${i + 1}`));
}

export interface DeliveryDeadline {
  /** The day by which the required share of capacity must be delivered. */
  readonly date: Serial;
  /** The share required by then (1 = all the contracted capacity). */
  readonly requiredShare: MoneyInput;
  /** The share delivered by then. */
  readonly deliveredShare: MoneyInput;
  /** Days of notice the tenant must give after the deadline; 0 if it may leave at once. */
  readonly noticeDays?: number;
}

export interface DeliveryCommitment {
  /** Whether the delivered share fell short of the required one, giving the tenant a right to leave. */
  readonly breached: boolean;
  /** The exit the delivery right gives, min(deadline + notice, end + 1); null when not breached. */
  readonly deliveryExitDate: Serial | null;
  /** The enforceable exit under the ordinary termination clause (EXIT_VALUE's). */
  readonly ordinaryExitDate: Serial;
  readonly ordinaryValue: Decimal;
  /** Which exit sets the committed value: the one that costs the tenant less. */
  readonly exitUsed: "ordinary" | "delivery";
  readonly exitDate: Serial;
  /** The lesser of the ordinary exit value and what is owed up to the delivery exit (no fee: the provider failed). */
  readonly value: Decimal;
}

/**
 * The committed value with a delivery deadline: if the share delivered by the deadline is below the
 * required share, the tenant may end the contract at the deadline (plus notice, if any) owing the
 * payments up to then and no termination fee; the committed value is then the lesser of that and the
 * ordinary exit value (the tenant takes the cheaper way out).
 *
 * @example
 * // Seed, 60% delivered of 100% required by 2026-08-31, exit at once: July and August, 300,000,000
 * deliveryCommittedValue(seedTerms, { date: 46265, requiredShare: 1, deliveredShare: 0.6 }).value.toString() // "300000000"
 */
export function deliveryCommittedValue(
  terms: ContractTerms,
  deadline: DeliveryDeadline,
  schedule: readonly Period[] = buildSchedule(terms),
): DeliveryCommitment {
  const ordinary = exitOutcome(terms, schedule);
  const required = checkShare(deadline.requiredShare, "required share");
  const delivered = checkShare(deadline.deliveredShare, "delivered share");
  const noticeDays = deadline.noticeDays ?? 0;
  if (!Number.isInteger(noticeDays) || noticeDays < 0 || noticeDays > 36600) {
    throw numError("The delivery notice must be a whole number of days between 0 and 36600.");
  }
  if (deadline.date < terms.startDate) throw valueError("The delivery deadline is before the start date.");
  const base = {
    ordinaryExitDate: ordinary.exitDate,
    ordinaryValue: ordinary.value,
  };
  if (!delivered.lt(required)) {
    return { ...base, breached: false, deliveryExitDate: null, exitUsed: "ordinary", exitDate: ordinary.exitDate, value: ordinary.value };
  }
  const deliveryExit = Math.min(deadline.date + noticeDays, terms.endDate + 1);
  const owed = new OwedCursor(terms, schedule).owedBefore(deliveryExit);
  if (owed.lt(ordinary.value)) {
    return { ...base, breached: true, deliveryExitDate: deliveryExit, exitUsed: "delivery", exitDate: deliveryExit, value: owed };
  }
  return { ...base, breached: true, deliveryExitDate: deliveryExit, exitUsed: "ordinary", exitDate: ordinary.exitDate, value: ordinary.value };
}

// ---------------------------------------------------------------------------------------------
// The value bridge
// ---------------------------------------------------------------------------------------------

export type BridgeKey =
  | "headline"
  | "beyondExit"
  | "beyondDeliveryExit"
  | "committed"
  | "slaCredits"
  | "deliveryShortfall"
  | "riskAdjusted";

export interface BridgeLine {
  readonly key: BridgeKey;
  readonly label: string;
  /** A running total, or a step (negative: a deduction) between two totals. */
  readonly kind: "total" | "step";
  readonly value: Decimal;
  /** At the discount rate, valued at the start date (XNPV); null without a rate. */
  readonly presentValue: Decimal | null;
}

/** One period of the bridge: how its payment splits between the steps. Fee excluded (see `fee`). */
export interface BridgePeriod {
  readonly number: number;
  readonly start: Serial;
  readonly paymentDate: Serial;
  /** (1 + rate)^(−days from start ÷ 365) as a double, XNPV's factor; null without a rate. */
  readonly discountFactor: number | null;
  readonly payment: Decimal;
  /** Owed before the ordinary enforceable exit. */
  readonly committedBeforeDelivery: Decimal;
  /** Owed before the exit used (the ordinary one, or the delivery one). */
  readonly committed: Decimal;
  readonly deliveredShare: Decimal;
  /** committed × delivered share, to the cent. */
  readonly payable: Decimal;
  readonly deliveryShortfall: Decimal;
  /** payable × the SLA credit share at the expected uptime, to the cent. */
  readonly slaCredit: Decimal;
  /** payable − slaCredit. */
  readonly riskAdjusted: Decimal;
}

export interface BridgeOptions {
  /** Annual discount rate for the present values; none: nominal only. */
  readonly discountRate?: MoneyInput | null;
  /** For the expected value; none: no expected value. */
  readonly annualExitProbability?: MoneyInput | null;
  /** Expected uptime, checked against `slaTiers`; both needed for SLA credits. */
  readonly expectedUptime?: MoneyInput | null;
  readonly slaTiers?: readonly SlaTierInput[] | null;
  /** Per period, the share of contracted capacity delivered; periods beyond the list: in full. */
  readonly deliveredShares?: readonly MoneyInput[] | null;
  /** A delivery deadline; `deliveredShare` defaults to the share of the period containing the date (1 if none). */
  readonly deliveryDeadline?: (Omit<DeliveryDeadline, "deliveredShare"> & { readonly deliveredShare?: MoneyInput }) | null;
}

export interface ValueBridge {
  /** headline, −beyondExit, −beyondDeliveryExit, committed, −slaCredits, −deliveryShortfall, riskAdjusted. */
  readonly lines: readonly BridgeLine[];
  readonly headline: BridgeLine;
  readonly committed: BridgeLine;
  readonly riskAdjusted: BridgeLine;
  /** The expected value at the exit probability, and the step to it from the headline. */
  readonly expected: {
    readonly annualExitProbability: Decimal;
    readonly value: Decimal;
    readonly presentValue: Decimal | null;
    /** −(headline − expected). */
    readonly lessExpectedExits: Decimal;
    readonly lessExpectedExitsPresentValue: Decimal | null;
  } | null;
  readonly ordinaryExit: { readonly exitDate: Serial; readonly early: boolean; readonly fee: Decimal };
  readonly exitUsed: "ordinary" | "delivery";
  readonly exitDate: Serial;
  /** The termination fee within the committed value (0 for a delivery exit or no early exit), paid on the exit date. */
  readonly fee: Decimal;
  readonly slaCreditShare: Decimal;
  readonly periods: readonly BridgePeriod[];
}

/** Present values are kept to 10 decimal places (a hundred-millionth of a cent), so that sums are exact. */
const PV_PLACES = 10;

/**
 * The value bridge: headline → less value beyond the enforceable exit → less value beyond the
 * delivery-failure exit → committed → less SLA credits at the expected uptime → less delivery
 * shortfall → risk-adjusted committed; and the expected value at an exit probability. Each line also
 * as a present value at the start date (XNPV's convention: each amount × (1 + rate)^(−days ÷ 365) at
 * its payment date; the fee on the exit date).
 *
 * Per period, payment = committed + beyond (the two exit steps) and committed = payable + shortfall,
 * payable = riskAdjusted + credit, all exact decimals, so the nominal steps sum exactly to their
 * ends. Present values: each period's payment, committed amounts, shortfall and credit are discounted
 * and rounded to 10 decimal places; the "beyond" steps and the risk-adjusted line are what remains of
 * them per period, so the present-value column sums exactly too.
 *
 * SLA credits are charged on what is payable after abatement: capacity not delivered is not paid and
 * earns no credit. They use the credit share at the expected uptime (not an average over outcomes).
 */
export function valueBridge(
  terms: ContractTerms,
  options: BridgeOptions = {},
  schedule: readonly Period[] = buildSchedule(terms),
): ValueBridge {
  const rate = options.discountRate === undefined || options.discountRate === null ? null : checkMoney(options.discountRate, "discount_rate");
  if (rate !== null && rate.lte(-1)) throw numError("The discount rate must be above -100%.");
  const growth = rate === null ? 0 : 1 + rate.toNumber();
  const factorOn = (day: Serial): number | null => (rate === null ? null : Math.pow(growth, -(day - terms.startDate) / 365));
  const pv = (amount: Decimal, factor: number | null): Decimal =>
    factor === null ? ZERO : amount.times(factor).toDecimalPlaces(PV_PLACES, Decimal.ROUND_HALF_UP);

  // The exits.
  const ordinary = exitOutcome(terms, schedule);
  const shares = checkDeliveredShares(options.deliveredShares ?? [], schedule.length);
  let delivery: DeliveryCommitment | null = null;
  if (options.deliveryDeadline) {
    const d = options.deliveryDeadline;
    const i = periodIndexContaining(schedule, d.date);
    const deliveredShare = d.deliveredShare ?? (i >= 0 ? (shares[i] ?? ONE) : ONE);
    delivery = deliveryCommittedValue(terms, { ...d, deliveredShare }, schedule);
  }
  const exitUsed = delivery?.exitUsed ?? "ordinary";
  const exit = exitUsed === "delivery" ? delivery!.exitDate : ordinary.exitDate;
  const fee = exitUsed === "delivery" ? ZERO : ordinary.fee;

  // Service levels.
  const hasSla = options.expectedUptime !== undefined && options.expectedUptime !== null;
  if (hasSla !== (options.slaTiers !== undefined && options.slaTiers !== null)) {
    throw valueError("Give both the expected uptime and the SLA tier table, or neither.");
  }
  const creditShare = hasSla ? slaCreditShare(checkShare(options.expectedUptime!, "expected uptime"), checkSlaTiers(options.slaTiers!)) : ZERO;

  // Per period.
  const sums = { headline: ZERO, beyond: ZERO, beyondDelivery: ZERO, committed: ZERO, credit: ZERO, shortfall: ZERO, risk: ZERO };
  const pvs = { ...sums };
  const periods: BridgePeriod[] = schedule.map((period, i) => {
    const committedBeforeDelivery = owedInPeriod(terms, period, ordinary.exitDate);
    const committed = owedInPeriod(terms, period, exit);
    const deliveredShare = shares[i] ?? ONE;
    const payable = deliveredShare.eq(1) ? committed : roundCents(committed.times(deliveredShare));
    const deliveryShortfall = committed.minus(payable);
    const slaCredit = roundCents(payable.times(creditShare));
    const riskAdjusted = payable.minus(slaCredit);
    sums.headline = sums.headline.plus(period.payment);
    sums.beyond = sums.beyond.plus(period.payment.minus(committedBeforeDelivery));
    sums.beyondDelivery = sums.beyondDelivery.plus(committedBeforeDelivery.minus(committed));
    sums.committed = sums.committed.plus(committed);
    sums.credit = sums.credit.plus(slaCredit);
    sums.shortfall = sums.shortfall.plus(deliveryShortfall);
    sums.risk = sums.risk.plus(riskAdjusted);
    const factor = factorOn(period.paymentDate);
    if (factor !== null) {
      const pvPayment = pv(period.payment, factor);
      const pvBefore = pv(committedBeforeDelivery, factor);
      const pvCommitted = pv(committed, factor);
      const pvShortfall = pv(deliveryShortfall, factor);
      const pvCredit = pv(slaCredit, factor);
      pvs.headline = pvs.headline.plus(pvPayment);
      pvs.beyond = pvs.beyond.plus(pvPayment.minus(pvBefore));
      pvs.beyondDelivery = pvs.beyondDelivery.plus(pvBefore.minus(pvCommitted));
      pvs.committed = pvs.committed.plus(pvCommitted);
      pvs.credit = pvs.credit.plus(pvCredit);
      pvs.shortfall = pvs.shortfall.plus(pvShortfall);
      pvs.risk = pvs.risk.plus(pvCommitted.minus(pvShortfall).minus(pvCredit));
    }
    return {
      number: period.number,
      start: period.start,
      paymentDate: period.paymentDate,
      discountFactor: factor,
      payment: period.payment,
      committedBeforeDelivery,
      committed,
      deliveredShare,
      payable,
      deliveryShortfall,
      slaCredit,
      riskAdjusted,
    };
  });
  // The fees: the ordinary one is dropped by a delivery exit; the one kept is neither abated nor credited.
  const pvOrdinaryFee = pv(ordinary.fee, factorOn(ordinary.exitDate));
  const pvFee = pv(fee, factorOn(exit));
  sums.beyond = sums.beyond.minus(ordinary.fee);
  sums.beyondDelivery = sums.beyondDelivery.plus(ordinary.fee).minus(fee);
  sums.committed = sums.committed.plus(fee);
  sums.risk = sums.risk.plus(fee);
  pvs.beyond = pvs.beyond.minus(pvOrdinaryFee);
  pvs.beyondDelivery = pvs.beyondDelivery.plus(pvOrdinaryFee).minus(pvFee);
  pvs.committed = pvs.committed.plus(pvFee);
  pvs.risk = pvs.risk.plus(pvFee);

  const line = (key: BridgeKey, label: string, kind: "total" | "step", value: Decimal, present: Decimal): BridgeLine => ({
    key,
    label,
    kind,
    value,
    presentValue: rate === null ? null : present,
  });
  const headline = line("headline", "Headline contract value", "total", sums.headline, pvs.headline);
  const committed = line("committed", "Committed value", "total", sums.committed, pvs.committed);
  const riskAdjusted = line("riskAdjusted", "Risk-adjusted committed value", "total", sums.risk, pvs.risk);
  const lines = [
    headline,
    line("beyondExit", "Less value beyond the enforceable exit", "step", sums.beyond.negated(), pvs.beyond.negated()),
    line("beyondDeliveryExit", "Less value beyond the delivery-failure exit", "step", sums.beyondDelivery.negated(), pvs.beyondDelivery.negated()),
    committed,
    line("slaCredits", "Less expected SLA credits", "step", sums.credit.negated(), pvs.credit.negated()),
    line("deliveryShortfall", "Less delivery shortfall", "step", sums.shortfall.negated(), pvs.shortfall.negated()),
    riskAdjusted,
  ];

  let expected: ValueBridge["expected"] = null;
  if (options.annualExitProbability !== undefined && options.annualExitProbability !== null) {
    const p = checkProbability(options.annualExitProbability, "annual_exit_probability");
    const value = expectedValue(terms, p, schedule);
    const present = rate === null ? null : expectedPresentValue(terms, p, schedule, periods, factorOn, pv);
    expected = {
      annualExitProbability: p,
      value,
      presentValue: present,
      lessExpectedExits: value.minus(headline.value),
      lessExpectedExitsPresentValue: present === null ? null : present.minus(pvs.headline),
    };
  }

  return {
    lines,
    headline,
    committed,
    riskAdjusted,
    expected,
    ordinaryExit: { exitDate: ordinary.exitDate, early: ordinary.early, fee: ordinary.fee },
    exitUsed,
    exitDate: exit,
    fee,
    slaCreditShare: creditShare,
    periods,
  };
}

/**
 * The expected present value: Σ_k (1 − q)^k q PV(V_k) + (1 − q)^K PV(T), PV(V_k) from cumulative
 * discounted payments (the fee discounted from its exit date), O(1) per notice month; to the cent.
 */
function expectedPresentValue(
  terms: ContractTerms,
  p: Decimal,
  schedule: readonly Period[],
  periods: readonly BridgePeriod[],
  factorOn: (day: Serial) => number | null,
  pv: (amount: Decimal, factor: number | null) => Decimal,
): Decimal {
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
