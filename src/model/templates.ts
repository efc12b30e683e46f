/**
 * Contract templates: data, in the core's contract-terms type. A template also carries the deal's
 * parties, a discount-rate assumption and context inputs, each marked reported or assumed.
 */
import { dateToSerial, TerminationHolder, TermsInput } from "../core";

/** How much to trust a context figure. */
export type Basis = "reported" | "reported, unverified" | "assumed" | "not disclosed";

export interface ContextValue {
  readonly value: number | null;
  readonly basis: Basis;
}

/** The lessee's accounting standard on the model sheet (the short-term exemption is an election, not a standard). */
export type AccountingStandardWord = "ifrs16" | "asc842-finance" | "asc842-operating";

/**
 * The accounting judgements (src/core/accounting.ts): whether the contract contains a lease, how the
 * termination clause is read for the lease term, the short-term election, and the amounts the
 * right-of-use asset adds at commencement.
 */
export interface AccountingJudgements {
  readonly identifiedAsset: boolean;
  readonly substitutionRight: boolean;
  readonly rightToDirectUse: boolean;
  readonly whoMayTerminate: TerminationHolder;
  readonly significantPenalty: boolean;
  /** The accounting term's last day when judged explicitly (a 1900-system serial); null: read the clause. */
  readonly termEnd: number | null;
  readonly electShortTerm: boolean;
  readonly initialDirectCosts: number;
  readonly incentives: number;
  readonly standard: AccountingStandardWord;
}

/**
 * The default judgements: a lease of identified capacity the client directs; the enforceable reading
 * of a clause either party may use (penalty insignificant: IFRS 16.B34; ASC 842-10-55-12); no
 * short-term election; IFRS 16.
 */
export const DEFAULT_ACCOUNTING: AccountingJudgements = {
  identifiedAsset: true,
  substitutionRight: false,
  rightToDirectUse: true,
  whoMayTerminate: "both",
  significantPenalty: false,
  termEnd: null,
  electShortTerm: false,
  initialDirectCosts: 0,
  incentives: 0,
  standard: "ifrs16",
};

export interface DealTemplate {
  readonly id: string;
  readonly title: string;
  /** Default name of the inserted sheet (at most 31 characters, Excel's limit). */
  readonly sheetName: string;
  readonly provider: string;
  readonly client: string;
  readonly facility: string;
  readonly hardware: string;
  readonly terms: TermsInput;
  readonly discountRate: ContextValue;
  readonly fundingRaised: ContextValue;
  readonly valuation: ContextValue;
  /** Uptime the provider is expected to deliver (0.999 = 99.9%). */
  readonly uptimeTarget: ContextValue;
  readonly gpuCount: ContextValue;
  /** Hours in a month for $/GPU-hour and downtime: 730 = 8,760 / 12. */
  readonly hoursPerMonth: number;
  /** Accounting judgements; those left out take {@link DEFAULT_ACCOUNTING}. */
  readonly accounting?: Partial<AccountingJudgements>;
  readonly notes: readonly string[];
  /** The value bridge's assumptions; absent: {@link valueAssumptions} derives them from the terms. */
  readonly value?: ValueAssumptions;
}

/** One row of the Scenarios table: a value given replaces the input of the same meaning; one left out keeps it. */
export interface ScenarioRow {
  readonly name: string;
  /** The term's last day in this scenario (never after the contract's end date). */
  readonly endDate?: number;
  readonly exitProbability?: number;
  readonly expectedUptime?: number;
  /** The share of capacity delivered in every period (replaces the per-period column). */
  readonly deliveredShare?: number;
  readonly discountRate?: number;
}

/** An SLA tier: uptime below `below` earns a credit of `credit` × the period's payment. */
export interface SlaTierRow {
  readonly below: number;
  readonly credit: number;
}

/** What the value bridge assumes beyond the contract's terms. */
export interface ValueAssumptions {
  /** Annual probability that either party serves notice (0.2 = 20%). */
  readonly exitProbability: ContextValue;
  /** Uptime expected to be delivered, against the SLA tiers. */
  readonly expectedUptime: ContextValue;
  readonly slaTiers: { readonly rows: readonly SlaTierRow[]; readonly basis: Basis };
  readonly scenarios: readonly ScenarioRow[];
  /** The scenario the model follows: a name from `scenarios`. */
  readonly scenario: string;
}

/** Tiers typical of GPU cloud contracts (assumed): below 99.9% 10%, below 99% 25%, below 95% 100%. */
export const TYPICAL_SLA_TIERS: readonly SlaTierRow[] = [
  { below: 0.999, credit: 0.1 },
  { below: 0.99, credit: 0.25 },
  { below: 0.95, credit: 1 },
];

/**
 * A deal's value assumptions: its own, or defaults from its terms — a 20% annual exit probability,
 * uptime at the target (99.9% without one), the typical tiers, and base / downside / upside scenarios
 * (base: the inputs as they are; downside: exit probability +15 points, 99.5% uptime, 90% delivered,
 * discount rate +2 points; upside: half the exit probability, discount rate −1 point). All assumed.
 *
 * @example
 * valueAssumptions(GPU_CAPACITY_LEASE).scenarios.map((s) => s.name) // ["base", "downside", "upside"]
 */
export function valueAssumptions(deal: DealTemplate): ValueAssumptions {
  if (deal.value) return deal.value;
  const p = 0.2;
  const rate = deal.discountRate.value ?? 0.08;
  return {
    exitProbability: { value: p, basis: "assumed" },
    expectedUptime: { value: deal.uptimeTarget.value ?? 0.999, basis: "assumed" },
    slaTiers: { rows: TYPICAL_SLA_TIERS, basis: "assumed" },
    scenarios: [
      { name: "base" },
      { name: "downside", exitProbability: p + 0.15, expectedUptime: 0.995, deliveredShare: 0.9, discountRate: rate + 0.02 },
      { name: "upside", exitProbability: p / 2, discountRate: rate - 0.01 },
    ],
    scenario: "base",
  };
}

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
  ],
  value: {
    exitProbability: { value: 0.2, basis: "assumed" },
    expectedUptime: { value: 0.999, basis: "assumed" },
    slaTiers: { rows: TYPICAL_SLA_TIERS, basis: "assumed" },
    scenarios: [
      { name: "base" },
      { name: "downside", endDate: d("2029-06-30"), exitProbability: 0.35, expectedUptime: 0.995, deliveredShare: 0.9, discountRate: 0.1 },
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

export function findTemplate(id: string): DealTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
