/**
 * The portfolio DEAL functions as Excel calls them: a register range of raw cell values in (numbers
 * for dates, booleans, null for blank cells), a spilled array or a CustomFunctions.Error out.
 * Figures worked by hand from the sample register's contracts (test/support/sampleRegister.ts).
 */
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as P from "../../src/functions/portfolio";
import { SAMPLE_REGISTER } from "../support/sampleRegister";
import { serialOf } from "../support/dates";
import { excelError } from "../support/excelError";

/** The sample register as Excel holds it: dates as serials, numbers as numbers, TRUE/FALSE, blanks as null. */
const EXCEL_REGISTER: unknown[][] = SAMPLE_REGISTER.map((row, r) =>
  row.map((cell) => {
    if (r === 0) return cell;
    if (cell === "") return null;
    if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) return serialOf(cell);
    if (cell === "TRUE" || cell === "FALSE") return cell === "TRUE";
    return /^[\d.]+$/.test(cell) ? Number(cell) : cell;
  }),
);
const register = EXCEL_REGISTER as any[][]; // eslint-disable-line @typescript-eslint/no-explicit-any

function expectClean(rows: unknown[][]) {
  for (const row of rows) {
    expect(row).toHaveLength(rows[0].length);
    for (const cell of row) {
      expect(cell === null || cell === undefined || (typeof cell === "number" && !Number.isFinite(cell))).toBe(false);
    }
  }
}

describe("PORTFOLIO on the sample register", () => {
  const rows = P.portfolio(register);

  it("one row per deal and a total row, figures by hand", () => {
    // Reflection AI (seed): 42 × 150M; committed Jul–Dec 2026; exit 2026-10-01 + 90 days = 2026-12-30.
    // REFLECTION AI extension: 12 × 150M, lock-in 12 months covers the term: no early exit → exit 2031-01-01.
    // Northwind: 12 quarters × 60M; exit 2027-01-01 (lock-in end); committed 4 × 60M + 50M fee.
    // Contoso: 480M × (1 + 1.03 + 1.0609 + 1.092727 + 1.12550881) = 2,548,385,188.80; committed 12 × 40M
    //   + 12 × 41.2M + 6 × 42.436M = 1,229,016,000 (exit 2027-10-01 + 180 days = 2028-03-29).
    // Fabrikam: 3 × 46M + 57 × 92M = 5,382M; exit 2027-07-01 + 90 = 2027-09-29; committed 3 × 46M + 12 × 92M.
    // Tailspin: 24 × 25M; lock-in to 2026-12-31, notice 2027-01-01 + 60 = 2027-03-02; committed 12 periods.
    expect(rows.map((r) => r.slice(0, 6))).toEqual([
      ["Counterparty", "Headline", "Committed", "Exit date", "Run-rate", "Share of headline"],
      ["Reflection AI", 6_300_000_000, 900_000_000, serialOf("2026-12-30"), 1_800_000_000, expect.any(Number)],
      ["REFLECTION AI", 1_800_000_000, 1_800_000_000, serialOf("2031-01-01"), 1_800_000_000, expect.any(Number)],
      ["Northwind Compute", 720_000_000, 290_000_000, serialOf("2027-01-01"), 240_000_000, expect.any(Number)],
      ["Contoso AI", 2_548_385_188.8, 1_229_016_000, serialOf("2028-03-29"), 480_000_000, expect.any(Number)],
      ["Fabrikam Labs", 5_382_000_000, 1_242_000_000, serialOf("2027-09-29"), 552_000_000, expect.any(Number)],
      ["Tailspin Research", 600_000_000, 300_000_000, serialOf("2027-03-02"), 300_000_000, expect.any(Number)],
      ["Total", 17_350_385_188.8, 5_761_016_000, "", 5_172_000_000, 1],
    ]);
    expect(rows[1][5]).toBeCloseTo(6_300_000_000 / 17_350_385_188.8, 12);
    expectClean(rows);
  });

  it("at the close of 2026-12-31: payments due after it, notice served the next day at the earliest, run-rate in force on it", () => {
    const asOf = P.portfolio(register, "2026-12-31");
    // Seed: notice 2027-01-01 + 90 days → exit 2027-04-01: Jan–Mar 2027 committed; headline 36 × 150M.
    expect(asOf[1].slice(1, 5)).toEqual([5_400_000_000, 450_000_000, serialOf("2027-04-01"), 1_800_000_000]);
    // Extension not started on 2027-01-01: run-rate 0.
    expect(asOf[2][4]).toBe(0);
    // Northwind: Q4 2026 was paid 2026-12-31; notice 2027-01-01 + 180 days = 2027-06-30: Q1 in full, Q2 for
    // 90 of its 91 days = 59,340,659.34, and the 50M fee.
    expect(asOf[3].slice(1, 4)).toEqual([480_000_000, 60_000_000 + 59_340_659.34 + 50_000_000, serialOf("2027-06-30")]);
    // At the close of 2027-01-01 January's payment (due that day) is paid: headline 35 × 150M; notice on
    // 2027-01-02 + 90 days → exit 2027-04-02, April begun and owed in full: Feb + Mar + Apr = 450M.
    const jan = P.portfolio(register, "2027-01-01");
    expect(jan[1].slice(1, 5)).toEqual([5_250_000_000, 450_000_000, serialOf("2027-04-02"), 1_800_000_000]);
  });
});

