/**
 * The DEAL functions as Excel calls them: raw cell values in, numbers / arrays or a
 * CustomFunctions.Error out.
 */
import * as F from "../../src/functions/functions";
import { serialOf } from "../support/dates";
import { excelError } from "../support/excelError";

const START = serialOf("2026-07-01");
const END = serialOf("2029-12-31");
const PAY = [[150_000_000]];

describe("LEASE_SCHEDULE", () => {
  const rows = F.leaseSchedule(START, END, PAY);

  it("spills a header and 42 rows: period, start, end, payment date, payment, cumulative", () => {
    expect(rows[0]).toEqual(["Period", "Start", "End", "Payment date", "Payment", "Cumulative"]);
    expect(rows).toHaveLength(43);
    expect(rows[1]).toEqual([1, 46204, serialOf("2026-07-31"), 46204, 150_000_000, 150_000_000]);
    expect(rows[42]).toEqual([42, 47453, END, 47453, 150_000_000, 6_300_000_000]);
  });

  it("accepts a plain number, ISO text dates, and blank options as defaults", () => {
    expect(F.leaseSchedule("2026-07-01", "2029-12-31", 150_000_000 as never, null, null, "", 0)).toEqual(rows);
  });

  it("pays in arrears on each period's last day", () => {
    expect(F.leaseSchedule(START, END, PAY, null, null, "arrears")[1][3]).toBe(serialOf("2026-07-31"));
  });

  it("reads a two-column ramp range, ignoring blank rows", () => {
    const ramp = [
      [START, 50_000_000],
      [serialOf("2026-10-01"), 150_000_000],
      [null, null],
    ];
    const out = F.leaseSchedule(START, serialOf("2026-12-31"), ramp);
    expect(out.slice(1).map((r) => r[4])).toEqual([50e6, 50e6, 50e6, 150e6, 150e6, 150e6]);
  });
});

describe("the headline functions on the seed deal", () => {
  it("CONTRACT_VALUE: 6.3B; 5.4B to 2029-06-30; quarterly 450M gives 6.3B", () => {
    expect(F.contractValue(START, END, PAY)).toBe(6_300_000_000);
    expect(F.contractValue(START, serialOf("2029-06-30"), PAY)).toBe(5_400_000_000);
    expect(F.contractValue(START, END, [[450_000_000]], "quarterly")).toBe(6_300_000_000);
    expect(F.contractValue(START, END, [[450_000_000]], 4)).toBe(6_300_000_000);
  });

  it("RUN_RATE: 1.8B; 1.854B a year after the start with 3% escalation", () => {
    expect(F.runRate(PAY)).toBe(1_800_000_000);
    expect(F.runRate(PAY, "monthly", 0.03, serialOf("2027-07-01"), START, END)).toBe(1_854_000_000);
    expect(F.runRate(PAY, null, null, serialOf("2030-01-01"), START, END)).toBe(0);
  });

  it("EXIT_DATE and EXIT_VALUE under both readings of the termination clause", () => {
    expect(F.exitDateOf(START, END, 3, 90)).toBe(46386);
    expect(F.exitValue(START, END, PAY, 3, 90)).toBe(900_000_000);
    expect(F.exitValue(START, END, PAY, 3, 90, null, null, null, "actual")).toBe(890_322_580.65);
    expect(F.exitDateOf(START, END, 3, 90, true)).toBe(serialOf("2026-10-01"));
    expect(F.exitValue(START, END, PAY, 3, 90, null, null, null, null, true)).toBe(450_000_000);
    expect(F.exitValue(START, END, PAY, 3, 90, null, null, null, null, false, null, 25_000_000)).toBe(925_000_000);
  });

  it("CONTRACT_PV at 8% and 12% in advance, 8% in arrears, to the cent", () => {
    expect(F.contractPv(START, END, PAY, 0.08)).toBeCloseTo(5_539_137_544.34, 2);
    expect(F.contractPv(START, END, PAY, 0.12)).toBeCloseTo(5_223_242_691.4, 2);
    expect(F.contractPv(START, END, PAY, 0.08, null, null, "arrears")).toBeCloseTo(5_504_817_556.62, 2);
  });

  it("GPU_HOUR_RATE: 150M over 100,000 GPUs × 730 hours", () => {
    expect(F.gpuHourRateOf(150_000_000, 100_000)).toBeCloseTo(2.0547945205, 9);
  });
});

describe("Excel errors", () => {
  it("#VALUE! with a message for missing or malformed arguments", () => {
    expect(excelError(() => F.contractValue(null, END, PAY))).toEqual({ code: "#VALUE!", message: "start_date is missing: give a date." });
    expect(excelError(() => F.contractValue("soon", END, PAY))).toEqual({
      code: "#VALUE!",
      message: 'start_date must be a date, not the text "soon".',
    });
    expect(excelError(() => F.contractValue(START, END, PAY, "weekly")).message).toMatch(/^frequency must be "monthly"/);
    expect(excelError(() => F.contractValue(START, END, [[1, 2, 3]])).message).toMatch(/two-column range/);
    expect(excelError(() => F.exitValue(START, END, PAY, 3, 90, null, null, null, null, null, serialOf("2026-09-01"))).message).toMatch(
      /too early: the earliest permitted notice date is 2026-10-01/,
    );
    expect(excelError(() => F.runRate(PAY, null, 0.03)).message).toMatch(/Give start_date/);
  });

  it("#NUM! for impossible values: end before start, non-positive payment, over 1,200 periods", () => {
    expect(excelError(() => F.leaseSchedule(END, START, PAY))).toEqual({ code: "#NUM!" });
    expect(excelError(() => F.contractValue(START, END, [[-1]]))).toEqual({ code: "#NUM!" });
    expect(excelError(() => F.contractValue(START, serialOf("2200-01-01"), PAY))).toEqual({ code: "#NUM!" });
    expect(excelError(() => F.contractPv(START, END, PAY, -1))).toEqual({ code: "#NUM!" });
    expect(excelError(() => F.gpuHourRateOf(150_000_000, 0))).toEqual({ code: "#NUM!" });
  });
});

describe("numbers given as text", () => {
  it("reads decimal text as Excel does, and refuses hexadecimal or words", () => {
    expect(F.contractValue(START, END, [["150000000"]])).toBe(6_300_000_000);
    expect(F.gpuHourRateOf("1.5e8", "100000")).toBeCloseTo(2.0547945205, 9);
    expect(excelError(() => F.gpuHourRateOf("0x8F0D180", 100_000)).message).toMatch(/payment must be a number/);
    expect(excelError(() => F.exitValue(START, END, PAY, "three", 90)).message).toBe('lock_in_months must be a number, not the text "three".');
  });
});
