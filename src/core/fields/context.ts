/** Context figures beside the contract (each with its basis: reported, assumed, not disclosed), in sheet order. */
import type { FieldDecl } from "./kinds";

export const CONTEXT_FIELDS = [
  {
    name: "FundingRaised",
    label: "Client funding raised",
    kind: "amount",
    help: "amount; blank if not disclosed",
    optional: true,
    get: (d) => ({ ...d.fundingRaised }),
    set: (o, v) => (o.fundingRaised = v as number | null),
  },
  {
    name: "Valuation",
    label: "Client valuation",
    kind: "amount",
    help: "amount; blank if not disclosed",
    optional: true,
    get: (d) => ({ ...d.valuation }),
    set: (o, v) => (o.valuation = v as number | null),
  },
  {
    name: "UptimeTarget",
    label: "Uptime target",
    kind: "rate",
    help: "99.9% or 0.999",
    optional: true,
    get: (d) => ({ ...d.uptimeTarget }),
    set: (o, v) => (o.uptimeTarget = v as number | null),
  },
  {
    name: "GpuCount",
    label: "GPU count",
    kind: "count",
    help: "whole number of GPUs; blank if not disclosed",
    cli: "--gpu-count",
    pane: true,
    register: { id: "gpuCount", phrase: "GPU count", headers: ["GPU count", "GPUs", "Number of GPUs"] },
    get: (d) => ({ ...d.gpuCount }),
    set: (o, v) => (o.gpuCount = v as number | null),
  },
  {
    name: "HoursPerMonth",
    label: "Hours per month",
    kind: "amount",
    help: "hours in a month for $/GPU-hour and downtime: 730 = 8,760 / 12",
    default: 730,
    get: (d) => ({ value: d.hoursPerMonth }),
    set: (o, v) => (o.hoursPerMonth = v as number),
  },
] as const satisfies readonly FieldDecl[];
