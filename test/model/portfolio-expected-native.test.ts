/**
 * Expected on the Portfolio sheet without the add-in: native formulas, recalculated by LibreOffice,
 * equal to the core's backlog expected (walkDeal, payments basis) within a cent a year — on two deals
 * worked by hand (full-period and actual-days proration) and on the sample register (Northwind's
 * actual-days proration with exits included); and the sample written with fewer helpers than it needs.
 * (test/model/portfolio-sheet.test.ts proves the same equality as of a day, on the sample register and
 * on 300 and 1,000 random deals.)
 *
 * LibreOffice is required (`bash .ci/run` installs it); this test never skips.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { BacklogOptions, portfolioBacklog, portfolioFigures, readRegister } from "../../src/core";
import { REGISTER_SHEET } from "../../src/cli/model";
import { writeRegisterXlsx } from "../../src/export/xlsx";
import { buildPortfolioPlan, CHECK_OK, EXPECTED_ADDIN_NOTES, ExpectedHelpers, isModelled, registerSource } from "../../src/model/portfolioSheet";
import { NO_ADDIN } from "../../src/model/blocks/context";
import { recalculateWithLibreOffice } from "../support/libreoffice";
import { CellValue, expectNoErrors, numberAt as number, readSheetValues, textAt as text } from "../support/xlsxValues";
import { addressesOf, addressOf } from "../support/planRefs";
import { SAMPLE_REGISTER } from "../support/sampleRegister";
import { SheetPlan } from "../../src/model/plan";

jest.setTimeout(300_000);

const work = fs.mkdtempSync(path.join(os.tmpdir(), "deal-expected-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const cents = (x: number) => Math.round(x * 100);

interface Case {
  readonly records: readonly (readonly string[])[];
  readonly options: BacklogOptions;
  readonly plan: SheetPlan;
  readonly file: string;
}

function caseOf(name: string, records: readonly (readonly string[])[], options: BacklogOptions = {}, expectedHelpers?: ExpectedHelpers): Case {
  const register = readRegister(records);
  const plan = buildPortfolioPlan(registerSource(REGISTER_SHEET, register.mapping, records.length - 1), register, { ...options, expectedHelpers });
  return { records, options, plan, file: path.join(work, `${name}.xlsx`) };
}

/** The sheet's Expected by year and total, in cents, against the core's, with every row native. */
function expectNativeExpected(cells: Map<string, CellValue>, c: Case) {
  expectNoErrors(cells);
  const deals = readRegister(c.records).deals.filter((d) => isModelled(d.terms));
  const core = portfolioBacklog(deals, { ...c.options, basis: "payments" });
  const years = addressesOf(c.plan, "BacklogYear").map((a) => number(cells, a));
  expect(core.every((b) => years.includes(b.year))).toBe(true);
  const sheet = years.map((year, i) => cents(number(cells, addressesOf(c.plan, "BacklogExpected")[i])));
  const coreYears = years.map((year) => {
    const y = core.find((b) => b.year === year);
    return y ? cents(y.expected.toNumber()) : 0;
  });
  const off = years.filter((_, i) => Math.abs(sheet[i] - coreYears[i]) > 1).map((y, i) => ({ year: y, sheet: sheet[i], core: coreYears[i] }));
  expect(off).toEqual([]);
  expect(coreYears.filter((x) => x !== 0).length).toBeGreaterThan(0);
  expect(number(cells, addressOf(c.plan, "RowsExpectedNeedAddin"))).toBe(0);
  expect(text(cells, addressOf(c.plan, "ExpectedNative"))).toBe(CHECK_OK);
  const total = coreYears.reduce((a, b) => a + b, 0);
  expect(Math.abs(cents(number(cells, addressOf(c.plan, "TotalExpected"))) - total)).toBeLessThanOrEqual(1);
}

/**
 * A sheet written with fewer helpers than its register needs: each row they do not cover says why,
 * is counted, and the check says CHECK; Expected's totals say the add-in is not loaded, never a
 * partial sum; every other row's expected is the core's (within a cent a year).
 */
function expectFewerHelpers(cells: Map<string, CellValue>, c: Case, helpers: "full" | "none") {
  const deals = readRegister(c.records).deals;
  const core = portfolioFigures(deals, { basis: "payments" }).deals;
  // The sample: Reflection AI 20%, its 2030 extension 0%, Northwind 10% with actual days, Contoso 5%,
  // Fabrikam 10%, Tailspin 30%. "full" leaves Northwind to the add-in; "none" every weighted row.
  const covered = helpers === "full" ? [true, true, false, true, true, true] : [false, true, false, false, false, false];
  const notes = addressesOf(c.plan, "DealExpectedNote").slice(0, deals.length).map((a) => text(cells, a));
  expect(notes).toEqual(covered.map((ok) => (ok ? "" : EXPECTED_ADDIN_NOTES[helpers])));
  expect(number(cells, addressOf(c.plan, "RowsExpectedNeedAddin"))).toBe(covered.filter((ok) => !ok).length);
  expect(text(cells, addressOf(c.plan, "ExpectedNative"))).toBe("CHECK");
  expect(text(cells, addressOf(c.plan, "TotalExpected"))).toBe(NO_ADDIN);
  expect(text(cells, addressesOf(c.plan, "BacklogExpected")[0])).toBe(NO_ADDIN);
  const expected = addressesOf(c.plan, "DealExpected");
  covered.forEach((ok, i) => {
    // Within a cent a year: no sample deal spans more than 6 fiscal years.
    if (ok) expect(Math.abs(cents(number(cells, expected[i])) - cents(core[i].expected.toNumber()))).toBeLessThanOrEqual(6);
  });
  // The extension weighs no exit: its expected is its headline, 12 × 150,000,000, natively even with no helper.
  expect(number(cells, expected[1])).toBe(1_800_000_000);
}

