/**
 * Fiscal years: the calendar year in which a fiscal year ends.
 */
import { Serial, serialToDate } from "../dates";
import { valueError } from "../errors";
import { ContractTerms } from "../terms";

/**
 * The fiscal year of a day: the calendar year in which the fiscal year containing it ends.
 *
 * @example
 * fiscalYear(46204, 6) // 2027: 2026-07-01 falls in the year ending June 2027
 */
export function fiscalYear(serial: Serial, yearEndMonth = 12, system: ContractTerms["dateSystem"] = "1900"): number {
  const { year, month } = serialToDate(serial, system);
  return month > yearEndMonth ? year + 1 : year;
}

/**
 * Checks a fiscal year-end month: a whole number 1–12; anything else is refused with a message
 * (`#VALUE!`, which carries it in Excel; a bare `#NUM!` would not say why).
 *
 * @example
 * checkYearEndMonth(6) // 6; checkYearEndMonth(13) throws "year_end_month must be a whole number from 1 (January) to 12 (December), not 13."
 */
export function checkYearEndMonth(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 12) {
    throw valueError(`year_end_month must be a whole number from 1 (January) to 12 (December), not ${value}.`);
  }
  return value;
}
