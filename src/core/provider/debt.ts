/**
 * The lender's view (issue 18 §3): how much debt a cash flow supports at a target debt service
 * coverage ratio (DSCR) and a lending rate, sculpted so that every period's debt service is its cash
 * flow available for debt service (CFADS) ÷ the DSCR, and the smaller of that and a loan-to-value
 * limit on the collateral.
 */
import { edate, serialToDate, type Serial } from "../dates";
import { numError, valueError } from "../errors";

/** The last day of the month `months` after `serial`'s: Excel's EOMONTH. */
function eomonth(serial: Serial, months: number): Serial {
  const first = serial - serialToDate(serial).day + 1;
  return edate(first, months + 1) - 1;
}

/**
 * Whole and fractional months from `from` to `to`: n whole months where step(n) ≤ to < step(n + 1),
 * plus the days past step(n) ÷ the days to step(n + 1); step(n) is EDATE(from, n), or EOMONTH(from,
 * n) when `from` is a month's last day (month-ends count to month-ends: 30 September to 31 December
 * is 3 months).
 *
 * @example
 * monthsBetween(46203, 46387) // 6: 2026-06-30 → 2026-12-31, month-end to month-end
 * monthsBetween(46204, 46219) // 0.48387…: 15 of July's 31 days
 */
export function monthsBetween(from: Serial, to: Serial): number {
  if (to < from) throw numError("A date falls before the first date: give the dates in ascending order.");
  const step = eomonth(from, 0) === from ? (n: number) => eomonth(from, n) : (n: number) => edate(from, n);
  let n = Math.max(0, Math.floor((to - from) / 31) - 1);
  while (step(n + 1) <= to) n++;
  const at = step(n);
  return n + (to - at) / (step(n + 1) - at);
}

/**
 * The time in months of each cash flow from the drawdown: the loan is drawn one period before the
 * first cash flow, a period being the whole months between the first two dates (at least 1; 1 for a
 * single date), so t₁ = that period and tᵢ = t₁ + {@link monthsBetween}(first date, dateᵢ). Monthly
 * dates give t = 1, 2, 3, …; quarterly dates 3, 6, 9, …; an irregular date a fraction of a month.
 *
 * @example
 * debtMonths([46234, 46265, 46295]) // [1, 2, 3]: 2026-07-31, 08-31, 09-30 (month-ends)
 */
export function debtMonths(dates: readonly Serial[]): number[] {
  if (dates.length === 0) return [];
  const first = dates[0];
  const period = dates.length > 1 ? Math.max(1, Math.floor(monthsBetween(first, dates[1]))) : 1;
  return dates.map((d) => period + monthsBetween(first, d));
}

export interface DebtCapacityInput {
  /** Cash flow available for debt service per date; none negative. */
  readonly cfads: readonly number[];
  /** Ascending serial dates, one per cash flow. */
  readonly dates: readonly Serial[];
  /** Target DSCR, above 0 (e.g. 1.30). */
  readonly dscr: number;
  /** Annual lending rate, compounded monthly: r = annual ÷ 12 a month. */
  readonly annualRate: number;
  /** Loan-to-value limit and the collateral's value: both or neither. */
  readonly ltv?: number | null;
  readonly collateral?: number | null;
}

export interface DebtCapacity {
  /** The smaller of the two limits (the sculpted amount when no LTV is given), to the cent. */
  readonly amount: number;
  /** Σ CFADSᵢ ÷ (DSCR × (1 + annual ÷ 12)^tᵢ), to the cent. */
  readonly sculpted: number;
  /** LTV × collateral, to the cent; null when not given. */
  readonly ltvLimit: number | null;
  /** Which limit binds: "DSCR" (the cash flow; also when no LTV is given) or "LTV" (the collateral). */
  readonly binding: "DSCR" | "LTV";
}

const cents = (x: number) => Math.round(x * 100) / 100;

/**
 * Debt capacity: the sculpted amount Σ CFADSᵢ ÷ (DSCR × (1 + annual ÷ 12)^tᵢ), tᵢ from
 * {@link debtMonths}, and the smaller of it and LTV × collateral when they are given; ties bind on
 * the DSCR. The discount factors are doubles, as XNPV's are; the amounts are rounded to the cent.
 *
 * @example
 * // Six months of 97,500,000 at DSCR 1.30 and 10% a year: 75,000,000 × (1 − 1.0083333^−6) ÷ 0.0083333
 * debtCapacity({ cfads: Array(6).fill(97.5e6), dates: [46234, 46265, 46295, 46326, 46356, 46387], dscr: 1.3, annualRate: 0.1 }).sculpted // 437_161_287.69
 */
export function debtCapacity(input: DebtCapacityInput): DebtCapacity {
  const { cfads, dates, dscr, annualRate } = input;
  if (cfads.length !== dates.length) throw valueError(`cfads and dates must be the same length (${cfads.length} and ${dates.length}).`);
  if (cfads.length === 0) throw valueError("cfads is empty: give the cash flows available for debt service.");
  if (!(dscr > 0) || !Number.isFinite(dscr)) throw numError("The DSCR must be greater than zero.");
  if (!(annualRate > -1) || !Number.isFinite(annualRate)) throw numError("The lending rate must be above -100%.");
  for (let i = 1; i < dates.length; i++) {
    if (dates[i] <= dates[i - 1]) throw numError("The dates must be in ascending order, each after the one before.");
  }
  cfads.forEach((c, i) => {
    if (!Number.isFinite(c) || c < 0) throw numError(`CFADS on row ${i + 1} is negative: a period without cash for debt service cannot carry any.`);
  });
  const t = debtMonths(dates);
  const monthly = 1 + annualRate / 12;
  let sum = 0;
  cfads.forEach((c, i) => (sum += c / (dscr * Math.pow(monthly, t[i]))));
  const sculpted = cents(sum);
  const ltv = input.ltv ?? null;
  const collateral = input.collateral ?? null;
  if ((ltv === null) !== (collateral === null)) throw valueError("Give both the loan-to-value limit and the collateral's value, or neither.");
  if (ltv === null || collateral === null) return { amount: sculpted, sculpted, ltvLimit: null, binding: "DSCR" };
  if (!(ltv >= 0) || !(collateral >= 0)) throw numError("The LTV and the collateral must not be negative.");
  const ltvLimit = cents(ltv * collateral);
  return ltvLimit < sculpted ? { amount: ltvLimit, sculpted, ltvLimit, binding: "LTV" } : { amount: sculpted, sculpted, ltvLimit, binding: "DSCR" };
}
