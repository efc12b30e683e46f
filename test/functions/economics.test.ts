/**
 * The DEAL provider and lender functions as Excel calls them: raw cell values in, a number, a spilled
 * range or a CustomFunctions.Error out. Golden figures worked by hand here and in test/core/provider.test.ts.
 */
import * as E from "../../src/functions/economics";
import { excelError } from "../support/excelError";
import { serialOf } from "../support/dates";

describe("CAPACITY", () => {
  it("spills the capacity behind 150,000,000 a month at $5.00 a GPU-hour (the issue's golden figures)", () => {
    // 150,000,000 ÷ (730 × 5.00) = 41,095.89 GPUs; ÷ 72 = 570.78 racks; × 135 kW = 77,054.79 kW; × 1.2 = 92,465.75 kW;
    // × 730 h ÷ 1,000 = 67,500 MWh a month.
    const rows = E.capacityOf(150_000_000, "$5.00/h", 72, 135, 1.2);
    expect(rows.map((r) => r[0])).toEqual([...E.CAPACITY_LABELS]);
    const figure = (label: string) => rows.find((r) => r[0] === label)![1] as number;
    expect(figure("GPUs")).toBeCloseTo(41_095.89, 2);
    expect(figure("Racks")).toBeCloseTo(570.78, 2);
    expect(figure("Price per GPU-hour")).toBe(5);
    expect(figure("Energy a month (MWh)")).toBeCloseTo(67_500, 6);
    // The same price written other ways; a quarterly 450,000,000 is the same capacity.
    expect(E.capacityOf(150_000_000, "5 per GPU-hour")[1][1]).toBeCloseTo(41_095.89, 2);
    expect(E.capacityOf(150_000_000, "USD 5.00/GPU-h")[1][1]).toBeCloseTo(41_095.89, 2);
    expect(E.capacityOf(450_000_000, "$5/hr", null, null, null, "quarterly")[1][1]).toBeCloseTo(41_095.89, 2);
  });

  it("reads a number as GPUs, leaves figures without their assumption not given, and refuses what it cannot read", () => {
    // 150,000,000 ÷ 100,000 ÷ 730 = 2.0548 a GPU-hour (GPU_HOUR_RATE's figure).
    const rows = E.capacityOf(150_000_000, 100_000);
    expect(rows[2][1]).toBeCloseTo(2.054795, 6);
    expect(rows.slice(3).map((r) => r[1])).toEqual(Array(6).fill("not given"));
    expect(excelError(() => E.capacityOf(150_000_000, "five dollars")).message).toMatch(/neither a GPU count nor a price/);
    expect(excelError(() => E.capacityOf(150_000_000, 41_095.5)).message).toMatch(/whole number/);
    expect(excelError(() => E.capacityOf(150_000_000, "$0/h")).code).toBe("#NUM!");
  });
});

describe("DEBT_CAPACITY", () => {
  const monthEnds = (n: number) => Array.from({ length: n }, (_, k) => {
    const d = new Date(Date.UTC(2026, 7 + k, 0)); // the last day of July 2026 + k months
    return [serialOf(d.toISOString().slice(0, 10))];
  });
  const cfads = (n: number) => Array.from({ length: n }, () => [97_500_000]);

  it("sizes 6 and 42 months of 97,500,000 at DSCR 1.30 and 10% (the issue's golden figures, worked in test/core/provider.test.ts)", () => {
    // 75,000,000 × (1 − 1.0083333^−6) ÷ 0.0083333 = 437,161,287.69; over 42 months 2,648,602,552.79.
    expect(E.debtCapacityOf(cfads(6), monthEnds(6), 1.3, "10%")).toEqual([
      ["Debt capacity", 437_161_287.69],
      ["Sculpted at the target DSCR", 437_161_287.69],
      ["Loan-to-value limit", "not given"],
      ["Binding constraint", "DSCR: the cash flow limits the loan"],
    ]);
    expect(E.debtCapacityOf(cfads(42), monthEnds(42), 1.3, 0.1)[0][1]).toBe(2_648_602_552.79);
    // 70% of 500,000,000 = 350,000,000 binds.
    expect(E.debtCapacityOf(cfads(6), monthEnds(6), 1.3, 0.1, 0.7, 500_000_000)[0]).toEqual(["Debt capacity", 350_000_000]);
    expect(E.debtCapacityOf(cfads(6), monthEnds(6), 1.3, 0.1, 0.7, 500_000_000)[3][1]).toBe("LTV: the collateral limits the loan");
    // Trailing blank rows in both ranges are skipped.
    expect(E.debtCapacityOf([...cfads(6), [null]], [...monthEnds(6), [null]], 1.3, 0.1)[0][1]).toBe(437_161_287.69);
  });

  it("refuses a missing DSCR, a rate without its percent sign, and ranges of different sizes", () => {
    expect(excelError(() => E.debtCapacityOf(cfads(6), monthEnds(6), null, 0.1)).message).toMatch(/dscr is missing/);
    expect(excelError(() => E.debtCapacityOf(cfads(6), monthEnds(6), 1.3, 10)).message).toMatch(/annual_rate 10 is ambiguous/);
    expect(excelError(() => E.debtCapacityOf(cfads(6), monthEnds(5), 1.3, 0.1)).message).toMatch(/same size/);
  });
});

