/**
 * Every deal's figures, the totals, the backlog and the concentration, from one pass over each deal.
 */
import { Serial } from "../dates";
import { Decimal } from "../money";
import { annualRunRate } from "../valuation";
import { backlogOf, BacklogYear, dealYears, sum, toDealBacklog } from "./backlog";
import { Concentration, concentration, share } from "./concentration";
import { BacklogOptions, PortfolioDeal } from "./walk";

export interface DealFigures {
  readonly row?: number;
  readonly counterparty: string;
  /** Payments due after the close of `asOf`, as contracted. */
  readonly headline: Decimal;
  /** Payments due after the close of `asOf` up to the enforceable exit, plus any termination fee. */
  readonly committed: Decimal;
  readonly expected: Decimal;
  /** The first day without service (end + 1 when the deal cannot end early). */
  readonly exitDate: Serial;
  readonly early: boolean;
  /** Annual run-rate in force on the day `asOf` (default: the start): the rate of its service. */
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
