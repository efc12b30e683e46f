/**
 * "Portfolio from a table" against the strict Excel double: a table with unusual headers and a bad
 * row is listed, read, its columns mapped (the bad row is refused with its row and column until the
 * user maps the columns right), and the Portfolio sheet inserted over it — in at most 3 round trips,
 * whatever the number of deals, without writing one cell of the user's sheet. LibreOffice then
 * recalculates the workbook the pane wrote (the user's table as it was + the inserted sheet) to the
 * core's figures: the formulas really refer to the user's table, at its own place on its own sheet.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { portfolioBacklog, portfolioFigures, RegisterField } from "../../src/core";
import { recalculateWithLibreOffice } from "../support/libreoffice";
import { isModelled } from "../../src/model/portfolioSheet";
import {
  ExcelHost,
  insertPortfolio,
  listRegisterSources,
  readRegisterCells,
  RegisterCells,
  splitAddress,
} from "../../src/taskpane/excelWriter";
import { describeRead, portfolioPlan, readPortfolio, recogniseColumns, REGISTER_ROOM, RegisterRefusal } from "../../src/taskpane/portfolioPane";
import { addressesOf, addressOf } from "../support/planRefs";
import { serialOf } from "../support/dates";
import { readSheetValues } from "../support/xlsxValues";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ExcelDouble = require("../support/excel-double.js");

const SHEET = "Deals 2026";
/** The user's register: a table at B3 with unusual headers; "Notice" holds notes (one is text), "Notice period" the days. */
const HEADER = ["Client", "Commencement", "EXPIRY", "Charge per period", "Payment frequency", "Lock-in", "Notice", "Notice period", "Region"];
const ROWS: unknown[][] = [
  ["Reflection AI", serialOf("2026-07-01"), serialOf("2029-12-31"), 150_000_000, "monthly", 3, 90, 90, "US"],
  ["Northwind Compute", serialOf("2026-01-01"), serialOf("2028-12-31"), 60_000_000, "quarterly", 12, 180, 180, "EU"],
  ["reflection ai", serialOf("2030-01-01"), serialOf("2030-12-31"), 150_000_000, "", 12, "by email to legal", 90, "US"],
  ["Tailspin Research", serialOf("2026-03-15"), serialOf("2028-03-14"), 25_000_000, 12, 0, 60, 60, "APAC"],
];

function userWorkbook() {
  const state = new ExcelDouble.WorkbookState();
  state.addSheet("Summary", { A1: "Board pack" });
  const cells: Record<string, unknown> = { A1: "Deal book — confidential", B30: "Notes below the table" };
  const letters = "BCDEFGHIJ";
  HEADER.forEach((h, c) => (cells[`${letters[c]}3`] = h));
  ROWS.forEach((row, r) => row.forEach((v, c) => (cells[`${letters[c]}${4 + r}`] = v)));
  state.addSheet(SHEET, cells);
  state.addTable("DealBook", SHEET, "B3:J7");
  state.select("Summary", "A1");
  return state;
}

function host(state: { isSetSupported(n: string, v: string): boolean }): ExcelHost {
  return {
    run: (batch) => batch(new ExcelDouble.RequestContext(state) as unknown as Excel.RequestContext),
    isSetSupported: (name, version) => state.isSetSupported(name, version),
  };
}

/** The user's remapping: "Notice" (notes) ignored, "Notice period" read as notice days, "Charge per period" as the payment. */
const FIXED: (RegisterField | null)[] = ["counterparty", "startDate", "endDate", "payment", "frequency", "lockInMonths", null, "noticeDays", null];

