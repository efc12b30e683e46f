/**
 * The provider's books: the remaining performance obligation (ASC 606 / IFRS 15) and the lessor's
 * maturity analysis (ASC 842-30-50-13; IFRS 16.97). Golden figures are worked by hand in the comments;
 * none comes from the code under test.
 *
 * Sources for the rules the figures follow:
 * - ASC 606-10-25-3 (IFRS 15.11): the contract term is the period in which the parties have present
 *   enforceable rights and obligations. PwC, Revenue from contracts with customers, §2.7 "Determining
 *   the contract term" (viewpoint.pwc.com, chapter 2): "a contract that can be terminated early, but
 *   requires payment of a substantive termination penalty, is likely to have a contract term equal to
 *   the stated term", and "if a contract can be terminated early for no compensation, enforceable
 *   rights and obligations would likely not exist for the entire stated term" (Revenue TRG Memos 10,
 *   11, 48, 49; RevenueHub, "Termination clauses", revenuehub.org/termination-clauses).
 * - ASC 606-10-32-4 (IFRS 15.49): the transaction price assumes the contract is not cancelled — so a
 *   termination fee is never in it.
 * - ASC 606-10-50-13 (IFRS 15.120): the transaction price allocated to the remaining performance
 *   obligations, and when it is expected to be recognised, by time band; ASC 606-10-50-14(a)
 *   (IFRS 15.121(a)): not required for a contract with an original expected duration of one year or
 *   less. The published example of the disclosure's shape is ASC 606-10-55-218 to 55-221 (Example 42;
 *   IFRS 15 Illustrative Example 21): revenue expected to be recognised, one column a year; EY,
 *   "Applying IFRS: Presentation and disclosure requirements of IFRS 15" (November 2019), §4.3, shows
 *   companies' tables "within one year / one to two years / … / thereafter" — the bands used here.
 */
import fc from "fast-check";
import {
  Decimal,
  DealError,
  exitOutcome,
  totalValue,
  buildSchedule,
  lessorMaturity,
  remainingPerformanceObligation,
  rpoTiming,
  validateTerms,
} from "../../src/core";
import { termsEndingOn } from "../../src/core/accounting/leaseTerm";
import { serialOf } from "../support/dates";
import { SEED } from "../support/seed";

const seed = validateTerms(SEED);
const seedWithFee = validateTerms({ ...SEED, terminationFee: 1e9 });
const d = (x: Decimal) => x.toFixed(2);

function kind(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DealError) return error.kind;
    throw error;
  }
  return "no error";
}

