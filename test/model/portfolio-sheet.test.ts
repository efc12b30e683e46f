/**
 * The Portfolio sheet: native formulas over a register on another sheet. Proof by LibreOffice, the
 * independent engine: the workbook `npm run model -- --register` writes is recalculated and every
 * per-deal figure, every fiscal year of the backlog and the concentration are compared with the core
 * (portfolioFigures, dealBacklog) to the cent — for the sample register, again after a deal's payment
 * is changed and a deal added in the register sheet (the formulas really refer to the register), and
 * for 500 random deals of every shape the formulas model. No recalculated cell holds an error.
 *
 * LibreOffice is required (`bash .ci/run` installs it); this test never skips.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { BacklogOptions, Decimal, portfolioBacklog, portfolioFigures, readRegister, RegisterDeal } from "../../src/core";
import { parseCsv } from "../../src/cli/register";
import { run, REGISTER_SHEET } from "../../src/cli/model";
import { recalculateWithLibreOffice } from "../support/libreoffice";
import { registerCellValue, writeRegisterXlsx } from "../../src/export/xlsx";
import { backlog as backlogFunction } from "../../src/functions/portfolio";
import { namesIn } from "../../src/model/layout";
import { NO_ADDIN } from "../../src/model/modelSheet";
import { SheetPlan } from "../../src/model/plan";
import { buildPortfolioPlan, CHECK_OK, isModelled, RAMP_STEPS_STATUS, REGISTER_ROOM, registerSource, STATUS_OK } from "../../src/model/portfolioSheet";
import { SAMPLE_REGISTER } from "../support/sampleRegister";
import { CellValue, readSheetValues, expectNoErrors, numberAt as number, textAt as text } from "../support/xlsxValues";
import { addressesOf, addressOf, planCellAt } from "../support/planRefs";
import { randomRegister, toCsv } from "../support/randomRegister";
import { serialOf } from "../support/dates";

// LibreOffice recalculates 500 deals in 40–70 s on a shared two-core machine (native Expected included): with reading, near the default 120 s.
jest.setTimeout(300_000);

const work = fs.mkdtempSync(path.join(os.tmpdir(), "deal-portfolio-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const SAMPLE_CSV = fs.readFileSync(path.join(__dirname, "../../docs/sample-register.csv"), "utf8");

function planFor(records: readonly (readonly string[])[], options: BacklogOptions = {}): { plan: SheetPlan; deals: readonly RegisterDeal[] } {
  const register = readRegister(records);
  return {
    plan: buildPortfolioPlan(registerSource(REGISTER_SHEET, register.mapping, records.length - 1), register, { asOf: options.asOf, yearEndMonth: options.yearEndMonth }),
    deals: register.deals,
  };
}

const cents = (x: Decimal | number) => Math.round((typeof x === "number" ? x : x.toNumber()) * 100);

/**
 * Compares a recalculated Portfolio sheet with the core: each deal the formulas model (its headline,
 * committed, exit date, run-rate), each row of a ramp of several steps flagged with zeros, every fiscal year, the totals,
 * the concentration over the modelled deals, and the checks.
 */
