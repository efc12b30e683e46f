/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands custom functions untyped cell values. */
/**
 * The DEAL lease-accounting functions (IFRS 16, ASC 842): thin adapters from Excel arguments to the
 * core's accounting view (src/core/accounting.ts).
 *
 * end_date is the last day of the ACCOUNTING lease term, not necessarily the contract's: for the seed
 * deal, which either party may leave on 90 days' notice after three months, the enforceable term ends
 * on 2026-12-29 (IFRS 16.B34; ASC 842-10-55-12), so =DEAL.LEASE_LIABILITY(A1, DATE(2026,12,29), A3, 8%).
 *
 * Discounting is periodic by default (annual rate ÷ payments a year, once a period), the lease-accounting
 * convention; `rate_basis` chooses "effective" ((1 + annual)^(1/n) − 1) or "actual/365" (each period's
 * days ÷ 365, as XNPV). CONTRACT_PV discounts as XNPV does and includes the first payment.
 */
import {
  Decimal,
  FIELD,
  leaseColumns,
  LesseeStandard,
  maturityAnalysis,
  measureLease,
  RateBasis,
  formatIsoDate,
  toNumber,
  valueError,
} from "../core";
import {
  excelCall,
  readArg,
  readArgNumber,
  readOptionalDate,
  readScheduleTerms,
  ScheduleArgs,
} from "./excelArgs";

/** The validated terms of the shared schedule arguments, in the documented order. */
/** The arguments every lease-accounting function shares, as Excel passed them. */
interface LeaseArgs extends ScheduleArgs {
  readonly discountRate: unknown;
  readonly initialDirectCosts?: unknown;
  readonly incentives?: unknown;
  readonly rateBasis?: unknown;
  readonly terminationFee?: unknown;
}

const STANDARD_WORDS: Record<string, LesseeStandard> = {
  ifrs16: "ifrs16",
  "ifrs 16": "ifrs16",
  "ifrs-16": "ifrs16",
  ifrs: "ifrs16",
  "asc842-finance": "asc842-finance",
  "asc 842 finance": "asc842-finance",
  "asc842 finance": "asc842-finance",
  finance: "asc842-finance",
  "asc842-operating": "asc842-operating",
  "asc 842 operating": "asc842-operating",
  "asc842 operating": "asc842-operating",
  operating: "asc842-operating",
  "short-term": "short-term",
  "short term": "short-term",
  shortterm: "short-term",
};

/** "ifrs16" (default), "asc842-finance", "asc842-operating" or "short-term". */
export function readStandard(value: unknown): LesseeStandard {
  const v = Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 ? value[0][0] : value;
  if (v === null || v === undefined || v === 0 || (typeof v === "string" && v.trim() === "")) return "ifrs16";
  const found = typeof v === "string" ? STANDARD_WORDS[v.trim().toLowerCase()] : undefined;
  if (found) return found;
  const shown = typeof v === "string" ? `"${v.length > 40 ? v.slice(0, 40) + "…" : v}"` : String(v);
  throw valueError(`standard must be "ifrs16", "asc842-finance", "asc842-operating" or "short-term", not ${shown}.`);
}

function measured(args: LeaseArgs) {
  return measureLease({
    terms: readScheduleTerms(args),
    annualRate: new Decimal(readArgNumber(FIELD.DiscountRate, args.discountRate)),
    initialDirectCosts: readArgNumber(FIELD.InitialDirectCosts, args.initialDirectCosts),
    incentives: readArgNumber(FIELD.IncentivesReceived, args.incentives),
    rateBasis: readArg(FIELD.RateBasis, args.rateBasis) as RateBasis,
    terminationPayment: readArgNumber(FIELD.TerminationFee, args.terminationFee),
  });
}

