/**
 * Delivery: abatement for capacity not delivered, and the exit a missed delivery deadline gives.
 */
import { Serial } from "../dates";
import { numError, valueError } from "../errors";
import { Decimal, roundCents, ZERO } from "../money";
import { buildSchedule, Period } from "../schedule";
import { exitOutcome } from "../termination";
import { ContractTerms, MoneyInput } from "../terms";
import { OwedCursor } from "./owed";
import { checkShare, ONE } from "./shares";

export interface AbatedPeriod {
  readonly number: number;
  readonly paymentDate: Serial;
  readonly payment: Decimal;
  /** Share of the contracted capacity delivered in the period (1 = all). */
  readonly deliveredShare: Decimal;
  /** payment × delivered share, to the cent: what is payable. */
  readonly abated: Decimal;
  /** payment − abated. */
  readonly shortfall: Decimal;
}

export interface Abatement {
  readonly periods: readonly AbatedPeriod[];
  readonly payable: Decimal;
  readonly shortfall: Decimal;
}

/**
 * Abates each period's payment pro rata to the capacity delivered: payable = payment × share, to the
 * cent; the shortfall is the rest. `deliveredShares[i]` is period i + 1's share; periods beyond the
 * list are delivered in full. `amounts` replaces the payments (e.g. what is owed up to an exit).
 *
 * @example
 * // Seed, July half delivered: 75,000,000 payable, 75,000,000 short
 * abateForDelivery(buildSchedule(seedTerms), [0.5]).shortfall.toString() // "75000000"
 */
export function abateForDelivery(
  schedule: readonly Period[],
  deliveredShares: readonly MoneyInput[],
  amounts: readonly Decimal[] = schedule.map((p) => p.payment),
): Abatement {
  const shares = checkDeliveredShares(deliveredShares, schedule.length);
  let payable = ZERO;
  let shortfall = ZERO;
  const periods = schedule.map((period, i) => {
    const payment = amounts[i];
    const share = shares[i] ?? ONE;
    const abated = share.eq(1) ? payment : roundCents(payment.times(share));
    const short = payment.minus(abated);
    payable = payable.plus(abated);
    shortfall = shortfall.plus(short);
    return { number: period.number, paymentDate: period.paymentDate, payment, deliveredShare: share, abated, shortfall: short };
  });
  return { periods, payable, shortfall };
}

export function checkDeliveredShares(shares: readonly MoneyInput[], periods: number): Decimal[] {
  if (shares.length > periods) {
    throw valueError(`${shares.length} delivered shares were given for a schedule of ${periods} periods: give at most one a period.`);
  }
  return shares.map((share, i) => checkShare(share, `delivered share of period ${i + 1}`));
}

export interface DeliveryDeadline {
  /** The day by which the required share of capacity must be delivered. */
  readonly date: Serial;
  /** The share required by then (1 = all the contracted capacity). */
  readonly requiredShare: MoneyInput;
  /** The share delivered by then. */
  readonly deliveredShare: MoneyInput;
  /** Days of notice the tenant must give after the deadline; 0 if it may leave at once. */
  readonly noticeDays?: number;
}

export interface DeliveryCommitment {
  /** Whether the delivered share fell short of the required one, giving the tenant a right to leave. */
  readonly breached: boolean;
  /** The exit the delivery right gives, min(deadline + notice, end + 1); null when not breached. */
  readonly deliveryExitDate: Serial | null;
  /** The enforceable exit under the ordinary termination clause (EXIT_VALUE's). */
  readonly ordinaryExitDate: Serial;
  readonly ordinaryValue: Decimal;
  /** Which exit sets the committed value: the one that costs the tenant less. */
  readonly exitUsed: "ordinary" | "delivery";
  readonly exitDate: Serial;
  /** The lesser of the ordinary exit value and what is owed up to the delivery exit (no fee: the provider failed). */
  readonly value: Decimal;
}

/**
 * The committed value with a delivery deadline: if the share delivered by the deadline is below the
 * required share, the tenant may end the contract at the deadline (plus notice, if any) owing the
 * payments up to then and no termination fee; the committed value is then the lesser of that and the
 * ordinary exit value (the tenant takes the cheaper way out).
 *
 * @example
 * // Seed, 60% delivered of 100% required by 2026-08-31, exit at once: July and August, 300,000,000
 * deliveryCommittedValue(seedTerms, { date: 46265, requiredShare: 1, deliveredShare: 0.6 }).value.toString() // "300000000"
 */
export function deliveryCommittedValue(
  terms: ContractTerms,
  deadline: DeliveryDeadline,
  schedule: readonly Period[] = buildSchedule(terms),
): DeliveryCommitment {
  const ordinary = exitOutcome(terms, schedule);
  const required = checkShare(deadline.requiredShare, "required share");
  const delivered = checkShare(deadline.deliveredShare, "delivered share");
  const noticeDays = deadline.noticeDays ?? 0;
  if (!Number.isInteger(noticeDays) || noticeDays < 0 || noticeDays > 36600) {
    throw numError("The delivery notice must be a whole number of days between 0 and 36600.");
  }
  if (deadline.date < terms.startDate) throw valueError("The delivery deadline is before the start date.");
  const base = {
    ordinaryExitDate: ordinary.exitDate,
    ordinaryValue: ordinary.value,
  };
  if (!delivered.lt(required)) {
    return { ...base, breached: false, deliveryExitDate: null, exitUsed: "ordinary", exitDate: ordinary.exitDate, value: ordinary.value };
  }
  const deliveryExit = Math.min(deadline.date + noticeDays, terms.endDate + 1);
  const owed = new OwedCursor(terms, schedule).owedBefore(deliveryExit);
  if (owed.lt(ordinary.value)) {
    return { ...base, breached: true, deliveryExitDate: deliveryExit, exitUsed: "delivery", exitDate: deliveryExit, value: owed };
  }
  return { ...base, breached: true, deliveryExitDate: deliveryExit, exitUsed: "ordinary", exitDate: ordinary.exitDate, value: ordinary.value };
}
