/**
 * Contract templates: data, in the core's contract-terms type. A template also carries the deal's
 * parties, a discount-rate assumption and context inputs, each marked reported or assumed.
 */
import { dateToSerial, DealTemplate, TYPICAL_SLA_TIERS } from "../core";

// The deal's types live in the core (src/core/deal.ts), beside the field declarations that read them.
export {
  DEFAULT_ACCOUNTING,
  marketAssumptions,
  TYPICAL_SLA_TIERS,
  valueAssumptions,
  type AccountingJudgements,
  type AccountingStandardWord,
  type Basis,
  type ContextValue,
  type DealTemplate,
  type MarketAssumptions,
  type ScenarioRow,
  type SlaTierRow,
  type ValueAssumptions,
} from "../core";

const d = (iso: string): number => {
  const [year, month, day] = iso.split("-").map(Number);
  return dateToSerial({ year, month, day });
};

export const REFLECTION_SPACEX: DealTemplate = {
  id: "reflection-spacex",
  title: "Reflection AI × SpaceX — Colossus 2 (GB300)",
  sheetName: "Colossus 2 deal",
  provider: "SpaceX",
  client: "Reflection AI",
  facility: "Colossus 2",
  hardware: "NVIDIA GB300",
  terms: {
    startDate: d("2026-07-01"),
    endDate: d("2029-12-31"),
    payment: 150_000_000,
    frequency: "monthly",
    escalation: 0,
    timing: "advance",
    proration: "full",
    lockInMonths: 3,
    noticeDays: 90,
    noticeDuringLockIn: false,
    noticeDate: null,
    terminationFee: 0,
  },
  discountRate: { value: 0.08, basis: "assumed" },
  fundingRaised: { value: 2_130_000_000, basis: "reported, unverified" },
  valuation: { value: 25_000_000_000, basis: "reported" },
  uptimeTarget: { value: 0.999, basis: "reported" },
  gpuCount: { value: null, basis: "not disclosed" },
  hoursPerMonth: 730,
  notes: [
    "150,000,000 a month from 2026-07-01; reports differ on the end (2029-12-31: 42 payments; 2029-06-30: 36).",
    "Either party may terminate on 90 days' notice after the first three months.",
    "Reports mention a ramp period and delivery risk; neither is quantified here.",
    "Value bridge (assumed, not reported): 20% a year chance of notice; uptime at the reported 99.9% target against typical SLA tiers; all capacity delivered. The downside scenario takes the shorter reported end, 2029-06-30.",
    "Market (illustrative, not a quote): $2.10 a GPU-hour on 2026-07-01 falling 25% a year (35% in the downside), 40% volatility, switching costs of 150,000,000 each; give the GPU count to compute the market figures.",
  ],
  market: {
    spotPrice: { value: 2.1, basis: "assumed" },
    spotDate: d("2026-07-01"),
    annualDecline: 0.25,
    volatility: { value: 0.4, basis: "assumed" },
    tenantSwitchingCost: 150_000_000,
    providerSwitchingCost: 150_000_000,
    termQuotes: [],
  },
  value: {
    exitProbability: { value: 0.2, basis: "assumed" },
    expectedUptime: { value: 0.999, basis: "assumed" },
    slaTiers: { rows: TYPICAL_SLA_TIERS, basis: "assumed" },
    scenarios: [
      { name: "base" },
      { name: "downside", endDate: d("2029-06-30"), exitProbability: 0.35, expectedUptime: 0.995, deliveredShare: 0.9, discountRate: 0.1, marketDecline: 0.35 },
      { name: "upside", exitProbability: 0.1, expectedUptime: 0.9995, discountRate: 0.07 },
    ],
    scenario: "base",
  },
};

