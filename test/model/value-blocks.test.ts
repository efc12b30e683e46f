/**
 * The value blocks proved by an independent engine: the value bridge, the notice months, the scenario
 * results and the sensitivity grid of every template and a few option combinations are written to
 * .xlsx, recalculated by LibreOffice, read back by defined name and compared with the core
 * (`valueBridge`, `exitProbabilities`, `expectedValue`, `exitOutcome`, `presentValue` over the
 * shortened term) to the cent. No recalculated cell may hold an error value. A second part edits a
 * written file — the scenario selector, the exit probability, the expected uptime, delivered shares, a
 * scenario's row — recalculates, and compares again: the blocks are live.
 *
 * LibreOffice is required: `bash .ci/run` installs it. This test never skips.
 */
import fs from "fs";
import os from "os";
import path from "path";
import {
  buildSchedule,
  ContractTerms,
  Decimal,
  exitOutcome,
  exitProbabilities,
  expectedValue,
  formatIsoDate,
  presentValue,
  TermsInput,
  totalValue,
  validateTerms,
  valueBridge,
} from "../../src/core";
import { writePlanXlsx } from "../../src/export/xlsx";
import { buildModelPlan, ModelName } from "../../src/model/modelSheet";
import { withOverrides } from "../../src/model/overrides";
import { SheetPlan } from "../../src/model/plan";
import { DealTemplate, GPU_CAPACITY_LEASE, GOOGLE_SPACEX_STYLE, REFLECTION_SPACEX, ScenarioRow, TEMPLATES, valueAssumptions } from "../../src/model/templates";
import { serialOf } from "../support/dates";
import { CellValue, editedCopies, expectNoErrors, numberAt, recalculatedPlans, recalculatedValues } from "../support/xlsxValues";
import { addressesOf, addressOf } from "../support/planRefs";

const seedWith = (terms: Partial<TermsInput>, scenario?: string) => withOverrides(REFLECTION_SPACEX, { terms, scenario });
/** A template whose scenario table is `scenarios`, with `scenario` selected. */
const withScenarios = (deal: DealTemplate, scenarios: readonly ScenarioRow[], scenario: string, exitProbability?: number): DealTemplate => {
  const value = valueAssumptions(deal);
  return { ...deal, value: { ...value, scenarios, scenario, exitProbability: exitProbability === undefined ? value.exitProbability : { value: exitProbability, basis: "assumed" } } };
};

const CASES: [string, DealTemplate][] = [
  ...TEMPLATES.map((t) => [`template ${t.id}`, t] as [string, DealTemplate]),
  ["seed, downside scenario (end 2029-06-30, 35%, 99.5%, 90% delivered, 10%)", withOverrides(REFLECTION_SPACEX, { scenario: "downside" })],
  ["seed, upside scenario", withOverrides(REFLECTION_SPACEX, { scenario: "upside" })],
  [
    "generic lease (quarterly, arrears, actual days, fee, notice in lock-in), a scenario ending mid-quarter",
    withScenarios(GPU_CAPACITY_LEASE, [{ name: "base" }, { name: "cut", endDate: serialOf("2031-05-15"), exitProbability: 0.3, expectedUptime: 0.985, discountRate: 0.09 }], "cut"),
  ],
  ["fixed lock-in with ramp, downside", withOverrides(GOOGLE_SPACEX_STYLE, { scenario: "downside" })],
  [
    "seed, actual days, notice in lock-in on 2026-08-01, fee, downside ending mid-month",
    withScenarios(
      seedWith({ proration: "actual", noticeDuringLockIn: true, noticeDate: serialOf("2026-08-01"), terminationFee: 10_000_000 }),
      [{ name: "base" }, { name: "downside", endDate: serialOf("2029-03-17"), exitProbability: 0.4, expectedUptime: 0.94, deliveredShare: 0.75 }],
      "downside",
    ),
  ],
  ["seed in arrears, semi-annual, stub end, base", seedWith({ payment: 900_000_000, frequency: "semiannual", timing: "arrears", proration: "actual", endDate: serialOf("2029-11-15") })],
  ["seed, exit certain (100% a year)", withOverrides(REFLECTION_SPACEX, { exitProbability: 1 })],
  ["seed, no exit (0% a year), escalation 3%", withOverrides(REFLECTION_SPACEX, { exitProbability: 0, terms: { escalation: 0.03 } })],
  ["seed, a scenario ending after the contract (capped)", withScenarios(REFLECTION_SPACEX, [{ name: "longer", endDate: serialOf("2030-06-30"), exitProbability: 0.25 }], "longer")],
];

