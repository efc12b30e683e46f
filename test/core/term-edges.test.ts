/**
 * The edges of a deal's terms: the run-rate is 0 after the end; one term limit (1,200 months) for
 * every frequency; an end date whose exit Excel cannot show is refused; sub-cent payments are refused.
 * Golden figures are hand calculations (working in the comments) or the contract.
 */
import {
  annualRunRate,
  buildSchedule,
  DealError,
  exitDate,
  validateRunRate,
  validateTerms,
} from "../../src/core";
import { serialOf } from "../support/dates";

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof DealError ? `${error.kind}: ${error.message}` : `other: ${String(error)}`;
  }
  return "no error";
}

describe("RUN_RATE after the end of the term", () => {
  const end = serialOf("2029-12-31");

  it("is 0 the day after the end even without a start date (README: 0 after the end)", () => {
    // RUN_RATE(150000000, , , 2030-01-01, , 2029-12-31)
    const q = validateRunRate({ payment: 150_000_000, asOf: serialOf("2030-01-01"), endDate: end });
    expect(annualRunRate(q).toString()).toBe("0");
  });

  it("is 150,000,000 × 12 = 1,800,000,000 on the last day, without a start date", () => {
    const q = validateRunRate({ payment: 150_000_000, asOf: end, endDate: end });
    expect(annualRunRate(q).toString()).toBe("1800000000");
  });

  it("quarterly 450,000,000 × 4 = 1,800,000,000 without an as-of date, 0 after the end", () => {
    expect(annualRunRate(validateRunRate({ payment: 450_000_000, frequency: "quarterly", endDate: end })).toString()).toBe(
      "1800000000",
    );
    const after = validateRunRate({ payment: 450_000_000, frequency: "quarterly", asOf: end + 1, endDate: end });
    expect(annualRunRate(after).toString()).toBe("0");
  });

  it("agrees with the one-step ramp, which already gives 0 after the end", () => {
    const ramp = [{ effectiveDate: serialOf("2026-07-01"), amount: 150_000_000 }];
    const q = validateRunRate({ payment: ramp, asOf: serialOf("2030-01-01"), endDate: end });
    expect(annualRunRate(q).toString()).toBe("0");
  });
});

describe("the term limit: at most 1,200 months (100 years), whatever the frequency", () => {
  const start = serialOf("2026-07-01");
  // EDATE(2026-07-01, 1200) = 2126-07-01: the 1,200 months run 2026-07-01 … 2126-06-30.
  const lastAllowedEnd = serialOf("2126-06-30");

  it.each(["monthly", "quarterly", "semiannual", "annual"] as const)("%s: 2126-06-30 is accepted, 2126-07-01 refused", (frequency) => {
    expect(failure(() => validateTerms({ startDate: start, endDate: lastAllowedEnd, payment: 1, frequency }))).toBe("no error");
    expect(failure(() => validateTerms({ startDate: start, endDate: lastAllowedEnd + 1, payment: 1, frequency }))).toMatch(
      /^num: .*1,200 months \(100 years\)/,
    );
  });

  it("a quarterly term over 101 years (404 quarters) is refused, as EXIT_DATE refuses it", () => {
    const terms = { startDate: start, endDate: serialOf("2127-06-30"), payment: 1 };
    expect(failure(() => validateTerms({ ...terms, frequency: "quarterly" }))).toMatch(/^num: /);
    expect(failure(() => validateTerms(terms))).toMatch(/^num: /);
  });

  it("1,200 monthly periods: 1,200 rows, the last 2126-06-01 … 2126-06-30", () => {
    const schedule = buildSchedule(validateTerms({ startDate: start, endDate: lastAllowedEnd, payment: 1 }));
    expect(schedule).toHaveLength(1200);
    expect(schedule[1199].start).toBe(serialOf("2126-06-01"));
    expect(schedule[1199].end).toBe(lastAllowedEnd);
  });
});

describe("an end date of 9999-12-31 is refused: the exit date (end + 1) must exist in Excel's calendar", () => {
  const max1900 = 2958465; // 9999-12-31 in the 1900 system
  const max1904 = max1900 - 1462;

  it("1900 system: 9999-12-30 is the last end date accepted; its natural exit is 9999-12-31 = 2958465", () => {
    // Locked in to the last day: no early exit, so the exit is the day after the end.
    const terms = validateTerms({ startDate: serialOf("9990-01-01"), endDate: max1900 - 1, payment: 1, lockInLastDay: max1900 - 1 });
    expect(exitDate(terms)).toBe(max1900);
    expect(failure(() => validateTerms({ startDate: serialOf("9990-01-01"), endDate: max1900, payment: 1 }))).toMatch(
      /^num: .*day after the end date/,
    );
  });

  it("1904 system: the same day is refused", () => {
    expect(
      failure(() => validateTerms({ dateSystem: "1904", startDate: max1904 - 100, endDate: max1904, payment: 1 })),
    ).toMatch(/^num: .*day after the end date/);
    expect(failure(() => validateTerms({ dateSystem: "1904", startDate: max1904 - 100, endDate: max1904 - 1, payment: 1 }))).toBe(
      "no error",
    );
  });
});

describe("payments below half a cent are refused: they would round to 0 and sum to 0", () => {
  const dates = { startDate: serialOf("2026-07-01"), endDate: serialOf("2026-12-31") };

  it("a fixed payment of 0.004 is refused with a plain message; 0.005 rounds to 0.01 and is accepted", () => {
    expect(failure(() => validateTerms({ ...dates, payment: 0.004 }))).toMatch(/^num: .*half a cent/);
    expect(failure(() => validateTerms({ ...dates, payment: "0.00499" }))).toMatch(/^num: .*half a cent/);
    // 6 months × ROUND(0.005, 2) = 6 × 0.01 = 0.06
    const schedule = buildSchedule(validateTerms({ ...dates, payment: 0.005 }));
    expect(schedule[5].cumulative.toString()).toBe("0.06");
  });

  it("a ramp step of 0.001 is refused; a step of 0 stays allowed", () => {
    const ramp = (amount: number) => [
      { effectiveDate: dates.startDate, amount: 100 },
      { effectiveDate: serialOf("2026-10-01"), amount },
    ];
    expect(failure(() => validateTerms({ ...dates, payment: ramp(0.001) }))).toMatch(/^num: Ramp row 2: .*half a cent/);
    // 3 × 100 + 3 × 0 = 300
    expect(buildSchedule(validateTerms({ ...dates, payment: ramp(0) }))[5].cumulative.toString()).toBe("300");
  });
});
