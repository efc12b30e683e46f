/**
 * npm run model -- --register FILE.csv: the register sheet and a Portfolio sheet in one workbook, with
 * the register's own column recognition and bad-row messages (status 2, nothing written). The
 * figures are proved in test/model/portfolio-sheet.test.ts (LibreOffice).
 */
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/model";
import { readRegisterCsv } from "../../src/cli/register";

describe("npm run model -- --register", () => {
  let dir: string;
  let out: string[];
  let err: string[];
  const io = { log: (l: string) => out.push(l), error: (l: string) => err.push(l) };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "deal-cli-register-"));
    out = [];
    err = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const csv = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return name;
  };

  it("writes the register's rows as values (dates as dates, numbers as numbers) and a Portfolio sheet, with unusual headers recognised", async () => {
    const file = csv("deals.csv", "Tenant,Commencement,EXPIRY,amount,Region\nAcme,2026-07-01,2027-06-30,\"1,000\",EU\n,,,,\nBeta,2026-01-01,2026-12-31,250.5,US\n");
    expect(await run(["--register", file, "--out", "p.xlsx"], dir, io)).toBe(0);
    expect(err).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, "p.xlsx"));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Deals", "Portfolio"]);
    const deals = workbook.getWorksheet("Deals")!;
    expect(deals.getRow(1).values).toEqual([undefined, "Tenant", "Commencement", "EXPIRY", "amount", "Region"]);
    expect(deals.getCell("B2").value).toEqual(new Date(Date.UTC(2026, 6, 1))); // a date cell (exceljs reads it as a Date)…
    expect(deals.getCell("B2").numFmt).toBe("yyyy-mm-dd");
    expect(deals.getCell("D2").value).toBe(1000); // …"1,000" a number, as typed into Excel
    expect(deals.getCell("D4").value).toBe(250.5);
    const portfolio = workbook.getWorksheet("Portfolio")!;
    expect(String(portfolio.getCell("A1").value)).toBe("Portfolio — 2 deals from Deals");
    const headline = readRegisterCsv(fs.readFileSync(path.join(dir, file), "utf8"));
    expect(headline.counts).toEqual({ rows: 3, deals: 2, blankRows: 1 });
    expect(out.join("\n")).toContain("2 (1 blank rows skipped)");
  });

  it("takes --as-of and --year-end-month: the sheet's inputs hold them and the printed totals are at the close of that day", async () => {
    // One deal, 100 a month in advance, 2026-07-01 … 2027-06-30, no termination terms (no early exit). At the close
    // of 2027-01-01 January's payment is made: February–June remain, 5 × 100 = 500, headline = committed =
    // expected (no exit to weigh).
    const file = csv("deals.csv", "Counterparty,Start,End,Payment\nAcme,2026-07-01,2027-06-30,100\n");
    expect(await run(["--register", file, "--as-of", "2027-01-01", "--year-end-month", "6", "--out", "p.xlsx"], dir, io)).toBe(0);
    expect(err).toEqual([]);
    const text = out.join("\n");
    expect(text).toContain("the close of 2027-01-01");
    expect(text).toMatch(/Headline\s+500\.00/);
    expect(text).toMatch(/Committed\s+500\.00/);
    expect(text).toMatch(/Expected\s+500\.00 \(by payment date/);
    expect(text).not.toContain("Expected on the sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, "p.xlsx"));
    const names = workbook.definedNames.model as unknown as { name: string; ranges: string[] }[];
    const cellOf = (name: string) => {
      const ref = names.find((n) => n.name === name)!.ranges[0].split("!")[1].replace(/\$/g, "");
      return workbook.getWorksheet("Portfolio")!.getCell(ref).value;
    };
    expect(cellOf("AsOfDate")).toEqual(new Date(Date.UTC(2027, 0, 1)));
    expect(cellOf("YearEndMonth")).toBe(6);
  });

  it.each([
    ["--year-end-month 13", ["--year-end-month", "13"], 'model: --year-end-month must be a whole number from 1 (January) to 12 (December), not "13".'],
    ["--as-of soon", ["--as-of", "soon"], 'model: --as-of must be a date, not the text "soon".'],
  ])("refuses %s with a message naming the option", async (_what, args, message) => {
    const file = csv("deals.csv", "Counterparty,Start,End,Payment\nAcme,2026-07-01,2027-06-30,100\n");
    expect(await run(["--register", file, ...args, "--out", "p.xlsx"], dir, io)).toBe(2);
    expect(err[0]).toBe(message);
    expect(fs.existsSync(path.join(dir, "p.xlsx"))).toBe(false);
    expect(await run(["--as-of", "2027-01-01"], dir, io)).toBe(2);
    expect(err).toContain("model: --as-of applies to a register's portfolio: it goes with --register.");
  });

  it.each([
    ["a bad row", "Counterparty,Start,End,Payment,Frequency\nA,2026-01-01,2026-12-31,5,monthly\nB,2026-01-01,2026-12-31,5,weekly\n",
      'model: Row 3, column "Frequency": the frequency must be "monthly", "quarterly", "semi-annual" or "annual" (or 12, 4, 2, 1 payments a year), not the text "weekly".'],
    ["a missing column", "Counterparty,Start,Payment\nA,2026-01-01,5\n", /^model: The register has no end date column: name one "End", "End date", "Expiry", "Expiry date", "Contract end", "Term end" \(any case\)\.$/],
    ["two columns for one term", "Counterparty,Start,Commencement,End,Payment\n", 'model: The columns "Start" and "Commencement" both give the start date: keep one of them.'],
    ["a malformed file", 'Counterparty,Start,End,Payment\n"A,2026-01-01,2026-12-31,5\n', 'model: Row 2: a quoted field is not closed (a " is missing).'],
  ])("refuses %s with the register's own message: status 2, nothing written", async (_what, text, message) => {
    const file = csv("deals.csv", text);
    expect(await run(["--register", file, "--out", "p.xlsx"], dir, io)).toBe(2);
    if (typeof message === "string") expect(err[0]).toBe(message);
    else expect(err[0]).toMatch(message);
    expect(fs.readdirSync(dir)).toEqual(["deals.csv"]);
  });

  it("refuses a deal option beside --register, and a missing file", async () => {
    const file = csv("deals.csv", "Counterparty,Start,End,Payment\nA,2026-01-01,2026-12-31,5\n");
    expect(await run(["--register", file, "--payment", "5"], dir, io)).toBe(2);
    expect(err[0]).toBe("model: --register writes a portfolio: --payment does not apply to it.");
    expect(await run(["--register", "nope.csv"], dir, io)).toBe(2);
    expect(err[2]).toBe("model: --register nope.csv: no such file.");
    expect(fs.readdirSync(dir)).toEqual(["deals.csv"]);
  });
});
