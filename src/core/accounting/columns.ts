/**
 * The lessee's schedule as columns of numbers, for a spilled range: the same figures as
 * {@link leaseAccounting}, to the cent, computed in whole cents held in doubles where that is provably
 * exact, and by {@link leaseAccounting} itself where it is not.
 */
import { Decimal, FAST_CENTS_LIMIT, roundCents, toNumber } from "../money";
import { Serial } from "../dates";
import { leaseAccounting, LesseeStandard } from "./lessee";
import { LeaseMeasurement } from "./measurement";

/** One entry per period: what LEASE_ACCOUNTING spills, as the doubles nearest to the exact decimals. */
export interface LeaseColumns {
  readonly end: readonly Serial[];
  readonly payment: readonly number[];
  readonly interest: readonly number[];
  readonly closingLiability: readonly number[];
  readonly closingRou: readonly number[];
  readonly leaseCost: readonly number[];
}

/**
 * The schedule's columns (period ends, payments, interest, closing liability and asset, lease cost),
 * equal to {@link leaseAccounting}'s rows to the cent.
 *
 * Why a second path, and why it is exact. The rows' rules (interest = ROUND(rate × balance, 2) unless
 * the close would stray more than a cent from the exact value of what remains; straight-line amounts
 * ROUND(total ÷ periods, 2); the last period takes the residual) need decimals only for two things:
 * the rounding of rate × balance, and the gap e = close − exact value. Here money is whole cents in
 * doubles (exact below 2^50 cents, sums and differences included); rate × balance is one double
 * product whose error is below 4.5e-16 of it, so its rounding is certain unless it lies that close to
 * a half cent; and the gap follows e' = e(1 + r) + (interest − rate × balance) from the measurement's
 * own rounding (e₀ = liability − exact liability), with a bound on its error carried along. Whenever a
 * rounding or the one-cent test cannot be decided within those bounds — a figure near a half cent, a
 * gap near a cent, amounts too large, rates compounding the bound past use, a short-term lease — the
 * decimal rows are computed instead. Cost: a few double operations a period.
 *
 * @example
 * // The seed over its enforceable term (six payments, 8%): the first period's interest 4,901,535.06
 * leaseColumns(measureLease({ terms: accountingTerm(validateTerms(SEED)).terms, annualRate: "0.08" })).interest[0] // 4901535.06
 */
export function leaseColumns(measurement: LeaseMeasurement, standard: LesseeStandard = "ifrs16"): LeaseColumns {
  return fastColumns(measurement, standard) ?? decimalColumns(measurement, standard);
}

/** The columns read off {@link leaseAccounting}'s decimal rows. */
export function decimalColumns(measurement: LeaseMeasurement, standard: LesseeStandard): LeaseColumns {
  const rows = leaseAccounting(measurement, standard).rows;
  const cell = (x: Decimal) => toNumber(x) + 0; // + 0: never −0 in a cell
  return {
    end: rows.map((r) => r.end),
    payment: rows.map((r) => cell(r.payment)),
    interest: rows.map((r) => cell(r.interest)),
    closingLiability: rows.map((r) => cell(r.closingLiability)),
    closingRou: rows.map((r) => cell(r.closingRou)),
    leaseCost: rows.map((r) => cell(r.leaseCost)),
  };
}

/** Amounts up to a quarter of the exact range, so that no sum of two or three of them leaves it. */
const LIMIT = FAST_CENTS_LIMIT / 4;
/** 2^27 + 1: Veltkamp's splitter for doubles. */
const SPLITTER = 134217729;

/** a × b as an unevaluated sum p + e, exactly (Dekker's two-product; no overflow here). */
function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/**
 * A decimal's whole cents as a double, or NaN when it is not whole cents within the limit. Below 2^50
 * cents a cent amount's double times 100 rounds back to its cents (src/core/money.ts).
 */
function centsOf(amount: Decimal): number {
  if (amount.decimalPlaces() > 2) return NaN;
  const cents = Math.round(toNumber(amount) * 100);
  return Math.abs(cents) < LIMIT ? cents : NaN;
}

/** ROUND(x, 0) half away from zero, or NaN when x is within `error` of a half. */
function roundCertain(x: number, error: number): number {
  const magnitude = Math.abs(x);
  const whole = Math.floor(magnitude);
  if (Math.abs(magnitude - whole - 0.5) <= error) return NaN;
  const rounded = magnitude - whole > 0.5 ? whole + 1 : whole;
  return x < 0 ? -rounded : rounded;
}

/** ROUND(total ÷ periods, 0) half away from zero, exactly, for whole cents. */
function dividedRounded(total: number, periods: number): number {
  const magnitude = Math.abs(total);
  let quotient = Math.floor(magnitude / periods);
  let remainder = magnitude - quotient * periods;
  while (remainder < 0) {
    quotient -= 1;
    remainder += periods;
  }
  while (remainder >= periods) {
    quotient += 1;
    remainder -= periods;
  }
  const rounded = 2 * remainder >= periods ? quotient + 1 : quotient;
  return total < 0 ? -rounded : rounded;
}

