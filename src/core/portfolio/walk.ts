/**
 * One deal's walk: its headline, committed and expected payments by fiscal year, from one pass of
 * the schedule's cursor ({@link PeriodCursor}).
 */
import { CalendarDate, Serial, serialToDate } from "../dates";
import { Decimal, roundCents, toNumber } from "../money";
import { RegisterDeal } from "../register";
import { PeriodCursor, prorate } from "../schedule";
import { exitDate } from "../termination";
import { ContractTerms, earliestNoticeDate } from "../terms";
import { noticeExits } from "../valueBridge/notice";
import { noticeWeights, survivalWeights } from "../valueBridge/probability";
import { checkYearEndMonth, fiscalYear } from "./fiscal";
import { CentsSums, DecimalSums } from "./sums";

/** A deal as the portfolio sees it: its counterparty, terms and exit probability. */
export type PortfolioDeal = Pick<RegisterDeal, "counterparty" | "terms" | "exitProbability"> & { readonly row?: number };

export interface BacklogOptions {
  /**
   * The figures are at the close of this day (docs/conventions.md#as-of-a-date): payments due on or
   * before it are left out, and notice is served on the next day at the earliest. Default: the close of
   * the day before each deal's start (every payment counts). A time of day is ignored.
   */
  readonly asOf?: Serial | null;
  /** The month in which a fiscal year ends, 1–12; default 12 (calendar years). */
  readonly yearEndMonth?: number;
  /**
   * How amounts fall in years: "payments" (default here: by payment date) or "revenue" (each period's
   * amount straight line over its days of service, {@link revenueYears}). DEAL.BACKLOG's default is "revenue".
   */
  readonly basis?: BacklogBasis;
}

/** How the backlog puts amounts in years. */
export type BacklogBasis = "revenue" | "payments";

/**
 * The terms with the notice date the committed figure uses at the close of `asOf`: a given notice
 * date stands; otherwise the earliest permitted day, or the day after `asOf` if that is later (notice
 * can no longer be served on a day that has closed).
 *
 * @example
 * // Seed (earliest notice 2026-10-01) at the close of 2027-01-01: notice on 2027-01-02
 * termsAsOf(seedTerms, 46388).termination.noticeDate // 46389
 */
export function termsAsOf(terms: ContractTerms, asOf: Serial | null | undefined): ContractTerms {
  if (terms.termination.noticeDate !== null || asOf === null || asOf === undefined) return terms;
  const next = Math.floor(asOf) + 1;
  if (next <= earliestNoticeDate(terms)) return terms;
  return { ...terms, termination: { ...terms.termination, noticeDate: next } };
}

/**
 * The first day whose payments count at the close of `asOf`: the day after it; without a day, the
 * deal's start (as of the close of the day before it). A time of day is dropped.
 *
 * @example
 * firstCountedDay(46204, 46387) // 46388: at the close of 2026-12-31, payments from 2027-01-01 on
 */
export function firstCountedDay(startDate: Serial, asOf: Serial | null | undefined): Serial {
  return asOf === null || asOf === undefined ? startDate : Math.floor(asOf) + 1;
}

/** One deal's sums by fiscal year: whole cents (fast path) or decimals. */
export interface DealYears {
  readonly firstYear: number;
  /** Cents per year when every amount was whole cents and every sum is exact; otherwise null. */
  readonly cents: { readonly headline: Float64Array; readonly committed: Float64Array; readonly expected: Float64Array } | null;
  readonly decimals: { readonly headline: Decimal[]; readonly committed: Decimal[]; readonly expected: Decimal[] } | null;
  readonly noticeDate: Serial;
  readonly exitDate: Serial;
  readonly early: boolean;
}

/** What {@link walkDeal} walks, and how it sums: in whole cents (the fast path) or in decimals. */
interface DealWalk {
  readonly deal: PortfolioDeal;
  readonly options: BacklogOptions;
  readonly sums: "cents" | "decimals";
}

export function walkDeal({ deal, options, sums }: DealWalk): DealYears {
  const fast = sums === "cents";
  const yearEndMonth = checkYearEndMonth(options.yearEndMonth ?? 12);
  const system = deal.terms.dateSystem;
  // Payments due from this day on count: the day after the close asked about.
  const from = firstCountedDay(deal.terms.startDate, options.asOf);
  const terms = termsAsOf(deal.terms, options.asOf);
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
    if (payDate >= from) headline.add(payBucket, payment);
    if (start < exit) {
      if (exit - 1 >= end || !actual) {
        if (payDate >= from) committed.add(payBucket, payment);
      } else {
        // Service ends inside this period: the days served are owed, paid on the last day served in arrears.
        const cutDate = advance ? start : exit - 1;
        if (cutDate >= from) {
          committed.add(advance ? payBucket : bucketOf(serialToDate(cutDate, system)), prorate(rate, exit - start, fullDays));
        }
      }
    }
    if (exits !== null) {
      // Paid in full unless notice took effect by the period's start (full proration) or end (actual).
      const threshold = actual ? end : start;
      while (fullBelow < exits.dates.length && exits.dates[fullBelow] <= threshold) fullBelow++;
      const paymentNumber = payment === rate ? rateNumber : toNumber(payment);
      if (payDate >= from) expectedNumbers[payBucket] += paymentNumber * exits.survival[fullBelow];
      if (actual) {
        while (startBelow < exits.dates.length && exits.dates[startBelow] <= start) startBelow++;
        for (let j = startBelow; j < fullBelow; j++) {
          const exitJ = exits.dates[j];
          const cutDate = advance ? start : exitJ - 1;
          if (cutDate < from) continue;
          // What the period owes for the days served (owedInPeriod's prorate), at P(first notice at j).
          const owed = toNumber(prorate(rate, exitJ - start, fullDays));
          expectedNumbers[advance ? payBucket : bucketOf(serialToDate(cutDate, system))] += owed * (exits.survival[j] * q);
        }
      }
    }
  }
  const fee = terms.termination.fee;
  if (early && !fee.isZero() && exit >= from) committed.add(bucketOf(serialToDate(exit, system)), fee);
  headline.flush();
  committed.flush();
  if (exits !== null && !fee.isZero()) {
    const feeNumber = toNumber(fee);
    exits.dates.forEach((exitJ, j) => {
      if (exitJ >= from) expectedNumbers[bucketOf(serialToDate(exitJ, system))] += feeNumber * (exits.survival[j] * q);
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
export function weightedExits(terms: ContractTerms, stay: number): { readonly dates: Serial[]; readonly survival: number[] } {
  const { exits } = noticeExits(terms, terms.termination.noticeDate ?? earliestNoticeDate(terms));
  return { dates: exits, survival: survivalWeights(stay, exits.length) };
}
