/** Rows that are no deal: a total or subtotal row, and a row in another currency than the register's. */
import { Decimal } from "../money";
import { currencyOf, readAmount } from "../vocabulary";
import { ColumnMapping, REGISTER_FIELDS, RegisterField } from "./columns";
import { CellError } from "./problems";
import { isBlank, quoted } from "./text";

/** The register fields that hold amounts, by their declared kind. */
const AMOUNT_FIELDS: readonly RegisterField[] = REGISTER_FIELDS.filter((f) => f.decl.kind === "amount").map((f) => f.field);

/**
 * A cell whose amount is in another currency than the register's first marked amount, as a refusal;
 * null when every marked amount so far is in one currency. (Unmarked amounts are taken as written.)
 */
export function mixedCurrency(cells: readonly unknown[], row: number, mapping: ColumnMapping, seen: { first?: { code: string; row: number } }): CellError | null {
  for (const field of AMOUNT_FIELDS) {
    const index = mapping.fields[field];
    const value = index === undefined ? undefined : cells[index];
    if (typeof value !== "string" || value.length > 400) continue;
    const code = currencyOf(value);
    if (code === undefined) continue;
    if (seen.first === undefined) seen.first = { code, row };
    else if (seen.first.code !== code) {
      return new CellError(
        row,
        mapping.columns[index!].header,
        `The amount is in ${code} but row ${seen.first.row} gives ${seen.first.code}: a register is summed in one currency; convert the amounts or split the register.`,
      );
    }
  }
  return null;
}

/** A row's payment as an amount, or null when its cell is blank or not an amount. */
export function paymentOf(cells: readonly unknown[], mapping: ColumnMapping): Decimal | null {
  const index = mapping.fields.payment;
  const value = index === undefined ? undefined : cells[index];
  if (isBlank(value)) return null;
  try {
    return new Decimal(readAmount(value, "payment"));
  } catch {
    return null;
  }
}

/** Words that open a total row's first text cell ("Total", "Subtotal", "Grand total"). */
const TOTAL_WORDS = ["total", "subtotal", "sub-total", "sub total", "grand total", "totals"];

/**
 * Why a row is a total and not a deal, or null: its first text cell opens with the word Total (not
 * "TotalEnergies"), or its dates are blank and its payment is the sum of the payments above (since
 * the last total, or of all).
 */
export function totalRow(cells: readonly unknown[], mapping: ColumnMapping, sums: { all: Decimal; sinceTotal: Decimal }): string | null {
  const first = cells.find((c) => typeof c === "string" && /\p{L}/u.test(c));
  if (typeof first === "string") {
    const text = first.trim().toLowerCase();
    for (const word of TOTAL_WORDS) {
      if (text.startsWith(word) && !/\p{L}/u.test(text.charAt(word.length))) return `a total ("${quoted(first.trim())}")`;
    }
  }
  const blank = (field: RegisterField) => mapping.fields[field] === undefined || isBlank(cells[mapping.fields[field]!]);
  const payment = paymentOf(cells, mapping);
  if (blank("startDate") && blank("endDate") && payment !== null && !payment.isZero()) {
    if (payment.minus(sums.sinceTotal).abs().lt(0.005) || payment.minus(sums.all).abs().lt(0.005)) return "a total: the sum of the payments above, with no dates";
  }
  return null;
}