describe("PORTFOLIO uses the register's own discount rate and GPU count", () => {
  it("present value at each deal's Discount rate, as CONTRACT_PV gives it", () => {
    const rows = P.portfolio(register);
    expect(rows[0].slice(6)).toEqual(["Present value", "Per GPU-hour"]);
    // The seed at 8%: 5,539,137,544.34 (the CONTRACT_PV golden of functions.test.ts, XNPV at actual/365).
    expect(rows[1][6]).toBeCloseTo(5_539_137_544.34, 2);
    // The extension starts 2030-01-01: 12 monthly payments of 150M in advance, each discounted at
    // 1.08^(-days/365); its first is paid on the valuation day, so its PV lies between 12 × 150M × 1.08^-1
    // and 12 × 150M.
    expect(rows[2][6]).toBeGreaterThan(1_800_000_000 / 1.08);
    expect(rows[2][6]).toBeLessThan(1_800_000_000);
    expect(rows[7].slice(6)).toEqual(["", ""]); // present values at different dates are not added
    expect(rows[1][7]).toBe(""); // no GPU count column
    expectClean(rows);
  });

  it("a deal without a discount rate has no present value; a GPU count gives the price per GPU-hour", () => {
    const rows = P.portfolio([
      ["Counterparty", "Start date", "End date", "Payment", "Discount rate", "GPU count"],
      ["Reflection AI", serialOf("2026-07-01"), serialOf("2029-12-31"), 150_000_000, null, "50,000"],
    ]);
    // 150,000,000 a month ÷ (50,000 GPUs × 730 hours) = 150,000,000 ÷ 36,500,000 = 4.109589041095890.
    expect(rows[1][6]).toBe("");
    expect(rows[1][7]).toBeCloseTo(4.10958904109589, 12);
    expect(excelError(() => P.portfolio([["Counterparty", "Start", "End", "Payment", "GPUs"], ["A", 46204, 47483, 1, "1.5"]]))).toEqual({
      code: "#VALUE!",
      message: 'Row 2, column "GPUs": the GPU count must be a whole number, not the text "1.5".',
    });
  });
});

