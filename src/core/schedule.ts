/**
 * The payment schedule: one row per period, each period starting at EDATE(start, k × months).
 */
import { Decimal, roundCents } from "./money";
import { addMonths, CalendarDate, dateToSerial, Serial, serialToDate } from "./dates";
import { ContractTerms, MONTHS_PER_PERIOD, Payment } from "./terms";

export interface Period {
  /** 1-based. */
  readonly number: number;
  readonly start: Serial;
  /** Last day of the period, inclusive; the contract's end date for a final stub. */
  readonly end: Serial;
  /** Calendar days of the whole period, before any stub cut: the denominator for proration. */
  readonly fullDays: number;
  readonly paymentDate: Serial;
  /** The amount in force for a whole period: ramp step and escalation applied, rounded to cents. */
  readonly rate: Decimal;
  /** The amount due: `rate`, or its pro-rata share for a final stub when proration is by actual days. */
  readonly payment: Decimal;
  readonly cumulative: Decimal;
}

/**
 * The rate in force for the period that starts on `periodStart`, `monthsFromStart` months into the
 * contract: the ramp step effective on that day, escalated once per completed contract year.
 *
 * Why count anniversaries in months: periods start at whole months from the start, so the number of
 * anniversaries passed is floor(months / 12) with no day counting and no leap-year question.
 *
 * @example
 * periodRate({ kind: "fixed", amount: new Decimal(100) }, new Decimal("0.03"), 24, 46934).toString() // "106.09"
 */
export function periodRate(payment: Payment, escalation: Decimal, monthsFromStart: number, periodStart: Serial): Decimal {
  const base = payment.kind === "fixed" ? payment.amount : rampAmountOn(payment.steps, periodStart);
  const years = Math.floor(monthsFromStart / 12);
  if (years === 0 || escalation.isZero()) return roundCents(base);
  return roundCents(base.times(escalation.plus(1).pow(years)));
}

/** The ramp amount in force on a day: the last step effective on or before it (0 before the first). */
export function rampAmountOn(steps: readonly { effectiveDate: Serial; amount: Decimal }[], day: Serial): Decimal {
  let amount = new Decimal(0);
  for (const step of steps) {
    if (step.effectiveDate > day) break;
    amount = step.amount;
  }
  return amount;
}

/**
 * Builds the schedule. The final period is a stub when the end date cuts it short; a stub is owed in
 * full, or pro rata by days when `proration` is `actual`.
 *
 * @example
 * buildSchedule(validateTerms({ startDate: 46204, endDate: 47483, payment: 150e6 })).length // 42
 */
export function buildSchedule(terms: ContractTerms): Period[] {
  const months = MONTHS_PER_PERIOD[terms.frequency];
  const system = terms.dateSystem;
  const startDate: CalendarDate = serialToDate(terms.startDate, system);
  const periods: Period[] = [];
  let cumulative = new Decimal(0);
  let start = terms.startDate;
  let fixedRate: Decimal | undefined; // a fixed payment's rate changes only on anniversaries
  let fixedRateYear = -1;
  for (let k = 0; start <= terms.endDate; k++) {
    const monthsFromStart = k * months;
    const nextStart = dateToSerial(addMonths(startDate, monthsFromStart + months, system), system);
    const end = Math.min(nextStart - 1, terms.endDate);
    const fullDays = nextStart - start;
    let rate: Decimal;
    if (terms.payment.kind === "fixed") {
      const year = Math.floor(monthsFromStart / 12);
      if (fixedRate === undefined || year !== fixedRateYear) {
        fixedRate = periodRate(terms.payment, terms.escalation, monthsFromStart, start);
        fixedRateYear = year;
      }
      rate = fixedRate;
    } else {
      rate = periodRate(terms.payment, terms.escalation, monthsFromStart, start);
    }
    const payment = end < nextStart - 1 && terms.proration === "actual" ? prorate(rate, end - start + 1, fullDays) : rate;
    cumulative = cumulative.plus(payment);
    periods.push({
      number: k + 1,
      start,
      end,
      fullDays,
      paymentDate: terms.timing === "advance" ? start : end,
      rate,
      payment,
      cumulative,
    });
    start = nextStart;
  }
  return periods;
}

/**
 * A period's rate for `daysServed` of its `fullDays`, rounded to cents.
 *
 * @example
 * prorate(new Decimal(150e6), 29, 31).toString() // "140322580.65"
 */
export function prorate(rate: Decimal, daysServed: number, fullDays: number): Decimal {
  return roundCents(rate.times(daysServed).dividedBy(fullDays));
}
