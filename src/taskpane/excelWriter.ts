/**
 * The Office.js writer: applies a model plan to the open workbook as a new sheet.
 *
 * Guarantees:
 * - at most 3 `context.sync()` round trips, whatever the term: one to read the sheet names and the
 *   date system, one to write everything, and — only on failure — one to remove what was created;
 * - values, formulas and number formats go as whole 2-D arrays; names are scoped to the new sheet;
 *   calculation and screen updating are suspended during the write where the host supports it;
 * - nothing outside the new sheet is touched; an existing sheet name gets " (2)", " (3)", …;
 * - text is written as text (a leading apostrophe), never run as a formula;
 * - dates are right in workbooks on the 1904 date system.
 */
import { CellStyle, columnLetter, formulaGrid, numberFormatGrid, SheetPlan } from "../model/plan";
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

/** Serials of the 1904 system are 1,462 days smaller for the same day. */
const DAYS_1900_TO_1904 = 1462;

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
  return host.run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };

    // Round trip 1: existing sheet names, and the date system (DATE(1904,1,1) is 0 in a 1904 workbook).
    onProgress("reading");
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const epoch = context.workbook.functions.date(1904, 1, 1);
    epoch.load("value");
    await sync();
    const sheetName = uniqueSheetName(plan.sheetName, worksheets.items.map((s) => s.name));
    const date1904 = epoch.value === 0;

    // Round trip 2: everything, in one batch.
    onProgress("writing");
    try {
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
        if (spec.bold) format.font.bold = true;
        if (spec.italic) format.font.italic = true;
        if (spec.size) format.font.size = spec.size;
        if (spec.color) format.font.color = `#${spec.color}`;
        if (spec.fill) format.fill.color = `#${spec.fill}`;
        if (spec.align) format.horizontalAlignment = "Right";
      }
      // Column widths are in points; a character of the default font is about 6 points wide.
      plan.columnWidths.forEach((width, c) => (sheet.getRange(`${columnLetter(c)}1`).format.columnWidth = Math.round(width * 6)));
      sheet.activate();
      await sync();
    } catch (error) {
      // Round trip 3, on failure only: remove the sheet this insert created (its names go with it).
      // The name was free when read, so a sheet under it now is ours.
      onProgress("undoing");
      try {
        context.workbook.worksheets.getItem(sheetName).delete();
        await sync();
      } catch {
        // The sheet was never created: nothing to remove.
      }
      const detail = error instanceof Error ? error.message : String(error);
      throw new InsertError(`The model could not be inserted, and the workbook was left as it was. Excel said: ${detail}`, error);
    }
    return { sheetName, date1904, syncs };
  });
}