const HEADER = ["Counterparty", "Start date", "End date", "Payment", "Frequency", "Timing", "Proration", "Lock-in months", "Notice days", "Termination fee", "Annual exit probability"];

describe("LibreOffice recalculates Expected from native formulas, without the add-in, to the core", () => {
  test("two deals by hand and the sample register; and the sample with fewer helpers than it needs", async () => {
    // By hand: 100 a month in advance, Jan–Jun 2027, no lock-in, no notice days, fee 1,000, and the
    // annual probability 1 − 0.5^12, so that stay = 0.5 a month. Notice may be served on Jan 1 and each
    // 1st after, exiting that day: period k (starting on the (k+1)-th 1st) is paid in full only if
    // none of the k + 1 exits on or before its start happens: 0.5^(k+1). Payments 100 × (0.5 + … +
    // 0.5^6) = 98.4375; the fee 1,000 × P(some exit) = 1,000 × (1 − 0.5^6) = 984.375; 2027: 1,082.8125 → 1,082.81.
    const byHand = caseOf("by-hand", [HEADER, ["Hand", "2027-01-01", "2027-06-30", "100", "monthly", "advance", "full", "0", "0", "1000", String(1 - 0.5 ** 12)]]);
    // By hand, actual days: 310 a month in arrears, Jan–Mar 2027, no lock-in, 15 notice days, fee
    // 1,000, stay = 0.5 a month, fiscal years ending in February. Notice on Jan 1, Feb 1, Mar 1 exits on
    // the 16th: exits Jan 16, Feb 16, Mar 16 (Apr 16 is after the end). A month is paid in full only if
    // no exit falls in it or before (0.5, 0.25, 0.125); the month an exit cuts owes 15 days
    // (Jan 310 × 15/31 = 150, Feb 310 × 15/28 = 166.07, Mar 150), paid on the 15th, with P(first
    // notice then) = 0.5, 0.25, 0.125.
    //   FY2027 (to Feb): Jan 310 × 0.5 + 150 × 0.5 = 230; Feb 310 × 0.25 + 166.07 × 0.25 = 119.0175;
    //     fee 1,000 × (1 − 0.25) = 750: 1,099.0175 → 1,099.02.
    //   FY2028: Mar 310 × 0.125 + 150 × 0.125 = 57.5; fee 1,000 × (0.25 − 0.125) = 125: 182.50.
    const byHandActual = caseOf(
      "by-hand-actual",
      [HEADER, ["Hand", "2027-01-01", "2027-03-31", "310", "monthly", "arrears", "actual", "0", "15", "1000", String(1 - 0.5 ** 12)]],
      { yearEndMonth: 2 },
    );
    const sampleBlank = caseOf("sample", SAMPLE_REGISTER);
    // The sample register written with fewer helpers than it needs (as a register too large for them is).
    const sampleFull = caseOf("sample-full", SAMPLE_REGISTER, {}, "full");
    const sampleNone = caseOf("sample-none", SAMPLE_REGISTER, {}, "none");
    const cases = [byHand, byHandActual, sampleBlank];
    const written = [...cases, sampleFull, sampleNone];
    for (const c of written) await writeRegisterXlsx(REGISTER_SHEET, c.records, [c.plan], c.file);
    const recalculated = recalculateWithLibreOffice(
      written.map((c) => c.file),
      path.join(work, "lo"),
    );
    const cells = await Promise.all(recalculated.map((file) => readSheetValues(file, 2)));
    expectFewerHelpers(cells[3], sampleFull, "full");
    expectFewerHelpers(cells[4], sampleNone, "none");

    expect(number(cells[0], addressesOf(byHand.plan, "ExpectedFY2027")[0])).toBe(1082.81);
    expect(number(cells[0], addressOf(byHand.plan, "TotalExpected"))).toBe(1082.81);
    expect(["ExpectedFY2027", "ExpectedFY2028"].map((name) => number(cells[1], addressesOf(byHandActual.plan, name)[0]))).toEqual([1099.02, 182.5]);
    expect(number(cells[1], addressOf(byHandActual.plan, "TotalExpected"))).toBe(1281.52);
    cases.forEach((c, i) => expectNativeExpected(cells[i], c));
    // The seed (20%) weighs its payments: between committed and headline.
    const seed = number(cells[2], addressesOf(sampleBlank.plan, "DealExpected")[0]);
    expect(seed).toBeGreaterThan(number(cells[2], addressesOf(sampleBlank.plan, "DealCommitted")[0]));
    expect(seed).toBeLessThan(number(cells[2], addressesOf(sampleBlank.plan, "DealHeadline")[0]));
  });
});
