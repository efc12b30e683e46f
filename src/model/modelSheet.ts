/**
 * The deal model sheet: a list of blocks placed by the layout (src/model/layout.ts).
 *
 * Inputs (blue, from the input declarations), the payment ramp, the fixed conventions, the Summary,
 * the Checks, the sources, the lease accounting (its maturity analysis, journal and DEAL checks), then the
 * value blocks (scenarios, SLA tiers, the scenario in use, the value bridge, every scenario's results, the
 * sensitivity grid), then the market (its term quotes and figures), stack down the left; the Schedule
 * runs down the right, one row per period, with the lease accounting's period columns, the value bridge
 * per period, the notice months, the market per period and per notice month, and the market curve beside it.
 * Formulas use functions that compute identically in Excel 2016+ and LibreOffice (EDATE, INDEX, MATCH,
 * COUNTIF, COUNTIFS, SUMIF, SUMPRODUCT, ROUND, SUM, MIN/MAX, IF, NOT, ISNUMBER, IFERROR, YEAR/MONTH, INT,
 * ROW/ROWS, COLUMN, MOD, N, SMALL, and XIRR for the provider's IRR) — no
 * LET, LAMBDA, XLOOKUP, SEQUENCE or other dynamic-array-only functions — and refer to other blocks by
 * sheet-scoped names, so each figure reads like its definition.
 */
import { countPeriods, marketAssumptions, MONTHS_PER_PERIOD, validateTerms } from "../core";
import { Block, layoutSheet, NamesOf } from "./layout";
import { checkSheetName, PlanChart, SheetPlan } from "./plan";
import { DealTemplate } from "./templates";
import { leaseTermPeriods, lenderGiven, lifeRows, marketCurveRows, marketGiven, noticeMonthRows, providerContractPeriods, providerGiven } from "./printRows";
import { ModelContext } from "./blocks/context";
import { answerBlock } from "./blocks/answer";
import { inputsBlock, rampBlock } from "./blocks/inputs";
import { conventionsBlock } from "./blocks/conventions";
import { summaryBlock } from "./blocks/summary";
import { checksBlock } from "./blocks/checks";
import { notesBlock } from "./blocks/notes";
import { scheduleBlock } from "./blocks/schedule";
import { accountingBlock, accountingChecksBlock, journalBlock, maturityBlock } from "./blocks/accounting";
import { bridgeSeriesBlock, CHART_COLUMNS, noticeMonthsBlock, slaTiersBlock, valueBridgeBlock } from "./blocks/valueBridge";
import { scenarioResultsBlock, scenariosBlock, scenarioUsedBlock } from "./blocks/scenarios";
import { sensitivityBlock } from "./blocks/sensitivity";
import { providerBlock } from "./blocks/provider";
import { capacityBlock, ebitdaByYearBlock, economicsBlock, providerChecksBlock, providerIrrArgsBlock, providerSeriesBlock } from "./blocks/economics";
import { lenderBlock, lenderSeriesBlock } from "./blocks/lender";
import { MARKET_CHART_COLUMNS, marketBlock, marketBreakevenBlock, marketCurveBlock, marketQuotesBlock, marketSeriesBlock } from "./blocks/market";

export { FORMATS, NO_ADDIN } from "./blocks/context";
export type { ModelContext } from "./blocks/context";
export { RAMP_ROWS } from "./blocks/inputs";
export { CHECKED } from "./blocks/checks";
export { ACCOUNTING_CHECKED } from "./blocks/accounting";

/** Extra schedule rows beyond the term, so the end date can move later without re-inserting. */
export const SCHEDULE_MARGIN = 36;

