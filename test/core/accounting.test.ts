/**
 * The accounting view. Golden figures come from published worked examples, cited by name,
 * or from hand calculations whose working is in the comment (bc -l, 40 digits); never from the code.
 */
import fc from "fast-check";
import {
  accountingTerm,
  assessLease,
  Decimal,
  DealError,
  JournalEntry,
  LeaseAccounting,
  leaseAccounting,
  LesseeStandard,
  lesseeJournal,
  lessorJournal,
  lessorOperatingRows,
  maturityAnalysis,
  measureLease,
  validateTerms,
} from "../../src/core";
import { serialOf } from "../support/dates";
import { SEED } from "../support/seed";

const d = (x: Decimal) => x.toFixed(2);
const sum = (xs: readonly Decimal[]) => xs.reduce((a, b) => a.plus(b), new Decimal(0));

function kind(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DealError) return error.kind;
    throw error;
  }
  return "no error";
}

/** Sums of a year's rows (periods 12y−11 … 12y). */
function yearly(acc: LeaseAccounting, pick: (r: LeaseAccounting["rows"][number]) => Decimal): Decimal[] {
  const out: Decimal[] = [];
  acc.rows.forEach((r, i) => {
    const y = Math.floor(i / 12);
    out[y] = (out[y] ?? new Decimal(0)).plus(pick(r));
  });
  return out;
}

describe("golden: open lease-accounting specification (crbnos/carbon .ai/specs/2026-07-04-lease-accounting.md, 'Worked example (acceptance baseline)')", () => {
  // 36-month lease, $10,000 a month in arrears, 6% annual IBR (0.5% a month), no IDC or incentives.
  const terms = validateTerms({ startDate: serialOf("2027-01-01"), endDate: serialOf("2029-12-31"), payment: 10_000, timing: "arrears" });
  const m = measureLease({ terms, annualRate: "0.06" });

  it("initial liability = initial ROU asset = 328,710.16", () => {
    expect(d(m.liability)).toBe("328710.16");
    expect(d(m.rouAsset)).toBe("328710.16");
  });

  it("month 1: interest 1,643.55, principal 8,356.45, closing 320,353.71; the 36th line closes to 0.00", () => {
    const rows = leaseAccounting(m, "asc842-finance").rows;
    expect(rows).toHaveLength(36);
    expect(d(rows[0].interest)).toBe("1643.55");
    expect(d(rows[0].paymentToLiability.minus(rows[0].interest))).toBe("8356.45");
    expect(d(rows[0].closingLiability)).toBe("320353.71");
    expect(d(rows[35].closingLiability)).toBe("0.00");
    expect(d(rows[35].closingRou)).toBe("0.00");
  });

  it("finance month 1: interest 1,643.55 + ROU amortisation 9,130.84 = 10,774.39; journal as the spec's", () => {
    const acc = leaseAccounting(m, "asc842-finance");
    expect(d(acc.rows[0].rouReduction)).toBe("9130.84");
    expect(d(acc.rows[0].leaseCost)).toBe("10774.39");
    const month1 = lesseeJournal(acc).filter((e) => e.period === 1);
    expect(month1.map((e) => e.lines.map((l) => [l.account, d(l.debit), d(l.credit)]))).toEqual([
      [
        ["Interest expense", "1643.55", "0.00"],
        ["Lease liability", "8356.45", "0.00"],
        ["Cash", "0.00", "10000.00"],
      ],
      [
        ["Depreciation expense", "9130.84", "0.00"],
        ["Right-of-use asset", "0.00", "9130.84"],
      ],
    ]);
  });

  it("operating: single lease cost 10,000.00, ROU amortisation plug 8,356.45; 360,000.00 over 36 months under both", () => {
    const op = leaseAccounting(m, "asc842-operating");
    expect(d(op.rows[0].leaseCost)).toBe("10000.00");
    expect(d(op.rows[0].rouReduction)).toBe("8356.45");
    expect(d(sum(op.rows.map((r) => r.leaseCost)))).toBe("360000.00");
    expect(d(sum(leaseAccounting(m, "asc842-finance").rows.map((r) => r.leaseCost)))).toBe("360000.00");
    // IFRS 16 delta in month 1: 1,643.55 + 9,130.84 − 10,000.00 = 774.39
    expect(d(leaseAccounting(m, "ifrs16").rows[0].leaseCost.minus(op.rows[0].leaseCost))).toBe("774.39");
  });

  it("interest by year (hand): 16,918.50 / 10,560.66 / 3,810.68, total 31,289.84", () => {
    // Liability after 12 months = 10,000 × (1 − 1.005^−24)/0.005 = 225,628.66; after 24 = 10,000 × (1 − 1.005^−12)/0.005 = 116,189.32.
    // Interest in a year = payments in it − fall in the liability: 120,000 − (328,710.16 − 225,628.66) = 16,918.50;
    // 120,000 − (225,628.66 − 116,189.32) = 10,560.66; 120,000 − 116,189.32 = 3,810.68. Total 360,000 − 328,710.16 = 31,289.84 exactly.
    // Interest rounded per month may drift from the exact annuity by a few cents inside a year, never in total.
    const years = yearly(leaseAccounting(m), (r) => r.interest);
    [16918.5, 10560.66, 3810.68].forEach((expected, i) => expect(Math.abs(years[i].toNumber() - expected)).toBeLessThanOrEqual(0.05));
    expect(d(sum(years))).toBe("31289.84");
  });
});