export const GPU_CAPACITY_LEASE: DealTemplate = {
  id: "gpu-capacity-lease",
  title: "GPU capacity lease (generic)",
  sheetName: "GPU lease",
  provider: "Provider",
  client: "Client",
  facility: "Data center",
  hardware: "GPU cluster",
  terms: {
    startDate: d("2027-01-01"),
    endDate: d("2031-12-31"),
    // A reduced fee while capacity is brought up, then the full quarterly fee.
    payment: [
      { effectiveDate: d("2027-01-01"), amount: 60_000_000 },
      { effectiveDate: d("2027-07-01"), amount: 120_000_000 },
    ],
    frequency: "quarterly",
    escalation: 0.03,
    timing: "arrears",
    proration: "actual",
    lockInMonths: 12,
    noticeDays: 180,
    noticeDuringLockIn: true,
    noticeDate: null,
    terminationFee: 50_000_000,
  },
  discountRate: { value: 0.1, basis: "assumed" },
  fundingRaised: { value: null, basis: "not disclosed" },
  valuation: { value: null, basis: "not disclosed" },
  uptimeTarget: { value: 0.995, basis: "assumed" },
  gpuCount: { value: 20_000, basis: "assumed" },
  hoursPerMonth: 730,
  notes: [
    "Illustrative terms: a two-step ramp, 3% annual escalation, quarterly payments in arrears.",
    "Notice may be served during the 12-month lock-in; a 50,000,000 fee is due on early termination.",
    "Value bridge (assumed): 20% a year chance of notice, uptime at the 99.5% target against typical SLA tiers, all capacity delivered; downside and upside scenarios around them.",
  ],
};

export const GOOGLE_SPACEX_STYLE: DealTemplate = {
  id: "fixed-lock-in-ramp",
  title: "Fixed-date lock-in with delivery ramp (modelled on reported Google × SpaceX terms)",
  sheetName: "Fixed lock-in deal",
  provider: "SpaceX",
  client: "Google",
  facility: "Colossus (reported)",
  hardware: "about 110,000 GPUs (reported)",
  terms: {
    startDate: d("2026-10-01"),
    endDate: d("2031-09-30"),
    // Delivery ramp: half the capacity in the first quarter, then the full reported fee.
    payment: [
      { effectiveDate: d("2026-10-01"), amount: 460_000_000 },
      { effectiveDate: d("2027-01-01"), amount: 920_000_000 },
    ],
    frequency: "monthly",
    escalation: 0,
    timing: "advance",
    proration: "full",
    lockInMonths: 0,
    lockInLastDay: d("2026-12-31"),
    noticeDays: 90,
    noticeDuringLockIn: false,
    noticeDate: null,
    terminationFee: 0,
  },
  discountRate: { value: 0.08, basis: "assumed" },
  fundingRaised: { value: null, basis: "not disclosed" },
  valuation: { value: null, basis: "not disclosed" },
  uptimeTarget: { value: 0.999, basis: "assumed" },
  gpuCount: { value: 110_000, basis: "reported" },
  hoursPerMonth: 730,
  notes: [
    "About 920,000,000 a month for about 110,000 GPUs (reported); 90 days' notice only after 2026-12-31.",
    "Start date, five-year term and the delivery ramp are assumptions.",
    "Value bridge (assumed): 20% a year chance of notice, uptime at the 99.9% target against typical SLA tiers, all capacity delivered; downside and upside scenarios around them.",
  ],
};

export const TEMPLATES: readonly DealTemplate[] = [REFLECTION_SPACEX, GPU_CAPACITY_LEASE, GOOGLE_SPACEX_STYLE];

/**
 * "Your deal": a neutral template with nothing of its own — no parties, facility, hardware, funding,
 * valuation or notes; monthly in advance, no escalation, begun periods in full. Its start, end and
 * payment must be given (its placeholders are refused by the terms' validation, so none can leak into
 * a figure); a termination clause not given is none (see `withOwnTerms`). The discount rate is the
 * tool's assumption (8%), marked assumed; the value bridge's assumptions are the defaults of
 * `valueAssumptions`, all marked assumed, with no scenario date of another deal.
 */
export const YOUR_DEAL: DealTemplate = {
  id: "your-deal",
  title: "Your deal",
  neutral: true,
  sheetName: "Deal model",
  provider: "",
  client: "",
  facility: "",
  hardware: "",
  terms: { startDate: 0, endDate: 0, payment: 0, frequency: "monthly", escalation: 0, timing: "advance", proration: "full", terminationFee: 0 },
  discountRate: { value: 0.08, basis: "assumed" },
  fundingRaised: { value: null, basis: "not disclosed" },
  valuation: { value: null, basis: "not disclosed" },
  uptimeTarget: { value: null, basis: "not disclosed" },
  gpuCount: { value: null, basis: "not disclosed" },
  hoursPerMonth: 730,
  notes: [],
};

/** Every template a user may choose: the worked examples, then "Your deal". */
export const ALL_TEMPLATES: readonly DealTemplate[] = [...TEMPLATES, YOUR_DEAL];

export function findTemplate(id: string): DealTemplate | undefined {
  return ALL_TEMPLATES.find((t) => t.id === id);
}
