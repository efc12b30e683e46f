/**
 * The Office.js writer against a recording double of the Excel object model: round trips counted,
 * every write captured, the user's workbook compared before and after.
 */
import { buildModelPlan } from "../../src/model/modelSheet";
import { columnLetter } from "../../src/model/plan";
import { addressOf, planCellAt } from "../support/planRefs";
import { withOverrides } from "../../src/model/overrides";
import { formulaGrid } from "../../src/model/plan";
import { REFLECTION_SPACEX, TEMPLATES } from "../../src/model/templates";
import { ExcelHost, insertModel, InsertError, uniqueSheetName } from "../../src/taskpane/excelWriter";
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

describe("when something goes wrong", () => {
  // How many commands the write sends, from a dry run, to fail on the very last one too.
  const dryRun = usersWorkbook();
  beforeAll(() => insertModel(seedPlan, hostFor(dryRun)));
  const lastCommand = (): number => dryRun.log.filter((l: { sync: number }) => l.sync === 2).length - 1;

  it.each([["the first", (): number => 0], ["the 40th", (): number => 40], ["the last", lastCommand]] as const)(
    "a failure at %s command of the write leaves the workbook as it was, in 3 round trips",
    async (_which, at) => {
    const state = usersWorkbook();
    const before = state.snapshot();
    expect(at()).toBeGreaterThan(-1);
    state.failOn(2, at());
    const error = await insertModel(seedPlan, hostFor(state)).catch((e: unknown) => e);
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

describe("sheet names", () => {
  it("numbers a taken name, case-insensitively, within 31 characters", () => {
    expect(uniqueSheetName("Deal", [])).toBe("Deal");
    expect(uniqueSheetName("Deal", ["DEAL", "deal (2)"])).toBe("Deal (3)");
    expect(uniqueSheetName("x".repeat(31), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
  });
});
