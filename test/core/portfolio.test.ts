/**
 * The portfolio: backlog by fiscal year, per-deal figures and concentration. Goldens worked by hand
 * from the contracts; on random registers, the figures equal the sums of the single-deal core
 * functions (buildSchedule, exitOutcome), and the expected figure equals a brute-force weighting of
 * exitOutcome over every notice month.
 */
import fc from "fast-check";
import {
  buildSchedule,
  concentration,
  ContractTerms,
  Decimal,
  dealBacklog,
  earliestNoticeDate,
  edate,
  exitOutcome,
  fiscalYear,
  monthlyProbability,
  portfolioBacklog,
  portfolioFigures,
  PortfolioDeal,
  serialToDate,
  TermsInput,
  validateTerms,
} from "../../src/core";
import { SEED } from "../support/seed";
import { serialOf } from "../support/dates";

const deal = (counterparty: string, input: TermsInput, exitProbability = 0): PortfolioDeal & { input: TermsInput } => ({
  counterparty,
  terms: validateTerms(input),
  exitProbability,
  input,
});

/** Years as [year, headline, committed] strings, for readable comparisons. */
const years = (rows: ReturnType<typeof portfolioBacklog>) => rows.map((r) => [r.year, r.headline.toFixed(2), r.committed.toFixed(2)]);

// Northwind (illustrative): 60,000,000 a quarter in arrears, 2026-01-01 to 2028-12-31, actual days, 12-month
// lock-in with notice allowed during it, 180 days' notice, 50,000,000 fee.
const NORTHWIND: TermsInput = {
  startDate: serialOf("2026-01-01"),
  endDate: serialOf("2028-12-31"),
  payment: 60_000_000,
  frequency: "quarterly",
  timing: "arrears",
  proration: "actual",
  lockInMonths: 12,
  noticeDays: 180,
  noticeDuringLockIn: true,
  terminationFee: 50_000_000,
};
// Contoso (illustrative): 40,000,000 a month from 2025-10-01 to 2030-09-30, 3% a year, 24-month lock-in, 180 days.
const CONTOSO: TermsInput = {
  startDate: serialOf("2025-10-01"),
  endDate: serialOf("2030-09-30"),
  payment: 40_000_000,
  escalation: 0.03,
  lockInMonths: 24,
  noticeDays: 180,
};

