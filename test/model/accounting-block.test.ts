/**
 * The Accounting blocks: native formulas that restate the lease-accounting core. Proof by an
 * independent engine: every template and a set of judgement and option combinations is written to
 * .xlsx, recalculated by LibreOffice headless, and every accounting figure — the term, the
 * measurement, every period's row, the maturity table, the journal summed by account, both readings'
 * liability — compared with the core (accountingTerm, measureLease, leaseAccounting,
 * maturityAnalysis, lesseeJournal) to the cent, with no error value anywhere. A live case flips
 * judgements in a written file. The DEAL checks are evaluated through the real functions.
 */
import fc from "fast-check";
import fs from "fs";
import os from "os";
import path from "path";
import {
  accountingTerm,
  assessLease,
  Decimal,
  exitDate,
  formatIsoDate,
  leaseAccounting,
  lesseeJournal,
  maturityAnalysis,
  measureLease,
  TermsInput,
  validateTerms,
} from "../../src/core";
import { writePlanXlsx } from "../../src/export/xlsx";
import { layoutSheet } from "../../src/model/layout";
import { ACCOUNTING_CHECKED, buildModelPlan, ModelName, NO_ADDIN } from "../../src/model/modelSheet";
import { inputValue, readInputs } from "../../src/model/inputs";
import { overridesFromInputs, withOverrides } from "../../src/model/overrides";
import { SheetPlan } from "../../src/model/plan";
import { AccountingJudgements, DEFAULT_ACCOUNTING, DealTemplate, GPU_CAPACITY_LEASE, REFLECTION_SPACEX, TEMPLATES } from "../../src/model/templates";
import { serialOf } from "../support/dates";
import { evaluateDealCheck } from "../support/dealChecks";
import { addressesOf, addressOf, planCellAt } from "../support/planRefs";
import { CellValue, editedCopies, expectNoErrors, numberAt, recalculatedPlans, recalculatedValues } from "../support/xlsxValues";

const seedWith = (terms: Partial<TermsInput>, accounting: Partial<AccountingJudgements> = {}, discountRate?: number): DealTemplate =>
  withOverrides(REFLECTION_SPACEX, { terms, accounting, discountRate });

const CASES: [string, DealTemplate][] = [
  ...TEMPLATES.map((t) => [`template ${t.id}`, t] as [string, DealTemplate]),
  ["seed in arrears", seedWith({ timing: "arrears" })],
  ["seed, actual days: the term's December is a 29-day stub", seedWith({ proration: "actual" })],
  ["seed quarterly, 3% escalation, 100M fee", seedWith({ payment: 450_000_000, frequency: "quarterly", escalation: 0.03, terminationFee: 100_000_000 })],
  ["seed, significant penalty: the full contract", seedWith({}, { significantPenalty: true })],
  ["seed, significant penalty, 3% escalation, ASC 842 operating", seedWith({ escalation: 0.03 }, { significantPenalty: true, standard: "asc842-operating" })],
  ["seed, ASC 842 operating", seedWith({}, { standard: "asc842-operating" })],
  ["seed, explicit term end 2027-06-30 with a fee", seedWith({ terminationFee: 20_000_000 }, { termEnd: serialOf("2027-06-30") })],
  // The last payment (2027-07-01, a one-day stub in arrears) falls in year 1, the fee (2027-07-02) in year 2.
  [
    "seed in arrears by actual days, explicit term end 2027-07-01, fee",
    seedWith({ timing: "arrears", proration: "actual", terminationFee: 20_000_000 }, { termEnd: serialOf("2027-07-01") }),
  ],
  ["seed, only the lessee may terminate, ASC 842 finance, costs and incentives", seedWith({}, { whoMayTerminate: "lessee", standard: "asc842-finance", initialDirectCosts: 2_500_000, incentives: 40_000_000 })],
  ["seed, short-term exemption elected, costs and incentives", seedWith({ terminationFee: 5_000_000 }, { electShortTerm: true, initialDirectCosts: 1_000_000, incentives: 3_000_000 })],
  ["gpu lease, lessor alone may terminate, operating, 7%", withOverrides(GPU_CAPACITY_LEASE, { accounting: { whoMayTerminate: "lessor", standard: "asc842-operating" }, discountRate: 0.07 })],
  ["seed, lock-in beyond the term (no early exit), arrears", seedWith({ lockInMonths: 60, terminationFee: 5, timing: "arrears" })],
  ["seed, not a lease (pooled capacity)", seedWith({}, { identifiedAsset: false })],
  // Issue 16 §5: the rate bases.
  ["seed, significant penalty, effective rate basis", seedWith({}, { significantPenalty: true, rateBasis: "effective" })],
  ["seed quarterly, actual/365 rate basis, 3% escalation, 100M fee", seedWith({ payment: 450_000_000, frequency: "quarterly", escalation: 0.03, terminationFee: 100_000_000 }, { rateBasis: "actual/365" })],
  ["seed in arrears by actual days, actual/365, explicit term end 2027-07-01, fee", seedWith({ timing: "arrears", proration: "actual", terminationFee: 20_000_000 }, { termEnd: serialOf("2027-07-01"), rateBasis: "actual/365" })],
  // Issue 16 §6: rows anchored to the exact value at a high rate and over a long term.
  ["seed at 95%, significant penalty", seedWith({}, { significantPenalty: true }, 0.95)],
  ["30 years monthly at 12%, 3% escalation, arrears, significant penalty", seedWith({ endDate: serialOf("2056-06-30"), escalation: 0.03, timing: "arrears" }, { significantPenalty: true }, 0.12)],
  ...randomDeals(),
];

