/**
 * The payment schedule: one row per period, each period starting at EDATE(start, k × months).
 *
 * One code path walks the periods: {@link PeriodCursor}. {@link buildSchedule} runs it to the end;
 * the exit value (termination.ts) runs it only up to the exit, so its cost follows the periods up to
 * the exit, not the length of the term.
 */
import { Decimal, exactCents, fromCents, MAX_EXACT_CENTS, roundCents, toNumber, ZERO } from "./money";
import { CalendarDate, daysInMonth, Serial, serialOfDay, serialToDate } from "./dates";
import { ContractTerms, MONTHS_PER_PERIOD, Payment, RampStep } from "./terms";

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
  /** Sum of the payments up to and including this period, exact. */
  readonly cumulative: Decimal;
  /** `cumulative` as the nearest double — what a cell shows — without building the decimal. */
  readonly cumulativeNumber: number;
}

/**
 * The rate in force for the period that starts on `periodStart`, `monthsFromStart` months into the
 * contract: the ramp step effective on that day, escalated once per completed contract year —
 * ROUND(base × (1 + escalation)^years, 2). This is the definition; the schedule computes the same
 * figure incrementally (see {@link GrowthPowers}).
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
  return escalatedRate(base, escalation.plus(1).pow(years));
}

/** ROUND(base × factor, 2): the one rounding rule for an escalated rate. */
function escalatedRate(base: Decimal, factor: Decimal): Decimal {
  return roundCents(base.times(factor));
}

/** The ramp amount in force on a day: the last step effective on or before it (0 before the first). */
export function rampAmountOn(steps: readonly { effectiveDate: Serial; amount: Decimal }[], day: Serial): Decimal {
  let amount = ZERO;
  for (const step of steps) {
    if (step.effectiveDate > day) break;
    amount = step.amount;
  }
  return amount;
}

/** Powers of the growth factor computed exactly, with no limit on digits (only ever multiplied). */
const Exact = Decimal.clone({ precision: 1e9 });
type Exact = InstanceType<typeof Exact>;

/**
 * (1 + e)^years for years = 1, 2, 3, … — exactly the decimal that `growth.pow(years)` returns, one
 * multiplication per anniversary instead of a full power each time.
 *
 * Why it is the same decimal. Let E = growth^years exactly (kept here, unrounded: growth has at
 * most 34 digits, so E has at most 34 × years, and each step is one short multiplication).
 * decimal.js's `pow` for an integer exponent (intPow, then finalise) multiplies with truncation to
 * 9 words of 7 digits — at least 57 significant digits, a relative error below 1e-56 per truncation —
 * and rounds the result r to 34 digits, half up. Truncation only lowers; a squaring doubles the
 * relative error it inherits, so for years < 128 (7 bits) the total is at most (years + 7) × 1e-56:
 * E(1 − 1.4e-54) ≤ r ≤ E (r only exceeds E by one unit in its last word, through the "increment a
 * zero last word" rule, which cannot cross a 35-digit rounding point). So round34(r) = round34(E)
 * unless E lies at or just above a rounding point: digit 35 of E is 5 and E − point < 1.4e-20 units
 * of the 34th digit. We test a wider window — digit 35 is 5 and digits 36 to 50 are all 0 — and in
 * that case (or for years ≥ 128) call `pow` itself. When E has at most 34 digits nothing is
 * truncated or rounded anywhere and the two are E.
 */
export class GrowthPowers {
  private exact: Exact;
  private years = 1;
  private readonly growthExact: Exact;

  constructor(private readonly growth: Decimal) {
    this.growthExact = new Exact(growth);
    this.exact = this.growthExact;
  }

  /** growth^years, for years ≥ 1, asked in non-decreasing order. */
  power(years: number): Decimal {
    if (years < this.years || years >= 128) return this.growth.pow(years);
    while (this.years < years) {
      this.exact = this.exact.times(this.growthExact);
      this.years++;
    }
    const words = this.exact.d;
    // At most 34 digits (4 words of 7 plus a first word of at most 6): E itself, nothing to round.
    if (words.length < 5 || (words.length === 5 && words[0] < 1e6)) return new Decimal(this.exact);
    if (nearRoundingPoint(words)) return this.growth.pow(years);
    return new Decimal(this.exact).toSignificantDigits(34, Decimal.ROUND_HALF_UP);
  }
}

