/**
 * One declaration per field. Every fact about a deal's field — its defined name, kind, default,
 * allowed values, the DEAL argument that takes it, the register headers that give it, its label and
 * help on the sheet, its command-line option and pane flag, and how it is got from a deal and set on
 * a draft of one — is written here once. Every surface derives from {@link FIELDS}: the DEAL
 * argument readers (src/functions/excelArgs.ts), the register's column recognition (./register.ts),
 * the model sheet's Inputs block, the pane's form, the command line's options and `--help`, the
 * template overrides, and the generated reference in docs/.
 *
 * A value is read by its kind's one reader ({@link readField}), chosen by the declared kind, never by
 * a name: a rate is read by the rate rule wherever it is typed — a cell, an argument, a form field,
 * an option or a register column.
 *
 * Adding a field: one entry below, plus the code that uses its value.
 */
import { valueError } from "./errors";
import { formatIsoDate } from "./dates";
import { Decimal } from "./money";
import type { TerminationHolder } from "./accounting";
import type { AccountingStandardWord, DealDraft, DealTemplate, RampUntil } from "./deal";
import { DEFAULT_ACCOUNTING, valueAssumptions } from "./deal";
import type { Frequency, MoneyInput, Proration, Timing } from "./terms";
import {
  FREQUENCY_NAMES,
  isBlank,
  readAmount,
  readDate,
  readFlag,
  readFrequency,
  readOptionalDate,
  readProration,
  readRate,
  readText,
  readTiming,
  readWhole,
} from "./vocabulary";

/**
 * What kind of value a field holds, and so which reader reads it:
 * - `text`: free text (names);
 * - `date` / `optionalDate`: an Excel serial (1900 system), ISO `YYYY-MM-DD` as text; optional = may be blank;
 * - `amount`: a number, thousands separators allowed in text ("150,000,000");
 * - `rate`: a fraction (0.08) or a percentage with its sign ("8%"); a bare number above 1 is refused;
 * - `whole`: a whole number (months, days);
 * - `count`: a whole number that may be blank (not disclosed);
 * - `flag`: TRUE or FALSE;
 * - `frequency`, `timing`, `proration`: one of the words in `allowed` (or a synonym);
 * - `choice`: one of the words in `allowed`, as the sheet holds them (case ignored);
 * - `ramp`: a register's ramp cell, "50000000 until 2026-09-30; 100000000 until 2026-12-31".
 */
export type FieldKind =
  | "text"
  | "date"
  | "optionalDate"
  | "amount"
  | "rate"
  | "whole"
  | "count"
  | "flag"
  | "frequency"
  | "timing"
  | "proration"
  | "choice"
  | "ramp";

/** A field's value once read: text, a serial or a number, a flag, a word, null for a blank optional field, or ramp steps. */
export type FieldValue = string | number | boolean | null | readonly RampUntil[];

/** A field's value on a deal as the sheet holds it, with its basis for context figures ("reported", "assumed", …). */
export interface HeldValue {
  readonly value: string | number | boolean | null;
  readonly basis?: string;
}

/** The register column a field may be read from. */
export interface RegisterColumnDecl {
  /** The field's key in a register mapping (`mapping.fields.startDate`). */
  readonly id: string;
  /** The field as a register message names it: "start date" ("Row 4, column "Start": the start date …"). */
  readonly phrase: string;
  /** Recognised headers, as the documentation writes them; compared after `normaliseHeader`. */
  readonly headers: readonly string[];
  /** A register without this column is refused. */
  readonly required?: boolean;
}

