/**
 * One declaration per field. Every fact about a deal's field — its defined name, kind, default,
 * allowed values, the DEAL argument that takes it, the register headers that give it, its label and
 * help on the sheet, its command-line option and pane flag, and how it is got from a deal and set on
 * a draft of one — is written here once. Every surface derives from {@link FIELDS}: the DEAL
 * argument readers (src/functions/excelArgs.ts), the register's column recognition (./register.ts),
 * the model sheet's Inputs block, the pane's form, the command line's options and `--help`, the
 * template overrides, and the generated reference in docs/.
 *
 * A value is read by its kind's one reader ({@link readField}), chosen by the declared kind, never by
 * a name: a rate is read by the rate rule wherever it is typed — a cell, an argument, a form field,
 * an option or a register column.
 *
 * The declarations are in ./contract.ts (parties and terms), ./context.ts (context figures) and
 * ./judgements.ts (accounting judgements, value assumptions), ./market.ts (the market), ./provider.ts
 * (the provider's and lender's assumptions, issue 18); ./kinds.ts
 * holds the readers.
 * Adding a field: one entry there, plus the code that uses its value.
 */
import { CONTEXT_FIELDS } from "./context";
import { CONTRACT_FIELDS } from "./contract";
import { JUDGEMENT_FIELDS } from "./judgements";
import { MARKET_FIELDS } from "./market";
import { PROVIDER_FIELDS } from "./provider";
import { argOf, type FieldDecl } from "./kinds";

export * from "./kinds";
/** The provider's and lender's assumptions (issue 18), for the functions that take them as a range. */
export { PROVIDER_FIELDS } from "./provider";

/** The declarations with their literal types, in the model sheet's order. */
type Declaration =
  | (typeof CONTRACT_FIELDS)[number]
  | (typeof CONTEXT_FIELDS)[number]
  | (typeof JUDGEMENT_FIELDS)[number]
  | (typeof MARKET_FIELDS)[number]
  | (typeof PROVIDER_FIELDS)[number];

/** Every field, in the model sheet's order. */
export const FIELDS: readonly FieldDecl[] = ([...CONTRACT_FIELDS, ...CONTEXT_FIELDS, ...JUDGEMENT_FIELDS, ...MARKET_FIELDS, ...PROVIDER_FIELDS] as readonly FieldDecl[]).map(
  // Each argument name worked out once, here: every argument read may need it for a message.
  (decl): FieldDecl => (decl.arg !== undefined ? decl : { ...decl, arg: argOf(decl) }),
);

/** A field's defined name. */
export type FieldName = Declaration["name"];
/** A field that is an input of the model sheet (every field but the register-only ones). */
export type SheetFieldDecl = Exclude<Declaration, { readonly sheet: false }>;
export type SheetFieldName = SheetFieldDecl["name"];
/** A field the task pane's form shows, with its literal types. */
export type PaneFieldDecl = Extract<Declaration, { readonly pane: true }>;
export type PaneFieldName = PaneFieldDecl["name"];
/** A field a register column may give, by its register key ("startDate", "counterparty", …). */
export type RegisterField = Extract<Declaration, { readonly register: unknown }>["register"]["id"];

/** Each field's declaration by name. */
export const FIELD: { readonly [N in FieldName]: FieldDecl } = Object.fromEntries(FIELDS.map((f) => [f.name, f])) as {
  readonly [N in FieldName]: FieldDecl;
};
