/**
 * Finding figures in a plan by defined name, never by a cell address typed into a test.
 */
import { columnLetter, PlanCell, SheetPlan } from "../../src/model/plan";

function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** Every cell address a name covers, row by row: "$K$5:$K$7" → ["K5", "K6", "K7"]. */
export function addressesOf<N extends string>(plan: SheetPlan<N>, name: N): string[] {
  const ref = plan.refs[name];
  if (!ref) throw new Error(`the plan defines no name ${name}`);
  const [from, to = from] = ref.replace(/\$/g, "").split(":");
  const [, c1, r1] = /([A-Z]+)(\d+)/.exec(from)!;
  const [, c2, r2] = /([A-Z]+)(\d+)/.exec(to)!;
  const out: string[] = [];
  for (let r = Number(r1); r <= Number(r2); r++) for (let c = columnIndex(c1); c <= columnIndex(c2); c++) out.push(`${columnLetter(c)}${r}`);
  return out;
}

/** The one cell a single-cell name points at. */
export function addressOf<N extends string>(plan: SheetPlan<N>, name: N): string {
  const all = addressesOf(plan, name);
  if (all.length !== 1) throw new Error(`${name} is a range of ${all.length} cells`);
  return all[0];
}

/** The plan's cell at an address. */
export function planCellAt(plan: SheetPlan, address: string): PlanCell {
  const [, c, r] = /([A-Z]+)(\d+)/.exec(address)!;
  return plan.cells[Number(r) - 1][columnIndex(c)];
}
