/**
 * Property-based tests, 10,000 cases per function: invariants on random valid terms, and robustness
 * on random garbage.
 */
import fc from "fast-check";
import { Decimal } from "../../src/core";
import * as F from "../../src/functions/functions";
import { CustomFunctionsErrorStub } from "../support/customFunctionsStub";
import { serialOf } from "../support/dates";

const RUNS = 10_000;

const validTerms = fc.record({
  start: fc.integer({ min: serialOf("1990-01-01"), max: serialOf("2080-12-31") }),
  days: fc.integer({ min: 0, max: 15 * 366 }),
  payment: fc.oneof(fc.integer({ min: 1, max: 2_000_000_000 }), fc.double({ min: 0.01, max: 1e9, noNaN: true })),
  frequency: fc.constantFrom("monthly", "quarterly", "semi-annual", "annual", 12, 4, 2, 1, null),
  escalation: fc.oneof(fc.constant(null), fc.double({ min: -0.2, max: 0.25, noNaN: true })),
  timing: fc.constantFrom("advance", "arrears", null),
  proration: fc.constantFrom("full", "actual", null),
  lockIn: fc.integer({ min: 0, max: 60 }),
  noticeDays: fc.integer({ min: 0, max: 400 }),
  noticeInLockIn: fc.boolean(),
  fee: fc.integer({ min: 0, max: 1_000_000 }),
});

describe("invariants on random valid terms", () => {
  it("LEASE_SCHEDULE sums to CONTRACT_VALUE and its cumulative never decreases", () => {
    fc.assert(
      fc.property(validTerms, (t) => {
        const end = t.start + t.days;
        const rows = F.leaseSchedule(t.start, end, [[t.payment]], t.frequency, t.escalation, t.timing, t.proration);
        const body = rows.slice(1);
        const total = F.contractValue(t.start, end, [[t.payment]], t.frequency, t.escalation, t.timing, t.proration);
        // Plain checks per row (jest's expect is too slow for 10,000 × hundreds of rows).
        let sum = new Decimal(0);
        let previous = -Infinity;
        let rowsConsistent = true;
        for (const [, start, last, paid, payment, cumulative] of body) {
          rowsConsistent &&= start <= last && (paid === start || paid === last) && cumulative >= previous;
          sum = sum.plus(payment);
          previous = cumulative;
        }
        expect(rowsConsistent).toBe(true);
        expect(body[0][1]).toBe(t.start);
        expect(body[body.length - 1][2]).toBe(end);
        expect(sum.toNumber()).toBe(total);
        expect(previous).toBe(total);
      }),
      { numRuns: RUNS },
    );
  });

  it("EXIT_VALUE ≤ CONTRACT_VALUE (+ fee) and EXIT_DATE lies within the term", () => {
    fc.assert(
      fc.property(validTerms, (t) => {
        const end = t.start + t.days;
        const pay = [[t.payment]];
        const total = F.contractValue(t.start, end, pay, t.frequency, t.escalation, t.timing, t.proration);
        const committed = F.exitValue(t.start, end, pay, t.lockIn, t.noticeDays, t.frequency, t.escalation, t.timing, t.proration, t.noticeInLockIn);
        const withFee = F.exitValue(
          t.start, end, pay, t.lockIn, t.noticeDays, t.frequency, t.escalation, t.timing, t.proration, t.noticeInLockIn, null, t.fee,
        );
        const exit = F.exitDateOf(t.start, end, t.lockIn, t.noticeDays, t.noticeInLockIn);
        expect(committed).toBeGreaterThanOrEqual(0);
        expect(committed).toBeLessThanOrEqual(total);
        // In decimals: total + fee as doubles can round below the exact sum.
        expect(new Decimal(withFee).lte(new Decimal(total).plus(t.fee))).toBe(true);
        expect(exit).toBeGreaterThanOrEqual(t.start);
        expect(exit).toBeLessThanOrEqual(end + 1);
        if (exit === end + 1) expect(committed).toBe(total);
      }),
      { numRuns: RUNS },
    );
  });

  it("CONTRACT_PV at a positive rate is below the total, and RUN_RATE is payment × periods a year", () => {
    fc.assert(
      fc.property(validTerms, fc.double({ min: 0.001, max: 0.5, noNaN: true }), (t, rate) => {
        const end = t.start + t.days;
        const total = F.contractValue(t.start, end, [[t.payment]], t.frequency, null, t.timing, t.proration);
        const pv = F.contractPv(t.start, end, [[t.payment]], rate, t.frequency, null, t.timing, t.proration);
        expect(pv).toBeGreaterThanOrEqual(0); // a one-day stub of a cent rounds to 0
        expect(pv).toBeLessThanOrEqual(total);
        const perYear = { monthly: 12, quarterly: 4, "semi-annual": 2, annual: 1, 12: 12, 4: 4, 2: 2, 1: 1, null: 12 }[String(t.frequency)]!;
        expect(F.runRate([[t.payment]], t.frequency)).toBe(new Decimal(t.payment).times(perYear).toNumber());
      }),
      { numRuns: RUNS },
    );
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
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -0, 0.5, 1e15),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("2026-07-01", "2029-12-31", "monthly", "quarterly", "arrears", "actual", "TRUE", "1e400", "-0"),
  fc.array(fc.array(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 60_000 }), fc.string({ maxLength: 4 })), { maxLength: 3 }), {
    maxLength: 4,
  }),
);

const FUNCTIONS: [string, (...args: never[]) => unknown, number][] = [
  ["LEASE_SCHEDULE", F.leaseSchedule, 7],
  ["CONTRACT_VALUE", F.contractValue, 7],
  ["CONTRACT_PV", F.contractPv, 8],
  ["EXIT_VALUE", F.exitValue, 12],
  ["EXIT_DATE", F.exitDateOf, 6],
  ["RUN_RATE", F.runRate, 6],
  ["GPU_HOUR_RATE", F.gpuHourRateOf, 4],
];

function isCleanCell(value: unknown): boolean {
  return (typeof value === "number" && Number.isFinite(value)) || typeof value === "string";
}

describe.each(FUNCTIONS)("%s on random garbage", (_name, fn, arity) => {
  it("returns finite numbers or strings, or throws a CustomFunctions.Error a user can read — nothing else", () => {
    fc.assert(
      fc.property(fc.array(garbage, { minLength: arity, maxLength: arity }), (args) => {
        let result: unknown;
        try {
          result = (fn as (...a: unknown[]) => unknown)(...args);
        } catch (error) {
          expect(error).toBeInstanceOf(CustomFunctionsErrorStub);
          // Every failure is a deliberate, explained one; never an internal crash.
          expect((error as Error).message).not.toMatch(/could not compute/);
          return;
        }
        if (Array.isArray(result)) {
          expect(result.length).toBeGreaterThan(1);
          expect(result.every((row) => Array.isArray(row) && row.length === 6 && row.every(isCleanCell))).toBe(true);
        } else {
          expect(isCleanCell(result)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
