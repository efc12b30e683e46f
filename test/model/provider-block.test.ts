/**
 * The Provider block (src/model/blocks/provider.ts): native formulas that restate the provider's
 * core — the lessor's straight-line rows (lessorOperatingRows), its receipts still due
 * (lessorMaturity), the ASC 606 RPO and its timing bands (remainingPerformanceObligation, rpoTiming),
 * and the lessee's remeasurement on notice (leaseAccounting with a notice). Proof by an independent
 * engine: each case is written to .xlsx, recalculated by LibreOffice headless and compared with the
 * core to the cent, with no error value anywhere. Golden figures for the seed are worked by hand in
 * test/core/provider.test.ts.
 */
import fs from "fs";
import os from "os";
import path from "path";
import {
  accountingTerm,
  Decimal,
  formatIsoDate,
  leaseAccounting,
  lessorMaturity,
  lessorOperatingRows,
  measureLease,
  remainingPerformanceObligation,
  rpoTiming,
  TermsInput,
  validateTerms,
} from "../../src/core";
import { buildModelPlan, ModelName } from "../../src/model/modelSheet";
import { withOverrides } from "../../src/model/overrides";
import { columnLetter, SheetPlan } from "../../src/model/plan";
import { AccountingJudgements, DEFAULT_ACCOUNTING, DealTemplate, REFLECTION_SPACEX, TEMPLATES } from "../../src/model/templates";
import { serialOf } from "../support/dates";
import { addressesOf, addressOf } from "../support/planRefs";
import { CellValue, expectNoErrors, numberAt, recalculatedPlans, textAt } from "../support/xlsxValues";

const seedWith = (terms: Partial<TermsInput>, accounting: Partial<AccountingJudgements> = {}, discountRate?: number): DealTemplate =>
  withOverrides(REFLECTION_SPACEX, { terms, accounting, discountRate });

const CASES: [string, DealTemplate][] = [
  ...TEMPLATES.map((t) => [`template ${t.id}`, t] as [string, DealTemplate]),
  [
    "seed, 1e9 fee judged substantive, not a lease, significant penalty, notice served 2027-03-15, RPO at 2026-07-15",
    seedWith(
      { terminationFee: 1e9 },
      { identifiedAsset: false, significantPenalty: true, feeIsSubstantive: true, providerAsOf: serialOf("2026-07-15"), noticeServedOn: serialOf("2027-03-15") },
    ),
  ],
  [
    "seed quarterly in arrears by actual days, 3% escalation, 25M fee, ASC 842 operating, notice on a period's first day",
    seedWith(
      { payment: 450_000_000, frequency: "quarterly", timing: "arrears", proration: "actual", escalation: 0.03, terminationFee: 25_000_000, endDate: serialOf("2029-11-20") },
      { significantPenalty: true, standard: "asc842-operating", providerAsOf: serialOf("2027-02-10"), noticeServedOn: serialOf("2028-01-01") },
      0.12,
    ),
  ],
  [
    "issue 16's annual deal, RPO at the close of 2026-12-31",
    seedWith(
      { endDate: serialOf("2028-06-30"), payment: 120_000_000, frequency: "annual", lockInMonths: 24 },
      { providerAsOf: serialOf("2026-12-31") },
    ),
  ],
  [
    "seed, notice served that the clause reading already ends the term on (nothing to remeasure)",
    seedWith({}, { noticeServedOn: serialOf("2026-10-01"), providerAsOf: serialOf("2027-01-01") }),
  ],
  [
    "seed booked over 42 months, notice served on 2026-10-01 (docs/accounting.md's worked remeasurement)",
    seedWith({}, { significantPenalty: true, noticeServedOn: serialOf("2026-10-01") }),
  ],
  [
    "seed at 50%: the remeasured asset is floored at 0 and the excess is a gain",
    seedWith({}, { significantPenalty: true, noticeServedOn: serialOf("2028-09-04"), providerAsOf: serialOf("2029-12-30") }, 0.5),
  ],
];

