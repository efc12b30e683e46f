/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands custom functions untyped cell values. */
/**
 * The DEAL value functions: what is committed on a day, the expected value at an exit probability,
 * service credits and allowed downtime. Thin adapters from Excel arguments to the core's value
 * bridge (src/core/valueBridge.ts).
 *
 * Same argument order and option words as the other DEAL functions: the leading arguments, then the
 * options that apply in the shared order — frequency, escalation, timing, proration,
 * notice_in_lock_in, termination_fee. Blank, omitted or 0 options take their defaults. Probabilities,
 * uptimes and credit shares follow the rate rule: 0.2 or "20%"; a bare 20 is refused as ambiguous.
 */
import {
  allowedDowntimeMinutes,
  committedValue,
  expectedValue,
  FIELD,
  slaCredit,
  SlaTierInput,
  toNumber,
  valueError,
} from "../core";
import {
  excelCall,
  readAmount,
  readArgNumber,
  readDate,
  readOptionalDate,
  readRate,
  readLeaseTerms,
} from "./excelArgs";

/**
 * Committed value at the close of as_of_date: the payments for service from the next day up to the exit that notice served the next day (or on the earliest permitted day after it) would give, plus any termination fee. The tenant's cheapest way out (service to the exit plus the fee), not the RPO. As of the day before the start it is EXIT_VALUE; at the close of the end date, 0.
 * @customfunction COMMITTED_VALUE
 * @helpurl https://localhost:3000/help.html#committed_value
 * @param start_date First day of service (a date).
 * @param end_date Last day of service, inclusive (a date).
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param lock_in_months Months from the start during which the contract cannot be ended (e.g. 3).
 * @param notice_days Days of notice before termination takes effect (e.g. 90).
 * @param as_of_date The day asked about, at its close: its service is rendered, notice is taken to be served the next day, or on the earliest permitted day if later.
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [timing] "advance" or "arrears"; does not change what remains (service not yet rendered counts, whenever it is paid).
 * @param [proration] The period in which termination takes effect: "full" (default: owed in full) or "actual" (by days served).
 * @param [notice_in_lock_in] TRUE if notice may be served during the lock-in. Default FALSE (only after it).
 * @param [termination_fee] Fee paid on early termination. Default 0.
 * @returns Committed value remaining at the close of as_of_date.
 */
export function committedValueOf(
  start_date: any,
  end_date: any,
  payment: any[][],
  lock_in_months: any,
  notice_days: any,
  as_of_date: any,
  frequency?: any,
  escalation?: any,
  timing?: any,
  proration?: any,
  notice_in_lock_in?: any,
  termination_fee?: any,
): number {
  return excelCall(() => {
    const terms = readLeaseTerms({
      startDate: start_date, endDate: end_date, payment, lockInMonths: lock_in_months, noticeDays: notice_days,
      frequency, escalation, timing, proration, noticeInLockIn: notice_in_lock_in, terminationFee: termination_fee,
    });
    return toNumber(committedValue(terms, readDate(as_of_date, "as_of_date")).value);
  });
}

/**
 * Probability-weighted contract value: in each month notice may be served, it is served with the monthly probability equivalent to annual_exit_probability. 0 gives CONTRACT_VALUE, 1 gives EXIT_VALUE.
 * @customfunction EXPECTED_VALUE
 * @helpurl https://localhost:3000/help.html#expected_value
 * @param start_date First day of service (a date).
 * @param end_date Last day of service, inclusive (a date).
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param lock_in_months Months from the start during which the contract cannot be ended (e.g. 3).
 * @param notice_days Days of notice before termination takes effect (e.g. 90).
 * @param annual_exit_probability Chance that notice is served within a year, from 0 to 1 (20% = 0.2).
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [timing] "advance" or "arrears"; does not change the value.
 * @param [proration] The period in which termination takes effect: "full" (default: owed in full) or "actual" (by days served).
 * @param [notice_in_lock_in] TRUE if notice may be served during the lock-in. Default FALSE (only after it).
 * @param [termination_fee] Fee paid on early termination. Default 0.
 * @returns Expected contract value.
 */
export function expectedValueOf(
  start_date: any,
  end_date: any,
  payment: any[][],
  lock_in_months: any,
  notice_days: any,
  annual_exit_probability: any,
  frequency?: any,
  escalation?: any,
  timing?: any,
  proration?: any,
  notice_in_lock_in?: any,
  termination_fee?: any,
): number {
  return excelCall(() => {
    const terms = readLeaseTerms({
      startDate: start_date, endDate: end_date, payment, lockInMonths: lock_in_months, noticeDays: notice_days,
      frequency, escalation, timing, proration, noticeInLockIn: notice_in_lock_in, terminationFee: termination_fee,
    });
    return toNumber(expectedValue(terms, readArgNumber(FIELD.ExitProbability, annual_exit_probability)));
  });
}

/** A two-column range of (uptime below which the tier applies, credit share); fully blank rows are ignored. */
function readTiers(value: unknown): SlaTierInput[] {
  const rows = value as unknown[][];
  if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row) && row.length === 2)) {
    throw valueError("tiers must be a two-column range: the uptime below which each tier applies, and its credit as a share of the payment.");
  }
  // Some hosts send 0 for a blank cell; a tier at 0% uptime applies to nothing, so (0, 0) rows are blank too.
  const blank = (cell: unknown) => cell === null || cell === undefined || cell === 0 || (typeof cell === "string" && cell.trim() === "");
  const tiers: SlaTierInput[] = [];
  rows.forEach(([below, credit], i) => {
    if (blank(below) && blank(credit)) return;
    tiers.push({
      below: readRate(below, `tiers row ${i + 1} uptime threshold`),
      credit: readRate(credit, `tiers row ${i + 1} credit`),
    });
  });
  return tiers;
}

/**
 * Service credit for one period: payment × the credit share of the deepest tier the uptime falls below (0 if none).
 * @customfunction SLA_CREDIT
 * @helpurl https://localhost:3000/help.html#sla_credit
 * @param payment The period's payment.
 * @param uptime Uptime achieved in the period, as a share (99.5% = 0.995).
 * @param tiers Two-column range: the uptime below which each tier applies, and its credit as a share of the payment (10% = 0.1).
 * @returns Credit for the period.
 */
export function slaCreditOf(payment: any, uptime: any, tiers: any[][]): number {
  return excelCall(() =>
    toNumber(slaCredit(readAmount(payment, "payment"), readRate(uptime, "uptime"), readTiers(tiers))),
  );
}

/**
 * Downtime an uptime target allows, in minutes: (1 − target) × days × 1,440; for the month that starts on period_start unless period_end is given.
 * @customfunction DOWNTIME_ALLOWED
 * @helpurl https://localhost:3000/help.html#downtime_allowed
 * @param uptime_target Uptime target, as a share (99.9% = 0.999).
 * @param period_start First day of the period (a date).
 * @param [period_end] Last day of the period, inclusive. Default: the day before the same day of the next month.
 * @returns Minutes of downtime allowed.
 */
export function downtimeAllowed(uptime_target: any, period_start: any, period_end?: any): number {
  return excelCall(() =>
    toNumber(allowedDowntimeMinutes(
      readRate(uptime_target, "uptime_target"),
      readDate(period_start, "period_start"),
      readOptionalDate(period_end, "period_end"),
    )),
  );
}