describe("golden: PwC, Leases guide (2019), Examples 4-4 and 4-13 — automobile, $500 a month in advance, 3 years, 6%", () => {
  const terms = validateTerms({ startDate: serialOf("2019-01-01"), endDate: serialOf("2021-12-31"), payment: 500 });
  const m = measureLease({ terms, annualRate: "0.06" });
  const op = leaseAccounting(m, "asc842-operating");
  // The guide prints whole dollars and forces its table to foot, so figures match within $1.
  const near = (x: Decimal, published: number) => expect(Math.abs(x.toNumber() - published)).toBeLessThanOrEqual(1);

  it("liability $16,018 (the first payment is made at commencement and excluded); ROU asset $16,518", () => {
    // Hand: 500 × (1 − 1.005^−35)/0.005 = 16,017.6857 → 16,017.69
    expect(d(m.liability)).toBe("16017.69");
    near(m.liability, 16_018);
    near(m.rouAsset, 16_518);
    expect(d(m.rouAsset)).toBe("16517.69");
  });

  it("interest by year $820 / $500 / $162 ($1,482); payments in the liability $5,500 / $6,000 / $6,000", () => {
    const interest = yearly(op, (r) => r.interest);
    near(interest[0], 820);
    near(interest[1], 500);
    near(interest[2], 162);
    expect(d(sum(interest))).toBe("1482.31"); // = 17,500 − 16,017.69 exactly
    expect(yearly(op, (r) => r.paymentToLiability).map(d)).toEqual(["5500.00", "6000.00", "6000.00"]);
  });

  it("first month's interest (hand): 16,017.69 × 0.5% = 80.08845 → 80.09", () => {
    expect(d(op.rows[0].interest)).toBe("80.09");
  });

  it("liability and ROU asset at each year end $11,338 / $5,838 / 0; straight-line $6,000 a year; amortisation $5,180 / $5,500 / $5,838", () => {
    for (const [i, published] of [11_338, 5_838, 0].entries()) {
      near(op.rows[12 * i + 11].closingLiability, published);
      near(op.rows[12 * i + 11].closingRou, published);
    }
    expect(yearly(op, (r) => r.leaseCost).map(d)).toEqual(["6000.00", "6000.00", "6000.00"]);
    const amortisation = yearly(op, (r) => r.rouReduction);
    near(amortisation[0], 5_180);
    near(amortisation[1], 5_500);
    near(amortisation[2], 5_838);
  });
});

describe("golden: IFRS 16 Illustrative Examples, Example 13 (Part 1) — 10 years, CU50,000 a year in advance, 5%", () => {
  const terms = validateTerms({ startDate: serialOf("2020-01-01"), endDate: serialOf("2029-12-31"), payment: 50_000, frequency: "annual" });
  const m = measureLease({ terms, annualRate: "0.05", initialDirectCosts: 20_000, incentives: 5_000 });

  it("liability CU355,391 (the remaining nine payments); ROU asset CU420,391 = 355,391 + 50,000 + 20,000 − 5,000", () => {
    // Hand: 50,000 × (1 − 1.05^−9)/0.05 = 355,391.0838 → 355,391.08
    expect(d(m.liability)).toBe("355391.08");
    expect(Math.round(m.liability.toNumber())).toBe(355_391);
    expect(Math.round(m.rouAsset.toNumber())).toBe(420_391);
  });

  it("commencement entries as the example: Dr ROU 420,391 / Cr liability 355,391, Cr cash 65,000 (50,000 + 20,000 − 5,000)", () => {
    const [commencement] = lesseeJournal(leaseAccounting(m));
    expect(commencement.lines.map((l) => [l.account, Math.round(l.debit.toNumber()), Math.round(l.credit.toNumber())])).toEqual([
      ["Right-of-use asset", 420_391, 0],
      ["Lease liability", 0, 355_391],
      ["Cash", 0, 65_000],
    ]);
  });

  it("year 1 interest (hand): 355,391.08 × 5% = 17,769.554 → 17,769.55; depreciation 420,391.08 / 10 = 42,039.11", () => {
    const row = leaseAccounting(m).rows[0];
    expect(d(row.interest)).toBe("17769.55");
    expect(d(row.rouReduction)).toBe("42039.11");
  });
});

