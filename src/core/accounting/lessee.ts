/**
 * The lessee's subsequent measurement: one row per period, with a remeasurement on notice.
 */
import { edate, formatIsoDate, Serial } from "../dates";
import { valueError } from "../errors";
import { Decimal, roundCents, ZERO } from "../money";
import { buildSchedule, Period } from "../schedule";
import { exitDate } from "../termination";
import { ContractTerms, MoneyInput, validateTerms } from "../terms";
import { termsEndingOn } from "./leaseTerm";
import { straightLine } from "./straightLine";
import { checkDiscountRate, LeaseMeasurement, periodRates, presentValues } from "./measurement";

/**
 * `ifrs16` and `asc842-finance`: interest on the liability plus straight-line depreciation of the
 * right-of-use asset. `asc842-operating`: one straight-line lease cost, the asset the balancing figure.
 * `short-term`: the exemption — straight-line expense, nothing on the balance sheet.
 */
const CENT = new Decimal("0.01");

export type LesseeStandard = "ifrs16" | "asc842-finance" | "asc842-operating" | "short-term";
export const LESSEE_STANDARDS: readonly LesseeStandard[] = ["ifrs16", "asc842-finance", "asc842-operating", "short-term"];

/**
 * One period of the lessee's accounting. The block a model sheet reproduces:
 * closingLiability = openingLiability − paymentToLiability + interest + liabilityRemeasurement;
 * closingRou = openingRou − rouReduction + rouRemeasurement; leaseCost = interest + rouReduction
 * (ifrs16, asc842-finance) or the straight-line cost (asc842-operating, short-term).
 */
export interface LeaseRow {
  /** 1-based. */
  readonly period: number;
  readonly start: Serial;
  /** The period's last day: the balances are as at its close. */
  readonly end: Serial;
  readonly paymentDate: Serial;
  /** Cash paid in the period: the scheduled payment, plus the termination payment in the last period. */
  readonly payment: Decimal;
  /** The part of `payment` that is a termination payment, due on the exit date (the day after `end`). */
  readonly terminationPayment: Decimal;
  /** The part of `payment` that settles the liability (0 for a payment made at commencement). */
  readonly paymentToLiability: Decimal;
  readonly openingLiability: Decimal;
  readonly interest: Decimal;
  /** Change in the liability from a remeasurement at the period's close. */
  readonly liabilityRemeasurement: Decimal;
  readonly closingLiability: Decimal;
  readonly openingRou: Decimal;
  /** Depreciation (ifrs16, asc842-finance) or amortisation = lease cost − interest (asc842-operating). */
  readonly rouReduction: Decimal;
  /** Change in the asset from a remeasurement: the liability's change, floored so the asset stays ≥ 0. */
  readonly rouRemeasurement: Decimal;
  readonly closingRou: Decimal;
  /** The period's charge to profit or loss for the lease, before any remeasurement gain. */
  readonly leaseCost: Decimal;
  /** A remeasurement's excess over the asset, recognised in profit or loss (a gain). */
  readonly remeasurementGain: Decimal;
  /** Cumulative straight-line cost minus cumulative payments: accrued (+) or prepaid (−) rent. short-term only. */
  readonly accruedRent: Decimal;
}

export interface NoticeRemeasurement {
  /** The day notice is served. */
  readonly noticeDate: Serial;
  /** The revised annual discount rate; default the original. */
  readonly revisedRate?: MoneyInput | null;
}

export interface LeaseAccounting {
  readonly measurement: LeaseMeasurement;
  readonly standard: LesseeStandard;
  readonly rows: readonly LeaseRow[];
  /** Set when notice was served: the period at whose close the liability was remeasured, and the exit. */
  readonly remeasurement: null | {
    readonly period: number;
    readonly exitDate: Serial;
    readonly liabilityBefore: Decimal;
    readonly liabilityAfter: Decimal;
    /** The revised rate of the first period after the remeasurement. */
    readonly rate: Decimal;
  };
}

/**
 * The lessee's accounting, one row per period of the accounting term (IFRS 16.36–38 and 31–32;
 * ASC 842-20-25-5 and 35-1 (finance), 842-20-25-6 and 35-3 (operating); IFRS 16.6 and ASC 842-20-25-2
 * (short-term)).
 *
 * Rounding: interest = ROUND(rate × balance, 2) each period, the balance being the opening liability
 * less a payment made at the period's start — unless that would leave the closing liability more than a
 * cent from the exact present value of what remains (V in {@link presentValues}), in which case the
 * closing liability is that value rounded to the cent and the interest what gets there. Why: the
 * rounding of a balance rolled forward compounds at the rate (at 50% a year over 95 years, half a cent
 * becomes 10^17); anchored to the exact value, no balance strays more than a cent from it at any term
 * or rate, and the published examples, whose balances stay within a cent, are reproduced as printed.
 * Depreciation = ROUND(asset ÷ periods, 2); the straight-line cost = ROUND(total ÷ periods, 2); the last
 * period takes whatever brings the liability and the asset to exactly zero and the total cost to
 * exactly the total. In advance (without a termination payment) the last period bears no interest —
 * its payment is made on its first day — so the residual goes to the interest of the period before,
 * whose close must equal that last payment.
 *
 * Notice (optional): served on a day in period k of the term with `contract`'s notice days and fee, the
 * lease ends early. At the close of period k — or of period k − 1 when the notice is served on period
 * k's first day, the same moment for the books — the liability becomes the PV at the revised periodic rate
 * of the payments left to the exit plus the fee on the exit date, and the asset moves by the same
 * amount, never below zero — the excess is a gain (IFRS 16.39–40, B34; ASC 842-10-35-1, 842-20-35-4 to 35-5). The
 * remaining periods then depreciate (or spread the remaining cost) over the shorter term.
 */
