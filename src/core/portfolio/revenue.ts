/**
 * One deal's revenue by fiscal year: each period's amount recognised straight line over the days of
 * service it pays for — the timing follows the service, not the invoice.
 */
import { dateToSerial, Serial } from "../dates";
import { Decimal, roundCents, toNumber, ZERO } from "../money";
import { PeriodCursor, prorate } from "../schedule";
import { exitDate } from "../termination";
import { earliestNoticeDate } from "../terms";
import { noticeWeights } from "../valueBridge/probability";
import { checkYearEndMonth, fiscalYear } from "./fiscal";
import { BacklogOptions, DealYears, firstCountedDay, PortfolioDeal, termsAsOf, weightedExits } from "./walk";

/**
 * The first day of the fiscal year after the one containing `day` (fiscal years end with month
 * `yearEndMonth`).
 *
 * @example
 * nextFiscalYearStart(46204, 12) // 46388: after 2026-07-01 the next calendar year starts 2027-01-01
 * nextFiscalYearStart(46204, 6) // 46569: the year ending June 2027 is followed by 2027-07-01
 */
export function nextFiscalYearStart(day: Serial, yearEndMonth: number, system: "1900" | "1904" = "1900"): Serial {
  const fy = fiscalYear(day, yearEndMonth, system);
  return yearEndMonth === 12 ? dateToSerial({ year: fy + 1, month: 1, day: 1 }, system) : dateToSerial({ year: fy, month: yearEndMonth + 1, day: 1 }, system);
}

/**
 * Spreads `amount`, earned evenly over the days `first` … `last`, over fiscal years from `from` on:
 * the part for the days from x on is ROUND(amount × days from x to `last` ÷ all its days, 2), as
 * COMMITTED_VALUE counts what remains, and each fiscal year gets the difference of two such parts, so
 * the years add up to the amount exactly. Days before `from` are left out.
 *
 * @example
 * // 120,000,000 over 2026-07-01 … 2027-06-30 (365 days), calendar years: the part from 2027-01-01 is
 * // ROUND(120,000,000 × 181 / 365, 2) = 59,506,849.32; so 2026: 60,493,150.68, 2027: 59,506,849.32
 * spreadOverYears(new Decimal(120e6), 46204, 46568, 46204, 12, "1900", add)
 */
export function spreadOverYears(
  amount: Decimal,
  first: Serial,
  last: Serial,
  from: Serial,
  yearEndMonth: number,
  system: "1900" | "1904",
  add: (day: Serial, part: Decimal) => void,
): void {
  const days = last - first + 1;
  const remaining = (x: Serial) => (x <= first ? amount : x > last ? ZERO : roundCents(amount.times(last + 1 - x).dividedBy(days)));
  let x = Math.max(first, from);
  let before = remaining(x);
  while (x <= last) {
    const next = Math.min(last + 1, nextFiscalYearStart(x, yearEndMonth, system));
    const after = remaining(next);
    const part = before.minus(after);
    if (!part.isZero()) add(x, part);
    x = next;
    before = after;
  }
}

/**
 * One deal's headline, committed and expected revenue by fiscal year, after the close of `asOf`:
 * headline, every period's payment over its days of service; committed, what each period owes up to
 * the enforceable exit ({@link owedInPeriod}'s rule) over its days served before the exit, and the fee
 * on the exit date; expected, at the deal's exit probability, Σ P(first notice at j) × the committed
 * revenue with exit j + P(never) × the headline — the same notice months and weights as the payments
 * basis ({@link walkDeal}). Sums are decimals; expected is rounded to the cent per year.
 *
 * @example
 * // Annual in advance, 2026-07-01 … 2028-06-30, 120,000,000 a year, locked in for 24 months:
 * // 2026: 120,000,000 × 184/365 = 60,493,150.68; 2027: 59,506,849.32 + 60,327,868.85; 2028: 59,672,131.15
 */
export function revenueYears(deal: PortfolioDeal, options: BacklogOptions): DealYears {
  const yearEndMonth = checkYearEndMonth(options.yearEndMonth ?? 12);
  const system = deal.terms.dateSystem;
  const from = firstCountedDay(deal.terms.startDate, options.asOf);
  const terms = termsAsOf(deal.terms, options.asOf);
  const exit = exitDate(terms);
  const early = exit <= terms.endDate;
  const firstYear = fiscalYear(terms.startDate, yearEndMonth, system);
  const years = fiscalYear(terms.endDate + 1, yearEndMonth, system) - firstYear + 1;
  const headline: Decimal[] = Array.from({ length: years }, () => ZERO);
  const committed: Decimal[] = Array.from({ length: years }, () => ZERO);
  const expectedNumbers = new Float64Array(years);
  const bucket = (day: Serial) => fiscalYear(day, yearEndMonth, system) - firstYear;
  const into = (sums: Decimal[]) => (day: Serial, part: Decimal) => {
    const i = bucket(day);
    sums[i] = sums[i].plus(part);
  };
  const spread = (amount: Decimal, first: Serial, last: Serial, add: (day: Serial, part: Decimal) => void) =>
    spreadOverYears(amount, first, last, from, yearEndMonth, system, add);

  const { q, stay } = deal.terms.termination.noticeDate !== null ? { q: 1, stay: 0 } : noticeWeights(new Decimal(deal.exitProbability));
  const weighted = q > 0 && q < 1;
  const exits = weighted ? weightedExits(terms, stay) : null;
  const weightedInto = (weight: number) => (day: Serial, part: Decimal) => {
    expectedNumbers[bucket(day)] += toNumber(part) * weight;
  };
  /** What a period owes for service before `cut`, earned over its days before it. */
  const owedBefore = (cursor: PeriodCursor, cut: Serial): Decimal =>
    cut - 1 >= cursor.end || terms.proration === "full" ? cursor.payment : prorate(cursor.rate, cut - cursor.start, cursor.fullDays);

  const cursor = new PeriodCursor(terms);
  let startBelow = 0; // exits[0 .. startBelow) are on or before the period's start
  let endBelow = 0; // exits[0 .. endBelow) are on or before its end: they cut it or it never begins
  while (cursor.advance()) {
    const { start, end, payment } = cursor;
    spread(payment, start, end, into(headline));
    if (start < exit) spread(owedBefore(cursor, exit), start, Math.min(end, exit - 1), into(committed));
    if (exits !== null) {
      while (startBelow < exits.dates.length && exits.dates[startBelow] <= start) startBelow++;
      while (endBelow < exits.dates.length && exits.dates[endBelow] <= end) endBelow++;
      // Served in full unless notice took effect by its end.
      spread(payment, start, end, weightedInto(exits.survival[endBelow]));
      for (let j = startBelow; j < endBelow; j++) {
        const exitJ = exits.dates[j];
        spread(owedBefore(cursor, exitJ), start, exitJ - 1, weightedInto(exits.survival[j] * q));
      }
    }
  }
  const fee = terms.termination.fee;
  if (early && !fee.isZero() && exit >= from) into(committed)(exit, fee);
  if (exits !== null && !fee.isZero()) {
    exits.dates.forEach((exitJ, j) => {
      if (exitJ >= from) weightedInto(exits.survival[j] * q)(exitJ, fee);
    });
  }
  const expected = exits === null ? (q === 0 ? headline : committed).slice() : Array.from(expectedNumbers, (x) => roundCents(new Decimal(x)));
  return {
    firstYear,
    cents: null,
    decimals: { headline, committed, expected },
    noticeDate: terms.termination.noticeDate ?? earliestNoticeDate(terms),
    exitDate: exit,
    early,
  };
}
