/**
 * Proof by an independent engine: every template and a matrix of options is written to .xlsx,
 * recalculated by LibreOffice, read back, and compared with the core — every summary figure and every
 * schedule row, to the cent. A second part edits input cells in a written file and recalculates:
 * the model is live. No recalculated cell may hold an error value.
 *
 * LibreOffice is required: `bash .ci/run` installs it. This test never skips.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { formatIsoDate, TermsInput } from "../../src/core";
import { writePlanXlsx } from "../../src/export/xlsx";
import { computeHeadline } from "../../src/model/headline";
import { Block } from "../../src/model/layout";
import { ACCOUNTING_CHECKED, buildModelPlan, CHECKED, ModelName, NO_ADDIN } from "../../src/model/modelSheet";
import { withOverrides } from "../../src/model/overrides";
import { SheetPlan } from "../../src/model/plan";
import { DealTemplate, REFLECTION_SPACEX, TEMPLATES } from "../../src/model/templates";
import { serialOf } from "../support/dates";
import { CellValue, editedCopies, expectNoErrors, numberAt, recalculatedPlans, recalculatedValues } from "../support/xlsxValues";
import { evaluateDealCheck } from "../support/dealChecks";
import { MARKET_DEAL_CELLS } from "../../src/model/blocks/market";
import { CASES as PROVIDER_CASES } from "../../src/model/blocks/economics";
import { addressesOf, addressOf, planCellAt } from "../support/planRefs";

const seedWith = (terms: Partial<TermsInput>) => withOverrides(REFLECTION_SPACEX, { terms });
const ramp = [
  { effectiveDate: serialOf("2026-07-01"), amount: 50_000_000 },
  { effectiveDate: serialOf("2026-10-01"), amount: 100_000_000 },
  { effectiveDate: serialOf("2027-01-01"), amount: 150_000_000 },
];

const CASES: [string, DealTemplate][] = [
  ...TEMPLATES.map((t) => [`template ${t.id}`, t] as [string, DealTemplate]),
  ["seed in arrears", seedWith({ timing: "arrears" })],
  ["seed, notice during the lock-in", seedWith({ noticeDuringLockIn: true })],
  ["seed, begun period prorated by actual days", seedWith({ proration: "actual" })],
  ["seed ending 2029-06-30", seedWith({ endDate: serialOf("2029-06-30") })],
  ["seed with 3% escalation", seedWith({ escalation: 0.03 })],
  ["seed with a ramp", seedWith({ payment: ramp })],
  ["seed quarterly", seedWith({ payment: 450_000_000, frequency: "quarterly" })],
  ["seed semi-annual, arrears, actual days, stub end", seedWith({ payment: 900_000_000, frequency: "semiannual", timing: "arrears", proration: "actual", endDate: serialOf("2029-11-15") })],
  ["seed annual with escalation", seedWith({ payment: 1_800_000_000, frequency: "annual", escalation: 0.025 })],
  ["seed, notice 2027-03-15, fee, actual days", seedWith({ noticeDate: serialOf("2027-03-15"), terminationFee: 75_000_000, proration: "actual" })],
  ["seed, notice in lock-in on 2026-08-01, fee", seedWith({ noticeDuringLockIn: true, noticeDate: serialOf("2026-08-01"), terminationFee: 10_000_000 })],
  ["seed, lock-in to a fixed last day", seedWith({ lockInMonths: 0, lockInLastDay: serialOf("2027-03-31") })],
  ["seed, lock-in beyond the term", seedWith({ lockInMonths: 60, terminationFee: 5 })],
];

const work = fs.mkdtempSync(path.join(os.tmpdir(), "deal-lo-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));



/** Compares the recalculated sheet with the core's figures for the same terms. */
function expectMatchesCore(cells: Map<string, CellValue>, plan: SheetPlan<ModelName>, template: DealTemplate) {
  const core = computeHeadline(template);
  const at = (name: ModelName) => numberAt(cells, addressOf(plan, name));
  const money = (name: ModelName, expected: { toNumber(): number }) =>
    expect({ name, value: at(name) }).toEqual({ name, value: expect.closeTo(expected.toNumber(), 2) }); // |diff| < 0.005
  money("TotalValue", core.total);
  money("RunRate", core.runRate);
  money("PeakRunRate", core.peakRunRate);
  money("PresentValue", core.presentValue);
  money("Committed", core.committed);
  money("ValueAtRisk", core.valueAtRisk);
  expect(at("CommittedShare")).toBeCloseTo(core.committedShare.toNumber(), 12);
  expect(at("PeriodCount")).toBe(core.schedule.length);
  const date = (name: ModelName, expected: number) => expect([name, formatIsoDate(at(name))]).toEqual([name, formatIsoDate(expected)]);
  date("LockInEnd", core.lockInEnd);
  date("EarliestNotice", core.earliestNotice);
  date("NoticeUsed", core.noticeDate);
  date("ExitDate", core.exitDate);
  date("LastServiceDay", core.exitDate - 1);
  const optional = (name: ModelName, expected: { toNumber(): number } | null) => {
    const cell = cells.get(addressOf(plan, name))!;
    if (expected === null) expect(cell.type).toBe("text");
    else expect(Math.abs(at(name) - expected.toNumber())).toBeLessThan(1e-9 * Math.max(1, expected.toNumber()));
  };
  optional("FundingMonths", core.fundingMonths);
  optional("GpuHourRate", core.gpuHourRate);
  optional("DowntimeMinutes", core.downtimeMinutes);

  // Every schedule row, then blank rows below the term.
  const column = (name: ModelName) => addressesOf(plan, name);
  const [period, start, end, rate, payment, paid, cumulative] = (
    ["SchedulePeriod", "ScheduleStart", "ScheduleEnd", "ScheduleRate", "SchedulePayment", "SchedulePaymentDate", "ScheduleCumulative"] as const
  ).map(column);
  core.schedule.forEach((p, i) => {
    expect(numberAt(cells, period[i])).toBe(i + 1);
    const actual = {
      start: numberAt(cells, start[i]),
      end: numberAt(cells, end[i]),
      rate: numberAt(cells, rate[i]),
      payment: numberAt(cells, payment[i]),
      paid: numberAt(cells, paid[i]),
      cumulative: numberAt(cells, cumulative[i]),
    };
    expect(actual).toEqual({
      start: p.start,
      end: p.end,
      rate: p.rate.toNumber(),
      payment: p.payment.toNumber(),
      paid: p.paymentDate,
      cumulative: expect.closeTo(p.cumulative.toNumber(), 2),
    });
  });
  expect(period.length).toBeGreaterThan(core.schedule.length);
  for (let i = core.schedule.length; i < period.length; i++) {
    for (const address of [period[i], start[i], payment[i]]) {
      expect(["empty", "text"]).toContain(cells.get(address)?.type);
      expect(cells.get(address)?.text ?? "").toBe("");
    }
  }
}

