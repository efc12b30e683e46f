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
import { columnWidth, SheetPlan } from "../model/plan";
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
  const sheet = workbook.addWorksheet(plan.sheetName, {
    views: [frozen > 0 ? { state: "frozen", ySplit: frozen, showGridLines: false } : { showGridLines: false }],
  });
  if (plan.print) {
    const [, first, last] = /^\$?(\d+):\$?(\d+)$/.exec(plan.print.titleRows.replace(/\$/g, "")) ?? [];
    sheet.pageSetup = {
      ...sheet.pageSetup,
      orientation: plan.print.orientation,
      fitToPage: true,
      fitToWidth: plan.print.fitToPagesWide,
      fitToHeight: 0,
      // exceljs writes one _xlnm.Print_Area per "&&" part; writePlanXlsx merges them into one name.
      printArea: plan.print.areas.join("&&"),
      ...(first ? { printTitlesRow: `${first}:${last}` } : {}),
    };
  }
  plan.columnWidths.forEach((width, i) => (sheet.getColumn(i + 1).width = columnWidth(width).stored));
  plan.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const target = sheet.getCell(r + 1, c + 1);
      if (cell.formula !== undefined) target.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
      else if (cell.value !== null && cell.value !== undefined) target.value = cell.value;
      if (cell.numberFormat) target.numFmt = cell.numberFormat;
      const style = cell.style ? STYLES[cell.style] : undefined;
      if (style) {
        target.font = {
          bold: style.bold,
          italic: style.italic,
          size: style.size,
          color: style.color ? { argb: `FF${style.color}` } : undefined,
        };
        if (style.align) target.alignment = { horizontal: style.align };
        if (style.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill}` } };
      }
    }),
  );
  const quoted = `'${plan.sheetName.replace(/'/g, "''")}'`;
  for (const { name, ref } of plan.names) workbook.definedNames.add(`${quoted}!${ref}`, name);
  return sheet;
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
  addPlanSheet(workbook, plan);
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
 * header, widths from the content. Returns the sheet.
 */
export function addRegisterSheet(workbook: ExcelJS.Workbook, sheetName: string, records: readonly (readonly string[])[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  const widths: number[] = [];
  records.forEach((record, r) =>
    record.forEach((text, c) => {
      const target = sheet.getCell(r + 1, c + 1);
      const { value, isDate } = r === 0 ? { value: text, isDate: false } : registerCellValue(text);
      if (value !== null) target.value = value;
      if (isDate) target.numFmt = "yyyy-mm-dd";
      if (r === 0) target.font = { bold: true };
      widths[c] = Math.max(widths[c] ?? 8, Math.min(40, (isDate ? 10 : text.length) + 2));
    }),
  );
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = columnWidth(w).stored));
  return sheet;
}

/** Writes a register sheet and the plans that refer to it (the Portfolio sheet) as one new .xlsx file. */
export async function writeRegisterXlsx(registerSheet: string, records: readonly (readonly string[])[], plans: readonly SheetPlan[], file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Deal Modeler";
  workbook.calcProperties.fullCalcOnLoad = true;
  addRegisterSheet(workbook, registerSheet, records);
  for (const plan of plans) addPlanSheet(workbook, plan);
  fs.writeFileSync(file, await workbookBytes(workbook));
}
