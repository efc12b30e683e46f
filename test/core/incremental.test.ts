/**
 * The incremental schedule (rates once per anniversary or ramp step, cumulative in integer cents while
 * exact, exit value from the periods up to the exit) gives the same figures, to the last digit, as the
 * plain from-scratch computation it replaced (test/support/referenceSchedule.ts).
 */
import fc from "fast-check";
import {
  buildSchedule,
  ContractTerms,
  Decimal,
  exitOutcome,
  GrowthPowers,
  PeriodCursor,
  toNumber,
  validateTerms,
} from "../../src/core";
import { serialOf } from "../support/dates";
import { referenceExitValue, referenceSchedule } from "../support/referenceSchedule";

function expectSameSchedule(terms: ContractTerms) {
  const ours = buildSchedule(terms);
  const reference = referenceSchedule(terms);
  const simplify = (p: { start: number; end: number; fullDays: number; paymentDate: number; rate: Decimal; payment: Decimal; cumulative: Decimal }) =>
    [p.start, p.end, p.fullDays, p.paymentDate, p.rate.toString(), p.payment.toString(), p.cumulative.toString()].join(" ");
  expect(ours.map(simplify)).toEqual(reference.map(simplify));
  for (const p of ours) expect(p.cumulativeNumber === toNumber(p.cumulative)).toBe(true);
}

describe("the incremental schedule equals the from-scratch one", () => {
  const amount = fc.oneof(
    fc.integer({ min: 1, max: 2_000_000_000 }),
    fc.double({ min: 0.005, max: 1e9, noNaN: true }),
    fc.double({ min: 1e12, max: 9.99e14, noNaN: true }), // past 2^53 cents over a term: the decimal fallback
    fc.constantFrom("0.005", "1000.01", "45035996273704.96", "999999999999999.99"),
  );
  const terms = fc
    .record({
      start: fc.integer({ min: serialOf("1990-01-01"), max: serialOf("2080-12-31") }),
      days: fc.integer({ min: 0, max: 12_000 }),
      payment: fc.oneof(
        amount,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 12_000 }), fc.oneof(amount, fc.constant(0))), { minLength: 1, maxLength: 6 }),
      ),
      frequency: fc.constantFrom("monthly", "quarterly", "semiannual", "annual" as const),
      escalation: fc.oneof(
        fc.constant(0),
        fc.double({ min: -0.5, max: 1, noNaN: true }),
        fc.constantFrom("0.03", "0.035", "0.5", "0.0312345678901234567", "-0.2", "10"),
      ),
      timing: fc.constantFrom("advance", "arrears" as const),
      proration: fc.constantFrom("full", "actual" as const),
      lockIn: fc.integer({ min: 0, max: 120 }),
      noticeDays: fc.integer({ min: 0, max: 800 }),
      noticeInLockIn: fc.boolean(),
      fee: fc.integer({ min: 0, max: 1_000_000 }),
    })
    .map((t) => {
      const payment = Array.isArray(t.payment)
        ? [...new Map(t.payment.map(([offset, amount]) => [offset, amount])).entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([offset, amount], i) => ({ effectiveDate: i === 0 ? t.start : t.start + offset, amount }))
            .filter((step, i, all) => i === 0 || step.effectiveDate > all[i - 1].effectiveDate)
        : t.payment;
      return {
        startDate: t.start,
        endDate: Math.min(t.start + t.days, serialOf("2126-06-30")),
        payment,
        frequency: t.frequency,
        escalation: t.escalation,
        timing: t.timing,
        proration: t.proration,
        lockInMonths: t.lockIn,
        noticeDays: t.noticeDays,
        noticeDuringLockIn: t.noticeInLockIn,
        terminationFee: t.fee,
      };
    });

  it("on random terms: every period's dates, rate, payment and cumulative, and the exit value", () => {
    fc.assert(
      fc.property(terms, (input) => {
        let validated: ContractTerms;
        try {
          validated = validateTerms(input);
        } catch {
          return; // e.g. a term past 100 years: nothing to compare
        }
        expectSameSchedule(validated);
        expect(exitOutcome(validated).value.toString()).toBe(referenceExitValue(validated).toString());
        expect(exitOutcome(validated, buildSchedule(validated)).value.toString()).toBe(referenceExitValue(validated).toString());
      }),
      { numRuns: 300 },
    );
  });

  it("100 years monthly at 3%, 3.5%, 50% and 0.0312345678901234567: 1,200 periods, 99 anniversaries", () => {
    for (const escalation of ["0.03", "0.035", "0.5", "0.0312345678901234567"]) {
      expectSameSchedule(validateTerms({ startDate: serialOf("2026-07-01"), endDate: serialOf("2126-06-30"), payment: "1000.01", escalation }));
    }
  });
});

