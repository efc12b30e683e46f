/**
 * The market's fields: read by the DEAL market functions (src/functions/market.ts) and inputs of the
 * model sheet, whose Market block reads them (the GPU count is a context field).
 */
import { marketAssumptions } from "../deal";
import type { FieldDecl } from "./kinds";

export const MARKET_FIELDS = [
  {
    name: "SpotPrice",
    label: "Market spot price per GPU-hour",
    kind: "amount",
    help: "today's market price of the same capacity, per GPU-hour, such as 2.10; blank: no market curve (unless term quotes are given)",
    optional: true,
    cli: "--spot-price",
    get: (d) => ({ ...marketAssumptions(d).spotPrice }),
    set: (o, v) => (o.spotPrice = v as number | null),
  },
  {
    name: "SpotDate",
    label: "Market spot price date",
    kind: "optionalDate",
    help: "the day the spot price (or the term quotes) was quoted; blank: the start date",
    cli: "--spot-date",
    get: (d) => ({ value: marketAssumptions(d).spotDate }),
    set: (o, v) => (o.spotDate = v as number | null),
  },
  {
    name: "AnnualDecline",
    label: "Market price decline (annual)",
    kind: "rate",
    help: "the share by which the market price falls each year: 25% or 0.25 (a rise is negative); blank or 0: a flat price",
    default: 0,
    cli: "--market-decline",
    get: (d) => ({ value: marketAssumptions(d).annualDecline }),
    set: (o, v) => (o.annualDecline = v as number),
  },
  {
    name: "Volatility",
    label: "Market price volatility (annual)",
    kind: "rate",
    help: "annual volatility of the market price's logarithm: 40% or 0.4",
    cli: "--volatility",
    get: (d) => ({ ...marketAssumptions(d).volatility }),
    set: (o, v) => (o.volatility = v as number),
  },
  {
    name: "TenantSwitchingCost",
    label: "Tenant's switching cost",
    kind: "amount",
    help: "what the tenant pays to move elsewhere (migration, downtime) if it gives notice; 0 if none",
    default: 0,
    cli: "--tenant-switching-cost",
    get: (d) => ({ value: marketAssumptions(d).tenantSwitchingCost }),
    set: (o, v) => (o.tenantSwitchingCost = v as number),
  },
  {
    name: "ProviderSwitchingCost",
    label: "Provider's switching cost",
    kind: "amount",
    help: "what the provider loses re-letting the capacity (downtime, sales cost) if it gives notice; 0 if none",
    default: 0,
    cli: "--provider-switching-cost",
    get: (d) => ({ value: marketAssumptions(d).providerSwitchingCost }),
    set: (o, v) => (o.providerSwitchingCost = v as number),
  },
] as const satisfies readonly FieldDecl[];
