/**
 * "Portfolio from a table": what the pane does between reading a register and inserting the
 * Portfolio sheet — without touching the workbook. It recognises the columns (as REGISTER_COLUMNS
 * does), lets the user choose another field for any column, reads every row with the one validation
 * (a bad row refuses the insert with its row and column) and builds the sheet's plan over the
 * register's own cells.
 */
import { ColumnMapping, DateOrder, DAYS_1900_TO_1904, DealError, mapColumnsAs, normaliseHeader, parseIsoDate, readRegister, Register, RegisterError, REGISTER_FIELDS, RegisterField, scanNumber } from "../core";
import { SheetPlan } from "../model/plan";
import { buildPortfolioPlan, isModelled, REGISTER_ROOM, registerSource } from "../model/portfolioSheet";
import { RegisterCells } from "./excelWriter";

export { REGISTER_ROOM };

/** Every field a column may give, as the pane's selects list them (label, and whether required). */
export const FIELD_CHOICES: readonly { readonly field: RegisterField; readonly label: string; readonly required: boolean }[] = REGISTER_FIELDS.map((f) => ({
  field: f.field,
  label: f.label.charAt(0).toUpperCase() + f.label.slice(1),
  required: f.required,
}));

/**
 * The field each header gives as the register reads it (synonyms, any case): null for a column it
 * ignores. A second column for a field already given is shown as ignored (the register would refuse
 * both; the user chooses).
 *
 * @example
 * recogniseColumns(["Tenant", "Commencement", "EXPIRY", "Amount", "Region"]) // ["counterparty", "startDate", "endDate", "payment", null]
 */
export function recogniseColumns(header: readonly unknown[]): (RegisterField | null)[] {
  const taken = new Set<RegisterField>();
  return header.map((h) => {
    const key = normaliseHeader(h);
    const spec = key === "" ? undefined : REGISTER_FIELDS.find((f) => f.headers.some((x) => normaliseHeader(x) === key));
    if (!spec || taken.has(spec.field)) return null;
    taken.add(spec.field);
    return spec.field;
  });
}

/** Whether two headers give one field (recogniseColumns ignores the second; DEAL.BACKLOG would refuse both). */
function hasDuplicateHeaders(header: readonly unknown[]): boolean {
  const fields = header.map((h) => REGISTER_FIELDS.find((f) => f.headers.some((x) => normaliseHeader(x) === normaliseHeader(h)))?.field).filter((f) => f !== undefined);
  return new Set(fields).size !== fields.length;
}

/** The register fields that hold dates, by their declared kind. */
const DATE_FIELDS: readonly RegisterField[] = REGISTER_FIELDS.filter((f) => f.decl.kind === "date" || f.decl.kind === "optionalDate").map((f) => f.field);

export interface PortfolioRead {
  readonly register: Register;
  /** The rows the formulas do not model (a ramp of several steps): flagged on the sheet, read by DEAL.PORTFOLIO. */
  readonly notModelled: readonly number[];
  /** Rows below the register the formulas read too. */
  readonly room: number;
  /** Whether the columns are read as their headers say (DEAL.BACKLOG reads them so too). */
  readonly byHeaders: boolean;
  /**
   * Deal rows holding a date or a number as text in a form the register reads but the sheet's formulas
   * (VALUE, DATEVALUE: the user's locale) may read otherwise: "1-Jul-2026", "31/12/2029", "$1,000".
   */
  readonly textRows: readonly number[];
}

/** The register fields whose cells are dates or numbers, by their declared kind. */
const VALUE_FIELDS = REGISTER_FIELDS.filter((f) => ["date", "optionalDate", "amount", "rate", "whole", "count"].includes(f.decl.kind));

/** Whether a cell is a value the sheet's formulas read as the register does: a number, a blank, ISO date text or plain number text. */
function readAlike(value: unknown, kind: string): boolean {
  if (typeof value !== "string" || value.trim() === "") return true;
  if (kind === "date" || kind === "optionalDate") return parseIsoDate(value) !== undefined;
  return scanNumber(value, { percent: kind === "rate" }) !== undefined;
}

function textReadRows(rows: readonly (readonly unknown[])[], mapping: ColumnMapping, register: Register): number[] {
  return register.deals
    .filter((d) => VALUE_FIELDS.some((f) => mapping.fields[f.field] !== undefined && !readAlike(rows[d.row - 1][mapping.fields[f.field]!], f.decl.kind)))
    .map((d) => d.row);
}

