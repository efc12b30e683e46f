/**
 * Formula lengths of a sheet plan, for the FAST rule "short formulas with helper columns": every
 * formula cell of the plan, its length (without the leading "="), and where it is.
 */
import { columnLetter, SheetPlan } from "../../src/model/plan";

export interface FormulaLength {
  /** The cell, e.g. "K12". */
  readonly address: string;
  /** The defined name of the cell or of the series column/range holding it, if any. */
  readonly name: string;
  readonly length: number;
}

export interface FormulaStats {
  readonly count: number;
  readonly median: number;
  readonly max: number;
  readonly over200: number;
  readonly over400: number;
  readonly worst: readonly FormulaLength[];
}

interface NamedRect {
  readonly name: string;
  readonly c1: number;
  readonly c2: number;
  readonly r1: number;
  readonly r2: number;
}

/** The plan's defined names as rectangles (0-based columns, 1-based rows), listed under each column they span. */
function namesByColumn(plan: SheetPlan): Map<number, NamedRect[]> {
  const byColumn = new Map<number, NamedRect[]>();
  const toIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  for (const { name, ref } of plan.names) {
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
    if (!m) continue;
    const c1 = toIndex(m[1]);
    const rect = { name, c1, c2: m[3] ? toIndex(m[3]) : c1, r1: Number(m[2]), r2: m[4] ? Number(m[4]) : Number(m[2]) };
    for (let c = rect.c1; c <= rect.c2; c++) byColumn.set(c, [...(byColumn.get(c) ?? []), rect]);
  }
  return byColumn;
}

/** The name of the smallest defined range holding a cell (rows 1-based here). */
function nameAt(byColumn: Map<number, NamedRect[]>, col: number, row: number): string {
  let best = "";
  let bestSize = Infinity;
  for (const { name, c1, c2, r1, r2 } of byColumn.get(col) ?? []) {
    if (row < r1 || row > r2) continue;
    const size = (c2 - c1 + 1) * (r2 - r1 + 1);
    if (size < bestSize) {
      best = name;
      bestSize = size;
    }
  }
  return best;
}

/** Every formula of the plan with its length. */
export function formulaLengths(plan: SheetPlan): FormulaLength[] {
  const byColumn = namesByColumn(plan);
  const out: FormulaLength[] = [];
  plan.cells.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (cell.formula === undefined) return;
      out.push({ address: `${columnLetter(c)}${r + 1}`, name: nameAt(byColumn, c, r + 1), length: cell.formula.length });
    }),
  );
  return out;
}

/** Median, maximum, counts over 200 and 400 characters, and the five longest (one per name), of the formulas `which` keeps (default all). */
export function formulaStats(plan: SheetPlan, which: (f: FormulaLength) => boolean = () => true): FormulaStats {
  const all = formulaLengths(plan).filter(which);
  const sorted = all.map((f) => f.length).sort((a, b) => a - b);
  const n = sorted.length;
  const median = n === 0 ? 0 : n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const seen = new Set<string>();
  const worst = [...all]
    .sort((a, b) => b.length - a.length)
    .filter((f) => (seen.has(f.name) ? false : (seen.add(f.name), true)))
    .slice(0, 5);
  return {
    count: n,
    median,
    max: n === 0 ? 0 : sorted[n - 1],
    over200: all.filter((f) => f.length > 200).length,
    over400: all.filter((f) => f.length > 400).length,
    worst,
  };
}

/** One line of figures and the worst five, for a report. */
export function describeStats(label: string, s: FormulaStats): string {
  return (
    `${label}: ${s.count} formulas, median ${s.median}, max ${s.max}, >200: ${s.over200}, >400: ${s.over400}\n` +
    s.worst.map((w) => `    ${w.length}  ${w.address}  ${w.name}`).join("\n")
  );
}
