/**
 * A deal register from a CSV file, for the command line:
 *
 *   npx tsx src/cli/register.ts docs/sample-register.csv
 *   npx tsx src/cli/register.ts register.csv --as-of 2027-01-01 --year-end-month 6
 *
 * The file is RFC 4180 CSV as spreadsheets export it: fields separated by commas, semicolons
 * (European Excel) or tabs — detected from the header row, or stated with `--delimiter`; a field may
 * be quoted, with "" for a quote, and may then hold delimiters and line breaks; lines end with CRLF or
 * LF. UTF-8 with or without a byte-order mark, UTF-16 with one, or Windows-1252 (Excel's "CSV" on
 * Windows) — decoded correctly or refused naming the encoding, never with replacement characters.
 * Cells are read as DEAL arguments read them: dates as serials, ISO, 1-Jul-2026 or July 1, 2026
 * (31/12/2029 when unambiguous, 7/1/2026 with `--date-order`), amounts with a currency mark and
 * thousands commas, rates as 3% or 0.03, words such as "quarterly" and TRUE/FALSE.
 */
import { isUtf8 } from "buffer";
import fs from "fs";
import path from "path";
import { parseArgs } from "util";
import { DateOrder, DealError, MAX_REGISTER_ROWS, parseIsoDate, portfolioFigures, readRegister, Register, RegisterError, unholdableCharacter, valueError } from "../core";
import { formatDate, formatMoney, formatPercent } from "../model/format";

/**
 * Parses RFC 4180 CSV (with the delimiter given, or detected by {@link detectDelimiter}) into records of fields, in one pass (time linear in the text). Throws `#VALUE!`
 * naming the row (record; the header is row 1) for a stray quote, text after a closing quote, an
 * unclosed quote, a record with more or fewer fields than the header, more than `maxRows` records below the header, or more than `maxCells` fields in all. An empty line is a record of
 * one empty field (a blank row).
 *
 * @example
 * parseCsv('a,"b, c"\r\n1,"say ""hi"""\n') // [["a", "b, c"], ["1", 'say "hi"']]
 */
export function parseCsv(text: string, delimiter: Delimiter = detectDelimiter(text), maxRows = Infinity, maxCells = Infinity): string[][] {
  const sep = delimiter.charCodeAt(0);
  const records: string[][] = [];
  let record: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const row = () => records.length + 1;
  let cells = 0;
  if (i >= n) return records;
  for (;;) {
    // At the start of a field.
    let field: string;
    if (text[i] === '"') {
      const parts: string[] = [];
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) throw valueError(`Row ${row()}: a quoted field is not closed (a " is missing).`);
        parts.push(text.slice(from, quote));
        if (text[quote + 1] === '"') {
          parts.push('"');
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      field = parts.join("");
      if (i < n && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") {
        throw valueError(`Row ${row()}, field ${record.length + 1}: text after a closing quote; quote the whole field.`);
      }
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === sep || c === 10 /* \n */ || c === 13 /* \r */) break;
        if (c === 34 /* " */) {
          throw valueError(`Row ${row()}, field ${record.length + 1}: a quote inside an unquoted field; quote the whole field and double the quote.`);
        }
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    const bad = unholdableCharacter(field);
    if (bad !== undefined) {
      throw valueError(`Row ${row()}, field ${record.length + 1}: a ${Number.parseInt(bad.slice(2), 16) < 32 ? "control character" : "character"} (${bad}) that a workbook cannot hold: remove it.`);
    }
    record.push(field);
    if (i < n && text[i] === delimiter) {
      i++;
      continue;
    }
    // End of a record: a line break or the end of the text.
    if (i < n && text[i] === "\r") i++;
    if (i < n && text[i] === "\n") i++;
    records.push(record);
    cells += record.length;
    if (records.length - 1 > maxRows) throw tooManyRows(maxRows);
    if (cells > maxCells) throw tooManyCells(maxCells);
    record = [];
    if (i >= n) break;
  }
  const width = records[0].length;
  records.forEach((r, k) => {
    const blankLine = r.length === 1 && r[0] === "";
    if (r.length !== width && !blankLine) {
      throw valueError(`Row ${k + 1} has ${r.length} field${r.length === 1 ? "" : "s"}; the header row has ${width}.`);
    }
  });
  return records;
}

