/**
 * The market's fields: read by the DEAL market functions (src/functions/market.ts); not yet inputs of
 * the model sheet (`sheet: false`) until its Market block exists.
 */
import type { FieldDecl } from "./kinds";

export const MARKET_FIELDS = [
  {
    name: "Volatility",
    label: "Market price volatility (annual)",
    kind: "rate",
    help: "annual volatility of the market price's logarithm: 40% or 0.4",
    sheet: false,
    set: (o, v) => (o.volatility = v as number),
  },
  {
    name: "TenantSwitchingCost",
    label: "Tenant's switching cost",
    kind: "amount",
    help: "what the tenant pays to move elsewhere (migration, downtime) if it gives notice; 0 if none",
    default: 0,
    sheet: false,
    set: (o, v) => (o.tenantSwitchingCost = v as number),
  },
  {
    name: "ProviderSwitchingCost",
    label: "Provider's switching cost",
    kind: "amount",
    help: "what the provider loses re-letting the capacity (downtime, sales cost) if it gives notice; 0 if none",
    default: 0,
    sheet: false,
    set: (o, v) => (o.providerSwitchingCost = v as number),
  },
  {
    name: "SpotPrice",
    label: "Market spot price per GPU-hour",
    kind: "amount",
    help: "today's market price of the same capacity, per GPU-hour, such as 2.10",
    sheet: false,
    set: (o, v) => (o.spotPrice = v as number),
  },
  {
    name: "SpotDate",
    label: "Market spot price date",
    kind: "date",
    help: "the day the spot price was quoted",
    sheet: false,
    set: (o, v) => (o.spotDate = v as number),
  },
  {
    name: "AnnualDecline",
    label: "Market price decline (annual)",
    kind: "rate",
    help: "the share by which the market price falls each year: 25% or 0.25 (a rise is negative)",
    sheet: false,
    set: (o, v) => (o.annualDecline = v as number),
  },
] as const satisfies readonly FieldDecl[];
