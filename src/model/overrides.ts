/**
 * A template with some terms changed: what the command line's options and the task pane's form
 * produce. The result is validated like any terms when the plan or the headline is built.
 *
 * Options and form fields reach a template through {@link overridesFromInputs}: one mapping from each
 * declared field's `set` (src/core/fields.ts) to the template's terms or context.
 */
import { ContextValue, DealDraft, DealTemplate, FIELD, ProviderAssumptionKey, ProviderAssumptionValue, ProviderAssumptionValues, hasTerminationTerms, lockedToEnd, marketAssumptions, TermsInput, valueAssumptions, valueError } from "../core";
import type { FieldName } from "../core";
import { InputValue, InputValues } from "./inputs";

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
    title: overrides.title ?? template.title,
    notes: overrides.notes ?? template.notes,
    ...(overrides.accounting ? { accounting: { ...template.accounting, ...overrides.accounting } } : {}),
    value: withValueOverrides(template, overrides),
    ...(overrides.providerAssumptions ? { providerAssumptions: withProviderOverrides(template, overrides.providerAssumptions) } : {}),
    market: withMarketOverrides(template, overrides),
  };
}

/** The market's assumptions with any overrides: a spot price or volatility given is an assumption. */
function withMarketOverrides(template: DealTemplate, overrides: TemplateOverrides): DealTemplate["market"] {
  const { spotPrice, spotDate, annualDecline, volatility, tenantSwitchingCost, providerSwitchingCost } = overrides;
  const given = [spotPrice, spotDate, annualDecline, volatility, tenantSwitchingCost, providerSwitchingCost].some((v) => v !== undefined);
  if (!given) return template.market;
  const market = marketAssumptions(template);
  return {
    ...market,
    spotPrice: assumed(spotPrice, market.spotPrice),
    spotDate: spotDate === undefined ? market.spotDate : spotDate,
    annualDecline: annualDecline ?? market.annualDecline,
    volatility: assumed(volatility, market.volatility),
    tenantSwitchingCost: tenantSwitchingCost ?? market.tenantSwitchingCost,
    providerSwitchingCost: providerSwitchingCost ?? market.providerSwitchingCost,
  };
}

/** The provider's assumptions with those given: a value given that differs from the template's is assumed; blanked, not given. */
function withProviderOverrides(template: DealTemplate, given: NonNullable<TemplateOverrides["providerAssumptions"]>): ProviderAssumptionValues {
  const held: Partial<Record<ProviderAssumptionKey, ProviderAssumptionValue>> = { ...template.providerAssumptions };
  for (const [key, value] of Object.entries(given) as [ProviderAssumptionKey, number | null | undefined][]) {
    if (value === undefined || value === held[key]?.value) continue;
    held[key] = value === null ? { value: null } : { value, basis: "assumed" };
  }
  return held;
}

/**
 * The value bridge's assumptions with any overrides: a figure given is an assumption. A scenario's end
 * date is the template's own (the seed's downside ends on another reported end, 2029-06-30): when the
 * user gives other start or end dates, scenarios end with the user's term instead, so that no scenario
 * ends on a date taken from another deal.
 */
function withValueOverrides(template: DealTemplate, overrides: TemplateOverrides): DealTemplate["value"] {
  const { exitProbability, expectedUptime, scenario } = overrides;
  const moved = (key: "startDate" | "endDate") => overrides.terms?.[key] !== undefined && overrides.terms[key] !== template.terms[key];
  const ownDates = moved("startDate") || moved("endDate");
  if (exitProbability === undefined && expectedUptime === undefined && scenario === undefined && !ownDates) return template.value;
  const value = valueAssumptions(template);
  return {
    ...value,
    scenarios: ownDates ? value.scenarios.map((row) => ({ ...row, endDate: undefined })) : value.scenarios,
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
  for (const [name, value] of Object.entries(values) as [FieldName, InputValue][]) {
    if (value !== undefined) FIELD[name].set(draft, value);
  }
  return draft;
}

/** The terms a neutral template needs given, and how a message names them. */
const OWN_TERMS: readonly [keyof TermsInput & ("startDate" | "endDate" | "payment"), string][] = [
  ["startDate", "start date"],
  ["endDate", "end date"],
  ["payment", "payment per period"],
];

/**
 * A template with the user's overrides — for "Your deal" (a neutral template), a deal of the user's
 * own: its start, end and payment must be given (refused, naming what is missing, otherwise); terms
 * without a termination clause have no early exit (locked to the end, said in a note); the title is
 * the user's, or "Client × Provider" from the parties given, or "Your deal". Nothing of another deal
 * is borrowed. Any other template: {@link withOverrides}.
 *
 * @example
 * withOwnTerms(YOUR_DEAL, { client: "Acme Labs", provider: "CoreWeave", terms: { startDate: 46388, endDate: 47483, payment: 2e7 } }).title
 * // "Acme Labs × CoreWeave"
 */
export function withOwnTerms(template: DealTemplate, overrides: TemplateOverrides): DealTemplate {
  if (!template.neutral) return withOverrides(template, overrides);
  const given = overrides.terms ?? {};
  const missing = OWN_TERMS.filter(([key]) => given[key] === undefined).map(([, name]) => name);
  if (missing.length > 0) {
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing[missing.length - 1]}`;
    throw valueError(`Your deal needs its ${list}: give ${missing.length === 1 ? "it" : "them"}, or choose a template.`);
  }
  const clause = hasTerminationTerms(given);
  const parties = [overrides.client, overrides.provider].filter((p): p is string => p !== undefined && p !== "");
  return withOverrides(template, {
    ...overrides,
    terms: clause ? given : lockedToEnd(given),
    title: overrides.title ?? (parties.length > 0 ? parties.join(" × ") : template.title),
    notes: [
      ...(overrides.notes ?? []),
      ...(clause ? [] : ["No termination terms given: read as no early exit (locked in to the end; committed = headline)."]),
    ],
  });
}
