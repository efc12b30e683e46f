/**
 * Writes a sheet plan to an .xlsx workbook with exceljs, for use without Excel (and for the
 * LibreOffice proof). Names are workbook-level here: an exported file holds one model.
 */
import ExcelJS from "exceljs";
import { EventEmitter, once } from "events";
import fs from "fs";
import JSZip from "jszip";
import { parseIsoDate } from "../core/dates";
import { Decimal } from "../core/money";
import { currencyOf, readAmount, readDate, scanNumber } from "../core/vocabulary";
import { columnLetter, columnWidth, FONT, PAGE, PlanCell, printAreas, printScale, PrintSetup, SheetPlan } from "../model/plan";
import { STYLES } from "../model/styles";

/**
 * Adds the plan as a worksheet of `workbook` (a streaming one: each row is written as it is committed,
 * and the sheet is committed at the end): values, formulas, formats, styles, names, widths, the
 * frozen header rows and the print setup.
 *
 * @example
 * const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: "deal.xlsx", useStyles: true });
 * await addPlanSheet(wb, buildModelPlan(REFLECTION_SPACEX)); await wb.commit();
 */
export async function addPlanSheet(workbook: ExcelJS.Workbook, plan: SheetPlan, opening = true): Promise<ExcelJS.Worksheet> {
  const frozen = plan.freezeRows ?? 0;
  const sheet = workbook.addWorksheet(plan.sheetName, {
    views: [selected(openingView(frozen), opening)],
    // Given as the sheet is made: a streaming sheet writes its page properties first.
    ...(plan.print && { pageSetup: pageSetupOf(plan.print) }),
  });
  plan.columnWidths.forEach((width, i) => (sheet.getColumn(i + 1).width = columnWidth(width).stored));
  const styled = styleCache();
  await writeRows(workbook, sheet, plan.cells, (cell) => (cell.numberFormat || cell.style || cell.wrap ? styled(cell) : undefined), plan.rowHeights);
  sheet.commit();
  const quoted = `'${plan.sheetName.replace(/'/g, "''")}'`;
  // Written into workbook.xml by writeWorkbook: exceljs's defined names keep every cell of a range.
  const names = workbookNames.get(workbook) ?? [];
  workbookNames.set(workbook, names);
  for (const { name, ref } of plan.names) names.push(`<definedName name="${name}">${xmlText(`${quoted}!${ref}`)}</definedName>`);
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

/** A sheet view marked as the selected tab, or not (exceljs writes `tabSelected`; its types omit it). */
const selected = (view: Partial<ExcelJS.WorksheetView>, tabSelected: boolean) => Object.assign({}, view, { tabSelected }) as Partial<ExcelJS.WorksheetView>;

/** The plan's print setup as exceljs takes it: orientation, scale, margins, title rows and areas. */
function pageSetupOf(print: PrintSetup): Partial<ExcelJS.PageSetup> {
  const [, first, last] = /^(\d+):(\d+)$/.exec(print.titleRows.replace(/\$/g, "")) ?? [];
  return {
    orientation: print.orientation,
    fitToPage: false,
    scale: print.scale,
    margins: { ...PAGE.margins },
    // exceljs writes one _xlnm.Print_Area per "&&" part; writeWorkbook merges them into one name.
    ...(print.areas.length > 0 ? { printArea: print.areas.join("&&") } : {}),
    ...(first ? { printTitlesRow: `${first}:${last}` } : {}),
  };
}

/** Rows written between two pauses, in which the zip compresses what was written (else it all waits in memory). */
const ROWS_BETWEEN_PAUSES = 64;

/** A turn of the event loop. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The defined names of each workbook being written, as XML. */
const workbookNames = new WeakMap<ExcelJS.Workbook, string[]>();

/**
 * A workbook.xml with defined names added before those it has (the print areas).
 *
 * @example
 * withDefinedNames("<sheets/></workbook>", ['<definedName name="A">S!$A$1</definedName>'])
 * // '<sheets/><definedNames><definedName name="A">S!$A$1</definedName></definedNames></workbook>'
 */
export function withDefinedNames(workbookXml: string, names: readonly string[]): string {
  if (names.length === 0) return workbookXml;
  if (workbookXml.includes("<definedNames>")) return workbookXml.replace("<definedNames>", `<definedNames>${names.join("")}`);
  return workbookXml.replace("</sheets>", `</sheets><definedNames>${names.join("")}</definedNames>`);
}

/** XML written and not yet taken by the zip, beyond which writing waits. */
const MAX_PENDING_BYTES = 8 * 1024 * 1024;

/**
 * Waits until the zip has taken most of what the sheet wrote: exceljs's sheet stream passes its text
 * to the zip without heeding its backpressure, so without this a large sheet waits whole in memory.
 */
async function zipped(sheet: ExcelJS.Worksheet): Promise<void> {
  type Pipe = EventEmitter & { writableLength?: number; _writableState?: { length: number } };
  const pipe = (sheet as unknown as { stream: { pipes?: Pipe[] } }).stream.pipes?.[0];
  const pending = () => pipe?.writableLength ?? pipe?._writableState?.length ?? 0;
  while (pipe !== undefined && pending() > MAX_PENDING_BYTES) await once(pipe, "drain");
}

/** A cell's content as a sheet's XML holds it: &, <, >, " and ' escaped. */
function xmlText(text: string): string {
  return /[&<>"']/.test(text)
    ? text.replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&apos;"))
    : text;
}

/** What the streaming sheet of exceljs has that its types do not say: its writer of raw XML. */
interface SheetStream {
  startedData: boolean;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  _write(text: string): void;
}

/** What the streaming workbook of exceljs has that its types do not say: its styles and shared strings. */
interface WorkbookStream {
  styles: { addStyleModel(style: Partial<ExcelJS.Style>, type: ExcelJS.ValueType): number };
  sharedStrings: { add(text: string): number };
}

/**
 * Writes the rows of a streaming sheet as XML, each cell as exceljs writes it (a formula, a number, a
 * shared string, TRUE/FALSE; its style's index from the workbook's styles) but without a cell object
 * per cell: a register of 10,000 deals is millions of cells, which exceljs's cells write in minutes and
 * gigabytes. Columns (widths) must be set before. Pauses every few rows so that the zip compresses
 * what was written.
 */
async function writeRows(
  workbook: ExcelJS.Workbook,
  sheet: ExcelJS.Worksheet,
  rows: readonly (readonly PlanCell[])[],
  styleOf: (cell: PlanCell) => Partial<ExcelJS.Style> | undefined,
  heights: Readonly<Record<number, number>> = {},
): Promise<void> {
  const out = sheet as unknown as SheetStream;
  const { styles, sharedStrings } = workbook as unknown as WorkbookStream;
  if (!out.startedData) {
    out._writeColumns();
    out._writeOpenSheetData();
    out.startedData = true;
  }
  const ids = new Map<Partial<ExcelJS.Style>, Map<ExcelJS.ValueType, number>>();
  const styleId = (style: Partial<ExcelJS.Style>, type: ExcelJS.ValueType) => {
    let byType = ids.get(style);
    if (byType === undefined) ids.set(style, (byType = new Map()));
    let id = byType.get(type);
    if (id === undefined) byType.set(type, (id = styles.addStyleModel(style, type)));
    return id;
  };
  const letters: string[] = [];
  let parts: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let cells = "";
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      const value = cell.value;
      const hasValue = value !== null && value !== undefined;
      const style = styleOf(cell);
      if (cell.formula === undefined && !hasValue && style === undefined) continue; // an empty cell is not written
      const type =
        cell.formula !== undefined ? ExcelJS.ValueType.Null
        : typeof value === "number" ? ExcelJS.ValueType.Number
        : typeof value === "string" ? ExcelJS.ValueType.String
        : typeof value === "boolean" ? ExcelJS.ValueType.Boolean
        : ExcelJS.ValueType.Null;
      const id = style === undefined ? 0 : styleId(style, type);
      const ref = `${(letters[c] ??= columnLetter(c))}${r + 1}`;
      const s = id ? ` s="${id}"` : "";
      if (cell.formula !== undefined) cells += `<c r="${ref}"${s}><f>${xmlText(cell.formula)}</f></c>`;
      else if (typeof value === "number") cells += `<c r="${ref}"${s}><v>${value}</v></c>`;
      else if (typeof value === "string") cells += `<c r="${ref}"${s} t="s"><v>${sharedStrings.add(value)}</v></c>`;
      else if (typeof value === "boolean") cells += `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
      else cells += `<c r="${ref}"${s}/>`;
    }
    const height = heights[r + 1];
    const ht = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
    if (cells !== "" || ht !== "") parts.push(`<row r="${r + 1}"${ht}>${cells}</row>`);
    if (r % ROWS_BETWEEN_PAUSES === ROWS_BETWEEN_PAUSES - 1 || r === rows.length - 1) {
      out._write(parts.join(""));
      parts = [];
      await pause();
      await zipped(sheet);
    }
  }
}

/**
 * A cell's style (font, alignment, fill, number format) as exceljs takes it, one object per kind of
 * cell: exceljs works out a style's index once per object, not once per cell.
 */
function styleCache(): (cell: PlanCell) => Partial<ExcelJS.Style> {
  const made = new Map<string, Partial<ExcelJS.Style>>();
  return (cell) => {
    const key = `${cell.style ?? ""}|${cell.numberFormat ?? ""}|${cell.wrap ? "wrap" : ""}`;
    let found = made.get(key);
    if (found === undefined) {
      const style = cell.style ? STYLES[cell.style] : undefined;
      found = {
        ...(cell.numberFormat ? { numFmt: cell.numberFormat } : {}),
        ...(style && {
          // The font named and sized on every styled cell: a reader without it (LibreOffice) falls back
          // to a font of the same name's metrics or the default sans, not to a serif of its own.
          font: { name: FONT.name, family: FONT.family, size: style.size ?? FONT.size, bold: style.bold, italic: style.italic, color: style.color ? { argb: `FF${style.color}` } : undefined },
          ...(style.fill && { fill: { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill}` } } as ExcelJS.Fill }),
        }),
        ...((style?.align || cell.wrap) && { alignment: { ...(style?.align ? { horizontal: style.align } : {}), ...(cell.wrap ? { wrapText: true } : {}) } }),
      };
      made.set(key, found);
    }
    return found;
  };
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

