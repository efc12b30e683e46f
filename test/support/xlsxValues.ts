/**
 * Reads the cached cell values of a recalculated .xlsx straight from its XML, so that nothing is
 * lost in translation: a 0 stays 0, text stays text, and an error value is seen as one.
 */
import fs from "fs";
import JSZip from "jszip";

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
