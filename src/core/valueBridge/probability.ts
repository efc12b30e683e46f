/**
 * The monthly probability of notice from an annual exit probability, and the weights built on it.
 */
import { numError } from "../errors";
import { Decimal, ZERO } from "../money";
import { ONE } from "./shares";

/**
 * The monthly probability equivalent to an annual one: q = 1 − (1 − p)^(1/12), so that twelve months
 * without notice have probability (1 − q)^12 = 1 − p. The one function for q: on a decimal (already
 * checked, see {@link checkProbability}) it returns a decimal; on a number it checks the range and
 * returns a number.
 *
 * @example
 * monthlyProbability(new Decimal("0.717570463519")).toDecimalPlaces(20).toString() // "0.1": 0.9^12 = 0.282429536481
 * monthlyProbability(1 - 0.5 ** 12) // 0.5
 */
export function monthlyProbability(annual: Decimal): Decimal;
export function monthlyProbability(annual: number): number;
export function monthlyProbability(annual: Decimal | number): Decimal | number {
  if (typeof annual === "number") {
    if (!(annual >= 0 && annual <= 1)) throw numError("The exit probability must be between 0 and 1.");
    return monthlyProbability(new Decimal(annual)).toNumber();
  }
  if (annual.isZero()) return ZERO;
  if (annual.eq(1)) return ONE;
  // A probability, not money: a double is exact to ~1e-16 relative (an error far below a cent on any
  // contract value) and a fractional power in 34-digit decimals would cost more than the whole sum.
  // −expm1(log1p(−p) ÷ 12) keeps its accuracy for small p, where 1 − (1 − p)^(1/12) would cancel.
  return new Decimal(-Math.expm1(Math.log1p(-annual.toNumber()) / 12));
}

/**
 * P(no notice at the first j opportunities) = stay^j for j = 0 … count, each power built by repeated
 * multiplication in order — the same doubles as {@link expectedValue}'s running product.
 *
 * @example
 * survivalWeights(0.5, 3) // [1, 0.5, 0.25, 0.125]
 */
export function survivalWeights(stay: number, count: number): number[] {
  const survival: number[] = [1];
  for (let j = 0; j < count; j++) survival.push(survival[j] * stay);
  return survival;
}

/**
 * The monthly probability of notice q and of no notice, 1 − q, as doubles — the weights of
 * {@link expectedValue} and of the portfolio's expected figure: P(first notice at opportunity k) =
 * stay^k × q, P(none of the first K) = stay^K (each power built by repeated multiplication, in order).
 *
 * @example
 * noticeWeights(new Decimal("0.2")).stay ** 12 // 0.8 (to 1e-15)
 */
export function noticeWeights(annual: Decimal): { readonly q: number; readonly stay: number } {
  const q = monthlyProbability(annual).toNumber();
  return { q, stay: annual.eq(1) ? 0 : annual.isZero() ? 1 : Math.exp(Math.log1p(-annual.toNumber()) / 12) };
}
