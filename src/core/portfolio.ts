/**
 * A portfolio of deals (a register): the backlog by fiscal year, each deal's figures and the
 * concentration on the largest counterparty.
 *
 * Three readings of each deal's payments, all "by payment date":
 * - **headline**: every scheduled payment, as contracted ({@link buildSchedule});
 * - **committed**: the payments owed to the deal's enforceable exit, plus any termination fee
 *   ({@link exitOutcome}), with notice served on its notice date — the given one, or the earliest
 *   permitted day that is not before `asOf` (notice cannot be served in the past);
 * - **expected**: at the deal's annual exit probability p, notice is served in each month it may be
 *   served with monthly probability q = 1 − (1 − p)^(1/12) (see {@link expectedByYear}).
 *
 * Why a walk of its own rather than buildSchedule: a register holds a thousand deals of up to 360
 * periods; the walk below follows the same rules (period k starts at EDATE(start, k × months); the
 * rate from {@link periodRate}; stubs and cut periods by {@link prorate}) but adds decimals once per
 * run of equal payments in a year, not once per period, so its cost is integer date arithmetic per
 * period. The tests prove it equal to buildSchedule/exitOutcome on random registers.
 */
import { Decimal, roundCents, toNumber, ZERO } from "./money";
import { addMonths, CalendarDate, dateToSerial, Serial, serialToDate } from "./dates";
import { numError } from "./errors";
import { ContractTerms, earliestNoticeDate, lockInEnd, MONTHS_PER_PERIOD } from "./terms";
import { periodRate, prorate } from "./schedule";
import { exitDate } from "./termination";
import { annualRunRate } from "./valuation";
import { RegisterDeal } from "./register";

/** A deal as the portfolio sees it: its counterparty, terms and exit probability. */
export type PortfolioDeal = Pick<RegisterDeal, "counterparty" | "terms" | "exitProbability"> & { readonly row?: number };

export interface BacklogOptions {
  /** Payments due before this day are left out; notice is served no earlier. Default: each deal's start. */
  readonly asOf?: Serial | null;
  /** The month in which a fiscal year ends, 1–12; default 12 (calendar years). */
  readonly yearEndMonth?: number;
}

/** One deal's payments by fiscal year (fiscal year = the calendar year in which it ends). */
export interface DealBacklog {
  /** The fiscal year of `headline[0]` (and of the other arrays). */
  readonly firstYear: number;
  readonly headline: readonly Decimal[];
  readonly committed: readonly Decimal[];
  /** Rounded to cents per year. */
  readonly expected: readonly Decimal[];
  readonly totalHeadline: Decimal;
  readonly totalCommitted: Decimal;
  readonly totalExpected: Decimal;
  /** The day notice is taken to be served for the committed figure. */
  readonly noticeDate: Serial;
  /** The first day without service (end + 1 when the deal cannot end early). */
  readonly exitDate: Serial;
  readonly early: boolean;
}

export interface BacklogYear {
  /** The calendar year in which the fiscal year ends. */
  readonly year: number;
  readonly headline: Decimal;
  readonly committed: Decimal;
  readonly expected: Decimal;
}

/**
 * The fiscal year of a day: the calendar year in which the fiscal year containing it ends.
 *
 * @example
 * fiscalYear(46204, 6) // 2027: 2026-07-01 falls in the year ending June 2027
 */
export function fiscalYear(serial: Serial, yearEndMonth = 12, system: ContractTerms["dateSystem"] = "1900"): number {
  const { year, month } = serialToDate(serial, system);
  return month > yearEndMonth ? year + 1 : year;
}

/** Checks a fiscal year-end month: a whole number 1–12. */
export function checkYearEndMonth(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 12) {
    throw numError("year_end_month must be a whole number from 1 (January) to 12 (December).");
  }
  return value;
}

/**
 * The terms with the notice date the committed figure uses as of a day: a given notice date stands;
 * otherwise the earliest permitted day, or `asOf` if that is later.
 */
