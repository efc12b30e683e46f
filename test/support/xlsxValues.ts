/**
 * The LibreOffice scaffolding of the tests, in one place: write plans or edited copies of a
 * workbook, recalculate them all with one LibreOffice start, and read the cached cell values of the
 * recalculated .xlsx straight from its XML, so that nothing is lost in translation: a 0 stays 0,
 * text stays text, and an error value is seen as one.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import JSZip from "jszip";
import { recalculateWithLibreOffice } from "./libreoffice";
import { writePlanXlsx } from "../../src/export/xlsx";
import { SheetPlan } from "../../src/model/plan";

export interface CellValue {
  readonly type: "number" | "text" | "boolean" | "error" | "empty";
  readonly number?: number;
  readonly text?: string;
  readonly formula?: string;
}

const decode = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

export async function readSheetValues(file: string, sheetIndex = 1): Promise<Map<string, CellValue>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const shared: string[] = [];
  const sharedXml = await zip.file("xl/sharedStrings.xml")?.async("string");
  if (sharedXml) {
    for (const si of sharedXml.match(/<si>[\s\S]*?<\/si>/g) ?? []) {
      shared.push(decode((si.match(/<t[^>]*>([\s\S]*?)<\/t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, "")).join("")));
    }
  }
  const xml = await zip.file(`xl/worksheets/sheet${sheetIndex}.xml`)!.async("string");
  const cells = new Map<string, CellValue>();
  for (const match of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, address, attributes, body = ""] = match;
    const type = /t="(\w+)"/.exec(attributes)?.[1] ?? "n";
    const formula = /<f[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1];
    const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1];
    const f = formula === undefined ? undefined : decode(formula);
    let value: CellValue;
    if (type === "e") value = { type: "error", text: raw, formula: f };
    else if (type === "s") value = { type: "text", text: shared[Number(raw)], formula: f };
    else if (type === "str" || type === "inlineStr") value = raw || inline ? { type: "text", text: decode(raw ?? inline ?? ""), formula: f } : { type: "empty", formula: f };
    else if (type === "b") value = { type: "boolean", number: Number(raw), formula: f };
    else value = raw === undefined || raw === "" ? { type: "empty", formula: f } : { type: "number", number: Number(raw), formula: f };
    cells.set(address, value);
  }
  return cells;
}

/** The number a recalculated cell holds; anything else (text, blank, an error) fails with the address. */
export function numberAt(cells: Map<string, CellValue>, address: string): number {
  const cell = cells.get(address);
  if (cell?.type !== "number") throw new Error(`${address}: expected a number, found ${JSON.stringify(cell)}`);
  return cell.number!;
}

/** No recalculated cell may hold an error value: lists each one with its formula. */
export function expectNoErrors(cells: Map<string, CellValue>): void {
  const errors = [...cells].filter(([, c]) => c.type === "error").map(([a, c]) => `${a}=${c.text} (${c.formula?.slice(0, 120)})`);
  expect(errors).toEqual([]);
}

/** The text a recalculated cell shows: "" for a blank, and a marker such as "(error undefined)" for anything else. */
export function textAt(cells: Map<string, CellValue>, address: string): string {
  const cell = cells.get(address);
  return cell?.type === "text" ? cell.text! : cell?.type === "empty" || cell === undefined ? "" : `(${cell.type} ${cell.number})`;
}

/**
 * Recalculates the workbooks with one LibreOffice start (output in `outDir`) and reads sheet
 * `sheetIndex` (1-based) of each, in order.
 */
export async function recalculatedValues(files: readonly string[], outDir: string, sheetIndex = 1): Promise<Map<string, CellValue>[]> {
  return Promise.all(recalculateWithLibreOffice(files, outDir).map((file) => readSheetValues(file, sheetIndex)));
}

/**
 * Writes each plan as `<prefix><i>.xlsx` in `dir` (the export the CLI uses), recalculates them all
 * with one LibreOffice start (output in `dir/<prefix>-recalculated`) and reads each back, in order.
 */
export async function recalculatedPlans(plans: readonly SheetPlan<string>[], dir: string, prefix = "case"): Promise<Map<string, CellValue>[]> {
  const files = await Promise.all(
    plans.map(async (plan, i) => {
      const file = path.join(dir, `${prefix}${i}.xlsx`);
      await writePlanXlsx(plan, file);
      return file;
    }),
  );
  return recalculatedValues(files, path.join(dir, `${prefix}-recalculated`));
}

/**
 * Copies of the workbook `original`, one per entry of `edits` (cell address of the first sheet →
 * new value), written as `<prefix><i>.xlsx` in `dir`: what a user typing over input cells saves.
 */
export async function editedCopies(original: string, edits: readonly Record<string, ExcelJS.CellValue>[], dir: string, prefix = "edited"): Promise<string[]> {
  const files: string[] = [];
  for (const [i, edit] of edits.entries()) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(original);
    for (const [address, value] of Object.entries(edit)) workbook.worksheets[0].getCell(address).value = value;
    const file = path.join(dir, `${prefix}${i}.xlsx`);
    await workbook.xlsx.writeFile(file);
    files.push(file);
  }
  return files;
}
