/**
 * How the model and the Portfolio sheet open and print (issue 15 §4), from the plans and the written
 * files, without a spreadsheet: the key figures in view at A1 on a 1366 × 768 screen, every print
 * area at most a page wide at one scale of at least 60%, and no area running past the data.
 * (test/model/print-libreoffice.test.ts renders the same files in LibreOffice.)
 */
import ExcelJS from "exceljs";
import fs from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";
import { readRegister, validateTerms } from "../../src/core";
import { REGISTER_SHEET } from "../../src/cli/model";
import { formattedLength, writeRegisterXlsx } from "../../src/export/xlsx";
import { buildModelPlan, modelContext } from "../../src/model/modelSheet";
import { columnWidth, MIN_PRINT_SCALE, PAGE, printAreas, printedWidth, printScale, SheetPlan } from "../../src/model/plan";
import { buildPortfolioPlan, registerColumnFormats, registerSource } from "../../src/model/portfolioSheet";
import { noticeMonthRows, leaseTermPeriods } from "../../src/model/printRows";
import { GPU_CAPACITY_LEASE, REFLECTION_SPACEX, REFLECTION_SPACEX_PROVIDER } from "../../src/model/templates";
import { SAMPLE_REGISTER } from "../support/sampleRegister";
import { addressOf } from "../support/planRefs";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "deal-print-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const seed = buildModelPlan(REFLECTION_SPACEX);
const register = readRegister(SAMPLE_REGISTER);
const portfolio = buildPortfolioPlan(registerSource(REGISTER_SHEET, register.mapping, SAMPLE_REGISTER.length - 1), register);

/** Column index of a letter run: "A" → 0, "AB" → 27. */
const columnIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const parseArea = (area: string) => {
  const [, c1, r1, c2, r2] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(area)!;
  return { from: columnIndex(c1), firstRow: Number(r1), to: columnIndex(c2), lastRow: Number(r2) };
};
const rowOf = (ref: string) => Number(/(\d+)$/.exec(ref)![1]);
/** The column letters of a per-period name, e.g. "R" for "$R$5:$R$82". */
const columnOf = (plan: SheetPlan, name: string) => plan.refs[name].replace(/\$|\d+:.*$/g, "");
/** The print areas that hold a per-period name's column (one, or none when it does not print). */
const areasWith = (plan: SheetPlan, name: string) => {
  const c = columnIndex(columnOf(plan, name));
  return plan.print!.areas.map(parseArea).filter((a) => a.from <= c && c <= a.to);
};
const areaOf = (plan: SheetPlan, name: string) => areasWith(plan, name)[0];

/**
 * Where a cell is on screen at 100% with A1 top-left: its right edge in pixels from the grid's left
 * (Excel draws a column 7w + 5 px wide), its bottom in pixels from the grid's top (a row is its height
 * in points × 4/3 px, 20 px by default).
 */
function onScreen(plan: SheetPlan, address: string): { right: number; bottom: number } {
  const [, letters, row] = /^\$?([A-Z]+)\$?(\d+)$/.exec(address)!;
  let right = 0;
  for (let c = 0; c <= columnIndex(letters); c++) right += columnWidth(plan.columnWidths[c]).pixels;
  let bottom = 0;
  for (let r = 1; r <= Number(row); r++) bottom += ((plan.rowHeights?.[r] ?? 15) * 4) / 3;
  return { right, bottom };
}

/**
 * A 1366 × 768 screen at 100% shows about 1,300 px of grid across (less the row headings) and, under
 * Excel's ribbon, formula bar, headings, sheet tabs and status bar (about 270 px), about 500 px down:
 * 25 rows of 20 px.
 */
const VISIBLE = { right: 1300, bottom: 25 * 20 };

describe("the model opens on its answer", () => {
  it.each(["KeyHeadline", "KeyCommitted", "KeyExpected", "KeyPresentValue", "KeyLeaseLiability"] as const)("%s is in view at A1, 100%%", (name) => {
    const where = onScreen(seed, addressOf(seed, name));
    expect(where.right).toBeLessThanOrEqual(VISIBLE.right);
    expect(where.bottom).toBeLessThanOrEqual(VISIBLE.bottom);
  });

  it("each key figure is its source by name, not a second computation", () => {
    const formula = (name: Parameters<typeof addressOf<keyof typeof seed.refs>>[1]) => {
      const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(addressOf(seed, name))!;
      return seed.cells[Number(row) - 1][columnIndex(letters)].formula;
    };
    expect([formula("KeyHeadline"), formula("KeyCommitted"), formula("KeyExpected"), formula("KeyPresentValue"), formula("KeyLeaseLiability")]).toEqual([
      "TotalValue",
      "Committed",
      "ExpectedValue",
      "PresentValue",
      "RecognisedLiability",
    ]);
  });

  it("the label column is at most 40 characters (it was 62)", () => {
    expect(seed.columnWidths[0]).toBeLessThanOrEqual(40);
    expect(portfolio.columnWidths[0]).toBeLessThanOrEqual(40);
  });

  it.each(["TotalHeadline", "TotalCommitted"])("the Portfolio sheet opens on its totals: %s in view", (name) => {
    const where = onScreen(portfolio, portfolio.refs[name]);
    expect(where.right).toBeLessThanOrEqual(VISIBLE.right);
    expect(where.bottom).toBeLessThanOrEqual(VISIBLE.bottom);
  });
});

