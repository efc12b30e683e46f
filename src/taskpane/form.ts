/**
 * The task pane's form, without the DOM: prefilled from a template, read back into a deal, previewed
 * with the core. The fields are the inputs declared `pane: true` in src/model/inputs.ts, each read by
 * the one reader of its kind (src/core/vocabulary.ts): dates are ISO text (what `<input type="date">`
 * holds), amounts may carry thousands separators, rates are shown and typed as "8%" (0.08 is read too;
 * a bare 8 is refused as ambiguous), the same on every machine.
 */
import { DealError, Decimal, formatIsoDate } from "../core";
import { formatMoney, formatPercent } from "../model/format";
import { computeHeadline } from "../model/headline";
import { INPUTS, InputError, inputValue, PaneInputDecl, PaneInputName, readInputs, RawInputs } from "../model/inputs";
import { overridesFromInputs, withOwnTerms } from "../model/overrides";
import { checkSheetName } from "../model/plan";
import { ALL_TEMPLATES, DealTemplate, findTemplate, TEMPLATES } from "../model/templates";

/** The form control of an input: its name with a small first letter ("StartDate" → "startDate"). */
export const fieldOf = <N extends PaneInputName>(name: N): Uncapitalize<N> =>
  (name.charAt(0).toLowerCase() + name.slice(1)) as Uncapitalize<N>;

/** The form's values: the template and sheet name, then one per pane input (a checkbox for a flag, text otherwise). */
export type FormValues = { templateId: string; sheetName: string } & {
  [D in PaneInputDecl as Uncapitalize<D["name"]>]: D["kind"] extends "flag" ? boolean : string;
};

/** The pane's inputs, in sheet order. */
export const PANE_INPUTS: readonly PaneInputDecl[] = INPUTS.filter((d): d is PaneInputDecl => d.pane === true);

/** Every control of the form, in order: the template, the sheet name, the inputs. */
export const FIELDS: readonly (keyof FormValues)[] = ["templateId", "sheetName", ...PANE_INPUTS.map((d) => fieldOf(d.name))];

/** A group of the form (a fieldset) and its rows of inputs (two to a row at most). */
export interface PaneGroup {
  readonly id: string;
  readonly legend: string;
  readonly rows: readonly (readonly PaneInputDecl[])[];
}

/** Where the pane places its inputs. A pane input not placed here is added at the end, one to a row. */
const LAYOUT: readonly { readonly id: string; readonly legend: string; readonly rows: readonly (readonly PaneInputName[])[] }[] = [
  { id: "inputs-contract", legend: "Contract", rows: [["Provider", "Client"], ["Facility", "Hardware"]] },
  { id: "inputs-payments", legend: "Payments", rows: [["StartDate", "EndDate"], ["Payment"], ["Frequency", "Escalation"], ["Timing", "GpuCount"]] },
  {
    id: "inputs-termination",
    legend: "Termination",
    rows: [["LockInMonths", "LockInLastDay"], ["NoticeDays", "NoticeDate"], ["NoticeInLockIn"], ["Proration"], ["TerminationFee", "DiscountRate"]],
  },
];

/** The form's groups of inputs, every pane input exactly once. */
export function paneGroups(): PaneGroup[] {
  const decl = (name: PaneInputName) => PANE_INPUTS.find((d) => d.name === name);
  const groups = LAYOUT.map((g) => ({
    ...g,
    rows: g.rows.map((row) => row.map(decl).filter((d): d is PaneInputDecl => d !== undefined)).filter((row) => row.length > 0),
  }));
  const placed = new Set(LAYOUT.flatMap((g) => g.rows.flat()));
  const rest = PANE_INPUTS.filter((d) => !placed.has(d.name)).map((d) => [d]);
  groups[groups.length - 1].rows.push(...rest);
  return groups;
}

/** A form value that cannot be read; `field` names the control to point at. */
export class FormError extends Error {
  constructor(
    readonly field: keyof FormValues | null,
    message: string,
  ) {
    super(message);
    this.name = "FormError";
  }
}

/** Whether the template's payment is a ramp, edited in the sheet rather than in the form. */
export function hasRamp(template: DealTemplate): boolean {
  return Array.isArray(template.terms.payment);
}