/**
 * Writes a new .xlsx file: `fill` adds the sheets to a streaming workbook, which writes each row as
 * it is committed (a register of 10,000 deals is millions of cells) and returns the index of the sheet
 * the workbook opens on; then the print areas are merged
 * and the workbook is marked to recalculate on opening (a streaming workbook writes neither).
 */
async function writeWorkbook(file: string, fill: (workbook: ExcelJS.Workbook) => Promise<number>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 1 } } });
  workbook.creator = "Deal Modeler";
  const opening = await fill(workbook);
  // The tab the workbook opens on (its sheet view is the only one marked selected).
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: opening, visibility: "visible" }];
  await workbook.commit();
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", withFullCalcOnLoad(withDefinedNames(mergePrintAreas(xml), workbookNames.get(workbook) ?? [])));
  // The sheets keep their compressed bytes: only workbook.xml is compressed again.
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/**
 * A workbook.xml whose calculation properties ask for a full recalculation on opening (the formulas
 * are written without values).
 *
 * @example
 * withFullCalcOnLoad('<calcPr calcId="171027"/>') // '<calcPr calcId="171027" fullCalcOnLoad="1"/>'
 */
export function withFullCalcOnLoad(workbookXml: string): string {
  if (/<calcPr\b[^>]*\bfullCalcOnLoad=/.test(workbookXml)) return workbookXml;
  if (/<calcPr\b/.test(workbookXml)) return workbookXml.replace(/<calcPr\b([^>]*?)\s*\/>/, '<calcPr$1 fullCalcOnLoad="1"/>');
  return workbookXml.replace("</workbook>", '<calcPr fullCalcOnLoad="1"/></workbook>');
}