describe("PROVIDER_IRR and PAYBACK_MONTHS", () => {
  // The small case of test/core/provider.test.ts, its assumptions as a range of names and values (as the
  // model sheet's Inputs block gives them: labels or defined names, a note column beside).
  const assumptions = [
    ["Input", "Value", "Note"],
    ["GpuCount", 10, ""],
    ["Capex per GPU (all-in)", "$60,000", "assumed"],
    ["gpus_per_rack", 10, ""],
    ["KwPerRack", 10, ""],
    ["Pue", 1, ""],
    ["PowerPricePerMwh", 100, ""],
    ["PowerEscalation", 0, ""],
    ["OpexShareOfCapex", "2%", ""],
    ["UsefulLifeYears", 3, ""],
    ["ResidualValueShare", "10%", ""],
    ["ReleaseDowntimeMonths", 2, ""],
    ["Utilisation", "80%", ""],
    ["RenewalProbability", "50%", ""],
    ["MarketRatePerGpuHour", 2.5, ""],
    ["Discount rate", "8%", "another input: ignored"],
  ];
  const [start, end] = [serialOf("2026-07-01"), serialOf("2027-06-30")];

  it("gives the signed case's payback month and IRR worked by hand in the core's test", () => {
    // Payback: −600,000 + 12 × 28,270 + 2 × 13,635 = −233,490, then 20,643 a month: 12 more months → month 26.
    expect(E.paybackMonthsOf(start, end, [[30_000]], 6, 30, assumptions)).toBe(26);
    // The IRR of −600,000, 12 × 28,270, 2 × 13,635, 22 × 20,643 monthly from 2026-07-01 and 60,000 on 2029-06-30:
    // their XNPV (Σ v ÷ 1.r^(days/365), computed apart with Python's datetime) is +17,650.85 at 30% and
    // −10,188.77 at 35%, and zero (to 1e-6) at 33.105947%.
    const irr = E.providerIrrOf(start, end, [[30_000]], 6, 30, assumptions);
    expect(irr).toBeCloseTo(0.33105947, 8);
    // Committed (7 months, then re-let) earns less; expected lies between.
    const committed = E.providerIrrOf(start, end, [[30_000]], 6, 30, assumptions, "committed");
    const expected = E.providerIrrOf(start, end, [[30_000]], 6, 30, assumptions, "Expected", "30%");
    expect(committed).toBeLessThan(irr);
    expect(expected).toBeGreaterThan(committed);
    expect(expected).toBeLessThan(irr);
  });

  it("reads the value bridge's SLA credit share and the contract price per GPU-hour from the range", () => {
    // 10% credits: 3,000 off each of the 12 contract months (28,270 → 25,270): payback −600,000 + 12 × 25,270
    // + 2 × 13,635 = −269,490; ÷ 20,643 = 13.05 → 14 more months: month 28.
    const withCredits = [...assumptions, ["SlaCreditShare", "10%", "the value bridge's"]];
    expect(E.paybackMonthsOf(start, end, [[30_000]], 6, 30, withCredits)).toBe(28);
    expect(E.providerIrrOf(start, end, [[30_000]], 6, 30, withCredits)).toBeLessThan(0.33105947);
    expect(excelError(() => E.providerIrrOf(start, end, [[30_000]], 6, 30, [...withCredits, ["SlaCreditShare", 0, ""]])).message).toMatch(/given twice/);
    // No GPU count, a price: 30,000 ÷ (730 × 4.1095890…) = 10 GPUs; the same IRR as 10 GPUs counted.
    const byPrice = [...assumptions.filter(([name]) => name !== "GpuCount"), ["ContractPricePerGpuHour", 30_000 / 7_300, ""]];
    expect(E.providerIrrOf(start, end, [[30_000]], 6, 30, byPrice)).toBeCloseTo(0.33105947, 8);
  });

  it("says which assumption is not given, and refuses names it does not know", () => {
    const blanked = assumptions.map((row) => (row[0] === "PowerPricePerMwh" ? [row[0], null, ""] : row));
    const error = excelError(() => E.providerIrrOf(start, end, [[30_000]], 6, 30, blanked));
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/Not given: power_price_per_mwh/);
    expect(excelError(() => E.providerIrrOf(start, end, [[30_000]], 6, 30, [...assumptions, ["Cost of sales", 1, ""]])).message).toMatch(/row 17: "Cost of sales" names no input/);
    expect(excelError(() => E.providerIrrOf(start, end, [[30_000]], 6, 30, assumptions, "expected")).message).toMatch(/Not given: annual_exit_probability/);
    expect(excelError(() => E.providerIrrOf(start, end, [[30_000]], 6, 30, assumptions, "best")).message).toMatch(/view must be/);
  });
});
