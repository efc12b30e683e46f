/**
 * A register's columns: which field each header gives (case, spaces, punctuation and a trailing unit
 * ignored; the synonyms are the field declarations' `headers`), or a mapping chosen column by column.
 */
import { valueError } from "../errors";
import { FieldDecl, FIELDS, RegisterField } from "../fields";
import { cellText, quoted, withCommas } from "./text";

export type { RegisterField };

export interface FieldSpec {
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
  /** Chosen column by column by the user (the pane's selects), not recognised from the headers. */
  readonly chosen?: boolean;
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
  return { columns, fields, ignored: columns.filter((c) => c.field === null), chosen: true };
}

/** Words too common to say what a column is ("Renewal date" is no start date). */
const COMMON_WORDS: ReadonlySet<string> = new Set([
  "a", "an", "the", "of", "in", "on", "at", "per", "and", "or", "to", "by", "for", "date", "day", "days", "month", "months", "year", "years", "period",
]);

/** The telling words of a header, lower case: letters and digits, common words left out. */
function tellingWords(header: string): string[] {
  return header.slice(0, 200).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "" && !COMMON_WORDS.has(w));
}

/** Each telling word of a recognised header, and the first field (in declaration order) whose headers use it. */
const FIELD_BY_WORD: ReadonlyMap<string, FieldSpec> = (() => {
  const byWord = new Map<string, FieldSpec>();
  for (const spec of REGISTER_FIELDS) for (const h of spec.headers) for (const w of tellingWords(h)) if (!byWord.has(w)) byWord.set(w, spec);
  return byWord;
})();

/** An ignored column whose header shares a word with a known field's headers: probably that field, misnamed. */
export interface LookalikeColumn {
  readonly column: RegisterColumn;
  /** The field or fields it looks like, as a message names them ("termination fee or notice days"). */
  readonly like: string;
}

/**
 * The ignored columns that look like a known field — their header shares a telling word with one of
 * the field's recognised headers — so that a register whose "Termination notice" column went unread
 * is flagged, not silently modelled without it. A mapping chosen column by column has none: the
 * user saw every column's choice.
 *
 * @example
 * lookalikeColumns(mapColumns(["Client", "Start", "End", "Payment", "Termination notice"])) // [{ column: …"Termination notice", like: "termination fee or notice days" }]
 */
export function lookalikeColumns(mapping: ColumnMapping): LookalikeColumn[] {
  // Columns the user chose to ignore (the pane shows each column's choice) are the user's decision.
  if (mapping.chosen) return [];
  const found: LookalikeColumn[] = [];
  for (const column of mapping.ignored) {
    const likes = [...new Set(tellingWords(column.header).flatMap((w) => FIELD_BY_WORD.get(w)?.label ?? []))];
    if (likes.length > 0) found.push({ column, like: likes.join(" or ") });
  }
  return found;
}
