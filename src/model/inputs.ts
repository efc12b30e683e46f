/**
 * The model sheet's inputs: the fields declared in src/core/fields.ts that are inputs of the sheet
 * (every field but the register-only ones), in sheet order. The Inputs block, the pane's form, the
 * command line's options and the template overrides read them here; nothing about a field is
 * declared in this file.
 */
import {
  argOf,
  DealError,
  DealTemplate,
  FIELD,
  FieldDecl,
  FieldKind,
  FieldName,
  FIELDS,
  FieldValue,
  PaneFieldDecl,
  PaneFieldName,
  readField,
  SheetFieldName,
} from "../core";

export type InputKind = FieldKind;
export type InputDecl = FieldDecl & { readonly name: InputName };
export type InputName = SheetFieldName;
export type PaneInputDecl = PaneFieldDecl;
export type PaneInputName = PaneFieldName;

/** The model's inputs, in sheet order. */
export const INPUTS: readonly InputDecl[] = FIELDS.filter((f): f is InputDecl => f.sheet !== false);

/** The inputs' sheet-scoped defined names, in sheet order. */
export const INPUT_NAMES: readonly InputName[] = INPUTS.map((d) => d.name);

/** The name messages use for an input: the DEAL functions' argument name ("DiscountRate" → "discount_rate"). */
export const argName = (name: InputName): string => argOf(FIELD[name]);

/** What reading an input gives: a string (text), a serial (dates), a number, a flag, a choice, or null for blank. */
export type InputValue = string | number | boolean | null;

/**
 * Reads a raw value for an input with its kind's one reader (src/core/fields.ts); `name` is how a
 * message names it (the argument's name unless a surface says otherwise, e.g. the CLI's option).
 *
 * @example
 * readInput("DiscountRate", "8%") // 0.08
 */
export function readInput(name: InputName, raw: unknown, as: string = argName(name)): InputValue {
  return readField(FIELD[name], raw, as) as InputValue;
}

/** A value refused for a named input: the reader's message, and which input it was (for the pane to mark). */
export class InputError extends DealError {
  constructor(
    readonly input: FieldName,
    refusal: DealError,
  ) {
    super(refusal.kind, refusal.message);
    this.name = "InputError";
  }
}

/** Raw values by field, as a form or a command line gives them; absent fields are left out. */
export type RawInputs = Partial<Readonly<Record<FieldName, unknown>>>;
export type InputValues = Partial<Readonly<Record<FieldName, InputValue>>>;

/**
 * Reads each given input with {@link readInput}, in sheet order; the first refusal is thrown as an
 * {@link InputError}. `nameOf` says how a message names an input (default: its argument's name).
 */
export function readInputs(raw: RawInputs, nameOf: (decl: FieldDecl) => string = (d) => argOf(d)): InputValues {
  const values: Partial<Record<FieldName, InputValue>> = {};
  for (const decl of FIELDS) {
    const name = decl.name as FieldName;
    if (!(name in raw)) continue;
    try {
      values[name] = readField(decl, raw[name], nameOf(decl)) as InputValue;
    } catch (error) {
      throw error instanceof DealError ? new InputError(name, error) : error;
    }
  }
  return values;
}

/**
 * The value the sheet holds for a deal (a template after overrides) and, for context inputs, its
 * basis ("reported", "assumed", …): the field's declared `get`.
 *
 * @example
 * inputValue("Frequency", GPU_CAPACITY_LEASE) // { value: "quarterly" }
 */
export function inputValue(name: InputName, deal: DealTemplate): { value: string | number | boolean | null; basis?: string } {
  return FIELD[name].get!(deal);
}

export type { FieldValue };
