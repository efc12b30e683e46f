/**
 * The Office.js writer: applies a model plan to the open workbook as a new sheet.
 *
 * Guarantees:
 * - at most 3 `context.sync()` round trips, whatever the term: one to read the sheet names and the
 *   date system, one to write everything, and — only on failure — one to remove what was created;
 * - values, formulas and number formats go as whole 2-D arrays; names are scoped to the new sheet;
 *   calculation and screen updating are suspended during the write where the host supports it;
 * - frozen header rows (ExcelApi 1.7) and print setup (ExcelApi 1.9: scale, margins, title rows,
 *   areas with the charts' cells among them) go in the same write, and are skipped silently on a host
 *   without them;
 * - the sheet opens on its answer: activated, A1 selected; every styled cell in the plan's font;
 * - the plan's charts (ExcelApi 1.1) go in the same write too; their x-axis labels need ExcelApi 1.7
 *   and are left to Excel's defaults (1, 2, 3, …) on an older host;
 * - a plan Excel would refuse (a bad sheet or defined name) is refused before the workbook is touched;
 * - nothing outside the new sheet is touched; an existing sheet name gets " (2)", " (3)", …;
 * - text is written as text (a leading apostrophe), never run as a formula;
 * - dates are right in workbooks on the 1904 date system.
 */
import { DAYS_1900_TO_1904 } from "../core";
import { CellStyle, checkSheetName, columnLetter, columnWidth, FONT, formulaGrid, numberFormatGrid, PAGE, SheetPlan } from "../model/plan";

export { columnWidth };
import { STYLES } from "../model/styles";

/** The host's entry points: `Excel.run` and the requirement-set check, injectable for tests. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

export interface InsertResult {
  readonly sheetName: string;
  readonly date1904: boolean;
  readonly syncs: number;
}

export type InsertStage = "reading" | "writing" | "undoing";

/** An insert that failed; `message` is for the user. */
export class InsertError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
    this.name = "InsertError";
  }
}

/** What the pane needs from Excel: worksheet-scoped names arrived with ExcelApi 1.4. */
export const REQUIRED_API = { name: "ExcelApi", version: "1.4" } as const;

/** Checks the host before anything is read or written. */
export function checkRequirements(host: Pick<ExcelHost, "isSetSupported">): void {
  if (!host.isSetSupported(REQUIRED_API.name, REQUIRED_API.version)) {
    throw new InsertError(
      `This version of Excel is too old for Deal Modeler's task pane: it needs the Excel JavaScript API ${REQUIRED_API.version} ` +
        "(Excel 2016 or later, Microsoft 365, Excel on the web or Excel for Mac 16). The DEAL functions may still work.",
    );
  }
}

/**
 * The first free sheet name: the wanted one, else "Name (2)", "Name (3)", … — compared without case,
 * as Excel does, and kept within Excel's 31 characters.
 *
 * @example
 * uniqueSheetName("Colossus 2 deal", ["colossus 2 deal"]) // "Colossus 2 deal (2)"
 */
