/**
 * A deal register from a CSV file, for the command line:
 *
 *   npx tsx src/cli/register.ts docs/sample-register.csv
 *   npx tsx src/cli/register.ts register.csv --as-of 2027-01-01 --year-end-month 6
 *
 * The file is RFC 4180 CSV (comma-separated; a field may be quoted, with "" for a quote, and may then
 * hold commas and line breaks; lines end with CRLF or LF; a UTF-8 byte-order mark is ignored), with a
 * header row. Cells are read as the same text typed into an Excel cell would be: dates as YYYY-MM-DD,
 * numbers as plain decimals (0.03, not 3%), words such as "quarterly" and TRUE/FALSE.
 */
import fs from "fs";
import path from "path";
import { parseArgs } from "util";
import { DealError, parseIsoDate, portfolioFigures, readRegister, Register, valueError } from "../core";
import { formatDate, formatMoney, formatPercent } from "../model/format";

/**
 * Parses RFC 4180 CSV into records of fields, in one pass (time linear in the text). Throws `#VALUE!`
 * naming the row (record; the header is row 1) for a stray quote, text after a closing quote, an
 * unclosed quote, or a record with more or fewer fields than the header. An empty line is a record of
 * one empty field (a blank row).
 *
 * @example
 * parseCsv('a,"b, c"\r\n1,"say ""hi"""\n') // [["a", "b, c"], ["1", 'say "hi"']]
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const row = () => records.length + 1;
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
      if (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") {
        throw valueError(`Row ${row()}, field ${record.length + 1}: text after a closing quote; quote the whole field.`);
      }
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 /* , */ || c === 10 /* \n */ || c === 13 /* \r */) break;
        if (c === 34 /* " */) {
          throw valueError(`Row ${row()}, field ${record.length + 1}: a quote inside an unquoted field; quote the whole field and double the quote.`);
        }
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    record.push(field);
    if (i < n && text[i] === ",") {
      i++;
      continue;
    }
    // End of a record: a line break or the end of the text.
    if (i < n && text[i] === "\r") i++;
    if (i < n && text[i] === "\n") i++;
    records.push(record);
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

/** A register from CSV text: cells read as Excel cells holding the same text. */
export function readRegisterCsv(text: string): Register {
  return readRegister(parseCsv(text));
}

const HELP = `Usage: npx tsx src/cli/register.ts FILE.csv [--as-of YYYY-MM-DD] [--year-end-month N]

Reads a deal register (CSV with a header row, one deal per row) and prints each deal's figures,
the backlog by fiscal year and the concentration on the largest counterparty.
`;

export function main(argv: string[], cwd: string, log: (line: string) => void = console.log): number {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { "as-of": { type: "string" }, "year-end-month": { type: "string" }, help: { type: "boolean" } },
  });
  if (values.help || positionals.length !== 1) {
    log(HELP);
    return values.help ? 0 : 2;
  }
  let asOf: number | null = null;
  if (values["as-of"] !== undefined) {
    const serial = parseIsoDate(values["as-of"]);
    if (serial === undefined) throw valueError(`--as-of must be a date as YYYY-MM-DD, not "${values["as-of"]}".`);
    asOf = serial;
  }
  const yearEndMonth = values["year-end-month"] === undefined ? 12 : Number(values["year-end-month"]);
  const register = readRegisterCsv(fs.readFileSync(path.resolve(cwd, positionals[0]), "utf8"));
  const figures = portfolioFigures(register.deals, { asOf, yearEndMonth });
  const { counts, mapping } = register;
  log(`${counts.deals} deals (${counts.rows} rows, ${counts.blankRows} blank skipped)${asOf === null ? "" : `, as of ${formatDate(asOf)}`}`);
  if (mapping.ignored.length > 0) log(`Ignored columns: ${mapping.ignored.map((c) => `"${c.header}"`).join(", ")}`);
  const money = (x: Parameters<typeof formatMoney>[0]) => formatMoney(x).padStart(20);
  log(`\n${"Counterparty".padEnd(24)} ${"Headline".padStart(20)} ${"Committed".padStart(20)} ${"Exit date".padStart(10)} ${"Run-rate".padStart(20)}  Share`);
  for (const d of figures.deals) {
    log(`${d.counterparty.padEnd(24)} ${money(d.headline)} ${money(d.committed)} ${formatDate(d.exitDate)} ${money(d.runRate)}  ${formatPercent(d.shareOfHeadline)}`);
  }
  log(`${"Total".padEnd(24)} ${money(figures.totalHeadline)} ${money(figures.totalCommitted)} ${"".padStart(10)} ${money(figures.totalRunRate)}`);
  log(`\n${"Year".padEnd(6)} ${"Headline".padStart(20)} ${"Committed".padStart(20)} ${"Expected".padStart(20)}`);
  for (const y of figures.backlog) log(`${String(y.year).padEnd(6)} ${money(y.headline)} ${money(y.committed)} ${money(y.expected)}`);
  const { headline, committed } = figures.concentration;
  log(`\nLargest counterparty: ${headline.counterparty}, ${formatPercent(headline.share)} of headline; ${committed.counterparty}, ${formatPercent(committed.share)} of committed`);
  return 0;
}

if (require.main === module) {
  try {
    process.exit(main(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd()));
  } catch (error) {
    const known = error instanceof DealError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") || (error as { code?: string }).code === "ENOENT";
    console.error(`register: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}`);
    process.exit(2);
  }
}
