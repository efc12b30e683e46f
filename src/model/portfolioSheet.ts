/**
 * The Portfolio sheet: a deal register's figures in native formulas that refer to the register
 * (the user's table, or the register sheet `npm run model -- --register` writes), so that editing a
 * deal — or adding one below the table, within the rows the formulas read — flows through on
 * recalculation without the add-in. The same blocks, layout and plan as the deal model; two writers
 * apply it (exceljs, Office.js).
 *
 * What the formulas model: every register row with a fixed payment (monthly, quarterly, semi-annual
 * or annual; escalation; advance or arrears; full or actual-days proration; lock-in by months or to a
 * fixed day; notice days, notice in lock-in, a notice date; a termination fee; a one-step ramp), with
 * payments counted after the close of the as-of day of its input (blank: every payment, DEAL.BACKLOG's
 * default as_of_date), notice served the next day at the earliest. A row with a ramp of
 * several steps is not modelled: its Status says so and a check flags it (DEAL.PORTFOLIO reads it);
 * no number is guessed. Expected is native too (blocks/portfolio.ts, "Expected, in native formulas"),
 * except on a row with actual-days proration and exits, which says it needs the add-in (the year
 * totals then come from DEAL.BACKLOG).
 */
import { ContractTerms, fiscalYear, lookalikeColumns, Register, REGISTER_FIELDS, RegisterDeal } from "../core";
import { Block, layoutSheet } from "./layout";
import { checkSheetName, SheetPlan } from "./plan";
import { FORMATS } from "./blocks/context";
import {
  backlogBlock,
  concentrationBlock,
  contractYearsBlock,
  dealCalcBlock,
  dealFiguresBlock,
  dealExpectedBlock,
  dealTermsBlock,
  EXPECTED_HELPER_CELLS,
  expectedGridBlock,
  expectedHelperBlocks,
  expectedHelperColumns,
  ExpectedHelpers,
  fiscalYearsBlock,
  PortfolioContext,
  portfolioChecksBlock,
  registerColumnsBlock,
  portfolioSummaryBlock,
  RegisterSource,
  registerWordsBlock,
  revenueBacklogBlock,
  yearGridBlock,
  yearPartBlock,
  yearRunBlock,
} from "./blocks/portfolio";

export type { ExpectedHelpers, RegisterSource } from "./blocks/portfolio";
export { CHECK_OK, EXPECTED_ADDIN_NOTES, EXPECTED_BY_HAND, EXPECTED_HELPER_CELLS, expectedHelperColumns, RAMP_STEPS_STATUS, STATUS_OK, registerColumnRange, registerRange } from "./blocks/portfolio";

/** Rows below the register's last row that the formulas read too: room to add deals. */
export const REGISTER_ROOM = 200;
/** Fiscal-year columns after the last year any deal pays in: room to extend a deal. */
export const YEAR_ROOM = 3;
/** Contract years the per-deal totals sum over beyond the longest deal. */
const CONTRACT_YEAR_ROOM = 10;

/**
 * Whether the native formulas model a deal: a fixed payment, or a ramp of one step before the payment
 * (a register's "46000000 until 2026-09-30"); not a ramp of several steps.
 */
export function isModelled(terms: ContractTerms): boolean {
  return terms.dateSystem === "1900" && (terms.payment.kind === "fixed" || terms.payment.steps.length <= 2);
}

export interface PortfolioPlanOptions {
  readonly sheetName?: string;
  readonly yearEndMonth?: number;
  /** False when the columns were mapped by hand (DEAL.BACKLOG would not read them so): Expected is then n/a. */
  readonly expectedFromFunctions?: boolean;
  /** The as-of day the sheet's input holds (the close of that day); default blank: every payment. */
  readonly asOf?: number | null;
  /** The helpers of the weighted Expected; default {@link expectedHelpersFor} the register. */
  readonly expectedHelpers?: ExpectedHelpers;
}

