/**
 * The backlog on a revenue basis (issue 16 §3): each period's amount straight line over the days of
 * service it pays for, split across fiscal years by day counts. Goldens worked by hand below; the
 * identities tie it to the payments basis and to COMMITTED_VALUE on random terms.
 */
import fc from "fast-check";
import { committedValue, Decimal, dealBacklog, portfolioBacklog, PortfolioDeal, TermsInput, validateTerms } from "../../src/core";
import { SEED } from "../support/seed";
import { serialOf } from "../support/dates";

const deal = (input: TermsInput, exitProbability = 0): PortfolioDeal => ({ counterparty: "X", terms: validateTerms(input), exitProbability });
const fixed = (amounts: readonly Decimal[]) => amounts.map((a) => a.toFixed(2));

// One annual payment in advance, 2026-07-01 to 2028-06-30, 120,000,000 a year, locked in for 24 months
// (the whole term: no early exit, so committed = headline).
const ANNUAL: TermsInput = {
  startDate: serialOf("2026-07-01"),
  endDate: serialOf("2028-06-30"),
  payment: 120_000_000,
  frequency: "annual",
  lockInMonths: 24,
  noticeDays: 90,
};

describe("BACKLOG on a revenue basis: by hand", () => {
  it("annual in advance over two years: 60,493,150.68 / 119,834,718.17 / 59,672,131.15; by payments 120M, 120M", () => {
    // Period 1, 2026-07-01 … 2027-06-30: 365 days, 184 of them in 2026 (Jul 31 + Aug 31 + Sep 30 + Oct 31 +
    //   Nov 30 + Dec 31) and 181 in 2027 (Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30).
    //   The part from 2027-01-01 on: 120,000,000 × 181/365 = 59,506,849.315… → 59,506,849.32; 2026 gets the rest,
    //   120,000,000 − 59,506,849.32 = 60,493,150.68 (= 120,000,000 × 184/365 = 60,493,150.684…).
    // Period 2, 2027-07-01 … 2028-06-30: 366 days (2028-02-29 is in it), 184 in 2027 and 182 in 2028 (Jan 31 +
    //   Feb 29 + Mar 31 + Apr 30 + May 31 + Jun 30). From 2028-01-01: 120,000,000 × 182/366 = 59,672,131.147… →
    //   59,672,131.15; 2027 gets 60,327,868.85.
    // 2027 = 59,506,849.32 + 60,327,868.85 = 119,834,718.17. The three years add up to 240,000,000.
    const revenue = portfolioBacklog([deal(ANNUAL)], { basis: "revenue" });
    expect(revenue.map((y) => y.year)).toEqual([2026, 2027, 2028]);
    expect(fixed(revenue.map((y) => y.headline))).toEqual(["60493150.68", "119834718.17", "59672131.15"]);
    expect(fixed(revenue.map((y) => y.committed))).toEqual(["60493150.68", "119834718.17", "59672131.15"]);
    // By payment date: 2026-07-01 and 2027-07-01, 120,000,000 each.
    const payments = portfolioBacklog([deal(ANNUAL)], { basis: "payments" });
    expect(payments.map((y) => [y.year, y.headline.toFixed(2)])).toEqual([
      [2026, "120000000.00"],
      [2027, "120000000.00"],
    ]);
    // The default of the core is the payments basis.
    expect(fixed(portfolioBacklog([deal(ANNUAL)]).map((y) => y.headline))).toEqual(["120000000.00", "120000000.00"]);
  });

  it("at the close of 2026-12-31 only service from 2027-01-01 remains: 2027 119,834,718.17, 2028 59,672,131.15", () => {
    const b = dealBacklog(deal(ANNUAL), { basis: "revenue", asOf: serialOf("2026-12-31") });
    expect(fixed(b.headline)).toEqual(["0.00", "119834718.17", "59672131.15"]);
    // By payments, the 2026-07-01 payment is made: only 2027-07-01's remains.
    expect(fixed(dealBacklog(deal(ANNUAL), { basis: "payments", asOf: serialOf("2026-12-31") }).headline)).toEqual(["0.00", "120000000.00", "0.00"]);
  });

  it("fiscal years ending in June: the annual periods are the fiscal years, 120M in 2027 and in 2028", () => {
    const b = portfolioBacklog([deal(ANNUAL)], { basis: "revenue", yearEndMonth: 6 });
    expect(b.map((y) => [y.year, y.headline.toFixed(2)])).toEqual([
      [2027, "120000000.00"],
      [2028, "120000000.00"],
    ]);
  });

  it("the seed (monthly from the 1st): revenue = payments by calendar year; committed: exit 2026-12-30, December owed in full over Dec 1–29", () => {
    const revenue = dealBacklog(deal(SEED), { basis: "revenue" });
    const payments = dealBacklog(deal(SEED), { basis: "payments" });
    expect(fixed(revenue.headline)).toEqual(fixed(payments.headline));
    expect(fixed(revenue.committed)).toEqual(["900000000.00", "0.00", "0.00", "0.00", "0.00"]);
  });

  it("a period across the year end in arrears: 25,000,000 for Dec 15 – Jan 14, 17 of its 31 days in the first year", () => {
    // From 2027-01-01: 25,000,000 × 14/31 = 11,290,322.580… → 11,290,322.58; Dec 15–31: 13,709,677.42.
    const stub: TermsInput = { startDate: serialOf("2026-12-15"), endDate: serialOf("2027-01-14"), payment: 25_000_000, timing: "arrears", lockInMonths: 1, noticeDays: 0 };
    const b = dealBacklog(deal(stub), { basis: "revenue" });
    expect(fixed(b.headline)).toEqual(["13709677.42", "11290322.58"]);
    // By payments it is all paid on 2027-01-14.
    expect(fixed(dealBacklog(deal(stub), { basis: "payments" }).headline)).toEqual(["0.00", "25000000.00"]);
  });

  it("expected at p between 0 and 1 lies between committed and headline, and equals them at p = 1 and p = 0", () => {
    const seedAt = (p: number) => dealBacklog(deal(SEED, p), { basis: "revenue" });
    expect(seedAt(0).totalExpected.eq(seedAt(0).totalHeadline)).toBe(true);
    expect(seedAt(1).totalExpected.eq(seedAt(1).totalCommitted)).toBe(true);
    const mid = seedAt(0.2);
    expect(mid.totalExpected.gt(mid.totalCommitted) && mid.totalExpected.lt(mid.totalHeadline)).toBe(true);
  });
});

