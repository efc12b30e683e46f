/**
 * The Excel double is as strict as Excel where a pane test could otherwise pass and Excel fail:
 * unloaded properties, what `load` makes readable, defined-name and sheet-name rules, requirement
 * sets, and properties or options the double does not model.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { WorkbookState, RequestContext, definedNameProblem, sheetNameProblem, isCellReference } = require("../support/excel-double.js");

type State = InstanceType<typeof WorkbookState>;
/* eslint-disable @typescript-eslint/no-explicit-any -- the double is plain JavaScript, typed loosely here */
type Ctx = any;

const NOT_LOADED = (property: string) =>
  `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`;

function workbook(options = {}): { state: State; ctx: Ctx } {
  const state = new WorkbookState(options);
  state.addSheet("Budget", { A1: "Quarter", B1: 125000 });
  state.addSheet("Notes");
  state.addName("Rate", "Budget!B1");
  return { state, ctx: new RequestContext(state) };
}

/** The error a call throws (synchronously or from a promise), for its code and message. */
async function caught(run: () => unknown): Promise<{ code?: string; message: string; name: string }> {
  try {
    await run();
  } catch (error) {
    return error as { code?: string; message: string; name: string };
  }
  throw new Error("expected an error");
}

describe("reading a property that was not loaded and synced throws PropertyNotLoaded", () => {
  it("a collection's items: before load, and after load but before sync", async () => {
    const { ctx } = workbook();
    const sheets = ctx.workbook.worksheets;
    expect(() => sheets.items).toThrow(NOT_LOADED("items"));
    sheets.load("items/name");
    const error = await caught(() => sheets.items);
    expect(error).toMatchObject({ code: "PropertyNotLoaded", name: "RichApi.Error", message: NOT_LOADED("items") });
    await ctx.sync();
    expect(sheets.items.map((s: { name: string }) => s.name)).toEqual(["Budget", "Notes"]);
  });

  it("a sheet's name, even one just fetched by that name", async () => {
    const { ctx } = workbook();
    const sheet = ctx.workbook.worksheets.getItem("budget");
    await ctx.sync();
    expect(() => sheet.name).toThrow(NOT_LOADED("name"));
    sheet.load("name");
    await ctx.sync();
    expect(sheet.name).toBe("Budget"); // Excel's spelling, not the one asked for
  });

  it("a function's value", async () => {
    const { ctx } = workbook();
    const epoch = ctx.workbook.functions.date(1904, 1, 1);
    await ctx.sync();
    expect(() => epoch.value).toThrow(NOT_LOADED("value"));
  });

  it("isNullObject before the sync", async () => {
    const { ctx } = workbook();
    const missing = ctx.workbook.worksheets.getItemOrNullObject("Nowhere");
    expect(() => missing.isNullObject).toThrow(NOT_LOADED("isNullObject"));
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
  });

  it("a range's address and values; what the caller set is readable back, as in Office.js", async () => {
    const { ctx } = workbook();
    const range = ctx.workbook.worksheets.getItem("Budget").getRange("A1:B1");
    expect(() => range.address).toThrow(NOT_LOADED("address"));
    expect(() => range.values).toThrow(NOT_LOADED("values"));
    expect(() => range.format.columnWidth).toThrow(NOT_LOADED("columnWidth"));
    range.load("address, values");
    await ctx.sync();
    expect(range.address).toBe("Budget!A1:B1");
    expect(range.values).toEqual([["Quarter", 125000]]);
    const other = ctx.workbook.worksheets.getItem("Notes").getRange("A1");
    other.numberFormat = [["0.00"]];
    expect(other.numberFormat).toEqual([["0.00"]]);
  });
});