describe("BACKLOG on the sample register", () => {
  // By payment date (basis "payments"): the goldens below count payments.
  const rows = P.backlog(register, null, null, "payments");

  it("a header and one row per calendar year; the first three years by hand", () => {
    expect(rows[0]).toEqual(["Year", "Headline", "Committed", "Expected"]);
    expect(rows.map((r) => r[0])).toEqual(["Year", 2025, 2026, 2027, 2028, 2029, 2030, 2031]);
    // 2025: Contoso Oct–Dec, 3 × 40M, all committed and expected (no exit can take effect before 2026-12-30).
    expect(rows[1]).toEqual([2025, 120_000_000, 120_000_000, 120_000_000]);
    // 2026: seed 900M + Northwind 240M + Contoso 483.6M + Fabrikam 3 × 46M + 3 × 92M + Tailspin 10 × 25M
    //   = 2,287,600,000, all committed (every exit falls at 2026-12-30 or later, December begun).
    expect(rows[2].slice(0, 3)).toEqual([2026, 2_287_600_000, 2_287_600_000]);
    // 2027 committed: Northwind's fee 50M + Contoso 498.108M + Fabrikam Jan–Sep 9 × 92M + Tailspin Jan, Feb 2 × 25M.
    expect(rows[3][2]).toBe(1_426_108_000);
    expectClean(rows);
  });

  it("the years add up to PORTFOLIO's totals; expected lies between committed and headline here (no fee exceeds)", () => {
    const totals = P.portfolio(register).slice(-1)[0];
    const sum = (col: number) => rows.slice(1).reduce((s, r) => s + (r[col] as number), 0);
    expect(sum(1)).toBeCloseTo(totals[1] as number, 2);
    expect(sum(2)).toBeCloseTo(totals[2] as number, 2);
    for (const [, headline, committed, expected] of rows.slice(1)) {
      expect(expected).toBeLessThanOrEqual(headline);
      expect(expected).toBeGreaterThanOrEqual(committed - 50_000_000); // Northwind's fee may fall in a later year
    }
  });

  it("fiscal years ending in June, and year_end_month left blank or 0 meaning December", () => {
    expect(P.backlog(register, null, 6).map((r) => r[0])).toEqual(["Year", 2026, 2027, 2028, 2029, 2030, 2031]);
    expect(P.backlog(register, null, 0, "payments")).toEqual(rows);
    expect(P.backlog(register, "", null, "Payments")).toEqual(rows);
  });

  it("by revenue (the default): each period straight line over its days; only Tailspin's mid-month periods move between years", () => {
    const revenue = P.backlog(register);
    expect(P.backlog(register, null, null, "revenue")).toEqual(revenue);
    expect(P.backlog(register, null, null, "")).toEqual(revenue);
    // 2025: Contoso Oct–Dec, periods from the 1st: as by payments, 120,000,000.
    expect(revenue[1].slice(0, 2)).toEqual([2025, 120_000_000]);
    // 2026: by payments 2,287,600,000, of which Tailspin (25M a month from the 15th) 10 × 25M. By revenue Tailspin
    // earns 9 whole periods (Mar 15 … Dec 14) and Dec 15–31 of the period to Jan 14: 17 of 31 days; the part from
    // 2027-01-01 is 25,000,000 × 14/31 = 11,290,322.58, so 13,709,677.42 in 2026. 2,287,600,000 − 250,000,000 +
    // 225,000,000 + 13,709,677.42 = 2,276,309,677.42.
    expect(revenue[2].slice(0, 2)).toEqual([2026, 2_276_309_677.42]);
    // The totals are the same on both bases: amounts only move between years.
    const sum = (table: unknown[][], col: number) => table.slice(1).reduce((s: number, r) => s + (r[col] as number), 0);
    expect(sum(revenue, 1)).toBeCloseTo(sum(rows, 1), 2);
    expect(sum(revenue, 2)).toBeCloseTo(sum(rows, 2), 2);
  });

  it("a register with no deals: the header alone (PORTFOLIO: header and a zero total)", () => {
    const empty = [register[0], register[0].map(() => null)];
    expect(P.backlog(empty)).toEqual([["Year", "Headline", "Committed", "Expected"]]);
    expect(P.portfolio(empty)).toEqual([P.PORTFOLIO_HEADER, ["Total", 0, 0, "", 0, 0, "", ""]]);
  });
});

describe("CONCENTRATION and REGISTER_COLUMNS", () => {
  it("the largest counterparty, names compared without case: Reflection AI", () => {
    const rows = P.concentrationOf(register);
    // Headline 6,300M + 1,800M = 8,100M of 17,350,385,188.80; committed 900M + 1,800M = 2,700M of 5,761,016,000.
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ["Measure", "Counterparty", "Amount"],
      ["Headline", "Reflection AI", 8_100_000_000],
      ["Committed", "Reflection AI", 2_700_000_000],
    ]);
    expect(rows[1][3]).toBeCloseTo(8_100 / 17_350.3851888, 12);
    expect(rows[2][3]).toBeCloseTo(2_700 / 5_761.016, 12);
    expectClean(rows);
    // No deals: an empty name and zero shares, never a blank cell.
    expect(P.concentrationOf([register[0]])).toEqual([P.CONCENTRATION_HEADER, ["Headline", "", 0, 0], ["Committed", "", 0, 0]]);
  });

  it("lists each column with the term it gives, the ignored one, and the counts", () => {
    const rows = P.registerColumns([...register, register[0].map(() => null)]);
    expect(rows[0]).toEqual(["Column", "Header", "Reads as"]);
    expect(rows[1]).toEqual([1, "Counterparty", "counterparty"]);
    expect(rows[14]).toEqual([14, "Ramp", "ramp"]);
    expect(rows[17]).toEqual([17, "Basis", "ignored"]);
    expect(rows.slice(-3)).toEqual([["Deals", 6, ""], ["Blank rows skipped", 1, ""], ["No termination terms given", 0, ""]]);
    // A register without termination columns says so: no early exit, committed = headline.
    const bare = P.registerColumns([["Counterparty", "Start", "End", "Payment"], ["A", 46204, 47483, 1e6]]);
    expect(bare.slice(-1)).toEqual([["No termination terms given", 1, "no early exit: committed = headline"]]);
    expectClean(rows);
  });
});