/** Whether digit 35 of a decimal's digits (base-10^7 words) is 5 and digits 36 to 50 are all 0. */
function nearRoundingPoint(words: readonly number[]): boolean {
  const firstWidth = String(words[0]).length;
  const digit = (position: number): number => {
    // position is 1-based among the significant digits
    if (position <= firstWidth) return Math.floor(words[0] / 10 ** (firstWidth - position)) % 10;
    const index = 1 + Math.floor((position - firstWidth - 1) / 7);
    if (index >= words.length) return 0;
    const within = (position - firstWidth - 1) % 7; // 0 = the word's first digit
    return Math.floor(words[index] / 10 ** (6 - within)) % 10;
  };
  if (digit(35) !== 5) return false;
  for (let p = 36; p <= 50; p++) if (digit(p) !== 0) return false;
  return true;
}

/** What a period is, before its cumulative: the cursor's fields a {@link SchedulePeriod} copies. */
type PeriodFields = Omit<Period, "cumulative" | "cumulativeNumber">;

/** A period as the cursor makes it: the cumulative kept in integer cents while that is exact. */
class SchedulePeriod implements Period {
  readonly number: number;
  readonly start: Serial;
  readonly end: Serial;
  readonly fullDays: number;
  readonly paymentDate: Serial;
  readonly rate: Decimal;
  readonly payment: Decimal;
  readonly cumulativeNumber: number;
  private exactCumulative: Decimal | undefined;

  /**
   * @param period the period's fields (the cursor itself, read once)
   * @param cumulativeCents the cumulative in cents (an integer below 2^53), or NaN when it is kept as a decimal
   * @param cumulative the cumulative as a decimal when it is not kept in cents
   */
  constructor(
    period: PeriodFields,
    private readonly cumulativeCents: number,
    cumulative: Decimal | undefined,
  ) {
    this.number = period.number;
    this.start = period.start;
    this.end = period.end;
    this.fullDays = period.fullDays;
    this.paymentDate = period.paymentDate;
    this.rate = period.rate;
    this.payment = period.payment;
    this.exactCumulative = cumulative;
    this.cumulativeNumber = cumulative === undefined ? cumulativeCents / 100 : toNumber(cumulative);
  }

  get cumulative(): Decimal {
    if (this.exactCumulative === undefined) this.exactCumulative = fromCents(this.cumulativeCents);
    return this.exactCumulative;
  }
}

/** ROUND(amount, 2), skipping the work when the amount already has at most two decimals. */
function centsOf(amount: Decimal): Decimal {
  return amount.decimalPlaces() <= 2 ? amount : roundCents(amount);
}

/**
 * Walks a contract's periods in order. `advance()` moves to the next period and makes the cursor
 * itself read as that period (it implements {@link Period}); `next()` also hands out a copy, or
 * `undefined` after the last period. The single implementation of the schedule: buildSchedule runs
 * it to the end, the exit value only up to the exit (without copying the periods it passes).
 *
 * What it keeps between periods: the rate (recomputed only on an anniversary or a ramp step), its
 * place in the ramp, the escalation powers, and the cumulative. The cumulative is kept as integer
 * cents in a double while every payment is whole cents and the running total stays below 2^53 — then
 * each addition is exact (integers below 2^53 are exact doubles and IEEE addition of two exact
 * integers with an exact-integer sum is exact), and the double a cell shows, cents / 100, is the
 * double nearest the decimal (one correctly rounded division of exact operands), the same as
 * `toNumber`. Past that bound it continues in decimals.
 *
 * It also keeps the calendar month of the current period's start (`startYear`, `startMonth`), which it
 * has in hand from EDATE: the portfolio files payments in advance by it without converting the serial.
 */
export class PeriodCursor implements Period {
  /** 0 before the first `advance()`. */
  number = 0;
  start: Serial;
  end: Serial;
  fullDays = 0;
  paymentDate: Serial;
  rate: Decimal = ZERO;
  payment: Decimal = ZERO;
  /** The first day of the period after the current one: the start date before the first advance. */
  nextStart: Serial;
  /** The calendar year and month (1–12) of `start`. */
  startYear: number;
  startMonth: number;
  private nextYear: number;
  private nextMonth: number;

  private readonly months: number;
  private readonly startDate: CalendarDate;
  /** year × 12 + month − 1 of the start date. */
  private readonly startMonthIndex: number;
  private readonly growth: GrowthPowers | undefined;
  private readonly steps: readonly RampStep[] | undefined;
  private stepIndex = -1;
  private rateYear = -1;
  private rateCents = NaN;
  private cumulativeCents = 0;
  private exactCumulative: Decimal | undefined; // set once the cents are no longer exact

  constructor(private readonly terms: ContractTerms) {
    this.months = MONTHS_PER_PERIOD[terms.frequency];
    this.startDate = serialToDate(terms.startDate, terms.dateSystem);
    this.startMonthIndex = this.startDate.year * 12 + this.startDate.month - 1;
    this.growth = terms.escalation.isZero() ? undefined : new GrowthPowers(terms.escalation.plus(1));
    this.steps = terms.payment.kind === "ramp" ? terms.payment.steps : undefined;
    this.start = this.end = this.paymentDate = this.nextStart = terms.startDate;
    this.startYear = this.nextYear = this.startDate.year;
    this.startMonth = this.nextMonth = this.startDate.month;
  }