export function termsAsOf(terms: ContractTerms, asOf: Serial | null | undefined): ContractTerms {
  if (terms.termination.noticeDate !== null || asOf === null || asOf === undefined) return terms;
  if (asOf <= earliestNoticeDate(terms)) return terms;
  return { ...terms, termination: { ...terms.termination, noticeDate: asOf } };
}

/**
 * The monthly probability of notice from an annual exit probability: q = 1 − (1 − p)^(1/12), so
 * that notice is served within twelve opportunities with probability p.
 *
 * Must stay one model with `expectedValue` in valueBridge.ts (to be unified when merging).
 *
 * @example
 * monthlyNoticeProbability(1 - 0.5 ** 12) // 0.5
 */
export function monthlyNoticeProbability(annualProbability: number): number {
  if (!(annualProbability >= 0 && annualProbability <= 1)) throw numError("The exit probability must be between 0 and 1.");
  return 1 - Math.pow(1 - annualProbability, 1 / 12);
}

/** Adds a Decimal to a bucket once per run of equal amounts in one bucket. */
class RunAdder {
  private amount: Decimal = ZERO;
  private bucket = -1;
  private count = 0;
  constructor(private readonly target: Decimal[]) {}
  add(bucket: number, amount: Decimal): void {
    if (bucket === this.bucket && amount === this.amount) {
      this.count++;
      return;
    }
    this.flush();
    [this.bucket, this.amount, this.count] = [bucket, amount, 1];
  }
  flush(): void {
    if (this.count === 0) return;
    const sum = this.count === 1 ? this.amount : this.amount.times(this.count);
    this.target[this.bucket] = this.target[this.bucket].plus(sum);
    this.count = 0;
  }
}

/**
 * One deal's headline, committed and expected payments by fiscal year, from `asOf` on.
 *
 * @example
 * // Seed, calendar years: 2026 headline 900,000,000 (Jul–Dec), committed 900,000,000 (exit 2026-12-30)
 * dealBacklog({ counterparty: "Reflection AI", terms: seedTerms, exitProbability: 0 }).headline[0].toString() // "900000000"
 */
