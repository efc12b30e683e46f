/**
 * Contract options, each against a hand calculation written out in the test.
 */
import * as formulajs from "@formulajs/formulajs";
import fc from "fast-check";
import {
  annualRunRate,
  buildSchedule,
  Decimal,
  DealError,
  exitOutcome,
  formatIsoDate,
  gpuHourRate,
  presentValue,
  totalValue,
  validateRunRate,
  validateTerms,
} from "../../src/core";
import { serialOf } from "../support/dates";
import { SEED } from "../support/seed";

function kindOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof DealError ? `${error.kind}: ${error.message}` : `other: ${String(error)}`;
  }
  return "no error";
}

describe("escalation on each anniversary", () => {
  it("100 a month for three years at 3%: 12 × (100 + 103 + 106.09) = 3,709.08", () => {
    const terms = validateTerms({ startDate: serialOf("2026-07-01"), endDate: serialOf("2029-06-30"), payment: 100, escalation: 0.03 });
    const schedule = buildSchedule(terms);
    expect(schedule[11].payment.toString()).toBe("100");
    expect(schedule[12].payment.toString()).toBe("103");
    expect(schedule[24].payment.toString()).toBe("106.09");
    expect(totalValue(schedule).toString()).toBe("3709.08");
  });

  it("rounds each escalated payment to the cent: 1,000.01 at 3.5% in year 3 = 1,071.2357… → 1,071.24", () => {
    const terms = validateTerms({ startDate: serialOf("2026-01-01"), endDate: serialOf("2028-12-31"), payment: 1000.01, escalation: "0.035" });
    expect(buildSchedule(terms)[24].payment.toString()).toBe("1071.24");
  });
});

describe("quarterly, semi-annual and annual frequencies", () => {
  it("the seed as 450,000,000 a quarter: 14 quarters, same 6.3B total, run-rate 1.8B", () => {
    const terms = validateTerms({ ...SEED, payment: 450_000_000, frequency: "quarterly" });
    const schedule = buildSchedule(terms);
    expect(schedule).toHaveLength(14);
    expect(schedule.map((p) => formatIsoDate(p.start)).slice(0, 3)).toEqual(["2026-07-01", "2026-10-01", "2027-01-01"]);
    expect(formatIsoDate(schedule[0].end)).toBe("2026-09-30");
    expect(totalValue(schedule).toString()).toBe("6300000000");
    expect(annualRunRate(validateRunRate({ payment: 450_000_000, frequency: "quarterly" })).toString()).toBe("1800000000");
  });

  it("semi-annual and annual period counts over 3.5 years: 7 and 4 (the last a stub)", () => {
    expect(buildSchedule(validateTerms({ ...SEED, frequency: "semiannual" }))).toHaveLength(7);
    const annual = buildSchedule(validateTerms({ ...SEED, frequency: "annual" }));
    expect(annual).toHaveLength(4);
    expect(formatIsoDate(annual[3].start)).toBe("2029-07-01");
    expect(formatIsoDate(annual[3].end)).toBe("2029-12-31");
  });
});

