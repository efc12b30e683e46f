/**
 * Straight-line amounts: a total spread evenly over periods, to the cent.
 */
import { Decimal, roundCents, ZERO } from "../money";

/**
 * A total spread over `periods` periods: ROUND(total ÷ periods, 2) each, the last period taking
 * whatever is left so that the amounts sum to exactly the total — the rule of the short-term expense,
 * the operating lease cost and the lessor's lease income.
 *
 * @example
 * straightLine(new Decimal(100), 3).map(String) // ["33.33", "33.33", "33.34"]
 */
export function straightLine(total: Decimal, periods: number): Decimal[] {
  const per = periods > 0 ? roundCents(total.dividedBy(periods)) : ZERO;
  const amounts: Decimal[] = [];
  let left = total;
  for (let j = 0; j < periods; j++) {
    const amount = j === periods - 1 ? left : per;
    left = left.minus(amount);
    amounts.push(amount);
  }
  return amounts;
}
