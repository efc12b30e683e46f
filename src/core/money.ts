import DecimalJs from "decimal.js";

/**
 * The Decimal constructor used for every money figure.
 *
 * Why a clone: the global decimal.js settings belong to whoever else loads the library; a clone keeps
 * ours (34 significant digits, ties rounded away from zero as Excel's ROUND does) from leaking.
 */
export const Decimal = DecimalJs.clone({ precision: 34, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/**
 * Rounds an amount to whole cents, halves away from zero — Excel's `ROUND(x, 2)`.
 *
 * @example
 * roundCents(new Decimal("140322580.645161")).toString() // "140322580.65"
 */
export function roundCents(amount: Decimal): Decimal {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * Sums a list of amounts exactly.
 *
 * @example
 * sumMoney([new Decimal("0.1"), new Decimal("0.2")]).toString() // "0.3"
 */
export function sumMoney(amounts: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const amount of amounts) total = total.plus(amount);
  return total;
}
