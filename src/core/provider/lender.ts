/**
 * The lender's view of a contract (issue 18 §3): the cash flow available for debt service (CFADS)
 * over the firm tenor — to the committed exit, plus the share of the later obligations a third party
 * backstops — debt capacity on it against the contract's whole term (the clause's cost in debt), the
 * collateral's straight-line value, and a repayment path with its DSCR and LTV each month.
 */
import { edate, type Serial } from "../dates";
import { numError } from "../errors";
import { exitDate } from "../termination";
import type { ContractTerms } from "../terms";
import { debtCapacity, debtMonths, type DebtCapacity } from "./debt";
import { providerEconomics, type ProviderAssumptions } from "./economics";

/**
 * The collateral's value `months` after the capex: straight line from capex to the residual over the
 * useful life, the residual after it.
 *
 * @example
 * straightLineValue(600_000, 60_000, 36, 12) // 420,000 = 600,000 − 12 × 15,000
 */
export function straightLineValue(capex: number, residual: number, lifeMonths: number, months: number): number {
  if (!(lifeMonths > 0)) throw numError("The useful life must be at least a month.");
  const m = Math.min(Math.max(months, 0), lifeMonths);
  return capex - ((capex - residual) * m) / lifeMonths;
}

export interface FirmCashFlow {
  /** The month's last day: debt service is paid at each month's end. */
  readonly date: Serial;
  /** 1 for a month begun before the committed exit; the backstop share for a later month of the contract. */
  readonly firmShare: number;
  /** EBITDA of the contract as signed × the firm share. */
  readonly cfads: number;
}

/**
 * CFADS over the firm tenor: per month of the contract (as signed, within the useful life), its
 * EBITDA × its firm share — 1 for a month begun before the committed exit, the backstop share
 * (0 when blank) for a later one. Dated each month's last day, so that debt drawn at the start is
 * served one month on (t = 1, 2, … in {@link debtCapacity}). Stops at the last month with a firm share.
 *
 * @example
 * // The seed's 90-day clause, no backstop: the 6 months to the exit of 2026-12-30 are firm.
 * firmCashFlows(seedTerms, assumptions, 0).length // 6
 */
export function firmCashFlows(terms: ContractTerms, a: ProviderAssumptions, backstopShare: number | null = 0): FirmCashFlow[] {
  const b = backstopShare ?? 0;
  if (!(b >= 0 && b <= 1)) throw numError("The backstop share must be between 0 and 1.");
  const signed = providerEconomics(terms, a, "signed");
  const exit = exitDate(terms);
  const rows: FirmCashFlow[] = [];
  for (const month of signed.months) {
    if (month.contractShare === 0) break;
    const firmShare = month.date < exit ? 1 : b;
    if (firmShare === 0) break;
    rows.push({ date: edate(terms.startDate, month.month) - 1, firmShare, cfads: month.ebitda.toNumber() * firmShare });
  }
  return rows;
}

export interface LenderTerms {
  readonly dscr: number;
  readonly annualRate: number;
  readonly ltv?: number | null;
  readonly backstopShare?: number | null;
}

export interface LenderView {
  /** Firm CFADS: to the committed exit plus the backstopped share. */
  readonly firm: readonly FirmCashFlow[];
  /** Debt capacity on the firm CFADS (LTV × the collateral at drawdown when the LTV is given). */
  readonly toExit: DebtCapacity;
  /** Debt capacity were the whole contract firm (no clause): CFADS to the contract's end. */
  readonly toEnd: DebtCapacity;
  /** The clause's cost in debt: toEnd − toExit. */
  readonly clauseCost: number;
  /**
   * The collateral at drawdown (the start): the GPU capex (not the facility) on the residual-value
   * curve — straight line from cost to the residual share over the useful life — at its age then
   * (whole months from the capex date; new when the capex is at or after the start).
   */
  readonly collateral: number;
}

/**
 * The lender's view: debt capacity on the firm CFADS and on the whole contract, with LTV × the
 * collateral's value at drawdown ({@link collateralAtDrawdown}) when the LTV is given.
 *
 * @example
 * lenderView(seedTerms, assumptions, { dscr: 1.3, annualRate: 0.1 }).toExit.amount // 6 firm months' capacity
 */
