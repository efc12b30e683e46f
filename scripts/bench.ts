/**
 * npm run bench — speed and size, measured (never asserted in tests).
 *
 * Prints the median per-call time of each DEAL function on the seed deal and on a 30-year monthly
 * lease with 3% escalation (360 periods); the time to recalculate 1,000 seed schedules; the size of
 * the production functions bundle, raw and gzip; and LEASE_SCHEDULE's time as a ratio of a plain
 * floating-point implementation of the same schedule (the baseline below).
 */
import { execSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import zlib from "zlib";

// The functions run inside Excel's runtime; here a minimal CustomFunctions global stands in.
class ExcelError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
  }
}
(globalThis as Record<string, unknown>).CustomFunctions = {
  Error: ExcelError,
  ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", notAvailable: "#N/A" },
};

type Fn = (...args: unknown[]) => unknown;

function nowNs(): bigint {
  return process.hrtime.bigint();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median per-call microseconds over `samples` batches sized to take about 20 ms each. */
function perCallMicros(call: () => unknown, samples = 25): number {
  for (let i = 0; i < 200; i++) call(); // warm-up: let the JIT settle
  let batch = 1;
  for (;;) {
    const t0 = nowNs();
    for (let i = 0; i < batch; i++) call();
    if (Number(nowNs() - t0) > 20e6 || batch >= 1 << 20) break;
    batch *= 2;
  }
  const results: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = nowNs();
    for (let i = 0; i < batch; i++) call();
    results.push(Number(nowNs() - t0) / 1e3 / batch);
  }
  return median(results);
}

/** The baseline: the same schedule in plain doubles, no validation, no decimals. */
function floatSchedule(start: number, end: number, payment: number, escalation: number): number[][] {
  const rows: number[][] = [];
  const epoch = Date.UTC(1899, 11, 30);
  const first = new Date(epoch + start * 86400000);
  const [y, m, d] = [first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate()];
  const serialOf = (k: number) => {
    const lastDay = new Date(Date.UTC(y, m + k + 1, 0)).getUTCDate();
    return (Date.UTC(y, m + k, Math.min(d, lastDay)) - epoch) / 86400000;
  };
  let cumulative = 0;
  for (let k = 0, s = start; s <= end; k++) {
    const next = serialOf(k + 1);
    const amount = Math.round(payment * Math.pow(1 + escalation, Math.floor(k / 12)) * 100) / 100;
    cumulative += amount;
    rows.push([k + 1, s, Math.min(next - 1, end), s, amount, cumulative]);
    s = next;
  }
  return rows;
}

async function main() {
  const F = (await import("../src/functions/functions")) as unknown as Record<string, Fn>;
  const { dateToSerial } = await import("../src/core");
  const d = (iso: string) => {
    const [year, month, day] = iso.split("-").map(Number);
    return dateToSerial({ year, month, day });
  };
  const seed = { start: d("2026-07-01"), end: d("2029-12-31"), pay: [[150_000_000]], esc: null as number | null };
  const long = { start: d("2026-07-01"), end: d("2056-06-30"), pay: [[150_000_000]], esc: 0.03 };

  const cases: [string, (t: typeof seed) => unknown][] = [
    ["LEASE_SCHEDULE", (t) => F.leaseSchedule(t.start, t.end, t.pay, null, t.esc)],
    ["CONTRACT_VALUE", (t) => F.contractValue(t.start, t.end, t.pay, null, t.esc)],
    ["CONTRACT_PV", (t) => F.contractPv(t.start, t.end, t.pay, 0.08, null, t.esc)],
    ["EXIT_VALUE", (t) => F.exitValue(t.start, t.end, t.pay, 3, 90, null, t.esc)],
    ["EXIT_DATE", (t) => F.exitDateOf(t.start, t.end, 3, 90)],
    ["RUN_RATE", (t) => F.runRate(t.pay, null, t.esc, t.start + 400, t.start, t.end)],
    ["GPU_HOUR_RATE", () => F.gpuHourRateOf(150_000_000, 100_000)],
  ];

  console.log(`Deal Modeler benchmark — ${os.cpus()[0]?.model ?? "unknown CPU"} × ${os.cpus().length}, Node ${process.version}`);
  console.log("\nMedian time per call (µs)         seed (42 periods)   30-year + escalation (360 periods)");
  for (const [name, run] of cases) {
    const a = perCallMicros(() => run(seed));
    const b = perCallMicros(() => run(long));
    console.log(`  ${name.padEnd(30)} ${a.toFixed(1).padStart(10)}   ${b.toFixed(1).padStart(18)}`);
  }

  const recalcs: number[] = [];
  for (let r = 0; r < 15; r++) {
    const t0 = nowNs();
    for (let i = 0; i < 1000; i++) F.leaseSchedule(seed.start, seed.end, [[150_000_000 + i]]);
    recalcs.push(Number(nowNs() - t0) / 1e6);
  }
  console.log(`\nRecalculating 1,000 seed schedules: median ${median(recalcs).toFixed(1)} ms (15 runs)`);

  const decimalSeed = perCallMicros(() => F.leaseSchedule(seed.start, seed.end, seed.pay));
  const floatSeed = perCallMicros(() => floatSchedule(seed.start, seed.end, 150_000_000, 0));
  const decimalLong = perCallMicros(() => F.leaseSchedule(long.start, long.end, long.pay, null, long.esc));
  const floatLong = perCallMicros(() => floatSchedule(long.start, long.end, 150_000_000, 0.03));
  console.log(
    `LEASE_SCHEDULE vs plain floating-point baseline: ${(decimalSeed / floatSeed).toFixed(1)}× on the seed, ${(decimalLong / floatLong).toFixed(1)}× on 360 periods`,
  );

  await benchBacklog();

  const bundle = path.resolve("dist/functions.js");
  if (!process.argv.includes("--no-build")) {
    execSync("npx webpack --mode production", { stdio: "ignore" });
  }
  const raw = fs.readFileSync(bundle);
  console.log(
    `Production functions bundle: ${(raw.length / 1024).toFixed(1)} KB raw, ${(zlib.gzipSync(raw, { level: 9 }).length / 1024).toFixed(1)} KB gzip`,
  );
  console.log("\nTargets: seed ≤ 30 µs, 360 periods ≤ 250 µs, 1,000 schedules ≤ 50 ms, bundle ≤ 40 KB gzip, BACKLOG ≤ 3× its baseline.");
}

