/**
 * The model's inputs, declared once: the model sheet's Inputs block, the task pane's form, the
 * command line's options and the template overrides are all derived from {@link INPUTS}. An input
 * added later is a change here (and, for a new kind of value, in its reader).
 */
import { DealError, Decimal, MoneyInput, valueError } from "../core";
import {
  FREQUENCY_NAMES,
  isBlank,
  readAmount,
  readCount,
  readDate,
  readFlag,
  readFrequency,
  readOptionalDate,
  readProration,
  readRate,
  readText,
  readTiming,
  readWhole,
} from "../core/vocabulary";
import { DEFAULT_ACCOUNTING, DealTemplate, valueAssumptions } from "./templates";

/**
 * What kind of value an input holds, and so which reader reads it:
 * - `text`: free text (names);
 * - `date` / `optionalDate`: an Excel serial (1900 system), ISO `YYYY-MM-DD` as text; optional = may be blank;
 * - `amount`: a number, thousands separators allowed in text ("150,000,000");
 * - `rate`: a fraction (0.08) or a percentage with its sign ("8%");
 * - `whole`: a whole number of at least 0 (months, days);
 * - `flag`: TRUE or FALSE;
 * - `frequency`, `timing`, `proration`: one of the words in `allowed`;
 * - `choice`: one of the words in `allowed`, as the sheet holds them (case ignored);
 * - `count`: a whole number that may be blank (not disclosed).
 */
export type InputKind =
  | "text"
  | "date"
  | "optionalDate"
  | "amount"
  | "rate"
  | "whole"
  | "flag"
  | "frequency"
  | "timing"
  | "proration"
  | "choice"
  | "count";

/** The inputs' sheet-scoped defined names, in sheet order. */
export const INPUT_NAMES = [
  "Provider",
  "Client",
  "Facility",
  "Hardware",
  "StartDate",
  "EndDate",
  "Payment",
  "Frequency",
  "Escalation",
  "Timing",
  "Proration",
  "LockInMonths",
  "LockInLastDay",
  "NoticeDays",
  "NoticeInLockIn",
  "NoticeDate",
  "TerminationFee",
  "DiscountRate",
  "FundingRaised",
  "Valuation",
  "UptimeTarget",
  "GpuCount",
  "HoursPerMonth",
  "IdentifiedAsset",
  "SubstitutionRight",
  "RightToDirectUse",
  "WhoMayTerminate",
  "SignificantPenalty",
  "ExplicitTermEnd",
  "ElectShortTerm",
  "InitialDirectCosts",
  "IncentivesReceived",
  "AccountingStandard",
  "ExitProbability",
  "ExpectedUptime",
  "Scenario",
] as const;

export type InputName = (typeof INPUT_NAMES)[number];

export interface InputDecl {
  /** The sheet-scoped defined name, e.g. "StartDate". */
  readonly name: InputName;
  /** The sheet's row label, e.g. "Start date (first day of service)". */
  readonly label: string;
  readonly kind: InputKind;
  /** One line: allowed values / meaning; used by the pane, CLI --help and the sheet's note column. */
  readonly help: string;
  /** Choice kinds: the words as the sheet holds them, e.g. ["monthly","quarterly","semi-annual","annual"]. */
  readonly allowed?: readonly string[];
  /** The CLI option, e.g. "--discount-rate" (absent: not a CLI option). */
  readonly cli?: string;
  /** Shown in the pane form. */
  readonly pane?: boolean;
  /** May be blank (a figure not disclosed): read as null. Optional dates and counts always may. */
  readonly optional?: boolean;
}