export function dealBacklog(deal: PortfolioDeal, options: BacklogOptions = {}): DealBacklog {
  const yearEndMonth = checkYearEndMonth(options.yearEndMonth ?? 12);
  const system = deal.terms.dateSystem;
  const asOf = options.asOf ?? deal.terms.startDate;
  const terms = termsAsOf(deal.terms, asOf);
  const exit = exitDate(terms);
  const early = exit <= terms.endDate;
  const firstYear = fiscalYear(terms.startDate, yearEndMonth, system);
  const years = fiscalYear(terms.endDate + 1, yearEndMonth, system) - firstYear + 1;
  const headline: Decimal[] = new Array<Decimal>(years).fill(ZERO);
  const committed: Decimal[] = new Array<Decimal>(years).fill(ZERO);
  const expectedNumbers: number[] = new Array<number>(years).fill(0);
  const headlineAdder = new RunAdder(headline);
  const committedAdder = new RunAdder(committed);
  const bucketOf = (date: CalendarDate) => (date.month > yearEndMonth ? date.year + 1 : date.year) - firstYear;

  const q = monthlyNoticeProbability(deal.exitProbability);
  const weighted = q > 0 && q < 1; // q = 0: expected = headline; q = 1: expected = committed (exactly)
  const exits = weighted ? noticeExits(terms, q) : null;

  const months = MONTHS_PER_PERIOD[terms.frequency];
  const advance = terms.timing === "advance";
  const actual = terms.proration === "actual";
  const startCalendar = serialToDate(terms.startDate, system);
  let periodCalendar = startCalendar;
  let start = terms.startDate;
  let rate: Decimal = ZERO;
  let rateKey = -1; // contract year for a fixed payment; year and ramp step for a ramp
  let rateNumber = 0;
  let rampIndex = 0;
  const steps = terms.payment.kind === "ramp" ? terms.payment.steps : null;
  let fullBelow = 0; // exits[0 .. fullBelow) end service on or before the threshold so far
  let startBelow = 0; // exits[0 .. startBelow) are on or before the period's start
  for (let k = 0; start <= terms.endDate; k++) {
    const monthsFromStart = k * months;
    const nextCalendar = addMonths(startCalendar, monthsFromStart + months, system);
    const nextStart = dateToSerial(nextCalendar, system);
    const end = Math.min(nextStart - 1, terms.endDate);
    const fullDays = nextStart - start;
    let key = Math.floor(monthsFromStart / 12);
    if (steps !== null) {
      while (rampIndex + 1 < steps.length && steps[rampIndex + 1].effectiveDate <= start) rampIndex++;
      key = key * 1000 + rampIndex;
    }
    if (key !== rateKey) {
      rate = periodRate(terms.payment, terms.escalation, monthsFromStart, start);
      rateKey = key;
      rateNumber = toNumber(rate);
    }
    const payment = end < nextStart - 1 && actual ? prorate(rate, end - start + 1, fullDays) : rate;
    const payDate = advance ? start : end;
    const payBucket = bucketOf(advance ? periodCalendar : serialToDate(end, system));
    if (payDate >= asOf) headlineAdder.add(payBucket, payment);
    if (start < exit) {
      if (exit - 1 >= end || !actual) {
        if (payDate >= asOf) committedAdder.add(payBucket, payment);
      } else {
        // Service ends inside this period: the days served are owed, paid on the last day served in arrears.
        const cutDate = advance ? start : exit - 1;
        if (cutDate >= asOf) {
          committedAdder.add(advance ? payBucket : bucketOf(serialToDate(cutDate, system)), prorate(rate, exit - start, fullDays));
        }
      }
    }
    if (exits !== null) {
      // Paid in full unless notice took effect by the period's start (full proration) or end (actual).
      const threshold = actual ? end : start;
      while (fullBelow < exits.dates.length && exits.dates[fullBelow] <= threshold) fullBelow++;
      const paymentNumber = payment === rate ? rateNumber : toNumber(payment);
      if (payDate >= asOf) expectedNumbers[payBucket] += paymentNumber * exits.survival[fullBelow];
      if (actual) {
        while (startBelow < exits.dates.length && exits.dates[startBelow] <= start) startBelow++;
        for (let j = startBelow; j < fullBelow; j++) {
          const exitJ = exits.dates[j];
          const cutDate = advance ? start : exitJ - 1;
          if (cutDate < asOf) continue;
          const owed = Math.round((rateNumber * (exitJ - start) * 100) / fullDays) / 100;
          expectedNumbers[advance ? payBucket : bucketOf(serialToDate(cutDate, system))] += owed * exits.survival[j] * q;
        }
      }
    }
    periodCalendar = nextCalendar;
    start = nextStart;
  }
  headlineAdder.flush();
  committedAdder.flush();

  const fee = terms.termination.fee;
  if (early && !fee.isZero() && exit >= asOf) {
    const bucket = bucketOf(serialToDate(exit, system));
    committed[bucket] = committed[bucket].plus(fee);
  }
  let expected: Decimal[];
  if (exits === null) {
    expected = q === 0 ? headline.slice() : committed.slice();
  } else {
    if (!fee.isZero()) {
      const feeNumber = toNumber(fee);
      exits.dates.forEach((exitJ, j) => {
        if (exitJ >= asOf) expectedNumbers[bucketOf(serialToDate(exitJ, system))] += feeNumber * exits.survival[j] * q;
      });
    }
    expected = expectedNumbers.map((x) => roundCents(new Decimal(x)));
  }
  return {
    firstYear,
    headline,
    committed,
    expected,
    totalHeadline: sum(headline),
    totalCommitted: sum(committed),
    totalExpected: sum(expected),
    noticeDate: terms.termination.noticeDate ?? earliestNoticeDate(terms),
    exitDate: exit,
    early,
  };
}

