/**
 * The provider's remaining performance obligation (ASC 606-10-50-13; IFRS 15.120): the consideration
 * for service not yet rendered within the contract term, at the close of a day.
 */
import { DateSystem, edate, MAX_SERIAL_1900, MAX_SERIAL_1904, Serial } from "../dates";
import { valueError } from "../errors";
import { Decimal, roundCents, ZERO } from "../money";
import { Period, scheduleBefore } from "../schedule";
import { exitDate } from "../termination";
import { checkDate, ContractTerms, earliestNoticeDate } from "../terms";
import { owedInPeriod, periodIndexContaining, withNotice } from "../valueBridge/owed";

/** The judgement the ASC 606 contract term follows. */
export interface RpoJudgement {
  /**
   * Is the termination fee a substantive penalty (ASC 606-10-25-3; TRG Memo 48)? TRUE: the enforceable
   * rights and obligations run to the stated end. FALSE (default): the contract term ends at the exit
   * the earliest notice would give. A fee of 0 cannot be substantive.
   */
  readonly feeIsSubstantive?: boolean;
}

export interface RemainingPerformanceObligation {
  /** The day asked about: figures are at its close (service on that day is rendered). */
  readonly asOf: Serial;
  readonly dateSystem: DateSystem;
  /** Why the contract term ends where it does. */
  readonly basis: "stated-term" | "earliest-exit";
  /** Notice assumed: the day after `asOf` or the earliest permitted day, if later; null on the stated term. */
  readonly noticeDate: Serial | null;
  /** The first day without service in the contract term (end + 1 when it runs to the end). */
  readonly exitDate: Serial;
  /** The consideration for service up to the exit (the transaction price): never the fee (606-10-32-4). */
  readonly transactionPrice: Decimal;
  /** The part of it for service rendered by the close of `asOf`. */
  readonly recognised: Decimal;
  /** transactionPrice − recognised: the remaining performance obligation. */
  readonly value: Decimal;
  /** The original contract term's last day: the stated end, or the day before the earliest exit from the start. */
  readonly originalTermLastDay: Serial;
  /** The original contract term is one year or less: ASC 606-10-50-14(a) (IFRS 15.121(a)) lets the disclosure be omitted. */
  readonly expedientApplies: boolean;
  /** The periods whose service is not yet all rendered, each with its consideration in the term. */
  readonly remaining: readonly RemainingPeriod[];
}

/** A period with service still to render: its consideration within the term, earned evenly over its days of service. */
export interface RemainingPeriod {
  readonly period: Period;
  /** The consideration for the period's service before the exit ({@link owedInPeriod}). */
  readonly consideration: Decimal;
  /** The period's first and last day of service within the term. */
  readonly firstDay: Serial;
  readonly lastDay: Serial;
}

/**
 * The consideration of a remaining period not yet recognised at the close of `day`: all of it before
 * its first day, none after its last, else ROUND(consideration × days left ÷ days of service, 2) —
 * service is rendered evenly over the period's days (straight line, a time-elapsed output measure,
 * ASC 606-10-55-17).
 *
 * @example
 * // July 2026 (31 days) of 150,000,000 at the close of 2026-07-15: 16 days left → 77,419,354.84
 * unrecognisedAfter({ consideration: new Decimal(150e6), firstDay: 46204, lastDay: 46234 }, 46218).toString() // "77419354.84"
 */
export function unrecognisedAfter(p: Pick<RemainingPeriod, "consideration" | "firstDay" | "lastDay">, day: Serial): Decimal {
  if (day < p.firstDay) return p.consideration;
  if (day >= p.lastDay) return ZERO;
  return roundCents(p.consideration.times(p.lastDay - day).dividedBy(p.lastDay - p.firstDay + 1));
}

/**
 * The exit that bounds the ASC 606 contract term at the close of `asOf`: the day after the end when the
 * fee is substantive (or no early exit is possible); otherwise the exit that notice served the next
 * day (or on the earliest permitted day, if later) gives — either party could end the contract then
 * without a substantive penalty, so the rights and obligations are enforceable only until it
 * (ASC 606-10-25-3; IFRS 15.11).
 *
 * @example
 * // Seed at the close of 2026-06-30, fee not substantive: notice 2026-10-01 → exit 2026-12-30
 * contractTermExit(seedTerms, 46203, false) // { noticeDate: 46296, exit: 46386 }
 */
export function contractTermExit(terms: ContractTerms, asOf: Serial, feeIsSubstantive: boolean): { readonly noticeDate: Serial | null; readonly exit: Serial } {
  if (feeIsSubstantive) return { noticeDate: null, exit: terms.endDate + 1 };
  const noticeDate = Math.max(asOf + 1, earliestNoticeDate(terms));
  // Notice after the end cannot be served: the contract simply runs out.
  if (noticeDate > terms.endDate) return { noticeDate: null, exit: terms.endDate + 1 };
  return { noticeDate, exit: exitDate(withNotice(terms, noticeDate)) };
}

