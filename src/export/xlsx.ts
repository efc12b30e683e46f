/**
 * Writes a sheet plan to an .xlsx workbook with exceljs, for use without Excel (and for the
 * LibreOffice proof). Names are workbook-level here: an exported file holds one model.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import JSZip from "jszip";
import { parseIsoDate } from "../core/dates";
import { Decimal } from "../core/money";
import { currencyOf, readAmount, readDate, scanNumber } from "../core/vocabulary";
import { columnWidth, FONT, PAGE, printAreas, printScale, PrintSetup, SheetPlan } from "../model/plan";
import { STYLES } from "../model/styles";

/**
 * Adds the plan as a worksheet of `workbook`: values, formulas, formats, styles, names, widths, the
 * frozen header rows and the print setup.
 *
 * @example
 * const wb = new ExcelJS.Workbook(); addPlanSheet(wb, buildModelPlan(REFLECTION_SPACEX));
 */
export function addPlanSheet(workbook: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const frozen = plan.freezeRows ?? 0;
  const sheet = workbook.addWorksheet(plan.sheetName, { views: [openingView(frozen)] });
  if (plan.print) setPrint(sheet, plan.print);
  plan.columnWidths.forEach((width, i) => (sheet.getColumn(i + 1).width = columnWidth(width).stored));
  for (const [row, points] of Object.entries(plan.rowHeights ?? {})) sheet.getRow(Number(row)).height = points;
  plan.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const target = sheet.getCell(r + 1, c + 1);
      if (cell.formula !== undefined) target.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
      else if (cell.value !== null && cell.value !== undefined) target.value = cell.value;
      if (cell.numberFormat) target.numFmt = cell.numberFormat;
      const style = cell.style ? STYLES[cell.style] : undefined;
      if (style) {
        // The font named and sized on every styled cell: a reader without it (LibreOffice) falls back
        // to a font of the same name's metrics or the default sans, not to a serif of its own.
        target.font = {
          name: FONT.name,
          family: FONT.family,
          size: style.size ?? FONT.size,
          bold: style.bold,
          italic: style.italic,
          color: style.color ? { argb: `FF${style.color}` } : undefined,
        };
        if (style.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill}` } };
      }
      if (style?.align || cell.wrap) target.alignment = { ...(style?.align ? { horizontal: style.align } : {}), ...(cell.wrap ? { wrapText: true } : {}) };
    }),
  );
  const quoted = `'${plan.sheetName.replace(/'/g, "''")}'`;
  for (const { name, ref } of plan.names) workbook.definedNames.add(`${quoted}!${ref}`, name);
  return sheet;
}

/**
 * How a sheet opens: at A1, at 100%, without gridlines, the rows down to `frozen` frozen (the pane
 * below them scrolled to its top).
 *
 * @example
 * openingView(4) // { state: "frozen", ySplit: 4, topLeftCell: "A5", activeCell: "A1", zoomScale: 100, … }
 */
export function openingView(frozen: number, showGridLines = false): Partial<ExcelJS.WorksheetView> {
  const common = { activeCell: "A1", zoomScale: 100, zoomScaleNormal: 100, showGridLines };
  return frozen > 0 ? { state: "frozen", xSplit: 0, ySplit: frozen, topLeftCell: `A${frozen + 1}`, ...common } : { state: "normal", ...common };
}

/** The plan's print setup on an exceljs sheet: orientation, scale, margins, title rows and areas. */
function setPrint(sheet: ExcelJS.Worksheet, print: PrintSetup): void {
  const [, first, last] = /^(\d+):(\d+)$/.exec(print.titleRows.replace(/\$/g, "")) ?? [];
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: print.orientation,
    fitToPage: false,
    scale: print.scale,
    margins: { ...PAGE.margins },
    // exceljs writes one _xlnm.Print_Area per "&&" part; workbookBytes merges them into one name.
    ...(print.areas.length > 0 ? { printArea: print.areas.join("&&") } : {}),
    ...(first ? { printTitlesRow: `${first}:${last}` } : {}),
  };
}

/** Makes `sheet` the one the workbook opens on: its tab active and the only one selected (not a group). */
export function openOn(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet): void {
  const index = workbook.worksheets.indexOf(sheet);
  for (const each of workbook.worksheets) each.views = each.views.map((view) => ({ ...view, tabSelected: each === sheet }));
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: index, visibility: "visible" }];
}

/**
 * One print area per sheet, as Excel expects: exceljs writes a `_xlnm.Print_Area` name for each area,
 * and Excel repairs a file that defines a name twice. This joins them into one list of ranges.
 *
 * @example
 * mergePrintAreas('<definedName name="_xlnm.Print_Area" localSheetId="0">A</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">B</definedName>')
 * // '<definedName name="_xlnm.Print_Area" localSheetId="0">A,B</definedName>'
 */
export function mergePrintAreas(workbookXml: string): string {
  const areas = new Map<string, string[]>();
  const pattern = /<definedName name="_xlnm\.Print_Area" localSheetId="(\d+)">([^<]*)<\/definedName>/g;
  for (const [, sheet, ranges] of workbookXml.matchAll(pattern)) areas.set(sheet, [...(areas.get(sheet) ?? []), ranges]);
  const written = new Set<string>();
  return workbookXml.replace(pattern, (_all, sheet: string) => {
    if (written.has(sheet)) return "";
    written.add(sheet);
    // exceljs writes "$A1:$D9"; Excel writes print areas fully absolute, "$A$1:$D$9".
    const ranges = areas.get(sheet)!.join(",").replace(/\$([A-Z]+)(\d+)/g, "$$$1$$$2");
    return `<definedName name="_xlnm.Print_Area" localSheetId="${sheet}">${ranges}</definedName>`;
  });
}