export function uniqueSheetName(wanted: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Why Excel would refuse `name` as a defined name, or null: 1–255 characters; first a letter, "_" or
 * "\", then letters, digits, "." or "_"; not a cell reference in A1 style (up to XFD1048576) or R1C1
 * style ("R", "C", "R2C3").
 */
export function definedNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 255) return "a name has 1 to 255 characters";
  if (!/^[\p{L}_\\][\p{L}\p{Nd}._]*$/u.test(name)) return "a name starts with a letter, _ or \\ and holds only letters, digits, periods and underscores";
  const upper = name.toUpperCase();
  const a1 = /^([A-Z]{1,3})(\d+)$/.exec(upper);
  const column = a1 ? [...a1[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0;
  if ((a1 && column <= 16384 && Number(a1[2]) >= 1 && Number(a1[2]) <= 1048576) || /^R\d*C\d*$|^[RC]\d*$/.test(upper)) {
    return "a name cannot be a cell reference";
  }
  return null;
}

const A1_RANGE = /^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/;

/** Refuses, before the workbook is touched, a plan whose sheet name, names or print setup Excel would reject. */
export function checkPlan(plan: SheetPlan): void {
  const refuse = (why: string) => {
    throw new InsertError(`The model sheet cannot be inserted: ${why}. This is a fault in Deal Modeler, not in your workbook.`);
  };
  try {
    checkSheetName(plan.sheetName);
  } catch (error) {
    refuse((error as Error).message);
  }
  const seen = new Set<string>();
  for (const { name, ref } of plan.names) {
    const problem = definedNameProblem(name);
    if (problem) refuse(`"${name}" is not a name Excel allows (${problem})`);
    if (seen.has(name.toLowerCase())) refuse(`the name "${name}" is defined twice`);
    seen.add(name.toLowerCase());
    if (!A1_RANGE.test(ref)) refuse(`the name "${name}" refers to "${ref}", not a range on the sheet`);
  }
  if (plan.freezeRows !== undefined && (!Number.isInteger(plan.freezeRows) || plan.freezeRows < 0 || plan.freezeRows > plan.cells.length)) {
    refuse(`cannot freeze ${plan.freezeRows} rows`);
  }
  if (plan.print) {
    const { scale, titleRows, areas } = plan.print;
    if (!Number.isInteger(scale) || scale < 10 || scale > 400) refuse(`cannot print at ${scale}% (Excel takes 10–400)`);
    if (!/^\$?\d+:\$?\d+$/.test(titleRows)) refuse(`the print title rows "${titleRows}" are not whole rows such as "$1:$4"`);
    for (const area of areas) if (!A1_RANGE.test(area)) refuse(`the print area "${area}" is not a range such as "A1:D80"`);
  }
  for (const chart of plan.charts ?? []) {
    for (const ref of [chart.source, chart.categories, chart.from, chart.to]) {
      if (!A1_RANGE.test(ref)) refuse(`the chart "${chart.name}" refers to "${ref}", not a range on the sheet`);
    }
  }
}


/** Every text constant goes in with a leading apostrophe, so "=…", "+…", "-…", "@…" or "123" stay text. */
function asWritable(grid: (string | number | boolean)[][], plan: SheetPlan): (string | number | boolean)[][] {
  return grid.map((row, r) =>
    row.map((value, c) => (typeof value === "string" && value !== "" && plan.cells[r][c].formula === undefined ? `'${value}` : value)),
  );
}

/** Vertical runs of one style in one column: few ranges to format, whatever the term. */
function styleRuns(plan: SheetPlan): { style: CellStyle; address: string }[] {
  const runs: { style: CellStyle; address: string }[] = [];
  const width = plan.columnWidths.length;
  for (let c = 0; c < width; c++) {
    let r = 0;
    while (r < plan.cells.length) {
      const style = plan.cells[r][c].style;
      let end = r;
      while (end + 1 < plan.cells.length && plan.cells[end + 1][c].style === style) end++;
      if (style) runs.push({ style, address: `${columnLetter(c)}${r + 1}:${columnLetter(c)}${end + 1}` });
      r = end + 1;
    }
  }
  return runs;
}

/**
 * Queues the whole plan as a new sheet `sheetName` (one batch, no sync): calculation and screen
 * updating suspended where supported, names first, values and formulas and number formats as whole
 * 2-D arrays, styles by runs, widths, frozen rows and print setup where supported; activates it.
 * Shared by every insert.
 */
function writePlan(context: Excel.RequestContext, host: ExcelHost, plan: SheetPlan, sheetName: string, date1904: boolean): void {
  const worksheets = context.workbook.worksheets;
  if (host.isSetSupported("ExcelApi", "1.6")) context.application.suspendApiCalculationUntilNextSync();
  if (host.isSetSupported("ExcelApi", "1.9")) context.application.suspendScreenUpdatingUntilNextSync();
  const sheet = worksheets.add(sheetName);
  // Names first, so that the formulas below find them.
  for (const { name, ref } of plan.names) sheet.names.add(name, sheet.getRange(ref.replace(/\$/g, "")));
  const lastColumn = columnLetter(plan.columnWidths.length - 1);
  const whole = sheet.getRange(`A1:${lastColumn}${plan.cells.length}`);
  whole.numberFormat = numberFormatGrid(plan);
  whole.formulas = asWritable(formulaGrid(plan, date1904 ? DAYS_1900_TO_1904 : 0), plan);
  for (const { style, address } of styleRuns(plan)) {
    const spec = STYLES[style];
    const format = sheet.getRange(address).format;
    // The font named and sized on every styled cell, as the .xlsx export writes it.
    format.font.name = FONT.name;
    format.font.size = spec.size ?? FONT.size;
    if (spec.bold) format.font.bold = true;
    if (spec.italic) format.font.italic = true;
    if (spec.color) format.font.color = `#${spec.color}`;
    if (spec.fill) format.fill.color = `#${spec.fill}`;
    if (spec.align) format.horizontalAlignment = "Right";
  }
  plan.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell.wrap) return;
      // Wrapped, at the foot of its row like the figure beside it (Excel's default alignment).
      sheet.getRange(`${columnLetter(c)}${r + 1}`).format.wrapText = true;
    }),
  );
  for (const [row, points] of Object.entries(plan.rowHeights ?? {})) sheet.getRange(`A${row}`).format.rowHeight = points;
  // Office.js takes column widths in points; the plan gives characters of the default font.
  plan.columnWidths.forEach((width, c) => (sheet.getRange(`${columnLetter(c)}1`).format.columnWidth = columnWidth(width).points));
  if (plan.freezeRows && host.isSetSupported("ExcelApi", "1.7")) sheet.freezePanes.freezeRows(plan.freezeRows);
  if (plan.print && host.isSetSupported("ExcelApi", "1.9")) {
    const layout = sheet.pageLayout;
    layout.orientation = plan.print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.zoom = { scale: plan.print.scale };
    // Margins in points (Office.js), the plan's in inches: 72 points an inch, to the hundredth.
    const points = (inches: number) => Math.round(inches * 7200) / 100;
    const { left, right, top, bottom, header, footer } = PAGE.margins;
    layout.leftMargin = points(left);
    layout.rightMargin = points(right);
    layout.topMargin = points(top);
    layout.bottomMargin = points(bottom);
    layout.headerMargin = points(header);
    layout.footerMargin = points(footer);
    layout.setPrintTitleRows(plan.print.titleRows);
    // The charts print too: each is an area of its own, over the cells it covers.
    const areas = [...plan.print.areas, ...(plan.charts ?? []).map((chart) => `${chart.from}:${chart.to}`)];
    if (areas.length > 0) layout.setPrintArea(areas.join(","));
  }
  for (const chart of plan.charts ?? []) {
    const inserted = sheet.charts.add("Line", sheet.getRange(chart.source), "Columns");
    inserted.name = chart.name;
    inserted.title.text = chart.title;
    inserted.setPosition(chart.from, chart.to);
    if (host.isSetSupported("ExcelApi", "1.7")) inserted.axes.categoryAxis.setCategoryNames(sheet.getRange(chart.categories));
  }
  // It opens on its answer: the sheet active, A1 selected (the frozen pane scrolled to its top).
  // Office.js has no window zoom: the sheet opens at the zoom the user's Excel is at.
  sheet.activate();
  sheet.getRange("A1").select();
}

