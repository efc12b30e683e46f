/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands custom functions untyped cell values. */
/**
 * The DEAL provider and lender functions (issue 18): the capacity behind a contract, the provider's
 * IRR and payback month, and debt capacity on any cash-flow range. Thin adapters to the core
 * (src/core/provider/, docs/provider-economics.md).
 *
 * `gpus_or_price`: a number is a GPU count (a whole number, as GPU_HOUR_RATE's `gpus` and the GpuCount
 * input); a price per GPU-hour is text carrying its unit, "$5.00/h", "5 per GPU-hour", "USD 5/GPU-h"
 * (from a cell: `B2&"/h"`). Why: a bare 5 could be five GPUs or five dollars an hour, and a rule on
 * size or on whole numbers would read $5.00 (a whole number) or a 512-GPU cluster wrongly.
 *
 * `assumptions`: a range of two or more columns, a name in the first and its value in the second
 * (further columns, such as the model sheet's notes, are ignored). A name is an input's defined name
 * (CostPerGpu), its label on the model sheet ("Capex per GPU (all-in)") or its argument name
 * (cost_per_gpu), case, spaces and punctuation ignored — so the model sheet's Inputs block can be
 * passed whole: rows naming other inputs are ignored; a row naming nothing known is refused. One
 * name more, not an input: SlaCreditShare, the value bridge's expected SLA credit share (the model
 * sheet's figure of that name), taken off the contract's revenue; blank or absent: no credits.
 */
import {
  argOf,
  capacity,
  debtCapacity,
  DealDraft,
  DealError,
  FIELD,
  FieldDecl,
  FIELDS,
  Frequency,
  PROVIDER_FIELDS,
  providerEconomics,
  ProviderAssumptions,
  ProviderCase,
  readField,
  valueError,
} from "../core";
import { isBlank, withoutCurrency } from "../core/vocabulary";
import { excelCall, readAmount, readArg, readArgNumber, readDate, readLeaseTerms } from "./excelArgs";

/** A 1×1 range is its value. */
function single(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 ? value[0][0] : value;
}

/** "Not given" where a figure needs an assumption that is blank. */
const NOT_GIVEN = "not given";

const PRICE_TEXT = /^(.*?\d[\d,]*(?:\.\d+)?)\s*(?:\/|per\s+|an?\s+)(?:gpu[\s-]*)?(?:h|hr|hour)s?\s*$/i;

/**
 * The `gpus_or_price` argument: a number is a GPU count; text with a per-hour unit is a price.
 *
 * @example
 * readGpusOrPrice(1000) // { gpus: 1000 }
 * readGpusOrPrice("$5.00/h") // { pricePerGpuHour: 5 }
 */
export function readGpusOrPrice(value: unknown): { gpus: number } | { pricePerGpuHour: number } {
  const v = single(value);
  if (typeof v === "string" && !/^\s*[\d,]+\s*$/.test(v)) {
    const match = v.length <= 60 ? PRICE_TEXT.exec(v.trim()) : null;
    if (!match) {
      throw valueError(`gpus_or_price "${v.length > 40 ? v.slice(0, 40) + "…" : v}" is neither a GPU count nor a price per GPU-hour such as "$5.00/h".`);
    }
    return { pricePerGpuHour: readAmount(withoutCurrency(match[1]), "gpus_or_price") };
  }
  const gpus = readField(FIELD.GpuCount, v, "gpus_or_price") as number | null;
  if (gpus === null) throw valueError('gpus_or_price is missing: give the GPU count, or the price per GPU-hour as text such as "$5.00/h".');
  return { gpus };
}

/** A required argument read by its field (whose blank is "not given"): blank is refused as missing. */
function requiredArg(decl: FieldDecl, value: unknown): number {
  const read = readField(decl, single(value)) as number | null;
  if (read === null) throw valueError(`${argOf(decl)} is missing: give a number.`);
  return read;
}

/** An optional positive assumption argument read by its field; blank is not given (null). */
const optionalArg = (decl: FieldDecl, value: unknown): number | null => readField(decl, single(value)) as number | null;

export const CAPACITY_LABELS = [
  "Payment per month",
  "GPUs",
  "Price per GPU-hour",
  "Racks",
  "IT load (kW)",
  "Facility load (kW)",
  "Energy a month (MWh)",
  "Revenue per IT MW-year",
  "Revenue per IT kW-month",
] as const;

