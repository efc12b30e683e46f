/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands custom functions untyped cell values. */
/**
 * The DEAL market functions: a market price curve, the contract's mark against it, the break-even
 * prices at which each party gives notice, and both termination rights valued as options on the
 * market. Thin adapters to the core's market modules (src/core/market/).
 *
 * A curve argument is always one form: a two-column range of dates and prices per GPU-hour (an
 * optional header row; linear between points, flat outside them), or a single price for a flat
 * market. MARKET_CURVE and FORWARDS_FROM_TERMS spill that form, header included.
 */
import {
  breakevenPrices,
  buildSchedule,
  CurvePoint,
  curveOfOwnPoints,
  DealError,
  exitOption,
  FIELD,
  flatCurve,
  forwardPrice,
  forwardsFromTerms,
  MarketBasis,
  MarketCurve,
  marketCurve,
  markToMarket,
  readField,
  TermQuote,
  toNumber,
  valueError,
} from "../core";
import { isBlank } from "../core/vocabulary";
import {
  excelCall,
  readAmount,
  readArgNumber,
  readDate,
  readOptionalDate,
  readLeaseTerms,
  readScheduleTerms,
  readWhole,
} from "./excelArgs";

export const CURVE_HEADER = ["Date", "Price per GPU-hour"];
export const BREAKEVEN_HEADER = ["Notice date", "Exit date", "Tenant walks below", "Provider walks above"];
export const EXIT_OPTION_TABLE_HEADER = ["Notice date", "Exit date", "Survival", "Tenant gives notice", "Provider gives notice"];

/** A 1×1 range is its value. */
function single(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 ? value[0][0] : value;
}

/** A blank cell, as hosts send it (null, "", or 0 for an empty cell in a range). */
const blankCell = (cell: unknown) => isBlank(cell) || cell === 0;

/**
 * A curve point read from cells. Its own class, not an object literal: a cell's number may be a
 * double where the core's dates are small integers, and V8 would otherwise widen the field of every
 * `{ date, price }` object to a boxed double — MARKET_CURVE and FORWARDS_FROM_TERMS ran 3 to 5 times
 * slower after a call of FORWARD_PRICE on such cells (npm run bench).
 */
class CellPoint implements CurvePoint {
  constructor(
    readonly date: number,
    readonly price: number,
  ) {}
}

/**
 * A curve argument: a single price (flat), or a two-column range of dates and prices with an optional
 * header row (its first cell text that is not a date). Fully blank rows are ignored.
 */
export function readCurve(value: unknown, name = "curve"): MarketCurve {
  const v = single(value);
  if (!Array.isArray(v)) return flatCurve(readAmount(v, name));
  const rows = v as unknown[][];
  if (!rows.every((row) => Array.isArray(row) && row.length === 2)) {
    throw valueError(`${name} must be a price per GPU-hour or a two-column range of dates and prices.`);
  }
  const points: CurvePoint[] = [];
  for (let i = 0; i < rows.length; i++) {
    const date = rows[i][0];
    const price = rows[i][1];
    // A row of two numbers (not both 0, a blank row) is read as it is: what readDate and readAmount
    // return for a finite number, without building the names their messages would need.
    if (typeof date === "number" && typeof price === "number" && Number.isFinite(date) && Number.isFinite(price) && (date !== 0 || price !== 0)) {
      points.push(new CellPoint(date, price));
      continue;
    }
    if (blankCell(date) && blankCell(price)) continue;
    if (i === 0 && typeof date === "string" && !/^\s*\d/.test(date)) continue; // a header row
    points.push(new CellPoint(readDate(date, `${name} row ${i + 1} date`), readAmount(price, `${name} row ${i + 1} price`)));
  }
  if (points.length === 0) throw valueError(`${name} is empty: give a price per GPU-hour or rows of dates and prices.`);
  return curveOfOwnPoints(points);
}

/** The GPU count argument: a whole number above 0 (the market is priced per GPU-hour). */
function readGpus(value: unknown): number {
  const gpus = readField(FIELD.GpuCount, single(value), "gpus") as number | null;
  if (gpus === null) throw valueError("gpus is missing: the market is priced per GPU-hour, so give the number of GPUs.");
  return gpus;
}

