/**
 * The value bridge core: committed value on a day, expected value, SLA credits, allowed downtime,
 * delivery. Golden figures are worked by hand from the contract (working in the comments); the
 * identities are checked on random terms with fast-check.
 */
import fc from "fast-check";
import {
  scheduleBefore,
  abateForDelivery,
  allowedDowntimeMinutes,
  buildSchedule,
  checkSlaTiers,
  committedValue,
  ContractTerms,
  Decimal,
  DealError,
  deliveryCommittedValue,
  exitOutcome,
  expectedValue,
  exitProbabilities,
  monthlyProbability,
  noticeMonths,
  OwedCursor,
  presentValue,
  slaCredit,
  TermsInput,
  totalValue,
  validateTerms,
  valueBridge,
} from "../../src/core";
import { serialOf } from "../support/dates";
import { SEED } from "../support/seed";

const seed = validateTerms(SEED);
const M150 = 150_000_000;

function dealError(fn: () => unknown): { kind: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof DealError) return { kind: error.kind, message: error.message };
    throw error;
  }
  throw new Error("expected a DealError");
}

/** Assumed SLA table for the examples (typical of GPU cloud contracts): below 99.9% 10%, below 99% 25%, below 95% 100%. */
const TIERS = [
  { below: 0.999, credit: 0.1 },
  { below: 0.99, credit: 0.25 },
  { below: 0.95, credit: 1 },
];

