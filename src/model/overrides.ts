/**
 * A template with some terms changed: what the command line's options and the task pane's form
 * produce. The result is validated like any terms when the plan or the headline is built.
 *
 * Options and form fields reach a template through {@link overridesFromInputs}: one mapping from each
 * declared field's `set` (src/core/fields.ts) to the template's terms or context.
 */
import { ContextValue, DealDraft, DealTemplate, FIELD, valueAssumptions } from "../core";
import { InputName, InputValue, InputValues } from "./inputs";

/** A template's fields as given: a draft of a deal (src/core/deal.ts), every field optional. */
export type TemplateOverrides = Readonly<Partial<DealDraft>>;

/**
 * A context figure given by the user: an assumption; left blank, not disclosed. A figure given as the
 * template has it (a form sends every field back) keeps the template's basis: "reported" stays reported.
 */
const assumed = (value: number | null | undefined, template: ContextValue): ContextValue =>
  value === undefined || value === template.value ? template : { value, basis: value === null ? "not disclosed" : "assumed" };

/**
 * @example
 * withOverrides(REFLECTION_SPACEX, { terms: { payment: 175e6 } }).terms.payment // 175000000
 */
export function withOverrides(template: DealTemplate, overrides: TemplateOverrides): DealTemplate {
  return {
    ...template,
    terms: { ...template.terms, ...overrides.terms },
    discountRate: assumed(overrides.discountRate, template.discountRate),
    provider: overrides.provider ?? template.provider,
    client: overrides.client ?? template.client,
    facility: overrides.facility ?? template.facility,
    hardware: overrides.hardware ?? template.hardware,
    fundingRaised: assumed(overrides.fundingRaised, template.fundingRaised),
    valuation: assumed(overrides.valuation, template.valuation),
    uptimeTarget: assumed(overrides.uptimeTarget, template.uptimeTarget),
    gpuCount: assumed(overrides.gpuCount, template.gpuCount),
    hoursPerMonth: overrides.hoursPerMonth ?? template.hoursPerMonth,
    sheetName: overrides.sheetName ?? template.sheetName,
    ...(overrides.accounting ? { accounting: { ...template.accounting, ...overrides.accounting } } : {}),
    value: withValueOverrides(template, overrides),
  };
}

/** The value bridge's assumptions with any overrides: a figure given is an assumption. */
function withValueOverrides(template: DealTemplate, overrides: TemplateOverrides): DealTemplate["value"] {
  const { exitProbability, expectedUptime, scenario } = overrides;
  if (exitProbability === undefined && expectedUptime === undefined && scenario === undefined) return template.value;
  const value = valueAssumptions(template);
  return {
    ...value,
    exitProbability: assumed(exitProbability, value.exitProbability),
    expectedUptime: assumed(expectedUptime, value.expectedUptime),
    scenario: scenario ?? value.scenario,
  };
}

/**
 * Overrides from input values already read (see `readInputs`); inputs left out keep the template's.
 *
 * @example
 * overridesFromInputs({ DiscountRate: 0.1, EndDate: 47299 }) // { terms: { endDate: 47299 }, discountRate: 0.1 }
 */
export function overridesFromInputs(values: InputValues): TemplateOverrides {
  const draft: DealDraft = { terms: {} };
  for (const [name, value] of Object.entries(values) as [InputName, InputValue][]) {
    if (value !== undefined) FIELD[name].set(draft, value);
  }
  return draft;
}