function expectMatchesCore(cells: Map<string, CellValue>, plan: SheetPlan, deals: readonly RegisterDeal[], options: BacklogOptions = {}) {
  expectNoErrors(cells);
  const at = (name: string) => addressesOf(plan, name);
  const modelled = deals.filter((d) => isModelled(d.terms));
  const core = portfolioFigures(modelled, options);
  const byDeal = new Map(modelled.map((d, i) => [d, core.deals[i]]));
  const sheet: unknown[] = [];
  const expected: unknown[] = [];
  deals.forEach((deal, i) => {
    const status = text(cells, at("DealStatus")[i]);
    const f = byDeal.get(deal);
    if (!f) {
      expected.push({ row: deal.row, status: RAMP_STEPS_STATUS, headline: 0, committed: 0 });
      sheet.push({ row: deal.row, status, headline: number(cells, at("DealHeadline")[i]), committed: number(cells, at("DealCommitted")[i]) });
      return;
    }
    expected.push({ row: deal.row, status: STATUS_OK, counterparty: deal.counterparty, headline: cents(f.headline), committed: cents(f.committed), exit: f.exitDate, runRate: cents(f.runRate) });
    sheet.push({
      row: deal.row,
      status,
      counterparty: text(cells, at("DealCounterparty")[i]),
      headline: cents(number(cells, at("DealHeadline")[i])),
      committed: cents(number(cells, at("DealCommitted")[i])),
      exit: number(cells, at("DealExitDate")[i]),
      runRate: cents(number(cells, at("DealRunRate")[i])),
    });
  });
  expect(sheet).toEqual(expected);
  // Rows below the register read as blank: no figure, no status.
  expect(text(cells, at("DealStatus")[deals.length])).toBe("");

  const one = (name: string) => addressOf(plan, name);
  expect(cents(number(cells, one("TotalHeadline")))).toBe(cents(core.totalHeadline));
  expect(cents(number(cells, one("TotalCommitted")))).toBe(cents(core.totalCommitted));
  expect(cents(number(cells, one("TotalRunRate")))).toBe(cents(core.totalRunRate));
  expect(number(cells, one("DealCount"))).toBe(modelled.length);
  expect(number(cells, one("RowsNotModelled"))).toBe(deals.length - modelled.length);

  // The backlog: every year of the sheet against the core's (a year the core does not list is 0).
  const years = at("BacklogYear").map((a) => number(cells, a));
  const sheetYears = years.map((year, i) => ({ year, headline: cents(number(cells, at("BacklogHeadline")[i])), committed: cents(number(cells, at("BacklogCommitted")[i])) }));
  const coreYears = years.map((year) => {
    const y = core.backlog.find((b) => b.year === year);
    return { year, headline: y ? cents(y.headline) : 0, committed: y ? cents(y.committed) : 0 };
  });
  expect(sheetYears).toEqual(coreYears);
  expect(core.backlog.every((b) => years.includes(b.year))).toBe(true);
  // Ties, in the test as in the sheet: the years add up to the totals.
  expect(cents(number(cells, one("BacklogTotalHeadline")))).toBe(cents(core.totalHeadline));
  expect(cents(number(cells, one("BacklogTotalCommitted")))).toBe(cents(core.totalCommitted));
  expectExpectedMatchesCore(cells, plan, deals, options);

  const { headline, committed } = core.concentration;
  expect({
    byHeadline: text(cells, one("LargestByHeadline")),
    headline: cents(number(cells, one("LargestHeadline"))),
    byCommitted: text(cells, one("LargestByCommitted")),
    committed: cents(number(cells, one("LargestCommitted"))),
  }).toEqual({ byHeadline: headline.counterparty, headline: cents(headline.amount), byCommitted: committed.counterparty, committed: cents(committed.amount) });
  expect(number(cells, one("LargestHeadlineShare"))).toBeCloseTo(headline.share, 12);
  expect(number(cells, one("LargestCommittedShare"))).toBeCloseTo(committed.share, 12);

  expect(["HeadlineTies", "CommittedTies", "YearsCoverDeals"].map((n) => text(cells, one(n)))).toEqual([CHECK_OK, CHECK_OK, CHECK_OK]);
  expect(text(cells, one("AllRowsModelled"))).toBe(modelled.length === deals.length ? CHECK_OK : "CHECK");
}

/**
 * Expected, without the add-in: each row's expected by year (the ExpectedFY columns) added up over the
 * rows equals the core's backlog expected within a cent a year — every row, actual-days proration
 * with exits included (the sheet is written with the helpers its register needs) — and so do the year
 * totals; no row says it needs the add-in.
 */