describe("committed value at the close of a day (docs/conventions.md#as-of-a-date)", () => {
  it("seed as of the day before the start (2026-06-30): nothing rendered, notice on 2026-10-01, exit 2026-12-30, July–December = 6 × 150,000,000 = 900,000,000 (EXIT_VALUE)", () => {
    const before = committedValue(seed, serialOf("2026-06-30"));
    expect(before.value.toString()).toBe("900000000");
    expect(before.noticeDate).toBe(serialOf("2026-10-01"));
    expect(before.exitDate).toBe(serialOf("2026-12-30"));
    expect(before.rendered.toString()).toBe("0");
    expect(before.value.toString()).toBe(exitOutcome(seed).value.toString());
    // Earlier still: nothing rendered either, and notice still waits for the lock-in's end.
    expect(committedValue(seed, serialOf("2026-06-01")).value.toString()).toBe("900000000");
  });

  it("seed at the close of the start date 2026-07-01: July 1 is served; July 2–31 is 30 of 31 days, 150,000,000 × 30/31 = 145,161,290.322… → 145,161,290.32, plus Aug–Dec 750,000,000", () => {
    expect(committedValue(seed, serialOf("2026-07-01")).value.toString()).toBe("895161290.32");
  });

  it("seed at the close of 2026-07-06: July from the 7th is 25 of its 31 days, 150,000,000 × 25/31 = 120,967,741.935… → 120,967,741.94, plus Aug–Dec 750,000,000", () => {
    expect(committedValue(seed, serialOf("2026-07-06")).value.toString()).toBe("870967741.94");
  });

  it("seed at the close of 2026-12-31 (a balance sheet date): notice on 2027-01-01 takes effect 90 days later (Jan 31 + Feb 28 + Mar 31 days), 2027-04-01: Jan–Mar, 450,000,000", () => {
    const close = committedValue(seed, serialOf("2026-12-31"));
    expect(close.noticeDate).toBe(serialOf("2027-01-01"));
    expect(close.exitDate).toBe(serialOf("2027-04-01"));
    expect(close.value.toString()).toBe("450000000");
    // With a 50,000,000 termination fee, owed on the early exit: 500,000,000.
    const withFee = validateTerms({ ...SEED, terminationFee: 50_000_000 });
    expect(committedValue(withFee, serialOf("2026-12-31")).value.toString()).toBe("500000000");
  });

  it("seed at the close of 2027-01-01: notice on 2027-01-02 exits 2027-04-02 (Jan 2→Feb 1 30 days, →Mar 1 28, →Apr 1 31, →Apr 2 1); April, begun, is owed in full under full proration", () => {
    const close = committedValue(seed, serialOf("2027-01-01"));
    expect(close.noticeDate).toBe(serialOf("2027-01-02"));
    expect(close.exitDate).toBe(serialOf("2027-04-02"));
    // January 2–31: 150,000,000 × 30/31 = 145,161,290.32; Feb + Mar 300,000,000; April in full 150,000,000.
    expect(close.value.toString()).toBe("595161290.32");
    // Actual days: April is owed for its 1st only, 150,000,000 × 1/30 = 5,000,000: 450,161,290.32.
    const actual = validateTerms({ ...SEED, proration: "actual" });
    expect(committedValue(actual, serialOf("2027-01-01")).value.toString()).toBe("450161290.32");
  });

  it("seed at the close of 2026-12-14: notice on 2026-12-15 to 2027-03-15 (Dec 15→Jan 15 31 days, →Feb 15 31, →Mar 15 28); full proration owes all of March", () => {
    // Full: December's last 17 of 31 days, 150,000,000 × 17/31 = 82,258,064.516… → 82,258,064.52; Jan, Feb, Mar in full.
    expect(committedValue(seed, serialOf("2026-12-14")).value.toString()).toBe("532258064.52");
    // Actual days: March for 14 of 31 days, 150,000,000 × 14/31 = 67,741,935.48; 82,258,064.52 + 300,000,000 + 67,741,935.48.
    const actual = validateTerms({ ...SEED, proration: "actual" });
    expect(committedValue(actual, serialOf("2026-12-14")).value.toString()).toBe("450000000");
  });

  it("notice allowed in the lock-in: as of the day before the start, notice on the start exits at the lock-in's end 2026-10-01: Jul–Sep 450,000,000; at the close of 2026-07-31 notice on 08-01 gives 2026-10-30: Aug–Oct, 450,000,000", () => {
    const inLockIn = validateTerms({ ...SEED, noticeDuringLockIn: true });
    expect(committedValue(inLockIn, serialOf("2026-06-30")).value.toString()).toBe("450000000");
    const aug = committedValue(inLockIn, serialOf("2026-07-31"));
    expect(aug.exitDate).toBe(serialOf("2026-10-30"));
    expect(aug.value.toString()).toBe("450000000");
  });

  it("at the close of 2029-12-30 one day of December remains, 150,000,000 / 31 = 4,838,709.677… → 4,838,709.68; at the close of the end date 2029-12-31, 0", () => {
    const last = committedValue(seed, serialOf("2029-12-30"));
    expect(last.early).toBe(false);
    expect(last.value.toString()).toBe("4838709.68");
    expect(committedValue(seed, serialOf("2029-12-31")).value.toString()).toBe("0");
    expect(committedValue(seed, serialOf("2030-01-01")).value.toString()).toBe("0");
    // The last day a date can be: still 0, no day after it is needed.
    expect(committedValue(seed, serialOf("9999-12-31")).value.toString()).toBe("0");
  });

  it("does not depend on when payments fall due: in arrears the same service remains", () => {
    const arrears = validateTerms({ ...SEED, timing: "arrears" });
    for (const day of ["2026-06-30", "2026-07-01", "2026-07-06", "2026-12-14", "2026-12-31", "2027-01-01"]) {
      expect(committedValue(arrears, serialOf(day)).value.toString()).toBe(committedValue(seed, serialOf(day)).value.toString());
    }
  });
});

