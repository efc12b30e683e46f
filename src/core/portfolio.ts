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
 *   served with monthly probability q = 1 − (1 − p)^(1/12) — the one model of `expectedValue`
 *   (valueBridge.ts): the same notice opportunities and stop rule ({@link noticeExits}), the same
 *   weights ({@link noticeWeights}), the same proration of a period cut short ({@link prorate}) and the
 *   same fee weighting, summed by fiscal year and rounded to the cent per year; a deal whose notice
 *   date is given has been (or will be) given notice that day, so its expected payments are its
 *   committed ones.
 *
 * Why the cursor rather than buildSchedule: a register holds a thousand deals of up to 360 periods.
 * The walk below runs the schedule's one cursor ({@link PeriodCursor}) without copying its periods,
 * and adds decimals once per run of equal payments in a year, not once per period, so its cost is
 * the cursor's integer date arithmetic per period. The tests prove it equal to buildSchedule/exitOutcome
 * on random registers.
 */
import { Decimal, exactCents, FAST_CENTS_LIMIT, fromCents, MAX_EXACT_CENTS, roundCents, toNumber, ZERO } from "./money";
import { CalendarDate, Serial, serialToDate } from "./dates";
import { numError } from "./errors";
import { ContractTerms, earliestNoticeDate } from "./terms";
import { PeriodCursor, prorate } from "./schedule";
import { exitDate } from "./termination";
import { monthlyProbability, noticeExits, noticeWeights, survivalWeights } from "./valueBridge";
import { annualRunRate } from "./valuation";
import { RegisterDeal } from "./register";

/** A deal as the portfolio sees it: its counterparty, terms and exit probability. */
export type PortfolioDeal = Pick<RegisterDeal, "counterparty" | "terms" | "exitProbability"> & { readonly row?: number };