describe("goldens by hand", () => {
  it("the seed alone: 2026 = 6 × 150M headline and committed; later years 12 × 150M headline, nothing committed", () => {
    // Jul–Dec 2026 are 6 payments of 150,000,000 = 900,000,000. Notice 2026-10-01 + 90 days → exit 2026-12-30,
    // so the six 2026 payments are committed (December begun, owed in full) and nothing after.
    expect(years(portfolioBacklog([deal("Reflection AI", SEED)]))).toEqual([
      [2026, "900000000.00", "900000000.00"],
      [2027, "1800000000.00", "0.00"],
      [2028, "1800000000.00", "0.00"],
      [2029, "1800000000.00", "0.00"],
    ]);
  });

  it("seed + quarterly in arrears with a fee + 3% escalation, calendar years", () => {
    // Northwind: 4 quarter-end payments of 60M a year → 240M in 2026, 2027, 2028. Notice may be served from the
    // start (2026-01-01) + 180 days = 2026-06-30, but not before the lock-in ends: exit 2027-01-01. Committed:
    // the four 2026 quarters (240M) and the 50M fee, due on the exit date → 2027.
    // Contoso: contract years Oct–Sep at 40M, 41.2M, 42.436M, 43.70908M, 45.0203524M (×1.03, rounded to cents:
    // exact here). Calendar 2025: 3 × 40M = 120M; 2026: 9 × 40M + 3 × 41.2M = 483.6M; 2027: 9 × 41.2M +
    // 3 × 42.436M = 498.108M; 2028: 9 × 42.436M + 3 × 43.70908M = 513.05124M; 2029: 9 × 43.70908M +
    // 3 × 45.0203524M = 528.4427772M; 2030: 9 × 45.0203524M = 405.1831716M. Exit: lock-in ends 2027-10-01
    // + 180 days = 2028-03-29 → committed through March 2028: 2028 = 3 × 42.436M = 127.308M.
    const rows = portfolioBacklog([deal("Reflection AI", SEED), deal("Northwind", NORTHWIND), deal("Contoso", CONTOSO)]);
    expect(years(rows)).toEqual([
      [2025, "120000000.00", "120000000.00"],
      [2026, "1623600000.00", "1623600000.00"], // 900M + 240M + 483.6M, all committed
      [2027, "2538108000.00", "548108000.00"], // 1,800M + 240M + 498.108M; committed 0 + 50M fee + 498.108M
      [2028, "2553051240.00", "127308000.00"], // 1,800M + 240M + 513.05124M
      [2029, "2328442777.20", "0.00"], // 1,800M + 528.4427772M
      [2030, "405183171.60", "0.00"],
    ]);
    // Totals: 6,300M + 720M + 2,548.3851888M = 9,568,385,188.80 headline; 900M + 290M + 1,229.016M committed.
    const figures = portfolioFigures([deal("Reflection AI", SEED), deal("Northwind", NORTHWIND), deal("Contoso", CONTOSO)]);
    expect(figures.totalHeadline.toFixed(2)).toBe("9568385188.80");
    expect(figures.totalCommitted.toFixed(2)).toBe("2419016000.00");
    expect(figures.deals.map((d) => [d.counterparty, d.committed.toFixed(2), d.exitDate])).toEqual([
      ["Reflection AI", "900000000.00", serialOf("2026-12-30")],
      ["Northwind", "290000000.00", serialOf("2027-01-01")],
      ["Contoso", "1229016000.00", serialOf("2028-03-29")],
    ]);
    // Run-rates at each start: 12 × 150M, 4 × 60M, 12 × 40M.
    expect(figures.deals.map((d) => d.runRate.toNumber())).toEqual([1.8e9, 240e6, 480e6]);
    expect(figures.deals[0].shareOfHeadline).toBeCloseTo(6300 / 9568.3851888, 12);
  });

  it("fiscal years ending in June: the year is the calendar year in which it ends", () => {
    // Seed: Jul 2026–Jun 2027 (FY2027) = 12 × 150M; FY2028, FY2029 likewise; Jul–Dec 2029 (FY2030) = 6 × 150M.
    expect(years(portfolioBacklog([deal("R", SEED)], { yearEndMonth: 6 }))).toEqual([
      [2027, "1800000000.00", "900000000.00"],
      [2028, "1800000000.00", "0.00"],
      [2029, "1800000000.00", "0.00"],
      [2030, "900000000.00", "0.00"],
    ]);
    expect(fiscalYear(serialOf("2026-06-30"), 6)).toBe(2026);
    expect(fiscalYear(serialOf("2026-07-01"), 6)).toBe(2027);
    expect(() => portfolioBacklog([deal("R", SEED)], { yearEndMonth: 13 })).toThrow(/year_end_month must be a whole number from 1/);
  });

  it("the same calendar in the 1904 date system, and before 1900-03-01 in the 1900 system (Excel's phantom day)", () => {
    // The seed in 1904 serials (1,462 fewer): the same years and amounts.
    const seed1904 = { ...SEED, dateSystem: "1904" as const, startDate: SEED.startDate - 1462, endDate: SEED.endDate - 1462 };
    expect(years(portfolioBacklog([deal("R", seed1904)]))).toEqual(years(portfolioBacklog([deal("R", SEED)])));
    // 1900-01-31 monthly to 1900-04-30: periods start Jan 31, Feb 29 (Excel's phantom day, serial 60), Mar 31, Apr 30:
    // four payments of 10 in 1900, matching buildSchedule's starts; a 12-month lock-in: no early exit, all committed.
    const old = deal("O", { startDate: 31, endDate: 121, payment: 10, lockInMonths: 12 });
    expect(years(portfolioBacklog([old]))).toEqual([[1900, "40.00", "40.00"]]);
    expect(buildSchedule(old.terms).map((p) => p.start)).toEqual([31, 60, 91, 121]);
  });

  it("as of a later day, at its close: only payments due after it, notice served the next day at the earliest", () => {
    // At the close of 2027-05-31 the seed's earliest notice (2026-10-01) has passed unserved: notice on 2027-06-01 +
    // 90 days → exit 2027-08-30; committed = Jun, Jul, Aug 2027 = 3 × 150M. Headline: Jun–Dec 2027 = 7 × 150M, then 2 × 1.8B.
    const asOf = serialOf("2027-05-31");
    const [figures] = portfolioFigures([deal("R", SEED)], { asOf }).deals;
    expect(figures.exitDate).toBe(serialOf("2027-08-30"));
    expect(figures.committed.toFixed(2)).toBe("450000000.00");
    expect(years(portfolioBacklog([deal("R", SEED)], { asOf }))).toEqual([
      [2027, "1050000000.00", "450000000.00"],
      [2028, "1800000000.00", "0.00"],
      [2029, "1800000000.00", "0.00"],
    ]);
    // A time of day is ignored: 2027-05-31 at noon is 2027-05-31, so June's payment still counts.
    expect(years(portfolioBacklog([deal("R", SEED)], { asOf: asOf + 0.5 }))).toEqual(years(portfolioBacklog([deal("R", SEED)], { asOf })));
    // At the close of 2027-06-01 June's payment (due that day, in advance) is paid: Jul–Dec 2027 = 6 × 150M; notice on
    // 06-02 + 90 days (Jun 2→Jul 2 30, →Aug 2 31, →Aug 31 29) → exit 2027-08-31, committed Jul + Aug = 300M.
    const june = portfolioFigures([deal("R", SEED)], { asOf: serialOf("2027-06-01") });
    expect(june.deals[0].exitDate).toBe(serialOf("2027-08-31"));
    expect(years([...june.backlog])[0]).toEqual([2027, "900000000.00", "300000000.00"]);
    // A notice date in the row stands, even in the past: served 2026-11-15 → exit 2027-02-13, so at the close of
    // 2026-12-31 January and February 2027 are committed: 300M.
    const served = deal("R", { ...SEED, noticeDate: serialOf("2026-11-15") });
    expect(portfolioFigures([served], { asOf: serialOf("2026-12-31") }).deals[0].committed.toFixed(2)).toBe("300000000.00");
    // As of the close of the day before the start, every payment counts: the same as no as-of day.
    expect(years(portfolioBacklog([deal("R", SEED)], { asOf: serialOf("2026-06-30") }))).toEqual(years(portfolioBacklog([deal("R", SEED)])));
    // At the close of the end date nothing is left.
    expect(portfolioFigures([deal("R", SEED)], { asOf: serialOf("2029-12-31") }).totalHeadline.toFixed(2)).toBe("0.00");
  });

  describe("expected payments: notice served each month it may be, with monthly probability q", () => {
    // Jul–Dec 2026 at 100 a month, 3-month lock-in, 30 days' notice. Notice may be served 2026-10-01 (exit
    // 10-31), 11-01 (exit 12-01) or 12-01 (exit 12-31, still before the end); from 2027-01-01 the exit would
    // fall after the end. p = 1 − 0.5^12 gives q = 0.5: probabilities 0.5, 0.25, 0.125, and 0.125 of no exit.
    const SMALL: TermsInput = { startDate: serialOf("2026-07-01"), endDate: serialOf("2026-12-31"), payment: 100, lockInMonths: 3, noticeDays: 30 };
    const p = 1 - 0.5 ** 12;

    it("q from p: notice within twelve months with probability p", () => {
      expect(monthlyProbability(p)).toBeCloseTo(0.5, 12);
      expect(1 - (1 - monthlyProbability(0.2)) ** 12).toBeCloseTo(0.2, 12);
      expect(monthlyProbability(0)).toBe(0);
      expect(monthlyProbability(1)).toBe(1);
    });

    it("full proration: 0.5 × 400 + 0.25 × 500 + 0.125 × 600 + 0.125 × 600 = 475", () => {
      // Exit 10-31: Jul–Oct owed (400); 12-01: Jul–Nov (500); 12-31: Dec begun, owed in full (600); none: 600.
      const b = dealBacklog(deal("S", SMALL, p));
      expect(b.totalExpected.toFixed(2)).toBe("475.00");
      expect([b.totalHeadline.toFixed(2), b.totalCommitted.toFixed(2)]).toEqual(["600.00", "400.00"]);
    });

    it("actual days and a fee: 0.5 × 396.77 + 0.25 × 500 + 0.125 × 596.77 + 0.125 × 600 + 0.875 × 10", () => {
      // Exit 10-31: October served 30 of 31 days → 96.77, so 396.77; exit 12-01: November complete, 500;
      // exit 12-31: December 30/31 → 596.77. Sum 198.385 + 125 + 74.59625 + 75 = 472.98125; the fee (10) is paid
      // on each of the three early exits: 0.875 × 10 = 8.75 → 481.73125 → 481.73.
      const b = dealBacklog(deal("S", { ...SMALL, proration: "actual", terminationFee: 10 }, p));
      expect(b.totalExpected.toFixed(2)).toBe("481.73");
      expect(b.totalCommitted.toFixed(2)).toBe("406.77"); // 396.77 + fee 10
    });

    it("the seed at p = 20%: 2027 by hand", () => {
      // Notice on the 1st of each month from 2026-10-01, effective 90 days later: exits 2026-12-30, 2027-01-30,
      // 03-01, 04-01, 05-02, 05-30, 06-30, 07-30, 08-30, 09-29, 10-30, 11-30, 12-30, … A 2027 month's payment
      // (due on its 1st, owed in full once begun) is paid unless an exit came on or before that day: the number
      // of such exits m is 1, 2, 3, 4, 4 (May 1 < May 2), 6, 7, 8, 9, 10, 11, 12 for January–December, and
      // P(none) = r^m with r = 1 − q = 0.8^(1/12). Σ r^m × 150,000,000 = 1,600,923,155.549… → 1,600,923,155.55.
      const b = dealBacklog(deal("R", SEED, 0.2));
      expect(b.firstYear).toBe(2026);
      expect(b.expected[1].toFixed(2)).toBe("1600923155.55");
      expect(b.expected[0].toFixed(2)).toBe("900000000.00"); // no exit takes effect before December 2026 begins
    });

    it("amounts that are not whole cents, or sums too large for cents in doubles, stay exact", () => {
      // Committed: Jul–Oct = 400, plus a fee of 0.005 → 400.005 (not rounded: the contract says 0.005).
      expect(dealBacklog(deal("S", { ...SMALL, terminationFee: 0.005 })).totalCommitted.toString()).toBe("400.005");
      // 42 × 90,000,000,000,000 = 3,780,000,000,000,000 (3.78e17 cents, past 2^53 ≈ 9.007e15).
      const huge = dealBacklog(deal("H", { ...SEED, payment: 9e13 }));
      expect(huge.totalHeadline.toFixed(2)).toBe("3780000000000000.00");
      expect(huge.totalCommitted.toFixed(2)).toBe("540000000000000.00"); // 6 × 9e13
      expect(portfolioBacklog([deal("H", { ...SEED, payment: 9e13 }), deal("R", SEED)])[0].headline.toFixed(2)).toBe("540000900000000.00");
    });

    it("p = 0 gives the headline and p = 1 the committed figure, exactly", () => {
      const seed0 = dealBacklog(deal("R", SEED, 0));
      const seed1 = dealBacklog(deal("R", SEED, 1));
      expect(seed0.expected.map(String)).toEqual(seed0.headline.map(String));
      expect(seed1.expected.map(String)).toEqual(seed1.committed.map(String));
    });
  });

  it("concentration: counterparties aggregated without case; largest share of headline and of committed", () => {
    const d = (counterparty: string, headline: number, committed: number) => ({
      counterparty,
      headline: new Decimal(headline),
      committed: new Decimal(committed),
    });
    // Acme = 30 + 20 = 50 of 100 headline; Beta has 40 of 70 committed (Acme 10 + 15 = 25).
    const c = concentration([d("Acme", 30, 10), d("Beta", 40, 40), d(" ACME ", 20, 15), d("Gamma", 10, 5)]);
    expect([c.headline.counterparty, c.headline.amount.toNumber(), c.headline.share]).toEqual(["Acme", 50, 0.5]);
    expect([c.committed.counterparty, c.committed.amount.toNumber()]).toEqual(["Beta", 40]);
    expect(c.committed.share).toBeCloseTo(40 / 70, 12);
    expect(concentration([]).headline).toEqual({ counterparty: "", amount: new Decimal(0), share: 0 });
  });
});

