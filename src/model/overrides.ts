/**
 * A template with some terms changed: what the command line's options and the task pane's form
 * produce. The result is validated like any terms when the plan or the headline is built.
 */
import { TermsInput } from "../core";
import { DealTemplate } from "./templates";

export interface TemplateOverrides {
  readonly terms?: Partial<TermsInput>;
  readonly discountRate?: number;
  readonly provider?: string;
  readonly client?: string;
  readonly gpuCount?: number | null;
  readonly sheetName?: string;
}

/**
 * @example
 * withOverrides(REFLECTION_SPACEX, { terms: { payment: 175e6 } }).terms.payment // 175000000
 */
export function withOverrides(template: DealTemplate, overrides: TemplateOverrides): DealTemplate {
  return {
    ...template,
    terms: { ...template.terms, ...overrides.terms },
    discountRate: overrides.discountRate === undefined ? template.discountRate : { value: overrides.discountRate, basis: "assumed" },
    provider: overrides.provider ?? template.provider,
    client: overrides.client ?? template.client,
    gpuCount: overrides.gpuCount === undefined ? template.gpuCount : { value: overrides.gpuCount, basis: "assumed" },
    sheetName: overrides.sheetName ?? template.sheetName,
  };
}
