/**
 * The backlog by fiscal year: one deal's, and the register's.
 */
import { Serial } from "../dates";
import { Decimal, fromCents, MAX_EXACT_CENTS, ZERO } from "../money";
import { revenueYears } from "./revenue";
import { totalOf } from "./sums";
import { BacklogOptions, DealYears, PortfolioDeal, walkDeal } from "./walk";

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

/** A deal's sums: on the fast path if it is exact, in decimals otherwise. */
export function dealYears(deal: PortfolioDeal, options: BacklogOptions): DealYears {
  if (options.basis === "revenue") return revenueYears(deal, options);
  const fast = walkDeal({ deal, options, sums: "cents" });
  const c = fast.cents;
  if (c && totalOf(c.headline) <= MAX_EXACT_CENTS && totalOf(c.committed) <= MAX_EXACT_CENTS && totalOf(c.expected) <= MAX_EXACT_CENTS) return fast;
  return walkDeal({ deal, options, sums: "decimals" });
}

/**
 * One deal's headline, committed and expected payments by fiscal year, after the close of `asOf`.
 *
 * @example
 * // Seed, calendar years: 2026 headline 900,000,000 (Jul–Dec), committed 900,000,000 (exit 2026-12-30)
 * dealBacklog({ counterparty: "Reflection AI", terms: seedTerms, exitProbability: 0 }).headline[0].toString() // "900000000"
 */
export function dealBacklog(deal: PortfolioDeal, options: BacklogOptions = {}): DealBacklog {
  return toDealBacklog(dealYears(deal, options));
}

export function toDealBacklog(y: DealYears): DealBacklog {
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

export function sum(amounts: readonly Decimal[]): Decimal {
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
export function backlogOf(deals: readonly DealYears[]): BacklogYear[] {
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