/** GPUs, hours a month (the deal field's default, 730) and the discount rate. */
function readBasis(gpus: unknown, discountRate: unknown): MarketBasis {
  return {
    gpus: readGpus(gpus),
    hoursPerMonth: FIELD.HoursPerMonth.default as number,
    discountRate: readArgNumber(FIELD.DiscountRate, discountRate),
  };
}

/** A curve as spilled rows under its header. */
const curveRows = (curve: MarketCurve): any[][] => [[...CURVE_HEADER], ...curve.points.map((p) => [p.date, p.price])];

/**
 * A market price curve that falls by a constant share a year: a header row, then one row a month from spot_date (date, price per GPU-hour = spot_price × (1 − annual_decline)^(months since spot_date / 12)). Spills; any function's curve argument takes it.
 * @customfunction MARKET_CURVE
 * @helpurl https://localhost:3000/help.html#market_curve
 * @param spot_price Today's market price of the same capacity, per GPU-hour (e.g. 2.10).
 * @param spot_date The day the spot price was quoted (a date).
 * @param annual_decline The share by which the price falls each year (25% = 0.25; a rise is negative).
 * @param months Number of monthly rows, from 1 to 1,200 (the first on spot_date).
 * @returns The curve as a spilled range: date, price per GPU-hour.
 */
export function marketCurveOf(spot_price: any, spot_date: any, annual_decline: any, months: any): any[][] {
  return excelCall(() =>
    curveRows(
      marketCurve(
        readAmount(spot_price, "spot_price"),
        // Required here: the sheet's field may be blank (the start date), a function's argument may not.
        readDate(spot_date, "spot_date"),
        readArgNumber(FIELD.AnnualDecline, annual_decline),
        readWhole(months, "months"),
      ),
    ),
  );
}

/** The term quotes: a two-column range of contract lengths in months and rates per GPU-hour, an optional header. */
function readQuotes(value: unknown): TermQuote[] {
  const rows = value as unknown[][];
  if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row) && row.length === 2)) {
    throw valueError("terms must be a two-column range: contract lengths in months, and their rates per GPU-hour.");
  }
  const quotes: TermQuote[] = [];
  rows.forEach(([months, rate], i) => {
    if (blankCell(months) && blankCell(rate)) return;
    if (i === 0 && typeof months === "string" && !/^\s*\d/.test(months)) return; // a header row
    quotes.push({ months: readWhole(months, `terms row ${i + 1} months`), rate: readAmount(rate, `terms row ${i + 1} rate`) });
  });
  if (quotes.length === 0) throw valueError("terms is empty: give rows of contract length in months and rate per GPU-hour.");
  return quotes;
}

/**
 * The forward curve implied by term quotes: between two term ends the price is (R₂t₂ − R₁t₁)/(t₂ − t₁) — 12 months at 7.20 and 36 at 5.40 give 4.50 for months 13–36. A header row, then each segment's first and last day with its price. Spills.
 * @customfunction FORWARDS_FROM_TERMS
 * @helpurl https://localhost:3000/help.html#forwards_from_terms
 * @param terms Two-column range: contract lengths in months, and their rates per GPU-hour, quoted on as_of_date.
 * @param as_of_date The day the rates were quoted (a date): the first term starts then.
 * @returns The curve as a spilled range: date, price per GPU-hour.
 */
export function forwardsFromTermsOf(terms: any[][], as_of_date: any): any[][] {
  return excelCall(() => curveRows(forwardsFromTerms(readQuotes(terms), readDate(as_of_date, "as_of_date"))));
}

/**
 * The market price per GPU-hour on a date, read from a curve: linear between its points, flat before the first and after the last.
 * @customfunction FORWARD_PRICE
 * @helpurl https://localhost:3000/help.html#forward_price
 * @param curve Two-column range of dates and prices per GPU-hour (a header row allowed), or a single price.
 * @param date The delivery date asked about.
 * @returns Price per GPU-hour.
 */
export function forwardPriceOf(curve: any[][], date: any): number {
  return excelCall(() => forwardPrice(readCurve(curve), readDate(date, "date")));
}

