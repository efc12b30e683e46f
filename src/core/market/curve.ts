/**
 * A market price curve: the price of the same capacity (per GPU-hour) for delivery on each future
 * date. One form everywhere: points of (date, price), read linearly between points and flat before
 * the first and after the last; a single price is a flat curve.
 */
import { DateSystem, edate, formatIsoDate, Serial } from "../dates";
import { numError, valueError } from "../errors";

/** One point of a curve: the price per GPU-hour for delivery on `date`. */
export interface CurvePoint {
  readonly date: Serial;
  readonly price: number;
}

/** Points in strictly ascending date order, at least one. */
export interface MarketCurve {
  readonly points: readonly CurvePoint[];
}

/** The highest price per GPU-hour accepted: anything above is a typing error. */
const MAX_PRICE = 1e9;

function checkPrice(price: number, where: string): number {
  if (typeof price !== "number" || !Number.isFinite(price)) throw valueError(`${where}: the price must be a number.`);
  if (price < 0) throw numError(`${where}: a price per GPU-hour cannot be negative.`);
  if (price >= MAX_PRICE) throw numError(`${where}: a price per GPU-hour must be below 1,000,000,000.`);
  return price;
}

/**
 * A flat curve: the same price on every date.
 *
 * @example
 * forwardPrice(flatCurve(2), 46204) // 2
 */
export function flatCurve(price: number): MarketCurve {
  return { points: [{ date: 0, price: checkPrice(price, "The market price") }] };
}

/**
 * Checks a curve's points: dates strictly ascending, prices finite and not negative.
 *
 * @example
 * curveFromPoints([{ date: 46204, price: 3 }, { date: 46569, price: 2 }]).points.length // 2
 */
export function curveFromPoints(points: readonly CurvePoint[], system: DateSystem = "1900"): MarketCurve {
  return curveOfOwnPoints(
    points.map((p) => ({ date: p.date, price: p.price })),
    system,
  );
}

/**
 * {@link curveFromPoints} for points the caller has just made and keeps no hold of (a curve argument
 * read from its cells): checked the same way, kept without a copy — a curve is read on every call of
 * a function that takes one, and copying its points doubled the reading's cost.
 *
 * @example
 * curveOfOwnPoints([{ date: 46204, price: 3 }, { date: 46569, price: 2 }]).points.length // 2
 */
export function curveOfOwnPoints(points: CurvePoint[], system: DateSystem = "1900"): MarketCurve {
  if (points.length === 0) throw valueError("The market curve is empty: give at least one row of date and price, or a single price.");
  for (let i = 0; i < points.length; i++) {
    // checkPrice only for a price it refuses: the row's name is built for the message, not per point.
    const price = points[i].price;
    if (!(typeof price === "number" && price >= 0 && price < MAX_PRICE)) checkPrice(price, `Curve row ${i + 1}`);
    if (i > 0 && points[i].date <= points[i - 1].date) {
      throw valueError(
        `The curve's dates must be in ascending order without repeats: row ${i + 1} (${formatIsoDate(points[i].date, system)}) is not after row ${i}.`,
      );
    }
  }
  return { points };
}

/**
 * The curve's price on a date: linear between the two points around it, flat before the first point
 * and after the last.
 *
 * @example
 * // Halfway between $3.00 on 2026-07-01 and $2.00 on 2027-07-01 (365 days): $2.50
 * forwardPrice(curveFromPoints([{ date: 46204, price: 3 }, { date: 46569, price: 2 }]), 46386.5) // 2.5
 */
export function forwardPrice(curve: MarketCurve, date: number): number {
  const points = curve.points;
  if (date <= points[0].date) return points[0].price;
  const last = points[points.length - 1];
  if (date >= last.date) return last.price;
  // Binary search for the last point on or before the date.
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid].date <= date) lo = mid;
    else hi = mid;
  }
  const a = points[lo];
  const b = points[hi];
  return a.price + ((b.price - a.price) * (date - a.date)) / (b.date - a.date);
}

/**
 * A curve that falls by a constant share a year: one point a month from the spot date, price =
 * spot × (1 − decline)^(months / 12). `months` points, the first on the spot date.
 *
 * @example
 * // $2.00 falling 25% a year: $1.50 twelve months on (2 × 0.75)
 * marketCurve(2, 46204, 0.25, 13).points[12] // { date: 46569, price: 1.5 }
 */
export function marketCurve(spot: number, spotDate: Serial, annualDecline: number, months: number, system: DateSystem = "1900"): MarketCurve {
  checkPrice(spot, "The spot price");
  if (!Number.isFinite(annualDecline) || annualDecline >= 1 || annualDecline <= -10) {
    throw numError("The annual decline must be below 100% (a rise is a negative decline, above −1000%).");
  }
  if (!Number.isInteger(months) || months < 1 || months > 1200) throw numError("The number of months must be a whole number from 1 to 1,200.");
  const points: CurvePoint[] = [];
  for (let k = 0; k < months; k++) {
    points.push({ date: edate(spotDate, k, system), price: spot * Math.pow(1 - annualDecline, k / 12) });
  }
  return curveFromPoints(points, system);
}

/** A term quote: the rate per GPU-hour for a contract of `months` months starting on the quote date. */
export interface TermQuote {
  readonly months: number;
  readonly rate: number;
}

/**
 * The forward curve implied by term quotes. A contract of t months at rate R costs R·t (per GPU and
 * month-hours); the forward between two term ends is F(t₁,t₂) = (R₂t₂ − R₁t₁)/(t₂ − t₁), and the
 * first term's own rate applies from the quote date. Each segment is two points — its first and its
 * last day — so the curve is flat within a segment.
 *
 * @example
 * // 12 months at $7.20, 36 months at $5.40: (5.40 × 36 − 7.20 × 12) / 24 = (194.40 − 86.40) / 24 = $4.50
 * forwardsFromTerms([{ months: 12, rate: 7.2 }, { months: 36, rate: 5.4 }], 46204).points
 * // [{46204, 7.2}, {46568, 7.2}, {46569, 4.5}, {47299, 4.5}]
 */
export function forwardsFromTerms(quotes: readonly TermQuote[], asOf: Serial, system: DateSystem = "1900"): MarketCurve {
  if (quotes.length === 0) throw valueError("terms is empty: give at least one row of contract length in months and rate per GPU-hour.");
  const sorted = [...quotes].sort((a, b) => a.months - b.months);
  sorted.forEach((quote, i) => {
    if (!Number.isInteger(quote.months) || quote.months < 1 || quote.months > 1200) {
      throw numError(`A contract length must be a whole number of months from 1 to 1,200, not ${quote.months}.`);
    }
    checkPrice(quote.rate, `The ${quote.months}-month rate`);
    if (i > 0 && quote.months === sorted[i - 1].months) throw valueError(`Two rates are given for ${quote.months} months.`);
  });
  const points: CurvePoint[] = [];
  let previous = { months: 0, rate: 0 };
  for (const quote of sorted) {
    const forward = (quote.rate * quote.months - previous.rate * previous.months) / (quote.months - previous.months);
    if (forward < 0) {
      throw numError(
        `The ${previous.months}- and ${quote.months}-month rates imply a negative price between them: ${quote.months} × ${quote.rate} is below ${previous.months} × ${previous.rate}.`,
      );
    }
    // Rounded to 1e-12: the division leaves binary noise (4.499999999999999) that should not show.
    const price = Math.round(forward * 1e12) / 1e12;
    points.push({ date: edate(asOf, previous.months, system), price });
    points.push({ date: edate(asOf, quote.months, system) - 1, price });
    previous = quote;
  }
  return curveFromPoints(points, system);
}