/**
 * The remaining performance obligation at the close of `asOf` (ASC 606-10-50-13(a); IFRS 15.120(a)):
 * the consideration for the service not yet rendered within the contract term. The contract term
 * follows the termination clause (ASC 606-10-25-3): with a substantive termination fee it is the
 * stated term; without one it ends at the exit the earliest notice after `asOf` would give. The fee
 * itself is never in the transaction price: it is consideration for cancelling, and the transaction
 * price assumes the contract is not cancelled (ASC 606-10-32-4; IFRS 15.49). A notice date in the
 * terms is not used. Each period's consideration within the term (its payment, or what is owed for
 * it at the exit under the proration rule) is earned evenly over its days of service.
 *
 * @example
 * // Seed at the close of 2026-06-30: Jul–Dec 2026 = 900,000,000; with a substantive fee 42 × 150,000,000
 * remainingPerformanceObligation(seedTerms, 46203).value.toString() // "900000000"
 * remainingPerformanceObligation(seedTerms, 46203, { feeIsSubstantive: true }).value.toString() // "6300000000"
 */
export function remainingPerformanceObligation(terms: ContractTerms, asOf: Serial, judgement: RpoJudgement = {}): RemainingPerformanceObligation {
  asOf = checkDate(asOf, "as_of_date", terms.dateSystem);
  const substantive = judgement.feeIsSubstantive ?? false;
  if (typeof substantive !== "boolean") throw valueError("fee_is_substantive must be TRUE or FALSE.");
  if (substantive && terms.termination.fee.isZero()) {
    throw valueError("fee_is_substantive is TRUE but the termination fee is 0: no fee cannot be a substantive penalty. Give the fee, or set fee_is_substantive to FALSE.");
  }
  const { noticeDate, exit } = contractTermExit(terms, asOf, substantive);
  const atStart = contractTermExit(terms, terms.startDate - 1, substantive);
  const originalTermLastDay = atStart.exit - 1;
  const schedule = scheduleBefore(terms, exit);
  const remaining: RemainingPeriod[] = [];
  let transactionPrice = ZERO;
  let recognised = ZERO;
  // The periods entirely served by the close of asOf are recognised in full.
  const containing = periodIndexContaining(schedule, asOf);
  const firstOpen = asOf < terms.startDate ? 0 : containing === -1 ? schedule.length : containing;
  for (const [j, period] of schedule.entries()) {
    const consideration = owedInPeriod(terms, period, exit);
    transactionPrice = transactionPrice.plus(consideration);
    if (j < firstOpen) {
      recognised = recognised.plus(consideration);
      continue;
    }
    const open = { period, consideration, firstDay: period.start, lastDay: Math.min(period.end, exit - 1) };
    const left = unrecognisedAfter(open, asOf);
    recognised = recognised.plus(consideration.minus(left));
    if (!left.isZero()) remaining.push(open);
  }
  return {
    asOf,
    dateSystem: terms.dateSystem,
    basis: substantive || exit > terms.endDate ? "stated-term" : "earliest-exit",
    noticeDate,
    exitDate: exit,
    transactionPrice,
    recognised,
    value: transactionPrice.minus(recognised),
    originalTermLastDay,
    expedientApplies: originalTermLastDay < edate(terms.startDate, 12, terms.dateSystem),
    remaining,
  };
}

export interface RpoTiming {
  readonly asOf: Serial;
  /** Within 12 months, 13–24 months, 25–36 months after `asOf` (year i: (EDATE(asOf, 12(i−1)), EDATE(asOf, 12i)]). */
  readonly years: readonly { readonly from: Serial; readonly to: Serial; readonly amount: Decimal }[];
  readonly thereafter: Decimal;
  /** Equal to the RPO's value. */
  readonly total: Decimal;
  readonly expedientApplies: boolean;
}

/** EDATE(day, months), or the last day of the calendar when that falls past it. */
function edateWithin(day: Serial, months: number, system: DateSystem): Serial {
  const last = system === "1904" ? MAX_SERIAL_1904 : MAX_SERIAL_1900;
  try {
    return edate(day, months, system);
  } catch {
    return last;
  }
}

/**
 * When the remaining performance obligation will be recognised as revenue (ASC 606-10-50-13(b);
 * IFRS 15.120(b)): within 12 months of `asOf`, in months 13–24, 25–36 and thereafter, each period's
 * consideration earned evenly over its days of service. Each band is the difference of
 * {@link unrecognisedAfter} at its two boundaries, so the bands add up to the RPO to the cent.
 *
 * @example
 * // Seed with a substantive fee at the close of 2026-06-30: 1.8bn, 1.8bn, 1.8bn, then 0.9bn
 * rpoTiming(remainingPerformanceObligation(seedTerms, 46203, { feeIsSubstantive: true })).thereafter.toString() // "900000000"
 */
export function rpoTiming(rpo: RemainingPerformanceObligation): RpoTiming {
  const system = rpo.dateSystem;
  const boundaries = [rpo.asOf, edateWithin(rpo.asOf, 12, system), edateWithin(rpo.asOf, 24, system), edateWithin(rpo.asOf, 36, system)];
  const amounts = [ZERO, ZERO, ZERO];
  let thereafter = ZERO;
  for (const p of rpo.remaining) {
    const after = boundaries.map((b) => unrecognisedAfter(p, b));
    for (let i = 0; i < 3; i++) amounts[i] = amounts[i].plus(after[i].minus(after[i + 1]));
    thereafter = thereafter.plus(after[3]);
  }
  return {
    asOf: rpo.asOf,
    years: amounts.map((amount, i) => ({ from: boundaries[i] + 1, to: boundaries[i + 1], amount })),
    thereafter,
    total: amounts.reduce((a, b) => a.plus(b), thereafter),
    expedientApplies: rpo.expedientApplies,
  };
}