/**
 * Mark-to-market at the close of as_of_date: the present value of (contract payment − market cost of the same GPU-hours) for every payment after as_of_date. Positive: the contract is worth more to the provider than re-letting at market; the tenant's mark is its negative.
 * @customfunction MARK_TO_MARKET
 * @helpurl https://localhost:3000/help.html#mark_to_market
 * @param start_date First day of service (a date).
 * @param end_date Last day of service, inclusive (a date).
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param gpus Number of GPUs the payment buys.
 * @param curve Market price per GPU-hour: a two-column range of dates and prices, or a single price.
 * @param discount_rate Annual discount rate (8% = 0.08), XNPV's convention (actual days / 365).
 * @param [as_of_date] The day valued, at its close. Default: the day before the start (the whole term).
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [timing] "advance" (default) or "arrears": when each payment, and the market cost beside it, falls.
 * @param [proration] How a final part period is charged: "full" (default) or "actual" (by days).
 * @returns The mark, positive in the provider's favour.
 */
export function markToMarketOf(
  start_date: any,
  end_date: any,
  payment: any[][],
  gpus: any,
  curve: any[][],
  discount_rate: any,
  as_of_date?: any,
  frequency?: any,
  escalation?: any,
  timing?: any,
  proration?: any,
): number {
  return excelCall(() => {
    const terms = readScheduleTerms({ startDate: start_date, endDate: end_date, payment, frequency, escalation, timing, proration });
    const asOf = readOptionalDate(as_of_date, "as_of_date");
    return toNumber(markToMarket(terms, readBasis(gpus, discount_rate), readCurve(curve), asOf ?? terms.startDate - 1));
  });
}

/**
 * Break-even market prices, one row per notice month: the price per GPU-hour, flat from the exit, below which the tenant gains by giving notice, and above which the provider does, net of the fee (paid by the party that leaves) and each party's switching cost. Spills with a header row.
 * @customfunction BREAKEVEN_PRICE
 * @helpurl https://localhost:3000/help.html#breakeven_price
 * @param start_date First day of service (a date).
 * @param end_date Last day of service, inclusive (a date).
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param lock_in_months Months from the start during which the contract cannot be ended (e.g. 3).
 * @param notice_days Days of notice before termination takes effect (e.g. 90).
 * @param gpus Number of GPUs the payment buys.
 * @param discount_rate Annual discount rate (8% = 0.08), XNPV's convention, to the exit date.
 * @param [tenant_switching_cost] What the tenant pays to move elsewhere if it gives notice. Default 0.
 * @param [provider_switching_cost] What the provider loses re-letting the capacity if it gives notice. Default 0.
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [timing] "advance" (default) or "arrears".
 * @param [proration] The period in which termination takes effect: "full" (default: owed in full) or "actual" (by days served).
 * @param [notice_in_lock_in] TRUE if notice may be served during the lock-in. Default FALSE (only after it).
 * @param [termination_fee] Fee paid on early termination by the party that leaves. Default 0.
 * @returns Notice date, exit date, the tenant's and the provider's break-even prices ("never" for an exit that leaves nothing after it).
 */
export function breakevenPriceOf(
  start_date: any,
  end_date: any,
  payment: any[][],
  lock_in_months: any,
  notice_days: any,
  gpus: any,
  discount_rate: any,
  tenant_switching_cost?: any,
  provider_switching_cost?: any,
  frequency?: any,
  escalation?: any,
  timing?: any,
  proration?: any,
  notice_in_lock_in?: any,
  termination_fee?: any,
): any[][] {
  return excelCall(() => {
    const terms = readLeaseTerms({
      startDate: start_date, endDate: end_date, payment, lockInMonths: lock_in_months, noticeDays: notice_days,
      frequency, escalation, timing, proration, noticeInLockIn: notice_in_lock_in, terminationFee: termination_fee,
    });
    const rows = breakevenPrices(
      terms,
      readBasis(gpus, discount_rate),
      readArgNumber(FIELD.TenantSwitchingCost, tenant_switching_cost),
      readArgNumber(FIELD.ProviderSwitchingCost, provider_switching_cost),
    );
    if (rows.length === 0) throw new DealError("na", "The contract cannot end early: no notice gives an exit before the end date.");
    // An exit in the last period owed in full leaves no GPU-hours after it: no price makes leaving pay.
    const price = (p: number) => (Number.isFinite(p) ? p : "never");
    return [[...BREAKEVEN_HEADER], ...rows.map((r) => [r.noticeDate, r.exitDate, price(r.tenantBelow), price(r.providerAbove)])];
  });
}

