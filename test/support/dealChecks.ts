/**
 * Evaluates the model sheet's Checks formulas as Excel would with the add-in loaded: the DEAL call
 * (choosing the IF branch the sheet would) is made through the real custom functions, with the
 * arguments read from the recalculated sheet. Supports exactly the shapes the plan writes.
 */
import * as F from "../../src/functions/functions";
import * as A from "../../src/functions/accounting";
import { SheetPlan } from "../../src/model/plan";
import { CellValue } from "./xlsxValues";

const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  CONTRACT_VALUE: F.contractValue as never,
  CONTRACT_PV: F.contractPv as never,
  RUN_RATE: F.runRate as never,
  EXIT_DATE: F.exitDateOf as never,
  EXIT_VALUE: F.exitValue as never,
  LEASE_LIABILITY: A.leaseLiability as never,
  ROU_ASSET: A.rouAsset as never,
};

function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

function cellJs(cell: CellValue | undefined): unknown {
  if (!cell || cell.type === "empty") return null;
  if (cell.type === "number") return cell.number;
  if (cell.type === "boolean") return cell.number === 1;
  return cell.text;
}

/** A name's value as Excel hands it to a custom function: a scalar, or a 2-D array for a range. */
function nameValue(plan: SheetPlan, cells: Map<string, CellValue>, name: string): unknown {
  const ref = plan.names.find((n) => n.name === name)?.ref.replace(/\$/g, "");
  if (!ref) throw new Error(`unknown name ${name}`);
  const [from, to] = ref.split(":");
  if (!to) return cellJs(cells.get(from));
  const [, c1, r1] = /([A-Z]+)(\d+)/.exec(from)!;
  const [, c2, r2] = /([A-Z]+)(\d+)/.exec(to)!;
  const rows: unknown[][] = [];
  for (let r = Number(r1); r <= Number(r2); r++) {
    const row: unknown[] = [];
    for (let c = columnIndex(c1); c <= columnIndex(c2); c++) row.push(cellJs(cells.get(`${String.fromCharCode(65 + c)}${r}`)));
    rows.push(row);
  }
  return rows;
}

function call(text: string, plan: SheetPlan, cells: Map<string, CellValue>): unknown {
  const m = /^DEAL\.(\w+)\((.*)\)$/.exec(text.trim());
  if (!m) throw new Error(`not a DEAL call: ${text}`);
  const args = m[2].split(",").map((arg) => {
    if (arg === "TRUE") return true;
    if (arg === "FALSE") return false;
    if (/^-?\d+(\.\d+)?$/.test(arg)) return Number(arg);
    return nameValue(plan, cells, arg);
  });
  return FUNCTIONS[m[1]](...args);
}

/** The value the Checks cell would show with the add-in loaded. */
export function evaluateDealCheck(formula: string, plan: SheetPlan, cells: Map<string, CellValue>): unknown {
  const inner = /^IFERROR\((.*),"[^"]*"\)$/.exec(formula)![1];
  const branch = /^IF\(ISNUMBER\((\w+)\),(DEAL\.\w+\([^)]*\)),(DEAL\.\w+\([^)]*\))\)$/.exec(inner);
  if (!branch) return call(inner, plan, cells);
  const chosen = typeof nameValue(plan, cells, branch[1]) === "number" ? branch[2] : branch[3];
  return call(chosen, plan, cells);
}