describe("the seed deal (README): 150,000,000 a month in advance from 2026-07-01, either party may leave on 90 days' notice after 3 months, 8%", () => {
  const contract = validateTerms(SEED);

  it("assessment: exclusive capacity, no substitution, customer directs → a lease, with the reasoning", () => {
    const a = assessLease({ identifiedAsset: true, substantiveSubstitutionRight: false, rightToDirectUse: true });
    expect(a.isLease).toBe(true);
    expect(a.lines).toHaveLength(4);
    expect(a.lines[3]).toMatch(/contains a lease/);
    expect(assessLease({ identifiedAsset: true, substantiveSubstitutionRight: true, rightToDirectUse: true }).isLease).toBe(false);
    expect(assessLease({ identifiedAsset: false, substantiveSubstitutionRight: false, rightToDirectUse: true }).isLease).toBe(false);
    const service = assessLease({ identifiedAsset: true, substantiveSubstitutionRight: false, rightToDirectUse: false });
    expect(service.isLease).toBe(false);
    expect(service.lines[3]).toMatch(/service contract/);
  });

  it("accounting term: to 2026-12-29 (exit 2026-12-30), six payments, short-term exemption available", () => {
    const t = accountingTerm(contract);
    expect(t.lastDay).toBe(serialOf("2026-12-29"));
    expect(t.basis).toBe("earliest-exit");
    expect(t.terms.endDate).toBe(serialOf("2026-12-29"));
    expect(measureLease({ terms: t.terms, annualRate: "0.08" }).schedule).toHaveLength(6);
    expect(t.shortTermAvailable).toBe(true);
    expect(t.shortTermElected).toBe(false);
    expect(t.lines.join(" ")).toMatch(/B34/);
  });

  it("accounting term runs to the contract end when the penalty is significant, or only one party may terminate", () => {
    expect(accountingTerm(contract, { significantPenalty: true }).lastDay).toBe(serialOf("2029-12-31"));
    expect(accountingTerm(contract, { whoMayTerminate: "lessor" }).lastDay).toBe(serialOf("2029-12-31"));
    expect(accountingTerm(contract, { whoMayTerminate: "lessee" }).basis).toBe("contract-end");
    expect(accountingTerm(contract, { termEnd: serialOf("2027-06-30") }).lastDay).toBe(serialOf("2027-06-30"));
    expect(accountingTerm(contract, { significantPenalty: true }).shortTermAvailable).toBe(false);
    expect(kind(() => accountingTerm(contract, { significantPenalty: true, electShortTerm: true }))).toBe("value");
    expect(kind(() => accountingTerm(contract, { termEnd: serialOf("2030-01-01") }))).toBe("num");
    // Terminable at once by either party: no enforceable period.
    expect(kind(() => accountingTerm(validateTerms({ ...SEED, lockInMonths: 0, noticeDays: 0 })))).toBe("value");
    // Without a termination right the term is the contract.
    expect(accountingTerm(validateTerms({ ...SEED, noticeDays: 36600 })).basis).toBe("contract-end");
  });

  it("a termination fee is a lease payment on the exit date when the term assumes exit, and not when the penalty is significant", () => {
    const withFee = validateTerms({ ...SEED, terminationFee: 10_000_000 });
    expect(d(accountingTerm(withFee).terminationPayment)).toBe("10000000.00");
    expect(d(accountingTerm(withFee, { significantPenalty: true }).terminationPayment)).toBe("0.00");
    // Fee on 2026-12-30, six periods out: 10,000,000 / (1 + 0.08/12)^6 = 9,609,169.86 (bc: 9609169.8635…);
    // with the payments: 735,230,259.1450… + 9,609,169.8635… = 744,839,429.0086 → 744,839,429.01
    const t = accountingTerm(withFee);
    const m = measureLease({ terms: t.terms, annualRate: "0.08", terminationPayment: t.terminationPayment });
    expect(d(m.liability)).toBe("744839429.01");
    const rows = leaseAccounting(m).rows;
    expect(d(rows[5].payment)).toBe("160000000.00");
    expect(d(rows[5].terminationPayment)).toBe("10000000.00");
  });

  it("liability over the enforceable term (hand): 150,000,000 × (1 − (1 + 0.08/12)^−5)/(0.08/12) = 735,230,259.145 → 735,230,259.15", () => {
    const m = measureLease({ terms: accountingTerm(contract).terms, annualRate: "0.08" });
    expect(d(m.liability)).toBe("735230259.15");
    expect(d(m.rouAsset)).toBe("885230259.15");
    const acc = leaseAccounting(m);
    // First month's interest: 735,230,259.15 × 0.08/12 = 4,901,535.061 → 4,901,535.06
    expect(d(acc.rows[0].interest)).toBe("4901535.06");
    // Depreciation: 885,230,259.15 / 6 = 147,538,376.525 → 147,538,376.53 (last month takes 147,538,376.50)
    expect(d(acc.rows[0].rouReduction)).toBe("147538376.53");
    expect(d(acc.rows[5].rouReduction)).toBe("147538376.50");
    expect(d(acc.rows[5].closingLiability)).toBe("0.00");
    // Total interest = payments in the liability − the liability: 750,000,000 − 735,230,259.15 = 14,769,740.85
    expect(d(sum(acc.rows.map((r) => r.interest)))).toBe("14769740.85");
  });

  it("liability over the full 42 months (hand): 150,000,000 × (1 − (1 + 0.08/12)^−41)/(0.08/12) = 5,365,584,252.100 → 5,365,584,252.10", () => {
    const m = measureLease({ terms: contract, annualRate: "0.08" });
    expect(d(m.liability)).toBe("5365584252.10");
    expect(d(m.rouAsset)).toBe("5515584252.10");
    // First month's interest: 5,365,584,252.10 × 0.08/12 = 35,770,561.6807 → 35,770,561.68
    const rows = leaseAccounting(m).rows;
    expect(d(rows[0].interest)).toBe("35770561.68");
    // December 2029's payment is made on its first day: no interest in the last month; the cents of
    // rounding drift went to November's interest, whose close is exactly that last payment.
    expect(d(rows[41].interest)).toBe("0.00");
    expect(d(rows[40].closingLiability)).toBe("150000000.00");
    // Total interest = 41 × 150,000,000 − 5,365,584,252.10 = 784,415,747.90
    expect(d(sum(rows.map((r) => r.interest)))).toBe("784415747.90");
  });

  it("short-term exemption on the enforceable term: 150,000,000 a month expensed, nothing on the balance sheet", () => {
    const m = measureLease({ terms: accountingTerm(contract).terms, annualRate: "0.08" });
    const rows = leaseAccounting(m, "short-term").rows;
    expect(rows.map((r) => d(r.leaseCost))).toEqual(Array(6).fill("150000000.00"));
    expect(rows.every((r) => r.closingLiability.isZero() && r.closingRou.isZero() && r.accruedRent.isZero())).toBe(true);
    expect(kind(() => leaseAccounting(measureLease({ terms: contract, annualRate: "0.08" }), "short-term"))).toBe("value");
  });

  it("remeasurement on notice 2026-10-01 (full-term lease), a period's first day: at September's close the liability becomes Oct + Nov + Dec = 447,026,446.21", () => {
    // bc: v = 1/(1+0.08/12); 150000000 × (1 + v + v²) = 447,026,446.2085 → 447,026,446.21 — the enforceable
    // term's September close too. October's interest is then on the remeasured balance.
    const m = measureLease({ terms: contract, annualRate: "0.08" });
    for (const standard of ["ifrs16", "asc842-operating"] as const) {
      const acc = leaseAccounting(m, standard, { contract, noticeDate: serialOf("2026-10-01") });
      expect(acc.remeasurement?.period).toBe(3);
      expect(acc.remeasurement?.exitDate).toBe(serialOf("2026-12-30"));
      expect(d(acc.rows[2].closingLiability)).toBe("447026446.21");
      // October: (447,026,446.21 − 150,000,000) × 0.08/12 = 1,980,176.308 → 1,980,176.31
      expect(d(acc.rows[3].interest)).toBe("1980176.31");
      expect(acc.rows).toHaveLength(6);
      expect(acc.rows[2].rouRemeasurement.eq(acc.rows[2].liabilityRemeasurement)).toBe(true); // the asset is large enough
      expect(d(acc.rows[5].closingLiability)).toBe("0.00");
      expect(d(acc.rows[5].closingRou)).toBe("0.00");
      for (const e of lesseeJournal(acc)) expectBalanced(e);
    }
  });

  it("remeasurement at a revised rate of 12% on notice 2026-10-15: 150,000,000 × (1 + 1/1.01 + 1/1.01²) = 445,559,258.90", () => {
    const m = measureLease({ terms: contract, annualRate: "0.08" });
    const acc = leaseAccounting(m, "ifrs16", { contract, noticeDate: serialOf("2026-10-15"), revisedRate: "0.12" });
    // Notice 2026-10-15 + 90 days = 2027-01-13: November, December and January remain.
    // bc: 150e6 + 150e6/1.01 + 150e6/1.01^2 = 445,559,258.8962 → 445,559,258.90
    expect(acc.remeasurement?.exitDate).toBe(serialOf("2027-01-13"));
    expect(d(acc.rows[3].closingLiability)).toBe("445559258.90");
    expect(acc.rows).toHaveLength(7);
    expect(d(acc.rows[6].closingLiability)).toBe("0.00");
  });

  it("a remeasurement larger than the asset floors it at zero and takes the excess to profit or loss", () => {
    // A tiny asset: incentives nearly equal to the liability and the first payment.
    const terms = validateTerms({ startDate: serialOf("2026-01-01"), endDate: serialOf("2027-12-31"), payment: 1000, timing: "arrears", noticeDays: 30 });
    const m = measureLease({ terms, annualRate: "0.06", incentives: 20_000 });
    expect(m.rouAsset.toNumber()).toBeLessThan(3000);
    const acc = leaseAccounting(m, "ifrs16", { contract: terms, noticeDate: serialOf("2026-02-10") });
    const row = acc.rows[1];
    expect(d(row.closingRou)).toBe("0.00");
    expect(row.remeasurementGain.gt(0)).toBe(true);
    expect(d(row.rouRemeasurement.minus(row.liabilityRemeasurement))).toBe(d(row.remeasurementGain));
    const e = lesseeJournal(acc).find((j) => j.description.startsWith("Remeasurement"))!;
    expectBalanced(e);
    expect(e.lines.find((l) => l.account === "Gain on remeasurement")!.credit.eq(row.remeasurementGain)).toBe(true);
    expect(d(acc.rows[acc.rows.length - 1].closingLiability)).toBe("0.00");
  });

  it("refuses a notice that falls outside the term, too early, or takes effect within its own period", () => {
    const m = measureLease({ terms: contract, annualRate: "0.08" });
    expect(kind(() => leaseAccounting(m, "ifrs16", { contract, noticeDate: serialOf("2026-09-30") }))).toBe("value"); // before the lock-in ends
    expect(kind(() => leaseAccounting(m, "ifrs16", { contract, noticeDate: serialOf("2029-11-15") }))).toBe("value"); // effective after the end
    const zeroNotice = validateTerms({ ...SEED, noticeDays: 0 });
    expect(kind(() => leaseAccounting(measureLease({ terms: zeroNotice, annualRate: "0.08" }), "ifrs16", { contract: zeroNotice, noticeDate: serialOf("2026-10-01") }))).toBe("value");
    const anyTime = validateTerms({ ...SEED, lockInMonths: 0 });
    expect(kind(() => leaseAccounting(measureLease({ terms: anyTime, annualRate: "0.08" }), "ifrs16", { contract: anyTime, noticeDate: serialOf("2026-07-01") }))).toBe("value");
  });

  it("maturity analysis at commencement (full term): 1.8bn, 1.8bn, 1.8bn, 0.75bn, 0, thereafter 0; total 6.15bn less imputed interest 784,415,747.90 = 5,365,584,252.10", () => {
    const mat = maturityAnalysis(leaseAccounting(measureLease({ terms: contract, annualRate: "0.08" })));
    // Year 1 is 2026-07-02 … 2027-07-01: August 2026 to July 2027, twelve payments (July 2026's was paid at commencement).
    expect(mat.years.map((y) => d(y.amount))).toEqual(["1800000000.00", "1800000000.00", "1800000000.00", "750000000.00", "0.00"]);
    expect(mat.years[0].from).toBe(serialOf("2026-07-02"));
    expect(mat.years[0].to).toBe(serialOf("2027-07-01"));
    expect(d(mat.thereafter)).toBe("0.00");
    expect(d(mat.total)).toBe("6150000000.00");
    expect(d(mat.imputedInterest)).toBe("784415747.90");
    expect(d(mat.liability)).toBe("5365584252.10");
  });

  it("maturity analysis as of 2027-01-15: January's payment is made, 35 remain; the liability is about 150,000,000 × a(35) = 4,668,682,632.03", () => {
    const mat = maturityAnalysis(leaseAccounting(measureLease({ terms: contract, annualRate: "0.08" })), serialOf("2027-01-15"));
    expect(d(mat.total)).toBe("5250000000.00");
    expect(Math.abs(mat.liability.toNumber() - 4_668_682_632.03)).toBeLessThan(0.5); // cents of rounding drift over six months
    expect(d(mat.total.minus(mat.imputedInterest))).toBe(d(mat.liability));
    expect(kind(() => maturityAnalysis(leaseAccounting(measureLease({ terms: contract, annualRate: "0.08" })), serialOf("2026-06-30")))).toBe("num");
  });

  it("lessor operating lease: straight-line income; with 10% escalation, accrued rent builds then unwinds", () => {
    const level = lessorOperatingRows(accountingTerm(contract).terms);
    expect(level.map((r) => d(r.income))).toEqual(Array(6).fill("150000000.00"));
    expect(level.every((r) => r.accruedRent.isZero())).toBe(true);
    // 24 months of 100 escalating 10% after a year: 12 × 100 + 12 × 110 = 2,520, so 105 a month;
    // after 12 months accrued rent = 12 × 105 − 1,200 = 60; after 24 months 0.
    const esc = lessorOperatingRows(validateTerms({ startDate: serialOf("2026-01-01"), endDate: serialOf("2027-12-31"), payment: 100, escalation: "0.1" }));
    expect(d(esc[0].income)).toBe("105.00");
    expect(d(esc[11].accruedRent)).toBe("60.00");
    expect(d(esc[23].accruedRent)).toBe("0.00");
    for (const e of lessorJournal(esc)) expectBalanced(e);
  });

  it("journal at commencement: Dr ROU 885,230,259.15 / Cr liability 735,230,259.15, Cr cash 150,000,000", () => {
    const [first] = lesseeJournal(leaseAccounting(measureLease({ terms: accountingTerm(contract).terms, annualRate: "0.08" })));
    expect(first.period).toBe(0);
    expect(first.lines.map((l) => [l.account, d(l.debit), d(l.credit)])).toEqual([
      ["Right-of-use asset", "885230259.15", "0.00"],
      ["Lease liability", "0.00", "735230259.15"],
      ["Cash", "0.00", "150000000.00"],
    ]);
  });

  it("refuses bad measurement inputs", () => {
    expect(kind(() => measureLease({ terms: contract, annualRate: -1 }))).toBe("num");
    expect(kind(() => measureLease({ terms: contract, annualRate: "x" }))).toBe("value");
    expect(kind(() => measureLease({ terms: contract, annualRate: 0.08, initialDirectCosts: -1 }))).toBe("num");
    // Incentives above liability + payment at commencement + costs would make the asset negative.
    const six = accountingTerm(contract).terms;
    expect(d(measureLease({ terms: six, annualRate: "0.08", incentives: "885230259.15" }).rouAsset)).toBe("0.00");
    expect(kind(() => measureLease({ terms: six, annualRate: "0.08", incentives: "885230259.16" }))).toBe("num");
    expect(kind(() => assessLease({ identifiedAsset: 1 as never, substantiveSubstitutionRight: false, rightToDirectUse: true }))).toBe("value");
  });
});