const arbTerms = fc
  .record({
    start: fc.integer({ min: serialOf("2020-01-01"), max: serialOf("2035-12-31") }),
    days: fc.integer({ min: 0, max: 6 * 366 }),
    cents: fc.integer({ min: 1, max: 50_000_000_000 }),
    frequency: fc.constantFrom("monthly", "quarterly", "semiannual", "annual"),
    escalation: fc.constantFrom(0, 0.03, -0.05),
    timing: fc.constantFrom("advance", "arrears"),
    proration: fc.constantFrom("full", "actual"),
    lockIn: fc.integer({ min: 0, max: 36 }),
    noticeDays: fc.integer({ min: 0, max: 400 }),
    noticeInLockIn: fc.boolean(),
    fee: fc.constantFrom(0, 1_000_000),
    p: fc.constantFrom(0, 0.1, 0.5, 1),
  })
  .map(
    (r): { input: TermsInput; p: number } => ({
      input: {
        startDate: r.start,
        endDate: r.start + r.days,
        payment: r.cents / 100,
        frequency: r.frequency as TermsInput["frequency"],
        escalation: r.escalation,
        timing: r.timing as TermsInput["timing"],
        proration: r.proration as TermsInput["proration"],
        lockInMonths: r.lockIn,
        noticeDays: r.noticeDays,
        noticeDuringLockIn: r.noticeInLockIn,
        terminationFee: r.fee,
      },
      p: r.p,
    }),
  );

describe("BACKLOG on a revenue basis: identities on random terms", () => {
  it("over the whole term the totals are the payments basis' (each period's amount is only moved between years)", () => {
    fc.assert(
      fc.property(arbTerms, fc.integer({ min: 1, max: 12 }), ({ input, p }, yearEndMonth) => {
        const revenue = dealBacklog(deal(input, p), { basis: "revenue", yearEndMonth });
        const payments = dealBacklog(deal(input, p), { basis: "payments", yearEndMonth });
        expect(revenue.totalHeadline.toFixed(2)).toBe(payments.totalHeadline.toFixed(2));
        expect(revenue.totalCommitted.toFixed(2)).toBe(payments.totalCommitted.toFixed(2));
        // Expected is a probability-weighted sum rounded per year: within a cent a year.
        expect(revenue.totalExpected.minus(payments.totalExpected).abs().toNumber()).toBeLessThanOrEqual(0.01 * revenue.expected.length + 1e-6);
      }),
      { numRuns: 200 },
    );
  });

  it("committed revenue after the close of a day adds up to COMMITTED_VALUE on that day (service not yet rendered, plus the fee)", () => {
    fc.assert(
      fc.property(arbTerms, fc.integer({ min: -40, max: 7 * 366 }), ({ input }, offset) => {
        const terms = validateTerms(input);
        const asOf = terms.startDate + offset;
        const b = dealBacklog({ counterparty: "X", terms, exitProbability: 1 }, { basis: "revenue", asOf });
        expect(b.totalCommitted.toFixed(2)).toBe(committedValue(terms, asOf).value.toFixed(2));
      }),
      { numRuns: 300 },
    );
  });
});