describe("notice months and the expected value", () => {
  it("seed: notice on 2026-10-01 and each first of the month to 2029-10-01 (exit 2029-12-30); 2029-11-01 would exit after the end: 37 months", () => {
    const months = noticeMonths(seed);
    expect(months).toHaveLength(37);
    expect(months[0]).toMatchObject({ noticeDate: serialOf("2026-10-01"), exitDate: serialOf("2026-12-30") });
    expect(months[36]).toMatchObject({ noticeDate: serialOf("2029-10-01"), exitDate: serialOf("2029-12-30") });
    // V_k = 150,000,000 × (6 + k), except when the 90 days from the 1st cover Feb + Mar + Apr of a common year
    // (28 + 31 + 30 = 89 days): notice 2027-02-01 exits 2027-05-02, so May is begun too (k = 4, 28).
    const inMonths = months.map((m) => m.value.dividedBy(M150).toNumber());
    const byHand = months.map((_, k) => 6 + k + (k === 4 || k === 28 ? 1 : 0));
    expect(inMonths).toEqual(byHand);
  });

  it("monthly anniversaries come from the first notice date, never chained: a 31st gives the 30th, then the 31st again", () => {
    // Start 2027-01-31, 0 months lock-in, notice allowed: notice 2027-01-31, 2027-02-28, 2027-03-31, 2027-04-30.
    const terms = validateTerms({ startDate: serialOf("2027-01-31"), endDate: serialOf("2027-12-31"), payment: 1000, noticeDays: 30 });
    expect(noticeMonths(terms).slice(0, 4).map((m) => m.noticeDate)).toEqual(
      ["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"].map(serialOf),
    );
  });

  it("short term by hand: seed ending 2027-03-31, p such that 1 − q = 0.9 (1 − p = 0.9^12 = 0.282429536481): 1,265,850,000", () => {
    // Notice months: 2026-10-01 → exit 2026-12-30, Jul–Dec owed, V0 = 900,000,000;
    // 2026-11-01 → 2027-01-30, V1 = 1,050,000,000; 2026-12-01 → 2027-03-01, Jul–Feb, V2 = 1,200,000,000;
    // 2027-01-01 → 2027-04-01 is after the end. Total T = 9 × 150,000,000 = 1,350,000,000. q = 0.1:
    // E = 0.1 × 900 + 0.9 × 0.1 × 1,050 + 0.81 × 0.1 × 1,200 + 0.729 × 1,350 (millions)
    //   = 90 + 94.5 + 97.2 + 984.15 = 1,265.85 million.
    const short = validateTerms({ ...SEED, endDate: serialOf("2027-03-31") });
    // q is a double (a probability, like XNPV's discount factors): 0.1 to 15 places.
    expect(monthlyProbability(new Decimal("0.717570463519")).toDecimalPlaces(15).toString()).toBe("0.1");
    expect(expectedValue(short, "0.717570463519").toString()).toBe("1265850000");
    const probabilities = exitProbabilities(short, "0.717570463519");
    expect(probabilities.months.map((m) => m.probability.toDecimalPlaces(15).toString())).toEqual(["0.1", "0.09", "0.081"]);
    expect(probabilities.never.toDecimalPlaces(15).toString()).toBe("0.729");
  });

  it("seed over its whole term, in closed form: E = 900M + 150M × (Σ_{k=1..36} s^k + s^4 − s^5 + s^28 − s^29), s = (1 − p)^(1/12)", () => {
    // From the survival form E = V0 + Σ_{k≥1} (1 − q)^k (V_k − V_{k−1}) with V_37 = T: every step adds
    // 150M, except k = 4 and 28 (two months) and k = 5 and 29 (none); T − V36 = 0. Doubles are enough to the cent.
    const closedForm = (p: number) => {
      const s = Math.pow(1 - p, 1 / 12);
      const geometric = (s * (1 - Math.pow(s, 36))) / (1 - s);
      return 900e6 + M150 * (geometric + s ** 4 - s ** 5 + s ** 28 - s ** 29);
    };
    for (const p of [0.05, 0.2, 0.5, 0.9]) {
      expect(Math.abs(expectedValue(seed, p).toNumber() - closedForm(p))).toBeLessThan(0.006);
    }
    expect(expectedValue(seed, 0.2).toString()).toBe("4804200159.38");
  });

  it("p = 0 is the total, p = 1 the earliest exit; a contract that cannot end early is worth its total at any p", () => {
    expect(expectedValue(seed, 0).toString()).toBe("6300000000");
    expect(expectedValue(seed, 1).toString()).toBe("900000000");
    const locked = validateTerms({ ...SEED, lockInMonths: 42 });
    expect(noticeMonths(locked)).toHaveLength(0);
    expect(expectedValue(locked, 0.7).toString()).toBe("6300000000");
  });

  it("refuses a probability outside 0–100% (#NUM!)", () => {
    expect(dealError(() => expectedValue(seed, 1.2)).kind).toBe("num");
    expect(dealError(() => expectedValue(seed, -0.1)).kind).toBe("num");
  });

  it("a fee above the payments the last exits forgo makes exit worth more than staying: then E rises with p (the stated exception)", () => {
    const feeHeavy = validateTerms({ ...SEED, terminationFee: 10_000_000_000 });
    expect(expectedValue(feeHeavy, 1).gt(expectedValue(feeHeavy, 0))).toBe(true);
  });
});

