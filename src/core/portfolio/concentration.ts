/**
 * The concentration on the largest counterparty.
 */
import { Decimal, toNumber, ZERO } from "../money";

export function share(part: Decimal, whole: Decimal): number {
  return whole.isZero() ? 0 : toNumber(part.dividedBy(whole));
}

export interface LargestShare {
  /** The counterparty as first written in the register; "" for an empty portfolio. */
  readonly counterparty: string;
  readonly amount: Decimal;
  /** Its share of the portfolio total (0 when the total is 0). */
  readonly share: number;
}

export interface Concentration {
  readonly headline: LargestShare;
  readonly committed: LargestShare;
}

/**
 * The largest counterparty's share of headline and of committed value, counterparties aggregated by
 * name without regard to case or surrounding spaces; a tie goes to the one first in the register.
 *
 * @example
 * concentration([{ counterparty: "A", headline: 3, committed: 1 }, { counterparty: "a", headline: 1, committed: 1 }, …]).headline.share // 0.8 of 5
 */
/** What concentration reads of each deal (a DealFigures has it). */
export interface ConcentrationInput {
  readonly counterparty: string;
  readonly headline: Decimal;
  readonly committed: Decimal;
}

export function concentration(figures: readonly ConcentrationInput[]): Concentration {
  const groups = new Map<string, { counterparty: string; headline: Decimal; committed: Decimal }>();
  for (const f of figures) {
    const key = f.counterparty.trim().toLowerCase();
    const group = groups.get(key);
    if (group) {
      group.headline = group.headline.plus(f.headline);
      group.committed = group.committed.plus(f.committed);
    } else groups.set(key, { counterparty: f.counterparty.trim(), headline: f.headline, committed: f.committed });
  }
  const largest = (measure: "headline" | "committed"): LargestShare => {
    let best: { counterparty: string; amount: Decimal } = { counterparty: "", amount: ZERO };
    let total = ZERO;
    for (const g of groups.values()) {
      total = total.plus(g[measure]);
      if (best.counterparty === "" || g[measure].gt(best.amount)) best = { counterparty: g.counterparty, amount: g[measure] };
    }
    return { ...best, share: share(best.amount, total) };
  };
  return { headline: largest("headline"), committed: largest("committed") };
}