/** The context: year columns and contract years sized to the register's deals, with room. */
export function portfolioContext(
  source: RegisterSource,
  deals: readonly RegisterDeal[],
  yearEndMonth = 12,
  expectedFromFunctions = true,
  asOf: number | null = null,
): PortfolioContext {
  let firstYear = Infinity;
  let lastYear = -Infinity;
  let longest = 0;
  for (const { terms } of deals) {
    firstYear = Math.min(firstYear, fiscalYear(terms.startDate, yearEndMonth));
    lastYear = Math.max(lastYear, fiscalYear(terms.endDate + 1, yearEndMonth));
    longest = Math.max(longest, Math.ceil((terms.endDate - terms.startDate + 1) / 365));
  }
  if (!Number.isFinite(firstYear)) {
    const thisYear = new Date().getUTCFullYear();
    firstYear = thisYear;
    lastYear = thisYear;
  }
  lastYear += YEAR_ROOM;
  const expectedHelpers = expectedHelpersFor(deals, source.rows, lastYear - firstYear + 1);
  return { source, firstYear, lastYear, contractYears: Math.max(40, longest + CONTRACT_YEAR_ROOM), yearEndMonth, expectedFromFunctions, asOf, expectedHelpers };
}

/**
 * The helpers the sheet's weighted Expected is written with: the actual-days exits' too when a deal of
 * the register has actual-days proration and may exit (0 < p < 1, no notice date given); none when
 * they would take more than {@link EXPECTED_HELPER_CELLS} cells (`rows` deal rows × `years` fiscal years).
 *
 * @example
 * expectedHelpersFor(sampleDeals, 206, 10) // "all": Northwind has actual-days proration and p = 10%
 */
export function expectedHelpersFor(deals: readonly RegisterDeal[], rows: number, years: number): ExpectedHelpers {
  const cuts = deals.some(
    (d) => isModelled(d.terms) && d.terms.proration === "actual" && d.exitProbability > 0 && d.exitProbability < 1 && d.terms.termination.noticeDate === null,
  );
  const helpers: ExpectedHelpers = cuts ? "all" : "full";
  return rows * years * expectedHelperColumns(helpers) <= EXPECTED_HELPER_CELLS ? helpers : "none";
}

export function portfolioBlocks(ctx: PortfolioContext) {
  const years = Array.from({ length: ctx.lastYear - ctx.firstYear + 1 }, (_, i) => ctx.firstYear + i);
  return [
    portfolioSummaryBlock(ctx),
    backlogBlock(ctx, years),
    revenueBacklogBlock(ctx, years),
    concentrationBlock(),
    portfolioChecksBlock(),
    registerColumnsBlock(ctx),
    fiscalYearsBlock(years),
    registerWordsBlock(),
    contractYearsBlock(ctx),
    dealFiguresBlock(ctx, years),
    yearGridBlock("H", years),
    yearGridBlock("C", years),
    expectedGridBlock(years, ctx.expectedHelpers),
    dealTermsBlock(ctx),
    dealCalcBlock(),
    dealExpectedBlock(ctx.expectedHelpers),
    // Helpers of the year columns: the run of periods paying in each fiscal year, and its payments.
    // They are on the sheet to audit the year columns, not to read on paper: they do not print.
    ...[
      yearRunBlock("FirstPaidFY", years),
      yearRunBlock("LastPaidFY", years),
      yearRunBlock("ContractYearFY", years),
      yearPartBlock("H", "Regular", years),
      yearPartBlock("H", "Ramp", years),
      yearPartBlock("C", "Regular", years),
      yearPartBlock("C", "Ramp", years),
    ].map((block) => ({ ...block, printRows: 0 })),
    // Helpers of Expected: the exits by each year's end (the fee's weights), per year the periods
    // paying in it, and (actual-days proration) the exit dates whose cut pays in it.
    ...expectedHelperBlocks(ctx.expectedHelpers, years),
  ];
}