describe("escalation powers, one multiplication per anniversary", () => {
  it("equal decimal.js's pow for every year up to 99 and many growth factors", () => {
    const growths = ["1.03", "1.035", "0.8", "1.5", "11", "1.0312345678901234567", "1.000000000000000000000000000000001", "0.999999999999999999999999999999999"];
    for (const g of growths) {
      const powers = new GrowthPowers(new Decimal(g));
      for (let years = 1; years <= 99; years++) {
        expect([g, years, powers.power(years).toString()]).toEqual([g, years, new Decimal(g).pow(years).toString()]);
      }
    }
  });

  it("a tie at the 34th digit, where pow itself is used: 1.5^29 = 127834.03948858939111232757568359375 → …835938", () => {
    // 15^29 = 12783403948858939111232757568359375: 35 digits, the 35th a 5 and nothing after it, so
    // 1.5^29 = 127834.0394885893911123275756835937|5 rounds half up to …835938 at 34 digits.
    const expected = "127834.0394885893911123275756835938";
    expect(new Decimal("1.5").pow(29).toString()).toBe(expected);
    expect(new GrowthPowers(new Decimal("1.5")).power(29).toString()).toBe(expected);
  });

  it("on random growth factors and years", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ min: 0.01, max: 11, noNaN: true }).map((x) => new Decimal(x)), fc.integer({ min: 1, max: 9999 }).map((n) => new Decimal(n).dividedBy(1000))),
        fc.integer({ min: 1, max: 99 }),
        (growth, years) => {
          const powers = new GrowthPowers(growth);
          expect(powers.power(years).toString()).toBe(growth.pow(years).toString());
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("the integer-cents cumulative at its boundary, 2^53 − 1 cents", () => {
  // 2^52 cents = 45,035,996,273,704.96; 2^53 − 1 cents = 90,071,992,547,409.91.
  const start = serialOf("2026-07-01");
  const ramp = [
    { effectiveDate: start, amount: "45035996273704.96" },
    { effectiveDate: serialOf("2026-08-01"), amount: "45035996273704.95" },
  ];
  const terms = validateTerms({ startDate: start, endDate: serialOf("2026-10-31"), payment: ramp });

  it("is exact up to 2^53 − 1 cents and continues exactly in decimals past it", () => {
    const schedule = buildSchedule(terms);
    // 45,035,996,273,704.96 + 45,035,996,273,704.95 = 90,071,992,547,409.91 (= 2^53 − 1 cents, still in cents)
    // + 45,035,996,273,704.95 = 135,107,988,821,114.86 (past the bound: decimals)
    // + 45,035,996,273,704.95 = 180,143,985,094,819.81
    expect(schedule.map((p) => p.cumulative.toString())).toEqual([
      "45035996273704.96",
      "90071992547409.91",
      "135107988821114.86",
      "180143985094819.81",
    ]);
    expect(schedule.map((p) => p.cumulativeNumber)).toEqual([45035996273704.96, 90071992547409.91, 135107988821114.86, 180143985094819.81]);
  });

  it("gives the same exit value whichever side of the bound the exit falls", () => {
    for (const lockInMonths of [1, 2, 3]) {
      const t = validateTerms({ startDate: start, endDate: serialOf("2026-10-31"), payment: ramp, lockInMonths });
      expect(exitOutcome(t).value.toString()).toBe(referenceExitValue(t).toString());
    }
    // lock-in 2 months, no notice: exit 2026-09-01, July and August owed = 90,071,992,547,409.91
    expect(exitOutcome(validateTerms({ startDate: start, endDate: serialOf("2026-10-31"), payment: ramp, lockInMonths: 2 })).value.toString()).toBe(
      "90071992547409.91",
    );
  });

  it("converts a rate to cents through the double up to 2^50 cents and through decimals above it", () => {
    // 2^50 cents = 11,258,999,068,426.24: the largest amount the double path takes.
    // Six months: 11,258,999,068,426 × 6 = 67,553,994,410,556, plus 6 × the cents.
    const cases: [string, string][] = [
      ["11258999068426.23", "67553994410557.38"],
      ["11258999068426.24", "67553994410557.44"],
      ["11258999068426.25", "67553994410557.5"],
      ["11258999068426.29", "67553994410557.74"],
    ];
    for (const [amount, sixMonths] of cases) {
      const schedule = buildSchedule(validateTerms({ startDate: start, endDate: serialOf("2026-12-31"), payment: amount }));
      expect([amount, schedule[5].cumulative.toString(), schedule[5].cumulativeNumber]).toEqual([amount, sixMonths, Number(sixMonths)]);
    }
  });

  it("the cursor stops after the last period", () => {
    const cursor = new PeriodCursor(terms);
    const seen = [cursor.next(), cursor.next(), cursor.next(), cursor.next(), cursor.next(), cursor.next()];
    expect(seen.map((p) => p?.number)).toEqual([1, 2, 3, 4, undefined, undefined]);
  });
});