// ---------------------------------------------------------------------------------------------------
// Proof on random registers: the portfolio equals the sum of the single-deal core functions.

/** The terms committed uses from a day on (the day after the close asked about), built independently: validateTerms with the notice date set. */
function committedTerms(input: TermsInput, from: number | null): ContractTerms {
  const terms = validateTerms(input);
  if (from === null || terms.termination.noticeDate !== null || from <= earliestNoticeDate(terms)) return terms;
  return validateTerms({ ...input, noticeDate: from });
}

type ByYear = Map<number, Decimal>;
const addTo = (m: ByYear, year: number, amount: Decimal) => m.set(year, (m.get(year) ?? new Decimal(0)).plus(amount));

/** Committed payments by fiscal year from exitOutcome's rule, each owed period on its payment date. */
function committedByYear(terms: ContractTerms, asOf: number, fy: (s: number) => number): ByYear {
  const out: ByYear = new Map();
  const outcome = exitOutcome(terms);
  let owedTotal = new Decimal(0);
  for (const p of buildSchedule(terms)) {
    if (p.start >= outcome.exitDate) break;
    const cut = outcome.exitDate - 1 < p.end && terms.proration === "actual";
    const owed = cut ? p.rate.times(outcome.exitDate - p.start).dividedBy(p.fullDays).toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : p.payment;
    const paid = terms.timing === "advance" ? p.start : cut ? outcome.exitDate - 1 : p.end;
    owedTotal = owedTotal.plus(owed);
    if (paid >= asOf) addTo(out, fy(paid), owed);
  }
  if (outcome.early && outcome.exitDate >= asOf) addTo(out, fy(outcome.exitDate), outcome.fee);
  // The walk above is exitOutcome's own value: check it.
  expect(owedTotal.plus(outcome.fee).eq(outcome.value)).toBe(true);
  return out;
}