describe("the model sheet recalculated by LibreOffice", () => {
  const plans = CASES.map(([, template]) => buildModelPlan(template));
  let results: Map<string, CellValue>[];

  beforeAll(async () => {
    results = await recalculatedPlans(plans, work);
  });

  it.each(CASES.map(([name], i) => [name, i]))("%s: equals the core to the cent, with no error value anywhere", (_name, i) => {
    const cells = results[i as number];
    expectNoErrors(cells);
    expectMatchesCore(cells, plans[i as number], CASES[i as number][1]);
  });

  it("the seed shows the contract's figures as results of formulas", () => {
    const cells = results[0];
    const plan = plans[0];
    const cell = (name: ModelName) => cells.get(addressOf(plan, name))!;
    expect(cell("TotalValue")).toMatchObject({ type: "number", number: 6_300_000_000, formula: expect.any(String) });
    expect(cell("RunRate")).toMatchObject({ number: 1_800_000_000, formula: expect.any(String) });
    expect(formatIsoDate(cell("ExitDate").number!)).toBe("2026-12-30");
    expect(cell("Committed")).toMatchObject({ number: 900_000_000, formula: expect.any(String) });
    expect(cell("PresentValue").number!.toFixed(2)).toBe("5539137544.34");
  });

  it.each(CASES.map(([name], i) => [name, i]))("%s: with the add-in loaded, every DEAL check agrees with its native figure", (_name, i) => {
    const plan = plans[i as number];
    const cells = results[i as number];
    for (const figure of CHECKED) {
      const native = numberAt(cells, addressOf(plan, figure));
      const deal = evaluateDealCheck(planCellAt(plan, addressOf(plan, `Deal${figure}`)).formula!, plan, cells);
      expect({ figure, deal }).toEqual({ figure, deal: expect.closeTo(native, 2) });
    }
    // Every DEAL call of the sheet is one of these checks, an accounting check (test/model/accounting-block.test.ts),
    // a market lattice cell (test/model/market-block.test.ts) or a provider IRR check, one a case
    // (test/model/provider-blocks.test.ts: DEAL.PROVIDER_IRR on the sheet's own arguments gives the sheet's XIRR).
    expect(plan.cells.flat().filter((c) => c.formula?.includes("DEAL.")).length).toBe(
      CHECKED.length + ACCOUNTING_CHECKED.length + MARKET_DEAL_CELLS.length + PROVIDER_CASES.length,
    );
  });

  it("without the add-in the checks read as text, never as errors", () => {
    const cells = results[0];
    const plan = plans[0];
    for (const figure of CHECKED) {
      expect([figure, cells.get(addressOf(plan, `Deal${figure}`))?.text]).toEqual([figure, NO_ADDIN]);
      expect([figure, cells.get(addressOf(plan, `${figure}Agrees`))?.text]).toEqual([figure, `${NO_ADDIN}: native figures stand`]);
    }
  });
});

