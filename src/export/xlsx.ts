/**
 * Writes a sheet plan to an .xlsx workbook with exceljs, for use without Excel (and for the
 * LibreOffice proof). Names are workbook-level here: an exported file holds one model.
 */
import ExcelJS from "exceljs";
import { SheetPlan } from "../model/plan";
import { STYLES } from "../model/styles";

/**
 * Adds the plan as a worksheet of `workbook`.
 *
 * @example
 * const wb = new ExcelJS.Workbook(); addPlanSheet(wb, buildModelPlan(REFLECTION_SPACEX));
 */
export function addPlanSheet(workbook: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(plan.sheetName, { views: [{ state: "frozen", ySplit: 0, showGridLines: false }] });
  plan.columnWidths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  plan.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const target = sheet.getCell(r + 1, c + 1);
      if (cell.formula !== undefined) target.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
      else if (cell.value !== null && cell.value !== undefined) target.value = cell.value;
      if (cell.numberFormat) target.numFmt = cell.numberFormat;
      const style = cell.style ? STYLES[cell.style] : undefined;
      if (style) {
        target.font = {
          bold: style.bold,
          italic: style.italic,
          size: style.size,
          color: style.color ? { argb: `FF${style.color}` } : undefined,
        };
        if (style.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill}` } };
      }
    }),
  );
  const quoted = `'${plan.sheetName.replace(/'/g, "''")}'`;
  for (const { name, ref } of plan.names) workbook.definedNames.add(`${quoted}!${ref}`, name);
  return sheet;
}

/** Writes one plan as a new .xlsx file. */
export async function writePlanXlsx(plan: SheetPlan, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Deal Modeler";
  workbook.calcProperties.fullCalcOnLoad = true;
  addPlanSheet(workbook, plan);
  await workbook.xlsx.writeFile(file);
}
