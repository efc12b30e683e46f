/**
 * The provider's and the lender's assumptions (issue 18): what the contract does not say — the
 * hardware, the facility, power, costs, the hardware's life, re-leasing after the tenant leaves, and
 * the debt terms. Every one is an input marked assumed; a blank is "not given" (null) and leaves the
 * outputs that need it not given rather than borrowing a number. Two exceptions, said in their help:
 * the facility's capex and the colocation rent are 0 when blank (a facility is owned or rented, not
 * both), and a blank capex date is the start date.
 *
 * The pure functions that use them are in src/core/provider/ (docs/provider-economics.md).
 */
import type { DealDraft, DealTemplate, ProviderAssumptionKey } from "../deal";
import type { FieldDecl, FieldValue, HeldValue } from "./kinds";

/** The value a deal holds for an assumption, with its basis; null (no basis) when not given. */
const held = (deal: DealTemplate, key: ProviderAssumptionKey): HeldValue => {
  const value = deal.providerAssumptions?.[key];
  return value ? { value: value.value, ...(value.basis !== undefined ? { basis: value.basis } : {}) } : { value: null };
};

/** Puts an assumption given (a number, a serial, or null for a blank) on a draft. */
const given = (draft: DealDraft, key: ProviderAssumptionKey, value: FieldValue): void => {
  (draft.providerAssumptions ??= {})[key] = value as number | null;
};