function expectBalanced(e: JournalEntry): void {
  const debits = sum(e.lines.map((l) => l.debit));
  const credits = sum(e.lines.map((l) => l.credit));
  if (!debits.eq(credits)) throw new Error(`${e.description}: ${debits} ≠ ${credits}`);
  for (const l of e.lines) if (l.debit.isNegative() || l.credit.isNegative()) throw new Error(`${e.description}: negative line`);
}

describe("properties on random terms", () => {
  const RUNS = 300;
  const arbitraryLease = fc.record({
    start: fc.integer({ min: serialOf("2000-01-01"), max: serialOf("2060-12-31") }),
    days: fc.integer({ min: 0, max: 12 * 366 }),
    payment: fc.integer({ min: 1, max: 500_000_000_000 }).map((cents) => new Decimal(cents).dividedBy(100)),
    frequency: fc.constantFrom("monthly", "quarterly", "semiannual", "annual"),
    escalation: fc.constantFrom("0", "0.03", "-0.05", "0.25"),
    timing: fc.constantFrom("advance", "arrears"),
    proration: fc.constantFrom("full", "actual"),
    rate: fc.integer({ min: -500, max: 3000 }).map((bp) => new Decimal(bp).dividedBy(10_000)),
    idc: fc.integer({ min: 0, max: 1_000_000 }),
    // A share of what the asset would be without them: incentives cannot make the asset negative.
    incentiveShare: fc.constantFrom(0, 0, 0.3, 1),
    fee: fc.constantFrom(0, 0, 12_345.67),
    standard: fc.constantFrom<LesseeStandard>("ifrs16", "asc842-finance", "asc842-operating"),
  });
  type Lease = typeof arbitraryLease extends fc.Arbitrary<infer U> ? U : never;
  const build = (t: Lease) => {
    const terms = validateTerms({
      startDate: t.start,
      endDate: t.start + t.days,
      payment: t.payment,
      frequency: t.frequency as never,
      escalation: t.escalation,
      timing: t.timing as never,
      proration: t.proration as never,
    });
    const before = measureLease({ terms, annualRate: t.rate, initialDirectCosts: t.idc, terminationPayment: t.fee });
    const incentives = before.rouAsset.times(t.incentiveShare).toDecimalPlaces(2, Decimal.ROUND_DOWN);
    return measureLease({ terms, annualRate: t.rate, initialDirectCosts: t.idc, incentives, terminationPayment: t.fee });
  };

  it("the liability is the PV of the payments not paid at commencement (an independent floating-point sum)", () => {
    fc.assert(
      fc.property(arbitraryLease, (t) => {
        const m = build(t);
        const i = m.rate.toNumber();
        let pv = 0;
        m.schedule.forEach((p, k) => {
          const periods = m.terms.timing === "advance" ? k : k + 1;
          if (!(m.terms.timing === "advance" && k === 0)) pv += p.payment.toNumber() / Math.pow(1 + i, periods);
        });
        pv += m.terminationPayment.toNumber() / Math.pow(1 + i, m.schedule.length);
        return Math.abs(pv - m.liability.toNumber()) <= 0.006 + Math.abs(pv) * 1e-12;
      }),
      { numRuns: RUNS },
    );
  });

  it("every schedule runs off to exactly zero; interest + initial liability = payments in the liability; rows roll forward; journals balance", () => {
    fc.assert(
      fc.property(arbitraryLease, (t) => {
        const m = build(t);
        const acc = leaseAccounting(m, t.standard);
        const rows = acc.rows;
        const last = rows[rows.length - 1];
        if (!last.closingLiability.isZero() || !last.closingRou.isZero()) return false;
        // In advance without a termination payment the last period bears no interest: its payment is made on its first day.
        if (m.terms.timing === "advance" && m.terminationPayment.isZero() && !last.interest.isZero()) return false;
        if (!m.liability.plus(sum(rows.map((r) => r.interest))).eq(sum(rows.map((r) => r.paymentToLiability)))) return false;
        let opening = m.liability;
        let rou = m.rouAsset;
        for (const r of rows) {
          if (!r.openingLiability.eq(opening) || !r.closingLiability.eq(opening.minus(r.paymentToLiability).plus(r.interest))) return false;
          if (!r.closingRou.eq(rou.minus(r.rouReduction))) return false;
          if (!r.interest.eq(r.interest.toDecimalPlaces(2))) return false;
          opening = r.closingLiability;
          rou = r.closingRou;
        }
        // Total cost: payments + IDC − incentives, whatever the standard.
        if (!sum(rows.map((r) => r.leaseCost)).eq(m.totalPayments.plus(m.initialDirectCosts).minus(m.incentives))) return false;
        // ASC 842-20-35-3: an operating asset = liability + prepaid (− accrued) rent + unamortised IDC − unamortised incentives.
        if (t.standard === "asc842-operating") {
          let paid = m.paidAtCommencement.plus(m.initialDirectCosts).minus(m.incentives);
          let cost = new Decimal(0);
          for (const r of rows) {
            paid = paid.plus(r.paymentToLiability);
            cost = cost.plus(r.leaseCost);
            if (!r.closingRou.eq(r.closingLiability.plus(paid).minus(cost))) return false;
          }
        }
        for (const e of lesseeJournal(acc)) expectBalanced(e);
        return true;
      }),
      { numRuns: RUNS },
    );
  });

  it("the maturity table ties to the liability at commencement and on any day in the term", () => {
    fc.assert(
      fc.property(arbitraryLease, fc.double({ min: 0, max: 1, noNaN: true }), (t, where) => {
        const m = build(t);
        const acc = leaseAccounting(m, t.standard);
        const at = maturityAnalysis(acc);
        if (!at.liability.eq(m.liability)) return false;
        // The measurement alone gives the same table at commencement.
        const fromMeasurement = maturityAnalysis(m);
        if (!fromMeasurement.total.eq(at.total) || !fromMeasurement.years.every((y, i) => y.amount.eq(at.years[i].amount))) return false;
        if (!at.total.minus(at.imputedInterest).eq(at.liability)) return false;
        if (!at.total.eq(sum(acc.rows.map((r) => r.paymentToLiability)))) return false;
        const day = m.terms.startDate + Math.floor(where * (m.terms.endDate - m.terms.startDate));
        const later = maturityAnalysis(acc, day);
        const laterFromMeasurement = maturityAnalysis(m, day);
        if (!laterFromMeasurement.liability.eq(later.liability) || !laterFromMeasurement.total.eq(later.total)) return false;
        if (!later.total.minus(later.imputedInterest).eq(later.liability)) return false;
        // What is left: the scheduled payments dated after the day (not the one paid at commencement) and the fee on the exit date.
        let left = acc.rows[acc.rows.length - 1].terminationPayment;
        acc.rows.forEach((r, k) => {
          if (r.paymentDate > day && !(k === 0 && m.terms.timing === "advance")) left = left.plus(r.payment.minus(r.terminationPayment));
        });
        return later.total.eq(left);
      }),
      { numRuns: RUNS },
    );
  });

  it("a notice remeasures to the PV of what is left, and the schedule still runs off to zero with balanced journals", () => {
    fc.assert(
      fc.property(arbitraryLease, fc.integer({ min: 20, max: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), (t, noticeDays, where) => {
        const contract = validateTerms({
          startDate: t.start,
          endDate: t.start + t.days + 400,
          payment: t.payment,
          frequency: "monthly",
          timing: t.timing as never,
          noticeDays,
          terminationFee: t.fee,
        });
        const before = measureLease({ terms: contract, annualRate: t.rate, initialDirectCosts: t.idc });
        const incentives = before.rouAsset.times(t.incentiveShare).toDecimalPlaces(2, Decimal.ROUND_DOWN);
        const m = measureLease({ terms: contract, annualRate: t.rate, initialDirectCosts: t.idc, incentives });
        const noticeDate = contract.startDate + Math.floor(where * (contract.endDate - contract.startDate));
        let acc: LeaseAccounting;
        try {
          acc = leaseAccounting(m, t.standard, { contract, noticeDate });
        } catch (error) {
          // Refused only on the commencement day, or when the exit does not fall after the remeasuring close and within the term.
          const exit = noticeDate + noticeDays;
          const k = m.schedule.findIndex((p) => p.start <= noticeDate && noticeDate <= p.end);
          const close = m.schedule[m.schedule[k].start === noticeDate ? k - 1 : k]?.end ?? contract.startDate;
          return error instanceof DealError && error.kind === "value" && (noticeDate === contract.startDate || exit > contract.endDate || exit <= close + 1);
        }
        const r = acc.remeasurement!;
        const rows = acc.rows;
        if (rows[rows.length - 1].end !== r.exitDate - 1) return false;
        if (!rows[rows.length - 1].closingLiability.isZero() || !rows[rows.length - 1].closingRou.isZero()) return false;
        // The remeasured liability, from first principles (independent Horner-free sum in decimals).
        const v = new Decimal(1).dividedBy(r.rate.plus(1));
        const k = r.period;
        const advance = contract.timing === "advance";
        let pv = new Decimal(0);
        rows.slice(k).forEach((row, j) => {
          pv = pv.plus(row.payment.minus(row.terminationPayment).times(v.pow(advance ? j : j + 1)));
        });
        pv = pv.plus(contract.termination.fee.times(v.pow(rows.length - k)));
        if (!pv.toDecimalPlaces(2).eq(r.liabilityAfter)) return false;
        if (rows[k - 1].closingRou.isNegative() && rows[k - 1].rouRemeasurement.lt(0)) return false;
        for (const e of lesseeJournal(acc)) expectBalanced(e);
        return true;
      }),
      { numRuns: RUNS },
    );
  });
});