/**
 * Random terms and judgements (a fixed seed, so a failure can be replayed): the block must equal the
 * core, and the DEAL functions the block, on deals nobody chose by hand.
 */
function randomDeals(): [string, DealTemplate][] {
  const deal = fc.record({
    start: fc.integer({ min: serialOf("2026-01-01"), max: serialOf("2030-12-28") }),
    months: fc.integer({ min: 2, max: 96 }),
    stubDays: fc.integer({ min: 0, max: 27 }),
    quarterly: fc.boolean(),
    payment: fc.integer({ min: 1_000_000, max: 500_000_000 }),
    escalation: fc.constantFrom(0, 0.02, 0.035, 0.05),
    timing: fc.constantFrom("advance" as const, "arrears" as const),
    proration: fc.constantFrom("full" as const, "actual" as const),
    lockInMonths: fc.integer({ min: 0, max: 24 }),
    noticeDays: fc.integer({ min: 0, max: 180 }),
    fee: fc.constantFrom(0, 0, 25_000_000),
    penalty: fc.boolean(),
    who: fc.constantFrom("both" as const, "both" as const, "lessee" as const, "lessor" as const),
    standard: fc.constantFrom("ifrs16" as const, "asc842-finance" as const, "asc842-operating" as const),
    rate: fc.constantFrom(0.03, 0.08, 0.12),
  });
  return fc.sample(deal, { seed: 20261123, numRuns: 8 }).map((d, i) => {
    const endDate = serialOf("2026-01-01") + 0 * i + (d.start - serialOf("2026-01-01")) + Math.round(d.months * 30.44) + d.stubDays;
    const terms: Partial<TermsInput> = {
      startDate: d.start,
      endDate,
      payment: d.payment,
      frequency: d.quarterly ? "quarterly" : "monthly",
      escalation: d.escalation,
      timing: d.timing,
      proration: d.proration,
      lockInMonths: d.lockInMonths,
      noticeDays: d.noticeDays,
      terminationFee: d.fee,
    };
    const judgements: Partial<AccountingJudgements> = { significantPenalty: d.penalty, whoMayTerminate: d.who, standard: d.standard };
    return [`random deal ${i + 1} (seeded): ${JSON.stringify({ ...terms, ...judgements, rate: d.rate })}`, seedWith(terms, judgements, d.rate)];
  });
}