/** The refusal of a file with more rows than a register is read with. */
function tooManyRows(maxRows: number): DealError {
  const n = maxRows.toLocaleString("en-US");
  return valueError(`The register has more than ${n} rows below its header; at most ${n} are read. Split it into smaller registers.`);
}

/** The most cells (rows × columns, the header row included) a register file is read with: 20,000 rows of 100 columns. */
export const MAX_REGISTER_CELLS = 2_000_000;

/** The refusal of a file with more cells than a register file is read with. */
function tooManyCells(maxCells: number): DealError {
  return valueError(
    `The register has more than ${maxCells.toLocaleString("en-US")} cells (rows × columns); at most that many are read. Remove the columns the portfolio does not read, or split the register.`,
  );
}

/** A field delimiter: comma, semicolon (European Excel) or tab. */
export type Delimiter = "," | ";" | "\t";

/**
 * The delimiter of CSV text: whichever of comma, semicolon and tab occurs most often in the header
 * row outside quotes (a comma when none does, or on a tie with it). One pass over the header row.
 *
 * @example
 * detectDelimiter("Client;Start;End;Fee\n") // ";"
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && (c === "," || c === ";" || c === "\t")) counts[c]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}

/** How the delimiter is named in notes. */
const DELIMITER_NAMES: Record<Delimiter, string> = { ",": "','", ";": "';'", "\t": "tabs" };

/** An encoding a register file may be stated to have (`--encoding`). */
export type RegisterEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

const ENCODING_NAMES: Record<RegisterEncoding, string> = { "utf-8": "UTF-8", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE", "windows-1252": "Windows-1252" };

/** Bytes Windows-1252 leaves undefined: a file holding one is not Windows-1252. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Windows-1252's characters for the bytes 0x80–0x9F (the rest are Latin-1's); "" where it defines none. */
const CP1252_HIGH = "€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ";

function decodeWith(bytes: Uint8Array, encoding: RegisterEncoding): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === "windows-1252") {
    let out = "";
    for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    return out;
  }
  if (encoding === "utf-8") return isUtf8(buffer) ? buffer.toString("utf8") : undefined;
  if (bytes.length % 2 === 1) return undefined;
  // UTF-16: a lone surrogate is kept, and refused as a character a workbook cannot hold when read.
  return encoding === "utf-16le" ? buffer.toString("utf16le") : Buffer.from(buffer).swap16().toString("utf16le");
}

/**
 * A register file's text from its bytes: by its byte-order mark (UTF-8, UTF-16LE, UTF-16BE), by the
 * encoding stated, or else UTF-8 when the bytes are valid UTF-8 and Windows-1252 (Excel's "CSV" on
 * Windows) when they are not. Refused, naming the encoding, when the bytes are not that encoding —
 * never decoded into replacement characters, so "Société" and "Sociètà" stay two names.
 *
 * @example
 * decodeRegisterBytes(new Uint8Array([0x53, 0x6f, 0x63, 0x69, 0xe9, 0x74, 0xe9])) // { text: "Société", encoding: "Windows-1252" }
 */