/**
 * Lease liability at commencement (IFRS 16, ASC 842): present value, on the rate basis (default periodic: annual rate ÷ payments a year), of the payments in the lease term not paid on the commencement day and any termination fee.
 * @customfunction LEASE_LIABILITY
 * @helpurl https://localhost:3000/help.html#lease_liability
 * @param start_date Commencement: the first day of the lease term (a date).
 * @param end_date Last day of the accounting lease term, inclusive — the enforceable end (seed: 2026-12-29), not necessarily the contract's.
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param discount_rate Annual discount rate: the rate implicit in the lease or the incremental borrowing rate (8% = 0.08).
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [timing] "advance" (default: the first payment is made at commencement and excluded) or "arrears".
 * @param [proration] How a final part period is charged: "full" (default) or "actual" (by days).
 * @param [rate_basis] How the annual rate becomes a rate per period: "periodic" (default: annual ÷ payments a year), "effective" ((1 + annual)^(1/n) − 1) or "actual/365" (each period's days ÷ 365).
 * @param [termination_fee] A termination payment on the exit date, the day after end_date: a lease payment when the term assumes the exit (IFRS 16.27(e); ASC 842-10-30-5(f)). Default 0.
 * @returns The lease liability at commencement.
 */
export function leaseLiability(
  start_date: any,
  end_date: any,
  payment: any[][],
  discount_rate: any,
  frequency?: any,
  escalation?: any,
  timing?: any,
  proration?: any,
  rate_basis?: any,
  termination_fee?: any,
): number {
  return excelCall(() =>
    toNumber(
      measured({ startDate: start_date, endDate: end_date, payment, discountRate: discount_rate, frequency, escalation, timing, proration, rateBasis: rate_basis, terminationFee: termination_fee })
        .liability,
    ),
  );
}

/**
 * Right-of-use asset at commencement (IFRS 16, ASC 842): the lease liability + payments made at or before commencement + initial direct costs − lease incentives received.
 * @customfunction ROU_ASSET
 * @helpurl https://localhost:3000/help.html#rou_asset
 * @param start_date Commencement: the first day of the lease term (a date).
 * @param end_date Last day of the accounting lease term, inclusive — the enforceable end (seed: 2026-12-29), not necessarily the contract's.
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param discount_rate Annual discount rate: the rate implicit in the lease or the incremental borrowing rate (8% = 0.08).
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [timing] "advance" (default: the first payment is made at commencement and added to the asset) or "arrears".
 * @param [proration] How a final part period is charged: "full" (default) or "actual" (by days).
 * @param [initial_direct_costs] Incremental costs of obtaining the lease, paid by the lessee. Default 0.
 * @param [incentives] Lease incentives received from the lessor. Default 0.
 * @param [rate_basis] How the annual rate becomes a rate per period: "periodic" (default: annual ÷ payments a year), "effective" ((1 + annual)^(1/n) − 1) or "actual/365" (each period's days ÷ 365).
 * @param [termination_fee] A termination payment on the exit date, the day after end_date: a lease payment when the term assumes the exit (IFRS 16.27(e); ASC 842-10-30-5(f)). Default 0.
 * @returns The right-of-use asset at commencement.
 */
export function rouAsset(
  start_date: any,
  end_date: any,
  payment: any[][],
  discount_rate: any,
  frequency?: any,
  escalation?: any,
  timing?: any,
  proration?: any,
  initial_direct_costs?: any,
  incentives?: any,
  rate_basis?: any,
  termination_fee?: any,
): number {
  return excelCall(() =>
    toNumber(
      measured({
        startDate: start_date,
        endDate: end_date,
        payment,
        discountRate: discount_rate,
        frequency,
        escalation,
        timing,
        proration,
        initialDirectCosts: initial_direct_costs,
        incentives,
        rateBasis: rate_basis,
        terminationFee: termination_fee,
      }).rouAsset,
    ),
  );
}

export const ACCOUNTING_HEADER = ["Period", "Date", "Payment", "Interest", "Liability", "ROU asset", "Lease cost"];

