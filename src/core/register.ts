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
 * A header as compared: lower case, without spaces, underscores, hyphens, dots or apostrophes — so
 * "Start date", "START DATE", "start_date" and "StartDate" are one header.
 *
 * @example
 * normaliseHeader(" Lock-in  Months ") // "lockinmonths"
 */
export function normaliseHeader(header: unknown): string {
  return cellText(header).toLowerCase().replace(/[\s_.'’-]+/g, "");
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
          `The columns "${columns[previous].header}" and "${text}" both give the ${spec.label}: keep one of them.`,
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
        throw valueError(`The columns "${columns[previous].header}" and "${text}" both give the ${spec.label}: keep one of them.`);
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
}

export interface RegisterCounts {
  /** Rows below the header. */
  readonly rows: number;
  readonly deals: number;
  /** Rows whose every cell is empty (or 0, as some hosts pass an empty cell): skipped. */
  readonly blankRows: number;
}

export interface Register {
  readonly mapping: ColumnMapping;
  readonly deals: readonly RegisterDeal[];
  readonly counts: RegisterCounts;
}

/**
 * Reads a register: the header row, then one deal per row — columns recognised by their header, or
 * as `chosen` ({@link mapColumnsAs}). Throws `#VALUE!` naming the row and the
 * column of the first bad cell, e.g. `Row 4, column "End date": the end date 2026-01-01 is before the
 * start date 2026-07-01.`
 */
export function readRegister(rows: readonly (readonly unknown[])[], chosen?: ColumnMapping): Register {
  if (rows.length === 0) throw valueError("The register is empty: give a header row and one deal per row.");
  const mapping = chosen ?? mapColumns(rows[0]);
  const deals: RegisterDeal[] = [];
  let blankRows = 0;
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i];
    if (isBlankRow(cells)) {
      blankRows++;
      continue;
    }
    deals.push(readRow(cells, i + 1, mapping));
  }
  return { mapping, deals, counts: { rows: rows.length - 1, deals: deals.length, blankRows } };
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

/** The message for a bad cell: `Row 4, column "End date": …`. */
function cellError(row: number, header: string, message: string): DealError {
  const column = header === "" ? "(no header)" : header;
  return valueError(`Row ${row}, column "${column}": ${lowerFirst(message)}`);
}

const SPEC_BY_FIELD: ReadonlyMap<RegisterField, FieldSpec> = new Map(REGISTER_FIELDS.map((spec) => [spec.field, spec]));

function readRow(cells: readonly unknown[], row: number, mapping: ColumnMapping): RegisterDeal {
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
    blamed(field, () => spec.decl.set(draft, readField(spec.decl, value, `the ${spec.label}`)));
  }

  const counterparty = draft.client ?? "";
  if (counterparty === "") throw cellError(row, header("counterparty"), "The counterparty is missing.");
  for (const field of ["startDate", "endDate", "payment"] as const) {
    if (isBlank(cell(field))) blamed(field, () => readField(SPEC_BY_FIELD.get(field)!.decl, cell(field), `the ${SPEC_BY_FIELD.get(field)!.label}`));
  }
  const terms0 = draft.terms;
  if (normaliseHeader(header("payment")) === "monthlypayment" && terms0.frequency !== undefined && terms0.frequency !== "monthly") {
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
  return { row, counterparty, terms, discountRate, exitProbability, gpuCount, terminationGiven };
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