export function leaseAccounting(
  measurement: LeaseMeasurement,
  standard: LesseeStandard = "ifrs16",
  notice?: NoticeRemeasurement & { readonly contract: ContractTerms },
): LeaseAccounting {
  if (!LESSEE_STANDARDS.includes(standard)) throw valueError(`Unknown standard "${String(standard)}".`);
  const { terms } = measurement;
  const advance = terms.timing === "advance";
  if (standard === "short-term") {
    if (edate(terms.startDate, 12, terms.dateSystem) <= terms.endDate) {
      throw valueError(
        `The short-term exemption needs a lease term of 12 months or less; this term runs to ${formatIsoDate(terms.endDate, terms.dateSystem)}.`,
      );
    }
    if (notice) throw valueError("A short-term lease is not remeasured: its expense simply stops at the exit.");
    return { measurement, standard, rows: shortTermRows(measurement), remeasurement: null };
  }
  let schedule = measurement.schedule;
  let rates = measurement.periodRates;
  let fee = measurement.terminationPayment;
  // The exact value at each period's close of what remains: the anchor no balance strays a cent from.
  let exact = presentValues(schedule, terms.timing, fee, rates);
  let n = schedule.length;
  // Remeasurement plan
  let remeasureAfter = -1; // 0-based index of the period at whose close the liability is remeasured
  let revised: { schedule: readonly Period[]; rates: readonly Decimal[]; fee: Decimal; exit: Serial } | null = null;
  if (notice) {
    const contract = notice.contract;
    const noticed = validateTerms({
      dateSystem: contract.dateSystem,
      startDate: contract.startDate,
      endDate: contract.endDate,
      payment: 1,
      lockInMonths: contract.termination.lockInMonths,
      lockInLastDay: contract.termination.lockInLastDay,
      noticeDays: contract.termination.noticeDays,
      noticeDuringLockIn: contract.termination.noticeDuringLockIn,
      noticeDate: notice.noticeDate,
    });
    const exit = exitDate(noticed);
    const iso = (s: Serial) => formatIsoDate(s, terms.dateSystem);
    if (notice.noticeDate < terms.startDate || notice.noticeDate > terms.endDate) {
      throw valueError(`Notice served on ${iso(notice.noticeDate)} falls outside the accounting term (${iso(terms.startDate)} to ${iso(terms.endDate)}).`);
    }
    if (exit > terms.endDate) {
      throw valueError(`Notice served on ${iso(notice.noticeDate)} takes effect on ${iso(exit)}, after the accounting term ends: nothing to remeasure.`);
    }
    if (notice.noticeDate === terms.startDate) {
      throw valueError(`Notice served on the commencement day ${iso(notice.noticeDate)}: measure the lease over the shortened term instead (end it on ${iso(exit - 1)}).`);
    }
    // Remeasured at a period close: the one just before the notice when it is served on a period's
    // first day (nothing accrues between that close and the notice), else the close of its period.
    const containing = schedule.findIndex((p) => p.start <= notice.noticeDate && notice.noticeDate <= p.end);
    remeasureAfter = schedule[containing].start === notice.noticeDate ? containing - 1 : containing;
    if (exit <= schedule[remeasureAfter].end + 1) {
      throw valueError(
        `Notice served on ${iso(notice.noticeDate)} takes effect on ${iso(exit)}, before the close after which it can be remeasured (${iso(schedule[remeasureAfter].end)}): nothing would be left to measure.`,
      );
    }
    const cut = termsEndingOn(terms, exit - 1);
    const revisedAnnual = notice.revisedRate === undefined || notice.revisedRate === null ? measurement.annualRate : checkDiscountRate(notice.revisedRate);
    const revisedSchedule = buildSchedule(cut);
    revised = { schedule: revisedSchedule, rates: periodRates(revisedAnnual, revisedSchedule, terms, measurement.rateBasis), fee: contract.termination.fee, exit };
  }

  const operating = standard === "asc842-operating";
  let liability = measurement.liability;
  let rou = measurement.rouAsset;
  // Straight-line plan: per-period amount and the amount still to recognise.
  let spreadLeft = operating
    ? measurement.totalPayments.plus(measurement.initialDirectCosts).minus(measurement.incentives)
    : measurement.rouAsset;
  let spreadPer = n > 0 ? roundCents(spreadLeft.dividedBy(n)) : ZERO;
  const rows: LeaseRow[] = [];
  let remeasurement: LeaseAccounting["remeasurement"] = null;
  for (let j = 0; j < n; j++) {
    const p = schedule[j];
    const last = j === n - 1;
    const scheduled = p.payment;
    const payment = last ? scheduled.plus(fee) : scheduled;
    const paidAtStart = advance && j > 0 ? scheduled : ZERO;
    const paymentToLiability = advance && j === 0 ? (last ? fee : ZERO) : payment;
    const openingLiability = liability;
    // The period that closes the liability's interest absorbs the rounding residual: the last one, or in
    // advance without a termination payment the one before it (its close must equal the last payment,
    // which is made the next day and bears no interest).
    const closesOnLastPayment = advance && fee.isZero() && j === n - 2;
    let interest = last
      ? paymentToLiability.minus(openingLiability)
      : closesOnLastPayment
        ? schedule[n - 1].payment.minus(openingLiability.minus(paymentToLiability))
        : roundCents(rates[j].times(openingLiability.minus(paidAtStart)));
    let closingLiability = openingLiability.minus(paymentToLiability).plus(interest);
    if (!last && !closesOnLastPayment && closingLiability.minus(exact[j + 1]).abs().gt(CENT)) {
      closingLiability = roundCents(exact[j + 1]);
      interest = closingLiability.minus(openingLiability).plus(paymentToLiability);
    }
    const spread = last ? spreadLeft : spreadPer;
    spreadLeft = spreadLeft.minus(spread);
    const rouReduction = operating ? spread.minus(interest) : spread;
    const leaseCost = operating ? spread : interest.plus(spread);
    const openingRou = rou;
    let closingRou = openingRou.minus(rouReduction);
    let liabilityRemeasurement = ZERO;
    let rouRemeasurement = ZERO;
    let remeasurementGain = ZERO;
    if (j === remeasureAfter && revised) {
      const revisedExact = presentValues(revised.schedule, terms.timing, revised.fee, revised.rates);
      const after = roundCents(revisedExact[j + 1]);
      liabilityRemeasurement = after.minus(closingLiability);
      rouRemeasurement = Decimal.max(liabilityRemeasurement, closingRou.negated());
      remeasurementGain = rouRemeasurement.minus(liabilityRemeasurement);
      remeasurement = { period: j + 1, exitDate: revised.exit, liabilityBefore: closingLiability, liabilityAfter: after, rate: revised.rates[j + 1] };
      closingLiability = after;
      closingRou = closingRou.plus(rouRemeasurement);
      schedule = revised.schedule;
      rates = revised.rates;
      exact = revisedExact;
      fee = revised.fee;
      n = schedule.length;
      const left = n - (j + 1);
      let remainingPayments = revised.fee;
      for (let k = j + 1; k < n; k++) remainingPayments = remainingPayments.plus(schedule[k].payment);
      // Operating: the remaining cost is the payments left plus the asset less the liability (ASC 842-20-25-6(a)).
      spreadLeft = operating ? remainingPayments.plus(closingRou).minus(closingLiability) : closingRou;
      spreadPer = roundCents(spreadLeft.dividedBy(left));
    }
    rows.push({
      period: j + 1,
      start: p.start,
      end: p.end,
      paymentDate: p.paymentDate,
      payment,
      terminationPayment: last ? fee : ZERO,
      paymentToLiability,
      openingLiability,
      interest,
      liabilityRemeasurement,
      closingLiability,
      openingRou,
      rouReduction,
      rouRemeasurement,
      closingRou,
      leaseCost,
      remeasurementGain,
      accruedRent: ZERO,
    });
    liability = closingLiability;
    rou = closingRou;
  }
  return { measurement, standard, rows, remeasurement };
}