describe("Portfolio from a table (Excel double)", () => {
  it("lists the tables and the selection in one round trip, reading only", async () => {
    const state = userWorkbook();
    const before = state.snapshot();
    expect(await listRegisterSources(host(state))).toEqual({ tables: ["DealBook"], selection: "Summary!A1" });
    expect(state.syncs).toBe(1);
    expect(state.snapshot()).toEqual(before);
  });

  it("reads the table where it is, shows how each column is read, and refuses the bad row by row and column", async () => {
    const state = userWorkbook();
    const cells = await readRegisterCells(host(state), { kind: "table", name: "dealbook" }, REGISTER_ROOM);
    expect(state.syncs).toBe(1);
    expect({ sheet: cells.sheetName, headerRow: cells.headerRow, firstColumn: cells.firstColumn, rows: cells.values.length, freeBelow: cells.freeBelow, address: cells.address }).toEqual({
      sheet: SHEET, headerRow: 3, firstColumn: 1, rows: 5, freeBelow: 22, address: "'Deals 2026'!B3:J7", // rows 8–29 are free; B30 holds the user's notes
    });
    expect(recogniseColumns(cells.values[0])).toEqual(["counterparty", "startDate", "endDate", null, "frequency", "lockInMonths", "noticeDays", null, null]);
    // As recognised: "Charge per period" is no payment header, so the register has none.
    expect(() => readPortfolio(cells, null)).toThrow("No column gives the payment: choose one.");
    // With the payment chosen, the notes in "Notice" are refused — row and column named, as DEAL.PORTFOLIO names them.
    const withPayment: (RegisterField | null)[] = ["counterparty", "startDate", "endDate", "payment", "frequency", "lockInMonths", "noticeDays", null, null];
    expect(() => readPortfolio(cells, withPayment)).toThrow(RegisterRefusal);
    expect(() => readPortfolio(cells, withPayment)).toThrow(
      /^Row 4, column "Notice": the notice days must be a number, not the text "by email to legal"\. \(rows count from the header, on sheet row 3, as row 1\) Nothing was inserted\.$/,
    );
    const read = readPortfolio(cells, FIXED);
    expect(describeRead(read)).toBe(
      "4 deals. Columns mapped by hand: Expected (DEAL.BACKLOG reads headers) is left out. The formulas read 22 more rows below the table for deals you add.",
    );
  });

  it("refuses a bad row at insert time having written nothing (1 round trip)", async () => {
    const state = userWorkbook();
    const before = state.snapshot();
    const bad = ["counterparty", "startDate", "endDate", "payment", "frequency", "lockInMonths", "noticeDays", null, null] as (RegisterField | null)[];
    await expect(
      insertPortfolio(host(state), { kind: "table", name: "DealBook" }, REGISTER_ROOM, (cells) => {
        const read = readPortfolio(cells, bad);
        return { plan: portfolioPlan(cells, read), built: read };
      }),
    ).rejects.toThrow(/Row 4, column "Notice"/);
    expect(state.syncs).toBe(1);
    expect(state.snapshot()).toEqual(before);
  });

  it("inserts the Portfolio sheet over the table in 2 round trips (3 with the undo), the user's sheets untouched; LibreOffice agrees with the core", async () => {
    const state = userWorkbook();
    const before = state.snapshot();
    let built: { cells: RegisterCells } | null = null;
    const result = await insertPortfolio(host(state), { kind: "table", name: "DealBook" }, REGISTER_ROOM, (cells) => {
      const read = readPortfolio(cells, FIXED);
      built = { cells };
      return { plan: portfolioPlan(cells, read), built: read };
    });
    expect(result.syncs).toBe(2);
    expect(state.syncs).toBe(2);
    const after = state.snapshot();
    expect(after.sheets.slice(0, 2)).toEqual(before.sheets);
    expect(after.names).toEqual(before.names);
    expect(after.tables).toEqual(before.tables);
    // Nothing but loads touched the user's sheets.
    expect(state.log.filter((e: { sheet: string | null; kind: string }) => e.sheet !== null && e.sheet !== "Portfolio" && !/load|get/.test(e.kind))).toEqual([]);

    const portfolio = after.sheets[2];
    expect(portfolio.name).toBe("Portfolio");
    const cells = built!.cells;
    const read = readPortfolio(cells, FIXED);
    const plan = portfolioPlan(cells, read);
    // The formulas refer to the table's own cells: "Charge per period" is column E, rows 4 to 7 + 22 free rows.
    const formulas = Object.values(portfolio.cells as Record<string, { formula: string | null }>).map((c) => c.formula ?? "").join("\n");
    expect(formulas).toContain("'Deals 2026'!$E$4:$E$29");
    expect(formulas).not.toMatch(/'Deals 2026'!\$[A-Z]+\$(30|[3-9]\d|\d{3,})/); // never the notes in B30
    expect(portfolio.names.find((n: { name: string }) => n.name === "TotalHeadline").ref).toBe(`Portfolio!${addressOf(plan, "TotalHeadline").replace(/\$/g, "")}`);

    // LibreOffice recalculates what the pane wrote.
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "deal-pane-portfolio-"));
    try {
      const file = path.join(work, "pane.xlsx");
      await writeDoubleWorkbook(after, file);
      const [recalculated] = recalculateWithLibreOffice([file], path.join(work, "lo"));
      const values = await readSheetValues(recalculated, 3);
      expect([...values].filter(([, c]) => c.type === "error")).toEqual([]);
      const core = portfolioFigures(read.register.deals.filter((d) => isModelled(d.terms)));
      const money = (a: string) => Math.round(values.get(a)!.number! * 100);
      expect(addressesOf(plan, "DealHeadline").slice(0, 4).map(money)).toEqual(core.deals.map((d) => Math.round(d.headline.toNumber() * 100)));
      expect(addressesOf(plan, "DealCommitted").slice(0, 4).map(money)).toEqual(core.deals.map((d) => Math.round(d.committed.toNumber() * 100)));
      expect(money(addressOf(plan, "TotalHeadline"))).toBe(Math.round(core.totalHeadline.toNumber() * 100));
      expect(money(addressOf(plan, "BacklogTotalCommitted"))).toBe(Math.round(core.totalCommitted.toNumber() * 100));
      expect(values.get(addressOf(plan, "LargestByHeadline"))!.text).toBe(core.concentration.headline.counterparty);
      expect(values.get(addressOf(plan, "AllChecks"))!.text).toBe("OK");
      // Mapped by hand (DEAL.BACKLOG could not read these headers), Expected is still computed: by native formulas, the core's within a cent a year.
      const years = portfolioBacklog(read.register.deals.filter((d) => isModelled(d.terms)), { basis: "payments" });
      expect(Math.abs(money(addressOf(plan, "TotalExpected")) - years.reduce((t, y) => t + Math.round(y.expected.toNumber() * 100), 0))).toBeLessThanOrEqual(years.length);
      expect(values.get(addressOf(plan, "RowsExpectedNeedAddin"))!.number).toBe(0);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it("undoes a failed write: the third round trip removes the new sheet", async () => {
    const state = userWorkbook();
    const before = state.snapshot();
    await expect(
      insertPortfolio(host(state), { kind: "selection" }, 0, () => {
        throw new RegisterRefusal("never reached");
      }),
    ).rejects.toThrow("never reached"); // the selection (Summary!A1) has no register: the build refuses after 1 round trip
    expect(state.syncs).toBe(1);
    state.failOn(3, 50); // the second insert's write (its read is round trip 2), halfway through
    const result = insertPortfolio(host(state), { kind: "table", name: "DealBook" }, REGISTER_ROOM, (cells) => {
      const read = readPortfolio(cells, FIXED);
      return { plan: portfolioPlan(cells, read), built: read };
    });
    await expect(result).rejects.toThrow(/could not be inserted, and the workbook was left as it was/);
    expect(state.syncs).toBe(1 + 3);
    expect(state.snapshot()).toEqual(before);
  });

  it("takes 2 round trips for 1,000 deals too, and reads the dates of a 1904 workbook as the days they are", async () => {
    const state = new ExcelDouble.WorkbookState({ date1904: true });
    const cells: Record<string, unknown> = {};
    ["Customer", "Start", "End", "Payment", "Escalation"].forEach((h, c) => (cells[`${"ABCDE"[c]}1`] = h));
    for (let r = 2; r <= 1001; r++) {
      // A 1904 workbook holds 2026-07-01 as 46204 − 1462.
      Object.assign(cells, { [`A${r}`]: `Deal ${r}`, [`B${r}`]: serialOf("2026-07-01") - 1462 + r, [`C${r}`]: serialOf("2029-06-30") - 1462 + r, [`D${r}`]: 1000 * r, [`E${r}`]: 0.03 });
    }
    state.addSheet("Register", cells);
    state.addTable("Big", "Register", "A1:E1001");
    const before = state.snapshot().sheets[0];
    const result = await insertPortfolio(host(state), { kind: "table", name: "Big" }, REGISTER_ROOM, (c, date1904) => {
      const read = readPortfolio(c, null, date1904);
      return { plan: portfolioPlan(c, read), built: read };
    });
    expect(result.syncs).toBe(2);
    expect(result.date1904).toBe(true);
    expect(result.built.register.deals[0].terms.startDate).toBe(serialOf("2026-07-01") + 2);
    expect(result.built.room).toBe(REGISTER_ROOM);
    expect(state.snapshot().sheets[0]).toEqual(before);
  });

  it("reads addresses as Excel gives them", () => {
    expect(splitAddress("'It''s mine'!$B$3:$J$7")).toEqual({ sheetName: "It's mine", top: 3, left: 1, bottom: 7, right: 9 });
    expect(splitAddress("Sheet1!C2")).toEqual({ sheetName: "Sheet1", top: 2, left: 2, bottom: 2, right: 2 });
  });
});

/** The double's workbook as an .xlsx: values, formulas, number formats and the names. */
async function writeDoubleWorkbook(snapshot: { sheets: { name: string; cells: Record<string, { value: unknown; formula: string | null; numberFormat: string }>; names: { name: string; ref: string }[] }[] }, file: string) {
  const workbook = new ExcelJS.Workbook();
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const s of snapshot.sheets) {
    const sheet = workbook.addWorksheet(s.name);
    for (const [address, cell] of Object.entries(s.cells)) {
      const target = sheet.getCell(address);
      if (cell.formula) target.value = { formula: cell.formula.slice(1) } as ExcelJS.CellFormulaValue;
      else if (cell.value !== null && cell.value !== undefined) target.value = cell.value as ExcelJS.CellValue;
      if (cell.numberFormat && cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
    }
    for (const { name, ref } of s.names) {
      const [sheetName, range] = [ref.slice(0, ref.lastIndexOf("!")), ref.slice(ref.lastIndexOf("!") + 1)];
      const abs = range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      workbook.definedNames.add(`'${sheetName.replace(/'/g, "''")}'!${abs}`, name);
    }
  }
  await workbook.xlsx.writeFile(file);
}