describe("load makes readable exactly what it asks for", () => {
  it('"items/name": each item\'s name, nothing else', async () => {
    const { ctx } = workbook();
    const sheets = ctx.workbook.worksheets.load("items/name");
    await ctx.sync();
    expect(sheets.items[0].name).toBe("Budget");
    expect(() => sheets.items[0].position).toThrow(NOT_LOADED("position"));
  });

  it('"name" on a collection loads the items\' names too, as in Office.js', async () => {
    const { ctx } = workbook();
    const sheets = ctx.workbook.worksheets.load("name");
    await ctx.sync();
    expect(sheets.items.map((s: { name: string }) => s.name)).toEqual(["Budget", "Notes"]);
  });

  it('"value" on a function result, not "error"', async () => {
    const { ctx, state } = workbook({ date1904: true });
    const epoch = ctx.workbook.functions.date(1904, 1, 1).load("value");
    await ctx.sync();
    expect(epoch.value).toBe(0);
    expect(() => epoch.error).toThrow(NOT_LOADED("error"));
    expect(state.date1904).toBe(true);
  });

  it.each([
    ["an array", ["name", "position"]],
    ["select", { select: "name, position" }],
    ["an object of flags", { name: true, position: true }],
  ])("as %s", async (_form, spec) => {
    const { ctx } = workbook();
    const sheet = ctx.workbook.worksheets.getItem("Notes").load(spec);
    await ctx.sync();
    expect([sheet.name, sheet.position]).toEqual(["Notes", 1]);
    expect(() => sheet.visibility).toThrow(NOT_LOADED("visibility"));
  });

  it("a property the object does not have fails the sync", async () => {
    const { ctx } = workbook();
    ctx.workbook.worksheets.getItem("Notes").load("nmae");
    expect(await caught(() => ctx.sync())).toMatchObject({ code: "InvalidArgument" });
    ctx.workbook.worksheets.load("items/nmae");
    expect(await caught(() => ctx.sync())).toMatchObject({ code: "InvalidArgument" });
  });

  it("values are as of the sync that loaded them", async () => {
    const { ctx } = workbook();
    const sheets = ctx.workbook.worksheets.load("items/name");
    await ctx.sync();
    ctx.workbook.worksheets.add("Later");
    await ctx.sync();
    expect(sheets.items).toHaveLength(2);
  });
});

describe("defined names follow Excel's rules", () => {
  it.each(["StartDate", "_x", "\\x", "Rate.2026", "Ünternehmen", "XFE1", "A1048577", "AB", "Rc1x", "a".repeat(255), "R_1"])(
    "%s is a valid name",
    (name) => expect(definedNameProblem(name)).toBeNull(),
  );

  it.each([
    ["", /empty/],
    ["a".repeat(256), /255/],
    ["1stRate", /starts with/],
    [".rate", /starts with/],
    ["Start Date", /letters, digits/],
    ["Rate%", /letters, digits/],
    ["A-B", /letters, digits/],
    ["AB12", /cell reference/],
    ["xfd1048576", /cell reference/],
    ["A1", /cell reference/],
    ["R1C1", /cell reference/],
    ["r", /cell reference/],
    ["C", /cell reference/],
    ["RC", /cell reference/],
    ["R12", /cell reference/],
    ["C3", /cell reference/],
    ["RC7", /cell reference/],
  ])("%j is refused (%s)", (name, reason) => expect(definedNameProblem(name)).toMatch(reason));

  it("cell references stop at XFD1048576", () => {
    expect(isCellReference("XFD1048576")).toBe(true);
    expect(isCellReference("XFE1")).toBe(false);
    expect(isCellReference("A0")).toBe(false);
  });

  it("names.add with a bad name fails the sync with InvalidArgument, on a sheet and on the workbook", async () => {
    const { ctx, state } = workbook();
    const sheet = ctx.workbook.worksheets.getItem("Notes");
    sheet.names.add("Start Date", sheet.getRange("A1"));
    expect(await caught(() => ctx.sync())).toMatchObject({ code: "InvalidArgument" });
    ctx.workbook.names.add("R1C1", "=Notes!$A$1");
    expect(await caught(() => ctx.sync())).toMatchObject({ code: "InvalidArgument" });
    expect(state.sheet("Notes").names).toEqual([]);
    expect(state.names.map((n: { name: string }) => n.name)).toEqual(["Rate"]);
  });

  it("names are unique case-insensitively within their scope, and only there", async () => {
    const { ctx, state } = workbook();
    ctx.workbook.names.add("RATE", "=Budget!$B$1");
    expect(await caught(() => ctx.sync())).toMatchObject({ code: "ItemAlreadyExists" });
    const notes = ctx.workbook.worksheets.getItem("Notes");
    notes.names.add("Rate", notes.getRange("A1")); // a sheet's own Rate beside the workbook's
    notes.names.add("Start", notes.getRange("A2"));
    await ctx.sync();
    notes.names.add("start", notes.getRange("A3"));
    expect(await caught(() => ctx.sync())).toMatchObject({ code: "ItemAlreadyExists" });
    const budget = ctx.workbook.worksheets.getItem("Budget");
    budget.names.add("Start", budget.getRange("A1")); // another sheet: another scope
    await ctx.sync();
    expect(state.sheet("Notes").names).toEqual([{ name: "Rate", ref: "Notes!A1" }, { name: "Start", ref: "Notes!A2" }]);
  });

  it("seeding a workbook with an impossible name is refused too", () => {
    const state = new WorkbookState();
    expect(() => state.addName("My Rate", "x")).toThrow(/would not allow/);
  });
});

