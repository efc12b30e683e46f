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
 * Reading a cell (a date, a number, a word such as "quarterly") is the adapter's business: it hands in
 * {@link CellReaders}, so that a register cell means what the same value means as a DEAL argument.
 */
import { Decimal } from "./money";
import { DealError, valueError } from "./errors";
import type { DealDraft, RampUntil } from "./deal";
import { FieldDecl, FIELDS, readField, readRampText, RegisterField } from "./fields";
import { ContractTerms, hasTerminationTerms, lockedToEnd, RampStepInput, TermsInput, validateTerms } from "./terms";
import { currencyOf, DateOrder, readAmount } from "./vocabulary";

export type { RegisterField };

interface FieldSpec {
  readonly field: RegisterField;
  /** How the field is named in messages. */
  readonly label: string;
  readonly required: boolean;
  /** Recognised headers, as written in the documentation; compared after {@link normaliseHeader}. */
  readonly headers: readonly string[];
  /** The field's declaration: its kind decides how its cells are read. */
  readonly decl: FieldDecl;
}

/** Every column a register may have, in the documented order: the fields declared with a register column. */
export const REGISTER_FIELDS: readonly FieldSpec[] = FIELDS.flatMap((decl) =>
  decl.register
    ? [{ field: decl.register.id as RegisterField, label: decl.register.phrase, required: decl.register.required === true, headers: decl.register.headers, decl }]
    : [],
);

/**
 * A header as compared: lower case, letters and digits only (no spaces or punctuation), without a
 * trailing unit in brackets — so "Start date", "START DATE", "start_date" and "StartDate" are one
 * header, and "Lock-in (months)", "Monthly fee ($)" and "Escalation (%/yr)" read as "Lock-in",
 * "Monthly fee" and "Escalation". One pass over the header's characters.
 *
 * @example
 * normaliseHeader(" Lock-in  Months ") // "lockinmonths"
 * normaliseHeader("Notice (days)") // "notice"
 */
export function normaliseHeader(header: unknown): string {
  let text = cellText(header);
  const close = text.endsWith(")") ? "(" : text.endsWith("]") ? "[" : "";
  if (close !== "") {
    const open = text.lastIndexOf(close);
    if (open > 0) text = text.slice(0, open);
  }
  let out = "";
  for (const ch of text.toLowerCase()) if (/[\p{L}\p{N}]/u.test(ch)) out += ch;
  return out;
}

/** The most columns a worksheet holds (XFD). */
export const MAX_REGISTER_COLUMNS = 16_384;

/** The most rows below the header a register is read with: beyond it, a plain message rather than a workbook too large to write. */
export const MAX_REGISTER_ROWS = 20_000;

/** A whole number with thousands commas, without Intl: 16384 → "16,384". */
function withCommas(n: number): string {
  const digits = String(n);
  let out = "";
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? "," : "") + digits[i];
  return out;
}

/** A header or cell as a message quotes it: at most 40 characters. */
function quoted(text: string): string {
  return text.length > 40 ? text.slice(0, 40) + "…" : text;
}

function checkWidth(header: readonly unknown[]): void {
  if (header.length > MAX_REGISTER_COLUMNS) {
    throw valueError(`The register has ${withCommas(header.length)} columns; a worksheet holds at most ${withCommas(MAX_REGISTER_COLUMNS)}.`);
  }
}

const FIELD_BY_HEADER: ReadonlyMap<string, FieldSpec> = new Map(
  REGISTER_FIELDS.flatMap((spec) => spec.headers.map((h) => [normaliseHeader(h), spec] as const)),
);

export interface RegisterColumn {
  /** 0-based position in the header row. */
  readonly index: number;
  /** The header as written (trimmed); "" for a blank header cell. */
  readonly header: string;
  /** The field it gives, or null for a column that is ignored. */
  readonly field: RegisterField | null;
}

export interface ColumnMapping {
  /** Every column of the header row, recognised or not. */
  readonly columns: readonly RegisterColumn[];
  /** Where each recognised field is read from (a 0-based column index). */
  readonly fields: Readonly<Partial<Record<RegisterField, number>>>;
  /** The columns ignored: unknown or blank headers. */
  readonly ignored: readonly RegisterColumn[];
}

/**
 * Recognises the columns of a header row. Throws `#VALUE!` for a required column that is missing or
 * two columns that give the same field.
 *
 * @example
 * mapColumns(["Customer", "Start date", "Expiry", "Amount", "Region"]).fields // { counterparty: 0, startDate: 1, endDate: 2, payment: 3 }
 */