describe("remaining performance obligation (ASC 606-10-50-13)", () => {
  it("issue 16's figures: the seed with a 1,000,000,000 fee, before service starts", () => {
    // At the close of 2026-06-30 (the day before the start) nothing is rendered.
    // Substantive fee: the contract term is the stated term, 2026-07 … 2029-12 = 42 months × 150,000,000
    // = 6,300,000,000. Not substantive: either party may serve notice on 2026-10-01 (after the 3-month
    // lock-in) → exit 2026-10-01 + 90 days = 2026-12-30; Jul–Dec 2026, December begun and owed in full
    // ("full" proration): 6 × 150,000,000 = 900,000,000. The fee is in neither (606-10-32-4).
    const asOf = serialOf("2026-06-30");
    const substantive = remainingPerformanceObligation(seedWithFee, asOf, { feeIsSubstantive: true });
    expect(d(substantive.value)).toBe("6300000000.00");
    expect(substantive.basis).toBe("stated-term");
    const not = remainingPerformanceObligation(seedWithFee, asOf);
    expect(d(not.value)).toBe("900000000.00");
    expect(not.basis).toBe("earliest-exit");
    expect(not.exitDate).toBe(serialOf("2026-12-30"));
    expect(not.noticeDate).toBe(serialOf("2026-10-01"));
  });

  it("at the close of the start day, the first day of service is rendered", () => {
    // July 1 of 31 days: 150,000,000 × 30/31 = 145,161,290.3226 → 145,161,290.32 of July remains.
    // Substantive: 145,161,290.32 + 41 × 150,000,000 = 6,295,161,290.32.
    // Not substantive: 145,161,290.32 + 5 × 150,000,000 (Aug–Dec) = 895,161,290.32.
    const asOf = serialOf("2026-07-01");
    expect(d(remainingPerformanceObligation(seedWithFee, asOf, { feeIsSubstantive: true }).value)).toBe("6295161290.32");
    expect(d(remainingPerformanceObligation(seedWithFee, asOf).value)).toBe("895161290.32");
  });

  it("without a substantive fee the term rolls forward with the as-of day", () => {
    // Close of 2026-12-31: notice 2027-01-01 → exit 2027-04-01; January–March 2027 remain: 450,000,000.
    expect(d(remainingPerformanceObligation(seed, serialOf("2026-12-31")).value)).toBe("450000000.00");
    // Close of 2027-01-01: notice 2027-01-02 → exit 2027-04-02; April is begun (one day) and owed in full
    // under "full" proration, earned over its one day of service: Jan 2–31 = 150e6 × 30/31 =
    // 145,161,290.32, then February, March and April 1's 150,000,000 each: 595,161,290.32.
    expect(d(remainingPerformanceObligation(seed, serialOf("2027-01-01")).value)).toBe("595161290.32");
    // "actual" proration: April owes 150e6 × 1/30 = 5,000,000: 145,161,290.32 + 300,000,000 + 5,000,000.
    const actual = validateTerms({ ...SEED, proration: "actual" });
    expect(d(remainingPerformanceObligation(actual, serialOf("2027-01-01")).value)).toBe("450161290.32");
    // At the close of the last day nothing remains; after it neither.
    expect(d(remainingPerformanceObligation(seed, serialOf("2029-12-31")).value)).toBe("0.00");
    expect(d(remainingPerformanceObligation(seed, serialOf("2030-06-30")).value)).toBe("0.00");
    // Close of 2029-12-30: notice on 2029-12-31 exits after the end: the last day remains,
    // 150e6 × 1/31 = 4,838,709.677 → 4,838,709.68.
    expect(d(remainingPerformanceObligation(seed, serialOf("2029-12-30")).value)).toBe("4838709.68");
  });

  it("a contract either party may leave at once without a penalty has no term: nothing remains (606-10-25-4)", () => {
    const atWill = validateTerms({ startDate: serialOf("2026-07-01"), endDate: serialOf("2027-06-30"), payment: 100 });
    expect(d(remainingPerformanceObligation(atWill, serialOf("2026-06-30")).value)).toBe("0.00");
  });

  it("timing does not change the obligation: service not yet rendered counts, paid or not", () => {
    const arrears = validateTerms({ ...SEED, timing: "arrears" });
    expect(d(remainingPerformanceObligation(arrears, serialOf("2026-07-01")).value)).toBe("895161290.32");
  });

  it("a substantive judgement needs a fee; the judgement must be TRUE or FALSE", () => {
    expect(kind(() => remainingPerformanceObligation(seed, serialOf("2026-06-30"), { feeIsSubstantive: true }))).toBe("value");
    expect(kind(() => remainingPerformanceObligation(seed, serialOf("2026-06-30"), { feeIsSubstantive: "yes" as unknown as boolean }))).toBe("value");
  });

  it("606-10-50-14(a): the expedient applies when the original contract term is one year or less", () => {
    // Not substantive: the original term is 2026-07-01 … 2026-12-29, six months → applies.
    expect(remainingPerformanceObligation(seedWithFee, serialOf("2026-06-30")).expedientApplies).toBe(true);
    expect(remainingPerformanceObligation(seedWithFee, serialOf("2026-06-30")).originalTermLastDay).toBe(serialOf("2026-12-29"));
    // Substantive: 42 months → does not apply.
    expect(remainingPerformanceObligation(seedWithFee, serialOf("2026-06-30"), { feeIsSubstantive: true }).expedientApplies).toBe(false);
    // Exactly a year (2026-07-01 … 2027-06-30) locked in to the end: one year or less → applies; a day more → not.
    const year = validateTerms({ startDate: serialOf("2026-07-01"), endDate: serialOf("2027-06-30"), payment: 100, lockInMonths: 13 });
    expect(remainingPerformanceObligation(year, serialOf("2026-06-30")).expedientApplies).toBe(true);
    const longer = validateTerms({ startDate: serialOf("2026-07-01"), endDate: serialOf("2027-07-01"), payment: 100, lockInMonths: 13 });
    expect(remainingPerformanceObligation(longer, serialOf("2026-06-30")).expedientApplies).toBe(false);
  });
});