export function decodeRegisterBytes(bytes: Uint8Array, stated?: RegisterEncoding): { text: string; encoding: string } {
  let encoding: RegisterEncoding | undefined = stated;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) [encoding, body] = ["utf-8", bytes.subarray(3)];
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, body] = ["utf-16le", bytes.subarray(2)];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, body] = ["utf-16be", bytes.subarray(2)];
  if (encoding === "windows-1252" || encoding === undefined) {
    const bad = body.findIndex((b) => UNDEFINED_1252.has(b));
    if (encoding === undefined) {
      // Text in UTF-16 without its mark: a zero byte in every other place.
      let zeros = 0;
      const probe = Math.min(body.length, 4096);
      for (let i = 0; i < probe; i++) if (body[i] === 0) zeros++;
      if (probe > 0 && zeros * 3 >= probe) {
        throw valueError("The file looks like UTF-16 without a byte-order mark: save it as CSV UTF-8, or state --encoding utf-16le or utf-16be.");
      }
    }
    const utf8 = encoding === undefined ? decodeWith(body, "utf-8") : undefined;
    if (utf8 !== undefined) return { text: utf8, encoding: "UTF-8" };
    if (bad >= 0) {
      const what = encoding === undefined ? "neither UTF-8 nor Windows-1252" : "not Windows-1252 (as --encoding says)";
      throw valueError(`The file is ${what} (byte 0x${body[bad].toString(16).toUpperCase()} at offset ${bad + (bytes.length - body.length)}): save it as CSV UTF-8, or state --encoding.`);
    }
    return { text: decodeWith(body, "windows-1252")!, encoding: "Windows-1252" };
  }
  const text = decodeWith(body, encoding);
  if (text === undefined) {
    throw valueError(`The file is not valid ${ENCODING_NAMES[encoding]} (as ${stated === encoding ? "--encoding says" : "its byte-order mark says"}): save it as CSV UTF-8, or state its encoding.`);
  }
  return { text, encoding: ENCODING_NAMES[encoding] };
}

/** The largest register file read: beyond it, refused before more is read (so /dev/zero ends). */
export const MAX_REGISTER_BYTES = 64 * 1024 * 1024;

/** Reads at most `maxBytes` of a file; refuses a larger one (or an endless device) once the cap is passed. */
function readCapped(file: string, maxBytes: number, shown: string): Uint8Array {
  const fd = fs.openSync(file, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.alloc(Math.min(1 << 20, maxBytes + 1));
    for (;;) {
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) {
        const size = maxBytes >= 1 << 20 ? `${Math.round(maxBytes / (1 << 20))} MB` : `${maxBytes} bytes`;
        throw valueError(`${shown} is larger than ${size}: a register is read up to that size.`);
      }
      chunks.push(Buffer.from(chunk.subarray(0, read)));
    }
    return new Uint8Array(Buffer.concat(chunks));
  } finally {
    fs.closeSync(fd);
  }
}

/** How a register file is read: each choice detected when not stated. */
export interface RegisterFileOptions {
  readonly delimiter?: Delimiter;
  readonly encoding?: RegisterEncoding;
  readonly dateOrder?: DateOrder;
  /** Default {@link MAX_REGISTER_BYTES}. */
  readonly maxBytes?: number;
}

/** A register file as read: the register, its records (cells as text), and notes on how it was read. */
export interface RegisterFile {
  readonly register: Register;
  readonly records: string[][];
  readonly encoding: string;
  readonly delimiter: Delimiter;
  /** What the user should know: an encoding or delimiter other than UTF-8 and commas. */
  readonly notes: readonly string[];
}

/**
 * Reads a register file — the one entry for every command that takes one (`npm run model --
 * --register` may call it with {@link registerFileOptions} of its own options): size-capped,
 * decoded, split by its delimiter, every row read.
 *
 * @example
 * readRegisterFile("deals.csv", { dateOrder: "dmy" }).register.deals.length // 3
 */
export function readRegisterFile(file: string, options: RegisterFileOptions = {}): RegisterFile {
  const bytes = readCapped(file, options.maxBytes ?? MAX_REGISTER_BYTES, file);
  const { text, encoding } = decodeRegisterBytes(bytes, options.encoding);
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const records = parseCsv(text, delimiter, MAX_REGISTER_ROWS, MAX_REGISTER_CELLS);
  const register = readRegister(records, undefined, { dateOrder: options.dateOrder });
  const notes: string[] = [];
  if (encoding !== "UTF-8" || delimiter !== ",") {
    const how = encoding === "Windows-1252" && options.encoding === undefined ? "Windows-1252 (the file is not UTF-8)" : encoding;
    notes.push(`Read as ${how}, with ${DELIMITER_NAMES[delimiter]} between fields.`);
  }
  return { register, records, encoding, delimiter, notes };
}