export function mapColumns(header: readonly unknown[]): ColumnMapping {
  checkWidth(header);
  const columns: RegisterColumn[] = [];
  const fields: Partial<Record<RegisterField, number>> = {};
  for (let index = 0; index < header.length; index++) {
    const text = cellText(header[index]);
    const spec = text === "" ? undefined : FIELD_BY_HEADER.get(normaliseHeader(text));
    const field = spec ? spec.field : null;
    if (spec) {
      const previous = fields[spec.field];
      if (previous !== undefined) {
        throw valueError(
          `The columns "${quoted(columns[previous].header)}" and "${quoted(text)}" both give the ${spec.label}: keep one of them.`,
        );
      }
      fields[spec.field] = index;
    }
    columns.push({ index, header: text, field });
  }
  for (const spec of REGISTER_FIELDS) {
    if (spec.required && fields[spec.field] === undefined) {
      throw valueError(
        `The register has no ${spec.label} column: name one ${spec.headers.map((h) => `"${h}"`).join(", ")} (any case).`,
      );
    }
  }
  return { columns, fields, ignored: columns.filter((c) => c.field === null) };
}

/**
 * A mapping chosen column by column (the task pane's selects): `choice[i]` is the field column i
 * gives, or null to ignore it. Refused as {@link mapColumns} refuses: a field given by two columns, or
 * a required field given by none.
 *
 * @example
 * mapColumnsAs(["Who", "From", "To", "Pay"], ["counterparty", "startDate", "endDate", "payment"]).fields.payment // 3
 */
export function mapColumnsAs(header: readonly unknown[], choice: readonly (RegisterField | null)[]): ColumnMapping {
  checkWidth(header);
  const columns: RegisterColumn[] = [];
  const fields: Partial<Record<RegisterField, number>> = {};
  for (let index = 0; index < header.length; index++) {
    const text = cellText(header[index]);
    const field = choice[index] ?? null;
    const spec = field === null ? undefined : REGISTER_FIELDS.find((f) => f.field === field);
    if (field !== null && !spec) throw valueError(`"${String(field)}" is not a register column.`);
    if (spec) {
      const previous = fields[spec.field];
      if (previous !== undefined) {
        throw valueError(`The columns "${quoted(columns[previous].header)}" and "${quoted(text)}" both give the ${spec.label}: keep one of them.`);
      }
      fields[spec.field] = index;
    }
    columns.push({ index, header: text, field: spec ? spec.field : null });
  }
  for (const spec of REGISTER_FIELDS) {
    if (spec.required && fields[spec.field] === undefined) throw valueError(`No column gives the ${spec.label}: choose one.`);
  }
  return { columns, fields, ignored: columns.filter((c) => c.field === null) };
}

/** One deal of a register: its row and validated terms, with the register's own assumptions. */
export interface RegisterDeal {
  /** The row number, header = row 1. */
  readonly row: number;
  readonly counterparty: string;
  readonly terms: ContractTerms;
  /** From a "Discount rate" column; null when not given. */
  readonly discountRate: Decimal | null;
  /** From an "Annual exit probability" column: 0 (the default) to 1. */
  readonly exitProbability: number;
  /** From a "GPU count" column; null when not given. */
  readonly gpuCount: number | null;
  /**
   * Whether the row gives termination terms (any of lock-in months, lock-in last day, notice days,
   * notice date). A row without them has no early-exit right: it is read as locked in to its end
   * (committed = headline), never as terminable at once — only terms that are given can lower the
   * committed value. Given terms keep their own meaning: a lock-in without a notice period is ended
   * at the lock-in's end.
   */
  readonly terminationGiven: boolean;
  /** From a "Provider" (Landlord, Lessor) column; absent when not given. */
  readonly provider?: string;
}

export interface RegisterCounts {
  /** Rows below the header. */
  readonly rows: number;
  readonly deals: number;
  /** Rows whose every cell is empty (or 0, as some hosts pass an empty cell): skipped. */
  readonly blankRows: number;
}

/** A row read as no deal: a total or subtotal row. */
export interface SkippedRow {
  /** The row number, header = row 1. */
  readonly row: number;
  readonly reason: string;
}

export interface Register {
  readonly mapping: ColumnMapping;
  readonly deals: readonly RegisterDeal[];
  readonly counts: RegisterCounts;
  /** Total and subtotal rows, skipped. */
  readonly skipped: readonly SkippedRow[];
}

/** One refused row: where, and why. */
export interface RegisterProblem {
  /** The row number, header = row 1. */
  readonly row: number;
  /** The column's header as written; "" when no one column explains it. */
  readonly column: string;
  readonly reason: string;
  /** The whole message: `Row 4, column "End date": the end date … is before …`. */
  readonly message: string;
}

/** How many refused rows a message spells out; the rest are counted. */
const PROBLEMS_IN_MESSAGE = 3;

/**
 * A register refused for one or more rows: every refused row in {@link problems}; the message gives
 * the first three and counts the rest — one row's message alone when only one row is refused.
 */