const work = fs.mkdtempSync(path.join(os.tmpdir(), "deal-provider-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The core's figures for the Provider block of a deal. */
function coreView(deal: DealTemplate) {
  const a = { ...DEFAULT_ACCOUNTING, ...deal.accounting };
  const contract = validateTerms(deal.terms);
  const term = accountingTerm(contract, { whoMayTerminate: a.whoMayTerminate, significantPenalty: a.significantPenalty, termEnd: a.termEnd, electShortTerm: a.electShortTerm });
  const asOf = a.providerAsOf ?? contract.startDate - 1;
  const rpo = remainingPerformanceObligation(contract, asOf, { feeIsSubstantive: a.feeIsSubstantive });
  const m = measureLease({
    terms: term.terms,
    annualRate: new Decimal(deal.discountRate.value!),
    initialDirectCosts: a.initialDirectCosts,
    incentives: a.incentives,
    terminationPayment: term.terminationPayment,
  });
  let remeasurement: null | { period: number; before: Decimal; after: Decimal; rouBefore: Decimal; rouAfter: Decimal; gain: Decimal } = null;
  if (a.noticeServedOn !== null) {
    try {
      const acc = leaseAccounting(m, term.shortTermElected ? "short-term" : a.standard, { noticeDate: a.noticeServedOn, contract });
      const r = acc.remeasurement!;
      const row = acc.rows[r.period - 1];
      remeasurement = {
        period: r.period,
        before: r.liabilityBefore,
        after: r.liabilityAfter,
        rouBefore: row.closingRou.minus(row.rouRemeasurement),
        rouAfter: row.closingRou,
        gain: row.remeasurementGain,
      };
    } catch {
      remeasurement = null; // the core refuses: the sheet must say it does not apply
    }
  }
  return {
    rpo,
    timing: rpoTiming(rpo),
    lessorRows: lessorOperatingRows(term.terms, term.terminationPayment),
    lessorDue: lessorMaturity(term.terms, term.terminationPayment, Math.max(asOf, contract.startDate)).total,
    remeasurement,
  };
}

function expectProviderMatchesCore(cells: Map<string, CellValue>, plan: SheetPlan<ModelName>, deal: DealTemplate) {
  const core = coreView(deal);
  const at = (name: ModelName) => numberAt(cells, addressOf(plan, name));
  const money = (name: ModelName, expected: Decimal) =>
    expect({ name, value: at(name) }).toEqual({ name, value: expect.closeTo(expected.toNumber(), 2) }); // |diff| < 0.005
  const flag = (name: ModelName) => {
    const cell = cells.get(addressOf(plan, name));
    expect({ name, type: cell?.type }).toEqual({ name, type: "boolean" });
    return cell!.number === 1;
  };

  // The lessor: every row, then blank rows.
  const column = (name: ModelName) => addressesOf(plan, name);
  core.lessorRows.forEach((r, j) => {
    expect({ j, receipt: numberAt(cells, column("LessorReceipt")[j]) }).toEqual({ j, receipt: expect.closeTo(r.receipt.toNumber(), 2) });
    expect({ j, income: numberAt(cells, column("LessorIncome")[j]) }).toEqual({ j, income: expect.closeTo(r.income.toNumber(), 2) });
    expect({ j, accrued: numberAt(cells, column("LessorAccruedRent")[j]) }).toEqual({ j, accrued: expect.closeTo(r.accruedRent.toNumber(), 2) });
  });
  expect(textAt(cells, column("LessorIncome")[core.lessorRows.length])).toBe("");
  money("LessorReceiptsDue", core.lessorDue);
  expect(textAt(cells, addressOf(plan, "LessorRunsOffCheck")).startsWith("ok")).toBe(true);

  // ASC 606
  expect(formatIsoDate(at("RpoAsOf"))).toBe(formatIsoDate(core.rpo.asOf));
  expect(formatIsoDate(at("RpoExit"))).toBe(formatIsoDate(core.rpo.exitDate));
  money("RpoTransactionPrice", core.rpo.transactionPrice);
  money("Rpo", core.rpo.value);
  money("RpoWithin12", core.timing.years[0].amount);
  money("Rpo13To24", core.timing.years[1].amount);
  money("Rpo25To36", core.timing.years[2].amount);
  money("RpoThereafter", core.timing.thereafter);
  expect(formatIsoDate(at("RpoOriginalTermEnd"))).toBe(formatIsoDate(core.rpo.originalTermLastDay));
  expect(flag("RpoExpedient")).toBe(core.rpo.expedientApplies);

  // The remeasurement
  expect(flag("RemeasureApplies")).toBe(core.remeasurement !== null);
  if (core.remeasurement) {
    expect(at("RemeasurePeriod")).toBe(core.remeasurement.period);
    money("LiabilityBeforeRemeasurement", core.remeasurement.before);
    money("RemeasuredLiability", core.remeasurement.after);
    money("RouBeforeRemeasurement", core.remeasurement.rouBefore);
    money("RemeasuredRouAsset", core.remeasurement.rouAfter);
    money("RemeasurementGain", core.remeasurement.gain);
  } else {
    for (const name of ["RemeasuredLiability", "RemeasuredRouAsset", "RemeasurementGain"] as const) expect(textAt(cells, addressOf(plan, name))).toBe("");
  }
  return core;
}

describe("the Provider block recalculated by LibreOffice", () => {
  const plans = CASES.map(([, deal]) => buildModelPlan(deal));
  let results: Map<string, CellValue>[];

  beforeAll(async () => {
    results = await recalculatedPlans(plans, work, "provider");
  });

  it.each(CASES.map(([name], i) => [name, i]))("%s: equals the core to the cent, with no error value anywhere", (_name, i) => {
    expectNoErrors(results[i as number]);
    expectProviderMatchesCore(results[i as number], plans[i as number], CASES[i as number][1]);
  });

  it("the seed: a lease, so the lessor's view applies; RPO 900,000,000 at inception (worked in test/core/provider.test.ts)", () => {
    const [cells, plan] = [results[0], plans[0]];
    expect(textAt(cells, addressOf(plan, "ProviderView"))).toBe("lessor: operating lease (ASC 842 / IFRS 16)");
    expect(textAt(cells, addressOf(plan, "ProviderViewReasoning"))).toMatch(/^A lease, so the provider is a lessor.*So a lease \(IFRS 16\.9; ASC 842-10-15-3\)\.$/);
    expect(numberAt(cells, addressOf(plan, "Rpo"))).toBe(900_000_000);
    expect(numberAt(cells, addressOf(plan, "LessorReceiptsDue"))).toBe(750_000_000);
    expect(textAt(cells, addressOf(plan, "RemeasureStatus"))).toBe("No notice served: nothing is remeasured.");
  });

  it("docs/accounting.md's remeasurement: at September's close 5,170,606,271.51 becomes 150,000,000 × (1 + v + v²) = 447,026,446.21", () => {
    const i = CASES.findIndex(([name]) => name.startsWith("seed booked over 42 months"));
    const [cells, plan] = [results[i], plans[i]];
    expect(numberAt(cells, addressOf(plan, "LiabilityBeforeRemeasurement"))).toBe(5_170_606_271.51);
    expect(numberAt(cells, addressOf(plan, "RemeasuredLiability"))).toBe(447_026_446.21);
    // The asset falls by the same 4,723,579,825.30.
    expect(numberAt(cells, addressOf(plan, "RouBeforeRemeasurement")) - numberAt(cells, addressOf(plan, "RemeasuredRouAsset"))).toBeCloseTo(4_723_579_825.3, 2);
    expect(formatIsoDate(numberAt(cells, addressOf(plan, "RemeasureCloseDate")))).toBe("2026-09-30");
  });

  it("not a lease: the service view applies; a substantive fee gives the stated term (by hand: 6,227,419,354.84 at the close of 2026-07-15)", () => {
    const [cells, plan] = [results[TEMPLATES.length], plans[TEMPLATES.length]];
    expect(textAt(cells, addressOf(plan, "ProviderView"))).toBe("seller of a service (ASC 606 / IFRS 15)");
    expect(numberAt(cells, addressOf(plan, "Rpo"))).toBe(6_227_419_354.84);
    expect(numberAt(cells, addressOf(plan, "RpoThereafter"))).toBe(827_419_354.84);
  });
});

describe("the cases exercise what they name", () => {
  it("remeasurement applies where notice shortens the term, and at 50% the fall in the liability beyond the asset is a gain", () => {
    const views = CASES.map(([, deal]) => coreView(deal));
    const n = TEMPLATES.length;
    expect(views.map((v) => v.remeasurement !== null)).toEqual([...TEMPLATES.map(() => false), true, true, false, false, true, true]);
    // 2027-03-15 is in period 9 (March 2027); 2028-01-01 starts quarter 7, so the close of quarter 6.
    expect([views[n].remeasurement!.period, views[n + 1].remeasurement!.period]).toEqual([9, 6]);
    expect(views[n + 5].remeasurement!.gain.gt(0)).toBe(true);
    expect(views[n + 1].rpo.basis).toBe("earliest-exit");
  });
});

describe("the notice input", () => {
  it("is read by four figures of the Provider block alone (every other figure follows them), so a blank changes no other figure", () => {
    const plan = buildModelPlan(REFLECTION_SPACEX);
    const readers: string[] = [];
    plan.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.formula && /\bNoticeServedOn\b/.test(cell.formula)) readers.push(`${columnLetter(c)}${r + 1}`);
      }),
    );
    const expected = (["RemeasureGiven", "RemeasureExit", "RemeasurePeriod", "RemeasureApplies"] as const).map((n) => addressOf(plan, n).replace(/\$/g, ""));
    expect(readers.sort()).toEqual(expected.sort());
  });
});