describe("SLA credits and allowed downtime", () => {
  it("the deepest tier breached applies; at a threshold the tier is not breached", () => {
    // 150,000,000 × 10% = 15,000,000; × 25% = 37,500,000; × 100%.
    const credit = (uptime: number) => slaCredit(M150, uptime, TIERS).toString();
    expect(credit(0.9995)).toBe("0");
    expect(credit(0.999)).toBe("0");
    expect(credit(0.9989)).toBe("15000000");
    expect(credit(0.99)).toBe("15000000");
    expect(credit(0.985)).toBe("37500000");
    expect(credit(0.9)).toBe("150000000");
    // Rows in any order.
    expect(slaCredit(M150, 0.985, [...TIERS].reverse()).toString()).toBe("37500000");
    // To the cent, halves up: 1,000.05 × 10% = 100.005 → 100.01.
    expect(slaCredit(1000.05, 0.99, TIERS).toString()).toBe("100.01");
  });

  it("refuses a table it cannot read: empty, a repeated threshold, credits falling as breaches deepen, out of range", () => {
    expect(dealError(() => checkSlaTiers([])).kind).toBe("value");
    expect(dealError(() => checkSlaTiers([{ below: 0.99, credit: 0.1 }, { below: 0.99, credit: 0.2 }])).kind).toBe("value");
    const inverted = dealError(() => checkSlaTiers([{ below: 0.999, credit: 0.25 }, { below: 0.99, credit: 0.1 }]));
    expect(inverted.kind).toBe("value");
    expect(inverted.message).toMatch(/deeper breach must earn at least the same credit/);
    expect(dealError(() => checkSlaTiers([{ below: 99.9, credit: 0.1 }])).kind).toBe("num");
    expect(dealError(() => checkSlaTiers([{ below: 0, credit: 0.1 }])).kind).toBe("num");
    expect(dealError(() => slaCredit(M150, 1.5, TIERS)).kind).toBe("num");
  });

  it("99.9% allows 43.2 minutes in a 30-day month and 44.64 in a 31-day one (0.001 × days × 1,440)", () => {
    expect(allowedDowntimeMinutes(0.999, serialOf("2026-09-01")).toString()).toBe("43.2");
    expect(allowedDowntimeMinutes(0.999, serialOf("2026-07-01")).toString()).toBe("44.64");
    // February 2028 has 29 days: 41.76; a month from 2027-01-31 runs to 2027-02-27 (EDATE gives 02-28): 28 days, 40.32.
    expect(allowedDowntimeMinutes(0.999, serialOf("2028-02-01")).toString()).toBe("41.76");
    expect(allowedDowntimeMinutes(0.999, serialOf("2027-01-31")).toString()).toBe("40.32");
    // A given period: one week at 99.99% is 0.0001 × 7 × 1,440 = 1.008.
    expect(allowedDowntimeMinutes(0.9999, serialOf("2026-07-01"), serialOf("2026-07-07")).toString()).toBe("1.008");
    expect(dealError(() => allowedDowntimeMinutes(0.999, serialOf("2026-07-07"), serialOf("2026-07-01"))).kind).toBe("num");
  });
});