/** The backlog's baseline: per deal, a plain loop over integer serials summing doubles by calendar year. */
function floatBacklog(
  deals: readonly { start: number; periods: number; payment: number }[],
  dates: { serialToDate: (s: number) => { year: number; month: number; day: number }; daysFromCivil: (y: number, m: number, d: number) => number; daysInMonth: (y: number, m: number) => number },
): Map<number, number> {
  const byYear = new Map<number, number>();
  for (const { start, periods, payment } of deals) {
    const first = dates.serialToDate(start);
    const years = new Float64Array(40);
    for (let k = 0; k < periods; k++) {
      const index = first.year * 12 + first.month - 1 + k;
      const year = Math.floor(index / 12);
      const month = index - year * 12 + 1;
      // The period's start serial (days from 1970 + 25,569), as a schedule needs it.
      const serial = dates.daysFromCivil(year, month, Math.min(first.day, dates.daysInMonth(year, month))) + 25569;
      if (serial >= start) years[year - first.year] += payment;
    }
    years.forEach((amount, i) => amount && byYear.set(first.year + i, (byYear.get(first.year + i) ?? 0) + amount));
  }
  return byYear;
}

/** BACKLOG over a register of 1,000 deals of 36 to 360 monthly periods, against the baseline. */
async function benchBacklog() {
  const core = await import("../src/core");
  const P = (await import("../src/functions/portfolio")) as unknown as Record<string, Fn>;
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const header = ["Counterparty", "Start date", "End date", "Payment", "Escalation", "Lock-in months", "Notice days", "Annual exit probability"];
  const rows: unknown[][] = [header];
  const plain: { start: number; periods: number; payment: number }[] = [];
  for (let i = 0; i < 1000; i++) {
    const start = core.dateToSerial({ year: 2024 + Math.floor(random() * 6), month: 1 + Math.floor(random() * 12), day: 1 + Math.floor(random() * 28) });
    const periods = 36 + Math.floor(random() * 325);
    const end = core.edate(start, periods) - 1;
    const payment = Math.round(1e6 + random() * 2e8);
    rows.push([`Client ${i % 150}`, start, end, payment, i % 3 === 0 ? 0.03 : 0, 3 + (i % 12), 90, i % 2 ? 0.1 : 0]);
    plain.push({ start, periods, payment });
  }
  const deals = core.readRegister(rows, (await import("../src/functions/portfolio")).EXCEL_CELL_READERS).deals;
  const periods = plain.reduce((s, d) => s + d.periods, 0);
  const noExpected = deals.map((d) => ({ ...d, exitProbability: 0 }));
  const subjects: [string, () => unknown][] = [
    ["core backlog (headline, committed, expected)", () => core.portfolioBacklog(deals)],
    ["core backlog, no exit probabilities", () => core.portfolioBacklog(noExpected)],
    ["DEAL.BACKLOG (reads and validates the rows too)", () => P.backlog(rows)],
  ];
  // The machine may be shared: each sample times the baseline and the subject back to back, and the
  // ratio reported is the median of the per-sample ratios.
  const time = (f: () => unknown) => {
    const t0 = nowNs();
    f();
    return Number(nowNs() - t0) / 1e6;
  };
  for (let i = 0; i < 10; i++) {
    floatBacklog(plain, core);
    for (const [, f] of subjects) f();
  }
  console.log(`\nBACKLOG over 1,000 deals (${periods.toLocaleString("en-US")} monthly periods, 36 to 360 each; a third escalating, half with an exit probability):`);
  for (const [name, f] of subjects) {
    const ratios: number[] = [];
    const subjectMs: number[] = [];
    const baseMs: number[] = [];
    for (let s = 0; s < 21; s++) {
      const b = time(() => floatBacklog(plain, core));
      const t = time(f);
      baseMs.push(b);
      subjectMs.push(t);
      ratios.push(t / b);
    }
    console.log(
      `  ${name.padEnd(50)} ${median(subjectMs).toFixed(1).padStart(6)} ms; baseline ${median(baseMs).toFixed(1)} ms; ratio ${median(ratios).toFixed(1)}×`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