describe("printing", () => {
  it("fits areas between columns: 8 columns of 20 characters at 100% on two pages of 4", () => {
    // (7 × 20 + 5) × 0.75 = 108.75 pt in Excel, × 4/3 = 145 pt where Calibri is missing; 8 × 145 = 1,160 pt > 700 pt
    expect(printAreas([20, 20, 20, 20, 20, 20, 20, 20], [{ from: 0, to: 7, lastRow: 30 }], 100, 4)).toEqual(["A1:D30", "E1:H30"]);
    // Nothing below the title rows: no area.
    expect(printAreas([20], [{ from: 0, to: 0, lastRow: 4 }], 100, 4)).toEqual([]);
    // 1,160 pt at 60% is 696 pt: one page.
    expect(printAreas([20, 20, 20, 20, 20, 20, 20, 20], [{ from: 0, to: 7, lastRow: 30 }], 60, 4)).toEqual(["A1:H30"]);
    // A 70-character column alone: (7 × 70 + 5) × 0.75 × 4/3 = 495 pt, fits at 100%; two need 990 pt → 70%.
    expect(printScale([70, 70], [{ from: 0, to: 1, lastRow: 9 }])).toBe(70);
    expect(printScale([70, 70, 70], [{ from: 0, to: 2, lastRow: 9 }])).toBe(MIN_PRINT_SCALE); // 47% would fit: never below 60%
  });

  it.each([
    ["the seed model", seed],
    ["the sample Portfolio", portfolio],
  ])("%s prints at one scale of at least 60%%, each area at most a page wide, the title rows repeated", (_what, plan) => {
    const print = plan.print!;
    expect(print.scale).toBeGreaterThanOrEqual(60);
    expect(print.scale).toBeLessThanOrEqual(100);
    expect(print.titleRows).toBe("$1:$4");
    expect(print.orientation).toBe("landscape");
    for (const area of print.areas) {
      const { from, to } = parseArea(area);
      let points = 0;
      for (let c = from; c <= to; c++) points += printedWidth(plan.columnWidths[c]);
      expect([area, points * (print.scale / 100) <= PAGE.width || from === to]).toEqual([area, true]);
    }
  });

  it("the seed's per-period areas end at the term's last period, not the 36 rows kept below it", () => {
    const ctx = modelContext(REFLECTION_SPACEX);
    const lastPeriodRow = rowOf(seed.refs.SchedulePeriod.split(":")[0]) + ctx.periods! - 1; // 42 monthly periods from row 5: row 46
    expect(lastPeriodRow).toBe(46);
    const schedule = parseArea(seed.print!.areas.find((a) => a.startsWith(seed.refs.SchedulePeriod.replace(/\$|\d+:.*$/g, "")))!);
    expect(schedule.lastRow).toBe(46);
    expect(rowOf(seed.refs.SchedulePeriod)).toBe(46 + 36);
    const leftLast = Math.max(...seed.cells.map((row, r) => (row.slice(0, 5).some((c) => c.value !== undefined || c.formula !== undefined) ? r + 1 : 0)));
    for (const area of seed.print!.areas) expect(parseArea(area).lastRow).toBeLessThanOrEqual(Math.max(46, leftLast));
  });

  it("a quarterly deal's notice months print down to the last month a notice can be served in, its periods down to its last period", () => {
    const plan = buildModelPlan(GPU_CAPACITY_LEASE);
    const ctx = modelContext(GPU_CAPACITY_LEASE);
    expect(areaOf(plan, "SchedulePeriod").lastRow).toBe(4 + ctx.periods!);
    // Notice may run from the start (2027-01-01), 180 days, end 2031-12-31: the last notice is by
    // 2031-07-04 (27 + 31 + 30 + 31 + 30 + 31 = 180 days before the end), so the 1sts of 2027-01 to 2031-07: 55 months.
    expect(areaOf(plan, "NoticeMonthIndex").lastRow).toBe(4 + 55);
    // Its lease term: the earliest exit is the lock-in's end 2028-01-01, the term ends 2027-12-31: 4 quarters.
    expect(areaOf(plan, "LeasePeriod").lastRow).toBe(4 + 4);
  });

  describe("print areas end at each block's data for the deal as written (hints fixed at write time)", () => {
    it("the seed's lease columns end at the lease term's 6th period, its contract columns at the term's 42nd", () => {
      // Earliest notice 2026-10-01 (after the 3-month lock-in), exit 90 days later 2026-12-30: the lease
      // term runs 2026-07-01 to 2026-12-29, periods July to December.
      expect(leaseTermPeriods(REFLECTION_SPACEX, validateTerms(REFLECTION_SPACEX.terms))).toBe(6);
      expect(areaOf(seed, "LeasePeriod").lastRow).toBe(4 + 6);
      expect(areaOf(seed, "LeasePaymentYear").lastRow).toBe(4 + 6);
      expect(areaOf(seed, "FullContractPresentValue").lastRow).toBe(4 + 42);
    });

    it("the seed's notice months end at the last notice (k = 36, served 2029-10-01), its market curve at its 43rd point", () => {
      // The last notice with its exit by 2029-12-31 is served by 2029-10-02 (29 + 30 + 31 = 90 days before): k = 0…36.
      expect(noticeMonthRows(validateTerms(REFLECTION_SPACEX.terms))).toBe(37);
      expect(areaOf(seed, "NoticeMonthIndex").lastRow).toBe(4 + 37);
      // Spot on 2026-07-01 to the month after the end: (2029 − 2026) × 12 + 12 − 7 + 2 = 43 points.
      expect(areaOf(seed, "MarketCurvePoint").lastRow).toBe(4 + 43);
    });

    it("without a GPU count the market's per-period columns, and without the provider's assumptions its grid and the lender's, print nothing", () => {
      for (const name of ["MarketGpuHours", "MarketForgone", "ProviderRow", "LenderCfads"] as const) {
        expect([name, areasWith(seed, name)]).toEqual([name, []]);
      }
    });

    it("the provider view's grid and the lender's print down to the life's residual: 5 years × 12 + 2 = 62 rows", () => {
      const provider = buildModelPlan(REFLECTION_SPACEX_PROVIDER);
      expect(areaOf(provider, "ProviderRow").lastRow).toBe(4 + 62);
      expect(areaOf(provider, "LenderCfads").lastRow).toBe(4 + 62);
      // Its GPUs follow from the contract price ($5.00), not a GPU count: the Market block, which needs the count, is not computed and does not print.
      expect(areaOf(provider, "MarketGpuHours")).toBeUndefined();
    });
  });

  it("the Portfolio's per-deal areas end at the register's last deal, not the 200 rows kept for more", () => {
    const deals = SAMPLE_REGISTER.length - 1; // 6 deals under the header row
    const lastDealRow = 4 + deals;
    const seriesAreas = portfolio.print!.areas.filter((a) => parseArea(a).from > portfolio.columnWidths.findIndex((w, c) => c > 0 && w === 2));
    expect(seriesAreas.length).toBeGreaterThan(0);
    for (const area of seriesAreas) expect([area, parseArea(area).lastRow]).toEqual([area, lastDealRow]);
  });
});

