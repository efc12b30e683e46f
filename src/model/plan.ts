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
  /** Text wraps within the cell (a long label in the narrow label column); its row is given a height. */
  readonly wrap?: boolean;
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
  /** Heights in points of the rows that need more than one line (wrapped labels), by sheet row (1-based). */
  readonly rowHeights?: Readonly<Record<number, number>>;
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
  /**
   * Printed at this percentage of full size, one scale for the sheet (Excel and LibreOffice keep one
   * per sheet): at it every print area is at most one page wide (see {@link PAGE}), and it is never
   * below {@link MIN_PRINT_SCALE}.
   */
  readonly scale: number;
  /** Rows repeated at the top of every printed page, e.g. "$1:$4". */
  readonly titleRows: string;
  /** Print areas, each printed on its own pages, e.g. ["A1:D80", "F1:Q120"]; each ends at its last row of data. */
  readonly areas: readonly string[];
}

/** No sheet prints below this percentage: about 6.6 pt for an 11 pt font. */
export const MIN_PRINT_SCALE = 60;

/**
 * The printable page the print setup is sized for, in points: the narrower of US Letter and A4 in
 * landscape (Letter, 11 in wide; A4 is 11.69 in) less the margins the writers set, and the shorter
 * (A4, 8.27 in), so a plan prints alike on either paper.
 */
export const PAGE = {
  /** Margins in inches, as Excel's page setup takes them. */
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  /**
   * 11 in − 2 × 0.5 in = 10 in = 720 pt, less 20 pt for the rounding of column widths a reader
   * applies (LibreOffice's twips): a zone sized to the point would spill a sliver onto a second page.
   */
  width: 700,
  /** 8.27 in − 2 × 0.6 in = 7.07 in ≈ 509 pt. */
  height: 509,
  /**
   * How much wider than Excel a reader without Calibri draws a column: LibreOffice sizes a column by
   * its fallback font's digit (DejaVu Sans, 7 pt at 11 pt, against Calibri's 7 px = 5.25 pt), 4/3
   * as wide (measured: a 40-character column is 285 pt there, 213.75 pt in Excel). Print areas are
   * sized for the wider, so a page never spills a sliver of columns onto another in either.
   */
  widest: 4 / 3,
} as const;

/** The font every styled cell is written in, and the one column widths are measured for. */
export const FONT = { name: "Calibri", size: 11, family: 2 } as const;

/** Points a row of one line of the 11 pt font takes (Excel's default row height). */
export const LINE_HEIGHT = 15;

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

/** Columns `from`–`to` (0-based) from `firstRow` (1 when not given) down to `lastRow`: a zone or a block to print. */
export interface PrintPart {
  readonly from: number;
  readonly to: number;
  readonly firstRow?: number;
  readonly lastRow: number;
}

/**
 * The sheet's print scale: the largest, up to 100%, at which the widest of `whole` (the parts that
 * should print one page wide, such as the left zone of label rows) fits {@link PAGE}'s width, and
 * never below {@link MIN_PRINT_SCALE}.
 *
 * @example
 * printScale([40, 19, 30], [{ from: 0, to: 2, lastRow: 60 }]) // 100
 * // widths in points: (7 × 40 + 5) × 0.75 = 213.75, (7 × 19 + 5) × 0.75 = 103.5, (7 × 30 + 5) × 0.75 = 161.25;
 * // 478.5 pt, × 4/3 = 638 pt in the widest reader, fits 700 pt at 100%
 */
export function printScale(columnWidths: readonly number[], whole: readonly PrintPart[]): number {
  let widest = 0;
  for (const { from, to } of whole) widest = Math.max(widest, partWidth(columnWidths, from, to));
  const fits = widest === 0 ? 100 : Math.floor((100 * PAGE.width) / widest);
  return Math.max(MIN_PRINT_SCALE, Math.min(100, fits));
}

/** Points columns `from`–`to` take at 100% in the widest reader ({@link PAGE}.widest). */
export function partWidth(columnWidths: readonly number[], from: number, to: number): number {
  let points = 0;
  for (let c = from; c <= to; c++) points += printedWidth(columnWidths[c]);
  return points;
}

/** Points a column takes at 100% in the widest reader. */
export const printedWidth = (characters: number): number => columnWidth(characters).points * PAGE.widest;

/**
 * Print areas at `scale`: each part split, between columns, into as few areas at most one page wide
 * as it needs, of even widths (no page of a lone column when two balanced ones do), each from the
 * part's first row (the title rows repeat above it anyway) down to its last row; a part with no row
 * of data below the title rows (`lastRow <= titleRows`) prints nothing.
 *
 * @example
 * printAreas([20, 20, 20, 20, 20, 20, 20, 20], [{ from: 0, to: 7, lastRow: 30 }], 100, 4)
 * // ["A1:D30", "E1:H30"]: a 20-character column is (7 × 20 + 5) × 0.75 × 4/3 = 145 pt; all eight
 * // are 1,160 pt, over 700 pt: two pages, of four columns (580 pt) each
 */
export function printAreas(columnWidths: readonly number[], parts: readonly PrintPart[], scale: number, titleRows: number): string[] {
  const room = (PAGE.width * 100) / scale;
  const areas: string[] = [];
  for (const { from, to, firstRow = 1, lastRow } of parts) {
    if (lastRow <= titleRows || lastRow < firstRow) continue;
    const points = Array.from({ length: to - from + 1 }, (_, i) => printedWidth(columnWidths[from + i]));
    const pages = splitColumns(points, room).length;
    // The narrowest page width that still needs no more pages: even pages.
    let even = Math.max(...points, partWidth(columnWidths, from, to) / pages);
    while (splitColumns(points, even).length > pages) even += 1;
    for (const [first, last] of splitColumns(points, Math.min(even, room))) {
      areas.push(`${columnLetter(from + first)}${firstRow}:${columnLetter(from + last)}${lastRow}`);
    }
  }
  return areas;
}

/** Greedy runs of columns (first and last index) each at most `room` points wide (a wider column alone). */
function splitColumns(points: readonly number[], room: number): [number, number][] {
  const runs: [number, number][] = [];
  let start = 0;
  let used = 0;
  points.forEach((w, i) => {
    if (i > start && used + w > room) {
      runs.push([start, i - 1]);
      start = i;
      used = 0;
    }
    used += w;
  });
  if (points.length > 0) runs.push([start, points.length - 1]);
  return runs;
}