const arbInput = fc
  .record({
    start: fc.integer({ min: serialOf("2020-01-01"), max: serialOf("2035-12-31") }),
    days: fc.integer({ min: 0, max: 12 * 366 }),
    // Mostly ordinary amounts; sometimes one so large that sums in cents would pass 2^53 (summed in decimals).
    cents: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 50_000_000_000 }) }, { weight: 1, arbitrary: fc.constant(9e16) }),
    frequency: fc.constantFrom("monthly", "quarterly", "semiannual", "annual"),
    escalation: fc.constantFrom(0, 0.03, -0.05, 0.125),
    timing: fc.constantFrom("advance", "arrears"),
    proration: fc.constantFrom("full", "actual"),
    lockIn: fc.integer({ min: 0, max: 36 }),
    lockInDays: fc.option(fc.integer({ min: 0, max: 900 })),
    noticeDays: fc.integer({ min: 0, max: 400 }),
    noticeInLockIn: fc.boolean(),
    noticeDelay: fc.option(fc.integer({ min: 0, max: 500 })),
    fee: fc.constantFrom(0, 0, 1_000_000, 12.34, 12.345), // 12.345: not whole cents, summed in decimals
    ramp: fc.option(fc.record({ after: fc.integer({ min: 1, max: 400 }), cents: fc.integer({ min: 0, max: 10_000_000_000 }) })),
    p: fc.constantFrom(0, 0, 0.1, 0.5, 0.999, 1),
  })
  .map((r) => {
    const payment = r.cents / 100;
    const input: TermsInput = {
      startDate: r.start,
      endDate: r.start + r.days,
      payment: r.ramp ? [{ effectiveDate: r.start, amount: r.ramp.cents / 100 }, { effectiveDate: r.start + r.ramp.after, amount: payment }] : payment,
      frequency: r.frequency as TermsInput["frequency"],
      escalation: r.escalation,
      timing: r.timing as TermsInput["timing"],
      proration: r.proration as TermsInput["proration"],
      lockInMonths: r.lockIn,
      lockInLastDay: r.lockInDays === null ? null : r.start + r.lockInDays,
      noticeDays: r.noticeDays,
      noticeDuringLockIn: r.noticeInLockIn,
      terminationFee: r.fee,
    };
    const earliest = earliestNoticeDate(validateTerms(input));
    return { input: r.noticeDelay === null ? input : { ...input, noticeDate: earliest + r.noticeDelay }, p: r.p };
  });