describe("the model is live: edited inputs recalculate without re-inserting", () => {
  const plan = buildModelPlan(REFLECTION_SPACEX);
  const address = (name: ModelName) => addressOf(plan, name);
  const EDITS: [string, Partial<Record<ModelName, number | string>>, Partial<TermsInput>, number?][] = [
    ["start date moved to 2026-09-15", { StartDate: serialOf("2026-09-15") }, { startDate: serialOf("2026-09-15") }],
    ["payment 175,000,000 and discount rate 10%", { Payment: 175_000_000, DiscountRate: 0.1 }, { payment: 175_000_000 }, 0.1],
    [
      "notice date 2027-02-10, 4% escalation, end 2030-06-30, actual days",
      { NoticeDate: serialOf("2027-02-10"), Escalation: 0.04, EndDate: serialOf("2030-06-30"), Proration: "actual" },
      { noticeDate: serialOf("2027-02-10"), escalation: 0.04, endDate: serialOf("2030-06-30"), proration: "actual" },
    ],
    [
      "quarterly 450,000,000 in arrears, notice in lock-in",
      { Frequency: "quarterly", Payment: 450_000_000, Timing: "arrears", NoticeInLockIn: "TRUE" },
      { frequency: "quarterly", payment: 450_000_000, timing: "arrears", noticeDuringLockIn: true },
    ],
  ];
  let results: Map<string, CellValue>[];

  beforeAll(async () => {
    const original = path.join(work, "live.xlsx");
    await writePlanXlsx(plan, original);
    const byAddress = EDITS.map(([, edits]) =>
      Object.fromEntries(Object.entries(edits).map(([name, value]) => [address(name as ModelName), value === "TRUE" ? true : value!])),
    );
    results = await recalculatedValues(await editedCopies(original, byAddress, work), path.join(work, "edited-recalculated"));
  });

  it.each(EDITS.map(([name], i) => [name, i]))("%s: the summary and schedule follow", (_name, i) => {
    const [, , terms, discountRate] = EDITS[i as number];
    const cells = results[i as number];
    expectNoErrors(cells);
    expectMatchesCore(cells, plan, withOverrides(REFLECTION_SPACEX, { terms, discountRate }));
  });
});

/**
 * Adding a block is a change in one place: a block with one figure and one per-period column, added
 * to the seed's plan, resolves its names, moves nothing the other blocks compute, and recalculates.
 */
describe("a block added to the plan", () => {
  type ExtraName = "ExtraDoubleTotal" | "ExtraHalfPayment";
  const extra = (): Block<ExtraName>[] => [
    {
      id: "extra",
      title: "EXTRA",
      list: {
        header: ["Value"],
        rows: [{ label: "Twice the total", cells: [{ formula: "TotalValue*2", numberFormat: "#,##0.00" }], names: [{ name: "ExtraDoubleTotal", cell: 0 }] }],
      },
      series: [
        {
          name: "ExtraHalfPayment",
          header: "Half the payment",
          formula: (row) => `IF(${row.at("SchedulePeriod")}="","",${row.at("SchedulePayment")}/2)`,
        },
      ],
      reads: ["TotalValue", "SchedulePeriod", "SchedulePayment"],
    },
  ];
  const base = buildModelPlan(REFLECTION_SPACEX);
  const extended = buildModelPlan(REFLECTION_SPACEX, REFLECTION_SPACEX.sheetName, extra);
  let before: Map<string, CellValue>;
  let after: Map<string, CellValue>;

  beforeAll(async () => {
    [before, after] = await recalculatedPlans([base, extended], work, "block");
  });

  it("keeps every name of the other blocks, each recalculating to the same figure", () => {
    expectNoErrors(after);
    const names = base.names.map((n) => n.name);
    expect(extended.names.map((n) => n.name).sort()).toEqual([...names, "ExtraDoubleTotal", "ExtraHalfPayment"].sort());
    for (const name of names) {
      const was = addressesOf(base, name).map((a): CellValue => before.get(a) ?? { type: "empty" });
      const now = addressesOf(extended, name).map((a): CellValue => after.get(a) ?? { type: "empty" });
      expect({ name, values: now.map((c) => [c.type, c.number, c.text]) }).toEqual({ name, values: was.map((c) => [c.type, c.number, c.text]) });
    }
  });

  it("computes its own figures from the names it reads", () => {
    // The seed's total is 42 × 150,000,000 = 6,300,000,000 (the contract); twice that is 12,600,000,000.
    expect(after.get(addressOf(extended, "ExtraDoubleTotal"))?.number).toBe(12_600_000_000);
    const halves = addressesOf(extended, "ExtraHalfPayment").map((a) => after.get(a));
    expect(halves.slice(0, 42).every((c) => c?.number === 75_000_000)).toBe(true);
    expect(halves.slice(42).every((c) => (c?.text ?? "") === "")).toBe(true);
  });
});
