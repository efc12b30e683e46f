/**
 * The DEAL value functions as Excel calls them: raw cell values in, a number or a
 * CustomFunctions.Error out. Golden figures worked by hand in test/core/valueBridge.test.ts.
 */
import fc from "fast-check";
import * as F from "../../src/functions/functions";
import * as V from "../../src/functions/value";
import { CustomFunctionsErrorStub } from "../support/customFunctionsStub";
import { serialOf } from "../support/dates";
import { excelError } from "../support/excelError";

const START = serialOf("2026-07-01");
const END = serialOf("2029-12-31");
const PAY = [[150_000_000]];
const TIERS = [
  [0.999, 0.1],
  [0.99, 0.25],
  [0.95, 1],
];

describe("COMMITTED_VALUE", () => {
  it("seed, at the close of as_of_date: 900,000,000 the day before the start (= EXIT_VALUE); 450,000,000 at 2026-12-31; 870,967,741.94 at 2026-07-06; 0 at the end date", () => {
    expect(V.committedValueOf(START, END, PAY, 3, 90, "2026-06-30")).toBe(900_000_000);
    // Notice on 2027-01-01 (the next day) + 90 days → exit 2027-04-01: Jan–Mar.
    expect(V.committedValueOf(START, END, PAY, 3, 90, "2026-12-31")).toBe(450_000_000);
    // July from the 7th: 150,000,000 × 25/31 = 120,967,741.94; plus Aug–Dec.
    expect(V.committedValueOf(START, END, PAY, 3, 90, serialOf("2026-07-06"))).toBe(870_967_741.94);
    // At the close of the end date every day is served.
    expect(V.committedValueOf(START, END, PAY, 3, 90, END)).toBe(0);
  });

  it("takes the options in the shared order: notice in the lock-in gives 450,000,000 on the start; a fee of 50,000,000 is added on an early exit", () => {
    expect(V.committedValueOf(START, END, PAY, 3, 90, "2026-06-30", null, null, null, null, true)).toBe(450_000_000);
    expect(V.committedValueOf(START, END, PAY, 3, 90, "2026-12-31", null, null, null, null, null, 50_000_000)).toBe(500_000_000);
    // December from the 15th, notice to 2027-03-15, March by days: 82,258,064.52 + 300,000,000 + 67,741,935.48.
    expect(V.committedValueOf(START, END, PAY, 3, 90, "2026-12-14", null, null, null, "actual")).toBe(450_000_000);
  });

  it("on random terms, as of the day before the start, equals EXIT_VALUE with the same arguments (fee included)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: serialOf("2000-01-01"), max: serialOf("2060-12-31") }),
        fc.integer({ min: 0, max: 6 * 366 }),
        fc.double({ min: 0.01, max: 1e9, noNaN: true }),
        fc.constantFrom("monthly", "quarterly", "annual", null),
        fc.constantFrom(null, 0.03),
        fc.constantFrom("advance", "arrears"),
        fc.constantFrom("full", "actual"),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 200 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 100_000_000 }),
        (start, days, pay, frequency, escalation, timing, proration, lockIn, notice, inLockIn, fee) => {
          const end = start + days;
          const committed = V.committedValueOf(start, end, [[pay]], lockIn, notice, start - 1, frequency, escalation, timing, proration, inLockIn, fee);
          const exit = F.exitValue(start, end, [[pay]], lockIn, notice, frequency, escalation, timing, proration, inLockIn, null, fee);
          return committed === exit;
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answers a missing or malformed date with #VALUE! and a message that names it", () => {
    expect(excelError(() => V.committedValueOf(START, END, PAY, 3, 90, null))).toEqual({
      code: "#VALUE!",
      message: "as_of_date is missing: give a date.",
    });
    expect(excelError(() => V.committedValueOf(START, END, PAY, 3, 90, "soon")).message).toBe('as_of_date must be a date, not the text "soon".');
    expect(excelError(() => V.committedValueOf(END, START, PAY, 3, 90, START)).code).toBe("#NUM!");
  });
});

