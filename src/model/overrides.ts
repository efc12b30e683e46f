/**
 * A template with some terms changed: what the command line's options and the task pane's form
 * produce. The result is validated like any terms when the plan or the headline is built.
 *
 * Options and form fields reach a template through {@link overridesFromInputs}: one mapping from each
 * declared input (src/model/inputs.ts) to the template's terms or context.
 */
import { Frequency, Proration, TerminationHolder, TermsInput, Timing } from "../core";
import { InputName, InputValue, InputValues, RawInputs, readInputs } from "./inputs";
import { AccountingJudgements, AccountingStandardWord, ContextValue, DealTemplate, valueAssumptions } from "./templates";

export interface TemplateOverrides {
  readonly terms?: Partial<TermsInput>;
  readonly discountRate?: number;
  readonly provider?: string;
  readonly client?: string;
  readonly facility?: string;
  readonly hardware?: string;
  readonly fundingRaised?: number | null;
  readonly valuation?: number | null;
  readonly uptimeTarget?: number | null;
  readonly gpuCount?: number | null;
  readonly hoursPerMonth?: number;
  readonly sheetName?: string;
  readonly accounting?: Partial<AccountingJudgements>;
  readonly exitProbability?: number;
  readonly expectedUptime?: number;
  readonly scenario?: string;
}

/** A context figure given by the user: an assumption; left blank, not disclosed. */
const assumed = (value: number | null | undefined, template: ContextValue): ContextValue =>
  value === undefined ? template : { value, basis: value === null ? "not disclosed" : "assumed" };

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

/** A mutable overrides record, filled input by input. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Building = Mutable<Omit<TemplateOverrides, "terms" | "accounting">> & {
  terms: Mutable<Partial<TermsInput>>;
  accounting?: Mutable<Partial<AccountingJudgements>>;
};

/** The accounting judgements being built, created on first use so that overrides without them stay without. */
const judgements = (o: Building) => (o.accounting ??= {});

/**
 * Where each input's value goes. Exhaustive by type: a new input does not compile until it has a place.
 * Values arrive read by the input's kind (see `readInput`), so the casts below restate that kind.
 */
const APPLY: { readonly [N in InputName]: (o: Building, v: InputValue) => void } = {
  Provider: (o, v) => (o.provider = v as string),
  Client: (o, v) => (o.client = v as string),
  Facility: (o, v) => (o.facility = v as string),
  Hardware: (o, v) => (o.hardware = v as string),
  StartDate: (o, v) => (o.terms.startDate = v as number),
  EndDate: (o, v) => (o.terms.endDate = v as number),
  Payment: (o, v) => (o.terms.payment = v as number), // replaces any ramp
  Frequency: (o, v) => (o.terms.frequency = v as Frequency),
  Escalation: (o, v) => (o.terms.escalation = v as number),
  Timing: (o, v) => (o.terms.timing = v as Timing),
  Proration: (o, v) => (o.terms.proration = v as Proration),
  LockInMonths: (o, v) => (o.terms.lockInMonths = v as number),
  LockInLastDay: (o, v) => (o.terms.lockInLastDay = v as number | null),
  NoticeDays: (o, v) => (o.terms.noticeDays = v as number),
  NoticeInLockIn: (o, v) => (o.terms.noticeDuringLockIn = v as boolean),
  NoticeDate: (o, v) => (o.terms.noticeDate = v as number | null),
  TerminationFee: (o, v) => (o.terms.terminationFee = v as number),
  DiscountRate: (o, v) => (o.discountRate = v as number),
  FundingRaised: (o, v) => (o.fundingRaised = v as number | null),
  Valuation: (o, v) => (o.valuation = v as number | null),
  UptimeTarget: (o, v) => (o.uptimeTarget = v as number | null),
  GpuCount: (o, v) => (o.gpuCount = v as number | null),
  HoursPerMonth: (o, v) => (o.hoursPerMonth = v as number),
  IdentifiedAsset: (o, v) => (judgements(o).identifiedAsset = v as boolean),
  SubstitutionRight: (o, v) => (judgements(o).substitutionRight = v as boolean),
  RightToDirectUse: (o, v) => (judgements(o).rightToDirectUse = v as boolean),
  WhoMayTerminate: (o, v) => (judgements(o).whoMayTerminate = v as TerminationHolder),
  SignificantPenalty: (o, v) => (judgements(o).significantPenalty = v as boolean),
  ExplicitTermEnd: (o, v) => (judgements(o).termEnd = v as number | null),
  ElectShortTerm: (o, v) => (judgements(o).electShortTerm = v as boolean),
  InitialDirectCosts: (o, v) => (judgements(o).initialDirectCosts = v as number),
  IncentivesReceived: (o, v) => (judgements(o).incentives = v as number),
  AccountingStandard: (o, v) => (judgements(o).standard = v as AccountingStandardWord),
  ExitProbability: (o, v) => (o.exitProbability = v as number),
  ExpectedUptime: (o, v) => (o.expectedUptime = v as number),
  Scenario: (o, v) => (o.scenario = v as string),
};

/**
 * Overrides from input values already read (see `readInputs`); inputs left out keep the template's.
 *
 * @example
 * overridesFromInputs({ DiscountRate: 0.1, EndDate: 47299 }) // { terms: { endDate: 47299 }, discountRate: 0.1 }
 */
export function overridesFromInputs(values: InputValues): TemplateOverrides {
  const building: Building = { terms: {} };
  for (const [name, value] of Object.entries(values) as [InputName, InputValue][]) {
    if (value !== undefined) APPLY[name](building, value);
  }
  return building;
}

/** Reads raw values (form text, option text) and turns them into overrides; throws the first refusal as an InputError. */
export function readOverrides(raw: RawInputs): TemplateOverrides {
  return overridesFromInputs(readInputs(raw));
}