/** A ratio as the pane shows it: 0.08 → "8%", 0.999 → "99.9%". */
export function percentText(ratio: number): string {
  return `${new Decimal(ratio).times(100).toDecimalPlaces(8).toString()}%`;
}

/** An amount as the pane shows it: thousands separated, cents only when there are any. */
export function amountText(amount: number): string {
  return formatMoney(amount, Number.isInteger(amount) ? 0 : 2);
}

/** How the form shows one input's value. */
function shown(decl: PaneInputDecl, value: string | number | boolean | null): string | boolean {
  if (decl.kind === "flag") return value === true;
  if (value === null) return "";
  switch (decl.kind) {
    case "date":
    case "optionalDate":
      return formatIsoDate(value as number);
    case "amount":
      return amountText(value as number);
    case "rate":
      return percentText(value as number);
    default:
      return String(value);
  }
}

/** The terms "Your deal" (a neutral template) leaves for the user: blank in its form. */
const OWN_TERMS: readonly PaneInputName[] = ["StartDate", "EndDate", "Payment", "LockInMonths", "LockInLastDay", "NoticeDays", "NoticeDate"];
/** Its termination fields: left blank, they are not given (no clause, no early exit), not refused as missing. */
const OWN_CLAUSE: readonly PaneInputName[] = ["LockInMonths", "LockInLastDay", "NoticeDays", "NoticeDate"];

/** The form as a template fills it; "Your deal" leaves its terms blank for the user. */
export function formFromTemplate(template: DealTemplate): FormValues {
  const values: Record<string, string | boolean> = { templateId: template.id, sheetName: template.sheetName };
  for (const decl of PANE_INPUTS) {
    const blank = (decl.name === "Payment" && hasRamp(template)) || (template.neutral === true && OWN_TERMS.includes(decl.name));
    values[fieldOf(decl.name)] = blank ? "" : shown(decl, inputValue(decl.name, template).value);
  }
  return values as FormValues;
}

/** Reads the form into a deal (a template with overrides). Throws FormError naming the field. */
export function dealFromForm(values: FormValues): DealTemplate {
  const template = findTemplate(values.templateId);
  if (!template) throw new FormError("templateId", "Choose a contract template.");
  try {
    checkSheetName(values.sheetName);
  } catch (error) {
    throw new FormError("sheetName", (error as Error).message);
  }
  const raw: Partial<Record<PaneInputName, unknown>> = {};
  for (const decl of PANE_INPUTS) {
    // A ramp template's payment is the ramp, edited in the sheet; the disabled field is not read.
    if (decl.name === "Payment" && hasRamp(template)) continue;
    const value = values[fieldOf(decl.name)];
    if (template.neutral && OWN_CLAUSE.includes(decl.name) && typeof value === "string" && value.trim() === "") continue;
    raw[decl.name] = value;
  }
  try {
    return withOwnTerms(template, { ...overridesFromInputs(readInputs(raw as RawInputs)), sheetName: values.sheetName });
  } catch (error) {
    if (error instanceof InputError) throw new FormError(fieldOf(error.input as PaneInputName), error.message);
    throw error;
  }
}

export type Preview =
  | { readonly ok: true; readonly lines: readonly [string, string][] }
  | { readonly ok: false; readonly field: keyof FormValues | null; readonly message: string };

/** The headline figures for the form as it stands, or what is wrong with it. */
export function previewForm(values: FormValues): Preview {
  try {
    const deal = dealFromForm(values);
    const h = computeHeadline(deal);
    return {
      ok: true,
      lines: [
        ["Total contract value", formatMoney(h.total)],
        ["Annual run-rate", formatMoney(h.runRate)],
        ["Earliest exit", formatIsoDate(h.exitDate)],
        ["Committed at earliest exit", `${formatMoney(h.committed)} (${formatPercent(h.committedShare)})`],
        ["Present value", formatMoney(h.presentValue)],
        ["Periods", String(h.schedule.length)],
      ],
    };
  } catch (error) {
    if (error instanceof FormError) return { ok: false, field: error.field, message: error.message };
    if (error instanceof DealError) return { ok: false, field: null, message: error.message };
    throw error;
  }
}

export { ALL_TEMPLATES, TEMPLATES };