/**
 * Lessee accounting per period: a header row, then one row per period with its last day, payment, interest, closing liability, closing right-of-use asset and lease cost. Spills.
 * @customfunction LEASE_ACCOUNTING
 * @helpurl https://localhost:3000/help.html#lease_accounting
 * @param start_date Commencement: the first day of the lease term (a date).
 * @param end_date Last day of the accounting lease term, inclusive — the enforceable end (seed: 2026-12-29), not necessarily the contract's.
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param discount_rate Annual discount rate: the rate implicit in the lease or the incremental borrowing rate (8% = 0.08).
 * @param [standard] "ifrs16" (default: interest + straight-line depreciation), "asc842-finance" (the same shape), "asc842-operating" (one straight-line cost) or "short-term" (exemption: expense only, term of 12 months or less).
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [timing] "advance" (default: paid on each period's first day) or "arrears" (on its last day).
 * @param [proration] How a final part period is charged: "full" (default) or "actual" (by days).
 * @param [rate_basis] How the annual rate becomes a rate per period: "periodic" (default: annual ÷ payments a year), "effective" ((1 + annual)^(1/n) − 1) or "actual/365" (each period's days ÷ 365).
 * @param [termination_fee] A termination payment on the exit date, the day after end_date: a lease payment when the term assumes the exit (IFRS 16.27(e); ASC 842-10-30-5(f)). Default 0.
 * @returns The accounting schedule as a spilled range.
 */
export function leaseAccountingTable(
  start_date: any,
  end_date: any,
  payment: any[][],
  discount_rate: any,
  standard?: any,
  frequency?: any,
  escalation?: any,
  timing?: any,
  proration?: any,
  rate_basis?: any,
  termination_fee?: any,
): any[][] {
  return excelCall(() => {
    const which = readStandard(standard);
    const m = measured({ startDate: start_date, endDate: end_date, payment, discountRate: discount_rate, frequency, escalation, timing, proration, rateBasis: rate_basis, terminationFee: termination_fee });
    const c = leaseColumns(m, which);
    const rows: any[][] = [[...ACCOUNTING_HEADER]];
    for (let j = 0; j < c.end.length; j++) {
      rows.push([j + 1, c.end[j], c.payment[j], c.interest[j], c.closingLiability[j], c.closingRou[j], c.leaseCost[j]]);
    }
    return rows;
  });
}

/**
 * Maturity analysis of the lease liability: undiscounted payments in each of the next five years and thereafter, the total, less imputed interest, and the liability. Spills two columns.
 * @customfunction MATURITY_TABLE
 * @helpurl https://localhost:3000/help.html#maturity_table
 * @param start_date Commencement: the first day of the lease term (a date).
 * @param end_date Last day of the accounting lease term, inclusive — the enforceable end (seed: 2026-12-29), not necessarily the contract's.
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param discount_rate Annual discount rate: the rate implicit in the lease or the incremental borrowing rate (8% = 0.08).
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [timing] "advance" (default: paid on each period's first day) or "arrears" (on its last day).
 * @param [proration] How a final part period is charged: "full" (default) or "actual" (by days).
 * @param [as_of_date] The reporting date, at its close. Default: commencement, just after the payment made then.
 * @param [rate_basis] How the annual rate becomes a rate per period: "periodic" (default: annual ÷ payments a year), "effective" ((1 + annual)^(1/n) − 1) or "actual/365" (each period's days ÷ 365).
 * @param [termination_fee] A termination payment on the exit date, the day after end_date: a lease payment when the term assumes the exit (IFRS 16.27(e); ASC 842-10-30-5(f)). Default 0.
 * @returns Labels and amounts as a spilled range.
 */
export function maturityTable(
  start_date: any,
  end_date: any,
  payment: any[][],
  discount_rate: any,
  frequency?: any,
  escalation?: any,
  timing?: any,
  proration?: any,
  as_of_date?: any,
  rate_basis?: any,
  termination_fee?: any,
): any[][] {
  return excelCall(() => {
    const m = measured({ startDate: start_date, endDate: end_date, payment, discountRate: discount_rate, frequency, escalation, timing, proration, rateBasis: rate_basis, terminationFee: termination_fee });
    const mat = maturityAnalysis(m, readOptionalDate(as_of_date, "as_of_date"));
    const iso = (serial: number) => formatIsoDate(serial, m.terms.dateSystem);
    return [
      ...mat.years.map((y, i) => [`Year ${i + 1} (${iso(y.from)} to ${iso(y.to)})`, toNumber(y.amount)]),
      ["Thereafter", toNumber(mat.thereafter)],
      ["Total undiscounted payments", toNumber(mat.total)],
      ["Less imputed interest", toNumber(mat.imputedInterest.negated()) + 0], // + 0: never −0 in a cell
      ["Lease liability", toNumber(mat.liability)],
    ];
  });
}