/**
 * The Portfolio sheet's plan for a register at `source`, whose deals (read by the core, so every row
 * is valid) size the year columns.
 *
 * @example
 * buildPortfolioPlan(source, register).refs.TotalHeadline // e.g. "$B$8"
 */
export function buildPortfolioPlan(source: RegisterSource, register: Pick<Register, "deals" | "counts">, options: PortfolioPlanOptions = {}): SheetPlan {
  const sheetName = options.sheetName ?? "Portfolio";
  checkSheetName(sheetName);
  const context = portfolioContext(source, register.deals, options.yearEndMonth ?? 12, options.expectedFromFunctions ?? true, options.asOf ?? null);
  const ctx = options.expectedHelpers === undefined ? context : { ...context, expectedHelpers: options.expectedHelpers };
  const blocks: readonly Block<string>[] = portfolioBlocks(ctx);
  const notModelled = register.deals.filter((d) => !isModelled(d.terms)).length;
  return layoutSheet(blocks, {
    sheetName,
    title: `Portfolio — ${register.counts.deals} deal${register.counts.deals === 1 ? "" : "s"} from ${source.sheetName}`,
    subtitle:
      `Built by Deal Modeler. Every figure is a native formula over rows ${source.headerRow + 1}–${source.headerRow + source.rows} of '${source.sheetName}'` +
      (notModelled > 0 ? `; ${notModelled} row${notModelled === 1 ? "" : "s"} with a ramp of several steps not modelled (see Status).` : "."),
    seriesRows: source.rows,
    // The rows kept below the register for deals added later read blank rows: they do not print.
    seriesPrintRows: Math.max(0, source.rows - REGISTER_ROOM),
  });
}

/**
 * Where a register is, from its column mapping: a register whose header row is sheet row `headerRow`
 * and first column is sheet column `firstColumn` (0-based), with `dataRows` rows below the header; the
 * formulas read {@link REGISTER_ROOM} more rows.
 */
export function registerSource(
  sheetName: string,
  mapping: Register["mapping"],
  dataRows: number,
  headerRow = 1,
  firstColumn = 0,
): RegisterSource {
  const columns: Partial<Record<keyof typeof mapping.fields, number>> = {};
  for (const [field, index] of Object.entries(mapping.fields)) columns[field as keyof typeof mapping.fields] = firstColumn + (index as number);
  const like = new Map(lookalikeColumns(mapping).map((l) => [l.column.index, l.like]));
  const labels = new Map(REGISTER_FIELDS.map((f) => [f.field, f.label]));
  const read = mapping.columns.map((c) => ({
    header: c.header === "" ? "(no header)" : c.header.length > 40 ? c.header.slice(0, 40) + "…" : c.header,
    reads: c.field === null ? "ignored" : labels.get(c.field)!,
    lookalike: like.get(c.index) ?? null,
  }));
  return { sheetName, headerRow, columns, firstColumn, lastColumn: firstColumn + mapping.columns.length - 1, rows: dataRows + REGISTER_ROOM, read };
}

/**
 * The number format of each register column as the register sheet shows it, from the field the
 * column gives: dates as dates, amounts with thousands separators and cents, rates as percentages,
 * months and days as whole numbers; undefined for text, words and ignored columns.
 *
 * @example
 * registerColumnFormats(mapping) // ["yyyy-mm-dd", "#,##0.00", …] for "Start date", "Payment", …
 */
export function registerColumnFormats(mapping: Register["mapping"]): (string | undefined)[] {
  const kinds = new Map(REGISTER_FIELDS.map((f) => [f.field, f.decl.kind]));
  return mapping.columns.map((c) => {
    switch (c.field === null ? undefined : kinds.get(c.field)) {
      case "date":
      case "optionalDate":
        return FORMATS.date;
      case "amount":
        return FORMATS.money;
      case "rate":
        return FORMATS.percent;
      case "whole":
      case "count":
        return FORMATS.count;
      default:
        return undefined;
    }
  });
}