const arbRegister = fc.record({
  deals: fc.array(arbInput, { minLength: 1, maxLength: 4 }),
  asOf: fc.option(fc.integer({ min: serialOf("2019-06-01"), max: serialOf("2040-01-01") })),
  yearEndMonth: fc.integer({ min: 1, max: 12 }),
});

describe("on random registers: equal to the single-deal core functions", () => {
  it("headline and committed by year = buildSchedule / exitOutcome by payment date; years sum to the totals", () => {
    fc.assert(
      fc.property(arbRegister, ({ deals, asOf, yearEndMonth }) => {
        const portfolio = deals.map((d, i) => ({ counterparty: `D${i % 2}`, terms: validateTerms(d.input), exitProbability: d.p }));
        const fy = (s: number) => {
          const { year, month } = serialToDate(s);
          return month > yearEndMonth ? year + 1 : year;
        };
        const headline: ByYear = new Map();
        const committed: ByYear = new Map();
        deals.forEach((d) => {
          const terms = validateTerms(d.input);
          // At the close of asOf, payments from the next day on count; without one, from the start.
          const from = asOf === null ? terms.startDate : asOf + 1;
          for (const p of buildSchedule(terms)) if (p.paymentDate >= from) addTo(headline, fy(p.paymentDate), p.payment);
          for (const [year, amount] of committedByYear(committedTerms(d.input, from), from, fy)) addTo(committed, year, amount);
        });
        const figures = portfolioFigures(portfolio, { asOf, yearEndMonth });
        for (const row of figures.backlog) {
          expect([row.year, row.headline.toFixed(2), row.committed.toFixed(2)]).toEqual([
            row.year,
            (headline.get(row.year) ?? new Decimal(0)).toFixed(2),
            (committed.get(row.year) ?? new Decimal(0)).toFixed(2),
          ]);
        }
        // Every year with an amount is in the backlog.
        const listed = new Set(figures.backlog.map((r) => r.year));
        for (const [year, amount] of [...headline, ...committed]) if (!amount.isZero()) expect(listed.has(year)).toBe(true);
        const sum = (key: "headline" | "committed" | "expected") => figures.backlog.reduce((s, r) => s.plus(r[key]), new Decimal(0));
        expect(sum("headline").eq(figures.totalHeadline)).toBe(true);
        expect(sum("committed").eq(figures.totalCommitted)).toBe(true);
        expect(sum("expected").eq(figures.totalExpected)).toBe(true);
        // Per deal, with no as-of day: the core's own totals and exit dates.
        if (asOf === null) {
          figures.deals.forEach((f, i) => {
            const terms = validateTerms(deals[i].input);
            const schedule = buildSchedule(terms);
            expect(f.headline.eq(schedule[schedule.length - 1].cumulative)).toBe(true);
            expect(f.committed.eq(exitOutcome(terms).value)).toBe(true);
            expect(f.exitDate).toBe(exitOutcome(terms).exitDate);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("expected = Σ over notice months of P(notice first served then) × exitOutcome's payments, + P(never) × headline", () => {
    fc.assert(
      fc.property(arbInput, fc.option(fc.integer({ min: serialOf("2019-06-01"), max: serialOf("2040-01-01") })), ({ input, p }, asOf) => {
        const terms = validateTerms(input);
        const from = asOf === null ? terms.startDate : asOf + 1;
        const q = 1 - (1 - p) ** (1 / 12);
        const fy = (s: number) => serialToDate(s).year;
        // Brute force: notice on the first permitted day (as of `from`), then every month after it.
        const base = committedTerms(input, from);
        const first = base.termination.noticeDate ?? earliestNoticeDate(base);
        if (input.noticeDate != null) {
          // A notice date in the row: notice is served then, so expected = committed, exactly.
          const b = dealBacklog({ counterparty: "X", terms, exitProbability: p }, { asOf });
          expect(b.expected.map(String)).toEqual(b.committed.map(String));
          return;
        }
        const expected = new Map<number, number>();
        let survive = 1;
        for (let j = 0; ; j++) {
          const termsJ = validateTerms({ ...input, noticeDate: edate(first, j) });
          if (!exitOutcome(termsJ).early) break;
          for (const [year, amount] of committedByYear(termsJ, from, fy)) expected.set(year, (expected.get(year) ?? 0) + survive * q * amount.toNumber());
          survive *= 1 - q;
        }
        for (const p2 of buildSchedule(terms)) {
          if (p2.paymentDate >= from) expected.set(fy(p2.paymentDate), (expected.get(fy(p2.paymentDate)) ?? 0) + survive * p2.payment.toNumber());
        }
        const b = dealBacklog({ counterparty: "X", terms, exitProbability: p }, { asOf });
        b.expected.forEach((amount, i) => {
          const want = expected.get(b.firstYear + i) ?? 0;
          expect(Math.abs(amount.toNumber() - want)).toBeLessThanOrEqual(0.01 + Math.abs(want) * 1e-12);
        });
        // At the extremes, exactly the headline (p = 0) or the committed figure (p = 1).
        if (p === 0) expect(b.totalExpected.eq(b.totalHeadline)).toBe(true);
        if (p === 1) expect(b.totalExpected.eq(b.totalCommitted)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
