/**
 * Each notice month beside the market: what an exit then forgoes of the contract, what the same
 * GPU-hours would cost at the curve, and what is owed — valued at one date. The break-even prices and
 * the lattice read these.
 */
import { Decimal } from "../money";
import { Serial } from "../dates";
import { buildSchedule, Period } from "../schedule";
import { ContractTerms } from "../terms";
import { noticeMonths, owedInPeriod } from "../valueBridge";
import { MarketCurve } from "./curve";
import { discountFactor, MarketBasis, periodGpuHours, periodMarketCost } from "./legs";

/** One notice month: notice served on `noticeDate` ends the service on `exitDate`. */
export interface ExitLeg {
  readonly noticeDate: Serial;
  readonly exitDate: Serial;
  /** Owed up to the exit, fee included: EXIT_VALUE with this notice date. */
  readonly owed: Decimal;
  /** The payments the exit forgoes (not owed), each discounted from its payment date to `valuedOn`. */
  readonly forgone: number;
  /** The GPU-hours the exit stops paying for, each period's discounted from its payment date to `valuedOn`. */
  readonly hours: number;
  /** Their cost at the curve, discounted likewise. */
  readonly marketCost: number;
  /** The discount factor from `valuedOn` to the exit date, for the fee and switching costs paid then. */
  readonly exitFactor: number;
}

/**
 * The notice months of the terms (NOTICE months as EXPECTED_VALUE walks them: the earliest permitted
 * notice date, then each monthly anniversary while the exit is within the term), each with what an
 * exit then forgoes and what the same capacity costs at the curve, discounted to `valuedOn`.
 *
 * A period begun before the exit is owed (in full, or its days served when proration is "actual");
 * the GPU-hours the exit stops paying for — the periods not begun, and the days after the exit of a
 * period owed by days served — are bought at the curve's price on their first day. So the forgone
 * payments and the market cost cover the same GPU-hours.
 */
export function exitLegs(
  terms: ContractTerms,
  basis: MarketBasis,
  curve: MarketCurve,
  valuedOn: Serial,
  schedule: readonly Period[] = buildSchedule(terms),
): ExitLeg[] {
  const rate = basis.discountRate;
  const n = schedule.length;
  // Suffix sums over the periods: payments, hours and market cost from period p to the end.
  const factor = schedule.map((p) => discountFactor(rate, valuedOn, p.paymentDate));
  const payFrom = new Float64Array(n + 1);
  const hoursFrom = new Float64Array(n + 1);
  const costFrom = new Float64Array(n + 1);
  for (let p = n - 1; p >= 0; p--) {
    payFrom[p] = payFrom[p + 1] + schedule[p].payment.toNumber() * factor[p];
    hoursFrom[p] = hoursFrom[p + 1] + periodGpuHours(terms, schedule[p], basis) * factor[p];
    costFrom[p] = costFrom[p + 1] + periodMarketCost(terms, schedule[p], basis, curve) * factor[p];
  }
  let begun = 0;
  return noticeMonths(terms, schedule).map((month) => {
    const exit = month.exitDate;
    while (begun < n && schedule[begun].start < exit) begun++;
    let forgone = payFrom[begun];
    let hours = hoursFrom[begun];
    let marketCost = costFrom[begun];
    const cut = begun > 0 ? schedule[begun - 1] : undefined;
    if (cut !== undefined && exit <= cut.end && terms.proration === "actual") {
      // The period the exit cuts, when only its days served are owed: what it does not owe, and the
      // hours after the exit. Owed in full ("full"), it is paid for whole and nothing of it is forgone.
      const f = factor[begun - 1];
      forgone += cut.payment.minus(owedInPeriod(terms, cut, exit)).toNumber() * f;
      hours += periodGpuHours(terms, cut, basis, exit) * f;
      marketCost += periodMarketCost(terms, cut, basis, curve, exit) * f;
    }
    return {
      noticeDate: month.noticeDate,
      exitDate: exit,
      owed: month.value,
      forgone,
      hours,
      marketCost,
      exitFactor: discountFactor(rate, valuedOn, exit),
    };
  });
}
