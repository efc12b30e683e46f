/**
 * The Office.js writer against a recording double of the Excel object model: round trips counted,
 * every write captured, the user's workbook compared before and after.
 */
import { buildModelPlan } from "../../src/model/modelSheet";
import { columnLetter } from "../../src/model/plan";
import { addressesOf, addressOf, planCellAt } from "../support/planRefs";
import { withOverrides } from "../../src/model/overrides";
import { formulaGrid, SheetPlan } from "../../src/model/plan";
import { REFLECTION_SPACEX, TEMPLATES } from "../../src/model/templates";
import { checkPlan, columnWidth, definedNameProblem, ExcelHost, insertModel, InsertError, uniqueSheetName } from "../../src/taskpane/excelWriter";
import { serialOf } from "../support/dates";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { WorkbookState, RequestContext } = require("../support/excel-double.js");

type State = InstanceType<typeof WorkbookState>;

function hostFor(state: State): ExcelHost {
  return {
    run: (batch) => batch(new RequestContext(state) as unknown as Excel.RequestContext),
    isSetSupported: (name, version) => state.isSetSupported(name, version),
  };
}

/** A workbook with months of work in it, including a sheet under the model's default name. */
function usersWorkbook(options = {}): State {
  const state = new WorkbookState(options);
  state.addSheet("Budget", { A1: "Quarter", B1: "Spend", A2: "Q1", B2: 125000 });
  const existing = state.addSheet("Colossus 2 deal", { A1: "My own notes", B7: 42 });
  existing.names.push({ name: "StartDate", ref: "Colossus 2 deal!B7" });
  state.addName("StartDate", "Budget!B2");
  state.addName("Payment", "Budget!B2");
  state.tables.push({ name: "Costs", sheet: "Budget", ref: "A1:B2" });
  return state;
}

const seedPlan = buildModelPlan(REFLECTION_SPACEX);
const wholeSheet = `A1:${columnLetter(seedPlan.columnWidths.length - 1)}${seedPlan.cells.length}`;
/** The seed plan: the model gives it frozen header rows and a print setup. */
const printedPlan: SheetPlan = seedPlan;

