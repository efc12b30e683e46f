/**
 * The provider's returns and the debt capacity checked against an independent implementation:
 * LibreOffice's own XIRR, XNPV and a SUMPRODUCT of the sculpting formula, recalculated on the same
 * cash flows the core produces. LibreOffice is required (`bash .ci/run` installs it); never skipped.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { debtCapacity, edate, providerEconomics, validateTerms, type ProviderAssumptions } from "../../src/core";
import { recalculateWithLibreOffice } from "../support/libreoffice";
import { readSheetValues } from "../support/xlsxValues";

/** Excel's serial as a JavaScript date at midnight UTC (exceljs writes dates from these). */
const dateOf = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);

describe("provider returns and debt capacity, recalculated by LibreOffice", () => {
  const terms = validateTerms({ startDate: 46204, endDate: 46568, payment: 30_000, frequency: "monthly", lockInMonths: 6, noticeDays: 30 });
  const a: ProviderAssumptions = {
    gpus: 10, costPerGpu: 60_000, gpusPerRack: 10, kwPerRack: 10, pue: 1, powerPricePerMwh: 100, powerEscalation: 0.03,
    opexShareOfCapex: 0.02, usefulLifeYears: 3, residualValueShare: 0.1, releaseDowntimeMonths: 2, utilisation: 0.8,
    renewalProbability: 0.5, marketRatePerGpuHour: 2.5,
  };
  const cases = (["signed", "committed", "expected"] as const).map((c) => providerEconomics(terms, a, c, { annualExitProbability: 0.3, discountRate: 0.08 }));
  const monthEnds = Array.from({ length: 42 }, (_, k) => edate(46234, k));
  const cfads = monthEnds.map((_, k) => 97_500_000 - 100_000 * k); // a falling CFADS, sculpted
  let values: Map<string, { number?: number; type: string }>;

  beforeAll(async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "deal-provider-lo-"));
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Returns");
    // Columns A/B, C/D, E/F: each case's dated flows; row 1 holds XIRR, row 2 XNPV at 8%.
    cases.forEach((e, i) => {
      const [dateCol, amountCol] = [String.fromCharCode(65 + 2 * i), String.fromCharCode(66 + 2 * i)];
      e.flows.forEach((f, r) => {
        sheet.getCell(`${dateCol}${r + 11}`).value = f.date;
        sheet.getCell(`${amountCol}${r + 11}`).value = f.amount;
      });
      const last = e.flows.length + 10;
      sheet.getCell(`${amountCol}1`).value = { formula: `XIRR(${amountCol}11:${amountCol}${last},${dateCol}11:${dateCol}${last})` } as ExcelJS.CellFormulaValue;
      sheet.getCell(`${amountCol}2`).value = { formula: `XNPV(0.08,${amountCol}11:${amountCol}${last},${dateCol}11:${dateCol}${last})` } as ExcelJS.CellFormulaValue;
    });
    // Debt: H = dates, I = CFADS, J = t in months (month-ends count to month-ends: calendar months from July, July = 1),
    // K1 = the sculpted sum.
    monthEnds.forEach((d, k) => {
      sheet.getCell(`H${k + 11}`).value = dateOf(d);
      sheet.getCell(`I${k + 11}`).value = cfads[k];
      sheet.getCell(`J${k + 11}`).value = { formula: `(YEAR(H${k + 11})-YEAR(H$11))*12+MONTH(H${k + 11})-MONTH(H$11)+1` } as ExcelJS.CellFormulaValue;
    });
    sheet.getCell("K1").value = { formula: `ROUND(SUMPRODUCT(I11:I52/(1.3*(1+0.1/12)^J11:J52)),2)` } as ExcelJS.CellFormulaValue;
    const file = path.join(work, "provider.xlsx");
    await book.xlsx.writeFile(file);
    const [recalculated] = recalculateWithLibreOffice([file], path.join(work, "lo"));
    values = await readSheetValues(recalculated);
    fs.rmSync(work, { recursive: true, force: true });
  }, 120_000);

  it("gives each case's IRR as LibreOffice's XIRR and its NPV as XNPV", () => {
    cases.forEach((e, i) => {
      const col = String.fromCharCode(66 + 2 * i);
      expect(values.get(`${col}1`)?.type).toBe("number");
      expect(e.irr!).toBeCloseTo(values.get(`${col}1`)!.number!, 7);
      expect(e.npv!).toBeCloseTo(values.get(`${col}2`)!.number!, 4);
    });
  });

  it("sculpts 42 falling months of CFADS to LibreOffice's cent", () => {
    const sized = debtCapacity({ cfads, dates: monthEnds, dscr: 1.3, annualRate: 0.1 });
    expect(values.get("K1")?.type).toBe("number");
    expect(sized.sculpted).toBe(values.get("K1")!.number!);
  });
});
