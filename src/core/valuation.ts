/**
 * Headline figures: total contract value, present value and run-rate.
 */
import { Decimal } from "./money";
import { DateSystem, Serial, serialAfterMonths, serialToDate } from "./dates";
import { numError, valueError } from "./errors";
import {
  checkDate,
  checkEscalation,
  checkFrequency,
  checkPayment,
  ContractTerms,
  Frequency,
  MONTHS_PER_PERIOD,
  MoneyInput,
  Payment,
  periodIndexOn,
  TermsInput,
} from "./terms";
import { buildSchedule, Period, periodRate, rampAmountOn } from "./schedule";

/**
 * Total contract value: the sum of every scheduled payment.
 *
 * @example
 * totalValue(buildSchedule(seedTerms)).toString() // "6300000000"
 */
export function totalValue(schedule: readonly Period[]): Decimal {
  return schedule.length === 0 ? new Decimal(0) : schedule[schedule.length - 1].cumulative;
}

/**
 * Present value at the start date with XNPV's conventions: each payment discounted by
 * (1 + rate)^(days from start / 365).
 *
 * Why the discount factor is a double: XNPV is defined on doubles in Excel and LibreOffice; each factor
 * is exact to ~1e-16 relative, so a sum of billions stays right to far below a cent, while the
 * payments themselves stay exact decimals.
 *
 * @example
 * presentValue(seedTerms, new Decimal("0.08")).toFixed(2) // "5539137544.34"
 */
export function presentValue(
  terms: ContractTerms,
  annualRate: Decimal,
  schedule: readonly Period[] = buildSchedule(terms),
): Decimal {
  if (!annualRate.isFinite() || annualRate.lte(-1)) throw numError("The discount rate must be above -100%.");
  const growth = 1 + annualRate.toNumber();
  // Runs of equal payments share one decimal multiplication by their summed discount factors.
  let pv = new Decimal(0);
  let runPayment: Decimal | undefined;
  let runFactors = 0;
  for (const period of schedule) {
    const factor = Math.pow(growth, -(period.paymentDate - terms.startDate) / 365);
    if (runPayment !== undefined && period.payment.eq(runPayment)) {
      runFactors += factor;
      continue;
    }
    if (runPayment !== undefined) pv = pv.plus(runPayment.times(runFactors));
    runPayment = period.payment;
    runFactors = factor;
  }
  if (runPayment !== undefined) pv = pv.plus(runPayment.times(runFactors));
  // A rate near -100% over decades overflows the discount factors: say so rather than return Infinity.
  if (!pv.isFinite()) throw numError("The present value is too large to compute at this discount rate.");
  return pv;
}

export interface RunRateQuestion {
  readonly payment: Payment;
  readonly frequency: Frequency;
  readonly escalation: Decimal;
  readonly dateSystem: DateSystem;
  /** Needed for escalation: anniversaries count from here. */
  readonly startDate: Serial | null;
  /** After this day nothing is in force. */
  readonly endDate: Serial | null;
  /** The day asked about; defaults to the start (or the ramp's first date). */
  readonly asOf: Serial | null;
}

export interface RunRateInput {
  readonly payment: TermsInput["payment"];
  readonly frequency?: Frequency;
  readonly escalation?: MoneyInput;
  readonly dateSystem?: DateSystem;
  readonly startDate?: number | null;
  readonly endDate?: number | null;
  readonly asOf?: number | null;
}

/**
 * Checks a run-rate question with the same rules as contract terms; the dates are optional.
 *
 * @example
 * validateRunRate({ payment: 150e6 }).frequency // "monthly"
 */
export function validateRunRate(input: RunRateInput): RunRateQuestion {
  const dateSystem = input.dateSystem ?? "1900";
  const optionalDate = (value: number | null | undefined, name: string) =>
    value === null || value === undefined ? null : checkDate(value, name, dateSystem);
  const startDate = optionalDate(input.startDate, "start_date");
  const endDate = optionalDate(input.endDate, "end_date");
  if (startDate !== null && endDate !== null && endDate < startDate) {
    throw numError("The end date is before the start date.");
  }
  const escalation = checkEscalation(input.escalation ?? 0);
  if (startDate === null && !escalation.isZero()) {
    throw valueError("Give start_date so that escalation can count anniversaries.");
  }
  return {
    payment: checkPayment(input.payment, startDate, dateSystem),
    frequency: checkFrequency(input.frequency),
    escalation,
    dateSystem,
    startDate,
    endDate,
    asOf: optionalDate(input.asOf, "as_of_date"),
  };
}

/**
 * Annual run-rate in force on a day: the period's rate × periods per year; 0 outside the term.
 *
 * @example
 * annualRunRate(validateRunRate({ payment: 150e6 })).toString() // "1800000000"
 */
export function annualRunRate(question: RunRateQuestion): Decimal {
  const { payment, frequency, escalation, startDate, endDate, dateSystem } = question;
  const months = MONTHS_PER_PERIOD[frequency];
  const perYear = 12 / months;
  if (startDate === null) {
    // Without a start, a fixed payment has no default day; "0 after the end" still holds for any
    // as_of_date given (a fixed payment and a one-step ramp must agree).
    const asOf = question.asOf ?? (payment.kind === "ramp" ? payment.steps[0].effectiveDate : null);
    if (endDate !== null && asOf !== null && asOf > endDate) return new Decimal(0);
    if (payment.kind === "fixed") return payment.amount.times(perYear);
    return rampAmountOn(payment.steps, asOf ?? payment.steps[0].effectiveDate).times(perYear);
  }
  const asOf = question.asOf ?? startDate;
  if (asOf < startDate || (endDate !== null && asOf > endDate)) return new Decimal(0);
  const monthsFromStart = periodIndexOn(startDate, asOf, months, dateSystem) * months;
  const periodStart = serialAfterMonths(serialToDate(startDate, dateSystem), monthsFromStart, dateSystem);
  return periodRate(payment, escalation, monthsFromStart, periodStart).times(perYear);
}

/** Periods per year of a frequency: 12, 4, 2 or 1. */
export function periodsPerYear(frequency: Frequency): number {
  return 12 / MONTHS_PER_PERIOD[frequency];
}

/**
 * Implied price per GPU-hour — the one place it is computed (GPU_HOUR_RATE, the headline figures):
 * monthly-equivalent payment ÷ GPUs ÷ hours a month, where the monthly-equivalent payment is the
 * payment per period ÷ months per period (12, 3, 6 or 1 → 1, 3, 6, 12 months). The model sheet's
 * formula is the same: MAX(rate in force) / MonthsPerPeriod / GpuCount / HoursPerMonth.
 *
 * Why 730 hours: 8,760 hours in a 365-day year over 12 months, the cloud-pricing convention.
 *
 * @example
 * gpuHourRate(new Decimal(150e6), 100000, "monthly", 730).toFixed(4) // "2.0548"
 */
export function gpuHourRate(payment: MoneyInput, gpus: number, frequency: Frequency, hoursPerMonth = 730): Decimal {
  const amount = checkPayment(payment, null, "1900");
  if (amount.kind !== "fixed") throw valueError("payment must be one amount per period.");
  if (!(gpus > 0) || !Number.isFinite(gpus)) throw numError("The GPU count must be greater than zero.");
  if (!(hoursPerMonth > 0) || !Number.isFinite(hoursPerMonth) || hoursPerMonth > 744) {
    throw numError("Hours per month must be greater than zero and at most 744.");
  }
  return amount.amount.dividedBy(MONTHS_PER_PERIOD[checkFrequency(frequency)]).dividedBy(gpus).dividedBy(hoursPerMonth);
}