const work = fs.mkdtempSync(path.join(os.tmpdir(), "deal-value-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

type Cells = Map<string, CellValue>;



/** EDATE, independently: the same day n months later, or the month's last day. */
function edateOracle(serial: number, months: number): number {
  const d = new Date((serial - 25_569) * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / 86_400_000 + 25_569;
}

/** What the sheet should use: the selected scenario row's values, blank cells keeping the inputs. */
function scenarioInUse(deal: DealTemplate) {
  const value = valueAssumptions(deal);
  const row = value.scenarios.find((s) => s.name === value.scenario);
  const contractEnd = deal.terms.endDate as number;
  return {
    endDate: Math.min(row?.endDate ?? contractEnd, contractEnd),
    exitProbability: row?.exitProbability ?? value.exitProbability.value!,
    expectedUptime: row?.expectedUptime ?? value.expectedUptime.value!,
    deliveredShare: row?.deliveredShare,
    discountRate: row?.discountRate ?? deal.discountRate.value!,
  };
}

/** The core's figures for one scenario row (every row of the results table). */
function coreScenario(deal: DealTemplate, row: ScenarioRow) {
  const value = valueAssumptions(deal);
  const contractEnd = deal.terms.endDate as number;
  const terms = validateTerms({ ...deal.terms, endDate: Math.min(row.endDate ?? contractEnd, contractEnd) });
  const schedule = buildSchedule(terms);
  return {
    headline: totalValue(schedule).toNumber(),
    committed: exitOutcome(terms, schedule).value.toNumber(),
    expected: expectedValue(terms, row.exitProbability ?? value.exitProbability.value!, schedule).toNumber(),
    presentValue: presentValue(terms, new Decimal(row.discountRate ?? deal.discountRate.value!), schedule).toNumber(),
  };
}

/** Compares the value blocks of a recalculated sheet with the core; `shares`: delivered share per period (inputs). */
function expectValueBlocksMatchCore(cells: Cells, plan: SheetPlan<ModelName>, deal: DealTemplate, shares: readonly number[] = []) {
  const used = scenarioInUse(deal);
  const terms: ContractTerms = validateTerms({ ...deal.terms, endDate: used.endDate });
  const schedule = buildSchedule(terms);
  const delivered = schedule.map((_, i) => used.deliveredShare ?? shares[i] ?? 1);
  const bridge = valueBridge(terms, {
    discountRate: used.discountRate,
    annualExitProbability: used.exitProbability,
    expectedUptime: used.expectedUptime,
    slaTiers: valueAssumptions(deal).slaTiers.rows,
    deliveredShares: delivered,
  });
  const at = (name: ModelName) => numberAt(cells, addressOf(plan, name));
  const money = (name: ModelName, expected: number) => expect({ name, value: at(name) }).toEqual({ name, value: expect.closeTo(expected, 2) });

  // The lines, nominal and present value.
  const [headline, beyond, beyondDelivery, committed, credits, shortfall, risk] = bridge.lines;
  expect(beyondDelivery.value.isZero()).toBe(true); // the sheet has no delivery deadline
  const pairs: [ModelName, ModelName, typeof headline][] = [
    ["HeadlineValue", "HeadlinePresentValue", headline],
    ["LessValueBeyondExit", "LessValueBeyondExitPresentValue", beyond],
    ["CommittedValue", "CommittedPresentValue", committed],
    ["LessSlaCredits", "LessSlaCreditsPresentValue", credits],
    ["LessDeliveryShortfall", "LessDeliveryShortfallPresentValue", shortfall],
    ["RiskAdjustedValue", "RiskAdjustedPresentValue", risk],
  ];
  for (const [nominal, present, line] of pairs) {
    money(nominal, line.value.toNumber());
    money(present, line.presentValue!.toNumber());
  }
  money("ExpectedValue", bridge.expected!.value.toNumber());
  money("ExpectedPresentValue", bridge.expected!.presentValue!.toNumber());
  money("LessExpectedExits", bridge.expected!.lessExpectedExits.toNumber());
  money("LessExpectedExitsPresentValue", bridge.expected!.lessExpectedExitsPresentValue!.toNumber());
  expect(formatIsoDate(at("BridgeExitDate"))).toBe(formatIsoDate(bridge.exitDate));
  money("BridgeFee", bridge.fee.toNumber());
  expect(at("SlaCreditShare")).toBeCloseTo(bridge.slaCreditShare.toNumber(), 12);

  // The scenario in use.
  expect(formatIsoDate(at("EndDateUsed"))).toBe(formatIsoDate(used.endDate));
  expect(at("ExitProbabilityUsed")).toBeCloseTo(used.exitProbability, 12);
  expect(at("DiscountRateUsed")).toBeCloseTo(used.discountRate, 12);

  // Notice months: dates, exits, values and probabilities.
  const odds = exitProbabilities(terms, used.exitProbability, schedule);
  expect(at("NoticeMonthCount")).toBe(odds.months.length);
  expect(at("NoExitProbability")).toBeCloseTo(odds.never.toNumber(), 12);
  const column = (name: ModelName) => addressesOf(plan, name);
  const [noticeDate, noticeExit, noticeValue, probability] = (["NoticeMonthDate", "NoticeMonthExit", "NoticeMonthValue", "NoticeMonthProbability"] as const).map(column);
  odds.months.forEach((m, k) => {
    expect({ k, notice: formatIsoDate(numberAt(cells, noticeDate[k])), exit: formatIsoDate(numberAt(cells, noticeExit[k])), value: numberAt(cells, noticeValue[k]) }).toEqual({
      k,
      notice: formatIsoDate(m.noticeDate),
      exit: formatIsoDate(m.exitDate),
      value: expect.closeTo(m.value.toNumber(), 2),
    });
    expect(numberAt(cells, probability[k])).toBeCloseTo(m.probability.toNumber(), 14);
  });
  expect(cells.get(probability[odds.months.length])?.text ?? "").toBe("");
  // k counts the months a notice can be served in under the contract's own term (the core's), and is
  // blank below them: the rows beyond the data are empty, not counting on.
  const contractMonths = exitProbabilities(validateTerms(deal.terms), used.exitProbability, buildSchedule(validateTerms(deal.terms))).months.length;
  const k = column("NoticeMonthIndex");
  const below = cells.get(k[contractMonths]);
  expect([numberAt(cells, k[0]), numberAt(cells, k[contractMonths - 1]), below?.type === "number", below?.text ?? ""]).toEqual([0, contractMonths - 1, false, ""]);
  // So are the days from the start to each payment past the contract's last period (they showed 0).
  const periods = buildSchedule(validateTerms(deal.terms));
  const days = column("BridgePaymentDays");
  const past = cells.get(days[periods.length]);
  expect([numberAt(cells, days[periods.length - 1]), past?.type === "number", past?.text ?? ""]).toEqual([periods[periods.length - 1].paymentDate - periods[0].start, false, ""]);

  // Per period, under the scenario's term; periods after it pay nothing.
  const [payment, committedColumn, payable, shortfallColumn, credit, riskColumn, factor] = (
    ["BridgePayment", "BridgeCommitted", "BridgePayable", "BridgeShortfall", "BridgeSlaCredit", "BridgeRiskAdjusted", "BridgeDiscountFactor"] as const
  ).map(column);
  bridge.periods.forEach((p, i) => {
    const actual = {
      i,
      payment: numberAt(cells, payment[i]),
      committed: numberAt(cells, committedColumn[i]),
      payable: numberAt(cells, payable[i]),
      shortfall: numberAt(cells, shortfallColumn[i]),
      credit: numberAt(cells, credit[i]),
      risk: numberAt(cells, riskColumn[i]),
    };
    expect(actual).toEqual({
      i,
      payment: p.payment.toNumber(),
      committed: p.committed.toNumber(),
      payable: p.payable.toNumber(),
      shortfall: expect.closeTo(p.deliveryShortfall.toNumber(), 6),
      credit: p.slaCredit.toNumber(),
      risk: expect.closeTo(p.riskAdjusted.toNumber(), 6),
    });
    expect(numberAt(cells, factor[i])).toBeCloseTo(p.discountFactor!, 14);
  });
  const contractPeriods = buildSchedule(validateTerms(deal.terms)).length;
  for (let i = schedule.length; i < contractPeriods; i++) expect(numberAt(cells, payment[i])).toBe(0);

  // The chart's columns end on the headline, the committed and the expected value.
  const last = (name: ModelName) => numberAt(cells, column(name)[contractPeriods - 1]);
  expect(last("CumulativeHeadline")).toBeCloseTo(headline.value.toNumber(), 2);
  expect(last("CumulativeCommitted")).toBeCloseTo(committed.value.toNumber(), 2);
  expect(last("CumulativeExpected")).toBeCloseTo(bridge.expected!.value.toNumber(), 2);

  // Every scenario's results, from closed forms, against the core with that row's values.
  const value = valueAssumptions(deal);
  const results = (["ScenarioResultHeadline", "ScenarioResultCommitted", "ScenarioResultExpected", "ScenarioResultPresentValue"] as const).map(column);
  const names = column("ScenarioResultName");
  value.scenarios.forEach((row, s) => {
    const core = coreScenario(deal, row);
    expect(cells.get(names[s])?.text).toBe(row.name);
    const [h, c, e, pv] = results.map((r) => numberAt(cells, r[s]));
    expect({ scenario: row.name, h, c, e, pv }).toEqual({
      scenario: row.name,
      h: expect.closeTo(core.headline, 2),
      c: expect.closeTo(core.committed, 2),
      e: expect.closeTo(core.expected, 2),
      pv: expect.closeTo(core.presentValue, 2),
    });
  });
  for (let s = value.scenarios.length; s < names.length; s++) expect(cells.get(results[0][s])?.text ?? "").toBe("");

  // The sensitivity grid: CONTRACT_PV over the term cut to EDATE(start, N) − 1, for each rate and N.
  const months = column("SensitivityMonths").map((a) => numberAt(cells, a));
  const rates = column("SensitivityRates").map((a) => numberAt(cells, a));
  const grid = column("Sensitivity");
  expect(grid.length).toBe(months.length * rates.length);
  rates.forEach((rate, i) =>
    months.forEach((n, j) => {
      const end = Math.min(edateOracle(deal.terms.startDate as number, n) - 1, deal.terms.endDate as number);
      const cut = validateTerms({ ...deal.terms, endDate: end, noticeDate: null });
      const expected = presentValue(cut, new Decimal(rate)).toNumber();
      expect({ rate, n, pv: numberAt(cells, grid[i * months.length + j]) }).toEqual({ rate, n, pv: expect.closeTo(expected, 2) });
    }),
  );

  // The checks.
  for (const name of ["BridgeStepsCheck", "RiskStepsCheck"] as const) expect([name, cells.get(addressOf(plan, name))?.text]).toEqual([name, "steps sum"]);
  expect(cells.get(addressOf(plan, "ExpectedPaymentsCheck"))?.text).toBe("agree");
  const named = value.scenarios.some((s) => s.name === value.scenario);
  expect(cells.get(addressOf(plan, "ScenarioResultsCheck"))?.text).toBe(named ? "agree" : "no scenario row: the inputs apply");
  expect(cells.get(addressOf(plan, "CommittedSummaryCheck"))?.text).toMatch(used.endDate < (deal.terms.endDate as number) ? /not comparable/ : /^agree$/);
  expect(cells.get(addressOf(plan, "NoticeMonthRowsCheck"))?.text).toMatch(/^all \d+ notice months laid out$/);
  expect(cells.get(addressOf(plan, "SlaTiersCheck"))?.text).toBe("deeper tiers earn at least as much");
}

describe("the value blocks recalculated by LibreOffice", () => {
  const plans = CASES.map(([, deal]) => buildModelPlan(deal));
  let results: Cells[];

  beforeAll(async () => {
    results = await recalculatedPlans(plans, work, "value");
  });

  it.each(CASES.map(([name], i) => [name, i]))("%s: equals the core to the cent, with no error value anywhere", (_name, i) => {
    const cells = results[i as number];
    expectNoErrors(cells);
    expectValueBlocksMatchCore(cells, plans[i as number], CASES[i as number][1]);
  });

  it("the seed's bridge shows the README's figures", () => {
    const cells = results[0];
    const at = (name: ModelName) => numberAt(cells, addressOf(plans[0], name)).toFixed(2);
    expect([at("HeadlineValue"), at("HeadlinePresentValue")]).toEqual(["6300000000.00", "5539137544.34"]);
    expect([at("CommittedValue"), at("CommittedPresentValue")]).toEqual(["900000000.00", "885590807.59"]);
    expect([at("ExpectedValue"), at("ExpectedPresentValue")]).toEqual(["4804200159.38", "4293270107.17"]);
  });

  it("a scenario ending after the contract is capped at its end, and says so", () => {
    const i = CASES.findIndex(([name]) => name.includes("capped"));
    expect(results[i].get(addressOf(plans[i], "ScenarioCheck"))?.text).toMatch(/capped at the end date/);
  });
});

describe("the value blocks are live: edits recalculate without re-inserting", () => {
  const plan = buildModelPlan(REFLECTION_SPACEX);
  const shareCells = addressesOf(plan, "DeliveredShare");
  const scenarioCell = (column: ModelName, row: number) => addressesOf(plan, column)[row];
  const seedValue = valueAssumptions(REFLECTION_SPACEX);
  const EDITS: [string, Record<string, number | string | boolean>, DealTemplate, number[]?][] = [
    ["selector set to downside", { [addressOf(plan, "Scenario")]: "downside" }, withOverrides(REFLECTION_SPACEX, { scenario: "downside" })],
    [
      "expected uptime 99.5%, 50% delivered in July and 80% in August (the README's seed bridge)",
      { [addressOf(plan, "ExpectedUptime")]: 0.995, [shareCells[0]]: 0.5, [shareCells[1]]: 0.8 },
      withOverrides(REFLECTION_SPACEX, { expectedUptime: 0.995 }),
      [0.5, 0.8],
    ],
    [
      "exit probability 50%, and upside's row edited to end 2028-12-31 and selected",
      { [addressOf(plan, "ExitProbability")]: 0.5, [addressOf(plan, "Scenario")]: "upside", [scenarioCell("ScenarioEndDates", 2)]: serialOf("2028-12-31") },
      withScenarios(
        REFLECTION_SPACEX,
        seedValue.scenarios.map((s) => (s.name === "upside" ? { ...s, endDate: serialOf("2028-12-31") } : s)),
        "upside",
        0.5,
      ),
    ],
    ["a scenario the table does not name: the inputs apply", { [addressOf(plan, "Scenario")]: "stress" }, withOverrides(REFLECTION_SPACEX, { scenario: "stress" })],
    [
      "quarterly 450,000,000 in arrears, actual days, notice in lock-in, fee, downside selected",
      {
        [addressOf(plan, "Frequency")]: "quarterly",
        [addressOf(plan, "Payment")]: 450_000_000,
        [addressOf(plan, "Timing")]: "arrears",
        [addressOf(plan, "Proration")]: "actual",
        [addressOf(plan, "TerminationFee")]: 25_000_000,
        [addressOf(plan, "NoticeInLockIn")]: true,
        [addressOf(plan, "Scenario")]: "downside",
      },
      withOverrides(REFLECTION_SPACEX, {
        terms: { frequency: "quarterly", payment: 450_000_000, timing: "arrears", proration: "actual", terminationFee: 25_000_000, noticeDuringLockIn: true },
        scenario: "downside",
      }),
    ],
  ];
  /** A tier table out of order: below 99% earns 5%, less than the 10% below 99.9%. */
  const disorderedTiers = { [addressesOf(plan, "SlaTierCredit")[1]]: 0.05 };
  let results: Cells[];

  beforeAll(async () => {
    const original = path.join(work, "live.xlsx");
    await writePlanXlsx(plan, original);
    const inputs = await editedCopies(original, [...EDITS.map(([, edits]) => edits), disorderedTiers], work);
    results = await recalculatedValues(inputs, path.join(work, "edited"));
  });

  it.each(EDITS.map(([name], i) => [name, i]))("%s: the blocks follow", (_name, i) => {
    const [, , deal, shares] = EDITS[i as number];
    const cells = results[i as number];
    expectNoErrors(cells);
    expectValueBlocksMatchCore(cells, plan, deal, shares);
  });

  it("the README's seed bridge: credits 79,500,000, shortfall 105,000,000, risk-adjusted 715,500,000", () => {
    const cells = results[1];
    const at = (name: ModelName) => numberAt(cells, addressOf(plan, name)).toFixed(2);
    expect([at("LessSlaCredits"), at("LessSlaCreditsPresentValue")]).toEqual(["-79500000.00", "-78078626.06"]);
    expect([at("LessDeliveryShortfall"), at("LessDeliveryShortfallPresentValue")]).toEqual(["-105000000.00", "-104804546.96"]);
    expect([at("RiskAdjustedValue"), at("RiskAdjustedPresentValue")]).toEqual(["715500000.00", "702707634.56"]);
  });

  it("a tier table where a deeper tier earns less is flagged", () => {
    const cells = results[EDITS.length];
    expectNoErrors(cells);
    expect(cells.get(addressOf(plan, "SlaTiersCheck"))?.text).toBe("CHECK TIERS: a deeper tier earns a smaller credit than a milder one");
  });

  it("an unknown scenario name is flagged, and the inputs apply", () => {
    expect(results[3].get(addressOf(plan, "ScenarioCheck"))?.text).toBe("NOTE: no scenario is named stress: the inputs apply");
    expect(results[3].get(addressOf(plan, "ScenarioResultsCheck"))?.text).toBe("no scenario row: the inputs apply");
  });
});
