/**
 * The Excel double's tables, selection and resized ranges — the part "Portfolio from a table" reads —
 * are as strict as Excel: a property read before load and sync, an unknown load path, a table name or
 * header Excel would not allow, a range resized off the grid or on a host without ExcelApi 1.2.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ExcelDouble = require("../support/excel-double.js");

export {}; // a module: its helpers are its own

function workbook(options?: unknown) {
  const state = new ExcelDouble.WorkbookState(options);
  state.addSheet("Deals", { A1: "Customer", B1: "Start", C1: "End", D1: "Payment", A2: "Acme", B2: 46204, C2: 46568, D2: 5 });
  state.addTable("Book", "Deals", "A1:D2");
  return state;
}

describe("the double's tables", () => {
  it("refuses, on seeding, what Excel would not allow", () => {
    const state = workbook();
    expect(() => state.addTable("Book 2", "Deals", "F1:G2")).toThrow(/table name/);
    expect(() => state.addTable("BOOK", "Deals", "F1:G2")).toThrow(/second table/);
    expect(() => state.addTable("Other", "Deals", "C1:E2")).toThrow(/overlaps/);
    expect(() => state.addTable("Blank", "Deals", "F1:G2")).toThrow(/rename the header ""/);
    expect(() => state.addTable("A1", "Deals", "F1:G2")).toThrow(/cell reference/);
  });

  it("gives names and ranges only after load and sync; refuses an unknown load path", async () => {
    const state = workbook();
    const ctx = new ExcelDouble.RequestContext(state);
    const tables = ctx.workbook.tables;
    expect(() => tables.items).toThrow(/The property 'items' is not available/);
    tables.load("items/name");
    const range = tables.getItem("book").getRange();
    expect(() => range.values).toThrow(/The property 'values' is not available/);
    range.load("address, values");
    await ctx.sync();
    expect(tables.items.map((t: { name: string }) => t.name)).toEqual(["Book"]);
    expect(range.address).toBe("Deals!A1:D2");
    expect(range.values).toEqual([["Customer", "Start", "End", "Payment"], ["Acme", 46204, 46568, 5]]);
    tables.load("items/worksheet");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    ctx.workbook.tables.getItem("Nope").getRange().load("values");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("resizes a range from its corner within the grid, with ExcelApi 1.2; reads the selection", async () => {
    const state = workbook();
    state.select("Deals", "A1:D2");
    const ctx = new ExcelDouble.RequestContext(state);
    const grown = ctx.workbook.getSelectedRange().getResizedRange(2, 0);
    grown.load("address, values");
    await ctx.sync();
    expect(grown.address).toBe("Deals!A1:D4");
    expect(grown.values[3]).toEqual(["", "", "", ""]);
    ctx.workbook.tables.getItem("Book").getRange().getResizedRange(0, -9).load("values");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    const old = new ExcelDouble.RequestContext(workbook({ supportedSets: { ExcelApi: "1.1" } }));
    old.workbook.tables.getItem("Book").getRange().getResizedRange(1, 0).load("values");
    await expect(old.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
