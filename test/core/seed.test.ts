/**
 * The seed deal's golden figures, hand-computed with exact decimals (see the foundation issue).
 */
import {
  buildSchedule,
  Decimal,
  earliestNoticeDate,
  exitOutcome,
  formatIsoDate,
  presentValue,
  totalValue,
  validateTerms,
  annualRunRate,
  validateRunRate,
} from "../../src/core";
import { serialOf } from "../support/dates";
import { SEED } from "../support/seed";

const seed = validateTerms(SEED);

describe("seed deal: Reflection AI pays SpaceX 150,000,000 a month, 2026-07-01 to 2029-12-31", () => {
  const schedule = buildSchedule(seed);

  it("has 42 monthly periods from 2026-07-01 (46204) to 2029-12-01 (47453)", () => {
    expect(schedule).toHaveLength(42);
    expect(schedule[0].start).toBe(46204);
    expect(schedule[41].start).toBe(47453);
    expect(schedule[41].end).toBe(serialOf("2029-12-31"));
    expect(schedule.every((p) => p.payment.eq(150_000_000))).toBe(true);
  });

  it("totals 6,300,000,000 with an annual run-rate of 1,800,000,000", () => {
    expect(totalValue(schedule).toString()).toBe("6300000000");
    expect(annualRunRate(validateRunRate({ payment: 150_000_000 })).toString()).toBe("1800000000");
  });

  it("ending 2029-06-30 instead: 36 payments, 5,400,000,000", () => {
    const shorter = buildSchedule(validateTerms({ ...SEED, endDate: serialOf("2029-06-30") }));
    expect(shorter).toHaveLength(36);
    expect(totalValue(shorter).toString()).toBe("5400000000");
  });

  it("earliest notice 2026-10-01, effective 2026-12-30, 900,000,000 committed when a begun period is owed in full", () => {
    expect(formatIsoDate(earliestNoticeDate(seed))).toBe("2026-10-01");
    const exit = exitOutcome(seed);
    expect(exit.exitDate).toBe(46386);
    expect(formatIsoDate(exit.exitDate - 1)).toBe("2026-12-29");
    expect(exit.value.toString()).toBe("900000000");
  });

  it("890,322,580.65 committed when December is prorated by actual days (29/31)", () => {
    const exit = exitOutcome(validateTerms({ ...SEED, proration: "actual" }));
    expect(exit.value.toFixed(2)).toBe("890322580.65");
  });

  it("notice during the lock-in: effective 2026-10-01, 450,000,000 committed", () => {
    const exit = exitOutcome(validateTerms({ ...SEED, noticeDuringLockIn: true }));
    expect(formatIsoDate(exit.exitDate)).toBe("2026-10-01");
    expect(exit.value.toString()).toBe("450000000");
  });

  it("present value at start, in advance, XNPV conventions: 8% and 12%", () => {
    expect(presentValue(seed, new Decimal("0.08")).toFixed(2)).toBe("5539137544.34");
    expect(presentValue(seed, new Decimal("0.12")).toFixed(2)).toBe("5223242691.40");
  });

  it("present value in arrears (paid on each period's last day) at 8%", () => {
    const arrears = validateTerms({ ...SEED, timing: "arrears" });
    expect(buildSchedule(arrears)[0].paymentDate).toBe(serialOf("2026-07-31"));
    expect(presentValue(arrears, new Decimal("0.08")).toFixed(2)).toBe("5504817556.62");
  });
});