describe("EXPECTED_VALUE", () => {
  it("seed: 6,300,000,000 at 0 (CONTRACT_VALUE), 900,000,000 at 1 (EXIT_VALUE), 4,804,200,159.38 at 20%", () => {
    expect(V.expectedValueOf(START, END, PAY, 3, 90, 0)).toBe(F.contractValue(START, END, PAY));
    expect(V.expectedValueOf(START, END, PAY, 3, 90, 1)).toBe(F.exitValue(START, END, PAY, 3, 90));
    expect(V.expectedValueOf(START, END, PAY, 3, 90, 0.2)).toBe(4_804_200_159.38);
  });

  it("short term by hand (end 2027-03-31, 1 − q = 0.9): 1,265,850,000", () => {
    expect(V.expectedValueOf(START, "2027-03-31", PAY, 3, 90, 0.717570463519)).toBe(1_265_850_000);
  });

  it("reads the probability by the rate rule: 0.2 or \"20%\"; a bare 20 is ambiguous, 120% impossible, blank missing", () => {
    expect(V.expectedValueOf(START, END, PAY, 3, 90, "20%")).toBe(4_804_200_159.38);
    expect(excelError(() => V.expectedValueOf(START, END, PAY, 3, 90, 20))).toEqual({
      code: "#VALUE!",
      message: "annual_exit_probability 20 is ambiguous: write 20% or 0.2.",
    });
    expect(excelError(() => V.expectedValueOf(START, END, PAY, 3, 90, "120%")).code).toBe("#NUM!");
    expect(excelError(() => V.expectedValueOf(START, END, PAY, 3, 90, -0.1)).code).toBe("#NUM!");
    expect(excelError(() => V.expectedValueOf(START, END, PAY, 3, 90, "")).message).toMatch(/^annual_exit_probability is missing/);
  });

  it("on random terms: CONTRACT_VALUE at 0, EXIT_VALUE at 1, never above CONTRACT_VALUE nor below EXIT_VALUE without a fee", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: serialOf("2000-01-01"), max: serialOf("2060-12-31") }),
        fc.integer({ min: 0, max: 6 * 366 }),
        fc.integer({ min: 1, max: 2_000_000_000 }),
        fc.constantFrom("monthly", "quarterly", null),
        fc.constantFrom("full", "actual"),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 200 }),
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (start, days, pay, frequency, proration, lockIn, notice, inLockIn, p) => {
          const end = start + days;
          const total = F.contractValue(start, end, [[pay]], frequency, null, null, proration);
          const exit = F.exitValue(start, end, [[pay]], lockIn, notice, frequency, null, null, proration, inLockIn);
          const at = (prob: number) =>
            V.expectedValueOf(start, end, [[pay]], lockIn, notice, prob, frequency, null, null, proration, inLockIn);
          return at(0) === total && at(1) === exit && at(p) <= total && at(p) >= exit;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("SLA_CREDIT", () => {
  it("150,000,000 at 98.5% against tiers 99.9% → 10%, 99% → 25%, 95% → 100%: the deepest breached, 25% = 37,500,000", () => {
    expect(V.slaCreditOf(150_000_000, 0.985, TIERS)).toBe(37_500_000);
    expect(V.slaCreditOf(150_000_000, 0.9989, TIERS)).toBe(15_000_000);
    expect(V.slaCreditOf(150_000_000, 0.999, TIERS)).toBe(0);
    expect(V.slaCreditOf([[150_000_000]] as never, 0.5, TIERS)).toBe(150_000_000);
  });

  it("reads the table as a range, ignoring blank rows, in any order", () => {
    expect(V.slaCreditOf(150_000_000, 0.985, [[0.95, 1], [null, null], [0.99, 0.25], ["", ""], [0.999, 0.1]])).toBe(37_500_000);
  });

  it("explains a table it cannot read", () => {
    expect(excelError(() => V.slaCreditOf(150_000_000, 0.985, [[0.999]])).message).toMatch(/two-column range/);
    expect(excelError(() => V.slaCreditOf(150_000_000, 0.985, [[null, null]])).message).toMatch(/table is empty/);
    expect(excelError(() => V.slaCreditOf(150_000_000, 0.985, [[0.999, "ten"]])).message).toMatch(/^tiers row 1 credit must be a rate .*"ten"/);
    expect(excelError(() => V.slaCreditOf(150_000_000, 99.5, TIERS)).message).toBe("uptime 99.5 is ambiguous: write 99.5% or 0.995.");
    // Percent text reads as the rate rule says.
    expect(V.slaCreditOf(150_000_000, "99.5%", [["99.9%", "10%"]])).toBe(15_000_000);
  });
});

describe("DOWNTIME_ALLOWED", () => {
  it("99.9%: 43.2 minutes in September (30 days), 44.64 in July (31 days); a given period; dates as text", () => {
    expect(V.downtimeAllowed(0.999, serialOf("2026-09-01"))).toBe(43.2);
    expect(V.downtimeAllowed(0.999, START)).toBe(44.64);
    expect(V.downtimeAllowed(0.999, "2026-09-01", null)).toBe(43.2);
    // 2026-07-01 to 2026-09-30: 92 days × 1.44 = 132.48.
    expect(V.downtimeAllowed(0.999, START, "2026-09-30")).toBe(132.48);
    expect(excelError(() => V.downtimeAllowed(0.999, "2026-09-30", START)).code).toBe("#NUM!");
    expect(excelError(() => V.downtimeAllowed(1.2, START)).code).toBe("#VALUE!"); // 1.2 is ambiguous: 1.2% or 120%?
    expect(excelError(() => V.downtimeAllowed("120%", START)).code).toBe("#NUM!");
    expect(V.downtimeAllowed("99.9%", START)).toBe(44.64);
  });

  it("refuses, by name, a month that would end after Excel's calendar (9999-12-31): no answer for year 10000", () => {
    const e = excelError(() => V.downtimeAllowed(0.999, serialOf("9999-12-31")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/9999-12-31.*period_end/);
    // December 9999 itself is within the calendar: 31 days × 1.44 = 44.64; with an explicit end, the last day alone: 1.44.
    expect(V.downtimeAllowed(0.999, serialOf("9999-12-01"))).toBe(44.64);
    expect(V.downtimeAllowed(0.999, serialOf("9999-12-31"), serialOf("9999-12-31"))).toBe(1.44);
  });
});

/** Values a careless user, a broken reference or Excel itself might pass. */
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(""),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: -5, max: 3_000_000 }),
  fc.integer({ min: 40_000, max: 60_000 }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -0, 0.5, 0.999, 1, 1e15),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("2026-07-01", "2029-12-31", "monthly", "arrears", "actual", "TRUE", "1e400", "-0"),
  fc.array(fc.array(fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1 }), fc.integer({ min: 0, max: 60_000 }), fc.string({ maxLength: 4 })), { maxLength: 3 }), {
    maxLength: 4,
  }),
);