/**
 * The capacity behind a contract: payment per month, GPUs, price per GPU-hour, racks, IT load (kW), facility load (kW, × PUE), energy a month (MWh, 730 hours), revenue per IT MW-year and per IT kW-month. Spills labels and figures; a figure whose assumption is blank reads "not given".
 * @customfunction CAPACITY
 * @helpurl https://localhost:3000/help.html#capacity
 * @param payment Payment per period.
 * @param gpus_or_price The GPU count (a number), or the price per GPU-hour as text with its unit, e.g. "$5.00/h" (from a cell: B2&"/h"). GPUs = payment per month ÷ (730 × price).
 * @param [gpus_per_rack] GPUs per rack, e.g. 72 for an NVL72 rack. Blank: racks and loads not given.
 * @param [kw_per_rack] IT load per rack in kW, e.g. 132 to 140 for a GB300 NVL72. Blank: loads not given.
 * @param [pue] Power usage effectiveness: facility load ÷ IT load, e.g. 1.2. Blank: facility load and energy not given.
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @returns Labels and figures as a spilled range of two columns.
 */
export function capacityOf(payment: any, gpus_or_price: any, gpus_per_rack?: any, kw_per_rack?: any, pue?: any, frequency?: any): any[][] {
  return excelCall(() => {
    const c = capacity({
      payment: readAmount(payment, "payment"),
      frequency: readArg(FIELD.Frequency, frequency) as Frequency,
      ...readGpusOrPrice(gpus_or_price),
      gpusPerRack: optionalArg(FIELD.GpusPerRack, gpus_per_rack),
      kwPerRack: optionalArg(FIELD.KwPerRack, kw_per_rack),
      pue: optionalArg(FIELD.Pue, pue),
    });
    const figures = [c.paymentPerMonth, c.gpus, c.pricePerGpuHour, c.racks, c.itLoadKw, c.facilityLoadKw, c.energyMwhPerMonth, c.revenuePerMwYear, c.revenuePerKwMonth];
    return CAPACITY_LABELS.map((label, i) => [label, figures[i] ?? NOT_GIVEN]);
  });
}

/** A name as compared: lower case, letters and digits only. */
const key = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The fields an assumptions range may give, beyond the provider's own. */
const EXTRA = [FIELD.GpuCount, FIELD.HoursPerMonth, FIELD.ExitProbability];
const USED: readonly FieldDecl[] = [...(PROVIDER_FIELDS as readonly FieldDecl[]), ...EXTRA].map((d) => FIELD[d.name as keyof typeof FIELD]);
/** Every declared field by each of its names (defined name, label, argument). */
const BY_NAME: ReadonlyMap<string, FieldDecl> = new Map(FIELDS.flatMap((d) => [key(d.name), key(d.label), key(argOf(d))].map((k) => [k, d] as const)));

/** The row an assumptions range may give beyond the inputs: the value bridge's expected SLA credit share. */
const SLA_CREDIT_SHARE = "SlaCreditShare";

/** What an assumptions range gives: the provider's assumptions, and the exit probability if a row gives it. */
export interface ReadAssumptions {
  readonly assumptions: ProviderAssumptions;
  readonly exitProbability: number | null;
}

/**
 * The `assumptions` argument (see the file's comment): each row's name found among the declared
 * fields, its value read by the field's kind; rows of other declared fields ignored; a row naming no
 * field is refused, except a header in the first row. A name given twice is refused.
 */
export function readAssumptions(value: unknown): ReadAssumptions {
  const rows = Array.isArray(value) ? (value as unknown[][]) : [];
  if (!rows.every((row) => Array.isArray(row) && row.length >= 2)) {
    throw valueError("assumptions must be a range of two or more columns: a name (such as CostPerGpu) and its value.");
  }
  const draft: DealDraft = { terms: {} };
  const seen = new Set<string>();
  let slaCreditShare: number | null = null;
  rows.forEach(([name, cell], i) => {
    if (isBlank(name)) return;
    if (typeof name === "string" && key(name) === key(SLA_CREDIT_SHARE)) {
      if (seen.has(SLA_CREDIT_SHARE)) throw valueError(`assumptions row ${i + 1}: ${SLA_CREDIT_SHARE} is given twice.`);
      seen.add(SLA_CREDIT_SHARE);
      // A share read as the optional rates are: 10% or 0.1; blank: none.
      slaCreditShare = readField(FIELD.ResidualValueShare, cell, `assumptions ${SLA_CREDIT_SHARE}`) as number | null;
      return;
    }
    const decl = typeof name === "string" ? BY_NAME.get(key(name)) : undefined;
    if (!decl) {
      if (i === 0) return; // a header row
      throw valueError(`assumptions row ${i + 1}: "${String(name).slice(0, 40)}" names no input; use names such as CostPerGpu or "Capex per GPU (all-in)".`);
    }
    if (!USED.includes(decl)) return;
    if (seen.has(decl.name)) throw valueError(`assumptions row ${i + 1}: ${decl.name} is given twice.`);
    seen.add(decl.name);
    decl.set(draft, readField(decl, cell, `assumptions ${decl.name}`));
  });
  const given = draft.providerAssumptions ?? {};
  return {
    assumptions: { ...given, gpus: draft.gpuCount ?? null, hoursPerMonth: draft.hoursPerMonth ?? null, slaCreditShare },
    exitProbability: draft.exitProbability ?? null,
  };
}

