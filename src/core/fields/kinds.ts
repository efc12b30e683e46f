/**
 * What a field declaration holds, and the one reader per kind of value: {@link readField} reads a
 * raw value (a cell, an argument, a form field, an option, a register cell) by the field's declared
 * kind, never by a name.
 */
import { valueError } from "../errors";
import { formatIsoDate } from "../dates";
import type { DealDraft, DealTemplate, RampUntil } from "../deal";
import {
  isBlank,
  readAmount,
  readDate,
  readFlag,
  readFrequency,
  readOptionalDate,
  readProration,
  readRate,
  readText,
  readTiming,
  readWhole,
} from "../vocabulary";
import type { DateOrder } from "../vocabulary";

/** How a surface asks values to be read: the order of day and month in dates typed with numbers only. */
export interface ReadOptions {
  readonly dateOrder?: DateOrder;
}

/**
 * What kind of value a field holds, and so which reader reads it:
 * - `text`: free text (names);
 * - `date` / `optionalDate`: an Excel serial (1900 system), or text: ISO `YYYY-MM-DD`, `1-Jul-2026`,
 *   `July 1, 2026`, `31/12/2029` (day and month by the numbers or the stated order); optional = may be blank;
 * - `amount`: a number, thousands separators and a currency mark allowed in text ("$150,000,000", "USD 150,000,000");
 * - `rate`: a fraction (0.08) or a percentage with its sign ("8%"); a bare number above 1 is refused;
 * - `whole`: a whole number (months, days);
 * - `count`: a whole number that may be blank (not disclosed);
 * - `flag`: TRUE or FALSE;
 * - `frequency`, `timing`, `proration`: one of the words in `allowed` (or a synonym);
 * - `choice`: one of the words in `allowed`, as the sheet holds them (case ignored);
 * - `ramp`: a register's ramp cell, "50000000 until 2026-09-30; 100000000 until 2026-12-31".
 */
export type FieldKind =
  | "text"
  | "date"
  | "optionalDate"
  | "amount"
  | "rate"
  | "whole"
  | "count"
  | "flag"
  | "frequency"
  | "timing"
  | "proration"
  | "choice"
  | "ramp";

/** A field's value once read: text, a serial or a number, a flag, a word, null for a blank optional field, or ramp steps. */
export type FieldValue = string | number | boolean | null | readonly RampUntil[];

/** A field's value on a deal as the sheet holds it, with its basis for context figures ("reported", "assumed", …). */
export interface HeldValue {
  readonly value: string | number | boolean | null;
  readonly basis?: string;
}

/** The register column a field may be read from. */
export interface RegisterColumnDecl {
  /** The field's key in a register mapping (`mapping.fields.startDate`). */
  readonly id: string;
  /** The field as a register message names it: "start date" ("Row 4, column "Start": the start date …"). */
  readonly phrase: string;
  /** Recognised headers, as the documentation writes them; compared after `normaliseHeader`. */
  readonly headers: readonly string[];
  /** A register without this column is refused. */
  readonly required?: boolean;
}

export interface FieldDecl {
  /** The sheet-scoped defined name, e.g. "StartDate". */
  readonly name: string;
  /** The sheet's row label, e.g. "Start date (first day of service)". */
  readonly label: string;
  readonly kind: FieldKind;
  /** One line: allowed values / meaning; the pane, `--help`, the sheet's note column and the reference show it. */
  readonly help: string;
  /** Word kinds: the words as the sheet holds them, e.g. ["monthly", "quarterly", "semi-annual", "annual"]. */
  readonly allowed?: readonly string[];
  /** May be blank (a figure not disclosed): read as null. Optional dates and counts always may. */
  readonly optional?: boolean;
  /** What a blank gives where a blank is allowed (the DEAL functions' optional arguments). */
  readonly default?: string | number | boolean;
  /** The DEAL argument's name when it is not the defined name in snake_case ({@link argOf}). */
  readonly arg?: string;
  /** The command line's option, e.g. "--discount-rate" (absent: not an option). */
  readonly cli?: string;
  /** Shown in the task pane's form. */
  readonly pane?: boolean;
  /** `false`: not an input of the model sheet (a register-only column such as the ramp). */
  readonly sheet?: false;
  /** The register column that gives this field (absent: not read from a register). */
  readonly register?: RegisterColumnDecl;
  /** The field's value on a deal, as the sheet holds it (absent only for register-only fields). */
  readonly get?: (deal: DealTemplate) => HeldValue;
  /** Puts a value read by {@link readField} on a draft. */
  readonly set: (draft: DealDraft, value: FieldValue) => void;
}

/**
 * The name messages use for a field from a DEAL function: its argument's name, snake_case.
 *
 * @example
 * argOf(FIELD.DiscountRate) // "discount_rate"
 * argOf(FIELD.ExitProbability) // "annual_exit_probability"
 */
