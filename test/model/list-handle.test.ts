/**
 * A list cell's handle (`formulaAt`): it reads its own block's ranges beside it — a one-column range
 * on its row, a one-row range in its column — and the layout refuses a range that is not beside it.
 * And the formula fragments the blocks share give the text their examples say.
 */
import { Block, layoutSheet } from "../../src/model/layout";
import { blankPastTerm, cutPeriodPayment, discountFactor, periodicDiscount, proRata } from "../../src/model/blocks/fragments";
import { planCellAt } from "../support/planRefs";

const options = { sheetName: "Test", title: "Test", subtitle: "", seriesRows: 0 };

type Name = "Prices" | "Counts" | "Totals" | "Factors" | "Scaled";

/** Rows: a row of factors (cells 1–2), then two rows of price, count, total. */
const table: Block<Name> = {
  id: "table",
  title: "TABLE",
  list: {
    header: ["Price", "Count", "Total"],
    rows: [
      { label: "Factor", cells: [{}, { value: 2 }, { value: 3 }] },
      ...[1, 2].map((i) => ({
        label: `Item ${i}`,
        cells: [{ value: 10 * i }, { value: i }, { formulaAt: (at: (n: Name) => string) => `${at("Prices")}*${at("Counts")}` }],
      })),
      { label: "Scaled", cells: [{}, { formulaAt: (at: (n: Name) => string) => `${at("Factors")}*SUM(Counts)` }, {}] },
    ],
    ranges: [
      { name: "Factors", fromRow: 0, toRow: 0, fromCell: 1, toCell: 2 },
      { name: "Prices", fromRow: 1, toRow: 2, fromCell: 0, toCell: 0 },
      { name: "Counts", fromRow: 1, toRow: 2, fromCell: 1, toCell: 1 },
      { name: "Totals", fromRow: 1, toRow: 2, fromCell: 2, toCell: 2 },
    ],
  },
  reads: [],
};

describe("a list cell's handle", () => {
  const plan = layoutSheet([table], options);
  // Row 5 is the section with the headers; the factor row is 6, the items 7 and 8, Scaled 9.
  it("resolves a one-column range to its cell on this row", () => {
    expect(planCellAt(plan, "D7").formula).toBe("B7*C7");
    expect(planCellAt(plan, "D8").formula).toBe("B8*C8");
    expect(plan.refs.Totals).toBe("$D$7:$D$8");
  });
  it("resolves a one-row range to its cell in this column", () => {
    expect(planCellAt(plan, "C9").formula).toBe("C6*SUM(Counts)");
  });
  it("refuses a range not beside the cell", () => {
    const stray: Block<Name> = { ...table, list: { ...table.list!, rows: [{ label: "x", cells: [{ formulaAt: (at) => at("Totals") }] }] } };
    expect(() => layoutSheet([stray], options)).toThrow(/no range "Totals" beside row 0, cell 0/);
  });
  it("checks the names it reads as the block's own", () => {
    const foreign: Block<string> = { id: "f", title: "F", list: { header: ["A"], rows: [{ label: "x", cells: [{ formulaAt: () => "Elsewhere*2" }] }] }, reads: [] };
    expect(() => layoutSheet([foreign], options)).toThrow(/uses "Elsewhere"/);
  });
});

describe("formula fragments", () => {
  it("give the text of their examples", () => {
    expect(proRata("ScheduleRate", "EndDateUsed-K12+1", "M12")).toBe("ROUND(ScheduleRate*(EndDateUsed-K12+1)/M12,2)");
    expect(discountFactor("DiscountRate", "K12-StartDate")).toBe("(1+DiscountRate)^(-(K12-StartDate)/DaysPerYear)");
    expect(periodicDiscount("K12")).toBe("(1+PeriodicRate)^(-K12)");
    expect(blankPastTerm("B12", "C12*2")).toBe('IF(B12="","",C12*2)');
    expect(cutPeriodPayment({ rate: "L12", start: "J12", days: "K12" }, "EndDateUsed")).toBe(
      'IF(AND(Proration="actual",EndDateUsed<J12+K12-1),ROUND(L12*(EndDateUsed-J12+1)/K12,2),L12)',
    );
  });
});
