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


// ---------------------------------------------------------------------------------------------
// Provider views (issue 18): the templates with the provider's and lender's assumptions filled in
// ---------------------------------------------------------------------------------------------

/** A basis: illustrative, assumed, with its public source. */
const illustrative = (source: string) => `assumed (illustrative): ${source}`;

const SOURCES = {
  gpuCost: "GB300 NVL72 about $3–4M a rack of 72 GPUs (awesomeagents.ai/hardware/nvidia-gb300-nvl72; bizety.com 2025-09-23), ≈ $42–56k a GPU, plus network and storage",
  gpusPerRack: "NVL72: 72 GPUs a rack (NVIDIA GB300 NVL72)",
  kwPerRack: "GB300 NVL72 about 132–140 kW a rack (Supermicro, via serversimply.com/blog/inside-supermicro-gb300-nvl72)",
  pue: "about 1.2 for new AI halls, 1.58 the industry average (Uptime Institute, journal.uptimeinstitute.com, 2020–2023 surveys)",
  facility: "data-centre build $7–15M per MW (cortexconstruct.com/blog/data-center-construction-cost-per-mw, 2026)",
  power: "US industrial electricity about 8.1 ¢/kWh = $81 a MWh in 2023 (EIA, Electric Power Annual)",
  life: "GPU clouds depreciate over 4–6 years: CoreWeave 6, Nebius 4 (bizety.com 2025-09-23)",
  market: "Blackwell GPU-hour on-demand $4.50–6.00, spot from $2.25 (lyceum.technology, 2026)",
  lendingRate: "CoreWeave's GPU-backed loans at effective rates of 10–15% (10-Q, June 2025, sec.gov)",
  unsourced: "no public benchmark; change it",
} as const;

/** The illustrative assumptions of a provider view: each value with its basis. */
const PROVIDER_ASSUMPTIONS: NonNullable<DealTemplate["providerAssumptions"]> = {
  costPerGpu: { value: 60_000, basis: illustrative(SOURCES.gpuCost) },
  gpusPerRack: { value: 72, basis: illustrative(SOURCES.gpusPerRack) },
  kwPerRack: { value: 135, basis: illustrative(SOURCES.kwPerRack) },
  pue: { value: 1.2, basis: illustrative(SOURCES.pue) },
  facilityCostPerMw: { value: 10_000_000, basis: illustrative(SOURCES.facility) },
  colocationCostPerKwMonth: { value: 0, basis: "assumed (illustrative): the facility is owned" },
  powerPricePerMwh: { value: 80, basis: illustrative(SOURCES.power) },
  powerEscalation: { value: 0.02, basis: illustrative(`about inflation; ${SOURCES.unsourced}`) },
  opexShareOfCapex: { value: 0.03, basis: illustrative(`staff, maintenance, insurance; ${SOURCES.unsourced}`) },
  usefulLifeYears: { value: 5, basis: illustrative(SOURCES.life) },
  residualValueShare: { value: 0.1, basis: illustrative(SOURCES.unsourced) },
  releaseDowntimeMonths: { value: 3, basis: illustrative(SOURCES.unsourced) },
  utilisation: { value: 0.85, basis: illustrative(SOURCES.unsourced) },
  renewalProbability: { value: 0.5, basis: illustrative(`real-estate leasing models' renewal probability; ${SOURCES.unsourced}`) },
  marketRatePerGpuHour: { value: 3, basis: illustrative(SOURCES.market) },
  backstopShare: { value: 0, basis: "assumed (illustrative): no third-party backstop" },
  dscrTarget: { value: 1.3, basis: illustrative(`a common project-finance target; ${SOURCES.unsourced}`) },
  lendingRate: { value: 0.1, basis: illustrative(SOURCES.lendingRate) },
  ltv: { value: 0.7, basis: illustrative(SOURCES.unsourced) },
};

/**
 * A template's provider view: the same contract with the illustrative provider and lender assumptions;
 * a GPU count not disclosed is assumed too (`gpus`, with its working).
 *
 * @example
 * providerView(REFLECTION_SPACEX).id // "reflection-spacex-provider"
 */
export function providerView(template: DealTemplate, gpus?: DealTemplate["gpuCount"]): DealTemplate {
  const sheetName = `${template.sheetName.slice(0, 21)} provider`;
  return {
    ...template,
    id: `${template.id}-provider`,
    title: `${template.title} — provider view (illustrative)`,
    sheetName,
    gpuCount: gpus ?? template.gpuCount,
    providerAssumptions: PROVIDER_ASSUMPTIONS,
    notes: [
      ...template.notes,
      "Provider view: the capacity, capex, power, opex, life, re-leasing and debt terms are illustrative assumptions, each with its source in the Inputs' Basis column.",
    ],
  };
}

/**
 * The seed's provider view: the GPU count is not disclosed; a contract price of $5.00 a GPU-hour is
 * assumed, which gives 150,000,000 a month ÷ (730 hours × 5.00) = 41,095.89 GPUs.
 */
export const REFLECTION_SPACEX_PROVIDER: DealTemplate = (() => {
  const view = providerView(REFLECTION_SPACEX);
  return {
    ...view,
    providerAssumptions: { ...view.providerAssumptions, contractPricePerGpuHour: { value: 5, basis: illustrative(`a GB300 rate; ${SOURCES.market}`) } },
  };
})();

/** The provider views of the worked examples, the seed first. */
export const PROVIDER_VIEWS: readonly DealTemplate[] = [
  REFLECTION_SPACEX_PROVIDER,
  providerView(GPU_CAPACITY_LEASE),
  providerView(GOOGLE_SPACEX_STYLE),
];

/** Every template a user may choose: the worked examples, their provider views, then "Your deal". */
export const ALL_TEMPLATES: readonly DealTemplate[] = [...TEMPLATES, ...PROVIDER_VIEWS, YOUR_DEAL];

export function findTemplate(id: string): DealTemplate | undefined {
  return ALL_TEMPLATES.find((t) => t.id === id);
}