export interface FieldDecl {
  /** The sheet-scoped defined name, e.g. "StartDate". */
  readonly name: string;
  /** The sheet's row label, e.g. "Start date (first day of service)". */
  readonly label: string;
  readonly kind: FieldKind;
  /** One line: allowed values / meaning; the pane, `--help`, the sheet's note column and the reference show it. */
  readonly help: string;
  /** Word kinds: the words as the sheet holds them, e.g. ["monthly", "quarterly", "semi-annual", "annual"]. */
  readonly allowed?: readonly string[];
  /** May be blank (a figure not disclosed): read as null. Optional dates and counts always may. */
  readonly optional?: boolean;
  /** What a blank gives where a blank is allowed (the DEAL functions' optional arguments). */
  readonly default?: string | number | boolean;
  /** The DEAL argument's name when it is not the defined name in snake_case ({@link argOf}). */
  readonly arg?: string;
  /** The command line's option, e.g. "--discount-rate" (absent: not an option). */
  readonly cli?: string;
  /** Shown in the task pane's form. */
  readonly pane?: boolean;
  /** `false`: not an input of the model sheet (a register-only column such as the ramp). */
  readonly sheet?: false;
  /** The register column that gives this field (absent: not read from a register). */
  readonly register?: RegisterColumnDecl;
  /** The field's value on a deal, as the sheet holds it (absent only for register-only fields). */
  readonly get?: (deal: DealTemplate) => HeldValue;
  /** Puts a value read by {@link readField} on a draft. */
  readonly set: (draft: DealDraft, value: FieldValue) => void;
}

const toNumber = (value: MoneyInput): number =>
  value instanceof Decimal ? value.toNumber() : typeof value === "number" ? value : Number(value);

/** The deal's accounting judgements, defaults filled in. */
const judged = (deal: DealTemplate) => ({ ...DEFAULT_ACCOUNTING, ...deal.accounting });
/** The accounting judgements being drafted, created on first use so that a draft without them stays without. */
const judging = (draft: DealDraft) => (draft.accounting ??= {});

