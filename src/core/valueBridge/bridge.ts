/**
 * The value bridge: from the headline value to the committed and risk-adjusted values, nominal and present.
 */
import { Serial } from "../dates";
import { numError, valueError } from "../errors";
import { Decimal, roundCents, ZERO } from "../money";
import { buildSchedule, Period } from "../schedule";
import { exitOutcome } from "../termination";
import { checkMoney, ContractTerms, MoneyInput } from "../terms";
import { checkDeliveredShares, DeliveryCommitment, deliveryCommittedValue, DeliveryDeadline } from "./delivery";
import { expectedPresentValue, expectedValue } from "./expected";
import { owedInPeriod, periodIndexContaining } from "./owed";
import { checkProbability, checkShare, ONE } from "./shares";
import { checkSlaTiers, slaCreditShare, SlaTierInput } from "./sla";

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
    const present = rate === null ? null : expectedPresentValue({ terms, annualProbability: p, schedule, periods, factorOn, pv });
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