/** A register from CSV text: cells read as Excel cells holding the same text. */
export function readRegisterCsv(text: string, options: Pick<RegisterFileOptions, "delimiter" | "dateOrder"> = {}): Register {
  const replaced = text.indexOf("\uFFFD");
  if (replaced >= 0) {
    // Text decoded as UTF-8 from bytes that were not: "Société" and "Sociètà" both became "Soci\uFFFDt\uFFFD".
    let row = 1; // a line of the file (a quoted field may span lines)
    for (let i = 0; i < replaced; i++) if (text.charCodeAt(i) === 10) row++;
    throw valueError(`Line ${row} holds U+FFFD replacement characters: the file was read as UTF-8 but is not (Windows-1252?). Read it with readRegisterFile, or save it as CSV UTF-8.`);
  }
  return readRegister(parseCsv(text, options.delimiter, MAX_REGISTER_ROWS), undefined, { dateOrder: options.dateOrder });
}

/** The command-line options that say how a register file is read, for `parseArgs` (shared by every command that reads one). */
export const REGISTER_FILE_ARGS = {
  "date-order": { type: "string" },
  delimiter: { type: "string" },
  encoding: { type: "string" },
} as const;

/**
 * {@link RegisterFileOptions} from the option values `--date-order dmy|mdy`, `--delimiter
 * comma|semicolon|tab` (or the character) and `--encoding utf-8|utf-16le|utf-16be|windows-1252`.
 *
 * @example
 * registerFileOptions({ "date-order": "dmy", delimiter: "semicolon" }) // { dateOrder: "dmy", delimiter: ";" }
 */
export function registerFileOptions(values: { readonly [name: string]: unknown }): RegisterFileOptions {
  const order = values["date-order"];
  if (order !== undefined && order !== "dmy" && order !== "mdy") throw valueError(`--date-order must be "dmy" or "mdy", not "${String(order).slice(0, 40)}".`);
  const delimiters: Record<string, Delimiter> = { ",": ",", comma: ",", ";": ";", semicolon: ";", "\t": "\t", tab: "\t" };
  const given = values.delimiter;
  const delimiter = given === undefined ? undefined : delimiters[String(given).toLowerCase()];
  if (given !== undefined && delimiter === undefined) throw valueError(`--delimiter must be comma, semicolon or tab, not "${String(given).slice(0, 40)}".`);
  const encodings: RegisterEncoding[] = ["utf-8", "utf-16le", "utf-16be", "windows-1252"];
  const stated = values.encoding === undefined ? undefined : String(values.encoding).toLowerCase().replace(/^utf8$/, "utf-8").replace(/^cp1252$/, "windows-1252");
  if (stated !== undefined && !encodings.includes(stated as RegisterEncoding)) {
    throw valueError(`--encoding must be ${encodings.join(", ")}, not "${String(values.encoding).slice(0, 40)}".`);
  }
  return {
    ...(order === undefined ? {} : { dateOrder: order }),
    ...(delimiter === undefined ? {} : { delimiter }),
    ...(stated === undefined ? {} : { encoding: stated as RegisterEncoding }),
  };
}

/** Every line a refused register gives the user: each refused row, then nothing more (RegisterError), or its one message. */
export function refusalLines(error: DealError): string[] {
  return error instanceof RegisterError ? error.problems.map((p) => p.message) : [error.message];
}