describe("inserting the seed model", () => {
  it("adds 'Colossus 2 deal (2)' in two round trips and leaves everything else as it was", async () => {
    const state = usersWorkbook();
    const before = state.snapshot();
    const stages: string[] = [];
    const result = await insertModel(seedPlan, hostFor(state), (s) => stages.push(s));

    expect(result).toEqual({ sheetName: "Colossus 2 deal (2)", date1904: false, syncs: 2 });
    expect(state.syncs).toBe(2);
    expect(stages).toEqual(["reading", "writing"]);
    const after = state.snapshot();
    expect(after.sheets.slice(0, 2)).toEqual(before.sheets);
    expect(after.names).toEqual(before.names);
    expect(after.tables).toEqual(before.tables);
    // Nothing was written anywhere but the new sheet.
    const targets = new Set(state.log.filter((l: { sheet: string | null }) => l.sheet).map((l: { sheet: string }) => l.sheet));
    expect([...targets]).toEqual(["Colossus 2 deal (2)"]);
  });

  it("writes formulas and number formats as two whole 2-D arrays, and the names on the new sheet", async () => {
    const state = usersWorkbook();
    await insertModel(seedPlan, hostFor(state));
    const grids = state.log.filter((l: { kind: string }) => l.kind === "range.formulas" || l.kind === "range.numberFormat");
    expect(grids.map((l: { kind: string; address: string; detail: string }) => [l.kind, l.address, l.detail])).toEqual([
      ["range.numberFormat", wholeSheet, `${seedPlan.cells.length}x${seedPlan.columnWidths.length}`],
      ["range.formulas", wholeSheet, `${seedPlan.cells.length}x${seedPlan.columnWidths.length}`],
    ]);
    const sheet = state.sheet("Colossus 2 deal (2)");
    expect(sheet.names.map((n: { name: string }) => n.name).sort()).toEqual(seedPlan.names.map((n) => n.name).sort());
    const start = addressOf(seedPlan, "StartDate");
    expect(sheet.names.find((n: { name: string }) => n.name === "StartDate").ref).toBe(`Colossus 2 deal (2)!${start}`);
    expect(sheet.cells.get(start)).toMatchObject({ value: 46204, numberFormat: "yyyy-mm-dd" });
    const total = addressOf(seedPlan, "TotalValue");
    expect(sheet.cells.get(total).formula).toBe(`=${planCellAt(seedPlan, total).formula}`);
    expect(sheet.cells.get(start).format).toMatchObject({ "font.color": "#0000FF" });
    expect(state.calculationSuspended).toBe(1);
    expect(state.screenUpdatingSuspended).toBe(1);
    expect(sheet.activated).toBe(true);
    // The grid the writer sent equals the plan, cell for cell (text behind an apostrophe).
    const expected = formulaGrid(seedPlan);
    for (let r = 0; r < expected.length; r++) {
      for (let c = 0; c < 11; c++) {
        const cell = sheet.cells.get(`${String.fromCharCode(65 + c)}${r + 1}`);
        const want = expected[r][c];
        if (typeof want === "string" && want.startsWith("=")) expect(cell.formula).toBe(want);
        else expect(cell.value).toEqual(want === "" ? null : want);
      }
    }
  });

  it("keeps party names as text even when they look like formulas or numbers", async () => {
    const state = usersWorkbook();
    const plan = buildModelPlan(withOverrides(REFLECTION_SPACEX, { provider: '=WEBSERVICE("http://x")', client: "+44 20 1234" }));
    await insertModel(plan, hostFor(state));
    const sheet = state.sheet("Colossus 2 deal (2)");
    expect(sheet.cells.get(addressOf(plan, "Provider"))).toMatchObject({ value: '=WEBSERVICE("http://x")', formula: null, text: true });
    expect(sheet.cells.get(addressOf(plan, "Client"))).toMatchObject({ value: "+44 20 1234", formula: null, text: true });
  });

  it("writes dates right in a 1904 date-system workbook", async () => {
    const state = usersWorkbook({ date1904: true });
    const result = await insertModel(seedPlan, hostFor(state));
    expect(result.date1904).toBe(true);
    const sheet = state.sheet(result.sheetName);
    expect(sheet.cells.get(addressOf(seedPlan, "StartDate")).value).toBe(46204 - 1462); // 2026-07-01 in the 1904 system
    expect(sheet.cells.get(addressOf(seedPlan, "EndDate")).value).toBe(serialOf("2029-12-31") - 1462);
  });

  it("needs two round trips for a 100-year lease too", async () => {
    const state = usersWorkbook();
    const plan = buildModelPlan(withOverrides(REFLECTION_SPACEX, { terms: { endDate: serialOf("2126-06-30") } }));
    expect(plan.cells.length).toBeGreaterThan(1200);
    const result = await insertModel(plan, hostFor(state));
    expect(result.syncs).toBe(2);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))("inserts template %s", async (_id, template) => {
    const state = new WorkbookState();
    const result = await insertModel(buildModelPlan(template), hostFor(state));
    expect(result.sheetName).toBe(template.sheetName);
    expect(state.syncs).toBe(2);
  });
});

