/**
 * What every block of the deal model is built from, and the number formats they share.
 */
import { ContractTerms } from "../../core";
import { DealTemplate } from "../templates";
import { ListRow } from "../layout";

export interface ModelContext {
  /** The deal: a template after any overrides. */
  readonly deal: DealTemplate;
  /** Its terms, validated: a model is only ever built from terms the core accepts. */
  readonly terms: ContractTerms;
  /** Rows of every per-period block: the term's periods plus a margin, so the end can move later. */
  readonly seriesRows: number;
  /** The term's periods and months: the rows of data that print (the margin below them does not). */
  readonly periods?: number;
  readonly months?: number;
  /** Rows of the provider's monthly grid (its useful life's months, the capex row and the residual's), 0 without a life. */
  readonly lifeRows?: number;
}

export const FORMATS = {
  date: "yyyy-mm-dd",
  money: "#,##0.00",
  percent: "0.00%",
  integer: "0",
  count: "#,##0",
  decimal: "#,##0.0",
  rate: "0.0000",
  factor: "0.000000",
} as const;

/** What a DEAL check shows when the add-in is not loaded (the file opened elsewhere). */
export const NO_ADDIN = "add-in not loaded";

/**
 * A calculated figure: its label, one formula (a named output), and how it is computed, in plain words.
 *
 * @example
 * figureRow("TotalValue", "Total contract value", "SUM(SchedulePayment)", FORMATS.money, "sum of scheduled payments")
 */
export function figureRow<N extends string>(name: N, label: string, formula: string, numberFormat: string | undefined, how: string): ListRow<N> {
  return {
    label,
    cells: [{ formula, numberFormat, style: "output" }, { value: how, style: "note" }],
    names: [{ name, cell: 0 }],
  };
}
