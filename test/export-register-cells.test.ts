/**
 * Issue 15 §2: the register sheet `npm run model -- --register` writes holds what the register read, so
 * the Portfolio sheet's formulas see the numbers and dates the core saw. Failed first with:
 * "$150,000,000", "3%" and "1-Jul-2026" written as text (the formulas' VALUE/DATEVALUE read them by
 * locale, or as 0).
 */
import fs from "fs";
import os from "os";
import path from "path";
import { run } from "../src/cli/model";
import { recalculateWithLibreOffice } from "./support/libreoffice";
import { registerCellValue } from "../src/export/xlsx";
import { readSheetValues } from "./support/xlsxValues";
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

describe("LibreOffice: a register as people keep it gives the Portfolio sheet of the same deals written plainly", () => {
  // Before registerCellValue read these forms, "$150,000,000" and "1-Jul-2026" reached the formulas as text.
  it("every number of the recalculated Portfolio sheet is the same", async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "register-lo-"));
    const kept = [
      "Customer;Contract start;Term end;Monthly fee ($);Escalation (%/yr);Lock-in (months);Notice (days)",
      "Société X;01-Jul-2026;June 30, 2029;$150,000,000;3%;12;90",
      "Sociètà X;1 Jan 2027;31/12/2028;USD 20,000,000.00;0%;6;30",
      "Acme Labs;2026-10-01;2027-09-30;5,000,000;2.5 %;3;60",
    ].join("\n");
    const plain = [
      "Counterparty,Start date,End date,Payment,Escalation,Lock-in months,Notice days",
      "Société X,2026-07-01,2029-06-30,150000000,0.03,12,90",
      "Sociètà X,2027-01-01,2028-12-31,20000000,0,6,30",
      "Acme Labs,2026-10-01,2027-09-30,5000000,0.025,3,60",
    ].join("\n");
    const io = { log: () => undefined, error: (l: string) => void console.error(l) };
    for (const [name, text] of [["kept", kept], ["plain", plain]]) {
      fs.writeFileSync(path.join(work, `${name}.csv`), text);
      expect(await run(["--register", `${name}.csv`, "--out", `${name}.xlsx`], work, io)).toBe(0);
    }
    const [keptOut, plainOut] = recalculateWithLibreOffice([path.join(work, "kept.xlsx"), path.join(work, "plain.xlsx")], path.join(work, "lo"));
    const numbers = async (file: string) => [...(await readSheetValues(file, 2))].filter(([, v]) => v.type === "number").map(([a, v]) => [a, v.number]);
    const [keptNumbers, plainNumbers] = [await numbers(keptOut), await numbers(plainOut)];
    expect(keptNumbers.length).toBeGreaterThan(50);
    expect(keptNumbers).toEqual(plainNumbers);
  }, 180_000);
});