describe("the value chart and the market chart", () => {
  it("go in with the same write: line charts of the cumulative headline, committed and expected columns, and of the contract's and the market's price per GPU-hour, over the term's periods", async () => {
    const state = usersWorkbook();
    const result = await insertModel(seedPlan, hostFor(state));
    expect(result.syncs).toBe(2);
    const sheet = state.sheet(result.sheetName);
    // Found by name: the three cumulative columns, their headers one row above; the seed's 42 periods.
    const column = (name: "CumulativeHeadline" | "CumulativeCommitted" | "CumulativeExpected" | "ScheduleStart" | "MarketContractPrice" | "MarketPrice") =>
      addressesOf(seedPlan, name);
    const [headline, committed, expected, starts, contract, market] = (
      ["CumulativeHeadline", "CumulativeCommitted", "CumulativeExpected", "ScheduleStart", "MarketContractPrice", "MarketPrice"] as const
    ).map(column);
    const header = (address: string) => address.replace(/\d+/, (row) => String(Number(row) - 1));
    expect(sheet.charts).toEqual([
      {
        name: "ValueBridgeChart",
        type: "Line",
        seriesBy: "Columns",
        source: `${header(headline[0])}:${expected[41]}`,
        title: "Cumulative payments: headline, committed and expected",
        position: { from: expect.stringMatching(/^A\d+$/), to: expect.stringMatching(/^C\d+$/) },
        categoryNames: `${starts[0]}:${starts[41]}`,
        series: [
          { name: "Cumulative headline", values: `${headline[0]}:${headline[41]}` },
          { name: "Cumulative committed", values: `${committed[0]}:${committed[41]}` },
          { name: "Cumulative expected", values: `${expected[0]}:${expected[41]}` },
        ],
      },
      {
        name: "MarketChart",
        type: "Line",
        seriesBy: "Columns",
        source: `${header(contract[0])}:${market[41]}`,
        title: "Price per GPU-hour: the contract against the market curve",
        position: { from: expect.stringMatching(/^A\d+$/), to: expect.stringMatching(/^C\d+$/) },
        categoryNames: `${starts[0]}:${starts[41]}`,
        series: [
          { name: "Contract $/GPU-hour", values: `${contract[0]}:${contract[41]}` },
          { name: "Market $/GPU-hour", values: `${market[0]}:${market[41]}` },
        ],
      },
    ]);
    // Below every block on the left, clear of their cells, the second below the first.
    const rowOf = (address: string) => Number(address.slice(1));
    expect(rowOf(sheet.charts[1].position.from)).toBeGreaterThan(rowOf(sheet.charts[0].position.to));
    for (const chart of sheet.charts) {
      for (let r = rowOf(chart.position.from); r <= rowOf(chart.position.to); r++) {
        for (const c of ["A", "B", "C"]) expect([`${c}${r}`, sheet.cells.get(`${c}${r}`)?.value ?? null]).toEqual([`${c}${r}`, null]);
      }
    }
    const kinds = state.log.filter((l: { sync: number }) => l.sync === 2).map((l: { kind: string }) => l.kind);
    const oneChart = ["charts.add", "chart.name", "chart.title.text", "chart.setPosition", "chart.categoryAxis.setCategoryNames"];
    expect(kinds.filter((k: string) => k.startsWith("chart"))).toEqual([...oneChart, ...oneChart]);
  });

  it("keeps Excel's own x axis labels on a host without ExcelApi 1.7, and inserts the rest", async () => {
    const state = new WorkbookState({ supportedSets: { ExcelApi: "1.4" } });
    const result = await insertModel(seedPlan, hostFor(state));
    expect(result.syncs).toBe(2);
    const [chart] = state.sheet(result.sheetName).charts;
    expect(chart).toMatchObject({ name: "ValueBridgeChart", categoryNames: null });
    expect(chart.series.map((s: { name: string }) => s.name)).toEqual(["Cumulative headline", "Cumulative committed", "Cumulative expected"]);
  });

  it("refuses a chart on no range before the workbook is touched", async () => {
    const state = usersWorkbook();
    const plan = { ...seedPlan, charts: [{ ...seedPlan.charts![0], source: "Sheet1!A1:B2" }] } as SheetPlan;
    expect(() => checkPlan(plan)).toThrow(/the chart "ValueBridgeChart" refers to "Sheet1!A1:B2"/);
    expect(state.syncs).toBe(0);
  });
});