describe("the Deals sheet the CLI writes", () => {
  it("has dates, amounts and rates formatted, Calibri 11, and prints landscape, header repeated, down to the last deal", async () => {
    const file = path.join(work, "portfolio.xlsx");
    await writeRegisterXlsx(REGISTER_SHEET, SAMPLE_REGISTER, [portfolio], file, registerColumnFormats(register.mapping));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const deals = workbook.getWorksheet(REGISTER_SHEET)!;
    const header = SAMPLE_REGISTER[0];
    const cell = (column: string) => deals.getCell(2, header.indexOf(column) + 1);
    expect([cell("Start date").numFmt, cell("Payment").numFmt, cell("Discount rate").numFmt, cell("Notice days").numFmt]).toEqual([
      "yyyy-mm-dd",
      "#,##0.00",
      "0.00%",
      "#,##0",
    ]);
    expect(cell("Payment").font).toMatchObject({ name: "Calibri", size: 11 });
    expect(cell("Counterparty").numFmt).toBeUndefined();
    const setup = deals.pageSetup;
    expect(setup.orientation).toBe("landscape");
    expect(setup.scale).toBeGreaterThanOrEqual(80);
    expect(setup.printTitlesRow).toBe("1:1");
    const areas = String(setup.printArea).split(/&&|,/);
    for (const area of areas) expect(Number(/(\d+)$/.exec(area)![1])).toBe(SAMPLE_REGISTER.length); // the last deal's row
    // The workbook opens on the Portfolio's totals: its tab active and the only one selected (not a group).
    expect(workbook.views[0].activeTab).toBe(1);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const [dealsXml, portfolioXml] = await Promise.all([1, 2].map((n) => zip.file(`xl/worksheets/sheet${n}.xml`)!.async("string")));
    expect(dealsXml).not.toMatch(/tabSelected/);
    expect(portfolioXml).toMatch(/<sheetView [^>]*tabSelected="1"/);
    expect(dealsXml).toMatch(/<pane ySplit="1" topLeftCell="A2"[^>]*state="frozen"/);
    expect(formattedLength(150000000, "#,##0.00")).toBe(14); // "150,000,000.00"
  });
});
