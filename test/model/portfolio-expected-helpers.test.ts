/**
 * Which helpers the Portfolio sheet's native Expected is written with (no LibreOffice here: the
 * figures are proved in test/model/portfolio-expected-native.test.ts): the actual-days exits' only when
 * a deal needs them, none beyond EXPECTED_HELPER_CELLS, and the column count the bound uses is the
 * sheet's own.
 */
import { readRegister } from "../../src/core";
import { REGISTER_SHEET } from "../../src/cli/model";
import { buildPortfolioPlan, EXPECTED_ADDIN_NOTES, EXPECTED_HELPER_CELLS, expectedHelperColumns, expectedHelpersFor, registerSource } from "../../src/model/portfolioSheet";
import { SAMPLE_REGISTER } from "../support/sampleRegister";

const sampleWith = (edit: (row: string[]) => string[]) => readRegister(SAMPLE_REGISTER.map((r, i) => (i === 0 ? [...r] : edit([...r])))).deals;
const column = (name: string) => SAMPLE_REGISTER[0].indexOf(name);

describe("the helpers of the native Expected", () => {
  test("all when a deal has actual-days proration and may exit; full when none has; none past the bound", () => {
    const sample = readRegister(SAMPLE_REGISTER).deals;
    // The sample register: 6 deals + 200 rows of room, FY2025–FY2031 + 3 years of room = 10 years;
    // Northwind (row 4) has actual-days proration and p = 10%.
    expect(expectedHelpersFor(sample, 206, 10)).toBe("all");
    const full = sampleWith((r) => r.map((cell, c) => (c === column("Proration") ? "full" : cell)));
    expect(expectedHelpersFor(full, 206, 10)).toBe("full");
    // Actual days with p = 0 weighs no exit: full is enough.
    const noExit = sampleWith((r) => (r[0] === "Northwind Compute" ? r.map((cell, c) => (c === column("Annual exit probability") ? "0" : cell)) : r));
    expect(expectedHelpersFor(noExit, 206, 10)).toBe("full");
    // The bound, by hand: "all" takes 12 + 12 period slots, 2 a year, 3 a year and 3 × 13 exit slots = 68
    // columns a fiscal year. 1,225 rows × 18 years × 68 = 1,499,400 ≤ 1,500,000; 1,226 rows: 1,500,624.
    expect(EXPECTED_HELPER_CELLS).toBe(1_500_000);
    expect(expectedHelperColumns("all")).toBe(68);
    expect(expectedHelpersFor(sample, 1225, 18)).toBe("all");
    expect(expectedHelpersFor(sample, 1226, 18)).toBe("none");
    // "full": 26 columns a year; 3,205 rows × 18 × 26 = 1,499,940; 3,206 rows: 1,500,408.
    expect(expectedHelperColumns("full")).toBe(26);
    expect(expectedHelpersFor(full, 3205, 18)).toBe("full");
    expect(expectedHelpersFor(full, 3206, 18)).toBe("none");
  });

  test("the columns a year the bound counts are the sheet's own helper columns", () => {
    const register = readRegister(SAMPLE_REGISTER);
    const source = registerSource(REGISTER_SHEET, register.mapping, SAMPLE_REGISTER.length - 1);
    const helpersOf2027 = (helpers: "all" | "full" | "none") => {
      const plan = buildPortfolioPlan(source, register, { expectedHelpers: helpers });
      return Object.keys(plan.refs).filter((name) => /^(ExpectedDeadline|ExpectedPaid|Cut(Date|Period|Owed))2027S\d+$|^(ExitsBy|CutDay|CutBy|CutGroup)FY2027$|^ExpectedLastK2027$/.test(name)).length;
    };
    expect(helpersOf2027("all")).toBe(expectedHelperColumns("all"));
    expect(helpersOf2027("full")).toBe(expectedHelperColumns("full"));
    expect(helpersOf2027("none")).toBe(0);
  });

  test("a row the helpers do not cover says why; with every helper, no row can", () => {
    const register = readRegister(SAMPLE_REGISTER);
    const source = registerSource(REGISTER_SHEET, register.mapping, SAMPLE_REGISTER.length - 1);
    const noteFormula = (helpers: "all" | "full" | "none") => {
      const plan = buildPortfolioPlan(source, register, { expectedHelpers: helpers });
      const [, column, row] = /^\$?([A-Z]+)\$?(\d+)$/.exec(plan.refs.DealExpectedNote.split(":")[0])!;
      const index = [...column].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return plan.cells[Number(row) - 1][index].formula!;
    };
    expect(noteFormula("all")).toBe('""');
    expect(noteFormula("full")).toContain(EXPECTED_ADDIN_NOTES.full);
    expect(noteFormula("none")).toContain(EXPECTED_ADDIN_NOTES.none);
  });
});
