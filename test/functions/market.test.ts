/**
 * The DEAL market functions as Excel calls them: raw cell values in, a number, a spilled range or a
 * CustomFunctions.Error out. Golden figures worked by hand here and in test/core/market.test.ts.
 */
import * as M from "../../src/functions/market";
import * as F from "../../src/functions/functions";
import { excelError } from "../support/excelError";
import { serialOf } from "../support/dates";

/** Every cell of a spill is a number or text: never null, undefined or NaN. */
function expectClean(rows: unknown[][]) {
  const width = rows[0].length;
  for (const row of rows) {
    expect(row).toHaveLength(width);
    for (const cell of row) expect(typeof cell === "string" || (typeof cell === "number" && Number.isFinite(cell))).toBe(true);
  }
}

// 12 months from 2026-01-01 of 1,000 GPUs at $3.00 a GPU-hour: 3 × 730 × 1,000 = 2,190,000 a month.
const START = serialOf("2026-01-01");
const END = serialOf("2026-12-31");
const PAY = [[2_190_000]];

describe("MARKET_CURVE", () => {
  it("spills a header and one row a month: $2.00 falling 25% a year is $1.50 twelve months on", () => {
    const rows = M.marketCurveOf(2, "2026-01-01", "25%", 13);
    expect(rows[0]).toEqual(["Date", "Price per GPU-hour"]);
    expect(rows).toHaveLength(14);
    expect(rows[13]).toEqual([serialOf("2027-01-01"), 1.5]);
    expectClean(rows);
  });

  it("refuses a decline of 100% or more, and a bare 25 as ambiguous", () => {
    expect(excelError(() => M.marketCurveOf(2, START, 1, 12)).code).toBe("#NUM!");
    expect(excelError(() => M.marketCurveOf(2, START, 25, 12)).message).toMatch(/annual_decline 25 is ambiguous/);
  });
});

describe("FORWARDS_FROM_TERMS and FORWARD_PRICE", () => {
  it("12 months at $7.20 and 36 at $5.40 give (5.40 × 36 − 7.20 × 12) / 24 = $4.50 for months 13–36", () => {
    const rows = M.forwardsFromTermsOf([["Months", "Rate"], [12, 7.2], [36, 5.4]], START);
    expect(rows).toEqual([
      ["Date", "Price per GPU-hour"],
      [START, 7.2],
      [serialOf("2026-12-31"), 7.2],
      [serialOf("2027-01-01"), 4.5],
      [serialOf("2028-12-31"), 4.5],
    ]);
    expect(M.forwardPriceOf(rows, "2027-06-15")).toBe(4.5);
    expect(M.forwardPriceOf(rows, "2026-03-01")).toBe(7.2);
  });

  it("reads a curve linearly between points and a single price as flat", () => {
    const curve = [[START, 3], [serialOf("2027-01-01"), 2]];
    expect(M.forwardPriceOf(curve, START + 73)).toBeCloseTo(2.8, 12); // 3 − 73/365 = 2.8
    expect(M.forwardPriceOf([[2.5]], START)).toBe(2.5);
    expect(excelError(() => M.forwardPriceOf([[START, 3], [START, 2]], START)).message).toMatch(/ascending/);
  });

  it("reads rows of numbers as the rows of text are read: blank rows skipped, a bad row refused by its number", () => {
    // 2026-01-01 $3.00, 2027-01-01 (365 days on) $2.00; 73 days on: 3 − 73/365 = $2.80, typed as numbers or as text.
    const numbers = [["Date", "Price"], [START, 3], [0, 0], [START + 365, 2]];
    const text = [["Date", "Price"], ["2026-01-01", "3"], [null, ""], ["2027-01-01", "$2.00"]];
    expect(M.forwardPriceOf(numbers, START + 73)).toBeCloseTo(2.8, 12);
    expect(M.forwardPriceOf(text, START + 73)).toBe(M.forwardPriceOf(numbers, START + 73));
    // A negative price or one of 1,000,000,000 or more is #NUM!, as number or as text; a price that is no number is #VALUE! naming its row.
    expect(excelError(() => M.forwardPriceOf([[START, 3], [START + 1, -1]], START)).code).toBe("#NUM!");
    expect(excelError(() => M.forwardPriceOf([[START, 3], [START + 1, "-1"]], START)).code).toBe("#NUM!");
    expect(excelError(() => M.forwardPriceOf([[START, 3], [START + 1, 1e9]], START)).code).toBe("#NUM!");
    expect(M.forwardPriceOf([[START, 3], [START + 1, 1e9 - 1]], START + 1)).toBe(1e9 - 1);
    expect(excelError(() => M.forwardPriceOf([[START, 3], [START + 1, Infinity]], START)).message).toMatch(/curve row 2 price must be a number/);
    expect(excelError(() => M.forwardPriceOf([[START + 1, 3], [START, 2]], START)).message).toMatch(/row 2 \(2026-01-01\) is not after row 1/);
  });
});

