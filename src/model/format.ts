/**
 * Locale-independent display of figures (the same text on every machine): thousands separated by
 * commas, a dot for decimals, ISO dates.
 */
import { Decimal, formatIsoDate, Serial } from "../core";

/**
 * @example
 * formatMoney(new Decimal("890322580.645")) // "890,322,580.65"
 */
export function formatMoney(amount: Decimal | number, decimals = 2): string {
  const fixed = new Decimal(amount).toFixed(decimals, Decimal.ROUND_HALF_UP);
  const [whole, fraction] = fixed.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${fraction ? "." + fraction : ""}`;
}

/**
 * @example
 * formatPercent(new Decimal("0.142857")) // "14.29%"
 */
export function formatPercent(ratio: Decimal | number, decimals = 2): string {
  return `${new Decimal(ratio).times(100).toFixed(decimals, Decimal.ROUND_HALF_UP)}%`;
}

export function formatDate(serial: Serial): string {
  return formatIsoDate(serial);
}