describe("sheet names follow Excel's rules", () => {
  it.each(["Colossus 2 deal (2)", "a".repeat(31), "It's mine", "Q1-Q2", "Historical"])("%j is valid", (name) =>
    expect(sheetNameProblem(name)).toBeNull(),
  );
  it.each(["", "a".repeat(32), "Q1:Q2", "a\\b", "a/b", "why?", "a*", "[x]", "'quoted", "quoted'", "History", "HISTORY"])(
    "%j is refused",
    (name) => expect(sheetNameProblem(name)).not.toBeNull(),
  );

  it("worksheets.add fails the sync on a bad name, or a taken one in any case", async () => {
    const { ctx, state } = workbook();
    ctx.workbook.worksheets.add("history");
    expect(await caught(() => ctx.sync())).toMatchObject({ code: "InvalidArgument" });
    ctx.workbook.worksheets.add("BUDGET");
    expect(await caught(() => ctx.sync())).toMatchObject({ code: "ItemAlreadyExists" });
    ctx.workbook.worksheets.add("Budget 2");
    await ctx.sync();
    expect(state.sheets.map((s: { name: string }) => s.name)).toEqual(["Budget", "Notes", "Budget 2"]);
  });
});

describe("everything else Excel would refuse", () => {
  it("an API the host's requirement set lacks fails the sync with ApiNotFound", async () => {
    const { ctx, state } = workbook({ supportedSets: { ExcelApi: "1.6" } });
    const sheet = ctx.workbook.worksheets.getItem("Notes");
    sheet.freezePanes.freezeRows(2);
    expect(await caught(() => ctx.sync())).toMatchObject({ code: "ApiNotFound" });
    sheet.pageLayout.orientation = "Landscape";
    expect(await caught(() => ctx.sync())).toMatchObject({ code: "ApiNotFound" });
    ctx.application.suspendScreenUpdatingUntilNextSync();
    expect(await caught(() => ctx.sync())).toMatchObject({ code: "ApiNotFound" });
    expect(state.sheet("Notes").freeze).toEqual({ rows: 0, columns: 0 });
  });

  it("a property or method the double does not model throws at once, instead of passing silently", async () => {
    const { ctx } = workbook();
    const sheet = ctx.workbook.worksheets.getItem("Notes");
    expect(() => (sheet.pageLayout.orientatoin = "Landscape")).toThrow(/does not model PageLayout.orientatoin/);
    expect(() => (sheet.pageLayout.printGridlines = true)).toThrow(/does not model/);
    expect(() => (sheet.getRange("A1").format.font.underline = "Single")).toThrow(/does not model RangeFont.underline/);
    expect(() => sheet.freezePanes.freezeTop(1)).toThrow(TypeError);
    expect(() => sheet.pageLayout.setPrintTitleColumns("$A:$B")).toThrow(TypeError);
    expect(() => (sheet.name = "Renamed")).toThrow(/read-only/);
  });

  it("print settings: an orientation, zoom, print area or title rows Excel would refuse fails the sync", async () => {
    const { ctx } = workbook();
    const layout = ctx.workbook.worksheets.getItem("Notes").pageLayout;
    const refused = [
      () => (layout.orientation = "landscape"),
      () => (layout.zoom = { horizontalFitToPages: 1, scale: 80 }),
      () => (layout.zoom = { horizontalFitToPages: 1.5 }),
      () => (layout.zoom = { fitToPagesWide: 1 }),
      () => layout.setPrintArea("A1:D80;F1:Q120"),
      () => layout.setPrintArea("A1:XFE2"),
      () => layout.setPrintTitleRows("A1:B4"),
      () => layout.setPrintTitleRows("$4:$1"),
    ];
    for (const command of refused) {
      command();
      expect(await caught(() => ctx.sync())).toMatchObject({ code: "InvalidArgument" });
    }
  });

  it("print settings and frozen rows Excel accepts are kept on the sheet", async () => {
    const { ctx, state } = workbook();
    const sheet = ctx.workbook.worksheets.getItem("Notes");
    sheet.freezePanes.freezeRows(4);
    sheet.pageLayout.orientation = "Landscape";
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    sheet.pageLayout.setPrintTitleRows("$1:$4");
    sheet.pageLayout.setPrintArea("A1:D80,F1:Q120");
    await ctx.sync();
    expect(state.sheet("Notes")).toMatchObject({
      freeze: { rows: 4, columns: 0 },
      pageLayout: { orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: "$1:$4", printArea: ["A1:D80", "F1:Q120"] },
    });
  });

  it("charts: a type, series orientation or source Excel would refuse fails the sync; category names need ExcelApi 1.7", async () => {
    const { ctx } = workbook({ supportedSets: { ExcelApi: "1.6" } });
    const sheet = ctx.workbook.worksheets.getItem("Budget");
    sheet.charts.add("line", sheet.getRange("A1:B2"), "Columns"); // Excel.ChartType is "Line"
    expect(await caught(() => ctx.sync())).toMatchObject({ code: "InvalidArgument" });
    sheet.charts.add("Line", sheet.getRange("A1:B2"), "columns");
    expect(await caught(() => ctx.sync())).toMatchObject({ code: "InvalidArgument" });
    sheet.charts.add("Line", "A1:B2", "Columns");
    expect(await caught(() => ctx.sync())).toMatchObject({ code: "InvalidArgument" });
    const chart = sheet.charts.add("Line", sheet.getRange("A1:B2"), "Columns");
    await ctx.sync();
    chart.axes.categoryAxis.setCategoryNames(sheet.getRange("A2:A2"));
    expect(await caught(() => ctx.sync())).toMatchObject({ code: "ApiNotFound" });
    expect(() => (chart.type = "Pie")).toThrow(/does not model Chart.type/);
    expect(() => chart.series.add("More")).toThrow(TypeError);
  });

  it("charts Excel accepts are kept on the sheet, each column a series named by its header", async () => {
    const { ctx, state } = workbook();
    const sheet = ctx.workbook.worksheets.getItem("Budget");
    const chart = sheet.charts.add("Line", sheet.getRange("A1:B1"), "Columns");
    await ctx.sync();
    // "Quarter" is text but 125000 is not: the first row is not a header, and the series are unnamed.
    expect(state.sheet("Budget").charts[0].series).toEqual([
      { name: "Series1", values: "A1:A1" },
      { name: "Series2", values: "B1:B1" },
    ]);
    sheet.getRange("A2:B3").values = [["Spend", "Budget"], [1, 2]];
    const named = sheet.charts.add("Line", sheet.getRange("A2:B3"), "Columns");
    named.name = "Plan";
    named.title.text = "Spend against budget";
    named.setPosition("D2", "H20");
    named.axes.categoryAxis.setCategoryNames(sheet.getRange("C3:C3"));
    await ctx.sync();
    expect(state.sheet("Budget").charts[1]).toEqual({
      name: "Plan",
      type: "Line",
      seriesBy: "Columns",
      source: "A2:B3",
      title: "Spend against budget",
      position: { from: "D2", to: "H20" },
      categoryNames: "C3:C3",
      series: [
        { name: "Spend", values: "A3:A3" },
        { name: "Budget", values: "B3:B3" },
      ],
    });
    expect(() => chart.name).toThrow(NOT_LOADED("name"));
  });

  it("a 2-D array whose shape differs from the range, or an address off the grid, fails the sync", async () => {
    const { ctx } = workbook();
    const sheet = ctx.workbook.worksheets.getItem("Notes");
    sheet.getRange("A1:B2").values = [[1, 2]];
    expect(await caught(() => ctx.sync())).toMatchObject({ code: "InvalidArgument" });
    sheet.getRange("A1048577").values = [[1]];
    expect(await caught(() => ctx.sync())).toMatchObject({ code: "InvalidArgument" });
  });

  it("writes anywhere, the user's sheets included, are recorded for tests to see", async () => {
    const { ctx, state } = workbook();
    ctx.workbook.worksheets.getItem("Budget").getRange("C1").values = [["oops"]];
    ctx.workbook.names.add("Extra", "=Budget!$C$1");
    await ctx.sync();
    expect(state.log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "range.formulas", sheet: "Budget", address: "C1" }),
        expect.objectContaining({ kind: "workbook.names.add", sheet: null, detail: "Extra" }),
      ]),
    );
  });
});