export function argOf(decl: FieldDecl): string {
  return decl.arg ?? decl.name.replace(/[A-Z]/g, (letter, at: number) => (at === 0 ? "" : "_") + letter.toLowerCase());
}

/**
 * Reads a raw value for a field — a cell, an argument, text typed in the pane or on the command line
 * — with its kind's one reader. `name` is how a message names the field (the argument's name unless
 * the surface says otherwise: the register says "the start date", the command line "--start").
 * A blank optional field is null; a blank field with a default is that default; any other blank is
 * refused as missing by the reader.
 *
 * @example
 * readField(FIELD.DiscountRate, "8%") // 0.08
 * readField(FIELD.Frequency, "Quarterly") // "quarterly"
 * readField(FIELD.GpuCount, "") // null
 */
export function readField(decl: FieldDecl, raw: unknown, name: string = argOf(decl), options: ReadOptions = {}): FieldValue {
  if (isBlank(raw)) {
    if (decl.optional || decl.kind === "optionalDate" || decl.kind === "count") return null;
    if (decl.default !== undefined) return decl.default;
  }
  switch (decl.kind) {
    case "text":
      return readText(raw, name);
    case "date":
      return readDate(raw, name, options.dateOrder);
    case "optionalDate":
      return readOptionalDate(raw, name, options.dateOrder);
    case "amount":
      return readAmount(raw, name);
    case "rate":
      return readRate(raw, name);
    case "whole":
      return readWhole(raw, name);
    case "count":
      return readWhole(raw, name);
    case "flag":
      return readFlag(raw, name);
    case "frequency":
      return readFrequency(raw, name);
    case "timing":
      return readTiming(raw, name);
    case "proration":
      return readProration(raw, name);
    case "choice":
      return readChoice(raw, name, decl.allowed ?? []);
    case "ramp":
      return readRampText(raw);
  }
}

/**
 * One of the allowed words, case ignored.
 *
 * @example
 * readChoice("Lessee", "who_may_terminate", ["both", "lessee", "lessor"]) // "lessee"
 */
export function readChoice(raw: unknown, name: string, allowed: readonly string[]): string {
  const text = readText(raw, name);
  const found = allowed.find((word) => word === text.toLowerCase());
  if (found !== undefined) return found;
  const words = allowed.map((w) => `"${w}"`);
  const list = `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
  throw valueError(`${name} must be ${list}, not "${text.length > 40 ? text.slice(0, 40) + "…" : text}".`);
}

const RAMP_EXAMPLE = `give the amounts before the payment as text such as "50000000 until 2026-09-30; 100000000 until 2026-12-31"`;

/**
 * A ramp cell's steps: each amount is paid until (and on) its day.
 *
 * @example
 * readRampText("460,000,000 until 2026-09-30") // [{ amount: "460000000", until: 46295 }]
 */
export function readRampText(value: unknown): RampUntil[] {
  if (typeof value !== "string") throw valueError(`The ramp must be text: ${RAMP_EXAMPLE}.`);
  const steps: RampUntil[] = [];
  for (const part of value.split(";")) {
    if (part.trim() === "") continue;
    const match = /^\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s+until\s+(\S+)\s*$/i.exec(part.length > 200 ? "" : part);
    const until = match ? readOptionalDateText(match[3]) : undefined;
    if (!match || until === undefined) {
      throw valueError(`The ramp step "${clip(part.trim())}" is not "amount until YYYY-MM-DD": ${RAMP_EXAMPLE}.`);
    }
    steps.push({ amount: match[1].replace(/,/g, "") + (match[2] ?? ""), until });
  }
  if (steps.length === 0) throw valueError(`The ramp is empty: ${RAMP_EXAMPLE}.`);
  return steps;
}

const clip = (text: string) => (text.length > 40 ? text.slice(0, 40) + "…" : text);

/** An ISO date in a ramp step, or undefined. */
function readOptionalDateText(text: string): number | undefined {
  try {
    return readDate(text, "until");
  } catch {
    return undefined;
  }
}

/**
 * How the reference and `--help` show a field's value kind.
 *
 * @example
 * kindWord(FIELD.StartDate) // "date"
 */
export function kindWord(decl: FieldDecl): string {
  switch (decl.kind) {
    case "optionalDate":
      return "date or blank";
    case "whole":
      return "whole number";
    case "count":
      return "whole number or blank";
    case "flag":
      return "TRUE/FALSE";
    case "frequency":
    case "timing":
    case "proration":
    case "choice":
      return "word";
    default:
      return decl.optional ? `${decl.kind} or blank` : decl.kind;
  }
}

/** A held value as text for the reference: dates as ISO, blanks as "(blank)". */
export function showHeld(decl: FieldDecl, value: HeldValue["value"]): string {
  if (value === null) return "(blank)";
  if ((decl.kind === "date" || decl.kind === "optionalDate") && typeof value === "number") return formatIsoDate(value);
  return String(value);
}
