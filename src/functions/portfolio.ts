/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands custom functions untyped cell values. */
/**
 * The portfolio DEAL functions: a deal register (any range with a header row, one deal per row) in,
 * the backlog by fiscal year, each deal's figures, the concentration and the column mapping out.
 *
 * A register cell means what the same value means as a DEAL argument: the cells are read by the
 * readers of excelArgs.ts, and each row's terms are checked by validateTerms, as every function does.
 */
import {
  BacklogOptions,
  checkYearEndMonth,
  FIELD,
  lookalikeColumns,
  presentValue,
  portfolioBacklog,
  portfolioFigures,
  PortfolioFigures,
  readRegister,
  Register,
  RegisterDeal,
  REGISTER_FIELDS,
  toNumber,
  valueError,
} from "../core";
import { excelCall, readBasis, readOptionalAmount, readOptionalDate } from "./excelArgs";

/** A register argument: a range of at least a header row. */
export function readRegisterArg(register: unknown): Register {
  if (!Array.isArray(register) || !register.every((row) => Array.isArray(row))) {
    throw valueError("register must be a range: its header row and one deal per row.");
  }
  return readRegister(register as unknown[][]);
}

/** The register's deals and the options, read in argument order. */
function readPortfolioArgs(register: any, asOfDate: any, yearEndMonth?: any, basis?: any): [RegisterDeal[], BacklogOptions] {
  const { deals } = readRegisterArg(register);
  const asOf = readOptionalDate(asOfDate, "as_of_date");
  const month = readOptionalAmount(yearEndMonth, "year_end_month", 12);
  const options: BacklogOptions = { asOf, yearEndMonth: checkYearEndMonth(month === 0 ? 12 : month) };
  // PORTFOLIO and CONCENTRATION take no basis: their totals are by payment date.
  return [[...deals], basis === undefined ? options : { ...options, basis: readBasis(basis) }];
}

function figuresOf(register: any, asOfDate: any): PortfolioFigures & { readonly registerDeals: readonly RegisterDeal[] } {
  const [deals, options] = readPortfolioArgs(register, asOfDate);
  return { ...portfolioFigures(deals, options), registerDeals: deals };
}

const MONTHS_A_YEAR = 12;
/** Hours in a month for the price per GPU-hour: the declared default (730 = 8,760 ÷ 12). */
const HOURS_PER_MONTH = FIELD.HoursPerMonth.default as number;

/**
 * What a register's own assumptions add to a deal's figures: the present value of all its payments
 * at its "Discount rate" (at its start, as CONTRACT_PV), and its price per GPU-hour at the run-rate
 * shown (run-rate ÷ 12 ÷ GPUs ÷ 730 hours) from its "GPU count". "" where the register gives none.
 *
 * @example
 * // The seed at 8%: CONTRACT_PV = 5,539,137,544.34; 150,000,000 a month for 50,000 GPUs = $4.11 a GPU-hour.
 */
function registerAssumptions(deal: RegisterDeal, runRate: number): [number | string, number | string] {
  const pv = deal.discountRate === null ? "" : toNumber(presentValue(deal.terms, deal.discountRate));
  const perGpuHour = deal.gpuCount === null ? "" : runRate / MONTHS_A_YEAR / deal.gpuCount / HOURS_PER_MONTH;
  return [pv, perGpuHour];
}

export const BACKLOG_HEADER = ["Year", "Headline", "Committed", "Expected"];
export const PORTFOLIO_HEADER = ["Counterparty", "Headline", "Committed", "Exit date", "Run-rate", "Share of headline", "Present value", "Per GPU-hour"];
export const CONCENTRATION_HEADER = ["Measure", "Counterparty", "Amount", "Share"];
export const REGISTER_COLUMNS_HEADER = ["Column", "Header", "Reads as"];

/**
 * Backlog of a deal register by fiscal year: a header row (Year, Headline, Committed, Expected), then one row per fiscal year of the revenue for service in it (basis "revenue", the default: each period's amount straight line over its days) or of the payments due in it (basis "payments"). Spills.
 * @customfunction BACKLOG
 * @helpurl https://localhost:3000/help.html#backlog
 * @param register The register's range, header row included: one deal per row; columns such as Counterparty, Start date, End date, Payment, and optional terms.
 * @param [as_of_date] At the close of this day: count payments due after it, notice served the next day at the earliest. Default: every payment (the day before each deal's start).
 * @param [year_end_month] Month in which the fiscal year ends, 1 to 12. Default 12 (calendar years).
 * @param [basis] "revenue" (default: each period's amount straight line over its days of service) or "payments" (by payment date).
 * @returns The backlog as a spilled range; Year is the calendar year in which the fiscal year ends.
 */
