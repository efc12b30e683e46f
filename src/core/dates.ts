/**
 * Excel date serials, as integers, with no JavaScript `Date` and no time zone anywhere.
 *
 * A serial is a count of days. In the 1900 date system (Excel's default) serial 1 is 1900-01-01 and
 * serial 60 is the phantom 1900-02-29 that Excel keeps for Lotus 1-2-3 compatibility; in the 1904
 * system (old Mac workbooks) serial 0 is 1904-01-01. Calendar arithmetic converts a serial to a
 * year/month/day triple with integer formulas (Howard Hinnant's days-from-civil), works there, and
 * converts back.
 */
import { numError } from "./errors";

export type DateSystem = "1900" | "1904";
export type Serial = number;

export interface CalendarDate {
  readonly year: number;
  /** 1 = January … 12 = December. */
  readonly month: number;
  readonly day: number;
}

/** Last serial Excel accepts: 9999-12-31 in the 1900 system. */
export const MAX_SERIAL_1900 = 2958465;
/** The same day's serial is 1,462 days smaller in the 1904 system (1904-01-01 is 1900-system serial 1,462). */
export const DAYS_1900_TO_1904 = 1462;
/** Last serial Excel accepts in the 1904 system (same day, 1,462 days fewer). */
export const MAX_SERIAL_1904 = MAX_SERIAL_1900 - DAYS_1900_TO_1904;

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (negative before it).
 *
 * @example
 * daysFromCivil(1970, 1, 2) // 1
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Count from 1 March so that the leap day falls at the end of the counting year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The proleptic Gregorian date that lies `days` days after 1970-01-01.
 *
 * @example
 * civilFromDays(0) // { year: 1970, month: 1, day: 1 }
 */
export function civilFromDays(days: number): CalendarDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

const DAY_BEFORE_1900_01_01 = daysFromCivil(1899, 12, 31);
/** Serials from 61 on count from 1899-12-30, one day earlier, because of the phantom 1900-02-29. */
const EPOCH_1900_FROM_MARCH = daysFromCivil(1899, 12, 30);
const FIRST_REAL_DAY_AFTER_PHANTOM = daysFromCivil(1900, 3, 1);
const EPOCH_1904 = daysFromCivil(1904, 1, 1);
const PHANTOM_SERIAL = 60;

/** Whether a Gregorian year has 29 February. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days in a month as Excel counts them: February 1900 has 29 days in the 1900 date system, because
 * Excel treats 1900 as a leap year.
 *
 * @example
 * daysInMonth(2028, 2) // 29
 * daysInMonth(1900, 2, "1900") // 29 (Excel's phantom leap day)
 */
export function daysInMonth(year: number, month: number, system: DateSystem = "1900"): number {
  if (month === 2) {
    if (year === 1900 && system === "1900") return 29;
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The calendar date of a serial.
 *
 * @example
 * serialToDate(46204) // { year: 2026, month: 7, day: 1 }
 * serialToDate(60) // { year: 1900, month: 2, day: 29 } — Excel's phantom day
 */
export function serialToDate(serial: Serial, system: DateSystem = "1900"): CalendarDate {
  if (system === "1904") return civilFromDays(serial + EPOCH_1904);
  if (serial === PHANTOM_SERIAL) return { year: 1900, month: 2, day: 29 };
  if (serial < PHANTOM_SERIAL) return civilFromDays(DAY_BEFORE_1900_01_01 + serial);
  return civilFromDays(EPOCH_1900_FROM_MARCH + serial);
}

/**
 * The serial of a calendar date — Excel's `DATE(year, month, day)` for a valid date.
 *
 * @example
 * dateToSerial({ year: 2026, month: 12, day: 30 }) // 46386
 * dateToSerial({ year: 2026, month: 12, day: 30 }, "1904") // 44924
 */
export function dateToSerial(date: CalendarDate, system: DateSystem = "1900"): Serial {
  return serialOfDay(date.year, date.month, date.day, system);
}

/** {@link dateToSerial} on separate fields, allocating nothing (for loops over periods). */
export function serialOfDay(year: number, month: number, day: number, system: DateSystem): Serial {
  const days = daysFromCivil(year, month, day);
  if (system === "1904") return days - EPOCH_1904;
  if (year === 1900 && month === 2 && day === 29) return PHANTOM_SERIAL;
  if (days < FIRST_REAL_DAY_AFTER_PHANTOM) return days - DAY_BEFORE_1900_01_01;
  return days - EPOCH_1900_FROM_MARCH;
}

/**
 * Shifts a calendar date by whole months, clamping the day to the target month's length.
 *
 * Why clamp rather than roll over: contracts that start on the 31st bill on the last day of shorter
 * months (31 Jan + 1 month = 28 Feb), which is what Excel's EDATE does.
 *
 * @example
 * addMonths({ year: 2027, month: 1, day: 31 }, 1) // { year: 2027, month: 2, day: 28 }
 */
export function addMonths(date: CalendarDate, months: number, system: DateSystem = "1900"): CalendarDate {
  const monthIndex = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month, system)) };
}

/**
 * The serial of {@link addMonths}(date, months) — EDATE without the calendar-range check, allocating
 * nothing: what the schedule computes for every period.
 *
 * @example
 * serialAfterMonths({ year: 2027, month: 1, day: 31 }, 1, "1900") // 46446: 2027-02-28
 */
export function serialAfterMonths(date: CalendarDate, months: number, system: DateSystem): Serial {
  const monthIndex = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return serialOfDay(year, month, Math.min(date.day, daysInMonth(year, month, system)), system);
}

/**
 * Excel's `EDATE`: the serial `months` months after `serial`, same day of month where it exists.
 *
 * Each period of a schedule is `EDATE(start, k)`, never chained from the previous period, so a
 * 31 January start keeps billing on the 31st whenever the month has one.
 *
 * @example
 * edate(46418, 1) // 46446: 2027-01-31 → 2027-02-28
 * edate(46418, 2) // 46477: 2027-03-31
 */
export function edate(serial: Serial, months: number, system: DateSystem = "1900"): Serial {
  const result = serialAfterMonths(serialToDate(serial, system), months, system);
  if (result < (system === "1904" ? 0 : 1) || result > (system === "1904" ? MAX_SERIAL_1904 : MAX_SERIAL_1900)) {
    throw numError("The date falls outside Excel's calendar (1900 to 9999).");
  }
  return result;
}

/**
 * Formats a serial as an ISO date, for messages and logs.
 *
 * @example
 * formatIsoDate(46386) // "2026-12-30"
 */
export function formatIsoDate(serial: Serial, system: DateSystem = "1900"): string {
  const { year, month, day } = serialToDate(serial, system);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Reads an ISO `YYYY-MM-DD` date. Returns `undefined` for anything else, including impossible days.
 *
 * @example
 * parseIsoDate("2026-07-01") // 46204
 */
export function parseIsoDate(text: string, system: DateSystem = "1900"): Serial | undefined {
  const match = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month, system)) return undefined;
  return dateToSerial({ year, month, day }, system);
}
