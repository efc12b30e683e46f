/**
 * The CSV reader (RFC 4180) and the register command line.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { DealError } from "../../src/core";
import { main, parseCsv, readRegisterCsv } from "../../src/cli/register";
import { sampleRegisterCsv, SAMPLE_REGISTER } from "../support/sampleRegister";

function csvFailure(text: string): string {
  try {
    parseCsv(text);
  } catch (error) {
    if (error instanceof DealError) return error.message;
    throw error;
  }
  throw new Error("expected the CSV to be refused");
}

describe("parseCsv (RFC 4180)", () => {
  it("reads plain and quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF or LF", () => {
    expect(parseCsv('a,"b, c",d\r\n1,"say ""hi""","two\r\nlines"\n')).toEqual([
      ["a", "b, c", "d"],
      ["1", 'say "hi"', "two\r\nlines"],
    ]);
  });

  it("ignores a byte-order mark, keeps empty fields, and needs no final line break", () => {
    expect(parseCsv("\uFEFFa,b,c\n,,\nx,\"\",z")).toEqual([
      ["a", "b", "c"],
      ["", "", ""],
      ["x", "", "z"],
    ]);
    expect(parseCsv("")).toEqual([]);
  });

  it("reads an empty line as a blank row (one empty field)", () => {
    expect(parseCsv("a,b\n\n1,2\n")).toEqual([["a", "b"], [""], ["1", "2"]]);
  });

  it("refuses malformed CSV, naming the row (the header is row 1)", () => {
    expect(csvFailure('a,b\n1,"open')).toBe('Row 2: a quoted field is not closed (a " is missing).');
    expect(csvFailure('a,b\n1,"x"y\n')).toBe("Row 2, field 2: text after a closing quote; quote the whole field.");
    expect(csvFailure('a,b\n1,x"y\n')).toBe("Row 2, field 2: a quote inside an unquoted field; quote the whole field and double the quote.");
    expect(csvFailure("a,b\n1,2\n1,2,3\n")).toBe("Row 3 has 3 fields; the header row has 2.");
    expect(csvFailure("a,b\n1\n")).toBe("Row 2 has 1 field; the header row has 2.");
  });

  it("handles large and quote-heavy input in one pass (no timing asserted: a quadratic parser would time out)", () => {
    const quotes = '"' + '""'.repeat(500_000) + '"';
    expect(parseCsv(`a\n${quotes}\n`)[1][0]).toHaveLength(500_000);
    const wide = Array.from({ length: 50_000 }, (_, i) => `r${i},x`).join("\n");
    expect(parseCsv(wide)).toHaveLength(50_000);
  });
});

describe("the sample register as CSV", () => {
  it("docs/sample-register.csv is the sample register, written by sampleRegisterCsv", () => {
    expect(fs.readFileSync(path.resolve("docs/sample-register.csv"), "utf8")).toBe(sampleRegisterCsv());
    expect(parseCsv(sampleRegisterCsv())).toEqual(SAMPLE_REGISTER.map((row) => [...row]));
  });

  it("reads as six deals, the Basis column ignored", () => {
    const register = readRegisterCsv(sampleRegisterCsv());
    expect(register.counts).toEqual({ rows: 6, deals: 6, blankRows: 0 });
    expect(register.mapping.ignored.map((c) => c.header)).toEqual(["Basis"]);
  });

  it("a bad CSV row names its row and column", () => {
    // Issue 15: 01/01/2027 is now read (both orders give one day); an ambiguous 02/01/2027 is refused.
    const text = "Customer,Start,End,Amount\nAcme,2026-07-01,02/01/2027,5\n";
    expect(() => readRegisterCsv(text)).toThrow('Row 2, column "End": the end date "02/01/2027" is ambiguous: 2 January 2027 or February 1, 2027?');
  });
});

describe("the register command line", () => {
  let dir: string;
  let lines: string[];
  const log = (line: string) => lines.push(line);
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "deal-register-"));
    lines = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints the deals, the backlog and the concentration of a CSV register", () => {
    fs.writeFileSync(path.join(dir, "r.csv"), sampleRegisterCsv());
    expect(main(["r.csv"], dir, log)).toBe(0);
    const text = lines.join("\n");
    expect(text).toContain("6 deals (6 rows, 0 blank skipped)");
    expect(text).toContain('Ignored columns: "Basis"');
    // Seed by hand: 42 × 150M headline, Jul–Dec 2026 committed, exit 2026-12-30.
    expect(text).toMatch(/Reflection AI\s+6,300,000,000\.00\s+900,000,000\.00 2026-12-30/);
    expect(text).toMatch(/2025\s+120,000,000\.00\s+120,000,000\.00\s+120,000,000\.00/);
    expect(text).toContain("Largest counterparty: Reflection AI");
  });

  it("takes --as-of and --year-end-month, and explains bad options", () => {
    fs.writeFileSync(path.join(dir, "r.csv"), sampleRegisterCsv());
    // At the close of 2026-12-31: 36 payments of 150M remain; notice on 2027-01-01 exits 2027-04-01 (Jan–Mar).
    expect(main(["r.csv", "--as-of", "2026-12-31", "--year-end-month", "6"], dir, log)).toBe(0);
    expect(lines.join("\n")).toMatch(/Reflection AI\s+5,400,000,000\.00\s+450,000,000\.00 2027-04-01/);
    // At the close of 2027-01-01 January's payment is made (35 remain); notice on 2027-01-02 exits 2027-04-02,
    // April begun and owed in full: Feb–Apr 450M.
    lines.length = 0;
    expect(main(["r.csv", "--as-of", "2027-01-01", "--year-end-month", "6"], dir, log)).toBe(0);
    expect(lines.join("\n")).toMatch(/Reflection AI\s+5,250,000,000\.00\s+450,000,000\.00 2027-04-02/);
    expect(() => main(["r.csv", "--as-of", "1/1/2027"], dir, log)).toThrow('--as-of must be a date as YYYY-MM-DD, not "1/1/2027".');
    expect(() => main(["r.csv", "--year-end-month", "13"], dir, log)).toThrow(/year_end_month must be a whole number/);
    expect(main([], dir, log)).toBe(2);
  });
});
