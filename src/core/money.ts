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

/** 2^53: integers below it are exact doubles. */
const EXACT_INTEGER_LIMIT = 9007199254740992;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * The double nearest to a decimal — the same as `Number(amount.toString())`, several times faster for
 * amounts of up to 15 significant digits (every money figure here), which matters for a spilled
 * schedule of hundreds of rows.
 *
 * Why it is exact: the digits form an integer below 2^53 (an exact double) and 10^k for k ≤ 22 is an
 * exact double, so the one multiplication or division rounds correctly, as parsing the text would.
 *
 * @example
 * toNumber(new Decimal("890322580.65")) // 890322580.65
 */
export function toNumber(amount: Decimal): number {
  const words = amount.d;
  if (!words || words.length > 3) return amount.toNumber();
  // decimal.js keeps base-10^7 words: the first holds 1–7 digits, the others exactly 7. Trailing
  // zeros of the last word are dropped so that 150000000.37 needs 11 digits, not 16.
  let mantissa = 0;
  let digits = 0;
  for (let i = 0; i < words.length; i++) {
    let word = words[i];
    let width = i === 0 ? String(word).length : 7;
    if (i === words.length - 1) {
      while (word !== 0 && word % 10 === 0) {
        word /= 10;
        width--;
      }
    }
    mantissa = mantissa * POWERS_OF_TEN[width] + word;
    digits += width;
  }
  if (mantissa >= EXACT_INTEGER_LIMIT) return amount.toNumber();
  const exponent = amount.e + 1 - digits;
  if (exponent < -22 || exponent > 22) return amount.toNumber();
  const magnitude = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
  return amount.s < 0 ? -magnitude : magnitude;
}

// ---------------------------------------------------------------------------------------------
// Whole cents in doubles: the one fast path for sums of money (the schedule's cumulative column,
// the portfolio's sums by year), with the reasons it is exact.
// ---------------------------------------------------------------------------------------------

/**
 * 2^53 − 1: integers up to it are exact doubles, and so is the sum of two whose total stays within it
 * (IEEE addition of two exact integers with an exact-integer sum is exact). A sum of whole cents kept
 * in a double is exact while it stays within this bound.
 */
export const MAX_EXACT_CENTS = Number.MAX_SAFE_INTEGER;

/** 2^50 cents, about 11 trillion: below it, a cent amount's double times 100 rounds back to its cents. */
export const FAST_CENTS_LIMIT = 2 ** 50;

/**
 * An amount in whole cents as a double, or NaN when it is not a whole number of cents or its cents
 * exceed {@link MAX_EXACT_CENTS}.
 *
 * Why the fast path is exact: the amount is c / 100 for an integer c (checked: at most two decimals).
 * toNumber gives c/100 × (1 + δ₁) and the product by 100 adds (1 + δ₂), with |δ| ≤ 2^-53, so the
 * double differs from c by at most |c| × 2^-52 (plus a negligible term): below 0.25 when it is at most
 * 2^50 ({@link FAST_CENTS_LIMIT}), so Math.round recovers c exactly. Larger amounts take the decimal path.
 *
 * @example
 * exactCents(new Decimal("150000000.37")) // 15000000037
 * exactCents(new Decimal("12.345")) // NaN
 */
export function exactCents(amount: Decimal): number {
  if (amount.decimalPlaces() > 2) return NaN;
  const approx = toNumber(amount) * 100;
  if (Math.abs(approx) <= FAST_CENTS_LIMIT) return Math.round(approx);
  const cents = amount.times(100);
  return cents.abs().lte(MAX_EXACT_CENTS) ? cents.toNumber() : NaN;
}

/**
 * The decimal of a whole number of cents held in a double (a safe integer): its text is exact, and
 * dividing by 100 is exact in 34 digits. `cents / 100` as a double is the double nearest that decimal
 * (one correctly rounded division of exact operands), the same as {@link toNumber} of it.
 *
 * @example
 * fromCents(15000000037).toString() // "150000000.37"
 */
export function fromCents(cents: number): Decimal {
  return cents === 0 ? ZERO : new Decimal(cents).dividedBy(100);
}