describe("when something goes wrong", () => {
  // How many commands the write sends, from a dry run, to fail on the very last one too.
  const dryRun = usersWorkbook();
  beforeAll(() => insertModel(printedPlan, hostFor(dryRun)));
  const lastCommand = (): number => dryRun.log.filter((l: { sync: number }) => l.sync === 2).length - 1;

  it.each([["the first", (): number => 0], ["the 40th", (): number => 40], ["the last", lastCommand]] as const)(
    "a failure at %s command of the write leaves the workbook as it was, in 3 round trips",
    async (_which, at) => {
    const state = usersWorkbook();
    const before = state.snapshot();
    expect(at()).toBeGreaterThan(-1);
    state.failOn(2, at());
    const error = await insertModel(printedPlan, hostFor(state)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsertError);
    expect((error as Error).message).toMatch(/could not be inserted, and the workbook was left as it was. Excel said: GeneralException/);
    expect(state.syncs).toBe(3);
    expect(state.snapshot()).toEqual(before);
    },
  );

  it("a failure while reading creates nothing", async () => {
    const state = usersWorkbook();
    const before = state.snapshot();
    state.failOn(1, 0, "ServiceUnavailable");
    await expect(insertModel(seedPlan, hostFor(state))).rejects.toThrow(/ServiceUnavailable/);
    expect(state.snapshot()).toEqual(before);
  });

  it("refuses an Excel without the API it needs, before touching the workbook", async () => {
    const state = usersWorkbook({ supportedSets: { ExcelApi: "1.3" } });
    await expect(insertModel(seedPlan, hostFor(state))).rejects.toThrow(/too old for Deal Modeler's task pane: it needs the Excel JavaScript API 1.4/);
    expect(state.syncs).toBe(0);
  });

  it("on an Excel API 1.4 host, writes without the suspend calls it lacks", async () => {
    const state = usersWorkbook({ supportedSets: { ExcelApi: "1.4" } });
    await insertModel(seedPlan, hostFor(state));
    expect(state.calculationSuspended).toBe(0);
    expect(state.screenUpdatingSuspended).toBe(0);
  });
});

describe("frozen header rows and print setup", () => {
  it("freezes the rows and sets up printing in the same write: still two round trips", async () => {
    const state = usersWorkbook();
    const before = state.snapshot();
    const result = await insertModel(printedPlan, hostFor(state));
    expect(result.syncs).toBe(2);
    const sheet = state.sheet(result.sheetName);
    expect(sheet.freeze).toEqual({ rows: printedPlan.freezeRows, columns: 0 });
    const chart = printedPlan.charts![0];
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Landscape",
      zoom: { scale: printedPlan.print!.scale },
      // 0.5 in left and right, 0.6 in top and bottom, 0.3 in header and footer, at 72 points an inch
      margins: { leftMargin: 36, rightMargin: 36, topMargin: 43.2, bottomMargin: 43.2, headerMargin: 21.6, footerMargin: 21.6 },
      printTitleRows: "$1:$4",
      // the plan's areas, and every chart's cells, the value chart's first (they print too)
      printArea: [...printedPlan.print!.areas, `${chart.from}:${chart.to}`, ...printedPlan.charts!.slice(1).map((c) => `${c.from}:${c.to}`)],
    });
    expect(printedPlan.print!.scale).toBeGreaterThanOrEqual(60);
    const printCommands = state.log.filter((l: { kind: string }) => /^(freezePanes|pageLayout)\./.test(l.kind));
    // freeze, orientation, zoom, six margins, title rows, area
    expect(printCommands.map((l: { sync: number; sheet: string }) => [l.sync, l.sheet])).toEqual(Array(11).fill([2, result.sheetName]));
    expect(state.snapshot().sheets.slice(0, 2)).toEqual(before.sheets); // the user's sheets keep their own settings
  });

  it("a portrait plan prints portrait; a plan without areas sets none", async () => {
    const state = new WorkbookState();
    await insertModel({ ...printedPlan, charts: [], print: { ...printedPlan.print!, orientation: "portrait", scale: 75, areas: [] } }, hostFor(state));
    expect(state.sheets[0].pageLayout).toMatchObject({ orientation: "Portrait", zoom: { scale: 75 }, printArea: null });
  });

  it.each([
    ["1.6", { rows: 0, columns: 0 }, "Portrait"],
    ["1.8", { rows: 42, columns: 0 }, "Portrait"],
  ])("on an ExcelApi %s host, skips what the host lacks and inserts the rest", async (version, freeze, orientation) => {
    const state = usersWorkbook({ supportedSets: { ExcelApi: version } });
    const result = await insertModel({ ...printedPlan, freezeRows: 42 }, hostFor(state));
    expect(result.syncs).toBe(2);
    const sheet = state.sheet(result.sheetName);
    expect(sheet.freeze).toEqual(freeze);
    expect(sheet.pageLayout).toMatchObject({ orientation, printTitleRows: null, printArea: null });
    expect(sheet.cells.get(addressOf(seedPlan, "StartDate")).value).toBe(46204);
  });

  it("opens on the answer: the new sheet active, A1 selected, styled cells in Calibri 11, long labels wrapped on taller rows", async () => {
    const state = usersWorkbook();
    const result = await insertModel(printedPlan, hostFor(state));
    const sheet = state.sheet(result.sheetName);
    expect(sheet.activated).toBe(true);
    expect(state.selection).toEqual({ sheet: result.sheetName, address: "A1" });
    const title = sheet.cells.get("A1");
    expect(title.format).toMatchObject({ "font.name": "Calibri", "font.size": 14, "font.bold": true });
    const label = sheet.cells.get(addressOf(seedPlan, "TotalValue").replace(/^B/, "A"));
    expect(label.format).toMatchObject({ "font.name": "Calibri", "font.size": 11 });
    const [row, points] = Object.entries(printedPlan.rowHeights!)[0];
    expect(sheet.rowHeights.get(Number(row))).toBe(points);
    expect(sheet.cells.get(`A${row}`).format).toMatchObject({ wrapText: true });
  });

  it("a plan without either inserts without freezing or page setup", async () => {
    const state = new WorkbookState();
    await insertModel({ ...seedPlan, freezeRows: undefined, print: undefined }, hostFor(state));
    expect(state.log.some((l: { kind: string }) => /^(freezePanes|pageLayout)\./.test(l.kind))).toBe(false);
  });
});

