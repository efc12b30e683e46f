/**
 * Expected on the Portfolio sheet without the add-in: native formulas, recalculated by LibreOffice,
 * equal to the core's backlog expected (walkDeal, payments basis) within a cent a year — on a deal
 * worked by hand, on the sample register with every deal computable natively (Northwind's proration
 * made full), as of a day, and on 300 random deals as of a day. Rows with actual-days proration and
 * exits are left to the add-in and say so (test/model/portfolio-sheet.test.ts proves that on the
 * registers that have them).
 *
 * LibreOffice is required (`bash .ci/run` installs it); this test never skips.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { BacklogOptions, portfolioBacklog, readRegister } from "../../src/core";
import { REGISTER_SHEET } from "../../src/cli/model";
import { writeRegisterXlsx } from "../../src/export/xlsx";
import { buildPortfolioPlan, CHECK_OK, isModelled, registerSource } from "../../src/model/portfolioSheet";
import { recalculateWithLibreOffice } from "../support/libreoffice";
import { CellValue, expectNoErrors, numberAt as number, readSheetValues, textAt as text } from "../support/xlsxValues";
import { addressesOf, addressOf } from "../support/planRefs";
import { SAMPLE_REGISTER } from "../support/sampleRegister";
import { randomRegister } from "../support/randomRegister";
import { serialOf } from "../support/dates";
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

function caseOf(name: string, records: readonly (readonly string[])[], options: BacklogOptions = {}): Case {
  const register = readRegister(records);
  const plan = buildPortfolioPlan(registerSource(REGISTER_SHEET, register.mapping, records.length - 1), register, options);
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

const HEADER = ["Counterparty", "Start date", "End date", "Payment", "Frequency", "Timing", "Proration", "Lock-in months", "Notice days", "Termination fee", "Annual exit probability"];

describe("LibreOffice recalculates Expected from native formulas, without the add-in, to the core", () => {
  test("a deal by hand, the sample register (Northwind's proration full) blank and as of 2027-01-01, and 300 random deals as of 2027-03-15", async () => {
    // By hand: 100 a month in advance, Jan–Jun 2027, no lock-in, no notice days, fee 1,000, and the
    // annual probability 1 − 0.5^12, so that stay = 0.5 a month. Notice may be served on Jan 1 and each
    // 1st after, exiting that day: period k (starting on the (k+1)-th 1st) is paid in full only if
    // none of the k + 1 exits on or before its start happens: 0.5^(k+1). Payments 100 × (0.5 + … +
    // 0.5^6) = 98.4375; the fee 1,000 × P(some exit) = 1,000 × (1 − 0.5^6) = 984.375; 2027: 1,082.8125 → 1,082.81.
    const byHand = caseOf("by-hand", [HEADER, ["Hand", "2027-01-01", "2027-06-30", "100", "monthly", "advance", "full", "0", "0", "1000", String(1 - 0.5 ** 12)]]);
    const sample = SAMPLE_REGISTER.map((r) => r.map((cell) => (cell === "actual" ? "full" : cell)));
    const sampleBlank = caseOf("sample", sample);
    const sampleAsOf = caseOf("sample-asof", sample, { asOf: serialOf("2027-01-01"), yearEndMonth: 6 });
    const random = randomRegister(20261204, 300, { ramps: true }).map((r, i) => (i === 0 ? r : r.map((cell, c) => (c === 7 && cell.startsWith("actual") ? "full" : cell))));
    const randomAsOf = caseOf("random-asof", random, { asOf: serialOf("2027-03-15"), yearEndMonth: 3 });
    const cases = [byHand, sampleBlank, sampleAsOf, randomAsOf];
    for (const c of cases) await writeRegisterXlsx(REGISTER_SHEET, c.records, [c.plan], c.file);
    const recalculated = recalculateWithLibreOffice(
      cases.map((c) => c.file),
      path.join(work, "lo"),
    );
    const cells = await Promise.all(recalculated.map((file) => readSheetValues(file, 2)));

    expect(number(cells[0], addressesOf(byHand.plan, "ExpectedFY2027")[0])).toBe(1082.81);
    expect(number(cells[0], addressOf(byHand.plan, "TotalExpected"))).toBe(1082.81);
    cases.forEach((c, i) => expectNativeExpected(cells[i], c));
    // The seed (20%) weighs its payments: between committed and headline.
    const seed = number(cells[1], addressesOf(sampleBlank.plan, "DealExpected")[0]);
    expect(seed).toBeGreaterThan(number(cells[1], addressesOf(sampleBlank.plan, "DealCommitted")[0]));
    expect(seed).toBeLessThan(number(cells[1], addressesOf(sampleBlank.plan, "DealHeadline")[0]));
  });
});