/** The declarations with their literal types (`as const`), from which the pane's form type is derived. */
const DECLARATIONS = [
  { name: "Provider", label: "Provider", kind: "text", help: "who provides the capacity", cli: "--provider", pane: true },
  { name: "Client", label: "Client", kind: "text", help: "who leases the capacity", cli: "--client", pane: true },
  { name: "Facility", label: "Facility", kind: "text", help: "the data center or cluster" },
  { name: "Hardware", label: "Hardware", kind: "text", help: "the hardware leased" },
  {
    name: "StartDate",
    label: "Start date (first day of service)",
    kind: "date",
    help: "the first day of service",
    cli: "--start",
    pane: true,
  },
  {
    name: "EndDate",
    label: "End date (last day of service)",
    kind: "date",
    help: "the last day of service, inclusive",
    cli: "--end",
    pane: true,
  },
  {
    name: "Payment",
    label: "Payment per period",
    kind: "amount",
    help: "amount per period, such as 150,000,000; with a ramp, paid before its first date",
    cli: "--payment",
    pane: true,
  },
  {
    name: "Frequency",
    label: "Payment frequency",
    kind: "frequency",
    help: "monthly, quarterly, semi-annual or annual",
    allowed: ["monthly", "quarterly", "semi-annual", "annual"], // FREQUENCY_NAMES, in order
    cli: "--frequency",
    pane: true,
  },
  {
    name: "Escalation",
    label: "Annual escalation (on each anniversary)",
    kind: "rate",
    help: "compounding on each anniversary of the start: 3% or 0.03",
    cli: "--escalation",
    pane: true,
  },
  {
    name: "Timing",
    label: "Payment timing",
    kind: "timing",
    help: "advance (first day) or arrears (last day)",
    allowed: ["advance", "arrears"],
    cli: "--timing",
    pane: true,
  },
  {
    name: "Proration",
    label: "Begun period charged",
    kind: "proration",
    help: "full, or actual (by days served)",
    allowed: ["full", "actual"],
    cli: "--proration",
    pane: true,
  },
  {
    name: "LockInMonths",
    label: "Lock-in (months from start)",
    kind: "whole",
    help: "whole months from the start during which the contract cannot be ended",
    cli: "--lock-in-months",
    pane: true,
  },
  {
    name: "LockInLastDay",
    label: "Lock-in last day (replaces months when set)",
    kind: "optionalDate",
    help: "optional: the lock-in's last day; replaces the months when set",
    cli: "--lock-in-last-day",
    pane: true,
  },
  {
    name: "NoticeDays",
    label: "Notice period (days)",
    kind: "whole",
    help: "whole days between notice and the exit",
    cli: "--notice-days",
    pane: true,
  },
  {
    name: "NoticeInLockIn",
    label: "Notice may be served during the lock-in",
    kind: "flag",
    help: "TRUE or FALSE: may notice be served during the lock-in (taking effect after it)?",
    cli: "--notice-in-lock-in",
    pane: true,
  },
  {
    name: "NoticeDate",
    label: "Notice served on",
    kind: "optionalDate",
    help: "optional; blank = the earliest permitted date",
    cli: "--notice-date",
    pane: true,
  },
  {
    name: "TerminationFee",
    label: "Termination fee (early exit)",
    kind: "amount",
    help: "paid on an early exit, on top of what is owed; 0 if none",
    cli: "--termination-fee",
    pane: true,
  },
  {
    name: "DiscountRate",
    label: "Discount rate (annual)",
    kind: "rate",
    help: "annual rate for the present value: 8% or 0.08",
    cli: "--discount-rate",
    pane: true,
  },
  { name: "FundingRaised", label: "Client funding raised", kind: "amount", help: "amount; blank if not disclosed", optional: true },
  { name: "Valuation", label: "Client valuation", kind: "amount", help: "amount; blank if not disclosed", optional: true },
  { name: "UptimeTarget", label: "Uptime target", kind: "rate", help: "99.9% or 0.999", optional: true },
  { name: "GpuCount", label: "GPU count", kind: "count", help: "whole number of GPUs; blank if not disclosed", cli: "--gpu-count" },
  { name: "HoursPerMonth", label: "Hours per month", kind: "amount", help: "hours in a month for $/GPU-hour and downtime: 730 = 8,760 / 12" },
  // Accounting judgements (IFRS 16, ASC 842): the Accounting block follows them.
  {
    name: "IdentifiedAsset",
    label: "Identified asset (specified, client's alone)",
    kind: "flag",
    help: "TRUE or FALSE: is the capacity specified and reserved for the client, not a share of a pool?",
    cli: "--identified-asset",
  },
  {
    name: "SubstitutionRight",
    label: "Provider has a substantive right to substitute",
    kind: "flag",
    help: "TRUE or FALSE: can the provider swap the capacity throughout the term, and benefit from doing so?",
    cli: "--substitution-right",
  },
  {
    name: "RightToDirectUse",
    label: "Client directs the use (which workloads, when)",
    kind: "flag",
    help: "TRUE or FALSE: does the client decide which workloads run and when?",
    cli: "--right-to-direct-use",
  },
  {
    name: "WhoMayTerminate",
    label: "Who may terminate early",
    kind: "choice",
    help: "both, lessee or lessor: who holds the termination right",
    allowed: ["both", "lessee", "lessor"],
    cli: "--who-may-terminate",
  },
  {
    name: "SignificantPenalty",
    label: "Leaving costs a significant penalty",
    kind: "flag",
    help: "TRUE or FALSE: is the cost of terminating (fee or otherwise) more than insignificant?",
    cli: "--significant-penalty",
  },
  {
    name: "ExplicitTermEnd",
    label: "Lease term's last day (replaces the clause)",
    kind: "optionalDate",
    help: "optional: the lease term's last day as judged; blank = read the termination clause",
    cli: "--term-end",
  },
  {
    name: "ElectShortTerm",
    label: "Short-term exemption elected",
    kind: "flag",
    help: "TRUE or FALSE: expense a lease of 12 months or less straight-line instead of recognising it",
    cli: "--short-term",
  },
  {
    name: "InitialDirectCosts",
    label: "Initial direct costs (lessee)",
    kind: "amount",
    help: "costs of obtaining the lease, added to the right-of-use asset; 0 if none",
    cli: "--initial-direct-costs",
  },
  {
    name: "IncentivesReceived",
    label: "Lease incentives received",
    kind: "amount",
    help: "incentives from the provider, deducted from the right-of-use asset; 0 if none",
    cli: "--incentives",
  },
  {
    name: "AccountingStandard",
    label: "Accounting standard (lessee)",
    kind: "choice",
    help: "ifrs16, asc842-finance or asc842-operating",
    allowed: ["ifrs16", "asc842-finance", "asc842-operating"],
    cli: "--standard",
  },
  {
    name: "ExitProbability",
    label: "Annual exit probability",
    kind: "rate",
    help: "annual chance that either party serves notice: 20% or 0.2",
    cli: "--exit-probability",
  },
  {
    name: "ExpectedUptime",
    label: "Expected uptime",
    kind: "rate",
    help: "uptime expected, against the SLA tiers: 99.5% or 0.995",
    cli: "--expected-uptime",
  },
  {
    name: "Scenario",
    label: "Scenario in use",
    kind: "text",
    help: "a name in the Scenarios table: base, downside, upside",
    cli: "--scenario",
  },
] as const satisfies readonly InputDecl[];

