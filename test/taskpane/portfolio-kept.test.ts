/**
 * Issue 15 §2 in the pane: dates typed as text read in the order the user states ("Dates typed as"),
 * every refused row listed (not the first only), total rows skipped and said.
 * Failed first with: readPortfolio took no date order, RegisterRefusal had no problems, and only Row 2 was named.
 */
import { describeRead, readPortfolio, RegisterRefusal } from "../../src/taskpane/portfolioPane";
import type { RegisterCells } from "../../src/taskpane/excelWriter";
import { serialOf } from "../support/dates";

const cells = (values: unknown[][]): RegisterCells => ({ sheetName: "Deals", headerRow: 1, firstColumn: 0, values, freeBelow: 0, address: "Deals!A1:D9" });
const HEADER = ["Tenant", "Contract start", "Term end", "Monthly fee ($)"];

describe("Portfolio from a table: registers as people keep them", () => {
  it("reads 7/1/2026 in the order stated, and refuses it as ambiguous otherwise", () => {
    const register = cells([HEADER, ["Acme", "7/1/2026", "6/30/2027", "$1,000"], ["Total", "", "", "$1,000"]]);
    expect(() => readPortfolio(register, null)).toThrow(/Row 2, column "Contract start": the start date "7\/1\/2026" is ambiguous/);
    const read = readPortfolio(register, null, false, "mdy");
    expect(read.register.deals[0].terms.startDate).toBe(serialOf("2026-07-01"));
    expect(describeRead(read)).toBe(
      "1 deal, 1 total row skipped (row 3). The sheet's formulas flag it as not modelled (DEAL functions skip it). " +
        "Row 2 gives no termination terms: read as no early exit (committed = headline). " +
        "Row 2 holds dates or amounts as text (such as 1-Jul-2026 or $1,000): the DEAL functions read them as here, but the sheet's formulas may read them otherwise — format those cells as dates and numbers. " +
        "The formulas read 0 more rows below the table for deals you add.",
    );
  });

  it("lists every refused row", () => {
    const rows = [HEADER, ...["x", "y", "z", "w", "v"].map((bad) => ["Acme", "2026-07-01", "2027-06-30", bad])];
    let refusal: unknown;
    try {
      readPortfolio(cells(rows), null);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(RegisterRefusal);
    expect((refusal as RegisterRefusal).problems.map((p) => p.slice(0, 36))).toEqual([2, 3, 4, 5, 6].map((r) => `Row ${r}, column "Monthly fee ($)": the`));
    expect((refusal as Error).message).toMatch(/^5 rows are refused\. .* And 2 more \(rows 5, 6\)\. Nothing was inserted\.$/);
  });
});