  get cumulative(): Decimal {
    return this.exactCumulative ?? fromCents(this.cumulativeCents);
  }

  get cumulativeNumber(): number {
    return this.exactCumulative === undefined ? this.cumulativeCents / 100 : toNumber(this.exactCumulative);
  }

  /** Moves to the next period; false (and no move) after the last. */
  advance(): boolean {
    const { terms, months } = this;
    const start = this.nextStart;
    if (start > terms.endDate) return false;
    const monthsFromStart = this.number * months;
    // EDATE(start date, months from start + months) — serialAfterMonths, keeping the year and month.
    const nextIndex = this.startMonthIndex + monthsFromStart + months;
    const nextYear = Math.floor(nextIndex / 12);
    const nextMonth = nextIndex - nextYear * 12 + 1;
    const system = terms.dateSystem;
    const nextStart = serialOfDay(nextYear, nextMonth, Math.min(this.startDate.day, daysInMonth(nextYear, nextMonth, system)), system);
    const end = nextStart - 1 < terms.endDate ? nextStart - 1 : terms.endDate;
    const fullDays = nextStart - start;

    // The rate changes only on an anniversary or a ramp step.
    const year = Math.floor(monthsFromStart / 12);
    let stepIndex = this.stepIndex;
    if (this.steps !== undefined) {
      while (stepIndex + 1 < this.steps.length && this.steps[stepIndex + 1].effectiveDate <= start) stepIndex++;
    }
    if (year !== this.rateYear || stepIndex !== this.stepIndex) {
      const base =
        this.steps === undefined
          ? (terms.payment as { amount: Decimal }).amount
          : stepIndex < 0
            ? ZERO
            : this.steps[stepIndex].amount;
      this.rate = year === 0 || this.growth === undefined ? centsOf(base) : escalatedRate(base, this.growth.power(year));
      this.rateCents = exactCents(this.rate);
      this.rateYear = year;
      this.stepIndex = stepIndex;
    }

    let payment = this.rate;
    let paymentCents = this.rateCents;
    if (end < nextStart - 1 && terms.proration === "actual") {
      payment = prorate(payment, end - start + 1, fullDays);
      paymentCents = exactCents(payment);
    }
    const cents = this.cumulativeCents + paymentCents; // NaN if either is not exact
    if (this.exactCumulative === undefined && cents <= MAX_EXACT_CENTS) this.cumulativeCents = cents;
    else this.exactCumulative = (this.exactCumulative ?? fromCents(this.cumulativeCents)).plus(payment);

    this.number++;
    this.start = start;
    this.end = end;
    this.fullDays = fullDays;
    this.paymentDate = terms.timing === "advance" ? start : end;
    this.payment = payment;
    this.nextStart = nextStart;
    this.startYear = this.nextYear;
    this.startMonth = this.nextMonth;
    this.nextYear = nextYear;
    this.nextMonth = nextMonth;
    return true;
  }

  /** The next period as an object of its own, or `undefined` after the last. */
  next(): Period | undefined {
    if (!this.advance()) return undefined;
    const exact = this.exactCumulative;
    return new SchedulePeriod(this, exact === undefined ? this.cumulativeCents : NaN, exact);
  }
}

/**
 * Builds the schedule. The final period is a stub when the end date cuts it short; a stub is owed in
 * full, or pro rata by days when `proration` is `actual`.
 *
 * @example
 * buildSchedule(validateTerms({ startDate: 46204, endDate: 47483, payment: 150e6 })).length // 42
 */
export function buildSchedule(terms: ContractTerms): Period[] {
  const cursor = new PeriodCursor(terms);
  const periods: Period[] = [];
  for (let period = cursor.next(); period !== undefined; period = cursor.next()) periods.push(period);
  return periods;
}

/**
 * The periods that start before `day`: the schedule's head, built only as far as asked, so that a
 * question about the first months of a long term costs those months.
 *
 * @example
 * scheduleBefore(validateTerms({ startDate: 46204, endDate: 47483, payment: 150e6 }), 46386).length // 6: July–December 2026
 */
export function scheduleBefore(terms: ContractTerms, day: Serial): Period[] {
  const cursor = new PeriodCursor(terms);
  const periods: Period[] = [];
  while (cursor.nextStart < day) {
    const period = cursor.next();
    if (period === undefined) break;
    periods.push(period);
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