/** The model's inputs, in sheet order. */
export const INPUTS: readonly InputDecl[] = DECLARATIONS;

/** The declarations the pane shows (`pane: true`), with their literal types. */
export type PaneInputDecl = Extract<(typeof DECLARATIONS)[number], { readonly pane: true }>;
export type PaneInputName = PaneInputDecl["name"];

/** The declaration of one input. */
export function inputDecl(name: InputName): InputDecl {
  const decl = INPUTS.find((d) => d.name === name);
  if (!decl) throw new Error(`No input is named ${name}.`); // unreachable: InputName is a closed union
  return decl;
}

/**
 * The name messages use for an input, the same from the functions, the pane and the command line:
 * the DEAL functions' argument name, snake_case ("DiscountRate" → "discount_rate").
 */
export function argName(name: InputName): string {
  return name.replace(/[A-Z]/g, (letter, at: number) => (at === 0 ? "" : "_") + letter.toLowerCase());
}

/** What reading an input gives: a string (text), a serial (dates), a number, a flag, a choice, or null for blank. */
export type InputValue = string | number | boolean | null;

/**
 * Reads a raw value for an input — text typed in the pane or on the command line, or a cell's value —
 * with the vocabulary's reader for its kind. Choices come back as the core's words ("semiannual").
 * Throws the reader's `#VALUE!`-kind DealError, whose message names the input by {@link argName}.
 *
 * @example
 * readInput("DiscountRate", "8%") // 0.08
 */
export function readInput(name: InputName, raw: unknown): InputValue {
  const decl = inputDecl(name);
  const arg = argName(name);
  if (decl.optional && isBlank(raw)) return null;
  switch (decl.kind) {
    case "text":
      return readText(raw, arg);
    case "date":
      return readDate(raw, arg);
    case "optionalDate":
      return readOptionalDate(raw, arg);
    case "amount":
      return readAmount(raw, arg);
    case "rate":
      return readRate(raw, arg);
    case "whole":
      return readWhole(raw, arg);
    case "count":
      return readCount(raw, arg);
    case "flag":
      return readFlag(raw, arg);
    case "frequency":
      return readFrequency(raw, arg);
    case "timing":
      return readTiming(raw, arg);
    case "proration":
      return readProration(raw, arg);
    case "choice":
      return readChoice(raw, arg, decl.allowed ?? []);
  }
}

/**
 * One of the allowed words, case ignored.
 *
 * @example
 * readChoice("Lessee", "who_may_terminate", ["both", "lessee", "lessor"]) // "lessee"
 */