/** The declarations, in the model sheet's order, with their literal types (`as const`). */
const DECLARATIONS = [
  {
    name: "Provider",
    label: "Provider",
    kind: "text",
    help: "who provides the capacity",
    cli: "--provider",
    pane: true,
    get: (d) => ({ value: d.provider }),
    set: (o, v) => (o.provider = v as string),
  },
  {
    name: "Client",
    label: "Client",
    kind: "text",
    help: "who leases the capacity",
    cli: "--client",
    pane: true,
    register: { id: "counterparty", phrase: "counterparty", required: true, headers: ["Counterparty", "Customer", "Tenant", "Client"] },
    get: (d) => ({ value: d.client }),
    set: (o, v) => (o.client = v as string),
  },
  {
    name: "Facility",
    label: "Facility",
    kind: "text",
    help: "the data center or cluster",
    get: (d) => ({ value: d.facility }),
    set: (o, v) => (o.facility = v as string),
  },
  {
    name: "Hardware",
    label: "Hardware",
    kind: "text",
    help: "the hardware leased",
    get: (d) => ({ value: d.hardware }),
    set: (o, v) => (o.hardware = v as string),
  },
  {
    name: "StartDate",
    label: "Start date (first day of service)",
    kind: "date",
    help: "the first day of service",
    cli: "--start",
    pane: true,
    register: { id: "startDate", phrase: "start date", required: true, headers: ["Start", "Start date", "Commencement", "Commencement date"] },
    get: (d) => ({ value: d.terms.startDate }),
    set: (o, v) => (o.terms.startDate = v as number),
  },
  {
    name: "EndDate",
    label: "End date (last day of service)",
    kind: "date",
    help: "the last day of service, inclusive",
    cli: "--end",
    pane: true,
    register: { id: "endDate", phrase: "end date", required: true, headers: ["End", "End date", "Expiry", "Expiry date"] },
    get: (d) => ({ value: d.terms.endDate }),
    set: (o, v) => (o.terms.endDate = v as number),
  },
  {
    name: "Payment",
    label: "Payment per period",
    kind: "amount",
    help: "amount per period, such as 150,000,000; with a ramp, paid before its first date",
    cli: "--payment",
    pane: true,
    register: { id: "payment", phrase: "payment", required: true, headers: ["Payment", "Payment per period", "Amount", "Monthly payment"] },
    get: (d) => {
      const payment = d.terms.payment;
      if (Array.isArray(payment)) return { value: payment.length === 0 ? null : toNumber(payment[0].amount) };
      return { value: toNumber(payment as MoneyInput) };
    },
    set: (o, v) => (o.terms.payment = v as number), // replaces any ramp
  },
  {
    name: "Ramp",
    label: "Ramp (amounts before the payment)",
    kind: "ramp",
    help: 'the amounts paid before the payment, each until its day: "50000000 until 2026-09-30; 100000000 until 2026-12-31"',
    sheet: false,
    register: { id: "ramp", phrase: "ramp", headers: ["Ramp", "Payment ramp"] },
    set: (o, v) => (o.ramp = v as readonly RampUntil[]),
  },
  {
    name: "Frequency",
    label: "Payment frequency",
    kind: "frequency",
    help: "monthly, quarterly, semi-annual or annual",
    allowed: ["monthly", "quarterly", "semi-annual", "annual"], // FREQUENCY_NAMES, in order
    default: "monthly",
    cli: "--frequency",
    pane: true,
    register: { id: "frequency", phrase: "frequency", headers: ["Frequency", "Payment frequency"] },
    get: (d) => ({ value: FREQUENCY_NAMES[d.terms.frequency ?? "monthly"] }),
    set: (o, v) => (o.terms.frequency = v as Frequency),
  },
  {
    name: "Escalation",
    label: "Annual escalation (on each anniversary)",
    kind: "rate",
    help: "compounding on each anniversary of the start: 3% or 0.03",
    default: 0,
    cli: "--escalation",
    pane: true,
    register: { id: "escalation", phrase: "escalation", headers: ["Escalation", "Annual escalation", "Escalation rate"] },
    get: (d) => ({ value: toNumber(d.terms.escalation ?? 0) }),
    set: (o, v) => (o.terms.escalation = v as number),
  },
  {
    name: "Timing",
    label: "Payment timing",
    kind: "timing",
    help: "advance (first day) or arrears (last day)",
    allowed: ["advance", "arrears"],
    default: "advance",
    cli: "--timing",
    pane: true,
    register: { id: "timing", phrase: "timing", headers: ["Timing", "Payment timing"] },
    get: (d) => ({ value: d.terms.timing ?? "advance" }),
    set: (o, v) => (o.terms.timing = v as Timing),
  },
  {
    name: "Proration",
    label: "Begun period charged",
    kind: "proration",
    help: "full, or actual (by days served)",
    allowed: ["full", "actual"],
    default: "full",
    cli: "--proration",
    pane: true,
    register: { id: "proration", phrase: "proration", headers: ["Proration"] },
    get: (d) => ({ value: d.terms.proration ?? "full" }),
    set: (o, v) => (o.terms.proration = v as Proration),
  },
  {
    name: "LockInMonths",
    label: "Lock-in (months from start)",
    kind: "whole",
    help: "whole months from the start during which the contract cannot be ended",
    cli: "--lock-in-months",
    pane: true,
    register: { id: "lockInMonths", phrase: "lock-in months", headers: ["Lock-in months", "Lock-in"] },
    get: (d) => ({ value: d.terms.lockInMonths ?? 0 }),
    set: (o, v) => (o.terms.lockInMonths = v as number),
  },
  {
    name: "LockInLastDay",
    label: "Lock-in last day (replaces months when set)",
    kind: "optionalDate",
    help: "optional: the lock-in's last day; replaces the months when set",
    cli: "--lock-in-last-day",
    pane: true,
    register: { id: "lockInLastDay", phrase: "lock-in last day", headers: ["Lock-in last day", "Lock-in end date"] },
    get: (d) => ({ value: d.terms.lockInLastDay ?? null }),
    set: (o, v) => (o.terms.lockInLastDay = v as number | null),
  },
  {
    name: "NoticeDays",
    label: "Notice period (days)",
    kind: "whole",
    help: "whole days between notice and the exit",
    cli: "--notice-days",
    pane: true,
    register: { id: "noticeDays", phrase: "notice days", headers: ["Notice days", "Notice", "Notice period", "Days' notice"] },
    get: (d) => ({ value: d.terms.noticeDays ?? 0 }),
    set: (o, v) => (o.terms.noticeDays = v as number),
  },
  {
    name: "NoticeInLockIn",
    label: "Notice may be served during the lock-in",
    kind: "flag",
    help: "TRUE or FALSE: may notice be served during the lock-in (taking effect after it)?",
    default: false,
    cli: "--notice-in-lock-in",
    pane: true,
    register: { id: "noticeInLockIn", phrase: "notice in lock-in", headers: ["Notice in lock-in", "Notice during lock-in"] },
    get: (d) => ({ value: d.terms.noticeDuringLockIn ?? false }),
    set: (o, v) => (o.terms.noticeDuringLockIn = v as boolean),
  },
  {
    name: "NoticeDate",
    label: "Notice served on",
    kind: "optionalDate",
    help: "optional; blank = the earliest permitted date",
    cli: "--notice-date",
    pane: true,
    register: { id: "noticeDate", phrase: "notice date", headers: ["Notice date"] },
    get: (d) => ({ value: d.terms.noticeDate ?? null }),
    set: (o, v) => (o.terms.noticeDate = v as number | null),
  },
  {
    name: "TerminationFee",
    label: "Termination fee (early exit)",
    kind: "amount",
    help: "paid on an early exit, on top of what is owed; 0 if none",
    default: 0,
    cli: "--termination-fee",
    pane: true,
    register: { id: "terminationFee", phrase: "termination fee", headers: ["Termination fee", "Exit fee", "Break fee"] },
    get: (d) => ({ value: toNumber(d.terms.terminationFee ?? 0) }),
    set: (o, v) => (o.terms.terminationFee = v as number),
  },
  {
    name: "DiscountRate",
    label: "Discount rate (annual)",
    kind: "rate",
    help: "annual rate for the present value: 8% or 0.08",
    cli: "--discount-rate",
    pane: true,
    register: { id: "discountRate", phrase: "discount rate", headers: ["Discount rate"] },
    get: (d) => ({ ...d.discountRate }),
    set: (o, v) => (o.discountRate = v as number),
  },
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
  // The market (issue 17): read by the DEAL market functions; not yet on the model sheet.
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

/** Every field, in the model sheet's order. */
export const FIELDS: readonly FieldDecl[] = DECLARATIONS;

/** A field's defined name. */
export type FieldName = (typeof DECLARATIONS)[number]["name"];
/** A field that is an input of the model sheet (every field but the register-only ones). */
export type SheetFieldDecl = Exclude<(typeof DECLARATIONS)[number], { readonly sheet: false }>;
export type SheetFieldName = SheetFieldDecl["name"];
/** A field the task pane's form shows, with its literal types. */
export type PaneFieldDecl = Extract<(typeof DECLARATIONS)[number], { readonly pane: true }>;
export type PaneFieldName = PaneFieldDecl["name"];
/** A field a register column may give, by its register key ("startDate", "counterparty", …). */
export type RegisterField = Extract<(typeof DECLARATIONS)[number], { readonly register: unknown }>["register"]["id"];

/** Each field's declaration by name. */
export const FIELD: { readonly [N in FieldName]: FieldDecl } = Object.fromEntries(FIELDS.map((f) => [f.name, f])) as {
  readonly [N in FieldName]: FieldDecl;
};

/**
 * The name messages use for a field from a DEAL function: its argument's name, snake_case.
 *
 * @example
 * argOf(FIELD.DiscountRate) // "discount_rate"
 * argOf(FIELD.ExitProbability) // "annual_exit_probability"
 */
export function argOf(decl: FieldDecl): string {
  return decl.arg ?? decl.name.replace(/[A-Z]/g, (letter, at: number) => (at === 0 ? "" : "_") + letter.toLowerCase());
}

/**
 * Reads a raw value for a field — a cell, an argument, text typed in the pane or on the command line
 * — with its kind's one reader. `name` is how a message names the field (the argument's name unless
 * the surface says otherwise: the register says "the start date", the command line "--start").
 * A blank optional field is null; a blank field with a default is that default; any other blank is
 * refused as missing by the reader.
 *
 * @example
 * readField(FIELD.DiscountRate, "8%") // 0.08
 * readField(FIELD.Frequency, "Quarterly") // "quarterly"
 * readField(FIELD.GpuCount, "") // null
 */
export function readField(decl: FieldDecl, raw: unknown, name: string = argOf(decl)): FieldValue {
  if (isBlank(raw)) {
    if (decl.optional || decl.kind === "optionalDate" || decl.kind === "count") return null;
    if (decl.default !== undefined) return decl.default;
  }
  switch (decl.kind) {
    case "text":
      return readText(raw, name);
    case "date":
      return readDate(raw, name);
    case "optionalDate":
      return readOptionalDate(raw, name);
    case "amount":
      return readAmount(raw, name);
    case "rate":
      return readRate(raw, name);
    case "whole":
      return readWhole(raw, name);
    case "count":
      return readWhole(raw, name);
    case "flag":
      return readFlag(raw, name);
    case "frequency":
      return readFrequency(raw, name);
    case "timing":
      return readTiming(raw, name);
    case "proration":
      return readProration(raw, name);
    case "choice":
      return readChoice(raw, name, decl.allowed ?? []);
    case "ramp":
      return readRampText(raw);
  }
}

/**
 * One of the allowed words, case ignored.
 *
 * @example
 * readChoice("Lessee", "who_may_terminate", ["both", "lessee", "lessor"]) // "lessee"
 */
export function readChoice(raw: unknown, name: string, allowed: readonly string[]): string {
  const text = readText(raw, name);
  const found = allowed.find((word) => word === text.toLowerCase());
  if (found !== undefined) return found;
  const words = allowed.map((w) => `"${w}"`);
  const list = `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
  throw valueError(`${name} must be ${list}, not "${text.length > 40 ? text.slice(0, 40) + "…" : text}".`);
}

const RAMP_EXAMPLE = `give the amounts before the payment as text such as "50000000 until 2026-09-30; 100000000 until 2026-12-31"`;

/**
 * A ramp cell's steps: each amount is paid until (and on) its day.
 *
 * @example
 * readRampText("460,000,000 until 2026-09-30") // [{ amount: "460000000", until: 46295 }]
 */
export function readRampText(value: unknown): RampUntil[] {
  if (typeof value !== "string") throw valueError(`The ramp must be text: ${RAMP_EXAMPLE}.`);
  const steps: RampUntil[] = [];
  for (const part of value.split(";")) {
    if (part.trim() === "") continue;
    const match = /^\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s+until\s+(\S+)\s*$/i.exec(part.length > 200 ? "" : part);
    const until = match ? readOptionalDateText(match[3]) : undefined;
    if (!match || until === undefined) {
      throw valueError(`The ramp step "${clip(part.trim())}" is not "amount until YYYY-MM-DD": ${RAMP_EXAMPLE}.`);
    }
    steps.push({ amount: match[1].replace(/,/g, "") + (match[2] ?? ""), until });
  }
  if (steps.length === 0) throw valueError(`The ramp is empty: ${RAMP_EXAMPLE}.`);
  return steps;
}

const clip = (text: string) => (text.length > 40 ? text.slice(0, 40) + "…" : text);

/** An ISO date in a ramp step, or undefined. */
function readOptionalDateText(text: string): number | undefined {
  try {
    return readDate(text, "until");
  } catch {
    return undefined;
  }
}

/**
 * How the reference and `--help` show a field's value kind.
 *
 * @example
 * kindWord(FIELD.StartDate) // "date"
 */
export function kindWord(decl: FieldDecl): string {
  switch (decl.kind) {
    case "optionalDate":
      return "date or blank";
    case "whole":
      return "whole number";
    case "count":
      return "whole number or blank";
    case "flag":
      return "TRUE/FALSE";
    case "frequency":
    case "timing":
    case "proration":
    case "choice":
      return "word";
    default:
      return decl.optional ? `${decl.kind} or blank` : decl.kind;
  }
}

/** A held value as text for the reference: dates as ISO, blanks as "(blank)". */
export function showHeld(decl: FieldDecl, value: HeldValue["value"]): string {
  if (value === null) return "(blank)";
  if ((decl.kind === "date" || decl.kind === "optionalDate") && typeof value === "number") return formatIsoDate(value);
  return String(value);
}