const VALUE_FUNCTIONS: [string, (...args: never[]) => unknown, number][] = [
  ["COMMITTED_VALUE", V.committedValueOf, 12],
  ["EXPECTED_VALUE", V.expectedValueOf, 12],
  ["SLA_CREDIT", V.slaCreditOf, 3],
  ["DOWNTIME_ALLOWED", V.downtimeAllowed, 3],
];

describe.each(VALUE_FUNCTIONS)("%s on random garbage", (_name, fn, arity) => {
  it("returns a finite number, or throws a CustomFunctions.Error a user can read — nothing else", () => {
    fc.assert(
      fc.property(fc.array(garbage, { minLength: arity, maxLength: arity }), (args) => {
        let result: unknown;
        try {
          result = (fn as (...a: unknown[]) => unknown)(...args);
        } catch (error) {
          // Every failure is a deliberate, explained one; never an internal crash.
          return error instanceof CustomFunctionsErrorStub && !/could not compute/.test(error.message);
        }
        return typeof result === "number" && Number.isFinite(result);
      }),
      { numRuns: 2000 },
    );
  });
});

describe.each(VALUE_FUNCTIONS.slice(0, 2))("%s on the seed with random garbage from the sixth argument on", (_name, fn) => {
  it("returns a finite number or an explained Excel error", () => {
    fc.assert(
      fc.property(fc.array(garbage, { minLength: 7, maxLength: 7 }), (rest) => {
        try {
          const result = (fn as (...a: unknown[]) => unknown)(START, END, PAY, 3, 90, ...rest);
          return typeof result === "number" && Number.isFinite(result);
        } catch (error) {
          return error instanceof CustomFunctionsErrorStub && !/could not compute/.test(error.message);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