describe("column widths", () => {
  it("converts characters as Excel does: its default 8.43 characters are 64 pixels, 48 points, stored as 9.140625", () => {
    expect(columnWidth(8.43)).toEqual({ stored: 9.140625, pixels: 64, points: 48 });
    expect(columnWidth(12)).toEqual({ stored: 12.7109375, pixels: 89, points: 66.75 });
    expect(columnWidth(46)).toEqual({ stored: Math.trunc((327 / 7) * 256) / 256, pixels: 327, points: 245.25 });
  });

  it("writes each plan column's width in points", async () => {
    const state = new WorkbookState();
    await insertModel(seedPlan, hostFor(state));
    const widths = Object.fromEntries(state.sheets[0].columnWidths);
    expect(widths).toEqual(Object.fromEntries(seedPlan.columnWidths.map((w, c) => [columnLetter(c), (w * 7 + 5) * 0.75])));
  });
});

describe("a plan Excel would refuse is refused before the workbook is touched", () => {
  it.each([
    ["a name with a space", { names: [{ name: "Start Date", ref: "$B$9" }] }, /"Start Date" is not a name Excel allows/],
    ["a name that is a cell reference", { names: [{ name: "RC1", ref: "$B$9" }] }, /cell reference/],
    ["a name twice, in another case", { names: [{ name: "Rate", ref: "$B$9" }, { name: "RATE", ref: "$B$10" }] }, /defined twice/],
    ["a name on no range", { names: [{ name: "Rate", ref: "Sheet1!$B$9" }] }, /not a range on the sheet/],
    ["the sheet name History", { sheetName: "History" }, /reserved/],
    ["half a frozen row", { freezeRows: 2.5 }, /cannot freeze/],
    ["print titles that are not rows", { print: { ...printedPlan.print!, titleRows: "A1:K4" } }, /not whole rows/],
    ["a print scale Excel refuses", { print: { ...printedPlan.print!, scale: 5 } }, /cannot print at 5%/],
    ["a print area that is not a range", { print: { ...printedPlan.print!, areas: ["A1:D80;F1:Q120"] } }, /not a range/],
  ])("%s", async (_what, change, message) => {
    const state = usersWorkbook();
    const plan = { ...seedPlan, ...change } as SheetPlan;
    expect(() => checkPlan(plan)).toThrow(message);
    await expect(insertModel(plan, hostFor(state))).rejects.toThrow(InsertError);
    expect(state.syncs).toBe(0);
  });

  it("every template's plan passes", () => {
    for (const t of TEMPLATES) expect(() => checkPlan(buildModelPlan(t))).not.toThrow();
    expect(() => checkPlan(printedPlan)).not.toThrow();
  });

  it("the writer's name rule agrees with the double's, which stands in for Excel", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const double = require("../support/excel-double.js");
    const samples = ["StartDate", "_x", "\\x", "Rate.2026", "XFE1", "XFD1", "A1048577", "A1048576", "R", "c", "RC", "R1C1", "r2", "Start Date", "1x", ".x", "a-b", "", "a".repeat(256)];
    for (const name of samples) expect([name, definedNameProblem(name) === null]).toEqual([name, double.definedNameProblem(name) === null]);
  });
});

describe("sheet names", () => {
  it("numbers a taken name, case-insensitively, within 31 characters", () => {
    expect(uniqueSheetName("Deal", [])).toBe("Deal");
    expect(uniqueSheetName("Deal", ["DEAL", "deal (2)"])).toBe("Deal (3)");
    expect(uniqueSheetName("x".repeat(31), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
  });
});
