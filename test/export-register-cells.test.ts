/**
 * Issue 15 §2: the register sheet `npm run model -- --register` writes holds what the register read, so
 * the Portfolio sheet's formulas see the numbers and dates the core saw. Failed first with:
 * "$150,000,000", "3%" and "1-Jul-2026" written as text (the formulas' VALUE/DATEVALUE read them by
 * locale, or as 0).
 */
import { registerCellValue } from "../src/export/xlsx";
import { serialOf } from "./support/dates";

describe("registerCellValue: a cell as Excel stores the same text typed in", () => {
  it("amounts with a currency symbol or known code, percentages, typed dates", () => {
    expect(registerCellValue("$150,000,000")).toEqual({ value: 150_000_000 });
    expect(registerCellValue("USD 150,000,000.00")).toEqual({ value: 150_000_000 });
    expect(registerCellValue("150,000,000 EUR")).toEqual({ value: 150_000_000 });
    expect(registerCellValue("3%")).toEqual({ value: 0.03 });
    expect(registerCellValue("2.5 %")).toEqual({ value: 0.025 });
    expect(registerCellValue("1-Jul-2026")).toEqual({ value: serialOf("2026-07-01"), isDate: true });
    expect(registerCellValue("July 1, 2026")).toEqual({ value: serialOf("2026-07-01"), isDate: true });
    expect(registerCellValue("31/12/2029")).toEqual({ value: serialOf("2029-12-31"), isDate: true });
  });

  it("keeps as text what is not one reading: names, an ambiguous 7/1/2026, unknown codes", () => {
    expect(registerCellValue("IBM 360")).toEqual({ value: "IBM 360" });
    expect(registerCellValue("7/1/2026")).toEqual({ value: "7/1/2026" });
    expect(registerCellValue("Acme")).toEqual({ value: "Acme" });
    expect(registerCellValue("12")).toEqual({ value: 12 });
  });
});