export function readChoice(raw: unknown, arg: string, allowed: readonly string[]): string {
  const text = readText(raw, arg);
  const found = allowed.find((word) => word === text.toLowerCase());
  if (found !== undefined) return found;
  const words = allowed.map((w) => `"${w}"`);
  const list = `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
  throw valueError(`${arg} must be ${list}, not "${text}".`);
}

/** A value refused for a named input: the reader's message, and which input it was (for the pane to mark). */
export class InputError extends DealError {
  constructor(
    readonly input: InputName,
    refusal: DealError,
  ) {
    super(refusal.kind, refusal.message);
    this.name = "InputError";
  }
}

/** Raw values by input, as a form or a command line gives them; absent inputs are left out. */
export type RawInputs = Partial<Readonly<Record<InputName, unknown>>>;
export type InputValues = Partial<Readonly<Record<InputName, InputValue>>>;

/** Reads each given input with {@link readInput}, in sheet order; the first refusal is thrown as an {@link InputError}. */
export function readInputs(raw: RawInputs): InputValues {
  const values: Partial<Record<InputName, InputValue>> = {};
  for (const decl of INPUTS) {
    if (!(decl.name in raw)) continue;
    try {
      values[decl.name] = readInput(decl.name, raw[decl.name]);
    } catch (error) {
      throw error instanceof DealError ? new InputError(decl.name, error) : error;
    }
  }
  return values;
}

const toNumber = (value: MoneyInput): number =>
  value instanceof Decimal ? value.toNumber() : typeof value === "number" ? value : Number(value);

/**
 * The value the sheet holds for a deal (a template after overrides) and, for context inputs, its
 * basis ("reported", "assumed", …). Dates are serials (1900 system); blank optional inputs are null;
 * the frequency is the sheet's word ("semi-annual"); a ramp's Payment is its first step's amount.
 *
 * @example
 * inputValue("Frequency", GPU_CAPACITY_LEASE) // { value: "quarterly" }
 */
export function inputValue(name: InputName, deal: DealTemplate): { value: string | number | boolean | null; basis?: string } {
  const t = deal.terms;
  const a = { ...DEFAULT_ACCOUNTING, ...deal.accounting };
  switch (name) {
    case "Provider":
      return { value: deal.provider };
    case "Client":
      return { value: deal.client };
    case "Facility":
      return { value: deal.facility };
    case "Hardware":
      return { value: deal.hardware };
    case "StartDate":
      return { value: t.startDate };
    case "EndDate":
      return { value: t.endDate };
    case "Payment": {
      const payment = t.payment;
      if (Array.isArray(payment)) return { value: payment.length === 0 ? null : toNumber(payment[0].amount) };
      return { value: toNumber(payment as MoneyInput) };
    }
    case "Frequency":
      return { value: FREQUENCY_NAMES[t.frequency ?? "monthly"] };
    case "Escalation":
      return { value: toNumber(t.escalation ?? 0) };
    case "Timing":
      return { value: t.timing ?? "advance" };
    case "Proration":
      return { value: t.proration ?? "full" };
    case "LockInMonths":
      return { value: t.lockInMonths ?? 0 };
    case "LockInLastDay":
      return { value: t.lockInLastDay ?? null };
    case "NoticeDays":
      return { value: t.noticeDays ?? 0 };
    case "NoticeInLockIn":
      return { value: t.noticeDuringLockIn ?? false };
    case "NoticeDate":
      return { value: t.noticeDate ?? null };
    case "TerminationFee":
      return { value: toNumber(t.terminationFee ?? 0) };
    case "DiscountRate":
      return { ...deal.discountRate };
    case "FundingRaised":
      return { ...deal.fundingRaised };
    case "Valuation":
      return { ...deal.valuation };
    case "UptimeTarget":
      return { ...deal.uptimeTarget };
    case "GpuCount":
      return { ...deal.gpuCount };
    case "HoursPerMonth":
      return { value: deal.hoursPerMonth };
    case "IdentifiedAsset":
      return { value: a.identifiedAsset };
    case "SubstitutionRight":
      return { value: a.substitutionRight };
    case "RightToDirectUse":
      return { value: a.rightToDirectUse };
    case "WhoMayTerminate":
      return { value: a.whoMayTerminate };
    case "SignificantPenalty":
      return { value: a.significantPenalty };
    case "ExplicitTermEnd":
      return { value: a.termEnd };
    case "ElectShortTerm":
      return { value: a.electShortTerm };
    case "InitialDirectCosts":
      return { value: a.initialDirectCosts };
    case "IncentivesReceived":
      return { value: a.incentives };
    case "AccountingStandard":
      return { value: a.standard };
    case "ExitProbability":
      return { ...valueAssumptions(deal).exitProbability };
    case "ExpectedUptime":
      return { ...valueAssumptions(deal).expectedUptime };
    case "Scenario":
      return { value: valueAssumptions(deal).scenario };
  }
}
