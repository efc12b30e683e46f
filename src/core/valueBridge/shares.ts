/**
 * Shares and probabilities: numbers between 0 and 1.
 */
import { numError } from "../errors";
import { Decimal } from "../money";
import { checkMoney, MoneyInput } from "../terms";

/** The whole: a share of 1, a probability of 1. */
export const ONE = new Decimal(1);

/** A share between 0 and 1. */
export function checkShare(value: MoneyInput, name: string): Decimal {
  const share = checkMoney(value, name);
  if (share.isNegative() || share.gt(1)) throw numError(`${name} must be between 0 and 1 (0% to 100%).`);
  return share;
}

/** An annual probability between 0 and 1 (20% = 0.2): a share ({@link checkShare}), the same rule and message. */
export function checkProbability(value: MoneyInput, name: string): Decimal {
  return checkShare(value, name);
}