export interface BacklogOptions {
  /** Payments due before this day are left out; notice is served no earlier. Default: each deal's start. A time of day is ignored. */
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
 * The portfolio's former name for {@link monthlyProbability} (on a number), kept for its importers.
 *
 * @deprecated use monthlyProbability.
 * @example
 * monthlyNoticeProbability(1 - 0.5 ** 12) // 0.5
 */
export const monthlyNoticeProbability: (annualProbability: number) => number = monthlyProbability;

/** Sums of one reading by fiscal year, fed one payment at a time. */
interface YearSums {
  add(bucket: number, amount: Decimal): void;
  flush(): void;
}

/**
 * Whole cents in doubles — the fast path. Amounts that are not whole cents (a fee of 12.345) or are
 * too large make it inexact, and the deal is summed again in decimals.
 */
class CentsSums implements YearSums {
  readonly cents: Float64Array;
  exact = true;
  private last: Decimal | undefined;
  private lastCents = 0;
  constructor(years: number) {
    this.cents = new Float64Array(years);
  }
  add(bucket: number, amount: Decimal): void {
    if (amount !== this.last) {
      this.last = amount;
      const cents = exactCents(amount);
      // Each amount below 2^50 cents (NaN fails): sums of a thousand such stay checkable against 2^53.
      if (!(Math.abs(cents) < FAST_CENTS_LIMIT)) this.exact = false;
      this.lastCents = cents;
    }
    this.cents[bucket] += this.lastCents;
  }
  flush(): void {}
}

/** Exact decimals, added once per run of equal amounts in one bucket. */
class DecimalSums implements YearSums {
  readonly sums: Decimal[];
  private amount: Decimal = ZERO;
  private bucket = -1;
  private count = 0;
  constructor(years: number) {
    this.sums = new Array<Decimal>(years).fill(ZERO);
  }
  add(bucket: number, amount: Decimal): void {
    if (bucket === this.bucket && amount === this.amount) {
      this.count++;
      return;
    }
    this.flush();
    this.bucket = bucket;
    this.amount = amount;
    this.count = 1;
  }
  flush(): void {
    if (this.count === 0) return;
    const sum = this.count === 1 ? this.amount : this.amount.times(this.count);
    this.sums[this.bucket] = this.sums[this.bucket].plus(sum);
    this.count = 0;
  }
}

/** One deal's sums by fiscal year: whole cents (fast path) or decimals. */
interface DealYears {
  readonly firstYear: number;
  /** Cents per year when every amount was whole cents and every sum is exact; otherwise null. */
  readonly cents: { readonly headline: Float64Array; readonly committed: Float64Array; readonly expected: Float64Array } | null;
  readonly decimals: { readonly headline: Decimal[]; readonly committed: Decimal[]; readonly expected: Decimal[] } | null;
  readonly noticeDate: Serial;
  readonly exitDate: Serial;
  readonly early: boolean;
}

function totalOf(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/** A deal's sums: on the fast path if it is exact, in decimals otherwise. */
function dealYears(deal: PortfolioDeal, options: BacklogOptions): DealYears {
  const fast = walkDeal({ deal, options, sums: "cents" });
  const c = fast.cents;
  if (c && totalOf(c.headline) <= MAX_EXACT_CENTS && totalOf(c.committed) <= MAX_EXACT_CENTS && totalOf(c.expected) <= MAX_EXACT_CENTS) return fast;
  return walkDeal({ deal, options, sums: "decimals" });
}

/**
 * One deal's headline, committed and expected payments by fiscal year, from `asOf` on.
 *
 * @example
 * // Seed, calendar years: 2026 headline 900,000,000 (Jul–Dec), committed 900,000,000 (exit 2026-12-30)
 * dealBacklog({ counterparty: "Reflection AI", terms: seedTerms, exitProbability: 0 }).headline[0].toString() // "900000000"
 */
export function dealBacklog(deal: PortfolioDeal, options: BacklogOptions = {}): DealBacklog {
  return toDealBacklog(dealYears(deal, options));
}

function toDealBacklog(y: DealYears): DealBacklog {
  const d = y.decimals ?? {
    headline: Array.from(y.cents!.headline, fromCents),
    committed: Array.from(y.cents!.committed, fromCents),
    expected: Array.from(y.cents!.expected, fromCents),
  };
  return {
    firstYear: y.firstYear,
    headline: d.headline,
    committed: d.committed,
    expected: d.expected,
    totalHeadline: sum(d.headline),
    totalCommitted: sum(d.committed),
    totalExpected: sum(d.expected),
    noticeDate: y.noticeDate,
    exitDate: y.exitDate,
    early: y.early,
  };
}

/** What {@link walkDeal} walks, and how it sums: in whole cents (the fast path) or in decimals. */
interface DealWalk {
  readonly deal: PortfolioDeal;
  readonly options: BacklogOptions;
  readonly sums: "cents" | "decimals";
}

function walkDeal({ deal, options, sums }: DealWalk): DealYears {
  const fast = sums === "cents";
  const yearEndMonth = checkYearEndMonth(options.yearEndMonth ?? 12);
  const system = deal.terms.dateSystem;
  // A time of day is dropped, as for every date.
  const asOf = Math.floor(options.asOf ?? deal.terms.startDate);
  const terms = termsAsOf(deal.terms, asOf);
  const exit = exitDate(terms);
  const early = exit <= terms.endDate;
  const firstYear = fiscalYear(terms.startDate, yearEndMonth, system);
  const years = fiscalYear(terms.endDate + 1, yearEndMonth, system) - firstYear + 1;
  const headline: CentsSums | DecimalSums = fast ? new CentsSums(years) : new DecimalSums(years);
  const committed: CentsSums | DecimalSums = fast ? new CentsSums(years) : new DecimalSums(years);
  const expectedNumbers = new Float64Array(years);
  const bucketOfMonth = (year: number, month: number) => (month > yearEndMonth ? year + 1 : year) - firstYear;
  const bucketOf = (date: CalendarDate) => bucketOfMonth(date.year, date.month);

  // A notice date in the register is notice served (or to be served) that day: expected = committed.
  const { q, stay } = deal.terms.termination.noticeDate !== null ? { q: 1, stay: 0 } : noticeWeights(new Decimal(deal.exitProbability));
  const weighted = q > 0 && q < 1; // q = 0: expected = headline; q = 1: expected = committed (exactly)
  const exits = weighted ? weightedExits(terms, stay) : null;

  const advance = terms.timing === "advance";
  const actual = terms.proration === "actual";
  const cursor = new PeriodCursor(terms);
  let numberedRate: Decimal | undefined; // the rate whose double is rateNumber
  let rateNumber = 0;
  let fullBelow = 0; // exits[0 .. fullBelow) end service on or before the threshold so far
  let startBelow = 0; // exits[0 .. startBelow) are on or before the period's start
  while (cursor.advance()) {
    const { start, end, fullDays, rate, payment } = cursor;
    if (rate !== numberedRate) {
      numberedRate = rate;
      rateNumber = toNumber(rate);
    }
    const payDate = cursor.paymentDate;
    const payBucket = advance ? bucketOfMonth(cursor.startYear, cursor.startMonth) : bucketOf(serialToDate(end, system));
    if (payDate >= asOf) headline.add(payBucket, payment);
    if (start < exit) {
      if (exit - 1 >= end || !actual) {
        if (payDate >= asOf) committed.add(payBucket, payment);
      } else {
        // Service ends inside this period: the days served are owed, paid on the last day served in arrears.
        const cutDate = advance ? start : exit - 1;
        if (cutDate >= asOf) {
          committed.add(advance ? payBucket : bucketOf(serialToDate(cutDate, system)), prorate(rate, exit - start, fullDays));
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
          // What the period owes for the days served (owedInPeriod's prorate), at P(first notice at j).
          const owed = toNumber(prorate(rate, exitJ - start, fullDays));
          expectedNumbers[advance ? payBucket : bucketOf(serialToDate(cutDate, system))] += owed * (exits.survival[j] * q);
        }
      }
    }
  }
  const fee = terms.termination.fee;
  if (early && !fee.isZero() && exit >= asOf) committed.add(bucketOf(serialToDate(exit, system)), fee);
  headline.flush();
  committed.flush();
  if (exits !== null && !fee.isZero()) {
    const feeNumber = toNumber(fee);
    exits.dates.forEach((exitJ, j) => {
      if (exitJ >= asOf) expectedNumbers[bucketOf(serialToDate(exitJ, system))] += feeNumber * (exits.survival[j] * q);
    });
  }
  const common = { firstYear, noticeDate: terms.termination.noticeDate ?? earliestNoticeDate(terms), exitDate: exit, early };
  if (headline instanceof CentsSums && committed instanceof CentsSums) {
    if (!headline.exact || !committed.exact) return { ...common, cents: null, decimals: null };
    const expected =
      exits === null
        ? (q === 0 ? headline : committed).cents.slice()
        : expectedNumbers.map((x) => Math.round(x * 100));
    return { ...common, cents: { headline: headline.cents, committed: committed.cents, expected }, decimals: null };
  }
  const h = (headline as DecimalSums).sums;
  const c = (committed as DecimalSums).sums;
  const expected = exits === null ? (q === 0 ? h : c).slice() : Array.from(expectedNumbers, (x) => roundCents(new Decimal(x)));
  return { ...common, cents: null, decimals: { headline: h, committed: c, expected } };
}

/**
 * The exits notice could bring ({@link noticeExits}), from the notice date the committed figure uses —
 * the given one, `asOf` when the earliest permitted day has passed ({@link termsAsOf}), else the
 * earliest permitted day — each with P(no notice before it) ({@link survivalWeights}).
 */
function weightedExits(terms: ContractTerms, stay: number): { readonly dates: Serial[]; readonly survival: number[] } {
  const { exits } = noticeExits(terms, terms.termination.noticeDate ?? earliestNoticeDate(terms));
  return { dates: exits, survival: survivalWeights(stay, exits.length) };
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
  return backlogOf(deals.map((deal) => dealYears(deal, options)));
}

/** Adds deal sums year by year, from the first year with any amount to the last: in cents when exact. */
function backlogOf(deals: readonly DealYears[]): BacklogYear[] {
  let first = Infinity;
  let last = -Infinity;
  let allCents = true;
  for (const d of deals) {
    const n = d.cents ? d.cents.headline.length : d.decimals!.headline.length;
    for (let i = 0; i < n; i++) {
      const zero = d.cents
        ? d.cents.headline[i] === 0 && d.cents.committed[i] === 0 && d.cents.expected[i] === 0
        : d.decimals!.headline[i].isZero() && d.decimals!.committed[i].isZero() && d.decimals!.expected[i].isZero();
      if (zero) continue;
      first = Math.min(first, d.firstYear + i);
      last = Math.max(last, d.firstYear + i);
    }
    allCents &&= d.cents !== null;
  }
  if (first > last) return [];
  const span = last - first + 1;
  if (allCents) {
    const sums = [new Float64Array(span), new Float64Array(span), new Float64Array(span)];
    const totals = [0, 0, 0];
    for (const d of deals) {
      const parts = [d.cents!.headline, d.cents!.committed, d.cents!.expected];
      for (let r = 0; r < 3; r++) {
        const part = parts[r];
        for (let i = 0; i < part.length; i++) {
          const at = d.firstYear + i - first;
          if (at >= 0 && at < span) sums[r][at] += part[i];
        }
        totals[r] += totalOf(part);
      }
    }
    if (totals.every((t) => t <= MAX_EXACT_CENTS)) {
      return Array.from({ length: span }, (_, i) => ({
        year: first + i,
        headline: fromCents(sums[0][i]),
        committed: fromCents(sums[1][i]),
        expected: fromCents(sums[2][i]),
      }));
    }
  }
  const rows = Array.from({ length: span }, (_, i) => ({ year: first + i, headline: ZERO, committed: ZERO, expected: ZERO }));
  for (const d of deals) {
    const b = toDealBacklog(d);
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
  const years = deals.map((deal) => dealYears(deal, options));
  const backlogs = years.map(toDealBacklog);
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
      asOf: Math.floor(options.asOf ?? t.startDate),
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
    backlog: backlogOf(years),
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