const HELP = `Usage: npx tsx src/cli/register.ts FILE.csv [--as-of YYYY-MM-DD] [--year-end-month N]
         [--date-order dmy|mdy] [--delimiter comma|semicolon|tab] [--encoding utf-8|utf-16le|utf-16be|windows-1252]

Reads a deal register (CSV with a header row, one deal per row) and prints each deal's figures,
the backlog by fiscal year and the concentration on the largest counterparty.

  --as-of        a day, at its close: payments due after it count, notice from the next day (default: every payment)
  --year-end-month  the fiscal year's last month, 1–12 (default 12)
  --date-order   how to read dates typed with numbers only, such as 7/1/2026 (refused as ambiguous otherwise)
  --delimiter    the field separator (detected from the header row otherwise)
  --encoding     the file's encoding (by its byte-order mark, else UTF-8, else Windows-1252)
`;

/** At most 40 characters of what the user wrote, for a message or a table. */
const clip = (text: string) => (text.length > 40 ? text.slice(0, 40) + "…" : text);

export function main(argv: string[], cwd: string, log: (line: string) => void = console.log): number {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { "as-of": { type: "string" }, "year-end-month": { type: "string" }, help: { type: "boolean" }, ...REGISTER_FILE_ARGS },
  });
  if (values.help || positionals.length !== 1) {
    log(HELP);
    return values.help ? 0 : 2;
  }
  let asOf: number | null = null;
  if (values["as-of"] !== undefined) {
    const serial = parseIsoDate(values["as-of"]);
    if (serial === undefined) throw valueError(`--as-of must be a date as YYYY-MM-DD, not "${clip(values["as-of"])}".`);
    asOf = serial;
  }
  const yearEndMonth = values["year-end-month"] === undefined ? 12 : Number(values["year-end-month"]);
  const { register, notes } = readRegisterFile(path.resolve(cwd, positionals[0]), registerFileOptions(values));
  const figures = portfolioFigures(register.deals, { asOf, yearEndMonth });
  const { counts, mapping } = register;
  log(`${counts.deals} deals (${counts.rows} rows, ${counts.blankRows} blank skipped)${asOf === null ? "" : `, as of ${formatDate(asOf)}`}`);
  for (const note of notes) log(note);
  for (const skipped of register.skipped) log(`Skipped row ${skipped.row}: ${skipped.reason}`);
  if (mapping.ignored.length > 0) log(`Ignored columns: ${mapping.ignored.map((c) => `"${clip(c.header)}"`).join(", ")}`);
  const money = (x: Parameters<typeof formatMoney>[0]) => formatMoney(x).padStart(20);
  log(`\n${"Counterparty".padEnd(24)} ${"Headline".padStart(20)} ${"Committed".padStart(20)} ${"Exit date".padStart(10)} ${"Run-rate".padStart(20)}  Share`);
  for (const d of figures.deals) {
    log(`${clip(d.counterparty).padEnd(24)} ${money(d.headline)} ${money(d.committed)} ${formatDate(d.exitDate)} ${money(d.runRate)}  ${formatPercent(d.shareOfHeadline)}`);
  }
  log(`${"Total".padEnd(24)} ${money(figures.totalHeadline)} ${money(figures.totalCommitted)} ${"".padStart(10)} ${money(figures.totalRunRate)}`);
  log(`\n${"Year".padEnd(6)} ${"Headline".padStart(20)} ${"Committed".padStart(20)} ${"Expected".padStart(20)}`);
  for (const y of figures.backlog) log(`${String(y.year).padEnd(6)} ${money(y.headline)} ${money(y.committed)} ${money(y.expected)}`);
  const { headline, committed } = figures.concentration;
  log(`\nLargest counterparty: ${clip(headline.counterparty)}, ${formatPercent(headline.share)} of headline; ${clip(committed.counterparty)}, ${formatPercent(committed.share)} of committed`);
  return 0;
}

if (require.main === module) {
  try {
    process.exit(main(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd()));
  } catch (error) {
    const known = error instanceof DealError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") || (error as { code?: string }).code === "ENOENT";
    if (error instanceof RegisterError) for (const line of refusalLines(error)) console.error(`register: ${line}`);
    else console.error(`register: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}`);
    process.exit(2);
  }
}
