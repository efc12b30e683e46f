/**
 * A deal register: a table with a header row and one deal per row. Columns are recognised by their
 * header (case- and space-insensitively, with a few synonyms); every row becomes contract terms through
 * {@link validateTerms} — the one validation every DEAL function uses — or the whole register is
 * refused with a message naming the row and the column. No row is dropped or guessed, except fully
 * blank rows, which are skipped and counted.
 *
 * Row numbers count the header as row 1, so a register that starts in row 1 of a sheet (or a CSV
 * file's records) reports the sheet's own row numbers.
 *
 * A cell is read by its column's declared kind (src/core/fields/), so that a register cell means
 * what the same value means as a DEAL argument, a form field or an option. Modules: ./columns.ts
 * (headers), ./row.ts (a row), ./totals.ts (rows that are no deal), ./problems.ts (refusals).
 */
import { Decimal } from "../money";
import { DealError, valueError } from "../errors";
import { ColumnMapping, mapColumns, MAX_REGISTER_ROWS } from "./columns";
import { CellError, RegisterError, RegisterProblem } from "./problems";
import { readRow } from "./row";
import { mixedCurrency, paymentOf, totalRow } from "./totals";
import { isBlankRow, withCommas } from "./text";

export {
  MAX_REGISTER_COLUMNS,
  MAX_REGISTER_ROWS,
  REGISTER_FIELDS,
  mapColumns,
  mapColumnsAs,
  lookalikeColumns,
  normaliseHeader,
  type LookalikeColumn,
  type ColumnMapping,
  type RegisterColumn,
  type RegisterField,
} from "./columns";
export { RegisterError, type RegisterProblem } from "./problems";
export { readRamp } from "./row";
export type { Register, RegisterCounts, RegisterDeal, RegisterOptions, SkippedRow } from "./types";
import type { Register, RegisterDeal, RegisterOptions, SkippedRow } from "./types";

/**
 * Reads a register: the header row, then one deal per row — columns recognised by their header, or
 * as `chosen` ({@link mapColumnsAs}). Blank rows are skipped and counted; a total or subtotal row
 * (the word Total first, or the sum of the payments above with no dates) is skipped and listed in
 * `skipped`. Every bad row is reported at once: throws a {@link RegisterError} naming each row and
 * column, e.g. `Row 4, column "End date": the end date 2026-01-01 is before the start date 2026-07-01.`
 */
export function readRegister(rows: readonly (readonly unknown[])[], chosen?: ColumnMapping, options: RegisterOptions = {}): Register {
  if (rows.length === 0) throw valueError("The register is empty: give a header row and one deal per row.");
  const maxRows = options.maxRows ?? MAX_REGISTER_ROWS;
  if (rows.length - 1 > maxRows) {
    throw valueError(`The register has ${withCommas((rows.length - 1))} rows below its header; at most ${withCommas(maxRows)} are read. Split it into smaller registers.`);
  }
  const mapping = chosen ?? mapColumns(rows[0]);
  const deals: RegisterDeal[] = [];
  const skipped: SkippedRow[] = [];
  const problems: RegisterProblem[] = [];
  const sums = { all: new Decimal(0), sinceTotal: new Decimal(0) };
  const currency: { first?: { code: string; row: number } } = {};
  let blankRows = 0;
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i];
    if (isBlankRow(cells)) {
      blankRows++;
      continue;
    }
    const total = totalRow(cells, mapping, sums);
    if (total !== null) {
      skipped.push({ row: i + 1, reason: total });
      sums.sinceTotal = new Decimal(0);
      continue;
    }
    const payment = paymentOf(cells, mapping);
    if (payment !== null) {
      sums.all = sums.all.plus(payment);
      sums.sinceTotal = sums.sinceTotal.plus(payment);
    }
    const mixed = mixedCurrency(cells, i + 1, mapping, currency);
    if (mixed) {
      problems.push(mixed.problem);
      continue;
    }
    try {
      deals.push(readRow(cells, i + 1, mapping, options));
    } catch (error) {
      if (error instanceof CellError) problems.push(error.problem);
      else if (error instanceof DealError) problems.push({ row: i + 1, column: "", reason: error.message, message: error.message });
      else throw error;
    }
  }
  if (problems.length > 0) throw new RegisterError(problems);
  return { mapping, deals, counts: { rows: rows.length - 1, deals: deals.length, blankRows }, skipped };
}