export function lenderView(terms: ContractTerms, a: ProviderAssumptions, lender: LenderTerms): LenderView {
  const firm = firmCashFlows(terms, a, lender.backstopShare ?? 0);
  const whole = firmCashFlows(terms, a, 1);
  const economics = providerEconomics(terms, a, "signed");
  const collateral = collateralAtDrawdown(economics.gpuCapex.toNumber(), a.residualValueShare!, economics.months.length, economics.capexDate, terms.startDate);
  const size = (rows: readonly FirmCashFlow[]) =>
    debtCapacity({
      cfads: rows.map((r) => r.cfads),
      dates: rows.map((r) => r.date),
      dscr: lender.dscr,
      annualRate: lender.annualRate,
      ltv: lender.ltv ?? null,
      collateral: lender.ltv === null || lender.ltv === undefined ? null : collateral,
    });
  const toExit = size(firm);
  const toEnd = size(whole);
  return { firm, toExit, toEnd, clauseCost: Math.round((toEnd.amount - toExit.amount) * 100) / 100, collateral };
}

/**
 * The collateral's value at drawdown: GPU capex × the residual-value curve at its age — straight line
 * from 1 to the residual share over the life, at the whole months from the capex date to the drawdown
 * (0 when the capex is at or after it).
 *
 * @example
 * // 2,100,000,000 of GPUs bought 2025-07-01, drawn against 2026-07-01: 12 of 60 months, residual 10%
 * collateralAtDrawdown(2.1e9, 0.1, 60, 45839, 46204) // 1,722,000,000 = 2.1e9 × (1 − 0.9 × 12 ÷ 60)
 */
export function collateralAtDrawdown(gpuCapex: number, residualShare: number, lifeMonths: number, capexDate: Serial, drawdown: Serial): number {
  return straightLineValue(gpuCapex, gpuCapex * residualShare, lifeMonths, wholeMonthsBetween(capexDate, drawdown));
}

/** Whole months from the capex date to the start (0 when the capex is at or after the start). */
function wholeMonthsBetween(capexDate: Serial, start: Serial): number {
  let n = 0;
  while (edate(capexDate, n + 1) <= start) n++;
  return n;
}

export interface RepaymentRow {
  readonly date: Serial;
  readonly opening: number;
  readonly interest: number;
  readonly payment: number;
  readonly principal: number;
  readonly closing: number;
  /** CFADS ÷ payment; null when nothing is paid. */
  readonly dscr: number | null;
  /** Closing balance ÷ the collateral's value on the date; null without a collateral value. */
  readonly ltv: number | null;
}

/**
 * A repayment path for `amount` drawn one period before the first date, over the CFADS dates, at the
 * annual rate compounded monthly: "sculpted" pays CFADS ÷ DSCR each date (a constant DSCR; the amount
 * from {@link debtCapacity} is repaid exactly), "level" pays the same P each date, P = amount ÷ Σ
 * (1 + r)^−tᵢ. Interest for a row = opening × ((1 + r)^(tᵢ − tᵢ₋₁) − 1). `collateralAt` gives the
 * collateral's value on a date for the LTV path. The minimum DSCR is the lender's check against its target.
 *
 * @example
 * // 200 of CFADS on two month-ends at DSCR 2 and 12% a year: sculpted payments 100 and 100
 * repaymentPath(197.04, [200, 200], [46234, 46265], 0.12, "sculpted", 2).map((r) => r.payment) // [100, 100.0005…]: the last clears the cent
 */
export function repaymentPath(
  amount: number,
  cfads: readonly number[],
  dates: readonly Serial[],
  annualRate: number,
  shape: "sculpted" | "level",
  dscr: number,
  collateralAt?: (date: Serial) => number,
): RepaymentRow[] {
  const t = debtMonths(dates);
  const monthly = 1 + annualRate / 12;
  const level = amount / t.reduce((s, ti) => s + Math.pow(monthly, -ti), 0);
  let balance = amount;
  return dates.map((date, i) => {
    const opening = balance;
    const interest = opening * (Math.pow(monthly, t[i] - (i === 0 ? 0 : t[i - 1])) - 1);
    const last = i === dates.length - 1;
    const scheduled = shape === "level" ? level : cfads[i] / dscr;
    // The last payment clears what remains (a cent's rounding of the amount).
    const payment = last ? opening + interest : scheduled;
    const closing = last ? 0 : opening + interest - payment;
    balance = closing;
    const value = collateralAt ? collateralAt(date) : null;
    return {
      date,
      opening,
      interest,
      payment,
      principal: payment - interest,
      closing,
      dscr: payment > 0 ? cfads[i] / payment : null,
      ltv: value === null || !(value > 0) ? null : closing / value,
    };
  });
}