describe("RPO identities on random terms", () => {
  it("at the close of the day before the start: the stated term's total when the fee is substantive, the earliest exit's payments (EXIT_VALUE less the fee) when not", () => {
    fc.assert(
      fc.property(
        fc.record({
          start: fc.integer({ min: serialOf("2024-01-01"), max: serialOf("2030-12-31") }),
          days: fc.integer({ min: 20, max: 2000 }),
          quarterly: fc.boolean(),
          escalation: fc.constantFrom(0, 0.03, -0.02),
          arrears: fc.boolean(),
          actual: fc.boolean(),
          lockInMonths: fc.integer({ min: 0, max: 30 }),
          noticeDays: fc.integer({ min: 0, max: 200 }),
          fee: fc.constantFrom(1, 5_000_000),
        }),
        (r) => {
          const terms = validateTerms({
            startDate: r.start, endDate: r.start + r.days, payment: 1_000_000, frequency: r.quarterly ? "quarterly" : "monthly", escalation: r.escalation,
            timing: r.arrears ? "arrears" : "advance", proration: r.actual ? "actual" : "full", lockInMonths: r.lockInMonths, noticeDays: r.noticeDays,
            terminationFee: r.fee,
          });
          const before = r.start - 1;
          expect(d(remainingPerformanceObligation(terms, before, { feeIsSubstantive: true }).value)).toBe(d(totalValue(buildSchedule(terms))));
          const exit = exitOutcome(terms);
          expect(d(remainingPerformanceObligation(terms, before).value)).toBe(d(exit.value.minus(exit.fee)));
        },
      ),
      { seed: 20261203, numRuns: 300 },
    );
  });
});

describe("RPO timing bands (ASC 606-10-50-13(b))", () => {
  const amounts = (t: ReturnType<typeof rpoTiming>) => [...t.years.map((y) => d(y.amount)), d(t.thereafter), d(t.total)];

  it("the seed with a substantive fee, before the start: three years of 1.8bn, then 0.9bn", () => {
    // Bands (2026-06-30, 2027-06-30], (…, 2028-06-30], (…, 2029-06-30], thereafter: 12, 12, 12 and 6 months.
    const t = rpoTiming(remainingPerformanceObligation(seedWithFee, serialOf("2026-06-30"), { feeIsSubstantive: true }));
    expect(amounts(t)).toEqual(["1800000000.00", "1800000000.00", "1800000000.00", "900000000.00", "6300000000.00"]);
    expect(t.years[0].from).toBe(serialOf("2026-07-01"));
    expect(t.years[0].to).toBe(serialOf("2027-06-30"));
    expect(t.expedientApplies).toBe(false);
  });

  it("mid-month: each period split by days across the band boundaries", () => {
    // Close of 2026-07-15, substantive. July 2026: 16 of 31 days left → ROUND(150e6 × 16/31, 2) = 77,419,354.84.
    // Year 1 = (2026-07-15, 2027-07-15]: 77,419,354.84 + Aug 2026–Jun 2027 (11 × 150e6 = 1,650,000,000)
    //   + July 2027 days 1–15: 150e6 − ROUND(150e6 × 16/31, 2) = 72,580,645.16 → 1,800,000,000.00.
    // Years 2 and 3 alike: 77,419,354.84 + 1,650,000,000 + 72,580,645.16 = 1,800,000,000.00.
    // Thereafter: July 2029 after the 15th 77,419,354.84 + Aug–Dec 2029 750,000,000 = 827,419,354.84.
    // Total 6,227,419,354.84 = 6,300,000,000 − (July 1–15: 150e6 − 77,419,354.84 = 72,580,645.16).
    const t = rpoTiming(remainingPerformanceObligation(seedWithFee, serialOf("2026-07-15"), { feeIsSubstantive: true }));
    expect(amounts(t)).toEqual(["1800000000.00", "1800000000.00", "1800000000.00", "827419354.84", "6227419354.84"]);
  });

  it("issue 16's annual deal: revenue by service days, not by payment date", () => {
    // 2026-07-01 … 2028-06-30, 120,000,000 a year in advance, 24-month lock-in (no early exit).
    // Close of 2026-12-31: period 1 (2026-07-01 … 2027-06-30, 365 days) has 181 days left:
    //   ROUND(120e6 × 181/365, 2) = 59,506,849.32 (= 120e6 − the 2026 revenue 60,493,150.68).
    // Year 1 = (2026-12-31, 2027-12-31]: 59,506,849.32 + period 2 (2027-07-01 … 2028-06-30, 366 days)
    //   for Jul 1 – Dec 31 2027 (184 days): 120e6 − ROUND(120e6 × 182/366, 2) = 120e6 − 59,672,131.15
    //   = 60,327,868.85 → 119,834,718.17, the 2027 revenue.
    // Year 2: 59,672,131.15 (the 2028 revenue). Total 179,506,849.32.
    const annual = validateTerms({
      startDate: serialOf("2026-07-01"), endDate: serialOf("2028-06-30"), payment: 120e6, frequency: "annual", lockInMonths: 24, noticeDays: 90,
    });
    const t = rpoTiming(remainingPerformanceObligation(annual, serialOf("2026-12-31")));
    expect(amounts(t)).toEqual(["119834718.17", "59672131.15", "0.00", "0.00", "179506849.32"]);
  });

  it("without a substantive fee: all within 12 months, and the expedient flag", () => {
    const t = rpoTiming(remainingPerformanceObligation(seedWithFee, serialOf("2026-06-30")));
    expect(amounts(t)).toEqual(["900000000.00", "0.00", "0.00", "0.00", "900000000.00"]);
    expect(t.expedientApplies).toBe(true);
  });

  it("the bands add up to the obligation on every day of the seed's term", () => {
    for (let day = serialOf("2026-06-30"); day <= serialOf("2030-01-01"); day += 17) {
      for (const feeIsSubstantive of [false, true]) {
        const rpo = remainingPerformanceObligation(seedWithFee, day, { feeIsSubstantive });
        expect(d(rpoTiming(rpo).total)).toBe(d(rpo.value));
      }
    }
  });
});

