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

  // EXPECTED_VALUE walks the notice months on the schedule's cumulative sums: O(1) a month on top of
  // the schedule that EXIT_VALUE builds too, so its cost stays a small multiple of EXIT_VALUE's.
  const V = (await import("../src/functions/value")) as unknown as Record<string, Fn>;
  // Measured in alternation, the ratio of each pair, then the median: a shared machine's load changes
  // between two separate measurements more than the ratio itself does.
  const ratios = [seed, long].map((t) => {
    const pairs: number[] = [];
    const times: number[] = [];
    for (let r = 0; r < 9; r++) {
      const expected = perCallMicros(() => V.expectedValueOf(t.start, t.end, t.pay, 3, 90, 0.2, null, t.esc), 5);
      const exit = perCallMicros(() => F.exitValue(t.start, t.end, t.pay, 3, 90, null, t.esc), 5);
      pairs.push(expected / exit);
      times.push(expected);
    }
    return `${median(pairs).toFixed(2)}× (${median(times).toFixed(1)} µs)`;
  });
  console.log(`EXPECTED_VALUE ÷ EXIT_VALUE at 20% a year: ${ratios[0]} on the seed (37 notice months), ${ratios[1]} on 360 periods (357 notice months)`);

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

  const bundle = path.resolve("dist/functions.js");
  if (!process.argv.includes("--no-build")) {
    execSync("npx webpack --mode production", { stdio: "ignore" });
  }
  const raw = fs.readFileSync(bundle);
  console.log(
    `Production functions bundle: ${(raw.length / 1024).toFixed(1)} KB raw, ${(zlib.gzipSync(raw, { level: 9 }).length / 1024).toFixed(1)} KB gzip`,
  );
  console.log("\nTargets: seed ≤ 30 µs, 360 periods ≤ 250 µs, 1,000 schedules ≤ 50 ms, bundle ≤ 40 KB gzip.");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
