/**
 * The pages of a PDF that LibreOffice wrote, read without a PDF library: each page's text (its
 * fonts' ToUnicode maps applied to the hex strings of its text operators) and the font sizes its
 * text is set in (the `Tf` operator: LibreOffice writes a printed page's scale into the size, so an
 * 11 pt cell printed at 60% is set at 6.6 pt). Enough for what the print tests ask: is any text
 * "###", how small is the print, how many pages. Streams are Flate-compressed, as LibreOffice writes them.
 */
import fs from "fs";
import zlib from "zlib";

export interface PdfPage {
  readonly text: string;
  /** The size of each run of text, in points. */
  readonly sizes: readonly number[];
}

interface PdfObject {
  readonly dict: string;
  readonly stream?: string;
}

/** Every `n 0 obj … endobj` of the file, its stream inflated. */
function pdfObjects(bytes: Buffer): Map<string, PdfObject> {
  const text = bytes.toString("latin1");
  const objects = new Map<string, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*([^]*?)endobj/g)) {
    const body = match[2];
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      objects.set(match[1], { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    const bodyStart = match.index! + match[0].indexOf(body);
    const start = bodyStart + body.indexOf("\n", at) + 1;
    const end = text.indexOf("endstream", start);
    const raw = bytes.subarray(start, end);
    let stream = "";
    try {
      stream = dict.includes("FlateDecode") ? zlib.inflateSync(raw).toString("latin1") : raw.toString("latin1");
    } catch {
      stream = ""; // an image or a font program that is not text: not read
    }
    objects.set(match[1], { dict, stream });
  }
  return objects;
}

/** A font's code → text map, from its ToUnicode CMap (bfchar pairs, as LibreOffice writes them). */
function toUnicode(objects: Map<string, PdfObject>, fontId: string): Map<string, string> {
  const map = new Map<string, string>();
  const ref = /\/ToUnicode\s+(\d+) 0 R/.exec(objects.get(fontId)?.dict ?? "");
  const cmap = ref ? (objects.get(ref[1])?.stream ?? "") : "";
  for (const [, code, unicode] of cmap.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
    let chars = "";
    for (let i = 0; i < unicode.length; i += 4) chars += String.fromCharCode(parseInt(unicode.slice(i, i + 4), 16));
    map.set(code.toUpperCase(), chars);
  }
  return map;
}

/** The pages of `file`, in the order the file lists them. */
export function pdfPages(file: string): PdfPage[] {
  const objects = pdfObjects(fs.readFileSync(file));
  const maps = new Map<string, Map<string, string>>();
  const pages: PdfPage[] = [];
  for (const [, page] of objects) {
    if (!/\/Type\s*\/Page[^s]/.test(page.dict)) continue;
    const contents = /\/Contents\s+(\d+) 0 R/.exec(page.dict);
    const stream = contents ? (objects.get(contents[1])?.stream ?? "") : "";
    const resourcesRef = /\/Resources\s+(\d+) 0 R/.exec(page.dict);
    const resources = resourcesRef ? objects.get(resourcesRef[1])!.dict : page.dict;
    const fontsRef = /\/Font\s+(\d+) 0 R/.exec(resources);
    const fontDict = fontsRef ? objects.get(fontsRef[1])!.dict : resources;
    const fonts = new Map([...fontDict.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)].map(([, name, id]) => [name, id]));
    let font = "";
    let text = "";
    const sizes: number[] = [];
    for (const [, name, size, hex] of stream.matchAll(/\/(F\d+)\s+([\d.]+)\s+Tf|<([0-9A-Fa-f]+)>/g)) {
      if (name) {
        font = name;
        sizes.push(Number(size));
        text += " ";
        continue;
      }
      const id = fonts.get(font) ?? "";
      if (!maps.has(id)) maps.set(id, toUnicode(objects, id));
      const map = maps.get(id)!;
      for (let i = 0; i < hex.length; i += 2) text += map.get(hex.slice(i, i + 2).toUpperCase()) ?? "\uFFFD";
    }
    pages.push({ text, sizes });
  }
  return pages;
}