describe("ramp given as effective dates and amounts", () => {
  const ramp = [
    { effectiveDate: serialOf("2026-07-01"), amount: 50_000_000 },
    { effectiveDate: serialOf("2026-10-01"), amount: 100_000_000 },
    { effectiveDate: serialOf("2027-01-01"), amount: 150_000_000 },
  ];

  it("3 × 50M + 3 × 100M + 6 × 150M = 1,350,000,000 over a year", () => {
    const terms = validateTerms({ startDate: serialOf("2026-07-01"), endDate: serialOf("2027-06-30"), payment: ramp });
    expect(totalValue(buildSchedule(terms)).toString()).toBe("1350000000");
  });

  it("a step dated mid-period applies from the next period", () => {
    const midMonth = [ramp[0], { effectiveDate: serialOf("2026-08-15"), amount: 80 }];
    const schedule = buildSchedule(validateTerms({ startDate: serialOf("2026-07-01"), endDate: serialOf("2026-09-30"), payment: midMonth }));
    expect(schedule.map((p) => p.payment.toNumber())).toEqual([50_000_000, 50_000_000, 80]);
  });

  it("run-rate in force on 2026-11-15 is 100M × 12 = 1.2B; after the end it is 0", () => {
    const question = { payment: ramp, startDate: serialOf("2026-07-01"), endDate: serialOf("2027-06-30") };
    expect(annualRunRate(validateRunRate({ ...question, asOf: serialOf("2026-11-15") })).toString()).toBe("1200000000");
    expect(annualRunRate(validateRunRate({ ...question, asOf: serialOf("2027-07-01") })).toString()).toBe("0");
  });

  it("rejects a ramp that starts after the contract, or dates out of order", () => {
    expect(kindOf(() => validateTerms({ ...SEED, payment: ramp.slice(1) }))).toMatch(/^value: The ramp's first date 2026-10-01/);
    expect(kindOf(() => validateTerms({ ...SEED, payment: [ramp[0], ramp[2], ramp[1]] }))).toMatch(/^value: Ramp dates must be in ascending order/);
  });
});

describe("escalation with run-rate", () => {
  it("3% escalation: 1.8B until 2027-06-30, 1.854B from the anniversary 2027-07-01", () => {
    const q = { payment: 150_000_000, escalation: 0.03, startDate: serialOf("2026-07-01") };
    expect(annualRunRate(validateRunRate({ ...q, asOf: serialOf("2027-06-30") })).toString()).toBe("1800000000");
    expect(annualRunRate(validateRunRate({ ...q, asOf: serialOf("2027-07-01") })).toString()).toBe("1854000000");
  });
});

describe("final stub period", () => {
  const stub = { startDate: serialOf("2026-07-01"), endDate: serialOf("2026-08-15"), payment: 100 };
  it("is owed in full by default: 200", () => {
    expect(totalValue(buildSchedule(validateTerms(stub))).toString()).toBe("200");
  });
  it("is prorated by actual days on request: 100 + 100 × 15/31 = 148.39", () => {
    expect(totalValue(buildSchedule(validateTerms({ ...stub, proration: "actual" }))).toString()).toBe("148.39");
  });
});

describe("termination options", () => {
  it("a termination fee of 50M is added on an early exit: 950,000,000", () => {
    expect(exitOutcome(validateTerms({ ...SEED, terminationFee: 50_000_000 })).value.toString()).toBe("950000000");
  });

  it("notice served 2027-03-15 takes effect 2027-06-13: 1.8B in full, 1.71B by days (12/30 of June)", () => {
    const terms = { ...SEED, noticeDate: serialOf("2027-03-15") };
    const full = exitOutcome(validateTerms(terms));
    expect(formatIsoDate(full.exitDate)).toBe("2027-06-13");
    expect(full.value.toString()).toBe("1800000000");
    expect(exitOutcome(validateTerms({ ...terms, proration: "actual" })).value.toString()).toBe("1710000000");
  });

  it("notice during the lock-in on 2026-08-01 takes effect 2026-10-30: 4 months, 600M", () => {
    const exit = exitOutcome(validateTerms({ ...SEED, noticeDuringLockIn: true, noticeDate: serialOf("2026-08-01") }));
    expect(formatIsoDate(exit.exitDate)).toBe("2026-10-30");
    expect(exit.value.toString()).toBe("600000000");
  });

  it("a lock-in ending on a fixed date (last day 2026-12-31): notice 2027-01-01, effective 2027-04-01", () => {
    const exit = exitOutcome(validateTerms({ ...SEED, lockInMonths: 0, lockInLastDay: serialOf("2026-12-31") }));
    expect(formatIsoDate(exit.noticeDate)).toBe("2027-01-01");
    expect(formatIsoDate(exit.exitDate)).toBe("2027-04-01");
    expect(exit.value.toString()).toBe(String(9 * 150_000_000));
  });

  it("a lock-in longer than the term: no early exit, the contract expires, no fee", () => {
    const exit = exitOutcome(validateTerms({ ...SEED, lockInMonths: 48, terminationFee: 1 }));
    expect(exit.early).toBe(false);
    expect(formatIsoDate(exit.exitDate)).toBe("2030-01-01");
    expect(exit.value.toString()).toBe("6300000000");
  });

  it("refuses a notice date before the earliest permitted one, naming both dates", () => {
    expect(kindOf(() => validateTerms({ ...SEED, noticeDate: serialOf("2026-09-30") }))).toBe(
      "value: Notice served on 2026-09-30 is too early: the earliest permitted notice date is 2026-10-01.",
    );
  });
});

describe("validation", () => {
  it("classifies impossible values as #NUM! and malformed ones as #VALUE!", () => {
    expect(kindOf(() => validateTerms({ ...SEED, endDate: serialOf("2026-06-30") }))).toMatch(/^num: The end date 2026-06-30 is before the start date 2026-07-01/);
    expect(kindOf(() => validateTerms({ ...SEED, payment: 0 }))).toMatch(/^num:/);
    expect(kindOf(() => validateTerms({ ...SEED, payment: -5 }))).toMatch(/^num:/);
    expect(kindOf(() => validateTerms({ ...SEED, payment: "lots" }))).toMatch(/^value: payment must be a number/);
    expect(kindOf(() => validateTerms({ ...SEED, endDate: serialOf("2130-07-01") }))).toMatch(/^num: The term from 2026-07-01 to 2130-07-01 is longer than 1,200 months \(100 years\)/);
    expect(kindOf(() => validateTerms({ ...SEED, endDate: serialOf("2126-06-30") }))).toBe("no error"); // exactly 1,200
    expect(kindOf(() => validateTerms({ ...SEED, lockInMonths: 2.5 }))).toMatch(/^value: lock_in_months must be a whole number/);
    expect(kindOf(() => validateTerms({ ...SEED, escalation: -1 }))).toMatch(/^num:/);
    expect(kindOf(() => validateTerms({ ...SEED, startDate: Number.NaN }))).toMatch(/^value: start_date must be a date/);
    expect(kindOf(() => validateTerms({ ...SEED, payment: 1e15 }))).toMatch(/^num:/);
  });

  it("drops a time of day from a date, as EDATE does", () => {
    expect(validateTerms({ ...SEED, startDate: serialOf("2026-07-01") + 0.75 }).startDate).toBe(46204);
  });
});

describe("present value against formulajs XNPV (an independent implementation)", () => {
  it("agrees to a millionth of a unit on random schedules", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: serialOf("2000-01-01"), max: serialOf("2060-01-01") }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.double({ min: -0.5, max: 1, noNaN: true }),
        fc.constantFrom("advance", "arrears") as fc.Arbitrary<"advance" | "arrears">,
        (start, days, payment, rate, timing) => {
          const terms = validateTerms({ startDate: start, endDate: start + days * 7, payment, timing });
          const schedule = buildSchedule(terms);
          const flows = [0, ...schedule.map((p) => p.payment.toNumber())];
          const dates = [start, ...schedule.map((p) => p.paymentDate)];
          const expected = formulajs.XNPV(rate, flows, dates) as number;
          const actual = presentValue(terms, new Decimal(rate), schedule).toNumber();
          expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)) + 1e-6);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("implied $/GPU-hour", () => {
  it("150M a month over 100,000 GPUs × 730 h = 2.0547945…; quarterly 450M gives the same", () => {
    expect(gpuHourRate(150_000_000, 100_000, "monthly").toFixed(6)).toBe("2.054795");
    expect(gpuHourRate(450_000_000, 100_000, "quarterly").toFixed(6)).toBe("2.054795");
    expect(gpuHourRate(150_000_000, 100_000, "monthly", 720).toFixed(6)).toBe("2.083333");
  });
});

describe("present value at extreme rates", () => {
  it("refuses a rate at or below -100%, and one whose discount factors overflow", () => {
    const long = validateTerms({ ...SEED, endDate: serialOf("2100-12-31") });
    expect(kindOf(() => presentValue(long, new Decimal(-1)))).toMatch(/^num: The discount rate must be above -100%/);
    expect(kindOf(() => presentValue(long, new Decimal("-0.9999999")))).toMatch(/^num: The present value is too large/);
  });
});