describe("errors, as Excel shows them", () => {
  it("a bad row: #VALUE! naming the row and the column", () => {
    const bad = register.map((row) => [...row]);
    bad[3][2] = serialOf("2025-12-31"); // Northwind's end date
    for (const fn of [() => P.backlog(bad), () => P.portfolio(bad), () => P.concentrationOf(bad), () => P.registerColumns(bad)]) {
      expect(excelError(fn)).toEqual({
        code: "#VALUE!",
        message: 'Row 4, column "End date": the end date 2025-12-31 is before the start date 2026-01-01.',
      });
    }
  });

  // Issue 15: every bad row at once. Failed first with only "Row 2, …" in the message.
  it("several bad rows: #VALUE! naming the first three and counting the rest; a Total row is skipped", () => {
    const bad = register.map((row) => [...row]);
    for (const r of [1, 2, 3, 4]) bad[r][2] = serialOf("2001-12-31"); // four end dates before their starts
    const { code, message } = excelError(() => P.backlog(bad));
    expect(code).toBe("#VALUE!");
    expect(message).toMatch(/^4 rows are refused\. Row 2, column "End date": .* Row 3, column "End date": .* Row 4, column "End date": .* And 1 more \(row 5\)\.$/);
    const withTotal = [...register, ["Total", "", "", "", "", "", "", "", "", "", "", ""].slice(0, register[0].length)];
    expect(P.backlog(withTotal)).toEqual(P.backlog(register));
    expect(P.registerColumns(withTotal).slice(-1)).toEqual([["Total rows skipped", 1, "row 8"]]);
  });

  it("a register that is not a range, a bad as_of_date or year_end_month", () => {
    expect(excelError(() => P.backlog(5 as never))).toEqual({ code: "#VALUE!", message: "register must be a range: its header row and one deal per row." });
    expect(excelError(() => P.backlog([["Counterparty", "Start", "End"]]))).toMatchObject({ code: "#VALUE!" });
    expect(excelError(() => P.backlog(register, "someday"))).toEqual({ code: "#VALUE!", message: 'as_of_date must be a date, not the text "someday".' });
    expect(excelError(() => P.backlog(register, null, 13))).toEqual({
      code: "#VALUE!",
      message: "year_end_month must be a whole number from 1 (January) to 12 (December), not 13.",
    });
    expect(excelError(() => P.backlog(register, null, 6.5)).message).toBe("year_end_month must be a whole number from 1 (January) to 12 (December), not 6.5.");
    expect(excelError(() => P.backlog(register, null, null, "accrual"))).toEqual({ code: "#VALUE!", message: 'basis must be "revenue" or "payments", not the text "accrual".' });
    expect(excelError(() => P.backlog(register, null, "June"))).toMatchObject({ code: "#VALUE!" });
  });
});

describe("metadata", () => {
  it("each portfolio function has help at help.html#<lower-case id>, a matrix result and a matrix register", async () => {
    const result = await generateCustomFunctionsMetadata([path.resolve("src/functions/portfolio.ts")], true);
    expect(result.errors).toEqual([]);
    const functions = JSON.parse(result.metadataJson).functions as {
      id: string;
      helpUrl?: string;
      result: { dimensionality?: string };
      parameters: { name: string; dimensionality?: string }[];
    }[];
    expect(functions.map((f) => f.id).sort()).toEqual(["BACKLOG", "CONCENTRATION", "PORTFOLIO", "REGISTER_COLUMNS"]);
    for (const f of functions) {
      expect(f.helpUrl).toBe(`https://localhost:3000/help.html#${f.id.toLowerCase()}`);
      expect(f.result.dimensionality).toBe("matrix");
      expect(f.parameters[0]).toMatchObject({ name: "register", dimensionality: "matrix" });
    }
  });
});