interface NoticeExits {
  /** Exit dates of the early exits, notice served at the notice date and each month after it. */
  readonly dates: number[];
  /** survival[m] = (1 − q)^m: the probability that no notice was served at the first m opportunities. */
  readonly survival: number[];
}

/**
 * The exits notice could bring: notice served on the notice date, then each month after it
 * (EDATE), each taking effect as {@link exitDate} has it — notice + notice days, no earlier than the
 * lock-in's end — while that is an early exit (on or before the end date).
 */
function noticeExits(terms: ContractTerms, q: number): NoticeExits {
  const system = terms.dateSystem;
  const first = terms.termination.noticeDate ?? earliestNoticeDate(terms);
  const firstCalendar = serialToDate(first, system);
  const lockEnd = lockInEnd(terms);
  const dates: number[] = [];
  const survival: number[] = [1];
  for (let j = 0; ; j++) {
    const notice = j === 0 ? first : dateToSerial(addMonths(firstCalendar, j, system), system);
    const exit = Math.max(notice + terms.termination.noticeDays, lockEnd);
    if (exit > terms.endDate) break;
    dates.push(exit);
    survival.push(survival[j] * (1 - q));
  }
  return { dates, survival };
}

function sum(amounts: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const a of amounts) total = total.plus(a);
  return total;
}

/**
 * The register's backlog by fiscal year: for each year from the first with a payment due to the last,
 * the headline, committed and expected payments due in it. The years sum to the portfolio totals.
 *
 * @example
 * // Seed alone: 2026 → 900,000,000 headline, 900,000,000 committed; 2027 → 1,800,000,000 and 0
 * portfolioBacklog([seedDeal])[1].headline.toString() // "1800000000"
 */
export function portfolioBacklog(deals: readonly PortfolioDeal[], options: BacklogOptions = {}): BacklogYear[] {
  return backlogOf(deals.map((deal) => dealBacklog(deal, options)));
}

/** Adds deal backlogs year by year, from the first year with any amount to the last. */
export function backlogOf(backlogs: readonly DealBacklog[]): BacklogYear[] {
  let first = Infinity;
  let last = -Infinity;
  for (const b of backlogs) {
    for (let i = 0; i < b.headline.length; i++) {
      if (b.headline[i].isZero() && b.committed[i].isZero() && b.expected[i].isZero()) continue;
      first = Math.min(first, b.firstYear + i);
      last = Math.max(last, b.firstYear + i);
    }
  }
  const rows: { year: number; headline: Decimal; committed: Decimal; expected: Decimal }[] = [];
  for (let year = first; year <= last; year++) rows.push({ year, headline: ZERO, committed: ZERO, expected: ZERO });
  for (const b of backlogs) {
    for (let i = 0; i < b.headline.length; i++) {
      const row = rows[b.firstYear + i - first];
      if (!row) continue; // an all-zero year outside the span
      row.headline = row.headline.plus(b.headline[i]);
      row.committed = row.committed.plus(b.committed[i]);
      row.expected = row.expected.plus(b.expected[i]);
    }
  }
  return rows;
}

export interface DealFigures {
  readonly row?: number;
  readonly counterparty: string;
  /** Payments due from `asOf` on, as contracted. */
  readonly headline: Decimal;
  /** Payments due from `asOf` on up to the enforceable exit, plus any termination fee. */
  readonly committed: Decimal;
  readonly expected: Decimal;
  /** The first day without service (end + 1 when the deal cannot end early). */
  readonly exitDate: Serial;
  readonly early: boolean;
  /** Annual run-rate in force on `asOf` (default: the start). */
  readonly runRate: Decimal;
  /** This deal's headline over the portfolio's (0 when the portfolio's is 0). */
  readonly shareOfHeadline: number;
}

