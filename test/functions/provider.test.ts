/**
 * The DEAL provider functions as Excel calls them: raw cell values in, numbers, spills or a
 * CustomFunctions.Error out. Golden figures worked by hand here and in test/core/provider.test.ts
 * (where the ASC 606 / ASC 842 sources are cited).
 */
import * as P from "../../src/functions/provider";
import * as V from "../../src/functions/value";
import { serialOf } from "../support/dates";
import { excelError } from "../support/excelError";

const START = serialOf("2026-07-01");
const END = serialOf("2029-12-31");
const PAY = [[150_000_000]];
const BEFORE = serialOf("2026-06-30");

describe("RPO", () => {
  it("issue 16: the seed with a 1e9 fee — 900,000,000 unless the fee is substantive, then 6,300,000,000; COMMITTED_VALUE adds the fee", () => {
    // Not substantive: Jul–Dec 2026 to the earliest exit 2026-12-30 = 6 × 150e6. Substantive: 42 × 150e6.
    expect(P.rpo(START, END, PAY, 3, 90, BEFORE, null, null, null, null, null, 1e9)).toBe(900_000_000);
    expect(P.rpo(START, END, PAY, 3, 90, BEFORE, null, null, null, null, null, 1e9, true)).toBe(6_300_000_000);
    expect(P.rpo(START, END, PAY, 3, 90, BEFORE, null, null, null, null, null, 1e9, "TRUE")).toBe(6_300_000_000);
    // The tenant's cheapest way out is a different figure: service to the exit plus the fee.
    expect(V.committedValueOf(START, END, PAY, 3, 90, BEFORE, null, null, null, null, null, 1e9)).toBe(1_900_000_000);
  });

  it("at the close of the start day July 1 is rendered: 150e6 × 30/31 = 145,161,290.32 of July remains", () => {
    expect(P.rpo(START, END, PAY, 3, 90, START, null, null, null, null, null, 1e9)).toBe(895_161_290.32);
    expect(P.rpo(START, END, PAY, 3, 90, "2026-12-31")).toBe(450_000_000);
  });

  it("refuses a substantive judgement without a fee, and a judgement that is not TRUE or FALSE", () => {
    expect(excelError(() => P.rpo(START, END, PAY, 3, 90, BEFORE, null, null, null, null, null, 0, true)).code).toBe("#VALUE!");
    expect(excelError(() => P.rpo(START, END, PAY, 3, 90, BEFORE, null, null, null, null, null, 1e9, "perhaps")).code).toBe("#VALUE!");
    expect(excelError(() => P.rpo(START, END, PAY, 3, 90, null)).code).toBe("#VALUE!");
  });
});

describe("RPO_TIMING", () => {
  it("spills the bands, the total and the 606-10-50-14(a) flag", () => {
    expect(P.rpoTimingTable(START, END, PAY, 3, 90, BEFORE, null, null, null, null, null, 1e9, true)).toEqual([
      ["Within 12 months", 1_800_000_000],
      ["13–24 months", 1_800_000_000],
      ["25–36 months", 1_800_000_000],
      ["Thereafter", 900_000_000],
      ["Total", 6_300_000_000],
      [P.RPO_EXPEDIENT_LABEL, false],
    ]);
    const short = P.rpoTimingTable(START, END, PAY, 3, 90, BEFORE);
    expect(short[0]).toEqual(["Within 12 months", 900_000_000]);
    expect(short[5]).toEqual([P.RPO_EXPEDIENT_LABEL, true]);
  });
});

describe("LESSOR_INCOME", () => {
  it("two free months then 120 a month: income 100 a month, accrued rent builds to 200 and unwinds to 0", () => {
    // 2026-01-01 … 2026-12-31, ramp 0 from 2026-01-01, 120 from 2026-03-01: total 10 × 120 = 1,200 over
    // 12 periods = 100 a month. Accrued rent: Jan 100, Feb 200, then −20 a month: Mar 180 … Dec 0.
    const rows = P.lessorIncome(serialOf("2026-01-01"), serialOf("2026-12-31"), [[serialOf("2026-01-01"), 0], [serialOf("2026-03-01"), 120]]);
    expect(rows[0]).toEqual(["Period", "Date", "Payment received", "Income", "Accrued rent", "Deferred rent"]);
    expect(rows.slice(1).map((r) => r[3])).toEqual(Array(12).fill(100));
    expect(rows.slice(1).map((r) => r[4])).toEqual([100, 200, 180, 160, 140, 120, 100, 80, 60, 40, 20, 0]);
    expect(rows.slice(1).map((r) => r[5])).toEqual(Array(12).fill(0));
    expect(rows[1][1]).toBe(serialOf("2026-01-31"));
    expect(rows[3][2]).toBe(120);
  });

  it("a payment front-loaded by a falling ramp shows deferred rent; a termination payment is spread as income", () => {
    // 2026-01-01 … 2026-04-30: 160 for two months then 40: total 400, income 100 a month.
    // Deferred rent: Jan 60, Feb 120, Mar 60, Apr 0.
    const rows = P.lessorIncome(serialOf("2026-01-01"), serialOf("2026-04-30"), [[serialOf("2026-01-01"), 160], [serialOf("2026-03-01"), 40]]);
    expect(rows.slice(1).map((r) => r[5])).toEqual([60, 120, 60, 0]);
    expect(rows.slice(1).map((r) => r[4])).toEqual([0, 0, 0, 0]);
    // Seed lease term (six months) with a 60,000,000 termination payment on 2026-12-30: income
    // (900,000,000 + 60,000,000) ÷ 6 = 160,000,000 a month; received 150e6 a month, the fee in the last.
    const seed = P.lessorIncome(START, serialOf("2026-12-29"), PAY, null, null, null, null, 60_000_000);
    expect(seed.slice(1).map((r) => r[3])).toEqual(Array(6).fill(160_000_000));
    expect(seed.slice(1).map((r) => r[4])).toEqual([10e6, 20e6, 30e6, 40e6, 50e6, 0]);
    expect(seed[6][2]).toBe(210_000_000);
  });
});

describe("LESSOR_MATURITY", () => {
  it("the seed's lease term at commencement: 750,000,000 in year 1", () => {
    const table = P.lessorMaturityTable(START, serialOf("2026-12-29"), PAY);
    expect(table[0]).toEqual(["Year 1 (2026-07-02 to 2027-07-01)", 750_000_000]);
    expect(table.slice(1, 6).map((r) => r[1])).toEqual([0, 0, 0, 0, 0]);
    expect(table[6]).toEqual(["Total undiscounted lease payments to be received", 750_000_000]);
  });

  it("the full term with 3% escalation at the close of 2026-12-31 (worked in test/core/provider.test.ts)", () => {
    const table = P.lessorMaturityTable(START, END, PAY, null, 0.03, null, null, null, "2026-12-31");
    expect(table.slice(0, 3).map((r) => r[1])).toEqual([1_827_000_000, 1_881_810_000, 1_938_264_300]);
    expect(table[6][1]).toBe(5_647_074_300);
    expect(excelError(() => P.lessorMaturityTable(START, END, PAY, null, null, null, null, null, "2026-06-30")).code).toBe("#NUM!");
  });
});