/** "signed" (default), "committed" or "expected". */
function readCase(value: unknown): ProviderCase {
  const v = single(value);
  if (isBlank(v) || v === 0) return "signed";
  const word = typeof v === "string" ? v.trim().toLowerCase() : "";
  if (word === "signed" || word === "committed" || word === "expected") return word;
  throw valueError(`view must be "signed", "committed" or "expected", not ${JSON.stringify(v)}.`);
}

/** The provider's economics from the function arguments shared by PROVIDER_IRR and PAYBACK_MONTHS. */
function economicsOf(args: {
  startDate: unknown; endDate: unknown; payment: unknown; lockInMonths: unknown; noticeDays: unknown; assumptions: unknown;
  which: unknown; exitProbability: unknown; frequency: unknown; escalation: unknown; noticeInLockIn: unknown; terminationFee: unknown;
}) {
  const terms = readLeaseTerms({
    startDate: args.startDate, endDate: args.endDate, payment: args.payment, lockInMonths: args.lockInMonths, noticeDays: args.noticeDays,
    frequency: args.frequency, escalation: args.escalation, noticeInLockIn: args.noticeInLockIn, terminationFee: args.terminationFee,
  });
  const read = readAssumptions(args.assumptions);
  const given = single(args.exitProbability);
  const exitProbability = isBlank(given) ? read.exitProbability : readArgNumber(FIELD.ExitProbability, given);
  return providerEconomics(terms, read.assumptions, readCase(args.which), { annualExitProbability: exitProbability });
}

/**
 * The provider's unlevered IRR (XIRR): −capex on the capex date, each month's EBITDA (revenue less expected SLA credits − power − colocation − other opex) on its first day, the residual value at the end of the useful life. Revenue: the contract to its end ("signed"), to its committed exit ("committed") or probability-weighted ("expected"), then renewal or re-leasing at market until the useful life ends.
 * @customfunction PROVIDER_IRR
 * @helpurl https://localhost:3000/help.html#provider_irr
 * @param start_date First day of service (a date).
 * @param end_date Last day of service, inclusive (a date).
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param lock_in_months Months from the start during which the contract cannot be ended (e.g. 3).
 * @param notice_days Days of notice before termination takes effect (e.g. 90).
 * @param assumptions A range of names and values: GpuCount (or ContractPricePerGpuHour), CostPerGpu, GpusPerRack, KwPerRack, Pue, PowerPricePerMwh, PowerEscalation, OpexShareOfCapex, UsefulLifeYears, ResidualValueShare and, when the life outlasts the contract, ReleaseDowntimeMonths, Utilisation, RenewalProbability, MarketRatePerGpuHour; optionally SlaCreditShare, the expected SLA credit share taken off the contract's revenue (the model sheet's PROVIDER_IRR ASSUMPTIONS block will do). A blank one needed gives #N/A naming it.
 * @param [view] "signed" (default: the contract to its end), "committed" (to the earliest exit a termination can take) or "expected" (weighted by the exit probability).
 * @param [annual_exit_probability] For "expected": the chance notice is served within a year (20% = 0.2). Blank: the assumptions' ExitProbability row.
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [notice_in_lock_in] TRUE if notice may be served during the lock-in. Default FALSE (only after it).
 * @param [termination_fee] Fee paid on early termination, received by the provider in the month of the exit. Default 0.
 * @returns The annual IRR (0.12 = 12%).
 */
export function providerIrrOf(
  start_date: any, end_date: any, payment: any[][], lock_in_months: any, notice_days: any, assumptions: any[][],
  view?: any, annual_exit_probability?: any, frequency?: any, escalation?: any, notice_in_lock_in?: any, termination_fee?: any,
): number {
  return excelCall(() => {
    const e = economicsOf({
      startDate: start_date, endDate: end_date, payment, lockInMonths: lock_in_months, noticeDays: notice_days, assumptions,
      which: view, exitProbability: annual_exit_probability, frequency, escalation, noticeInLockIn: notice_in_lock_in, terminationFee: termination_fee,
    });
    if (e.irr === null) throw new DealError("na", "No rate of return: no rate makes the provider's cash flows' value zero (it may never earn its capex back).");
    return e.irr;
  });
}