/**
 * The columns in whole cents, or null where a rounding cannot be decided within the error bounds (the
 * decimal rows decide then). Exported for the tests that prove it equal to the rows.
 */
export function fastColumns(measurement: LeaseMeasurement, standard: LesseeStandard): LeaseColumns | null {
  if (standard === "short-term") return null;
  const { schedule, terms } = measurement;
  const n = schedule.length;
  const advance = terms.timing === "advance";
  const operating = standard === "asc842-operating";
  const fee = centsOf(measurement.terminationPayment);
  const liability = centsOf(measurement.liability);
  const rouAsset = centsOf(measurement.rouAsset);
  const spreadTotal = operating
    ? centsOf(measurement.totalPayments.plus(measurement.initialDirectCosts).minus(measurement.incentives))
    : rouAsset;
  if (Number.isNaN(fee + liability + rouAsset + spreadTotal) || n === 0) return null;
  const payments = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    payments[j] = centsOf(schedule[j].payment);
    if (Number.isNaN(payments[j])) return null;
  }
  const rates = measurement.periodRates;
  let lastRate: Decimal | null = null;
  // The rate as rHigh + rLow, the decimal to about 32 digits.
  let r = 0;
  let rLow = 0;
  // The gap between the close and the exact value, in cents, and a bound on the error of that figure.
  let gap = toNumber(measurement.liability.minus(measurement.exactLiability)) * 100;
  let gapError = Math.abs(gap) * 2.3e-16 + 1e-12;
  const spreadPer = dividedRounded(spreadTotal, n);
  let spreadLeft = spreadTotal;
  let balance = liability;
  let rou = rouAsset;
  const end: Serial[] = new Array(n);
  const payment: number[] = new Array(n);
  const interestOut: number[] = new Array(n);
  const closingLiability: number[] = new Array(n);
  const closingRou: number[] = new Array(n);
  const leaseCost: number[] = new Array(n);
  for (let j = 0; j < n; j++) {
    const last = j === n - 1;
    const scheduled = payments[j];
    const paid = last ? scheduled + fee : scheduled;
    const toLiability = advance && j === 0 ? (last ? fee : 0) : paid;
    const opening = balance;
    let interest: number;
    if (last) interest = toLiability - opening;
    else if (advance && fee === 0 && j === n - 2) interest = payments[n - 1] - (opening - toLiability);
    else {
      if (rates[j] !== lastRate) {
        lastRate = rates[j];
        r = toNumber(lastRate);
        // The double's exact value: toFixed(100) writes every digit of a double from 1e-9 (at most 30 + 53
        // places) to 1e21. Smaller rates (other than 0) are left to the decimals.
        if (r !== 0 && Math.abs(r) < 1e-9) return null;
        rLow = toNumber(lastRate.minus(new Decimal(r.toFixed(100))));
      }
      const bearing = opening - (advance && j > 0 ? scheduled : 0);
      // rate × bearing = p + e + c: p + e exactly rHigh × bearing, c = rLow × bearing to 16 digits.
      const [p, e] = twoProduct(r, bearing);
      const c = rLow * bearing;
      const error = Math.abs(p) * 1e-30 + 1e-300;
      const whole = Math.floor(p);
      // Which side of whole + ½ the exact product falls, from the small terms.
      const aboveHalf = p - whole - 0.5 + e + c;
      // Too near a half cent to tell (often exactly there: 8%/12 has 34 digits, and 150 × n cents ÷ 150 is a half):
      // that one product in decimals, as the rows compute it.
      interest =
        Math.abs(aboveHalf) <= error + 1e-15
          ? Math.round(toNumber(roundCents(lastRate!.times(new Decimal(bearing).dividedBy(100)))) * 100)
          : aboveHalf > 0
            ? whole + 1
            : whole;
      gap = gap * (1 + r) + (interest - p - e - c);
      gapError = gapError * (1 + Math.abs(r)) + error + (Math.abs(gap) + 1) * 5e-16;
      const size = Math.abs(gap);
      if (Math.abs(size - 1) <= gapError || gapError > 0.25) return null;
      if (size > 1) {
        // The close becomes the exact value rounded: close − gap, to the cent (half up: the value is not negative).
        const close = opening - toLiability + interest;
        const adjust = roundCertain(-gap, gapError);
        if (Number.isNaN(adjust) || close + adjust < 0) return null;
        interest += adjust;
        gap += adjust;
      }
    }
    balance = opening - toLiability + interest;
    const spread = last ? spreadLeft : spreadPer;
    spreadLeft -= spread;
    const reduction = operating ? spread - interest : spread;
    rou -= reduction;
    if (Math.abs(balance) >= LIMIT || Math.abs(rou) >= LIMIT || Math.abs(interest) >= LIMIT) return null;
    end[j] = schedule[j].end;
    // + 0: never −0 in a cell.
    payment[j] = paid / 100 + 0;
    interestOut[j] = interest / 100 + 0;
    closingLiability[j] = balance / 100 + 0;
    closingRou[j] = rou / 100 + 0;
    leaseCost[j] = (operating ? spread : interest + spread) / 100 + 0;
  }
  return { end, payment, interest: interestOut, closingLiability, closingRou, leaseCost };
}