function expectExpectedMatchesCore(cells: Map<string, CellValue>, plan: SheetPlan, deals: readonly RegisterDeal[], options: BacklogOptions = {}) {
  const at = (name: string) => addressesOf(plan, name);
  const one = (name: string) => addressOf(plan, name);
  const modelled = deals.filter((d) => isModelled(d.terms));
  expect(deals.map((_, i) => text(cells, at("DealExpectedNote")[i]))).toEqual(deals.map(() => ""));
  expect(number(cells, one("RowsExpectedNeedAddin"))).toBe(0);
  const core = portfolioBacklog(modelled, { ...options, basis: "payments" });
  const years = at("BacklogYear").map((a) => number(cells, a));
  const rows = deals.length;
  const sheetYears = years.map((year) => at(`ExpectedFY${year}`).slice(0, rows).reduce((sum, a) => sum + cents(number(cells, a)), 0));
  const coreYears = years.map((year) => {
    const y = core.find((b) => b.year === year);
    return y ? cents(y.expected) : 0;
  });
  expect(core.every((b) => years.includes(b.year))).toBe(true);
  // Within a cent a year: the probabilities are doubles (powers here, repeated products in the core).
  expect(sheetYears.map((c, i) => Math.abs(c - coreYears[i]) <= 1)).toEqual(years.map(() => true));
  expect(coreYears.some((c) => c !== 0)).toBe(true);
  expect(years.map((y, i) => Math.abs(cents(number(cells, at("BacklogExpected")[i])) - coreYears[i]) <= 1)).toEqual(years.map(() => true));
  const total = coreYears.reduce((a, b) => a + b, 0);
  expect(Math.abs(cents(number(cells, one("TotalExpected"))) - total)).toBeLessThanOrEqual(years.length);
  expect(text(cells, one("ExpectedNative"))).toBe(CHECK_OK);
}

