/**
 * A deal as the model, the pane, the command line and the register know it: its contract terms, its
 * parties and context figures (each with a basis), its accounting judgements and its value
 * assumptions. Pure data types, so that the field declarations (./fields.ts) can say how each field
 * is got from a deal and set on a draft of one.
 */
import type { RateBasis, TerminationHolder } from "./accounting";
import type { Frequency, Proration, TermsInput, Timing } from "./terms";

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
  /** ASC 606 (the provider's revenue): is the termination fee a substantive penalty? (ASC 606-10-25-3) */
  readonly feeIsSubstantive: boolean;
  /** The day notice was actually served, for the lessee's remeasurement (a 1900-system serial); null: none. */
  readonly noticeServedOn: number | null;
  /** The provider's reporting date for the RPO, at its close (a 1900-system serial); null: the day before the start. */
  readonly providerAsOf: number | null;
  /** How the annual discount rate becomes a rate per period (periodic, effective or actual/365). */
  readonly rateBasis: RateBasis;
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
  feeIsSubstantive: false,
  noticeServedOn: null,
  providerAsOf: null,
  rateBasis: "periodic",
};

export interface DealTemplate {
  readonly id: string;
  readonly title: string;
  /**
   * A template with nothing of its own ("Your deal"): its identity is blank and its terms are
   * placeholders that must be given (start, end, payment); a termination clause not given is none.
   */
  readonly neutral?: boolean;
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
  /** The provider's and lender's assumptions (src/core/fields/provider.ts); one left out is not given (blank). */
  readonly providerAssumptions?: ProviderAssumptionValues;
  /** The market the contract is set against; absent: {@link marketAssumptions}' defaults (no curve). */
  readonly market?: MarketAssumptions;
}

/** A term quote on the model sheet: the rate per GPU-hour of a contract of `months` months. */
export interface TermQuoteRow {
  readonly months: number;
  readonly rate: number;
}

/**
 * The market the Market block sets the contract against. The curve is given in one of three forms:
 * term quotes (forwards from them, quoted on the spot date), else a spot price falling by the annual
 * decline (one point a month), else a flat price (the spot price, no decline); no spot price and no
 * quotes: no curve, and the market figures read "not given".
 */
export interface MarketAssumptions {
  /** Today's price per GPU-hour of the same capacity; null: not given. */
  readonly spotPrice: ContextValue;
  /** The day the spot price (or the term quotes) was quoted; null: the start date. */
  readonly spotDate: number | null;
  /** The share by which the price falls a year (0.25 = 25%); null: flat. */
  readonly annualDecline: number | null;
  /** Annual volatility of the market price's logarithm (0.4 = 40%). */
  readonly volatility: ContextValue;
  readonly tenantSwitchingCost: number;
  readonly providerSwitchingCost: number;
  /** Term quotes (at most a handful); empty: the curve is the spot price's. */
  readonly termQuotes: readonly TermQuoteRow[];
}

/**
 * A deal's market: its own, or none — no spot price, no quotes (the market figures read "not given"),
 * 40% volatility (assumed), no switching costs.
 *
 * @example
 * marketAssumptions(GPU_CAPACITY_LEASE).spotPrice // { value: null, basis: "not disclosed" }
 */
export function marketAssumptions(deal: DealTemplate): MarketAssumptions {
  return (
    deal.market ?? {
      spotPrice: { value: null, basis: "not disclosed" },
      spotDate: null,
      annualDecline: null,
      volatility: { value: 0.4, basis: "assumed" },
      tenantSwitchingCost: 0,
      providerSwitchingCost: 0,
      termQuotes: [],
    }
  );
}

/**
 * The provider's and lender's assumptions by key (src/core/fields/provider.ts): a number or a serial
 * date, null or left out when not given, with its basis (e.g. "assumed (illustrative): source …").
 */
export type ProviderAssumptionValues = Readonly<Partial<Record<ProviderAssumptionKey, ProviderAssumptionValue>>>;

/** One provider assumption as the sheet holds it: its value (null: not given) and its basis. */
export interface ProviderAssumptionValue {
  readonly value: number | null;
  readonly basis?: string;
}

/** The provider's and lender's assumptions' keys on a deal. */
export type ProviderAssumptionKey =
  | "contractPricePerGpuHour"
  | "costPerGpu"
  | "gpusPerRack"
  | "kwPerRack"
  | "pue"
  | "facilityCostPerMw"
  | "colocationCostPerKwMonth"
  | "capexDate"
  | "powerPricePerMwh"
  | "powerEscalation"
  | "opexShareOfCapex"
  | "usefulLifeYears"
  | "residualValueShare"
  | "releaseDowntimeMonths"
  | "utilisation"
  | "renewalProbability"
  | "marketRatePerGpuHour"
  | "backstopShare"
  | "dscrTarget"
  | "lendingRate"
  | "ltv";

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
  /** The market price's annual decline in this scenario (its curve: the spot price falling by it). */
  readonly marketDecline?: number;
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


/** A mutable copy of a readonly type, for a draft being filled field by field. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A deal's fields as given by the user (a form, a command line, a register row): every field is
 * optional; one left out keeps the template's. Filled by the field declarations' `set`.
 */
export interface DealDraft {
  terms: Mutable<Partial<TermsInput>>;
  discountRate?: number;
  provider?: string;
  client?: string;
  facility?: string;
  hardware?: string;
  fundingRaised?: number | null;
  valuation?: number | null;
  uptimeTarget?: number | null;
  gpuCount?: number | null;
  hoursPerMonth?: number;
  sheetName?: string;
  title?: string;
  notes?: readonly string[];
  accounting?: Mutable<Partial<AccountingJudgements>>;
  exitProbability?: number;
  expectedUptime?: number;
  scenario?: string;
  /** A register's ramp cell, read: the amounts paid before the payment, each until its day. */
  ramp?: readonly RampUntil[];
  /** The market: annual volatility of the market price (0.4 = 40%). */
  volatility?: number;
  /** What the tenant pays to move elsewhere if it gives notice. */
  tenantSwitchingCost?: number;
  /** What the provider loses re-letting the capacity if it gives notice. */
  providerSwitchingCost?: number;
  /** The market's spot price per GPU-hour, the day it was quoted, and its annual decline (0.25 = 25%). */
  spotPrice?: number | null;
  /** null: the start date. */
  spotDate?: number | null;
  annualDecline?: number;
  /** The provider's and lender's assumptions given (null: blanked). */
  providerAssumptions?: Partial<Record<ProviderAssumptionKey, number | null>>;
}

/** One step of a register's ramp cell: `amount` paid until (and on) `until`. */
export interface RampUntil {
  readonly amount: string;
  readonly until: number;
}

/** The words of the three option kinds, re-exported for the declarations' types. */
export type { Frequency, Proration, Timing };
