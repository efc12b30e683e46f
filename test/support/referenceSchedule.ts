/**
 * The schedule and exit value as the core computed them before issue 8's speed work: every period
 * from scratch — the rate by periodRate (ROUND(base × (1 + e)^years, 2), decimal.js's pow), the
 * cumulative as a running decimal sum, the exit value as a sum over the periods. Slow and plain: an
 * oracle for the incremental schedule, which must give the same figures to the last digit.
 */
import {
  addMonths,
  ContractTerms,
  Decimal,
  dateToSerial,
  exitDate,
  MONTHS_PER_PERIOD,
  periodRate,
  prorate,
  serialToDate,
} from "../../src/core";

export interface ReferencePeriod {
  start: number;
  end: number;
  fullDays: number;
  paymentDate: number;
  rate: Decimal;
  payment: Decimal;
  cumulative: Decimal;
}

export function referenceSchedule(terms: ContractTerms): ReferencePeriod[] {
  const months = MONTHS_PER_PERIOD[terms.frequency];
  const system = terms.dateSystem;
  const first = serialToDate(terms.startDate, system);
  const periods: ReferencePeriod[] = [];
  let cumulative = new Decimal(0);
  for (let k = 0, start = terms.startDate; start <= terms.endDate; k++) {
    const nextStart = dateToSerial(addMonths(first, (k + 1) * months, system), system);
    const end = Math.min(nextStart - 1, terms.endDate);
    const fullDays = nextStart - start;
    const rate = periodRate(terms.payment, terms.escalation, k * months, start);
    const payment = end < nextStart - 1 && terms.proration === "actual" ? prorate(rate, end - start + 1, fullDays) : rate;
    cumulative = cumulative.plus(payment);
    periods.push({ start, end, fullDays, paymentDate: terms.timing === "advance" ? start : end, rate, payment, cumulative });
    start = nextStart;
  }
  return periods;
}

export function referenceExitValue(terms: ContractTerms): Decimal {
  const exit = exitDate(terms);
  let value = new Decimal(0);
  for (const period of referenceSchedule(terms)) {
    if (period.start >= exit) break;
    const lastDayServed = exit - 1;
    if (lastDayServed >= period.end || terms.proration === "full") value = value.plus(period.payment);
    else value = value.plus(prorate(period.rate, lastDayServed - period.start + 1, period.fullDays));
  }
  return exit <= terms.endDate ? value.plus(terms.termination.fee) : value;
}