export function backlog(register: any[][], as_of_date?: any, year_end_month?: any, basis?: any): any[][] {
  return excelCall(() => {
    const rows: any[][] = [[...BACKLOG_HEADER]];
    for (const y of portfolioBacklog(...readPortfolioArgs(register, as_of_date, year_end_month, basis ?? null))) {
      rows.push([y.year, toNumber(y.headline), toNumber(y.committed), toNumber(y.expected)]);
    }
    return rows;
  });
}

/**
 * Figures of each deal in a register: a header row (Counterparty, Headline, Committed, Exit date, Run-rate, Share of headline, Present value, Per GPU-hour), one row per deal and a total row. Present value is at the register's Discount rate (blank without one); Per GPU-hour is the run-rate per GPU-hour from its GPU count (blank without one). Spills.
 * @customfunction PORTFOLIO
 * @helpurl https://localhost:3000/help.html#portfolio
 * @param register The register's range, header row included: one deal per row; columns such as Counterparty, Start date, End date, Payment, and optional terms.
 * @param [as_of_date] At the close of this day: count payments due after it, notice served the next day at the earliest; run-rate in force on it. Default: every payment, run-rate at each deal's start.
 * @returns One row per deal and a total row; format Exit date as a date and Share of headline as a percentage.
 */
export function portfolio(register: any[][], as_of_date?: any): any[][] {
  return excelCall(() => {
    const figures = figuresOf(register, as_of_date);
    const rows: any[][] = [[...PORTFOLIO_HEADER]];
    figures.deals.forEach((d, i) => {
      const runRate = toNumber(d.runRate);
      const extra = registerAssumptions(figures.registerDeals[i], runRate);
      rows.push([d.counterparty, toNumber(d.headline), toNumber(d.committed), d.exitDate, runRate, d.shareOfHeadline, ...extra]);
    });
    rows.push([
      "Total",
      toNumber(figures.totalHeadline),
      toNumber(figures.totalCommitted),
      "",
      toNumber(figures.totalRunRate),
      figures.totalHeadline.isZero() ? 0 : 1,
      "", // present values at different rates and dates are not added
      "",
    ]);
    return rows;
  });
}

/**
 * Concentration of a deal register: the largest counterparty (names compared without case) by headline and by committed value, with its amount and share. Spills.
 * @customfunction CONCENTRATION
 * @helpurl https://localhost:3000/help.html#concentration
 * @param register The register's range, header row included: one deal per row; columns such as Counterparty, Start date, End date, Payment, and optional terms.
 * @param [as_of_date] At the close of this day: count payments due after it, notice served the next day at the earliest. Default: every payment (the day before each deal's start).
 * @returns A header row, then a Headline row and a Committed row: counterparty, amount, share.
 */
export function concentrationOf(register: any[][], as_of_date?: any): any[][] {
  return excelCall(() => {
    const { headline, committed } = figuresOf(register, as_of_date).concentration;
    return [
      [...CONCENTRATION_HEADER],
      ["Headline", headline.counterparty, toNumber(headline.amount), headline.share],
      ["Committed", committed.counterparty, toNumber(committed.amount), committed.share],
    ];
  });
}

const FIELD_LABELS = new Map(REGISTER_FIELDS.map((spec) => [spec.field, spec.label]));

/**
 * How a register's columns are read: one row per column (its number, header and the term it gives, or "ignored"), then the count of deals, of blank rows skipped, and of deals without termination terms (read as no early exit). Spills.
 * @customfunction REGISTER_COLUMNS
 * @helpurl https://localhost:3000/help.html#register_columns
 * @param register The register's range, header row included.
 * @returns A header row (Column, Header, Reads as), one row per column, then "Deals", "Blank rows skipped" and "No termination terms given" with their counts, and "Total rows skipped" with their rows when there are any.
 */
export function registerColumns(register: any[][]): any[][] {
  return excelCall(() => {
    const { mapping, counts, deals, skipped } = readRegisterArg(register);
    const rows: any[][] = [[...REGISTER_COLUMNS_HEADER]];
    const like = new Map(lookalikeColumns(mapping).map((l) => [l.column.index, l.like]));
    for (const c of mapping.columns) {
      const reads = c.field !== null ? FIELD_LABELS.get(c.field)! : like.has(c.index) ? `ignored: looks like the ${like.get(c.index)}` : "ignored";
      rows.push([c.index + 1, c.header, reads]);
    }
    rows.push(["Deals", counts.deals, ""]);
    rows.push(["Blank rows skipped", counts.blankRows, ""]);
    const withoutTerms = deals.filter((d) => !d.terminationGiven).length;
    rows.push(["No termination terms given", withoutTerms, withoutTerms === 0 ? "" : "no early exit: committed = headline"]);
    if (skipped.length > 0) rows.push(["Total rows skipped", skipped.length, `row${skipped.length === 1 ? "" : "s"} ${skipped.map((s) => s.row).join(", ")}`]);
    return rows;
  });
}
