/**
 * The layout engine on its own: it places blocks, resolves names and handles, and refuses a sheet
 * whose blocks do not say what they read.
 */
import fs from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import { Block, layoutSheet, namesIn } from "../../src/model/layout";
import { buildModelPlan } from "../../src/model/modelSheet";
import { REFLECTION_SPACEX } from "../../src/model/templates";
import { STYLES } from "../../src/model/styles";
import { mergePrintAreas, writePlanXlsx } from "../../src/export/xlsx";
import { countLines } from "../../src/model/layout";
import { addressOf, addressesOf, planCellAt } from "../support/planRefs";

const options = { sheetName: "Test", title: "Test", subtitle: "", seriesRows: 3 };
const input: Block<"Rate"> = {
  id: "inputs",
  title: "INPUTS",
  list: { header: ["Value"], rows: [{ label: "Rate", cells: [{ value: 0.1 }], names: [{ name: "Rate", cell: 0 }] }] },
  reads: [],
};
const doubled = (reads: string[]): Block<"Doubled"> => ({
  id: "out",
  title: "OUTPUT",
  list: { header: ["Value"], rows: [{ label: "Doubled", cells: [{ formula: "Rate*2" }], names: [{ name: "Doubled", cell: 0 }] }] },
  reads,
});
const series: Block<"Index" | "Grown"> = {
  id: "series",
  title: "SERIES",
  series: [
    { name: "Index", header: "k", formula: (row) => row.index },
    { name: "Grown", header: "Grown", formula: (row) => `(1+Rate)^${row.at("Index")}` },
  ],
  reads: ["Rate"],
};

describe("layoutSheet", () => {
  it("stacks list blocks on the left and puts series to the right, from the same header row", () => {
    const plan = layoutSheet([input, doubled(["Rate"]), series], options);
    // Title rows 1–2, series section row 3, series headers row 4; body from row 5.
    expect(plan.freezeRows).toBe(4);
    // Left zone: label column + one value column = A–B; a gap column C; the series from D.
    expect(plan.refs.Rate).toBe("$B$6"); // row 5 is the INPUTS section, row 6 its first row
    expect(plan.refs.Doubled).toBe("$B$9"); // a blank row 7, the OUTPUT section on 8
    expect(plan.refs.Index).toBe("$D$5:$D$7");
    expect(plan.refs.Grown).toBe("$E$5:$E$7");
    expect(planCellAt(plan, "E6").formula).toBe("(1+Rate)^D6");
    expect(planCellAt(plan, "D7").formula).toBe("(ROW()-ROW($D$4))");
    expect(planCellAt(plan, "D4").value).toBe("k");
    // Two narrow zones: at 100%, the left zone down to its last row, the series down to theirs.
    expect(plan.print).toEqual({ orientation: "landscape", scale: 100, titleRows: "$1:$4", areas: ["A1:B9", "D1:E7"] });
  });

  it("refuses a formula that uses a name its block neither defines nor declares", () => {
    expect(() => layoutSheet([input, doubled([])], options)).toThrow(/block "out" uses "Rate" without defining it or declaring it in reads/);
  });

  it("refuses a declared read that no block defines", () => {
    expect(() => layoutSheet([doubled(["Rate"])], options)).toThrow(/reads "Rate", which no block of this sheet defines/);
  });

  it("refuses a name defined twice, compared without case as Excel does", () => {
    const twin: Block<"rate"> = { id: "twin", title: "TWIN", reads: [], list: { header: [], rows: [{ cells: [{ value: 1 }], names: [{ name: "rate", cell: 0 }] }] } };
    expect(() => layoutSheet([input, twin], options)).toThrow(/"rate" is defined twice/);
  });

  it("writes a series column of inputs as one value in every row, in its style, with nothing to resolve", () => {
    const withShares: Block<"Share" | "Paid"> = {
      id: "shares",
      title: "SHARES",
      series: [
        { name: "Share", header: "Share (input)", numberFormat: "0%", value: 1, style: "input" },
        { name: "Paid", header: "Paid", formula: (row) => `${row.at("Share")}*Rate` },
      ],
      reads: ["Rate"],
    };
    const plan = layoutSheet([input, withShares], options);
    expect(addressesOf(plan, "Share").map((a) => planCellAt(plan, a))).toEqual(Array(3).fill({ value: 1, numberFormat: "0%", style: "input" }));
    expect(planCellAt(plan, addressesOf(plan, "Paid")[2]).formula).toBe(`${addressesOf(plan, "Share")[2]}*Rate`);
  });

  it("refuses a handle to a series column that does not exist", () => {
    const broken: Block<"Bad"> = { id: "bad", title: "BAD", series: [{ name: "Bad", header: "Bad", formula: (row) => row.at("Nowhere") }], reads: [] };
    expect(() => layoutSheet([broken], options)).toThrow(/no series column is named "Nowhere"/);
  });

  it("types the names: a plan's refs know its blocks' names", () => {
    const plan = layoutSheet([input, doubled(["Rate"])], options);
    expect(plan.refs.Doubled).toBeDefined();
    // @ts-expect-error — "Tripled" is not a name of these blocks.
    expect(plan.refs.Tripled).toBeUndefined();
  });

  it("reads names out of formulas, leaving functions, cells, booleans and text alone", () => {
    expect(namesIn('IF(ISNUMBER(NoticeDate),$B$4+NoticeDate,"Payment")')).toEqual(["NoticeDate"]);
    expect(namesIn("SUM(K$5:K12)+DEAL.CONTRACT_PV(StartDate,TRUE)")).toEqual(["StartDate"]);
  });
});