/**
 * Round trip 2, the write, and — on failure only — round trip 3, removing the sheet this insert
 * created (its names go with it). The name was free when read, so a sheet under it now is ours.
 */
async function writeOrUndo(
  context: Excel.RequestContext,
  host: ExcelHost,
  plan: SheetPlan,
  sheetName: string,
  date1904: boolean,
  sync: () => Promise<void>,
  onProgress: (stage: InsertStage) => void,
  what: "model" | "portfolio",
): Promise<void> {
  onProgress("writing");
  try {
    writePlan(context, host, plan, sheetName, date1904);
    await sync();
  } catch (error) {
    onProgress("undoing");
    try {
      context.workbook.worksheets.getItem(sheetName).delete();
      await sync();
    } catch {
      // The sheet was never created: nothing to remove.
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new InsertError(`The ${what} could not be inserted, and the workbook was left as it was. Excel said: ${detail}`, error);
  }
}

/**
 * The first round trip both inserts share, queued: the workbook's sheet names and its date system
 * (DATE(1904,1,1) is 0 in a 1904 workbook), with a counted sync. The values are read after the sync.
 */
function startTrip(context: Excel.RequestContext, onProgress: (stage: InsertStage) => void) {
  let syncs = 0;
  onProgress("reading");
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const epoch = context.workbook.functions.date(1904, 1, 1);
  epoch.load("value");
  return {
    sync: async () => {
      syncs++;
      await context.sync();
    },
    syncs: () => syncs,
    sheetNames: () => worksheets.items.map((s) => s.name),
    date1904: () => epoch.value === 0,
  };
}

/**
 * Inserts the plan as a new sheet and activates it.
 *
 * @example
 * await insertModel(buildModelPlan(REFLECTION_SPACEX), { run: Excel.run, isSetSupported: (n, v) => Office.context.requirements.isSetSupported(n, v) });
 */
export async function insertModel(
  plan: SheetPlan,
  host: ExcelHost,
  onProgress: (stage: InsertStage) => void = () => undefined,
): Promise<InsertResult> {
  checkRequirements(host);
  checkPlan(plan);
  return host.run(async (context) => {
    const trip = startTrip(context, onProgress);
    // Round trip 1: existing sheet names and the date system.
    await trip.sync();
    const sheetName = uniqueSheetName(plan.sheetName, trip.sheetNames());
    const date1904 = trip.date1904();

    // Round trip 2: everything, in one batch.
    await writeOrUndo(context, host, plan, sheetName, date1904, trip.sync, onProgress, "model");
    return { sheetName, date1904, syncs: trip.syncs() };
  });
}

// ---------------------------------------------------------------------------------------------
// Portfolio from a table: read the user's register (a table or the selection), insert a sheet of
// formulas over it. The user's cells are only ever read.
// ---------------------------------------------------------------------------------------------

/** Where the register is: a table by name, or the current selection (a range with its header row). */
export type RegisterLocation = { readonly kind: "table"; readonly name: string } | { readonly kind: "selection" };

/** What the pane offers: the workbook's tables and the selection's address. */
export interface RegisterSources {
  readonly tables: readonly string[];
  /** e.g. "Sheet1!B3:F9". */
  readonly selection: string;
}

/** A register as read: where it is and its cells (header row first). */
export interface RegisterCells {
  readonly sheetName: string;
  /** The header's sheet row, 1-based. */
  readonly headerRow: number;
  /** The register's first sheet column, 0-based. */
  readonly firstColumn: number;
  /** The header row and every row of the table (or selection), as Excel's `values` gives them. */
  readonly values: readonly (readonly unknown[])[];
  /** Blank rows directly below it (at most the room asked for): rows a deal may be added in. */
  readonly freeBelow: number;
  /** The address as Excel gives it, e.g. "'My deals'!B3:F9". */
  readonly address: string;
}

/**
 * Splits an address as Excel gives it into its sheet and cell range: "'My deals'!B3:F9" →
 * { sheetName: "My deals", top: 3, left: 1, … }.
 */
export function splitAddress(address: string): { sheetName: string; top: number; left: number; bottom: number; right: number } {
  const bang = address.lastIndexOf("!");
  const sheetPart = address.slice(0, bang);
  const sheetName = sheetPart.startsWith("'") ? sheetPart.slice(1, -1).replace(/''/g, "'") : sheetPart;
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(address.slice(bang + 1));
  if (bang < 0 || !m) throw new InsertError(`Excel gave the address "${address}", which Deal Modeler cannot read.`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { sheetName, top: Number(m[2]), left: col(m[1]), bottom: Number(m[4] ?? m[2]), right: col(m[3] ?? m[1]) };
}

/** Lists the workbook's tables and the selection: one round trip, nothing written. */
export async function listRegisterSources(host: ExcelHost): Promise<RegisterSources> {
  checkRequirements(host);
  return host.run(async (context) => {
    const tables = context.workbook.tables;
    tables.load("items/name");
    const selection = context.workbook.getSelectedRange();
    selection.load("address");
    await context.sync();
    return { tables: tables.items.map((t) => t.name), selection: selection.address };
  });
}

/** Queues the loads that read a register and the rows below it; the getter reads them after the sync. */
function queueRegisterRead(context: Excel.RequestContext, location: RegisterLocation, room: number): () => RegisterCells {
  const range = location.kind === "table" ? context.workbook.tables.getItem(location.name).getRange() : context.workbook.getSelectedRange();
  range.load("address, values");
  const below = room > 0 ? range.getResizedRange(room, 0) : null;
  below?.load("values");
  return () => {
    const { sheetName, top, left } = splitAddress(range.address);
    const values = range.values as unknown[][];
    let freeBelow = 0;
    if (below) {
      const extra = (below.values as unknown[][]).slice(values.length);
      while (freeBelow < extra.length && extra[freeBelow].every((v) => v === "" || v === null)) freeBelow++;
    }
    return { sheetName, headerRow: top, firstColumn: left, values, freeBelow, address: range.address };
  };
}

/** Reads a register for the pane's column mapping: one round trip, nothing written. */
export async function readRegisterCells(host: ExcelHost, location: RegisterLocation, room: number): Promise<RegisterCells> {
  checkRequirements(host);
  return host.run(async (context) => {
    const read = queueRegisterRead(context, location, room);
    try {
      await context.sync();
    } catch (error) {
      throw new InsertError(readFailure(location, error), error);
    }
    return read();
  });
}

function readFailure(location: RegisterLocation, error: unknown): string {
  const what = location.kind === "table" ? `the table "${location.name}"` : "the selection";
  const detail = error instanceof Error ? error.message : String(error);
  return `Could not read ${what}; nothing was written. Excel said: ${detail}`;
}

export interface PortfolioInsertResult<T> extends InsertResult {
  /** What `build` returned besides the plan (the register as read, for the pane's message). */
  readonly built: T;
}

/**
 * Reads the register where it is now, builds the plan from it (`build` may refuse, e.g. a bad row:
 * nothing is written) and inserts it as a new sheet whose formulas refer to the register's cells.
 * At most 3 round trips whatever the number of deals: one to read (the register, the rows below it,
 * the sheet names and the date system), one to write, and — only on failure — one to remove what was
 * created. The register's sheet is never written to.
 */
export async function insertPortfolio<T>(
  host: ExcelHost,
  location: RegisterLocation,
  room: number,
  build: (cells: RegisterCells, date1904: boolean) => { readonly plan: SheetPlan; readonly built: T },
  onProgress: (stage: InsertStage) => void = () => undefined,
): Promise<PortfolioInsertResult<T>> {
  checkRequirements(host);
  return host.run(async (context) => {
    const trip = startTrip(context, onProgress);
    // Round trip 1: the register and the rows below it, the sheet names, the date system.
    const read = queueRegisterRead(context, location, room);
    try {
      await trip.sync();
    } catch (error) {
      throw new InsertError(readFailure(location, error), error);
    }
    const date1904 = trip.date1904();
    const { plan, built } = build(read(), date1904); // a refusal here has written nothing
    checkPlan(plan);
    const sheetName = uniqueSheetName(plan.sheetName, trip.sheetNames());

    // Round trip 2: the new sheet, in one batch.
    await writeOrUndo(context, host, plan, sheetName, date1904, trip.sync, onProgress, "portfolio");
    return { sheetName, date1904, syncs: trip.syncs(), built };
  });
}