describe("lessor maturity analysis (ASC 842-30-50-13; IFRS 16.97)", () => {
  it("the seed's lease term at commencement: five payments to come", () => {
    // Lease term 2026-07-01 … 2026-12-29, monthly in advance: the July payment is received on the
    // commencement day; August–December (5 × 150e6 = 750,000,000) fall in year 1.
    const m = lessorMaturity(termsEndingOn(seed, serialOf("2026-12-29")));
    expect(m.years.map((y) => d(y.amount))).toEqual(["750000000.00", "0.00", "0.00", "0.00", "0.00"]);
    expect(d(m.total)).toBe("750000000.00");
  });

  it("the full term with 3% escalation, at the close of 2026-12-31", () => {
    // Receipts after 2026-12-31: Jan–Jun 2027 at 150e6 (900,000,000); from 2027-07-01 150e6 × 1.03 =
    // 154,500,000; from 2028-07-01 × 1.03² = 159,135,000; from 2029-07-01 × 1.03³ = 163,909,050.
    // Year 1 (2027): 900,000,000 + 6 × 154,500,000 = 1,827,000,000.
    // Year 2 (2028): 6 × 154,500,000 + 6 × 159,135,000 = 927,000,000 + 954,810,000 = 1,881,810,000.
    // Year 3 (2029): 6 × 159,135,000 + 6 × 163,909,050 = 954,810,000 + 983,454,300 = 1,938,264,300.
    const full = validateTerms({ ...SEED, escalation: 0.03 });
    const m = lessorMaturity(termsEndingOn(full, full.endDate), 0, serialOf("2026-12-31"));
    expect(m.years.map((y) => d(y.amount))).toEqual(["1827000000.00", "1881810000.00", "1938264300.00", "0.00", "0.00"]);
    expect(d(m.total)).toBe("5647074300.00");
  });

  it("a termination payment is received on the exit date; receipts due on the as-of day are received", () => {
    // Lease term to 2026-12-29 with a 1e9 fee received on 2026-12-30. At the close of 2026-12-01 the
    // December payment (due that day) is received: only the fee remains.
    const m = lessorMaturity(termsEndingOn(seed, serialOf("2026-12-29")), 1e9, serialOf("2026-12-01"));
    expect(d(m.total)).toBe("1000000000.00");
    expect(d(m.years[0].amount)).toBe("1000000000.00");
    expect(kind(() => lessorMaturity(seed, 0, serialOf("2026-06-30")))).toBe("num");
  });
});
