/**
 * The headline figures of a deal, from the core: what the model sheet's summary shows, what the
 * command line prints and the task pane previews.
 */
import {
  buildSchedule,
  ContractTerms,
  Decimal,
  earliestNoticeDate,
  exitOutcome,
  gpuHourRate,
  lockInEnd,
  MONTHS_PER_PERIOD,
  Period,
  presentValue,
  Serial,
  totalValue,
  validateTerms,
} from "../core";
import { DealTemplate } from "./templates";

export interface Headline {
  readonly terms: ContractTerms;
  readonly schedule: readonly Period[];
  readonly total: Decimal;
  /** Run-rate in force at the start. */
  readonly runRate: Decimal;
  /** Highest run-rate over the term (after ramp and escalation). */
  readonly peakRunRate: Decimal;
  readonly presentValue: Decimal;
  readonly lockInEnd: Serial;
  readonly earliestNotice: Serial;
  readonly noticeDate: Serial;
  readonly exitDate: Serial;
  readonly committed: Decimal;
  readonly committedShare: Decimal;
  readonly valueAtRisk: Decimal;
  /** Months of peak payments the client's funding covers; null when funding is not given. */
  readonly fundingMonths: Decimal | null;
  /**
   * Implied $/GPU-hour at the peak rate, from the core's {@link gpuHourRate}: monthly-equivalent
   * payment (peak rate ÷ months per period) ÷ GPUs ÷ hours a month; null when no positive GPU count is given.
   */
  readonly gpuHourRate: Decimal | null;
  /** Minutes of downtime a month the uptime target allows; null without a target. */
  readonly downtimeMinutes: Decimal | null;
}

/**
 * Computes every headline figure of a template (after any overrides).
 *
 * @example
 * computeHeadline(REFLECTION_SPACEX).committed.toString() // "900000000"
 */
export function computeHeadline(template: DealTemplate): Headline {
  const terms = validateTerms(template.terms);
  const schedule = buildSchedule(terms);
  const perYear = 12 / MONTHS_PER_PERIOD[terms.frequency];
  const total = totalValue(schedule);
  const peakRate = schedule.reduce((max, p) => (p.rate.gt(max) ? p.rate : max), new Decimal(0));
  const exit = exitOutcome(terms, schedule);
  const monthlyPeak = peakRate.times(perYear).dividedBy(12);
  const hours = new Decimal(template.hoursPerMonth);
  const { fundingRaised, gpuCount, uptimeTarget } = template;
  return {
    terms,
    schedule,
    total,
    runRate: schedule[0].rate.times(perYear),
    peakRunRate: peakRate.times(perYear),
    presentValue: presentValue(terms, new Decimal(template.discountRate.value ?? 0), schedule),
    lockInEnd: lockInEnd(terms),
    earliestNotice: earliestNoticeDate(terms),
    noticeDate: exit.noticeDate,
    exitDate: exit.exitDate,
    committed: exit.value,
    committedShare: total.isZero() ? new Decimal(0) : exit.value.dividedBy(total),
    valueAtRisk: total.minus(exit.value),
    fundingMonths: fundingRaised.value ? new Decimal(fundingRaised.value).dividedBy(monthlyPeak) : null,
    gpuHourRate:
      gpuCount.value !== null && gpuCount.value > 0
        ? peakRate.isZero()
          ? new Decimal(0) // a ramp of zeros: nothing is paid, and the core refuses a zero payment
          : gpuHourRate(peakRate, gpuCount.value, terms.frequency, template.hoursPerMonth)
        : null,
    downtimeMinutes: uptimeTarget.value !== null ? new Decimal(1).minus(uptimeTarget.value).times(hours).times(60) : null,
  };
}