export interface PortfolioFigures {
  readonly deals: readonly DealFigures[];
  readonly totalHeadline: Decimal;
  readonly totalCommitted: Decimal;
  readonly totalExpected: Decimal;
  readonly totalRunRate: Decimal;
  readonly backlog: readonly BacklogYear[];
  readonly concentration: Concentration;
}

/**
 * Every deal's figures, the totals, the backlog by year and the concentration, from one pass over
 * each deal.
 */
export function portfolioFigures(deals: readonly PortfolioDeal[], options: BacklogOptions = {}): PortfolioFigures {
  const backlogs = deals.map((deal) => dealBacklog(deal, options));
  const totalHeadline = sum(backlogs.map((b) => b.totalHeadline));
  const figures: DealFigures[] = deals.map((deal, i) => {
    const b = backlogs[i];
    const t = deal.terms;
    const runRate = annualRunRate({
      payment: t.payment,
      frequency: t.frequency,
      escalation: t.escalation,
      dateSystem: t.dateSystem,
      startDate: t.startDate,
      endDate: t.endDate,
      asOf: options.asOf ?? t.startDate,
    });
    return {
      row: deal.row,
      counterparty: deal.counterparty,
      headline: b.totalHeadline,
      committed: b.totalCommitted,
      expected: b.totalExpected,
      exitDate: b.exitDate,
      early: b.early,
      runRate,
      shareOfHeadline: share(b.totalHeadline, totalHeadline),
    };
  });
  return {
    deals: figures,
    totalHeadline,
    totalCommitted: sum(figures.map((f) => f.committed)),
    totalExpected: sum(figures.map((f) => f.expected)),
    totalRunRate: sum(figures.map((f) => f.runRate)),
    backlog: backlogOf(backlogs),
    concentration: concentration(figures),
  };
}

function share(part: Decimal, whole: Decimal): number {
  return whole.isZero() ? 0 : toNumber(part.dividedBy(whole));
}

export interface LargestShare {
  /** The counterparty as first written in the register; "" for an empty portfolio. */
  readonly counterparty: string;
  readonly amount: Decimal;
  /** Its share of the portfolio total (0 when the total is 0). */
  readonly share: number;
}

export interface Concentration {
  readonly headline: LargestShare;
  readonly committed: LargestShare;
}

/**
 * The largest counterparty's share of headline and of committed value, counterparties aggregated by
 * name without regard to case or surrounding spaces; a tie goes to the one first in the register.
 *
 * @example
 * concentration([{ counterparty: "A", headline: 3, committed: 1 }, { counterparty: "a", headline: 1, committed: 1 }, …]).headline.share // 0.8 of 5
 */
export function concentration(figures: readonly Pick<DealFigures, "counterparty" | "headline" | "committed">[]): Concentration {
  const groups = new Map<string, { counterparty: string; headline: Decimal; committed: Decimal }>();
  for (const f of figures) {
    const key = f.counterparty.trim().toLowerCase();
    const group = groups.get(key);
    if (group) {
      group.headline = group.headline.plus(f.headline);
      group.committed = group.committed.plus(f.committed);
    } else groups.set(key, { counterparty: f.counterparty.trim(), headline: f.headline, committed: f.committed });
  }
  const largest = (measure: "headline" | "committed"): LargestShare => {
    let best: { counterparty: string; amount: Decimal } = { counterparty: "", amount: ZERO };
    let total = ZERO;
    for (const g of groups.values()) {
      total = total.plus(g[measure]);
      if (best.counterparty === "" || g[measure].gt(best.amount)) best = { counterparty: g.counterparty, amount: g[measure] };
    }
    return { ...best, share: share(best.amount, total) };
  };
  return { headline: largest("headline"), committed: largest("committed") };
}