/**
 * The provider's payback month: months from the start until the cumulative unlevered free cash flow (−capex, then each month's EBITDA) first reaches zero. Same arguments and cash flows as PROVIDER_IRR.
 * @customfunction PAYBACK_MONTHS
 * @helpurl https://localhost:3000/help.html#payback_months
 * @param start_date First day of service (a date).
 * @param end_date Last day of service, inclusive (a date).
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param lock_in_months Months from the start during which the contract cannot be ended (e.g. 3).
 * @param notice_days Days of notice before termination takes effect (e.g. 90).
 * @param assumptions A range of names and values, as PROVIDER_IRR takes it (the model sheet's Inputs block will do).
 * @param [view] "signed" (default), "committed" or "expected".
 * @param [annual_exit_probability] For "expected": the chance notice is served within a year (20% = 0.2). Blank: the assumptions' ExitProbability row.
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [notice_in_lock_in] TRUE if notice may be served during the lock-in. Default FALSE (only after it).
 * @param [termination_fee] Fee paid on early termination. Default 0.
 * @returns The month (1 = the first month from the start) in which the provider has its capex back; #N/A if not within the useful life.
 */
export function paybackMonthsOf(
  start_date: any, end_date: any, payment: any[][], lock_in_months: any, notice_days: any, assumptions: any[][],
  view?: any, annual_exit_probability?: any, frequency?: any, escalation?: any, notice_in_lock_in?: any, termination_fee?: any,
): number {
  return excelCall(() => {
    const e = economicsOf({
      startDate: start_date, endDate: end_date, payment, lockInMonths: lock_in_months, noticeDays: notice_days, assumptions,
      which: view, exitProbability: annual_exit_probability, frequency, escalation, noticeInLockIn: notice_in_lock_in, terminationFee: termination_fee,
    });
    if (e.paybackMonth === null) throw new DealError("na", `The provider does not earn its capex back within the useful life (${e.months.length} months).`);
    return e.paybackMonth;
  });
}

/** A column or row of cells, flattened; its cells in order. */
function cellsOf(value: unknown): unknown[] {
  const v = Array.isArray(value) ? (value as unknown[][]) : [[value]];
  if (v.length === 1) return v[0];
  if (!v.every((row) => Array.isArray(row) && row.length === 1)) throw valueError("cfads and dates must each be one column or one row.");
  return v.map((row) => row[0]);
}

export const DEBT_CAPACITY_LABELS = ["Debt capacity", "Sculpted at the target DSCR", "Loan-to-value limit", "Binding constraint"] as const;

/**
 * Debt capacity: the smaller of the sculpted amount Σ CFADS ÷ (DSCR × (1 + annual_rate ÷ 12)^t), t in months from a drawdown one period before the first date, and LTV × collateral when both are given; and which binds. Spills four labelled rows.
 * @customfunction DEBT_CAPACITY
 * @helpurl https://localhost:3000/help.html#debt_capacity
 * @param cfads Cash flow available for debt service, one column or row (none negative; rows blank in both ranges are skipped).
 * @param dates The date of each cash flow, ascending, the same shape as cfads.
 * @param dscr Target debt service coverage ratio, e.g. 1.30.
 * @param annual_rate Annual lending rate, compounded monthly (10% = 0.1: 0.8333% a month).
 * @param [ltv] Loan-to-value limit (70% = 0.7). Give it with collateral, or neither.
 * @param [collateral] The collateral's value at drawdown (e.g. GPU capex × its residual-value share then).
 * @returns Labels and figures: debt capacity, the sculpted amount, the LTV limit ("not given" without one), and the binding constraint in words.
 */
export function debtCapacityOf(cfads: any[][], dates: any[][], dscr: any, annual_rate: any, ltv?: any, collateral?: any): any[][] {
  return excelCall(() => {
    const flows = cellsOf(cfads);
    const days = cellsOf(dates);
    if (flows.length !== days.length) throw valueError(`cfads and dates must be the same size (${flows.length} and ${days.length} cells).`);
    const amounts: number[] = [];
    const serials: number[] = [];
    flows.forEach((cell, i) => {
      if ((isBlank(cell) || cell === 0) && (isBlank(days[i]) || days[i] === 0)) return;
      amounts.push(readAmount(cell, `cfads cell ${i + 1}`));
      serials.push(readDate(days[i], `dates cell ${i + 1}`));
    });
    const d = debtCapacity({
      cfads: amounts,
      dates: serials,
      dscr: requiredArg(FIELD.DscrTarget, dscr),
      annualRate: requiredArg(FIELD.LendingRate, annual_rate),
      ltv: optionalArg(FIELD.Ltv, ltv),
      collateral: isBlank(single(collateral)) ? null : readAmount(collateral, "collateral"),
    });
    const words = d.binding === "LTV" ? "LTV: the collateral limits the loan" : "DSCR: the cash flow limits the loan";
    return [
      [DEBT_CAPACITY_LABELS[0], d.amount],
      [DEBT_CAPACITY_LABELS[1], d.sculpted],
      [DEBT_CAPACITY_LABELS[2], d.ltvLimit ?? NOT_GIVEN],
      [DEBT_CAPACITY_LABELS[3], words],
    ];
  });
}

