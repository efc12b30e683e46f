/**
 * Issue 16 §6: every schedule the functions accept runs off exactly, at every rate and term the
 * validation accepts (rates above −100% up to 1000% a year, terms up to 1,200 months). The cases the
 * audit reported come first; the oracle of the property test is a 60-digit backward sum written here,
 * independently of src/core (whose anchor runs at 34 digits).
 */
import fc from "fast-check";
import { DealError, decimalColumns, Decimal, fastColumns, LeaseAccounting, leaseAccounting, LesseeStandard, maturityAnalysis, measureLease, TermsInput, validateTerms } from "../../src/core";
import { serialOf } from "../support/dates";

const d = (x: Decimal) => x.toFixed(2);
const sum = (xs: readonly Decimal[]) => xs.reduce((a, b) => a.plus(b), new Decimal(0));
const Wide = Decimal.clone({ precision: 60 });

/**
 * The exact liability at each period's close (index k = after period k, 0 = commencement before any
 * payment), from the rows' own payments: V(n) = fee; V(k) = (P + V(k+1)) / (1 + r) in arrears,
 * P + V(k+1) / (1 + r) in advance — at 60 digits, with the rate rebuilt from its annual figure.
 */
function exactValues(acc: LeaseAccounting, periodsPerYear: number): Decimal[] {
  const rows = acc.rows;
  const n = rows.length;
  const v = new Wide(1).dividedBy(new Wide(acc.measurement.annualRate.toString()).dividedBy(periodsPerYear).plus(1));
  const out: InstanceType<typeof Wide>[] = new Array(n + 1);
  out[n] = new Wide(rows[n - 1].terminationPayment.toString());
  const advance = acc.measurement.terms.timing === "advance";
  for (let k = n - 1; k >= 0; k--) {
    const p = new Wide(rows[k].payment.minus(rows[k].terminationPayment).toString());
    out[k] = advance ? p.plus(out[k + 1].times(v)) : p.plus(out[k + 1]).times(v);
  }
  return out.map((x) => new Decimal(x.toString()));
}

/** Checks the identities and that no close strays more than a cent from the exact value. */
function expectExact(acc: LeaseAccounting, periodsPerYear: number): void {
  const m = acc.measurement;
  const rows = acc.rows;
  const last = rows[rows.length - 1];
  expect(d(last.closingLiability)).toBe("0.00");
  expect(d(last.closingRou)).toBe("0.00");
  expect(d(m.liability.plus(sum(rows.map((r) => r.interest))))).toBe(d(sum(rows.map((r) => r.paymentToLiability))));
  const exact = exactValues(acc, periodsPerYear);
  const advance = m.terms.timing === "advance";
  const atStart = advance ? exact[0].minus(rows[0].payment.minus(rows[0].terminationPayment)) : exact[0];
  expect(m.liability.minus(atStart).abs().toNumber()).toBeLessThanOrEqual(0.005);
  let worst = 0;
  // The last row closes at 0: a termination payment is made on the exit date, with that row.
  rows.slice(0, -1).forEach((r, k) => {
    worst = Math.max(worst, r.closingLiability.minus(exact[k + 1]).abs().toNumber());
  });
  expect(worst).toBeLessThanOrEqual(0.01);
}