/** The blocks of the deal model, in order. */
export function modelBlocks(ctx: ModelContext) {
  const print = printRowsOf(ctx);
  return [
    // First, so that the sheet opens on the answer: the key figures, each referring to its source by name.
    answerBlock(),
    inputsBlock(ctx),
    rampBlock(ctx),
    conventionsBlock(),
    summaryBlock(),
    // The DEAL checks' "Agree?" column lies past the page: it does not print on a page of its own.
    { ...checksBlock(ctx), printsBeyond: false },
    notesBlock(ctx),
    scheduleBlock(),
    // The lease columns print down to the lease term's last period (blank below it), the contract's to the term's.
    accountingBlock(print.leaseTerm),
    maturityBlock(),
    journalBlock(),
    { ...accountingChecksBlock(ctx), printsBeyond: false },
    // The provider's books (lessor or ASC 606) and the lessee's remeasurement on notice.
    // The lessor's columns print down to the lease term's last period, the ASC 606 columns to the contract term's.
    providerBlock({ lease: print.leaseTerm, contract: print.providerContract, bands: print.rpoBands, notice: print.noticeServed }),
    // The value bridge: scenarios and tiers (inputs), the scenario in use, the bridge, the
    // results of every scenario, the sensitivity grid; per period beside the Schedule, and per notice month.
    scenariosBlock(ctx),
    slaTiersBlock(ctx),
    scenarioUsedBlock(),
    valueBridgeBlock(ctx),
    scenarioResultsBlock(),
    sensitivityBlock(ctx),
    // The market: the term quotes and the figures; the curve and the per-period columns beside the
    // Schedule, the break-even prices beside the notice months.
    // The quotes' forward column prints when quotes are given.
    { ...marketQuotesBlock(ctx), printsBeyond: print.quotes },
    marketBlock(ctx),
    bridgeSeriesBlock(),
    // Its rows are months, not periods: they print down to the last month a notice can be served in.
    { ...noticeMonthsBlock(), printRows: print.noticeMonths },
    // The market's columns print when its figures are computed (a GPU count and a curve), the curve down to its last point.
    { ...marketSeriesBlock(), printRows: print.market ? ctx.periods : 0 },
    { ...marketBreakevenBlock(), printRows: print.market ? print.noticeMonths : 0 },
    { ...marketCurveBlock(), printRows: print.curve },
    // The provider's economics and the lender's view (issue 18): capacity, capex, costs, returns per case,
    // debt capacity; per period beside the Schedule (row 0: the capex and the drawdown).
    capacityBlock(),
    economicsBlock(),
    // Its columns past the first page print when the provider's assumptions are given ("not given" otherwise).
    { ...ebitdaByYearBlock(), printsBeyond: print.provider },
    lenderBlock(),
    // Checks with the add-in, and the function's assumptions range: their columns past the page do not print alone.
    { ...providerChecksBlock(ctx), printsBeyond: false },
    { ...providerIrrArgsBlock(), printsBeyond: false },
    // Their rows are the useful life's months: they print down to its residual, when the assumptions are given.
    { ...providerSeriesBlock(), printRows: print.provider ? ctx.lifeRows : 0 },
    { ...lenderSeriesBlock(), printRows: print.lender ? ctx.lifeRows : 0 },
  ] as const;
}

/** Every name the deal model defines: a known identifier, checked by the compiler. */
export type ModelName = NamesOf<ReturnType<typeof modelBlocks>[number]>;

/**
 * Rows of data of the per-period blocks for the deal as written (src/model/printRows.ts): where their
 * print areas end. Hints fixed at write time, from the core's reading of the inputs.
 */
function printRowsOf(ctx: ModelContext) {
  const { deal, terms } = ctx;
  return {
    leaseTerm: leaseTermPeriods(deal, terms),
    providerContract: providerContractPeriods(deal, terms),
    // The timing bands after 12, 24 and 36 months hold revenue only if the contract term's periods run past them.
    rpoBands: [12, 24, 36].filter((n) => providerContractPeriods(deal, terms) * MONTHS_PER_PERIOD[terms.frequency] > n).length,
    noticeServed: (deal.accounting?.noticeServedOn ?? null) !== null,
    noticeMonths: noticeMonthRows(terms),
    market: marketGiven(deal, terms),
    curve: marketCurveRows(deal, terms),
    quotes: marketAssumptions(deal).termQuotes.length > 0,
    provider: providerGiven(deal),
    lender: lenderGiven(deal),
  };
}