describe("MARK_TO_MARKET", () => {
  it("golden: 12 × 730 × 1,000 × ($3.00 − $2.00) = 8,760,000 at 0%; the tenant's mark is its negative", () => {
    expect(M.markToMarketOf(START, END, PAY, 1000, [[2]], 0)).toBe(8_760_000);
    expect(M.markToMarketOf(START, END, PAY, 1000, [[2]], "0%", null)).toBe(8_760_000);
    // At the close of 2026-06-30 six payments remain: 6 × 730,000 = 4,380,000
    expect(M.markToMarketOf(START, END, PAY, 1000, [[2]], 0, "2026-06-30")).toBe(4_380_000);
  });

  it("the contract price is GPU_HOUR_RATE's: 2,190,000 / 1,000 / 730 = 3.00, so a market at it marks to 0", () => {
    expect(F.gpuHourRateOf(2_190_000, 1000)).toBe(3);
    expect(M.markToMarketOf(START, END, PAY, 1000, [[3]], 0.08)).toBe(0);
  });

  it("quarterly: 4 quarters of 6,570,000 (3 × 2,190,000) hold 3 × 730 × 1,000 GPU-hours each: 4 × 3 × 730,000 = 8,760,000", () => {
    expect(M.markToMarketOf(START, END, [[6_570_000]], 1000, [[2]], 0, null, "quarterly")).toBe(8_760_000);
  });

  it("reads the curve by the date of each period's start: $3.00 in H1 and $2.00 from 2026-07-01 leave 6 × 730,000 = 4,380,000", () => {
    const curve = [["Date", "Price"], [serialOf("2026-06-30"), 3], [serialOf("2026-07-01"), 2]];
    expect(M.markToMarketOf(START, END, PAY, 1000, curve, 0)).toBe(4_380_000);
  });

  it("needs a GPU count", () => {
    expect(excelError(() => M.markToMarketOf(START, END, PAY, null, [[2]], 0)).message).toMatch(/gpus is missing/);
  });
});

describe("BREAKEVEN_PRICE", () => {
  it("24 months, lock-in 12: (26,280,000 − 876,000) / 8,760,000 = 2.90 for the tenant, (26,280,000 + 1,752,000) / 8,760,000 = 3.20 for the provider", () => {
    const rows = M.breakevenPriceOf(START, serialOf("2027-12-31"), PAY, 12, 0, 1000, 0, 876_000, 1_752_000);
    expect(rows[0]).toEqual(["Notice date", "Exit date", "Tenant walks below", "Provider walks above"]);
    expect(rows[1]).toEqual([serialOf("2027-01-01"), serialOf("2027-01-01"), 2.9, 3.2]);
    expect(rows).toHaveLength(13); // notice on 2027-01-01 … 2027-12-01
    expectClean(rows);
  });

  it("says 'never' for an exit in the last period owed in full: nothing after it, no price makes leaving pay", () => {
    // 12 months, lock-in 3, 90 days' notice: notice on 2026-10-01 exits on 2026-12-30, inside December, owed in full.
    const rows = M.breakevenPriceOf(START, END, PAY, 3, 90, 1000, 0);
    expect(rows[rows.length - 1]).toEqual([serialOf("2026-10-01"), serialOf("2026-12-30"), "never", "never"]);
    expect(rows[1]).toEqual([serialOf("2026-04-01"), serialOf("2026-06-30"), 3, 3]); // July–December at $3.00
  });

  it("says #N/A when the contract cannot end early", () => {
    expect(excelError(() => M.breakevenPriceOf(START, END, PAY, 12, 0, 1000, 0)).code).toBe("#N/A");
  });
});

describe("EXIT_OPTION", () => {
  // The seed: 2026-07-01 to 2029-12-31, 150,000,000 a month, lock-in 3, 90 days; 100,000 GPUs at
  // 150,000,000 / 100,000 / 730 = $2.0547945 a GPU-hour.
  const S = serialOf("2026-07-01");
  const E = serialOf("2029-12-31");
  const price = 150_000_000 / 100_000 / 730;

  it("labels each figure; at volatility 0 and a market at half the price, the tenant leaves at once and EXIT_VALUE (900,000,000) is expected", () => {
    const rows = M.exitOptionOf(S, E, [[150_000_000]], 3, 90, 100_000, [[price / 2]], 0, 0.08, 1e6, 1e6);
    expectClean(rows);
    const figure = (label: string) => rows.find((r) => r[0] === label)![1];
    expect(figure("Expected payments")).toBe(F.exitValue(S, E, [[150_000_000]], 3, 90));
    expect(figure("Expected payments")).toBe(900_000_000);
    expect(figure("Probability the contract ends early")).toBe(1);
    expect(figure("… by the tenant's notice")).toBe(1);
    expect(figure("Expected exit date")).toBe(serialOf("2026-12-30"));
    const header = rows.findIndex((r) => r[0] === "Notice date");
    expect(rows[header + 1]).toEqual([serialOf("2026-10-01"), serialOf("2026-12-30"), 1, 1, 0]);
  });

  it("at the contract price with switching costs no one leaves: CONTRACT_VALUE (6,300,000,000)", () => {
    const rows = M.exitOptionOf(S, E, [[150_000_000]], 3, 90, 100_000, [[price]], 0, 0.08, 1e6, 1e6);
    expect(rows.find((r) => r[0] === "Expected payments")![1]).toBe(6_300_000_000);
    expect(rows.find((r) => r[0] === "Tenant's option value (joint play)")![1]).toBe(0);
  });

  it("refuses a bare volatility above 1 as ambiguous, and a negative switching cost", () => {
    expect(excelError(() => M.exitOptionOf(S, E, [[150_000_000]], 3, 90, 100_000, [[price]], 40, 0.08)).message).toMatch(/volatility 40 is ambiguous/);
    expect(excelError(() => M.exitOptionOf(S, E, [[150_000_000]], 3, 90, 100_000, [[price]], 0.4, 0.08, -1)).code).toBe("#NUM!");
  });
});