describe("the audit's cases (issue 16 §6)", () => {
  it("95 years at 50%, quarterly in arrears, a ramp and −2% escalation (2040-05-13 to 2133-05-17): runs off, every close within a cent", () => {
    const ramp = [
      { effectiveDate: serialOf("2040-05-13"), amount: 1_000_000 },
      { effectiveDate: serialOf("2050-05-13"), amount: 2_500_000 },
    ];
    const terms = validateTerms({ startDate: serialOf("2040-05-13"), endDate: serialOf("2133-05-17"), payment: ramp, frequency: "quarterly", timing: "arrears", escalation: "-0.02" });
    const acc = leaseAccounting(measureLease({ terms, annualRate: "0.5" }));
    expect(acc.rows).toHaveLength(373);
    expectExact(acc, 4);
    // Interest at 12.5% a quarter is never negative on a positive balance.
    expect(acc.rows.every((r) => !r.interest.isNegative())).toBe(true);
  });

  it("the same without escalation: the last quarter's interest is its payment less what it discharges, not −7,000,000", () => {
    const terms = validateTerms({ startDate: serialOf("2040-05-13"), endDate: serialOf("2133-05-17"), payment: 1_000_000, frequency: "quarterly", timing: "arrears" });
    const acc = leaseAccounting(measureLease({ terms, annualRate: "0.5" }));
    expectExact(acc, 4);
    // The last period (a stub charged in full) pays 1,000,000 in arrears: its opening is 1,000,000 / 1.125 = 888,888.89 within a cent,
    // so its interest is 111,111.11 within a cent.
    const last = acc.rows[acc.rows.length - 1];
    expect(Math.abs(last.interest.toNumber() - 111_111.11)).toBeLessThanOrEqual(0.011);
  });

  it("32 years monthly at 1000% with 3% escalation (2026-07-01 to 2058-10-17), in advance: the last period bears no interest", () => {
    const terms = validateTerms({ startDate: serialOf("2026-07-01"), endDate: serialOf("2058-10-17"), payment: 150_000_000, escalation: "0.03" });
    const acc = leaseAccounting(measureLease({ terms, annualRate: 10 }));
    expectExact(acc, 12);
    const rows = acc.rows;
    expect(d(rows[rows.length - 1].interest)).toBe("0.00");
    // The last payment: 150,000,000 × 1.03^32 rounded = 386,262,413.35 (bc: 150000000 * 1.03^32 = 386262413.3523…).
    expect(d(rows[rows.length - 1].payment)).toBe("386262413.35");
    expect(d(rows[rows.length - 2].closingLiability)).toBe("386262413.35");
  });

  for (const [rate, label] of [
    ["0.08", "8%"],
    ["0.12", "12%"],
  ] as const) {
    it(`1,200 months at ${label}, in advance: every close is the annuity P × (1 − vᵐ)/(1 − v) within a cent`, () => {
      const terms = validateTerms({ startDate: serialOf("2026-07-01"), endDate: serialOf("2126-06-30"), payment: 150_000_000 });
      const acc = leaseAccounting(measureLease({ terms, annualRate: rate }));
      expect(acc.rows).toHaveLength(1200);
      expectExact(acc, 12);
      // Closed form, independent of any recursion: after period k, m = 1200 − k payments remain, the next one tomorrow.
      const v = new Wide(1).dividedBy(new Wide(rate).dividedBy(12).plus(1));
      for (const k of [600, 1000, 1150, 1190, 1199]) {
        const m = 1200 - k;
        const annuity = new Wide(150_000_000).times(new Wide(1).minus(v.pow(m))).dividedBy(new Wide(1).minus(v));
        expect(Math.abs(acc.rows[k - 1].closingLiability.toNumber() - annuity.toNumber())).toBeLessThanOrEqual(0.01);
      }
    });
  }

  it("the seed at 1000% (=DEAL.LEASE_ACCOUNTING(46204,47483,150000000,\"1000%\")): row 41's interest is 68,181,818.18", () => {
    // At the close of October 2029 (row 40) two payments remain: 150,000,000 on 2029-11-01 and on 2029-12-01, one month
    // later at 10/12 a month: 150,000,000 + 150,000,000 / (1 + 10/12) = 150,000,000 + 81,818,181.818… = 231,818,181.82.
    // Row 41 pays 150,000,000 on its first day; interest on the rest: 81,818,181.82 × 10/12 = 68,181,818.183 → 68,181,818.18,
    // closing at exactly the last payment.
    const terms = validateTerms({ startDate: 46204, endDate: 47483, payment: 150_000_000 });
    const acc = leaseAccounting(measureLease({ terms, annualRate: 10 }));
    expectExact(acc, 12);
    expect(d(acc.rows[39].closingLiability)).toBe("231818181.82");
    expect(d(acc.rows[40].interest)).toBe("68181818.18");
    expect(d(acc.rows[40].closingLiability)).toBe("150000000.00");
    // The maturity table as of 2029-10-31: 300,000,000 undiscounted, less imputed interest 68,181,818.18 = 231,818,181.82.
    const mat = maturityAnalysis(acc, serialOf("2029-10-31"));
    expect(d(mat.total)).toBe("300000000.00");
    expect(d(mat.imputedInterest)).toBe("68181818.18");
    expect(d(mat.liability)).toBe("231818181.82");
    // As of 2029-11-30 only December's payment remains, due the next day: no imputed interest at all.
    const december = maturityAnalysis(acc, serialOf("2029-11-30"));
    expect(d(december.total)).toBe("150000000.00");
    expect(d(december.imputedInterest)).toBe("0.00");
  });
});