describe("the Portfolio sheet's plan", () => {
  const records = parseCsv(SAMPLE_CSV);
  const { plan } = planFor(records);
  const formulas = plan.cells.flat().flatMap((c) => (c.formula ? [c.formula] : []));

  test("uses only functions Excel 2016 and LibreOffice compute alike (no dynamic arrays, LET, LAMBDA, XLOOKUP …)", () => {
    const used = new Set(formulas.flatMap((f) => [...f.replace(/"[^"]*"/g, "").matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
    const allowed = ["IF", "IFERROR", "INDEX", "MATCH", "TRIM", "LOWER", "UPPER", "ISNUMBER", "ISLOGICAL", "ISERROR", "INT", "DATEVALUE", "VALUE", "OR", "AND", "NOT", "EDATE", "MIN", "MAX", "ROUND", "YEAR", "MONTH", "DAY", "ROW", "SUM", "SUMPRODUCT", "ABS", "VLOOKUP", "SUBSTITUTE", "LEFT", "FIND", "MID", "LEN", "DATE", "NA", "DEAL.BACKLOG"];
    expect([...used].filter((f) => !allowed.includes(f))).toEqual([]);
  });

  test("reads the register only: every other sheet it refers to is the register's, within its rows and the room below", () => {
    const refs = formulas.flatMap((f) => [...f.matchAll(/'([^']+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)/g)]);
    expect(refs.length).toBeGreaterThan(0);
    const lastRow = 1 + records.length - 1 + REGISTER_ROOM;
    expect([...new Set(refs.map((m) => `${m[1]} ${m[3]}-${m[5]}`))].sort()).toEqual([`${REGISTER_SHEET} 1-${lastRow}`, `${REGISTER_SHEET} 2-${lastRow}`]);
    // DEAL.BACKLOG (Expected) is given the whole register with its header; every other read is one column below it.
    expect(refs.filter((m) => m[3] === "1").every((m) => m[2] === "A" && m[4] === "Q")).toBe(true);
  });

  test("a reference into the register's sheet is not taken for a defined name", () => {
    expect(namesIn("SUM('Deals 2026'!$D$2:$D$9)+TotalHeadline")).toEqual(["TotalHeadline"]);
  });

  test("Expected is native unless a row needs the add-in; then it asks DEAL.BACKLOG for the whole register (header included), as of the sheet's day, by payments, and looks its year up in column 4", () => {
    const expected = addressesOf(plan, "BacklogExpected").map((a) => planCellAt(plan, a).formula!);
    const years = addressesOf(plan, "BacklogYear").map((a) => planCellAt(plan, a).value as number);
    const lastRow = records.length + REGISTER_ROOM;
    const call = `DEAL.BACKLOG('${REGISTER_SHEET}'!$A$1:$Q$${lastRow},AsOfDate,YearEndMonth,BacklogBasis)`;
    expect(expected).toEqual(years.map((y) => `IF(RowsExpectedNeedAddin=0,SUM(ExpectedFY${y}),IFERROR(VLOOKUP(${y},${call},4,FALSE),IF(ISERROR(${call}),"${NO_ADDIN}",0)))`));
    // What that call returns for the register's cells (with the blank rows below), looked up as VLOOKUP does.
    const cells = [...records.map((r) => r.map((c) => registerCellValue(c).value ?? "")), ...Array.from({ length: REGISTER_ROOM }, () => records[0].map(() => ""))];
    cells[0] = [...records[0]];
    // A blank as-of cell reaches the function as null; BacklogBasis holds "payments".
    expect(planCellAt(plan, addressOf(plan, "BacklogBasis")).value).toBe("payments");
    const spilled = backlogFunction(cells, null, null, "payments") as unknown[][];
    const core = portfolioFigures(planFor(records).deals).backlog;
    expect(years.filter((y) => core.some((b) => b.year === y)).map((y) => spilled.find((row) => row[0] === y)![3])).toEqual(core.map((b) => b.expected.toNumber()));
  });

  test("both bases: the year columns by payment date, and a revenue backlog from DEAL.BACKLOG(…, \"revenue\") that is the core's", () => {
    const lastRow = records.length + REGISTER_ROOM;
    const call = `DEAL.BACKLOG('${REGISTER_SHEET}'!$A$1:$Q$${lastRow},AsOfDate,YearEndMonth,RevenueBasis)`;
    const years = addressesOf(plan, "RevenueYear").map((a) => planCellAt(plan, a).value as number);
    expect(addressesOf(plan, "RevenueHeadline").map((a) => planCellAt(plan, a).formula)).toEqual(
      years.map((y) => `IFERROR(VLOOKUP(${y},${call},2,FALSE),IF(ISERROR(${call}),"${NO_ADDIN}",0))`),
    );
    expect(planCellAt(plan, addressOf(plan, "RevenueBasis")).value).toBe("revenue");
    const cells = [...records.map((r) => r.map((c) => registerCellValue(c).value ?? "")), ...Array.from({ length: REGISTER_ROOM }, () => records[0].map(() => ""))];
    cells[0] = [...records[0]];
    const spilled = backlogFunction(cells, null, null, "revenue") as unknown[][];
    const core = portfolioBacklog(planFor(records).deals, { basis: "revenue" });
    expect(spilled.slice(1).map((r) => [r[0], cents(r[1] as number), cents(r[2] as number)])).toEqual(core.map((b) => [b.year, cents(b.headline), cents(b.committed)]));
    expect(core.every((b) => years.includes(b.year))).toBe(true);
  });

  test("a Status per deal row, and the checks", () => {
    expect(planCellAt(plan, addressOf(plan, "AllChecks")).formula).toContain("AllRowsModelled");
    expect(addressesOf(plan, "DealStatus")).toHaveLength(records.length - 1 + REGISTER_ROOM);
  });
});

describe("LibreOffice recalculates the Portfolio sheet to the core's figures", () => {
  test("the sample register as npm run model -- --register writes it; then a payment changed and a deal added in the register sheet", async () => {
    const csv = path.join(work, "sample.csv");
    fs.writeFileSync(csv, SAMPLE_CSV);
    const out = path.join(work, "portfolio.xlsx");
    const log: string[] = [];
    expect(await run(["--register", csv, "--out", out], work, { log: (l) => log.push(l), error: (l) => log.push(l) })).toBe(0);

    // The same file with the seed's payment changed to 175,000,000 and a seventh deal added below the table.
    const records = SAMPLE_REGISTER.map((r) => [...r]);
    records[1][3] = "175000000";
    const added = ["Litware", "2027-04-15", "2029-04-14", "12500000.5", "quarterly", "0.02", "arrears", "actual", "6", "", "30", "TRUE", "", "", "", "0.1", "added"];
    records.push(added);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const deals = workbook.getWorksheet(REGISTER_SHEET)!;
    deals.getCell("D2").value = 175_000_000;
    added.forEach((cell, c) => {
      const { value } = registerCellValue(cell);
      if (value !== null) deals.getCell(records.length, c + 1).value = value;
    });
    const edited = path.join(work, "edited.xlsx");
    await workbook.xlsx.writeFile(edited);
    // And one with a deal extended past the year columns (the last is 2034): the check must say so.
    const beyond = new ExcelJS.Workbook();
    await beyond.xlsx.readFile(out);
    beyond.getWorksheet(REGISTER_SHEET)!.getCell("C3").value = new Date(Date.UTC(2040, 11, 31));
    const extended = path.join(work, "extended.xlsx");
    await beyond.xlsx.writeFile(extended);

    const [recalculated, recalculatedEdit, recalculatedBeyond] = recalculateWithLibreOffice([out, edited, extended], path.join(work, "lo"));
    const { plan, deals: sampleDeals } = planFor(parseCsv(SAMPLE_CSV));
    expect(sampleDeals.map((d) => isModelled(d.terms))).toEqual([true, true, true, true, true, true]); // Fabrikam's one-step ramp too
    expectMatchesCore(await readSheetValues(recalculated, 2), plan, sampleDeals);

    const editedDeals = readRegister(records).deals;
    const cells = await readSheetValues(recalculatedEdit, 2);
    expectMatchesCore(cells, plan, editedDeals);
    // The change is really seen: the seed's headline is 42 × 175,000,000 now.
    expect(number(cells, addressesOf(plan, "DealHeadline")[0])).toBe(42 * 175_000_000);
    expect(text(cells, addressesOf(plan, "DealCounterparty")[6])).toBe("Litware");

    const outside = await readSheetValues(recalculatedBeyond, 2);
    expectNoErrors(outside);
    expect(number(outside, addressesOf(plan, "DealHeadline")[1])).toBe(11 * 12 * 150_000_000); // 2030–2040, from the deal's own closed form
    expect(["YearsCoverDeals", "HeadlineTies", "AllChecks"].map((n) => text(outside, addressOf(plan, n)))).toEqual(["CHECK", "CHECK", "CHECK"]);
  });

  // 500, not the 1,000 of before native Expected: its helpers (68 columns a fiscal year) took LibreOffice from
  // about 25 s to 40–120 s on 1,000 deals, and the 300 deals as of a day below prove the same shapes again.
  test("500 random deals (every shape the formulas model, one-step ramps, and ramps of two steps, which are flagged) — recalculated once", async () => {
    const records = randomRegister(20261123, 500, { ramps: true });
    const { plan, deals } = planFor(records);
    const file = path.join(work, "five-hundred.xlsx");
    await writeRegisterXlsx(REGISTER_SHEET, records, [plan], file);
    const started = Date.now();
    const [recalculated] = recalculateWithLibreOffice([file], path.join(work, "lo500"));
    const seconds = (Date.now() - started) / 1000;
    const cells = await readSheetValues(recalculated, 2);
    expect(deals.some((d) => !isModelled(d.terms))).toBe(true);
    expect(deals.some((d) => isModelled(d.terms) && d.terms.payment.kind === "ramp")).toBe(true);
    expectMatchesCore(cells, plan, deals);
    // Reported, not asserted: the time depends on the machine.
    console.log(`LibreOffice recalculated the 500-deal Portfolio sheet (${plan.cells.length} rows × ${plan.cells[0].length} columns) in ${seconds.toFixed(1)} s, start-up included`);
  });
});

describe("LibreOffice recalculates the Portfolio sheet as of a day to the core's figures", () => {
  test("npm run model -- --register --as-of 2027-01-01 --year-end-month 6: the sample register with a blank row and a Total row below it, and 300 random deals as of 2027-03-15", async () => {
    // A table's total row (as =DEAL.BACKLOG(Deals[#All]) would include it) and a blank row: skipped, and no check fails.
    const withTotal = `${SAMPLE_CSV.trimEnd()}\n${",".repeat(16)}\nTotal,,,517000000${",".repeat(13)}\n`;
    const csv = path.join(work, "sample-asof.csv");
    fs.writeFileSync(csv, withTotal);
    const out = path.join(work, "portfolio-asof.xlsx");
    const log: string[] = [];
    const argv = ["--register", csv, "--as-of", "2027-01-01", "--year-end-month", "6", "--out", out];
    expect(await run(argv, work, { log: (l) => log.push(l), error: (l) => log.push(l) })).toBe(0);
    const records = randomRegister(20261203, 300, { ramps: true });
    const asOfMarch = { asOf: serialOf("2027-03-15"), yearEndMonth: 3 };
    const random = planFor(records, asOfMarch);
    const randomFile = path.join(work, "random-asof.xlsx");
    await writeRegisterXlsx(REGISTER_SHEET, records, [random.plan], randomFile);
    const [recalculated, recalculatedRandom] = recalculateWithLibreOffice([out, randomFile], path.join(work, "lo-asof"));

    const options = { asOf: serialOf("2027-01-01"), yearEndMonth: 6 };
    const sample = planFor(parseCsv(withTotal), options);
    expect(sample.deals).toHaveLength(6);
    const cells = await readSheetValues(recalculated, 2);
    expectMatchesCore(cells, sample.plan, sample.deals, options);
    expect(number(cells, addressOf(sample.plan, "RowsSkipped"))).toBe(1);
    expect(text(cells, addressesOf(sample.plan, "DealStatus")[7])).toBe("");
    expect(text(cells, addressOf(sample.plan, "AllChecks"))).toBe(CHECK_OK);
    // Rows beyond the data (and the Total row): no early exit, and no figure — empty, not 0.00.
    expect(number(cells, addressesOf(sample.plan, "DealEarly")[9])).toBe(0);
    for (const name of ["DealHeadline", "DealCommitted", "DealRunRate", "DealShare", "DealGroupHeadline", "DealGridGap", "HeadlineFY2027", "CommittedFY2027"]) {
      expect([name, text(cells, addressesOf(sample.plan, name)[7]), text(cells, addressesOf(sample.plan, name)[9])]).toEqual([name, "", ""]);
    }
    // The revenue backlog says it needs the add-in.
    expect(text(cells, addressesOf(sample.plan, "RevenueHeadline")[0])).toBe(NO_ADDIN);
    // By hand, the seed at the close of 2027-01-01: January's payment is made, 35 × 150,000,000 remain; notice on
    // 2027-01-02 exits 2027-04-02, April begun and owed in full: Feb + Mar + Apr = 450,000,000; run-rate 1,800,000,000.
    expect(number(cells, addressesOf(sample.plan, "DealHeadline")[0])).toBe(35 * 150_000_000);
    expect(number(cells, addressesOf(sample.plan, "DealCommitted")[0])).toBe(450_000_000);
    expect(number(cells, addressesOf(sample.plan, "DealExitDate")[0])).toBe(serialOf("2027-04-02"));
    // And equal to DEAL.BACKLOG(register, as_of, year_end_month, "payments") year by year.
    const spilled = backlogFunction(parseCsv(SAMPLE_CSV).map((r, i) => (i === 0 ? r : r.map((c) => registerCellValue(c).value ?? ""))), "2027-01-01", 6, "payments");
    const years = addressesOf(sample.plan, "BacklogYear").map((a) => number(cells, a));
    for (const row of spilled.slice(1)) {
      const i = years.indexOf(row[0] as number);
      expect([row[0], cents(number(cells, addressesOf(sample.plan, "BacklogHeadline")[i])), cents(number(cells, addressesOf(sample.plan, "BacklogCommitted")[i]))]).toEqual([
        row[0],
        cents(row[1] as number),
        cents(row[2] as number),
      ]);
    }

    expectMatchesCore(await readSheetValues(recalculatedRandom, 2), random.plan, random.deals, asOfMarch);
  });
});

test("the CSV written back is the one read (toCsv, parseCsv)", () => {
  const records = randomRegister(5, 20);
  expect(parseCsv(toCsv(records))).toEqual(records);
});
