/**
 * Sums of one reading by fiscal year: whole cents in doubles (the fast path) or exact decimals.
 */
import { Decimal, exactCents, FAST_CENTS_LIMIT, ZERO } from "../money";

/** Sums of one reading by fiscal year, fed one payment at a time. */
interface YearSums {
  add(bucket: number, amount: Decimal): void;
  flush(): void;
}

/**
 * Whole cents in doubles — the fast path. Amounts that are not whole cents (a fee of 12.345) or are
 * too large make it inexact, and the deal is summed again in decimals.
 */
export class CentsSums implements YearSums {
  readonly cents: Float64Array;
  exact = true;
  private last: Decimal | undefined;
  private lastCents = 0;
  constructor(years: number) {
    this.cents = new Float64Array(years);
  }
  add(bucket: number, amount: Decimal): void {
    if (amount !== this.last) {
      this.last = amount;
      const cents = exactCents(amount);
      // Each amount below 2^50 cents (NaN fails): sums of a thousand such stay checkable against 2^53.
      if (!(Math.abs(cents) < FAST_CENTS_LIMIT)) this.exact = false;
      this.lastCents = cents;
    }
    this.cents[bucket] += this.lastCents;
  }
  flush(): void {}
}

/** Exact decimals, added once per run of equal amounts in one bucket. */
export class DecimalSums implements YearSums {
  readonly sums: Decimal[];
  private amount: Decimal = ZERO;
  private bucket = -1;
  private count = 0;
  constructor(years: number) {
    this.sums = new Array<Decimal>(years).fill(ZERO);
  }
  add(bucket: number, amount: Decimal): void {
    if (bucket === this.bucket && amount === this.amount) {
      this.count++;
      return;
    }
    this.flush();
    this.bucket = bucket;
    this.amount = amount;
    this.count = 1;
  }
  flush(): void {
    if (this.count === 0) return;
    const sum = this.count === 1 ? this.amount : this.amount.times(this.count);
    this.sums[this.bucket] = this.sums[this.bucket].plus(sum);
    this.count = 0;
  }
}

export function totalOf(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}