function shortTermRows(measurement: LeaseMeasurement): LeaseRow[] {
  const { schedule, terminationPayment } = measurement;
  const n = schedule.length;
  const costs = straightLine(measurement.totalPayments.plus(measurement.initialDirectCosts).minus(measurement.incentives), n);
  let accrued = ZERO;
  return schedule.map((p, j) => {
    const last = j === n - 1;
    const cost = costs[j];
    const payment = last ? p.payment.plus(terminationPayment) : p.payment;
    // Initial direct costs and incentives settle in cash at commencement, with the first period.
    const cash = j === 0 ? payment.plus(measurement.initialDirectCosts).minus(measurement.incentives) : payment;
    accrued = accrued.plus(cost).minus(cash);
    return {
      period: j + 1,
      start: p.start,
      end: p.end,
      paymentDate: p.paymentDate,
      payment,
      terminationPayment: last ? terminationPayment : ZERO,
      paymentToLiability: ZERO,
      openingLiability: ZERO,
      interest: ZERO,
      liabilityRemeasurement: ZERO,
      closingLiability: ZERO,
      openingRou: ZERO,
      rouReduction: ZERO,
      rouRemeasurement: ZERO,
      closingRou: ZERO,
      leaseCost: cost,
      remeasurementGain: ZERO,
      accruedRent: accrued,
    };
  });
}