describe("the seed model's layout, as a finance user opens it", () => {
  const plan = buildModelPlan(REFLECTION_SPACEX);

  it("freezes the rows down to the schedule's header", () => {
    const header = addressesOf(plan, "SchedulePeriod")[0].replace(/\d+/, (row) => String(Number(row) - 1));
    expect(planCellAt(plan, header).value).toBe("Period");
    expect(Number(header.replace(/[A-Z]+/, ""))).toBe(plan.freezeRows);
  });

  it("keeps period numbers out of the label column and notes uncut", () => {
    expect(addressOf(plan, "TotalValue").startsWith("B")).toBe(true);
    expect(addressesOf(plan, "SchedulePeriod")[0].startsWith("A")).toBe(false);
    // The label column is at most 40 characters wide; a label longer than it wraps, on a row tall
    // enough for its lines (a line holding 4 characters fewer than the column), so no label is cut.
    expect(plan.columnWidths[0]).toBeLessThanOrEqual(40);
    plan.cells.forEach((row, r) => {
      const label = row[0];
      if (label.style !== "label" || String(label.value).length + 2 <= plan.columnWidths[0]) return;
      expect([label.value, label.wrap]).toEqual([label.value, true]);
      expect(plan.rowHeights![r + 1]).toBe(15 * countLines(String(label.value), plan.columnWidths[0] - 4));
    });
    expect(countLines("Effective exit date (first day without service)", 36)).toBe(2); // 36 + 1 + 10 characters
    // The basis / how-computed notes sit in column C; where one is longer than C it runs on into
    // the empty cells to its right, as Excel shows text, and stops before the first per-period column.
    const firstSeries = [...addressesOf(plan, "SchedulePeriod")[0].replace(/\d+/, "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    for (const row of plan.cells) {
      if (row[2].style !== "note") continue;
      const need = String(row[2].value).length + 2;
      let room = plan.columnWidths[2];
      for (let k = 3; room < need && k < firstSeries; k++) {
        expect([row[2].value, k, row[k]]).toEqual([row[2].value, k, {}]);
        room += plan.columnWidths[k];
      }
      expect([row[2].value, need <= room]).toEqual([row[2].value, true]);
    }
  });

  it("right-aligns the headers over the schedule's numbers and dates", () => {
    for (const name of ["SchedulePeriod", "SchedulePayment", "ScheduleStart"] as const) {
      const first = addressesOf(plan, name)[0];
      const header = first.replace(/\d+/, (row) => String(Number(row) - 1));
      expect(STYLES[planCellAt(plan, header).style!].align).toBe("right");
    }
  });
});

describe("the exported file's page setup", () => {
  it("prints landscape at the plan's scale, header rows repeated, the print areas in one name; opens at A1, 100%, frozen at the header", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "deal-layout-"));
    const file = path.join(dir, "seed.xlsx");
    const plan = buildModelPlan(REFLECTION_SPACEX);
    await writePlanXlsx(plan, file);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    fs.rmSync(dir, { recursive: true, force: true });
    const areas = [...workbook.matchAll(/<definedName name="_xlnm.Print_Area"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(areas).toHaveLength(1);
    // The left blocks, the schedule, the lease accounting columns: each its own area, fully absolute.
    expect(areas[0].split(",")).toHaveLength(plan.print!.areas.length);
    expect(plan.print!.areas.length).toBeGreaterThanOrEqual(3);
    for (const area of areas[0].split(",")) expect(area).toMatch(/!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
    expect(workbook).toMatch(/<definedName name="_xlnm.Print_Titles"[^>]*>[^<]*\$1:\$4</);
    expect(sheet).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(sheet).toMatch(new RegExp(`<pageSetup[^>]*scale="${plan.print!.scale}"`));
    expect(plan.print!.scale).toBeGreaterThanOrEqual(60);
    expect(sheet).not.toMatch(/fitToPage="1"/);
    expect(sheet).toMatch(/<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/);
    expect(sheet).toMatch(/<pane [^>]*ySplit="4"[^>]*topLeftCell="A5"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<sheetView [^>]*tabSelected="1"[^>]*zoomScale="100"/);
    expect(sheet).toMatch(/<selection [^>]*activeCell="A1"/);
    expect(workbook).toMatch(/<workbookView [^>]*activeTab="0"/);
  });

  it("merges exceljs's one-name-per-area into one name per sheet", () => {
    const two = '<definedName name="_xlnm.Print_Area" localSheetId="0">A</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">B</definedName>';
    expect(mergePrintAreas(two)).toBe('<definedName name="_xlnm.Print_Area" localSheetId="0">A,B</definedName>');
    const mixed = '<definedName name="_xlnm.Print_Area" localSheetId="0">\'S\'!$A1:$D9</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">\'S\'!$F1:$P82</definedName>';
    expect(mergePrintAreas(mixed)).toBe('<definedName name="_xlnm.Print_Area" localSheetId="0">\'S\'!$A$1:$D$9,\'S\'!$F$1:$P$82</definedName>');
  });
});