/** The core's accounting view of a deal with its judgements. */
function coreView(deal: DealTemplate) {
  const a = { ...DEFAULT_ACCOUNTING, ...deal.accounting };
  const contract = validateTerms(deal.terms);
  const rate = new Decimal(deal.discountRate.value!);
  const measure = (term: ReturnType<typeof accountingTerm>, withCosts = true) =>
    measureLease({
      terms: term.terms,
      annualRate: rate,
      initialDirectCosts: withCosts ? a.initialDirectCosts : 0,
      incentives: withCosts ? a.incentives : 0,
      terminationPayment: term.terminationPayment,
      rateBasis: a.rateBasis,
    });
  const term = accountingTerm(contract, {
    whoMayTerminate: a.whoMayTerminate,
    significantPenalty: a.significantPenalty,
    termEnd: a.termEnd,
    electShortTerm: a.electShortTerm,
  });
  const m = measure(term);
  const acc = leaseAccounting(m, term.shortTermElected ? "short-term" : a.standard);
  return {
    a,
    contract,
    assessment: assessLease({ identifiedAsset: a.identifiedAsset, substantiveSubstitutionRight: a.substitutionRight, rightToDirectUse: a.rightToDirectUse }),
    earliestExit: exitDate({ ...contract, termination: { ...contract.termination, noticeDate: null } }),
    term,
    m,
    acc,
    maturity: maturityAnalysis(acc),
    journal: lesseeJournal(acc),
    enforceable: measure(accountingTerm(contract), false).liability,
    fullContract: measure(accountingTerm(contract, { significantPenalty: true }), false).liability,
  };
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "deal-acct-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));



/** Journal lines by account, as the sheet lists them (the ranges' rows, in order). */
const COMMENCEMENT_ACCOUNTS = ["Right-of-use asset", "Lease liability", "Cash"];
const TERM_ACCOUNTS = [
  "Interest expense", "Depreciation expense", "Operating lease cost", "Short-term lease expense", "Lease liability", "Right-of-use asset",
  "Accrued rent", "Cash",
];

/** Compares the recalculated accounting blocks with the core's view of the same deal. */
function expectAccountingMatchesCore(cells: Map<string, CellValue>, plan: SheetPlan<ModelName>, deal: DealTemplate) {
  const core = coreView(deal);
  const at = (name: ModelName) => numberAt(cells, addressOf(plan, name));
  const text = (name: ModelName) => cells.get(addressOf(plan, name))?.text ?? "";
  const flag = (name: ModelName) => {
    const cell = cells.get(addressOf(plan, name));
    expect({ name, type: cell?.type }).toEqual({ name, type: "boolean" });
    return cell!.number === 1;
  };
  const money = (name: ModelName, expected: Decimal) =>
    expect({ name, value: at(name) }).toEqual({ name, value: expect.closeTo(expected.toNumber(), 2) }); // |diff| < 0.005
  const date = (name: ModelName, expected: number) => expect([name, formatIsoDate(at(name))]).toEqual([name, formatIsoDate(expected)]);

  // Assessment and term
  expect(text("LeaseAssessment")).toBe(core.assessment.isLease ? "lease" : "service contract");
  expect(text("AssessmentReasoning")).toMatch(core.assessment.isLease ? /So a lease \(IFRS 16\.9; ASC 842-10-15-3\)\.$/ : /So a service contract/);
  date("EarliestExit", core.earliestExit);
  date("AccountingTermEnd", core.term.lastDay);
  const reading = { explicit: "Explicit term end", "contract-end": "Contract end", "earliest-exit": "Earliest exit" }[core.term.basis];
  expect(text("TermReasoning").startsWith(reading)).toBe(true);
  // B34 is cited where the reading rests on it: an earliest-exit term, or a significant penalty when both
  // parties could otherwise leave early (one party alone, or no early exit at all, rest on other paragraphs).
  const earlyExitPossible = core.earliestExit <= validateTerms(deal.terms).endDate;
  const restsOnB34 = core.term.basis === "earliest-exit" || (core.a.significantPenalty && core.a.whoMayTerminate === "both" && earlyExitPossible);
  if (restsOnB34) expect(text("TermReasoning")).toContain("IFRS 16.B34; ASC 842-10-55-12");
  money("TerminationPayment", core.term.terminationPayment);
  expect(at("AccountingPeriods")).toBe(core.m.schedule.length);
  expect([flag("ShortTermAvailable"), flag("ShortTermApplied")]).toEqual([core.term.shortTermAvailable, core.term.shortTermElected]);
  expect(text("StandardApplied")).toBe(core.acc.standard);
  if (core.a.rateBasis !== "actual/365") expect(at("PeriodicRate")).toBeCloseTo(core.m.rate.toNumber(), 15);

  // Measurement
  money("LeaseLiability", core.m.liability);
  money("RouAsset", core.m.rouAsset);
  money("PaidAtCommencement", core.m.paidAtCommencement);
  money("TotalLeasePayments", core.m.totalPayments);
  money("LiabilityEnforceable", core.enforceable);
  money("LiabilityFullContract", core.fullContract);

  // Every period of the accounting term, then blank rows
  const column = (name: ModelName) => addressesOf(plan, name);
  const names = [
    "LeasePeriod", "LeaseEnd", "LeasePaymentDate", "LeasePayment", "LeaseTerminationPayment", "LeasePaymentToLiability", "LeaseOpeningLiability",
    "LeaseInterest", "LeaseClosingLiability", "LeaseRouReduction", "LeaseClosingRou", "LeaseCost",
  ] as const;
  const columns = Object.fromEntries(names.map((n) => [n, column(n)])) as Record<(typeof names)[number], string[]>;
  core.acc.rows.forEach((r, i) => {
    const v = (n: (typeof names)[number]) => numberAt(cells, columns[n][i]);
    const cents = (x: Decimal) => expect.closeTo(x.toNumber(), 2);
    expect({ period: r.period, row: names.map((n) => v(n)) }).toEqual({
      period: r.period,
      row: [
        r.period, r.end, r.paymentDate, cents(r.payment.minus(r.terminationPayment)), cents(r.terminationPayment), cents(r.paymentToLiability),
        cents(r.openingLiability), cents(r.interest), cents(r.closingLiability), cents(r.rouReduction), cents(r.closingRou), cents(r.leaseCost),
      ],
    });
  });
  expect(columns.LeasePeriod.length).toBeGreaterThan(core.acc.rows.length);
  for (let i = core.acc.rows.length; i < columns.LeasePeriod.length; i++) {
    for (const n of names) expect([n, i, cells.get(columns[n][i])?.text ?? ""]).toEqual([n, i, ""]);
  }

  // Maturity analysis at commencement
  core.maturity.years.forEach((y, i) => {
    money(`MaturityYear${i + 1}` as ModelName, y.amount);
    // Beside each year's amount, the last day it covers.
    const amount = addressOf(plan, `MaturityYear${i + 1}` as ModelName);
    const [, letters, row] = /([A-Z]+)(\d+)/.exec(amount)!;
    const beside = `${String.fromCharCode(letters.charCodeAt(0) + 1)}${row}`;
    expect([i + 1, formatIsoDate(numberAt(cells, beside))]).toEqual([i + 1, formatIsoDate(y.to)]);
  });
  money("MaturityThereafter", core.maturity.thereafter);
  money("MaturityTotal", core.maturity.total);
  money("MaturityImputedInterest", core.maturity.imputedInterest);
  money("MaturityLiability", core.maturity.liability);

  // Journal: the commencement entry, and the period entries summed by account (debit − credit)
  const net = (from: (e: (typeof core.journal)[number]) => boolean, account: string) =>
    core.journal.filter(from).flatMap((e) => e.lines.filter((l) => l.account === account)).reduce((s, l) => s.plus(l.debit).minus(l.credit), new Decimal(0));
  const sheetNet = (debits: ModelName, credits: ModelName, accounts: string[]) => {
    const dr = addressesOf(plan, debits);
    const cr = addressesOf(plan, credits);
    return accounts.map((account, i) => {
      const label = planCellAt(plan, `A${/\d+/.exec(dr[i])![0]}`).value as string;
      expect(label.startsWith(account)).toBe(true);
      return numberAt(cells, dr[i]) - numberAt(cells, cr[i]);
    });
  };
  const cents = (x: Decimal) => expect.closeTo(x.toNumber(), 2);
  expect(sheetNet("CommencementDebits", "CommencementCredits", COMMENCEMENT_ACCOUNTS)).toEqual(
    COMMENCEMENT_ACCOUNTS.map((a) => cents(net((e) => e.period === 0, a))),
  );
  expect(sheetNet("TermDebits", "TermCredits", TERM_ACCOUNTS)).toEqual(TERM_ACCOUNTS.map((a) => cents(net((e) => e.period > 0, a))));
  // No account the core posts is missing from the sheet.
  const posted = new Set(core.journal.flatMap((e) => e.lines.map((l) => l.account)));
  for (const account of posted) expect([...COMMENCEMENT_ACCOUNTS, ...TERM_ACCOUNTS]).toContain(account);

  // The block's own checks
  expect(text("AccountingInputsCheck")).toBe("inputs OK");
  for (const name of ["LeaseRunsOffCheck", "InterestTiesCheck", "MaturityTiesCheck", "JournalBalancesCheck"] as const) {
    expect([name, text(name).startsWith("ok")]).toEqual([name, true]);
  }
  return core;
}

describe("the Accounting blocks recalculated by LibreOffice", () => {
  const plans = CASES.map(([, deal]) => buildModelPlan(deal));
  let results: Map<string, CellValue>[];

  // Thirty workbooks, one of 360 periods, in one LibreOffice run: more than the default two minutes on a shared machine.
  beforeAll(async () => {
    results = await recalculatedPlans(plans, work);
  }, 360_000);

  it.each(CASES.map(([name], i) => [name, i]))("%s: equals the core to the cent, with no error value anywhere", (_name, i) => {
    expectNoErrors(results[i as number]);
    expectAccountingMatchesCore(results[i as number], plans[i as number], CASES[i as number][1]);
  });

  it("the seed: the enforceable term's figures (core golden tests, by hand) and the full contract's beside them", () => {
    const cells = results[0];
    const plan = plans[0];
    const value = (name: ModelName) => cells.get(addressOf(plan, name))?.number;
    // 150,000,000 × (1 − 1.0066…^−5) / 0.0066… = 735,230,259.145 → 735,230,259.15; + the first payment.
    expect(value("LeaseLiability")!.toFixed(2)).toBe("735230259.15");
    expect(value("RouAsset")!.toFixed(2)).toBe("885230259.15");
    expect(formatIsoDate(value("AccountingTermEnd")!)).toBe("2026-12-29");
    // 735,230,259.15 × 0.08 / 12 = 4,901,535.061 → 4,901,535.06
    expect(cells.get(addressesOf(plan, "LeaseInterest")[0])?.number).toBe(4_901_535.06);
    expect(value("LiabilityFullContract")!.toFixed(2)).toBe("5365584252.10");
    expect(value("JudgementWorth")!.toFixed(2)).toBe("4630353992.95");
    // Full-contract ROU asset = 5,365,584,252.10 + 150,000,000 (core golden): shown when the penalty is significant (case 6).
    const full = CASES.findIndex(([name]) => name.startsWith("seed, significant penalty: "));
    expect(results[full].get(addressOf(plans[full], "RouAsset"))?.number?.toFixed(2)).toBe("5515584252.10");
  });

  it.each(CASES.map(([name], i) => [name, i]))("%s: with the add-in loaded, DEAL.LEASE_LIABILITY and DEAL.ROU_ASSET agree with the block", (_name, i) => {
    const plan = plans[i as number];
    const cells = results[i as number];
    const deal = CASES[i as number][1];
    const core = coreView(deal);
    // Like with like (issue 16 §5): the functions take the rate basis and the termination payment too.
    const expected = { LeaseLiability: core.m.liability, RouAsset: core.m.rouAsset };
    for (const figure of ACCOUNTING_CHECKED) {
      const native = numberAt(cells, addressOf(plan, `${figure}Checked`));
      const fromDeal = evaluateDealCheck(planCellAt(plan, addressOf(plan, `Deal${figure}`)).formula!, plan, cells);
      expect({ figure, fromDeal, native }).toEqual({
        figure,
        fromDeal: expect.closeTo(expected[figure].toNumber(), 2),
        native: expect.closeTo(expected[figure].toNumber(), 2),
      });
      // The functions give the block's own figure.
      expect({ figure, fromDeal }).toEqual({ figure, fromDeal: expect.closeTo(numberAt(cells, addressOf(plan, figure)), 2) });
      // Without the add-in: text, never an error.
      expect(cells.get(addressOf(plan, `Deal${figure}`))?.text).toBe(NO_ADDIN);
    }
  });
});

describe("the judgements are live: flipped in a written file, the figures follow", () => {
  const plan = buildModelPlan(REFLECTION_SPACEX);
  const EDITS: [string, Partial<Record<ModelName, number | string | boolean>>, Partial<AccountingJudgements>, number?][] = [
    ["SignificantPenalty TRUE: the full contract's liability", { SignificantPenalty: true }, { significantPenalty: true }],
    [
      "lessor alone may terminate, ASC 842 operating, 10%",
      { WhoMayTerminate: "lessor", AccountingStandard: "asc842-operating", DiscountRate: 0.1 },
      { whoMayTerminate: "lessor", standard: "asc842-operating" },
      0.1,
    ],
    ["short-term elected", { ElectShortTerm: true }, { electShortTerm: true }],
  ];
  /** Judgements the core refuses: the same edits, and the deal the core is asked about. */
  const REFUSED: [string, Partial<Record<ModelName, number | boolean>>, DealTemplate][] = [
    [
      "either may leave at once (no lock-in, no notice): no enforceable period",
      { NoticeInLockIn: true, NoticeDays: 0, LockInMonths: 0 },
      withOverrides(REFLECTION_SPACEX, { terms: { noticeDuringLockIn: true, noticeDays: 0, lockInMonths: 0 } }),
    ],
    [
      "a term end after the contract's, short-term elected on a long term",
      { ExplicitTermEnd: serialOf("2030-06-30"), ElectShortTerm: true },
      withOverrides(REFLECTION_SPACEX, { accounting: { termEnd: serialOf("2030-06-30"), electShortTerm: true } }),
    ],
  ];
  let results: Map<string, CellValue>[];
  let refused: Map<string, CellValue>[];

  beforeAll(async () => {
    const original = path.join(work, "live.xlsx");
    await writePlanXlsx(plan, original);
    const byAddress = [...EDITS.map((e) => e[1]), ...REFUSED.map((e) => e[1])].map((edits) =>
      Object.fromEntries(Object.entries(edits).map(([name, value]) => [addressOf(plan, name as ModelName), value!])),
    );
    const all = await recalculatedValues(await editedCopies(original, byAddress, work), path.join(work, "edited"));
    results = all.slice(0, EDITS.length);
    refused = all.slice(EDITS.length);
  });

  it.each(EDITS.map(([name], i) => [name, i]))("%s", (_name, i) => {
    const [, , accounting, discountRate] = EDITS[i as number];
    const cells = results[i as number];
    expectNoErrors(cells);
    expectAccountingMatchesCore(cells, plan, withOverrides(REFLECTION_SPACEX, { accounting, discountRate }));
  });

  it.each(REFUSED.map(([name], i) => [name, i]))("%s: refused by the core; the sheet says so, with no error value", (_name, i) => {
    const [, , deal] = REFUSED[i as number];
    const cells = refused[i as number];
    expectNoErrors(cells);
    expect(cells.get(addressOf(plan, "AccountingInputsCheck"))?.text).toMatch(/^CHECK INPUTS/);
    expect(() => coreView(deal)).toThrow();
  });

  it("the flipped penalty turns the liability into the full contract's: 5,365,584,252.10 (core golden)", () => {
    expect(results[0].get(addressOf(plan, "LeaseLiability"))?.number?.toFixed(2)).toBe("5365584252.10");
    expect(formatIsoDate(results[0].get(addressOf(plan, "AccountingTermEnd"))!.number!)).toBe("2029-12-31");
  });
});

describe("accounting inputs", () => {
  it("the seed's defaults: a lease, the enforceable reading, no exemption, IFRS 16", () => {
    const v = (name: Parameters<typeof inputValue>[0]) => inputValue(name, REFLECTION_SPACEX).value;
    expect(["IdentifiedAsset", "SubstitutionRight", "RightToDirectUse", "WhoMayTerminate", "SignificantPenalty", "ExplicitTermEnd", "ElectShortTerm", "AccountingStandard"].map((n) => v(n as never))).toEqual([
      true, false, true, "both", false, null, false, "ifrs16",
    ]);
    expect([v("InitialDirectCosts"), v("IncentivesReceived")]).toEqual([0, 0]);
  });

  it("reads choices case-blind, refuses other words by name, and maps each judgement into the deal", () => {
    const values = readInputs({
      WhoMayTerminate: "Lessee", AccountingStandard: "ASC842-Operating", SignificantPenalty: "TRUE", ExplicitTermEnd: "2027-06-30",
      ElectShortTerm: "FALSE", InitialDirectCosts: "2,500,000", IncentivesReceived: "0", IdentifiedAsset: "TRUE", SubstitutionRight: "FALSE",
      RightToDirectUse: "TRUE",
    });
    const deal = withOverrides(REFLECTION_SPACEX, overridesFromInputs(values));
    expect(deal.accounting).toEqual({
      whoMayTerminate: "lessee", standard: "asc842-operating", significantPenalty: true, termEnd: serialOf("2027-06-30"), electShortTerm: false,
      initialDirectCosts: 2_500_000, incentives: 0, identifiedAsset: true, substitutionRight: false, rightToDirectUse: true,
    });
    expect(inputValue("AccountingStandard", deal)).toEqual({ value: "asc842-operating" });
    expect(() => readInputs({ WhoMayTerminate: "nobody" })).toThrow('who_may_terminate must be "both", "lessee" or "lessor", not "nobody".');
    expect(() => readInputs({ AccountingStandard: "gaap" })).toThrow('accounting_standard must be "ifrs16", "asc842-finance" or "asc842-operating", not "gaap".');
    // Overrides without judgements leave a template without them.
    expect(withOverrides(REFLECTION_SPACEX, overridesFromInputs(readInputs({ EndDate: "2029-06-30" }))).accounting).toBeUndefined();
  });
});

describe("row.above: a running balance's opening", () => {
  it("is the column's cell on the row above; on the first row, its header", () => {
    const plan = layoutSheet(
      [
        {
          id: "run",
          title: "RUN",
          series: [{ name: "Balance", header: "Balance", formula: (row) => `IF(${row.index}=1,1,${row.above("Balance")}*2)` }],
          reads: [],
        },
      ],
      { sheetName: "S", title: "T", subtitle: "", seriesRows: 3 },
    );
    const [first, second, third] = addressesOf(plan, "Balance");
    const above = (address: string) => address.replace(/\d+/, (r) => String(Number(r) - 1));
    expect(planCellAt(plan, second).formula).toBe(`IF((ROW()-ROW($C$4))=1,1,${first}*2)`);
    expect(planCellAt(plan, third).formula).toContain(`${second}*2`);
    expect(planCellAt(plan, above(first)).value).toBe("Balance");
  });
});