export class RegisterError extends DealError {
  constructor(readonly problems: readonly RegisterProblem[]) {
    super("value", registerMessage(problems));
  }
}

function registerMessage(problems: readonly RegisterProblem[]): string {
  if (problems.length === 1) return problems[0].message;
  const shown = problems.slice(0, PROBLEMS_IN_MESSAGE).map((p) => p.message);
  const rest = problems.slice(PROBLEMS_IN_MESSAGE).map((p) => p.row);
  const more = rest.length === 0 ? "" : ` And ${rest.length} more (row${rest.length === 1 ? "" : "s"} ${rest.slice(0, 10).join(", ")}${rest.length > 10 ? ", …" : ""}).`;
  return `${problems.length} rows are refused. ${shown.join(" ")}${more}`;
}

/** How a register is read: the order of day and month in dates typed with numbers only, and the row limit. */
export interface RegisterOptions {
  readonly dateOrder?: DateOrder;
  /** At most this many rows below the header (default {@link MAX_REGISTER_ROWS}). */
  readonly maxRows?: number;
}

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

/** The register fields that hold amounts, by their declared kind. */
const AMOUNT_FIELDS: readonly RegisterField[] = REGISTER_FIELDS.filter((f) => f.decl.kind === "amount").map((f) => f.field);

/**
 * A cell whose amount is in another currency than the register's first marked amount, as a refusal;
 * null when every marked amount so far is in one currency. (Unmarked amounts are taken as written.)
 */