describe("delivery", () => {
  it("abates pro rata: July half delivered and August 80% → 75,000,000 + 30,000,000 short; the rest in full", () => {
    const abated = abateForDelivery(buildSchedule(seed), [0.5, 0.8]);
    expect(abated.shortfall.toString()).toBe("105000000");
    expect(abated.payable.toString()).toBe("6195000000");
    expect(abated.periods[0]).toMatchObject({ deliveredShare: new Decimal(0.5) });
    expect(abated.periods[1].abated.toString()).toBe("120000000");
    expect(dealError(() => abateForDelivery(buildSchedule(seed), [1.1])).kind).toBe("num");
    expect(dealError(() => abateForDelivery(buildSchedule(seed), new Array(43).fill(1))).kind).toBe("value");
  });

  it("a missed deadline lets the tenant leave: 60% of 100% by 2026-08-31 → July and August, 300,000,000; with 30 days' notice, to 2026-09-30: 450,000,000", () => {
    const deadline = { date: serialOf("2026-08-31"), requiredShare: 1, deliveredShare: 0.6 };
    const atOnce = deliveryCommittedValue(seed, deadline);
    expect([atOnce.breached, atOnce.exitUsed, atOnce.exitDate, atOnce.value.toString()]).toEqual([true, "delivery", serialOf("2026-08-31"), "300000000"]);
    expect(deliveryCommittedValue(seed, { ...deadline, noticeDays: 30 }).value.toString()).toBe("450000000");
    // Met: the ordinary 900,000,000 stands.
    const met = deliveryCommittedValue(seed, { ...deadline, deliveredShare: 1 });
    expect([met.breached, met.value.toString()]).toEqual([false, "900000000"]);
  });

  it("the tenant takes the cheaper way out: a late deadline (2027-06-30, 12 months owed) leaves the ordinary exit, unless its fee makes it dearer", () => {
    const late = { date: serialOf("2027-06-30"), requiredShare: 0.9, deliveredShare: 0.5 };
    expect(deliveryCommittedValue(seed, late)).toMatchObject({ exitUsed: "ordinary", value: new Decimal(900e6) });
    // Fee 2,000,000,000: ordinary 2,900,000,000 against Jul 2026–Jun 2027 = 12 × 150,000,000 = 1,800,000,000 with no fee.
    const withFee = validateTerms({ ...SEED, terminationFee: 2_000_000_000 });
    expect(deliveryCommittedValue(withFee, late)).toMatchObject({ exitUsed: "delivery", value: new Decimal(1.8e9) });
  });
});

describe("the seed's value bridge", () => {
  // Assumed for illustration: expected uptime 99.5% against TIERS (10% credit), July 50% and August 80% delivered,
  // 20% a year chance of notice, 8% discount rate.
  const bridge = valueBridge(seed, {
    discountRate: 0.08,
    annualExitProbability: 0.2,
    expectedUptime: 0.995,
    slaTiers: TIERS,
    deliveredShares: [0.5, 0.8],
  });
  const byKey = Object.fromEntries(bridge.lines.map((l) => [l.key, l]));

  it("in figures: 6,300,000,000 − 5,400,000,000 − 0 = 900,000,000 − 79,500,000 − 105,000,000 = 715,500,000", () => {
    // Credits on what is payable after abatement: 10% of 75M + 120M + 4 × 150M = 7.5M + 12M + 60M = 79.5M.
    // Shortfall: 75M + 30M = 105M. 900M − 79.5M − 105M = 715.5M.
    expect(bridge.lines.map((l) => [l.key, l.value.toString()])).toEqual([
      ["headline", "6300000000"],
      ["beyondExit", "-5400000000"],
      ["beyondDeliveryExit", "0"],
      ["committed", "900000000"],
      ["slaCredits", "-79500000"],
      ["deliveryShortfall", "-105000000"],
      ["riskAdjusted", "715500000"],
    ]);
    expect(bridge.expected!.value.toString()).toBe("4804200159.38");
    expect(bridge.expected!.lessExpectedExits.toString()).toBe("-1495799840.62");
  });

  it("present values at 8% (XNPV): the headline is CONTRACT_PV's 5,539,137,544.34; committed is Σ 150M × 1.08^(−d/365) over July–December", () => {
    expect(byKey.headline.presentValue!.toFixed(2)).toBe("5539137544.34");
    // Payment days from the start: 0, 31, 62, 92, 123, 153.
    const byHand = [0, 31, 62, 92, 123, 153].reduce((sum, d) => sum + M150 * Math.pow(1.08, -d / 365), 0);
    expect(Math.abs(byKey.committed.presentValue!.toNumber() - byHand)).toBeLessThan(1e-3);
    // Credits and shortfall are discounted from their months: 105M short is 75M at day 0 and 30M at day 31.
    const shortfallByHand = 75e6 + 30e6 * Math.pow(1.08, -31 / 365);
    expect(Math.abs(byKey.deliveryShortfall.presentValue!.toNumber() + shortfallByHand)).toBeLessThan(1e-3);
  });
});