describe("property: the extremes the validation accepts", () => {
  const extreme = fc.record({
    start: fc.integer({ min: serialOf("2000-01-01"), max: serialOf("2060-12-31") }),
    months: fc.oneof(fc.constant(1200), fc.integer({ min: 1, max: 1200 })),
    frequency: fc.constantFrom<[string, number]>(["monthly", 12], ["quarterly", 4], ["annual", 1]),
    rate: fc.oneof(fc.constantFrom("10", "9.99", "0.5", "0.12", "-0.5", "-0.99"), fc.integer({ min: -9_000, max: 100_000 }).map((bp) => String(bp / 10_000))),
    escalation: fc.constantFrom("0", "-0.02", "-0.5", "0.03", "0.25"),
    timing: fc.constantFrom("advance", "arrears"),
    ramp: fc.boolean(),
    fee: fc.constantFrom(0, 0, 1_000_000),
  });

  it("runs off to exactly 0, interest + liability = payments, and no close strays a cent from the exact value", () => {
    fc.assert(
      fc.property(extreme, (t) => {
        const [frequency, perYear] = t.frequency;
        const months = Math.ceil(t.months / (12 / perYear)) * (12 / perYear);
        const input: TermsInput = {
          startDate: t.start,
          endDate: t.start + Math.round(months * 30.4) - 1,
          payment: t.ramp
            ? [
                { effectiveDate: t.start, amount: 1_000_000 },
                { effectiveDate: t.start + 1_500, amount: 3_000_000.37 },
                { effectiveDate: t.start + 9_000, amount: 0 },
              ]
            : 150_000_000,
          frequency: frequency as never,
          escalation: t.escalation,
          timing: t.timing as never,
        };
        let m;
        try {
          m = measureLease({ terms: validateTerms(input), annualRate: t.rate, terminationPayment: t.fee });
        } catch (error) {
          // Refused only as too large (10^18 or more, at a strongly negative rate): nothing to run off.
          return error instanceof DealError && error.kind === "num" && /too large/.test(error.message);
        }
        const acc = leaseAccounting(m);
        expectExact(acc, perYear);
        return true;
      }),
      { numRuns: 40 },
    );
  });
});

describe("the spilled columns in whole cents (LEASE_ACCOUNTING's fast path) equal the decimal rows", () => {
  it("takes the fast path on the seed and on 30 years with 3% escalation (else the speed claim is empty), with the same figures", () => {
    for (const endDate of [serialOf("2029-12-31"), serialOf("2056-06-30")]) {
      const m = measureLease({ terms: validateTerms({ startDate: serialOf("2026-07-01"), endDate, payment: 150_000_000, escalation: "0.03" }), annualRate: "0.08" });
      for (const standard of ["ifrs16", "asc842-operating"] as const) {
        const fast = fastColumns(m, standard);
        expect(fast).not.toBeNull();
        expect(fast).toEqual(decimalColumns(m, standard));
      }
    }
  });

  it("property: wherever it answers, every figure equals the rows' to the cent (ordinary and extreme terms, all bases)", () => {
    let answered = 0;
    fc.assert(
      fc.property(
        fc.record({
          start: fc.integer({ min: serialOf("2000-01-01"), max: serialOf("2060-12-31") }),
          days: fc.oneof(fc.integer({ min: 0, max: 4_000 }), fc.integer({ min: 0, max: 36_500 })),
          payment: fc.integer({ min: 1, max: 500_000_000_000 }).map((cents) => new Decimal(cents).dividedBy(100)),
          frequency: fc.constantFrom("monthly", "quarterly", "annual"),
          escalation: fc.constantFrom("0", "0.03", "-0.02", "0.25"),
          timing: fc.constantFrom("advance", "arrears"),
          proration: fc.constantFrom("full", "actual"),
          rate: fc.oneof(fc.integer({ min: -500, max: 3000 }).map((bp) => bp / 10_000), fc.constantFrom(10, 0.5, -0.5)),
          basis: fc.constantFrom("periodic", "effective", "actual/365"),
          idc: fc.constantFrom(0, 1_000_000, 0.5),
          fee: fc.constantFrom(0, 0, 12_345.67),
          standard: fc.constantFrom<LesseeStandard>("ifrs16", "asc842-finance", "asc842-operating"),
        }),
        (t) => {
          let m;
          try {
            m = measureLease({
              terms: validateTerms({ startDate: t.start, endDate: t.start + t.days, payment: t.payment, frequency: t.frequency as never, escalation: t.escalation, timing: t.timing as never, proration: t.proration as never }),
              annualRate: t.rate,
              rateBasis: t.basis as never,
              initialDirectCosts: t.idc,
              terminationPayment: t.fee,
            });
          } catch (error) {
            return error instanceof DealError && error.kind === "num" && /too large/.test(error.message);
          }
          const fast = fastColumns(m, t.standard);
          if (fast === null) return true;
          answered++;
          expect(fast).toEqual(decimalColumns(m, t.standard));
          return true;
        },
      ),
      { numRuns: 150 },
    );
    expect(answered).toBeGreaterThan(75); // most ordinary terms take the fast path
  });
});