function mixedCurrency(cells: readonly unknown[], row: number, mapping: ColumnMapping, seen: { first?: { code: string; row: number } }): CellError | null {
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
function paymentOf(cells: readonly unknown[], mapping: ColumnMapping): Decimal | null {
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
function totalRow(cells: readonly unknown[], mapping: ColumnMapping, sums: { all: Decimal; sinceTotal: Decimal }): string | null {
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

function isBlankRow(cells: readonly unknown[]): boolean {
  for (const cell of cells) if (!isBlank(cell) && cell !== 0) return false;
  return true;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function cellText(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/** A bad cell: its row, column and reason, and the message `Row 4, column "End date": …`. */
class CellError extends DealError {
  readonly problem: RegisterProblem;
  constructor(row: number, header: string, reason: string) {
    const column = header === "" ? "(no header)" : quoted(header);
    const message = `Row ${row}, column "${column}": ${lowerFirst(reason)}`;
    super("value", message);
    this.problem = { row, column: header, reason, message };
  }
}

function cellError(row: number, header: string, message: string): DealError {
  return new CellError(row, header, message);
}

/** Payment headers that say the amount is monthly: a deal in such a column that pays otherwise is refused. */
const MONTHLY_PAYMENT_HEADERS: ReadonlySet<string> = new Set(["monthlypayment", "monthlyfee", "monthlyrent"]);

const SPEC_BY_FIELD: ReadonlyMap<RegisterField, FieldSpec> = new Map(REGISTER_FIELDS.map((spec) => [spec.field, spec]));

function readRow(cells: readonly unknown[], row: number, mapping: ColumnMapping, options: RegisterOptions): RegisterDeal {
  const header = (field: RegisterField): string => mapping.columns[mapping.fields[field]!].header;
  const cell = (field: RegisterField): unknown => {
    const index = mapping.fields[field];
    return index === undefined ? undefined : cells[index];
  };
  /** Blaming a cell's column for a refusal. */
  const blamed = <T>(field: RegisterField, compute: () => T): T => {
    try {
      return compute();
    } catch (error) {
      if (error instanceof DealError) throw cellError(row, header(field), error.message);
      throw error;
    }
  };

  // Every given cell is read by its field's kind and set on a draft of the deal, as a form or an
  // option would be; a blank cell is not given (the terms' own defaults apply).
  const draft: DealDraft = { terms: {} };
  for (const [field, index] of Object.entries(mapping.fields) as [RegisterField, number][]) {
    const value = cells[index];
    if (isBlank(value)) continue;
    const spec = SPEC_BY_FIELD.get(field)!;
    blamed(field, () => spec.decl.set(draft, readField(spec.decl, value, `the ${spec.label}`, options)));
  }

  const counterparty = draft.client ?? "";
  if (counterparty === "") throw cellError(row, header("counterparty"), "The counterparty is missing.");
  for (const field of ["startDate", "endDate", "payment"] as const) {
    if (isBlank(cell(field))) blamed(field, () => readField(SPEC_BY_FIELD.get(field)!.decl, cell(field), `the ${SPEC_BY_FIELD.get(field)!.label}`));
  }
  const terms0 = draft.terms;
  if (MONTHLY_PAYMENT_HEADERS.has(normaliseHeader(header("payment"))) && terms0.frequency !== undefined && terms0.frequency !== "monthly") {
    throw cellError(
      row,
      header("frequency"),
      `The payment column is "${header("payment")}" but this deal pays ${terms0.frequency}: name the column "Payment" (an amount per period) so the amount is not misread.`,
    );
  }
  if (draft.ramp) terms0.payment = rampSteps(draft.ramp, terms0.startDate!, terms0.payment as number);
  // No termination terms at all: no termination clause, so no early exit (a missing clause is no
  // clause, not "terminable at once"). Locked in to the end, every exit falls after it.
  const terminationGiven = hasTerminationTerms(terms0);
  const input = (terminationGiven ? terms0 : lockedToEnd(terms0)) as TermsInput;

  let terms: ContractTerms;
  try {
    terms = validateTerms(input);
  } catch (error) {
    if (!(error instanceof DealError)) throw error;
    const field = blame(error.message, input);
    const message = field === "ramp" ? error.message.replace(/\bramp row (\d+)/gi, "ramp step $1").replace(/\(row (\d+)\)/g, "(step $1)") : error.message;
    if (field !== null && mapping.fields[field] !== undefined) throw cellError(row, header(field), message);
    // A message no column explains (a rule added to validateTerms later): name the required columns.
    throw valueError(
      `Row ${row}, columns ${(["startDate", "endDate", "payment"] as const).map((f) => `"${header(f)}"`).join(", ")}: ${lowerFirst(message)}`,
    );
  }

  const discountRate =
    draft.discountRate === undefined
      ? null
      : blamed("discountRate", () => {
          if (draft.discountRate! <= -1) throw valueError("The discount rate must be above -100%.");
          return new Decimal(draft.discountRate!);
        });
  const exitProbability =
    draft.exitProbability === undefined
      ? 0
      : blamed("exitProbability", () => {
          const p = draft.exitProbability!;
          if (!(p >= 0 && p <= 1)) throw valueError(`The annual exit probability must be between 0 and 1 (0% to 100%), not ${p}.`);
          return p;
        });
  const gpuCount =
    draft.gpuCount == null
      ? null
      : blamed("gpuCount", () => {
          if (draft.gpuCount! <= 0) throw valueError(`The GPU count must be a whole number above 0, not ${draft.gpuCount}.`);
          return draft.gpuCount!;
        });
  const provider = draft.provider === undefined || draft.provider === "" ? {} : { provider: draft.provider };
  return { row, counterparty, terms, discountRate, exitProbability, gpuCount, terminationGiven, ...provider };
}

/**
 * The column to blame for a message of {@link validateTerms}. Its messages name the argument
 * (`notice_date`, `lock_in_months`, …) or the quantity ("The end date … is before …"); the patterns
 * below are tested message by message, so a reworded message shows up as a failing test.
 */
function blame(message: string, input: TermsInput): RegisterField | null {
  const patterns: [RegisterField, RegExp][] = [
    ["ramp", /\bramp\b/i],
    ["startDate", /^start_date\b/],
    ["endDate", /^end_date\b|^The end date|^The term from .* is longer than/],
    ["payment", /^payment\b|payment per period/],
    ["escalation", /escalation/i],
    ["lockInLastDay", /lock-in end date/],
    ["lockInMonths", /^lock_in_months\b/],
    ["noticeDays", /^notice_days\b/],
    ["noticeInLockIn", /^notice_in_lock_in\b/],
    ["noticeDate", /^notice_date\b|^Notice served on/],
    ["terminationFee", /termination_fee|termination fee/],
  ];
  for (const [field, pattern] of patterns) if (pattern.test(message)) return field;
  // A lock-in that runs past 9999 fails inside the date arithmetic.
  if (/outside Excel's calendar/.test(message)) return input.lockInLastDay != null ? "lockInLastDay" : "lockInMonths";
  return null;
}

/**
 * A ramp cell: the amounts paid before the row's payment takes over, as text —
 * `"460000000 until 2026-09-30"` or several steps `"50000000 until 2026-09-30; 100000000 until 2026-12-31"`.
 * Each amount applies from the previous step's day after (the first from the start) through its
 * "until" day; the payment column applies after the last. Returns the core's ramp steps.
 *
 * @example
 * readRamp("460000000 until 2026-09-30", 46204, 920000000) // [{46204, 460000000}, {46296, 920000000}]
 */
export function readRamp(value: unknown, startDate: number, payment: number): RampStepInput[] {
  return rampSteps(readRampText(value), startDate, payment);
}

/** Ramp steps from a ramp cell's amounts-until, the start and the payment that follows them. */
function rampSteps(until: readonly RampUntil[], startDate: number, payment: number): RampStepInput[] {
  const steps: RampStepInput[] = [];
  let from = startDate;
  for (const step of until) {
    steps.push({ effectiveDate: from, amount: step.amount });
    from = step.until + 1;
  }
  steps.push({ effectiveDate: from, amount: payment });
  return steps;
}