/** Writes one plan as a new .xlsx file. */
export async function writePlanXlsx(plan: SheetPlan, file: string): Promise<void> {
  await writeWorkbook(file, async (workbook) => {
    await addPlanSheet(workbook, plan);
    return 0;
  });
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
  if (!/[a-z/.]/i.test(trimmed) || !/\d/.test(trimmed)) return undefined; // a date has letters or separators, and digits
  try {
    return { value: readDate(trimmed, "date"), isDate: true };
  } catch {
    return undefined;
  }
}

/**
 * Adds a register sheet: the header row and each record's cells as values (dates as dates, amounts and
 * rates in the formats of their columns' fields), bold header, widths from the content, the same print
 * setup as the plans (landscape, at 80% or more, the header row on every page, ending at the last deal).
 */
export async function addRegisterSheet(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  records: readonly (readonly string[])[],
  formats: readonly (string | undefined)[] = [],
  opening = false,
): Promise<ExcelJS.Worksheet> {
  const cells = records.map((record, r) => record.map((text) => (r === 0 ? { value: text, isDate: false } : registerCellValue(text))));
  const formatOf = (value: unknown, isDate: boolean | undefined, c: number) => (isDate ? "yyyy-mm-dd" : typeof value === "number" ? formats[c] : undefined);
  const widths: number[] = [];
  records.forEach((record, r) =>
    record.forEach((text, c) => {
      const { value, isDate } = cells[r][c];
      const format = formatOf(value, isDate, c);
      const shown = isDate ? 10 : typeof value === "number" && format ? formattedLength(value, format) : text.length;
      widths[c] = Math.max(widths[c] ?? 8, Math.min(40, shown + 2));
    }),
  );
  const columns = Math.max(1, widths.length);
  const part = { from: 0, to: columns - 1, lastRow: Math.max(1, records.length) };
  // One page wide if it fits at 80% or more; a wider register prints at 80%, split between columns.
  const scale = Math.max(80, printScale(widths, [part]));
  const print: PrintSetup = { orientation: "landscape", scale, titleRows: "$1:$1", areas: printAreas(widths, [part], scale, records.length > 1 ? 1 : 0) };
  const sheet = workbook.addWorksheet(sheetName, { views: [selected(openingView(1, true), opening)], pageSetup: pageSetupOf(print) });
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = columnWidth(w).stored));
  // One style object per kind of cell (widths first: a streaming sheet writes them before its rows).
  const font = { name: FONT.name, family: FONT.family, size: FONT.size };
  const header = { font: { ...font, bold: true } };
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (format: string | undefined) => {
    const key = format ?? "";
    let style = styles.get(key);
    if (style === undefined) styles.set(key, (style = { font, ...(format ? { numFmt: format } : {}) }));
    return style;
  };
  const rows: PlanCell[][] = cells.map((row, r) => row.map(({ value, isDate }, c) => ({ value, isDate, ...(r > 0 ? { numberFormat: formatOf(value, isDate, c) } : {}) })));
  const headers = new Set(rows[0]);
  await writeRows(workbook, sheet, rows, (cell) => (headers.has(cell) ? header : styleOf(cell.numberFormat)));
  sheet.commit();
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
  await writeWorkbook(file, async (workbook) => {
    await addRegisterSheet(workbook, registerSheet, records, formats, plans.length === 0);
    for (const [i, plan] of plans.entries()) await addPlanSheet(workbook, plan, i === plans.length - 1);
    return plans.length;
  });
}
