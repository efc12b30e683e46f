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
import { describeStats, formulaStats } from "./formulaLengths";

const MEDIAN_BELOW = 80;
/**
 * The Portfolio sheet's bound: its native Expected weighs each period paying in a fiscal year in a
 * helper cell of its own (up to 12 a year: a short one for the period's start, one of about 330
 * characters for its payment × P(no exit by its start)), about two thirds of its formulas; the
 * rest of the sheet keeps the 80 bound's shape.
 */
const PORTFOLIO_MEDIAN_BELOW = 90;
const MAX_AT_MOST = 400;

function samplePortfolio(): SheetPlan {
  const records = parseCsv(fs.readFileSync(path.join(__dirname, "../../docs/sample-register.csv"), "utf8"));
  const register = readRegister(records);
  return buildPortfolioPlan(registerSource(REGISTER_SHEET, register.mapping, records.length - 1), register);
}

const sheets: [string, () => SheetPlan, number][] = [
  ...TEMPLATES.map((t): [string, () => SheetPlan, number] => [`model sheet, ${t.id}`, () => buildModelPlan(t), MEDIAN_BELOW]),
  ["Portfolio sheet, docs/sample-register.csv", samplePortfolio, PORTFOLIO_MEDIAN_BELOW],
];

describe.each(sheets)("%s", (label, build, medianBelow) => {
  const stats = formulaStats(build());
  test(`median under ${medianBelow} and none over ${MAX_AT_MOST} characters`, () => {
    console.log(describeStats(label, stats));
    expect(stats.count).toBeGreaterThan(100);
    expect(stats.median).toBeLessThan(medianBelow);
    expect(stats.worst.filter((w) => w.length > MAX_AT_MOST)).toEqual([]);
    expect(stats.max).toBeLessThanOrEqual(MAX_AT_MOST);
  });
});
