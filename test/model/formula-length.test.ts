/**
 * Short formulas (FAST: "short formulas with helper columns"): on the model sheet of every template and
 * on the Portfolio sheet of the sample register (docs/sample-register.csv, as `npm run model --
 * --register` writes it), the median formula is under 80 characters and none is over 400. The figures
 * and the five longest formulas, by name, are printed.
 */
import fs from "fs";
import path from "path";
import { readRegister } from "../../src/core";
import { parseCsv } from "../../src/cli/register";
import { REGISTER_SHEET } from "../../src/cli/model";
import { buildModelPlan } from "../../src/model/modelSheet";
import { buildPortfolioPlan, registerSource } from "../../src/model/portfolioSheet";
import { TEMPLATES } from "../../src/model/templates";
import { SheetPlan } from "../../src/model/plan";
import { describeStats, FormulaLength, formulaStats } from "./formulaLengths";

const MEDIAN_BELOW = 80;
/**
 * The Portfolio sheet's native Expected weighs each period and exit date of a deal's fiscal year in
 * helper cells of their own (per year 12 period slots and 13 exit-date slots; see "Expected, in native
 * formulas" in src/model/blocks/portfolio.ts), about four fifths of the sheet's formulas. Each is one
 * step — the number of exits by a day (about 110 characters), a period's rate, a prorated amount —
 * but a step of date arithmetic without LET: they are held to their own median, the rest of the
 * sheet to the 80 bound, and every formula to 400.
 */
const EXPECTED_HELPER = /^(ExpectedDeadline|ExpectedPaid|Cut(Date|Period|Owed))\d+S\d+$|^(ExitsBy|CutDay|CutBy|CutGroup)FY\d+$|^ExpectedLastK\d+$/;
const EXPECTED_HELPER_MEDIAN_BELOW = 200;
const MAX_AT_MOST = 400;

let sample: SheetPlan | undefined;
/** The sample register's Portfolio sheet, built once for both of its bounds. */
function samplePortfolio(): SheetPlan {
  if (sample !== undefined) return sample;
  const records = parseCsv(fs.readFileSync(path.join(__dirname, "../../docs/sample-register.csv"), "utf8"));
  const register = readRegister(records);
  sample = buildPortfolioPlan(registerSource(REGISTER_SHEET, register.mapping, records.length - 1), register);
  return sample;
}

type Which = (f: FormulaLength) => boolean;
const sheets: [string, () => SheetPlan, number, Which][] = [
  ...TEMPLATES.map((t): [string, () => SheetPlan, number, Which] => [`model sheet, ${t.id}`, () => buildModelPlan(t), MEDIAN_BELOW, () => true]),
  ["Portfolio sheet, docs/sample-register.csv, but Expected's helpers", samplePortfolio, MEDIAN_BELOW, (f) => !EXPECTED_HELPER.test(f.name)],
  ["Portfolio sheet, docs/sample-register.csv, Expected's helpers", samplePortfolio, EXPECTED_HELPER_MEDIAN_BELOW, (f) => EXPECTED_HELPER.test(f.name)],
];

describe.each(sheets)("%s", (label, build, medianBelow, which) => {
  const stats = formulaStats(build(), which);
  test(`median under ${medianBelow} and none over ${MAX_AT_MOST} characters`, () => {
    console.log(describeStats(label, stats));
    expect(stats.count).toBeGreaterThan(100);
    expect(stats.median).toBeLessThan(medianBelow);
    expect(stats.worst.filter((w) => w.length > MAX_AT_MOST)).toEqual([]);
    expect(stats.max).toBeLessThanOrEqual(MAX_AT_MOST);
  });
});