// ---------------------------------------------------------------------------------------------
// Identities on random terms
// ---------------------------------------------------------------------------------------------

const RUNS = 300;
const START_MIN = serialOf("2000-01-01");
const START_MAX = serialOf("2060-12-31");

const arbTerms: fc.Arbitrary<TermsInput> = fc
  .record({
    start: fc.integer({ min: START_MIN, max: START_MAX }),
    days: fc.integer({ min: 0, max: 8 * 366 }),
    payment: fc.oneof(fc.integer({ min: 1, max: 2_000_000_000 }), fc.double({ min: 0.01, max: 1e9, noNaN: true })),
    frequency: fc.constantFrom("monthly", "quarterly", "semiannual", "annual"),
    escalation: fc.double({ min: -0.2, max: 0.25, noNaN: true }),
    timing: fc.constantFrom("advance", "arrears"),
    proration: fc.constantFrom("full", "actual"),
    lockIn: fc.integer({ min: 0, max: 48 }),
    noticeDays: fc.integer({ min: 0, max: 400 }),
    noticeInLockIn: fc.boolean(),
    fee: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500_000_000 })),
  })
  .map((t) => ({
    startDate: t.start,
    endDate: t.start + t.days,
    payment: t.payment,
    frequency: t.frequency as TermsInput["frequency"],
    escalation: t.escalation,
    timing: t.timing as TermsInput["timing"],
    proration: t.proration as TermsInput["proration"],
    lockInMonths: t.lockIn,
    noticeDays: t.noticeDays,
    noticeDuringLockIn: t.noticeInLockIn,
    terminationFee: t.fee,
  }));

const arbProbability = fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }));

/** The last notice month's value, and whether the fee condition for monotonicity holds (V_{K−1} ≤ T). */
function feeCondition(terms: ContractTerms): boolean {
  const months = noticeMonths(terms);
  return months.length === 0 || months[months.length - 1].value.lte(totalValue(buildSchedule(terms)));
}