/** A refusal to show the user: the register's own message, with where the register is, and every refused row. */
export class RegisterRefusal extends Error {
  constructor(
    message: string,
    /** Every refused row's message (`Row 4, column "Expiry": …`); empty when the refusal is not a row's. */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

/**
 * Reads the register's rows with the chosen mapping (or the recognised one). Throws a
 * {@link RegisterRefusal} with the register's message — `Row 4, column "Expiry": …`, rows counted
 * from the header row as row 1 — and the header's sheet row.
 */
export function readPortfolio(cells: RegisterCells, choice: readonly (RegisterField | null)[] | null, date1904 = false, dateOrder?: DateOrder): PortfolioRead {
  const header = cells.values[0] ?? [];
  try {
    const recognised = recogniseColumns(header);
    const mapping = mapColumnsAs(header, choice ?? recognised);
    const byHeaders = mapping.columns.every((c, i) => c.field === recognised[i]) && !hasDuplicateHeaders(header);
    const dateColumns = DATE_FIELDS.map((f) => mapping.fields[f]).filter((i): i is number => i !== undefined);
    const rows = date1904
      ? cells.values.map((row, r) => (r === 0 ? row : row.map((v, c) => (typeof v === "number" && dateColumns.includes(c) ? v + DAYS_1900_TO_1904 : v))))
      : cells.values;
    const register = readRegister(rows, mapping, { dateOrder });
    const notModelled = register.deals.filter((d) => !isModelled(d.terms)).map((d) => d.row);
    return { register, notModelled, room: cells.freeBelow, byHeaders, textRows: textReadRows(rows, mapping, register) };
  } catch (error) {
    if (!(error instanceof DealError)) throw error;
    const where = cells.headerRow === 1 ? "" : ` (rows count from the header, on sheet row ${cells.headerRow}, as row 1)`;
    throw new RegisterRefusal(`${error.message}${where} Nothing was inserted.`, error instanceof RegisterError ? error.problems.map((p) => p.message) : []);
  }
}

/** The Portfolio sheet's plan over the register's own cells: its rows and the blank rows below it. */
export function portfolioPlan(cells: RegisterCells, read: PortfolioRead, sheetName = "Portfolio"): SheetPlan {
  const source = {
    ...registerSource(cells.sheetName, read.register.mapping, cells.values.length - 1, cells.headerRow, cells.firstColumn),
    rows: cells.values.length - 1 + read.room,
  };
  return buildPortfolioPlan(source, read.register, { sheetName, expectedFromFunctions: read.byHeaders });
}

/** What the pane says of a register it can insert. */
export function describeRead(read: PortfolioRead): string {
  const { counts } = read.register;
  const parts = [`${counts.deals} deal${counts.deals === 1 ? "" : "s"}`];
  if (counts.blankRows > 0) parts.push(`${counts.blankRows} blank row${counts.blankRows === 1 ? "" : "s"} skipped`);
  const totals = read.register.skipped;
  if (totals.length > 0) parts.push(`${totals.length} total row${totals.length === 1 ? "" : "s"} skipped (row${totals.length === 1 ? "" : "s"} ${totals.map((t) => t.row).join(", ")})`);
  let text = parts.join(", ") + ".";
  if (totals.length > 0) text += ` The sheet's formulas flag ${totals.length === 1 ? "it" : "them"} as not modelled (DEAL functions skip ${totals.length === 1 ? "it" : "them"}).`;
  const withoutTerms = read.register.deals.filter((d) => !d.terminationGiven).map((d) => d.row);
  if (withoutTerms.length > 0) {
    const shown = withoutTerms.slice(0, 10).join(", ") + (withoutTerms.length > 10 ? ", …" : "");
    text += ` Row${withoutTerms.length === 1 ? "" : "s"} ${shown} give${withoutTerms.length === 1 ? "s" : ""} no termination terms: read as no early exit (committed = headline).`;
  }
  const textRows = read.textRows;
  if (textRows.length > 0) {
    const shown = textRows.slice(0, 10).join(", ") + (textRows.length > 10 ? ", …" : "");
    text += ` Row${textRows.length === 1 ? "" : "s"} ${shown} hold${textRows.length === 1 ? "s" : ""} dates or amounts as text (such as 1-Jul-2026 or $1,000): the DEAL functions read them as here, but the sheet's formulas may read them otherwise — format those cells as dates and numbers.`;
  }
  if (read.notModelled.length > 0) {
    text += ` Row${read.notModelled.length === 1 ? "" : "s"} ${read.notModelled.join(", ")} ha${read.notModelled.length === 1 ? "s" : "ve"} a ramp of several steps: the sheet flags ${read.notModelled.length === 1 ? "it" : "them"} (DEAL.PORTFOLIO reads every row).`;
  }
  if (!read.byHeaders) text += " Columns mapped by hand: Expected (DEAL.BACKLOG reads headers) is left out.";
  text += ` The formulas read ${read.room} more row${read.room === 1 ? "" : "s"} below the table for deals you add.`;
  return text;
}
