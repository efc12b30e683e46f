/**
 * Service levels: SLA credit tiers, the credit for a period, the downtime a target allows.
 */
import { addMonths, DateSystem, dateToSerial, formatIsoDate, MAX_SERIAL_1900, MAX_SERIAL_1904, Serial, serialToDate } from "../dates";
import { numError, valueError } from "../errors";
import { Decimal, roundCents, ZERO } from "../money";
import { checkDate, checkMoney, MoneyInput } from "../terms";
import { checkShare, ONE } from "./shares";

export interface SlaTier {
  /** The tier applies when uptime is below this share (0.999 = 99.9%). */
  readonly below: Decimal;
  /** The credit, as a share of the period's payment (0.1 = 10%). */
  readonly credit: Decimal;
}

export interface SlaTierInput {
  readonly below: MoneyInput;
  readonly credit: MoneyInput;
}

/**
 * Checks an SLA tier table: thresholds above 0 and at most 1, all different; credits between 0 and 1
 * that do not fall as the threshold falls (a deeper breach never earns less). Returned deepest first.
 */
export function checkSlaTiers(rows: readonly SlaTierInput[]): SlaTier[] {
  if (rows.length === 0) throw valueError("The SLA tier table is empty: give rows of uptime threshold and credit share.");
  const tiers = rows.map((row, i) => {
    const below = checkShare(row.below, `SLA tier row ${i + 1} uptime threshold`);
    if (below.isZero()) throw numError(`SLA tier row ${i + 1}: the uptime threshold must be above 0.`);
    return { below, credit: checkShare(row.credit, `SLA tier row ${i + 1} credit`) };
  });
  tiers.sort((a, b) => a.below.comparedTo(b.below));
  for (let i = 1; i < tiers.length; i++) {
    if (tiers[i].below.eq(tiers[i - 1].below)) {
      throw valueError(`Two SLA tiers share the uptime threshold ${tiers[i].below.toString()}: give each threshold once.`);
    }
    if (tiers[i].credit.gt(tiers[i - 1].credit)) {
      throw valueError(
        `SLA tiers: uptime below ${tiers[i - 1].below.toString()} earns a credit of ${tiers[i - 1].credit.toString()}, less than the ${tiers[i].credit.toString()} for the milder breach below ${tiers[i].below.toString()}: a deeper breach must earn at least the same credit.`,
      );
    }
  }
  return tiers;
}

/**
 * The credit share for an uptime: that of the deepest tier breached (the lowest threshold the uptime
 * is below), 0 if none is breached. Tiers as {@link checkSlaTiers} returns them (deepest first).
 */
export function slaCreditShare(uptime: Decimal, tiers: readonly SlaTier[]): Decimal {
  for (const tier of tiers) if (uptime.lt(tier.below)) return tier.credit;
  return ZERO;
}

/**
 * The service credit for one period: payment × the deepest breached tier's credit share, to the cent.
 *
 * @example
 * // 99.5% uptime against tiers below 99.9% → 10%, below 99% → 25%
 * slaCredit(150e6, 0.995, [{ below: 0.999, credit: 0.1 }, { below: 0.99, credit: 0.25 }]).toString() // "15000000"
 */
export function slaCredit(payment: MoneyInput, uptime: MoneyInput, tiers: readonly SlaTierInput[]): Decimal {
  const amount = checkMoney(payment, "payment");
  if (amount.isNegative()) throw numError("The payment cannot be negative.");
  return roundCents(amount.times(slaCreditShare(checkShare(uptime, "uptime"), checkSlaTiers(tiers))));
}

/**
 * Downtime an uptime target allows, in minutes: (1 − target) × days × 1,440. The period runs from
 * `periodStart` to `periodEnd` inclusive, or for the month that starts on `periodStart` (to the day
 * before EDATE(periodStart, 1)) when no end is given.
 *
 * @example
 * allowedDowntimeMinutes(0.999, 46204).toString() // "44.64": July has 31 days
 */
export function allowedDowntimeMinutes(
  uptimeTarget: MoneyInput,
  periodStart: Serial,
  periodEnd: Serial | null = null,
  system: DateSystem = "1900",
): Decimal {
  const target = checkShare(uptimeTarget, "uptime_target");
  const start = checkDate(periodStart, "period_start", system);
  const end =
    periodEnd === null
      ? dateToSerial(addMonths(serialToDate(start, system), 1, system), system) - 1
      : checkDate(periodEnd, "period_end", system);
  // A month from the calendar's last month would end in year 10000: say so rather than answer for it.
  if (periodEnd === null && end > (system === "1904" ? MAX_SERIAL_1904 : MAX_SERIAL_1900)) {
    throw valueError(`The month that starts on ${formatIsoDate(start, system)} ends after 9999-12-31, where Excel's calendar ends: give period_end.`);
  }
  if (end < start) throw numError("The period ends before it starts.");
  return ONE.minus(target).times(end - start + 1).times(1440);
}