describe("identities on random terms", () => {
  it("COMMITTED_VALUE reads the schedule only up to the exit: the same figures as from the whole schedule", () => {
    fc.assert(
      fc.property(arbTerms, fc.integer({ min: -400, max: 9 * 366 }), (input, offset) => {
        const terms = validateTerms(input);
        const asOf = terms.startDate + offset;
        const lazy = committedValue(terms, asOf);
        const whole = committedValue(terms, asOf, buildSchedule(terms));
        return lazy.value.eq(whole.value) && lazy.rendered.eq(whole.rendered) && lazy.exitDate === whole.exitDate;
      }),
      { numRuns: RUNS },
    );
    // And the head it reads: the seed's periods starting before 2026-12-30 are July to December.
    expect(scheduleBefore(validateTerms(SEED), serialOf("2026-12-30")).map((p) => p.start)).toEqual(
      ["2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01", "2026-12-01"].map(serialOf),
    );
  });

  it("every notice month's value is EXIT_VALUE with that notice date (the cumulative sums agree with exitOutcome)", () => {
    fc.assert(
      fc.property(arbTerms, (input) => {
        const terms = validateTerms(input);
        const schedule = buildSchedule(terms);
        for (const month of noticeMonths(terms, schedule)) {
          const direct = exitOutcome(validateTerms({ ...input, noticeDate: month.noticeDate }), schedule);
          if (!direct.early || direct.exitDate !== month.exitDate || !direct.value.eq(month.value)) return false;
        }
        return true;
      }),
      { numRuns: RUNS },
    );
  });

  it("the owed-before cursor agrees with exitOutcome for any exit date, and refuses to go back", () => {
    fc.assert(
      fc.property(arbTerms, fc.array(fc.integer({ min: 0, max: 9 * 366 }), { minLength: 1, maxLength: 8 }), (input, offsets) => {
        const terms = validateTerms({ ...input, terminationFee: 0, lockInMonths: 0, noticeDuringLockIn: false, noticeDays: 0 });
        const schedule = buildSchedule(terms);
        const cursor = new OwedCursor(terms, schedule);
        for (const offset of [...offsets].sort((a, b) => a - b)) {
          const notice = Math.min(terms.startDate + offset, terms.endDate);
          const direct = exitOutcome({ ...terms, termination: { ...terms.termination, noticeDate: notice } }, schedule);
          if (!cursor.owedBefore(direct.exitDate).eq(direct.value)) return false;
        }
        return true;
      }),
      { numRuns: RUNS },
    );
    const cursor = new OwedCursor(seed, buildSchedule(seed));
    cursor.owedBefore(serialOf("2027-01-01"));
    expect(() => cursor.owedBefore(serialOf("2026-08-01"))).toThrow();
  });

  it("COMMITTED_VALUE as of the day before the start (or earlier) equals EXIT_VALUE; it is never negative nor above what notice the next day leaves owing; at the close of the end date and after, 0", () => {
    fc.assert(
      fc.property(arbTerms, fc.integer({ min: -400, max: 9 * 366 }), (input, offset) => {
        const terms = validateTerms(input);
        const schedule = buildSchedule(terms);
        const exit = exitOutcome(terms, schedule).value;
        if (!committedValue(terms, terms.startDate - 1, schedule).value.eq(exit)) return false;
        if (!committedValue(terms, terms.startDate - 1 - (offset & 0xff), schedule).value.eq(exit)) return false;
        const on = committedValue(terms, terms.startDate + offset, schedule);
        if (on.value.isNegative() || on.value.gt(on.owedAtExit)) return false;
        if (terms.startDate + offset >= terms.endDate && !on.value.isZero()) return false;
        // Notice can be served the next day at the earliest, never on the day that has closed.
        if (terms.startDate + offset < terms.endDate && on.noticeDate <= terms.startDate + offset) return false;
        return on.owedAtExit.minus(on.rendered).eq(on.value);
      }),
      { numRuns: RUNS },
    );
  });

  it("EXPECTED_VALUE is CONTRACT_VALUE at p = 0, EXIT_VALUE at p = 1, and never increases with p (fee no larger than what the last exit forgoes)", () => {
    fc.assert(
      fc.property(arbTerms, fc.array(arbProbability, { minLength: 2, maxLength: 6 }), (input, ps) => {
        const terms = validateTerms(input);
        const schedule = buildSchedule(terms);
        if (!expectedValue(terms, 0, schedule).eq(totalValue(schedule))) return false;
        if (!expectedValue(terms, 1, schedule).eq(exitOutcome(terms, schedule).value)) return false;
        if (!feeCondition(terms)) return true;
        const values = [...ps].sort((a, b) => a - b).map((p) => expectedValue(terms, p, schedule));
        return values.every((v, i) => i === 0 || v.lte(values[i - 1]));
      }),
      { numRuns: RUNS },
    );
  });

  it("EXPECTED_VALUE, summed by period, is Σ_k P(first notice in month k) × V_k + P(never) × T to the cent", () => {
    fc.assert(
      fc.property(arbTerms, arbProbability, (input, p) => {
        const terms = validateTerms(input);
        const schedule = buildSchedule(terms);
        const { months, never, total } = exitProbabilities(terms, p, schedule);
        const direct = months.reduce((sum, m) => sum.plus(m.probability.times(m.value)), never.times(total));
        return expectedValue(terms, p, schedule).minus(direct).abs().lte("0.01");
      }),
      { numRuns: RUNS },
    );
  });

  it("exit probabilities sum to 1", () => {
    fc.assert(
      fc.property(arbTerms, arbProbability, (input, p) => {
        const probabilities = exitProbabilities(validateTerms(input), p);
        const sum = probabilities.months.reduce((s, m) => s.plus(m.probability), probabilities.never);
        return sum.minus(1).abs().lt("1e-14");
      }),
      { numRuns: RUNS },
    );
  });

  it("the bridge's steps sum exactly to its ends, nominal and present value; its ends are the core's own figures", () => {
    const arbOptions = fc.record({
      rate: fc.double({ min: -0.5, max: 0.6, noNaN: true }),
      p: arbProbability,
      uptime: fc.double({ min: 0.9, max: 1, noNaN: true }),
      shares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
      deadline: fc.option(
        fc.record({ offset: fc.integer({ min: 0, max: 800 }), required: fc.double({ min: 0, max: 1, noNaN: true }), notice: fc.integer({ min: 0, max: 120 }) }),
      ),
    });
    fc.assert(
      fc.property(arbTerms, arbOptions, (input, o) => {
        const terms = validateTerms(input);
        const schedule = buildSchedule(terms);
        const bridge = valueBridge(
          terms,
          {
            discountRate: o.rate,
            annualExitProbability: o.p,
            expectedUptime: o.uptime,
            slaTiers: TIERS,
            deliveredShares: o.shares.slice(0, schedule.length),
            deliveryDeadline: o.deadline && { date: terms.startDate + o.deadline.offset, requiredShare: o.deadline.required, noticeDays: o.deadline.notice },
          },
          schedule,
        );
        const [headline, beyond, beyondDelivery, committed, credits, shortfall, risk] = bridge.lines;
        for (const pick of [(l: typeof headline) => l.value, (l: typeof headline) => l.presentValue!]) {
          if (!pick(headline).plus(pick(beyond)).plus(pick(beyondDelivery)).eq(pick(committed))) return false;
          if (!pick(committed).plus(pick(credits)).plus(pick(shortfall)).eq(pick(risk))) return false;
        }
        if (!headline.value.eq(totalValue(schedule))) return false;
        if (!headline.value.plus(beyond.value).eq(exitOutcome(terms, schedule).value)) return false;
        const expected = bridge.expected!;
        if (!headline.value.plus(expected.lessExpectedExits).eq(expected.value)) return false;
        if (!expected.value.eq(expectedValue(terms, o.p, schedule))) return false;
        // The present values agree with CONTRACT_PV's to a thousandth of a cent per billion.
        const pv = presentValue(terms, new Decimal(o.rate), schedule);
        return headline.presentValue!.minus(pv).abs().lte(pv.abs().times("1e-12").plus("1e-6"));
      }),
      { numRuns: RUNS },
    );
  });

  it("the expected present value runs from the headline's (p = 0) to the committed one's (p = 1), fee discounted from the exit", () => {
    const withFee = validateTerms({ ...SEED, terminationFee: 50_000_000 });
    for (const terms of [seed, withFee]) {
      const at = (p: number) => valueBridge(terms, { discountRate: 0.08, annualExitProbability: p });
      expect(at(0).expected!.presentValue!.toFixed(2)).toBe(at(0).headline.presentValue!.toFixed(2));
      expect(at(1).expected!.presentValue!.toFixed(2)).toBe(at(1).committed.presentValue!.toFixed(2));
    }
    // The fee of 50,000,000 on 2026-12-30, 182 days from the start: 50,000,000 × 1.08^(−182/365) on top of the seed's.
    const feePv = 50e6 * Math.pow(1.08, -182 / 365);
    const committedPv = (terms: ContractTerms) => valueBridge(terms, { discountRate: 0.08 }).committed.presentValue!.toNumber();
    expect(Math.abs(committedPv(withFee) - committedPv(seed) - feePv)).toBeLessThan(1e-4);
  });

  it("without options the bridge is headline → committed (EXIT_VALUE) with zero SLA and delivery steps, and no present values", () => {
    const bridge = valueBridge(seed);
    expect(bridge.lines.map((l) => l.value.toString())).toEqual(["6300000000", "-5400000000", "0", "900000000", "0", "0", "900000000"]);
    expect(bridge.lines.every((l) => l.presentValue === null)).toBe(true);
    expect(bridge.expected).toBeNull();
    expect(dealError(() => valueBridge(seed, { expectedUptime: 0.99 })).kind).toBe("value");
  });
});