export const PROVIDER_FIELDS = [
  {
    name: "ContractPricePerGpuHour",
    label: "Contract price per GPU-hour",
    kind: "amount",
    help: "the price per GPU-hour the payment buys, e.g. 5.00: GPUs = payment a month ÷ (hours a month × price) when the GPU count is blank; when both are given the GPU count is used and a check says whether they agree; blank: not given",
    optional: true,
    cli: "--contract-price-per-gpu-hour",
    get: (d) => held(d, "contractPricePerGpuHour"),
    set: (o, v) => given(o, "contractPricePerGpuHour", v),
  },
  {
    name: "CostPerGpu",
    label: "Capex per GPU (all-in)",
    kind: "amount",
    help: "all-in capex per GPU: servers, network, storage (e.g. 60,000); blank: not given",
    optional: true,
    cli: "--cost-per-gpu",
    get: (d) => held(d, "costPerGpu"),
    set: (o, v) => given(o, "costPerGpu", v),
  },
  {
    name: "GpusPerRack",
    label: "GPUs per rack",
    kind: "count",
    help: "whole number, e.g. 72 for an NVL72 rack; blank: not given",
    cli: "--gpus-per-rack",
    get: (d) => held(d, "gpusPerRack"),
    set: (o, v) => given(o, "gpusPerRack", v),
  },
  {
    name: "KwPerRack",
    label: "IT load per rack (kW)",
    kind: "amount",
    help: "kW per rack, e.g. 132 to 140 for a current NVL72 rack; blank: not given",
    optional: true,
    cli: "--kw-per-rack",
    get: (d) => held(d, "kwPerRack"),
    set: (o, v) => given(o, "kwPerRack", v),
  },
  {
    name: "Pue",
    label: "Power usage effectiveness (PUE)",
    kind: "amount",
    help: "facility load ÷ IT load, e.g. 1.2 for a new AI hall, 1.56 industry average; blank: not given",
    optional: true,
    cli: "--pue",
    get: (d) => held(d, "pue"),
    set: (o, v) => given(o, "pue", v),
  },
  {
    name: "FacilityCostPerMw",
    label: "Facility capex per MW (owned)",
    kind: "amount",
    help: "build cost per MW of facility load when the facility is owned (e.g. 9,000,000 to 15,000,000); 0 if rented",
    default: 0,
    cli: "--facility-cost-per-mw",
    get: (d) => held(d, "facilityCostPerMw"),
    set: (o, v) => given(o, "facilityCostPerMw", v),
  },
  {
    name: "ColocationCostPerKwMonth",
    label: "Colocation cost per kW-month (rented)",
    kind: "amount",
    help: "rent per kW of IT load a month when the facility is rented; 0 if owned",
    default: 0,
    cli: "--colocation-cost-per-kw-month",
    get: (d) => held(d, "colocationCostPerKwMonth"),
    set: (o, v) => given(o, "colocationCostPerKwMonth", v),
  },
  {
    name: "CapexDate",
    label: "Capex date",
    kind: "optionalDate",
    help: "the day the capex is spent; blank: the start date",
    cli: "--capex-date",
    get: (d) => held(d, "capexDate"),
    set: (o, v) => given(o, "capexDate", v),
  },
  {
    name: "PowerPricePerMwh",
    label: "Power price per MWh",
    kind: "amount",
    help: "price of a MWh of facility energy in the first year, e.g. 80; blank: not given",
    optional: true,
    cli: "--power-price-per-mwh",
    get: (d) => held(d, "powerPricePerMwh"),
    set: (o, v) => given(o, "powerPricePerMwh", v),
  },
  {
    name: "PowerEscalation",
    label: "Power price escalation (annual)",
    kind: "rate",
    help: "annual rise of the power price: 3% or 0.03; blank: not given",
    optional: true,
    cli: "--power-escalation",
    get: (d) => held(d, "powerEscalation"),
    set: (o, v) => given(o, "powerEscalation", v),
  },
  {
    name: "OpexShareOfCapex",
    label: "Other opex (share of capex a year)",
    kind: "rate",
    help: "other operating costs a year as a share of capex: 3% or 0.03; blank: not given",
    optional: true,
    cli: "--opex-share-of-capex",
    get: (d) => held(d, "opexShareOfCapex"),
    set: (o, v) => given(o, "opexShareOfCapex", v),
  },
  {
    name: "UsefulLifeYears",
    label: "Useful life (years)",
    kind: "count",
    help: "years the hardware earns and is depreciated over: 4, 5 or 6 for GPU clouds; blank: not given",
    cli: "--useful-life-years",
    get: (d) => held(d, "usefulLifeYears"),
    set: (o, v) => given(o, "usefulLifeYears", v),
  },
  {
    name: "ResidualValueShare",
    label: "Residual value (share of capex)",
    kind: "rate",
    help: "value left at the end of the useful life, as a share of capex: 10% or 0.1; blank: not given",
    optional: true,
    cli: "--residual-value-share",
    get: (d) => held(d, "residualValueShare"),
    set: (o, v) => given(o, "residualValueShare", v),
  },
  {
    name: "ReleaseDowntimeMonths",
    label: "Re-leasing downtime (months)",
    kind: "count",
    help: "whole months the capacity earns nothing after the tenant leaves; blank: not given",
    cli: "--release-downtime-months",
    get: (d) => held(d, "releaseDowntimeMonths"),
    set: (o, v) => given(o, "releaseDowntimeMonths", v),
  },
  {
    name: "Utilisation",
    label: "Utilisation when re-let",
    kind: "rate",
    help: "share of the capacity re-let at market: 85% or 0.85; blank: not given",
    optional: true,
    cli: "--utilisation",
    get: (d) => held(d, "utilisation"),
    set: (o, v) => given(o, "utilisation", v),
  },
  {
    name: "RenewalProbability",
    label: "Renewal probability",
    kind: "rate",
    help: "chance the tenant renews at the contract's terms rather than the capacity being re-let at market: 60% or 0.6; blank: not given",
    optional: true,
    cli: "--renewal-probability",
    get: (d) => held(d, "renewalProbability"),
    set: (o, v) => given(o, "renewalProbability", v),
  },
  {
    name: "MarketRatePerGpuHour",
    label: "Market rate per GPU-hour (flat)",
    kind: "amount",
    help: "price per GPU-hour at which the capacity is re-let, flat, e.g. 2.10; blank: not given",
    optional: true,
    cli: "--market-rate-per-gpu-hour",
    get: (d) => held(d, "marketRatePerGpuHour"),
    set: (o, v) => given(o, "marketRatePerGpuHour", v),
  },
  {
    name: "BackstopShare",
    label: "Backstopped share of the obligations",
    kind: "rate",
    help: "share of the payments after the committed exit a third party guarantees: 0% to 100%; blank: not given",
    optional: true,
    cli: "--backstop-share",
    get: (d) => held(d, "backstopShare"),
    set: (o, v) => given(o, "backstopShare", v),
  },
  {
    name: "DscrTarget",
    label: "Target DSCR",
    kind: "amount",
    help: "debt service coverage the lender requires, e.g. 1.30; blank: not given",
    optional: true,
    arg: "dscr",
    cli: "--dscr-target",
    get: (d) => held(d, "dscrTarget"),
    set: (o, v) => given(o, "dscrTarget", v),
  },
  {
    name: "LendingRate",
    label: "Lending rate (annual)",
    kind: "rate",
    help: "the loan's annual interest rate: 10% or 0.1; blank: not given",
    optional: true,
    arg: "annual_rate",
    cli: "--lending-rate",
    get: (d) => held(d, "lendingRate"),
    set: (o, v) => given(o, "lendingRate", v),
  },
  {
    name: "Ltv",
    label: "Loan-to-value limit",
    kind: "rate",
    help: "the largest loan as a share of the collateral's value: 70% or 0.7; blank: not given",
    optional: true,
    cli: "--ltv",
    get: (d) => held(d, "ltv"),
    set: (o, v) => given(o, "ltv", v),
  },
] as const satisfies readonly FieldDecl[];
