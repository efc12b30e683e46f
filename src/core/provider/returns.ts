/**
 * Returns on dated cash flows, as Excel computes them: XNPV and XIRR (actual days ÷ 365 from the
 * first flow's date), and the payback month. Doubles, as Excel's own XNPV/XIRR are.
 */
import { DealError, numError } from "../errors";

const naError = (message: string) => new DealError("na", message);
import type { Serial } from "../dates";

/** A dated cash flow: a serial date and an amount (negative: paid out). */
export interface DatedFlow {
  readonly date: Serial;
  readonly amount: number;
}

function checkFlows(flows: readonly DatedFlow[]): void {
  if (flows.length < 2) throw numError("Give at least two cash flows.");
  for (const f of flows) {
    if (!Number.isFinite(f.amount) || !Number.isInteger(f.date)) throw numError("Each cash flow needs a whole-day date and a finite amount.");
  }
}

/**
 * Excel's XNPV: Σ amount × (1 + rate)^(−(date − first date) ÷ 365), valued at the FIRST flow's date
 * (Excel values at the first row's date, whichever the earliest).
 *
 * @example
 * xnpv(0.1, [{ date: 46204, amount: -100 }, { date: 46569, amount: 110 }]) // 0 (365 days at 10%)
 */
export function xnpv(rate: number, flows: readonly DatedFlow[]): number {
  if (!(rate > -1)) throw numError("The rate must be above -100%.");
  const first = flows[0].date;
  let sum = 0;
  for (const f of flows) sum += f.amount * Math.pow(1 + rate, -(f.date - first) / 365);
  return sum;
}

/**
 * Excel's XIRR: the annual rate at which {@link xnpv} is zero. Found by bisection on the rate (the
 * present value of a sequence that starts negative and turns positive falls as the rate rises), to
 * 1e-12, between −99.99% and 1,000,000%; a sign change is required, so there is no answer without
 * both a payment and a receipt, and none when no rate in that range makes the value zero (#N/A
 * with the reason, never a guess).
 *
 * @example
 * xirr([{ date: 46204, amount: -100 }, { date: 46569, amount: 110 }]) // 0.1 (to 1e-12)
 */
export function xirr(flows: readonly DatedFlow[]): number {
  checkFlows(flows);
  if (!flows.some((f) => f.amount < 0) || !flows.some((f) => f.amount > 0)) {
    throw naError("No rate of return: the cash flows need both a payment out and a receipt.");
  }
  // Each flow's years from the first date, once; the value at r is Σ v × e^(−years × ln(1 + r)).
  const first = flows[0].date;
  const years = flows.map((f) => (f.date - first) / 365);
  const value = (rate: number) => {
    const log = Math.log1p(rate);
    let sum = 0;
    for (let i = 0; i < flows.length; i++) sum += flows[i].amount * Math.exp(-years[i] * log);
    return sum;
  };
  let lo = -0.9999;
  let hi = 10000;
  let fLo = value(lo);
  const fHi = value(hi);
  if (fLo === 0) return lo;
  if (Math.sign(fLo) === Math.sign(fHi)) throw naError("No rate of return between -99.99% and 1,000,000% makes the cash flows' value zero.");
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    const fMid = value(mid);
    if (fMid === 0) return mid;
    if (Math.sign(fMid) === Math.sign(fLo)) {
      lo = mid;
      fLo = fMid;
    } else {
      hi = mid;
    }
  }
  return (lo + hi) / 2;
}

/**
 * The payback month: the number of months, counted from `start`, until the cumulative cash flow
 * (in date order) first reaches zero or more — the flows of month k (dated from EDATE(start, k − 1)
 * to the day before EDATE(start, k)) count in month k; a flow before `start` counts in month 1. null
 * when it has not paid back by the last month (flows after it are not counted). `monthStarts[k]` is
 * EDATE(start, k), k = 0 … months.
 *
 * @example
 * // −100 on 2026-07-01, +40 on each first of the month: cumulative −60, −20, +20 → month 3
 * paybackMonth([{ date: 46204, amount: -100 }, { date: 46204, amount: 40 }, { date: 46235, amount: 40 }, { date: 46266, amount: 40 }], [46204, 46235, 46266, 46296]) // 3
 */
export function paybackMonth(flows: readonly DatedFlow[], monthStarts: readonly Serial[]): number | null {
  const sorted = [...flows].sort((a, b) => a.date - b.date);
  let cumulative = 0;
  let i = 0;
  for (let k = 1; k < monthStarts.length; k++) {
    while (i < sorted.length && sorted[i].date < monthStarts[k]) cumulative += sorted[i++].amount;
    if (i > 0 && cumulative >= 0) return k;
  }
  return null;
}