/** The context every block is built from; the terms are validated first. */
export function modelContext(deal: DealTemplate): ModelContext {
  const terms = validateTerms(deal.terms); // throws on bad terms, before anything is planned
  const periods = countPeriods(terms.startDate, terms.endDate, MONTHS_PER_PERIOD[terms.frequency], terms.dateSystem);
  // The notice months share the period rows: a term of quarters or years has more months than periods.
  const months = countPeriods(terms.startDate, terms.endDate, 1, terms.dateSystem);
  // The provider's monthly grid runs over the hardware's useful life (row 0 the capex, then each month,
  // then the residual), which may outlast the term.
  const rows = lifeRows(deal);
  return { deal, terms, seriesRows: Math.max(periods, months, rows) + SCHEDULE_MARGIN, periods, months, lifeRows: rows };
}

/**
 * Builds the model plan of a deal; `extra` blocks go after the model's own.
 *
 * @example
 * buildModelPlan(REFLECTION_SPACEX).refs.TotalValue // an absolute reference such as "$B$57"
 */
export function buildModelPlan<E extends Block<string> = never>(
  deal: DealTemplate,
  sheetName: string = deal.sheetName,
  extra: (ctx: ModelContext) => readonly E[] = () => [],
): SheetPlan<ModelName | NamesOf<E>> {
  const ctx = modelContext(deal);
  checkSheetName(sheetName);
  const blocks: readonly Block<string>[] = [...modelBlocks(ctx), ...extra(ctx)];
  const plan = layoutSheet(blocks, {
    sheetName,
    title: `Deal model — ${deal.title}`,
    subtitle: "Built by Deal Modeler. Blue cells are inputs; every other figure is a native Excel formula and follows them.",
    seriesRows: ctx.seriesRows,
    // The rows past the term (kept for a later end date) do not print.
    seriesPrintRows: ctx.periods,
  }) as SheetPlan<ModelName | NamesOf<E>>;
  const periods = countPeriods(ctx.terms.startDate, ctx.terms.endDate, MONTHS_PER_PERIOD[ctx.terms.frequency], ctx.terms.dateSystem);
  return {
    ...plan,
    charts: [
      lineChart(plan, periods, CHART_COLUMNS, 0, "ValueBridgeChart", "Cumulative payments: headline, committed and expected"),
      lineChart(plan, periods, MARKET_CHART_COLUMNS, 1, "MarketChart", "Price per GPU-hour: the contract against the market curve"),
    ],
  };
}

/** Rows a chart takes below the left blocks. */
const CHART_ROWS = 22;

/**
 * A line chart over adjacent per-period columns with their headers, the periods' start dates as the x
 * axis, placed below the blocks on the left (the `slot`-th chart there, from 0). It covers the term as
 * inserted: rows laid out beyond it (for a later end date) are blank and left out. The value chart
 * draws the cumulative headline, committed and expected payments; the market chart the contract's
 * price per GPU-hour against the market's.
 */
function lineChart(
  plan: Pick<SheetPlan<ModelName>, "refs" | "print">,
  periods: number,
  columns: readonly ModelName[],
  slot: number,
  name: string,
  title: string,
): PlanChart {
  const cell = (ref: string) => /^\$?([A-Z]+)\$?(\d+)/.exec(ref)!;
  const [, firstColumn, firstRow] = cell(plan.refs[columns[0]]);
  const [, lastColumn] = cell(plan.refs[columns[columns.length - 1]]);
  const [, startColumn] = cell(plan.refs.ScheduleStart);
  const top = Number(firstRow);
  const bottom = top + periods - 1;
  const leftLast = Number(/(\d+)$/.exec(plan.print!.areas[0])![1]);
  const first = leftLast + 2 + slot * (CHART_ROWS + 1);
  return {
    name,
    title,
    type: "line",
    source: `${firstColumn}${top - 1}:${lastColumn}${bottom}`,
    categories: `${startColumn}${top}:${startColumn}${bottom}`,
    from: `A${first}`,
    to: `C${first + CHART_ROWS - 1}`,
  };
}