/** The workbook as .xlsx bytes, print areas merged. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", mergePrintAreas(xml));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Writes one plan as a new .xlsx file. */
export async function writePlanXlsx(plan: SheetPlan, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Deal Modeler";
  workbook.calcProperties.fullCalcOnLoad = true;
  openOn(workbook, addPlanSheet(workbook, plan));
  fs.writeFileSync(file, await workbookBytes(workbook));
}

/** A register cell as Excel reads the same text typed into a cell: a date, a number, TRUE/FALSE, or text. */
export function registerCellValue(text: string): { value: string | number | boolean | null; isDate?: boolean } {
  const trimmed = text.trim();
  if (trimmed === "") return { value: null };
  const day = parseIsoDate(trimmed);
  if (day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return { value: day, isDate: true };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  // Thousands separators, as Excel (en-US) reads "150,000,000" typed into a cell.
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed)) return { value: Number(trimmed.replace(/,/g, "")) };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };
  return typedCellValue(trimmed) ?? { value: text };
}

/** Currency codes a register cell is written as a number with (as the register reads it); other letters stay text ("IBM 360"). */
const CELL_CURRENCIES = new Set(["USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "CNY", "HKD", "SGD", "SEK", "NOK", "DKK", "INR", "KRW", "AED", "SAR"]);

/**
 * The forms the register reads beyond plain numbers and ISO dates (src/core/vocabulary.ts), as Excel
 * stores them: "$150,000,000" and "USD 150,000,000" as 150000000, "3%" as 0.03, "1-Jul-2026",
 * "July 1, 2026" and an unambiguous "31/12/2029" as dates — so the Portfolio sheet's formulas see what
 * the register saw. An ambiguous "7/1/2026" stays text (the register refuses it unless told the order).
 */
function typedCellValue(trimmed: string): { value: number; isDate?: boolean } | undefined {
  if (trimmed.length > 64) return undefined;
  const percent = scanNumber(trimmed, { percent: true });
  if (percent?.percent) return { value: new Decimal(percent.text).div(100).toNumber() };
  const code = currencyOf(trimmed);
  if (code !== undefined && CELL_CURRENCIES.has(code)) {
    try {
      return { value: readAmount(trimmed, "amount") };
    } catch {
      return undefined;
    }
  }
  if (!/[a-z/.]/i.test(trimmed)) return undefined;
  try {
    return { value: readDate(trimmed, "date"), isDate: true };
  } catch {
    return undefined;
  }
}

/**
 * Adds a register sheet: the header row and each record's cells as values (dates as dates), bold
 * header, widths from the content, each column in its `formats` number format (dates whatever
 * the column), and printed as the plans are: landscape, the header row on every page, one page wide
 * at the scale that allows, else split between columns. Returns the sheet.
 */
export function addRegisterSheet(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  records: readonly (readonly string[])[],
  formats: readonly (string | undefined)[] = [],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName, { views: [openingView(1, true)] });
  const widths: number[] = [];
  records.forEach((record, r) =>
    record.forEach((text, c) => {
      const target = sheet.getCell(r + 1, c + 1);
      const { value, isDate } = r === 0 ? { value: text, isDate: false } : registerCellValue(text);
      if (value !== null) target.value = value;
      const format = isDate ? "yyyy-mm-dd" : typeof value === "number" ? formats[c] : undefined;
      if (format) target.numFmt = format;
      target.font = { name: FONT.name, family: FONT.family, size: FONT.size, ...(r === 0 ? { bold: true } : {}) };
      const shown = isDate ? 10 : typeof value === "number" && format ? formattedLength(value, format) : text.length;
      widths[c] = Math.max(widths[c] ?? 8, Math.min(40, shown + 2));
    }),
  );
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = columnWidth(w).stored));
  const columns = Math.max(1, widths.length);
  const part = { from: 0, to: columns - 1, lastRow: Math.max(1, records.length) };
  // One page wide if it fits at 80% or more; a wider register prints at 80%, split between columns.
  const scale = Math.max(80, printScale(widths, [part]));
  setPrint(sheet, { orientation: "landscape", scale, titleRows: "$1:$1", areas: printAreas(widths, [part], scale, records.length > 1 ? 1 : 0) });
  return sheet;
}

/**
 * Characters a number takes in a register format: "150,000,000.00" is 14, "3.00%" is 5.
 *
 * @example
 * formattedLength(150000000, "#,##0.00") // 14
 */
export function formattedLength(value: number, format: string): number {
  if (format.endsWith("%")) return (value * 100).toFixed(2).length + 1;
  const decimals = format.includes(".00") ? 2 : 0;
  const digits = Math.trunc(Math.abs(value)).toString().length;
  return (value < 0 ? 1 : 0) + digits + Math.floor((digits - 1) / 3) + (decimals > 0 ? decimals + 1 : 0);
}

/**
 * Writes a register sheet and the plans that refer to it (the Portfolio sheet) as one new .xlsx
 * file, opening on the last plan (the Portfolio's totals).
 */
export async function writeRegisterXlsx(
  registerSheet: string,
  records: readonly (readonly string[])[],
  plans: readonly SheetPlan[],
  file: string,
  formats: readonly (string | undefined)[] = [],
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Deal Modeler";
  workbook.calcProperties.fullCalcOnLoad = true;
  let opening = addRegisterSheet(workbook, registerSheet, records, formats);
  for (const plan of plans) opening = addPlanSheet(workbook, plan);
  openOn(workbook, opening);
  fs.writeFileSync(file, await workbookBytes(workbook));
}
