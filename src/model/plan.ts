import { valueError } from "../core";

/**
 * A sheet plan: a host-independent description of a model sheet — cell contents, formulas, number
 * formats, styles, sheet-scoped names and column widths. Two writers apply it: exceljs for the .xlsx
 * export and Office.js for the task pane.
 */

export type CellStyle =
  | "title"
  | "subtitle"
  | "section"
  | "label"
  | "input"
  | "output"
  | "header"
  /** A header over a column of numbers or dates: right-aligned like them. */
  | "numberHeader"
  | "note"
  | "check"
  /** A fixed convention the formulas use (months in a year, days in a year): shown, not an input. */
  | "constant";

export interface PlanCell {
  /** A constant: text stays text (never run as a formula), numbers and booleans as such. */
  readonly value?: string | number | boolean | null;
  /** A formula, without the leading "=". */
  readonly formula?: string;
  /** The value is a date serial in the 1900 system; writers convert it for 1904 workbooks. */
  readonly isDate?: boolean;
  readonly numberFormat?: string;
  readonly style?: CellStyle;
}

export interface PlanName<N extends string = string> {
  readonly name: N;
  /** An absolute A1 reference on the plan's sheet, such as "$B$9" or "$B$29:$C$36". */
  readonly ref: string;
  readonly comment?: string;
}

/**
 * @typeParam N the sheet's defined names: a plan built from known blocks is typed by the union of
 * their names, so `plan.refs.TotalValue` is checked by the compiler and a misspelt name is not.
 */
export interface SheetPlan<N extends string = string> {
  readonly sheetName: string;
  /** Rectangular: every row has `columnWidths.length` cells. Row 0 is sheet row 1. */
  readonly cells: readonly (readonly PlanCell[])[];
  readonly names: readonly PlanName<N>[];
  /** Where each defined name points (an absolute A1 reference), for tests and the pane's result. */
  readonly refs: Readonly<Record<N, string>>;
  /** Column widths in characters of the default font (Excel's column-width unit), from column A. */
  readonly columnWidths: readonly number[];
  /** Rows 1..freezeRows stay in view when scrolling (the schedule's header is the last of them). */
  readonly freezeRows?: number;
  readonly print?: PrintSetup;
  /** Charts the task pane inserts (Office.js); an .xlsx export carries their source columns only. */
  readonly charts?: readonly PlanChart[];
}

/**
 * A line chart over adjacent columns of the sheet: each column of `source` is a series, named by the
 * text in its first row (the header) and drawn over the rows below it.
 */
export interface PlanChart {
  /** The chart's name in the workbook, e.g. "ValueBridgeChart". */
  readonly name: string;
  readonly title: string;
  readonly type: "line";
  /** Header row and values, e.g. "AB4:AD46". */
  readonly source: string;
  /** The x axis labels: one column, the rows of the values without the header, e.g. "H5:H46". */
  readonly categories: string;
  /** The cells it covers: top-left and bottom-right, e.g. "A150" and "D175". */
  readonly from: string;
  readonly to: string;
}

export interface PrintSetup {
  readonly orientation: "landscape" | "portrait";
  /** Fit to this many pages wide (pages tall unlimited). */
  readonly fitToPagesWide: number;
  /** Rows repeated at the top of every printed page, e.g. "$1:$4". */
  readonly titleRows: string;
  /** Print areas, each printed on its own pages, e.g. ["A1:D80", "F1:Q120"]. */
  readonly areas: readonly string[];
}

/**
 * Excel's rules for a sheet name: 1–31 characters, none of : \ / ? * [ ], not starting or ending with
 * an apostrophe, and not "History" (reserved).
 */
export function checkSheetName(name: string): void {
  if (typeof name !== "string" || name.trim() === "") throw valueError("The sheet name is empty.");
  if (name.length > 31) throw valueError(`The sheet name "${name.slice(0, 40)}${name.length > 40 ? "…" : ""}" is longer than Excel's 31 characters.`);
  if (/[:\\/?*[\]]/.test(name)) throw valueError(`The sheet name "${name}" contains one of : \\ / ? * [ ].`);
  if (name.startsWith("'") || name.endsWith("'")) throw valueError("A sheet name cannot start or end with an apostrophe.");
  if (name.toLowerCase() === "history") throw valueError('"History" is reserved by Excel.');
}

/** Column letter of a 0-based index: 0 → "A", 27 → "AB". */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The plan's grid as a writer needs it: formulas as "=…", constants as values. */
export function formulaGrid(plan: SheetPlan, dateOffset = 0): (string | number | boolean)[][] {
  return plan.cells.map((row) =>
    row.map((cell) => {
      if (cell.formula !== undefined) return `=${cell.formula}`;
      if (cell.value === null || cell.value === undefined) return "";
      if (cell.isDate && typeof cell.value === "number") return cell.value - dateOffset;
      return cell.value;
    }),
  );
}

/** Number formats of every cell ("General" where none is set). */
export function numberFormatGrid(plan: SheetPlan): string[][] {
  return plan.cells.map((row) => row.map((cell) => cell.numberFormat ?? "General"));
}

/**
 * Excel's column width conversion for its default font, Calibri 11, whose widest digit is 7 pixels.
 * A column `characters` wide (the width Excel's Column Width box shows, and the plan's unit) has
 * 5 pixels of padding besides: Excel stores it in the file as trunc((7w + 5) / 7 × 256) / 256
 * characters and draws it 7w + 5 pixels wide, which is (7w + 5) × 0.75 points at 96 dpi —
 * the unit of Office.js's `format.columnWidth`.
 *
 * @example
 * columnWidth(12) // { stored: 12.7109375, pixels: 89, points: 66.75 }
 * // stored: trunc(89 / 7 × 256) / 256 = trunc(3254.86) / 256 = 3254 / 256 = 12.7109375 (what an .xlsx holds)
 */
export function columnWidth(characters: number): { stored: number; pixels: number; points: number } {
  const pixels = Math.round(characters * 7 + 5);
  return { stored: Math.trunc((pixels / 7) * 256) / 256, pixels, points: pixels * 0.75 };
}