/**
 * Both termination rights valued as options on the market price (a binomial lattice on its logarithm, drift from the curve): each party's option value under joint play and on its own, the probability of an early end and by whom, the expected exit date and payments, then one row per notice month (survival, probability of notice by each party). Spills, each figure with its label.
 * @customfunction EXIT_OPTION
 * @helpurl https://localhost:3000/help.html#exit_option
 * @param start_date First day of service (a date).
 * @param end_date Last day of service, inclusive (a date).
 * @param payment Payment per period, or a two-column range of effective dates and amounts (a ramp).
 * @param lock_in_months Months from the start during which the contract cannot be ended (e.g. 3).
 * @param notice_days Days of notice before termination takes effect (e.g. 90).
 * @param gpus Number of GPUs the payment buys.
 * @param curve Market price per GPU-hour: a two-column range of dates and prices, or a single price.
 * @param volatility Annual volatility of the market price (40% = 0.4), from 0 to 300%.
 * @param discount_rate Annual discount rate (8% = 0.08), XNPV's convention, to the start date.
 * @param [tenant_switching_cost] What the tenant pays to move elsewhere if it gives notice. Default 0.
 * @param [provider_switching_cost] What the provider loses re-letting the capacity if it gives notice. Default 0.
 * @param [frequency] "monthly" (default), "quarterly", "semi-annual" or "annual"; or 12, 4, 2, 1 payments a year.
 * @param [escalation] Annual escalation, applied on each anniversary (3% = 0.03). Default 0.
 * @param [timing] "advance" (default) or "arrears".
 * @param [proration] The period in which termination takes effect: "full" (default: owed in full) or "actual" (by days served).
 * @param [notice_in_lock_in] TRUE if notice may be served during the lock-in. Default FALSE (only after it).
 * @param [termination_fee] Fee paid on early termination by the party that leaves. Default 0.
 * @returns Labelled figures, then the per-notice-month table.
 */
export function exitOptionOf(
  start_date: any,
  end_date: any,
  payment: any[][],
  lock_in_months: any,
  notice_days: any,
  gpus: any,
  curve: any[][],
  volatility: any,
  discount_rate: any,
  tenant_switching_cost?: any,
  provider_switching_cost?: any,
  frequency?: any,
  escalation?: any,
  timing?: any,
  proration?: any,
  notice_in_lock_in?: any,
  termination_fee?: any,
): any[][] {
  return excelCall(() => {
    const terms = readLeaseTerms({
      startDate: start_date, endDate: end_date, payment, lockInMonths: lock_in_months, noticeDays: notice_days,
      frequency, escalation, timing, proration, noticeInLockIn: notice_in_lock_in, terminationFee: termination_fee,
    });
    const r = exitOption(
      {
        terms,
        basis: readBasis(gpus, discount_rate),
        curve: readCurve(curve),
        volatility: readArgNumber(FIELD.Volatility, volatility),
        tenantSwitchingCost: readArgNumber(FIELD.TenantSwitchingCost, tenant_switching_cost),
        providerSwitchingCost: readArgNumber(FIELD.ProviderSwitchingCost, provider_switching_cost),
      },
      buildSchedule(terms),
    );
    const figure = (label: string, value: number): any[] => [label, value, "", "", ""];
    return [
      figure("Tenant's option value (joint play)", r.tenantOption),
      figure("Provider's option value (joint play)", r.providerOption),
      figure("Tenant's option value (on its own)", r.tenantOwn),
      figure("Provider's option value (on its own)", r.providerOwn),
      figure("Probability the contract ends early", r.probabilityEarly),
      figure("… by the tenant's notice", r.probabilityTenant),
      figure("… by the provider's notice", r.probabilityProvider),
      figure("Expected exit date", r.expectedExitDate),
      figure("Expected payments", toNumber(r.expectedPayments)),
      [...EXIT_OPTION_TABLE_HEADER],
      ...r.months.map((m) => [m.noticeDate, m.exitDate, m.survival, m.tenantNotice, m.providerNotice]),
    ];
  });
}
