/**
 * The judgements a user makes about the contract: the accounting judgements (IFRS 16, ASC 842) the
 * Accounting block follows, and the value bridge's assumptions. In sheet order.
 */
import type { RateBasis, TerminationHolder } from "../accounting";
import type { AccountingStandardWord, DealDraft, DealTemplate } from "../deal";
import { DEFAULT_ACCOUNTING, valueAssumptions } from "../deal";
import type { FieldDecl } from "./kinds";

/** The deal's accounting judgements, defaults filled in. */
const judged = (deal: DealTemplate) => ({ ...DEFAULT_ACCOUNTING, ...deal.accounting });
/** The accounting judgements being drafted, created on first use so that a draft without them stays without. */
const judging = (draft: DealDraft) => (draft.accounting ??= {});


export const JUDGEMENT_FIELDS = [
  // Accounting judgements (IFRS 16, ASC 842): the Accounting block follows them.
  {
    name: "IdentifiedAsset",
    label: "Identified asset (specified, client's alone)",
    kind: "flag",
    help: "TRUE or FALSE: is the capacity specified and reserved for the client, not a share of a pool?",
    cli: "--identified-asset",
    get: (d) => ({ value: judged(d).identifiedAsset }),
    set: (o, v) => (judging(o).identifiedAsset = v as boolean),
  },
  {
    name: "SubstitutionRight",
    label: "Provider has a substantive right to substitute",
    kind: "flag",
    help: "TRUE or FALSE: can the provider swap the capacity throughout the term, and benefit from doing so?",
    cli: "--substitution-right",
    get: (d) => ({ value: judged(d).substitutionRight }),
    set: (o, v) => (judging(o).substitutionRight = v as boolean),
  },
  {
    name: "RightToDirectUse",
    label: "Client directs the use (which workloads, when)",
    kind: "flag",
    help: "TRUE or FALSE: does the client decide which workloads run and when?",
    cli: "--right-to-direct-use",
    get: (d) => ({ value: judged(d).rightToDirectUse }),
    set: (o, v) => (judging(o).rightToDirectUse = v as boolean),
  },
  {
    name: "WhoMayTerminate",
    label: "Who may terminate early",
    kind: "choice",
    help: "both, lessee or lessor: who holds the termination right",
    allowed: ["both", "lessee", "lessor"],
    cli: "--who-may-terminate",
    get: (d) => ({ value: judged(d).whoMayTerminate }),
    set: (o, v) => (judging(o).whoMayTerminate = v as TerminationHolder),
  },
  {
    name: "SignificantPenalty",
    label: "Leaving costs a significant penalty",
    kind: "flag",
    help: "TRUE or FALSE: is the cost of terminating (fee or otherwise) more than insignificant?",
    cli: "--significant-penalty",
    get: (d) => ({ value: judged(d).significantPenalty }),
    set: (o, v) => (judging(o).significantPenalty = v as boolean),
  },
  {
    name: "ExplicitTermEnd",
    label: "Lease term's last day (replaces the clause)",
    kind: "optionalDate",
    help: "optional: the lease term's last day as judged; blank = read the termination clause",
    cli: "--term-end",
    get: (d) => ({ value: judged(d).termEnd }),
    set: (o, v) => (judging(o).termEnd = v as number | null),
  },
  {
    name: "ElectShortTerm",
    label: "Short-term exemption elected",
    kind: "flag",
    help: "TRUE or FALSE: expense a lease of 12 months or less straight-line instead of recognising it",
    cli: "--short-term",
    get: (d) => ({ value: judged(d).electShortTerm }),
    set: (o, v) => (judging(o).electShortTerm = v as boolean),
  },
  {
    name: "InitialDirectCosts",
    label: "Initial direct costs (lessee)",
    kind: "amount",
    help: "costs of obtaining the lease, added to the right-of-use asset; 0 if none",
    default: 0,
    cli: "--initial-direct-costs",
    get: (d) => ({ value: judged(d).initialDirectCosts }),
    set: (o, v) => (judging(o).initialDirectCosts = v as number),
  },
  {
    name: "IncentivesReceived",
    label: "Lease incentives received",
    kind: "amount",
    help: "incentives from the provider, deducted from the right-of-use asset; 0 if none",
    default: 0,
    arg: "incentives",
    cli: "--incentives",
    get: (d) => ({ value: judged(d).incentives }),
    set: (o, v) => (judging(o).incentives = v as number),
  },
  {
    name: "AccountingStandard",
    label: "Accounting standard (lessee)",
    kind: "choice",
    help: "ifrs16, asc842-finance or asc842-operating",
    allowed: ["ifrs16", "asc842-finance", "asc842-operating"],
    // Not LEASE_ACCOUNTING's `standard` argument, which also takes "short-term" (the sheet has the election apart).
    cli: "--standard",
    get: (d) => ({ value: judged(d).standard }),
    set: (o, v) => (judging(o).standard = v as AccountingStandardWord),
  },
  {
    name: "NoticeServedOn",
    label: "Notice actually served on (lessee remeasures)",
    kind: "optionalDate",
    help: "optional: the day notice was served, from which the lessee's liability and asset are remeasured (IFRS 16.40; ASC 842-10-35-1); blank = none served, nothing changes",
    cli: "--notice-served-on",
    get: (d) => ({ value: judged(d).noticeServedOn }),
    set: (o, v) => (judging(o).noticeServedOn = v as number | null),
  },
  // The provider's judgement (ASC 606 / IFRS 15): the Provider block and DEAL.RPO follow it.
  {
    name: "FeeIsSubstantive",
    label: "Termination fee is a substantive penalty (ASC 606)",
    kind: "flag",
    help: "TRUE or FALSE: does the fee keep the contract enforceable to its end (ASC 606-10-25-3)? FALSE: the revenue contract term ends at the earliest exit",
    default: false,
    cli: "--fee-is-substantive",
    get: (d) => ({ value: judged(d).feeIsSubstantive }),
    set: (o, v) => (judging(o).feeIsSubstantive = v as boolean),
  },
  {
    name: "ProviderAsOf",
    label: "Provider's reporting date (RPO at its close)",
    kind: "optionalDate",
    help: "optional: the day whose close the provider's RPO is measured at; blank = the day before the start (inception)",
    cli: "--provider-as-of",
    get: (d) => ({ value: judged(d).providerAsOf }),
    set: (o, v) => (judging(o).providerAsOf = v as number | null),
  },
  {
    name: "RateBasis",
    label: "Discount rate basis (per period)",
    kind: "choice",
    help: "periodic (annual ÷ payments a year), effective ((1 + annual)^(1/n) − 1) or actual/365 (each period's days ÷ 365)",
    allowed: ["periodic", "effective", "actual/365"],
    default: "periodic",
    cli: "--rate-basis",
    get: (d) => ({ value: judged(d).rateBasis }),
    set: (o, v) => (judging(o).rateBasis = v as RateBasis),
  },
  {
    name: "ExitProbability",
    label: "Annual exit probability",
    kind: "rate",
    help: "annual chance that either party serves notice: 20% or 0.2",
    arg: "annual_exit_probability",
    cli: "--exit-probability",
    register: { id: "exitProbability", phrase: "annual exit probability", headers: ["Annual exit probability", "Exit probability"] },
    get: (d) => ({ ...valueAssumptions(d).exitProbability }),
    set: (o, v) => (o.exitProbability = v as number),
  },
  {
    name: "ExpectedUptime",
    label: "Expected uptime",
    kind: "rate",
    help: "uptime expected, against the SLA tiers: 99.5% or 0.995",
    cli: "--expected-uptime",
    get: (d) => ({ ...valueAssumptions(d).expectedUptime }),
    set: (o, v) => (o.expectedUptime = v as number),
  },
  {
    name: "Scenario",
    label: "Scenario in use",
    kind: "text",
    help: "a name in the Scenarios table: base, downside, upside",
    cli: "--scenario",
    get: (d) => ({ value: valueAssumptions(d).scenario }),
    set: (o, v) => (o.scenario = v as string),
  },
] as const satisfies readonly FieldDecl[];
