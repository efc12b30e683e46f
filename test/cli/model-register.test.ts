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
