/**
 * The edges of the terms (test/core/term-edges.test.ts) through the DEAL functions: one validation,
 * so every function accepts or refuses the same terms; EXIT_DATE never returns a day Excel cannot
 * show; RUN_RATE is 0 after the end; sub-cent payments are refused.
 */
import fc from "fast-check";
import * as F from "../../src/functions/functions";
import { CustomFunctionsErrorStub } from "../support/customFunctionsStub";
import { serialOf } from "../support/dates";
import { excelError } from "../support/excelError";

const MAX_SERIAL = 2958465; // 9999-12-31, Excel's last day

/** "ok" or the Excel error code a call ends in. */
function outcome(fn: () => unknown): string {
  try {
    fn();
    return "ok";
  } catch (error) {
    if (error instanceof CustomFunctionsErrorStub) return error.code;
    throw error;
  }
}

describe("every DEAL function accepts or refuses the same terms", () => {
  // Starts up to 9997-12-31 so that a lock-in of up to 24 months always fits in Excel's calendar:
  // the property is about the terms all five functions share.
  const start = fc.integer({ min: serialOf("1900-03-01"), max: serialOf("9997-12-31") });
  const terms = start.chain((s) =>
    fc.record({
      start: fc.constant(s),
      end: fc.oneof(
        fc.integer({ min: s - 5, max: s + 40_000 }), // up to ~110 years
        fc.integer({ min: s + 36_500, max: s + 36_560 }), // around the 1,200-month limit
        fc.integer({ min: MAX_SERIAL - 3, max: MAX_SERIAL + 2 }), // around Excel's last day
      ),
      payment: fc.oneof(fc.integer({ min: 1, max: 2_000_000_000 }), fc.double({ min: 0.005, max: 1e9, noNaN: true })),
      frequency: fc.constantFrom("monthly", "quarterly", "semi-annual", "annual", 12, 4, 2, 1, null),
      escalation: fc.oneof(fc.constant(null), fc.double({ min: -0.2, max: 0.25, noNaN: true })),
      timing: fc.constantFrom("advance", "arrears", null),
      proration: fc.constantFrom("full", "actual", null),
      lockIn: fc.integer({ min: 0, max: 24 }),
      noticeDays: fc.integer({ min: 0, max: 400 }),
      noticeInLockIn: fc.boolean(),
    }),
  );

  it("LEASE_SCHEDULE, CONTRACT_VALUE, CONTRACT_PV, EXIT_VALUE and EXIT_DATE agree; EXIT_DATE ≤ 9999-12-31", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(terms, (t) => {
        const pay = [[t.payment]];
        const o = {
          schedule: outcome(() => F.leaseSchedule(t.start, t.end, pay, t.frequency, t.escalation, t.timing, t.proration)),
          value: outcome(() => F.contractValue(t.start, t.end, pay, t.frequency, t.escalation, t.timing, t.proration)),
          pv: outcome(() => F.contractPv(t.start, t.end, pay, 0.08, t.frequency, t.escalation, t.timing, t.proration)),
          exitValue: outcome(() =>
            F.exitValue(t.start, t.end, pay, t.lockIn, t.noticeDays, t.frequency, t.escalation, t.timing, t.proration, t.noticeInLockIn),
          ),
          exitDate: outcome(() => F.exitDateOf(t.start, t.end, t.lockIn, t.noticeDays, t.noticeInLockIn)),
        };
        const outcomes = new Set(Object.values(o));
        expect({ t, o, agree: outcomes.size === 1 }).toEqual({ t, o, agree: true });
        seen.add(o.exitDate);
        if (o.exitDate === "ok") {
          const exit = F.exitDateOf(t.start, t.end, t.lockIn, t.noticeDays, t.noticeInLockIn);
          expect(exit).toBeLessThanOrEqual(MAX_SERIAL);
          expect(exit).toBeLessThanOrEqual(t.end + 1);
        }
      }),
      { numRuns: 1500 },
    );
    // The generator reaches both sides of the limits.
    expect([...seen].sort()).toEqual(["#NUM!", "ok"]);
  });

  it("a quarterly term of 101 years: #NUM! from every function (EXIT_DATE used to refuse it alone)", () => {
    const [s, e] = [serialOf("2026-07-01"), serialOf("2127-06-30")];
    const pay = [[450_000_000]];
    expect(outcome(() => F.leaseSchedule(s, e, pay, "quarterly"))).toBe("#NUM!");
    expect(outcome(() => F.contractValue(s, e, pay, "quarterly"))).toBe("#NUM!");
    expect(outcome(() => F.contractPv(s, e, pay, 0.08, "quarterly"))).toBe("#NUM!");
    expect(outcome(() => F.exitValue(s, e, pay, 3, 90, "quarterly"))).toBe("#NUM!");
    expect(outcome(() => F.exitDateOf(s, e, 3, 90))).toBe("#NUM!");
  });

  it("an end date of 9999-12-31 is #NUM! everywhere, so EXIT_DATE can never return 2958466", () => {
    const s = serialOf("9990-01-01");
    expect(outcome(() => F.exitDateOf(s, MAX_SERIAL, 0, 0))).toBe("#NUM!");
    expect(outcome(() => F.exitValue(s, MAX_SERIAL, [[1]], 0, 0))).toBe("#NUM!");
    expect(outcome(() => F.leaseSchedule(s, MAX_SERIAL, [[1]]))).toBe("#NUM!");
    // Ending 9999-12-30: lock-in to 9999-12-01 (119 months) + 30 days' notice = 9999-12-31 = end + 1,
    // so the contract simply runs out and the exit is 2958465; 31 days' notice is capped there too.
    expect(F.exitDateOf(s, MAX_SERIAL - 1, 119, 30)).toBe(MAX_SERIAL);
    expect(F.exitDateOf(s, MAX_SERIAL - 1, 119, 31)).toBe(MAX_SERIAL);
  });
});

describe("RUN_RATE after the end", () => {
  it("RUN_RATE(150000000, , , 2030-01-01, , 2029-12-31) = 0; on 2029-12-31 it is 150,000,000 × 12 = 1,800,000,000", () => {
    expect(F.runRate([[150_000_000]], null, null, serialOf("2030-01-01"), null, serialOf("2029-12-31"))).toBe(0);
    expect(F.runRate([[150_000_000]], null, null, serialOf("2029-12-31"), null, serialOf("2029-12-31"))).toBe(1_800_000_000);
  });
});

describe("sub-cent payments", () => {
  const [s, e] = [serialOf("2026-07-01"), serialOf("2026-12-31")];

  it("a payment of 0.004 a month is #NUM!, not a schedule of zeros", () => {
    expect(excelError(() => F.contractValue(s, e, [[0.004]]))).toEqual({ code: "#NUM!" });
    expect(excelError(() => F.leaseSchedule(s, e, [[0.004]]))).toEqual({ code: "#NUM!" });
  });

  it("0.005 a month rounds to 0.01: 6 months = 0.06", () => {
    expect(F.contractValue(s, e, [[0.005]])).toBe(0.06);
  });

  it("a ramp step of 0.001 is #NUM!; a step of 0 is allowed (3 × 100 + 3 × 0 = 300)", () => {
    expect(excelError(() => F.contractValue(s, e, [[s, 100], [serialOf("2026-10-01"), 0.001]]))).toEqual({ code: "#NUM!" });
    expect(F.contractValue(s, e, [[s, 100], [serialOf("2026-10-01"), 0]])).toBe(300);
  });
});
