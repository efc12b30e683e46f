/**
 * npm run bench — speed and size, measured (never asserted in tests).
 *
 * Every time is reported as a ratio to an honest baseline: a plain floating-point implementation of
 * the same job over the same integer day serials (integer civil-date arithmetic, doubles for money,
 * no validation, no argument reading, no decimals). The absolute times are printed beside the ratios
 * for reference only: they depend on the machine, which is printed first.
 *
 *   npm run bench                 # everything, including a production build for the bundle size
 *   npm run bench -- --no-build   # skip the build: measures dist/ if present, else the sources
 */
import { execSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import vm from "vm";
import zlib from "zlib";

// The functions run inside Excel's runtime; here a minimal CustomFunctions global stands in.
class ExcelError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
  }
}
type Fn = (...args: unknown[]) => unknown;
const registered = new Map<string, Fn>();
const customFunctions = {
  Error: ExcelError,
  ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", notAvailable: "#N/A" },
  associate: (id: string, fn: Fn) => registered.set(id, fn),
};
(globalThis as Record<string, unknown>).CustomFunctions = customFunctions;

/**
 * The functions as Excel runs them: the production bundle loaded as a script, with CustomFunctions
 * as its only Office global, each function taken from its `associate` call. (Imported from the
 * TypeScript sources through tsx instead, every call between modules goes through an export getter,
 * which is not what ships.) Falls back to the sources when there is no build.
 */
async function loadFunctions(bundle: string): Promise<{ F: Record<string, Fn>; source: string }> {
  if (fs.existsSync(bundle)) {
    // In this context, not a vm.createContext one: a contextified global answers every global lookup
    // (Math, Number, Array…) through interceptors, several times slower than any JS engine's global.
    vm.runInThisContext(fs.readFileSync(bundle, "utf8"), { filename: bundle });
    const byName: Record<string, string> = {
      leaseSchedule: "LEASE_SCHEDULE",
      contractValue: "CONTRACT_VALUE",
      contractPv: "CONTRACT_PV",
      exitValue: "EXIT_VALUE",
      exitDateOf: "EXIT_DATE",
      runRate: "RUN_RATE",
      gpuHourRateOf: "GPU_HOUR_RATE",
      leaseLiability: "LEASE_LIABILITY",
      rouAsset: "ROU_ASSET",
      leaseAccountingTable: "LEASE_ACCOUNTING",
      maturityTable: "MATURITY_TABLE",
      committedValueOf: "COMMITTED_VALUE",
      expectedValueOf: "EXPECTED_VALUE",
      slaCreditOf: "SLA_CREDIT",
      downtimeAllowed: "DOWNTIME_ALLOWED",
      marketCurveOf: "MARKET_CURVE",
      forwardsFromTermsOf: "FORWARDS_FROM_TERMS",
      forwardPriceOf: "FORWARD_PRICE",
      markToMarketOf: "MARK_TO_MARKET",
      breakevenPriceOf: "BREAKEVEN_PRICE",
      rpo: "RPO",
      rpoTimingTable: "RPO_TIMING",
      lessorIncome: "LESSOR_INCOME",
      lessorMaturityTable: "LESSOR_MATURITY",
      capacityOf: "CAPACITY",
      providerIrrOf: "PROVIDER_IRR",
      paybackMonthsOf: "PAYBACK_MONTHS",
      debtCapacityOf: "DEBT_CAPACITY",
    };
    const F = Object.fromEntries(Object.entries(byName).map(([name, id]) => [name, registered.get(id)!]));
    return { F, source: `the production bundle ${path.relative(process.cwd(), bundle)}` };
  }
  const F = {
    ...((await import("../src/functions/functions")) as unknown as Record<string, Fn>),
    ...((await import("../src/functions/accounting")) as unknown as Record<string, Fn>),
    ...((await import("../src/functions/value")) as unknown as Record<string, Fn>),
    ...((await import("../src/functions/market")) as unknown as Record<string, Fn>),
    ...((await import("../src/functions/provider")) as unknown as Record<string, Fn>),
    ...((await import("../src/functions/economics")) as unknown as Record<string, Fn>),
  };
  return { F, source: "the TypeScript sources through tsx (no build: slower than what ships)" };
}

// ---------------------------------------------------------------------------------------------
// The baseline: plain doubles and integer civil-date arithmetic (Howard Hinnant's algorithms),
// written out here independently of src/core. 1900-system serials from 1900-03-01 on.
// ---------------------------------------------------------------------------------------------

const EPOCH = 25_569; // serial of 1970-01-01

function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month and day of a serial, packed as year × 512 + month × 32 + day (no allocation). */
function packedDate(serial: number): number {
  const z = serial - EPOCH + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (m <= 2 ? 1 : 0)) * 512 + m * 32 + d;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** EDATE from a packed start date. */
function plainEdate(packed: number, months: number): number {
  const index = Math.floor(packed / 512) * 12 + ((packed >> 5) & 15) - 1 + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const leap = m === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 1 : 0;
  return daysFromCivil(y, m, Math.min(packed & 31, MONTH_DAYS[m - 1] + leap)) + EPOCH;
}

const cents = (x: number) => Math.round(x * 100) / 100;
const rateOf = (payment: number, escalation: number, months: number) =>
  escalation === 0 ? payment : cents(payment * Math.pow(1 + escalation, Math.floor(months / 12)));

/** SLA tiers: 10% below 99.9%, 25% below 99%, 100% below 95% (the seed's assumed table). */
const TIERS = [
  [0.999, 0.1],
  [0.99, 0.25],
  [0.95, 1],
];

const Plain = {
  schedule(start: number, end: number, payment: number, escalation: number, months = 1): (string | number)[][] {
    const rows: (string | number)[][] = [["Period", "Start", "End", "Payment date", "Payment", "Cumulative"]];
    const first = packedDate(start);
    let cumulative = 0;
    for (let k = 0, s = start; s <= end; k++) {
      const next = plainEdate(first, (k + 1) * months);
      const amount = rateOf(payment, escalation, k * months);
      cumulative += amount;
      rows.push([k + 1, s, Math.min(next - 1, end), s, amount, cumulative]);
      s = next;
    }
    return rows;
  },
  total(start: number, end: number, payment: number, escalation: number, months = 1): number {
    const first = packedDate(start);
    let total = 0;
    for (let k = 0, s = start; s <= end; k++, s = plainEdate(first, k * months)) total += rateOf(payment, escalation, k * months);
    return total;
  },
  pv(start: number, end: number, payment: number, rate: number, escalation: number, months = 1): number {
    const first = packedDate(start);
    let pv = 0;
    for (let k = 0, s = start; s <= end; k++, s = plainEdate(first, k * months)) {
      pv += rateOf(payment, escalation, k * months) * Math.pow(1 + rate, -(s - start) / 365);
    }
    return pv;
  },
  exitDate(start: number, end: number, lockIn: number, noticeDays: number): number {
    const lockInEnd = plainEdate(packedDate(start), lockIn);
    return Math.min(lockInEnd + noticeDays, end + 1);
  },
  exitValue(start: number, end: number, payment: number, lockIn: number, noticeDays: number, escalation: number): number {
    const first = packedDate(start);
    const exit = Math.min(plainEdate(first, lockIn) + noticeDays, end + 1);
    let value = 0;
    for (let k = 0, s = start; s < exit; k++, s = plainEdate(first, k)) value += rateOf(payment, escalation, k);
    return value;
  },
  runRate(payment: number, escalation: number, asOf: number, start: number, end: number): number {
    if (asOf < start || asOf > end) return 0;
    const first = packedDate(start);
    const target = packedDate(asOf);
    let k = (Math.floor(target / 512) - Math.floor(first / 512)) * 12 + ((target >> 5) & 15) - ((first >> 5) & 15);
    while (k > 0 && plainEdate(first, k) > asOf) k--;
    return rateOf(payment, escalation, k) * 12;
  },
  gpuHourRate(payment: number, gpus: number, months = 1, hours = 730): number {
    return payment / months / gpus / hours;
  },
  /** The payments of a monthly term, as doubles: what the accounting and value baselines walk. */
  payments(start: number, end: number, payment: number, escalation: number): number[] {
    const first = packedDate(start);
    const out: number[] = [];
    for (let k = 0, s = start; s <= end; k++, s = plainEdate(first, k)) out.push(rateOf(payment, escalation, k));
    return out;
  },
  /** Lease liability in advance at the periodic rate: Σ_{k≥2} P_k v^(k−1). */
  leaseLiability(start: number, end: number, payment: number, rate: number, escalation: number): number {
    const pays = Plain.payments(start, end, payment, escalation);
    const v = 1 / (1 + rate / 12);
    let pv = 0;
    for (let k = pays.length - 1; k >= 1; k--) pv = (pv + pays[k]) * v;
    return cents(pv);
  },
  /**
   * The amortisation table in advance: interest ROUND(rate × balance, 2), kept within a cent of the exact
   * value of what remains (a backward sum, the anchor), the close before the last equal to the last
   * payment; straight-line depreciation, the last period taking the rest; period, date, payment,
   * interest, liability, asset, cost — the same job as LEASE_ACCOUNTING.
   */
  leaseAccounting(start: number, end: number, payment: number, rate: number, escalation: number): number[][] {
    const pays = Plain.payments(start, end, payment, escalation);
    const n = pays.length;
    const r = rate / 12;
    const v = 1 / (1 + r);
    const exact = new Float64Array(n + 1);
    for (let k = n - 1; k >= 0; k--) exact[k] = pays[k] + exact[k + 1] * v;
    const liability = cents(exact[0] - pays[0]);
    const rou = liability + pays[0];
    const depreciation = cents(rou / n);
    const rows: number[][] = [["Period", "Date", "Payment", "Interest", "Liability", "ROU asset", "Lease cost"] as never];
    const first = packedDate(start);
    let balance = liability;
    let asset = rou;
    for (let k = 0; k < n; k++) {
      const bearing = k === 0 ? balance : balance - pays[k];
      let interest = cents(bearing * r);
      let close = cents(bearing + interest);
      if (k === n - 1) {
        interest = 0;
        close = 0;
      } else if (k === n - 2) {
        close = pays[n - 1];
        interest = cents(close - bearing);
      } else if (Math.abs(close - exact[k + 1]) > 0.01) {
        close = cents(exact[k + 1]);
        interest = cents(close - bearing);
      }
      balance = close;
      const reduction = k === n - 1 ? asset : depreciation;
      asset = cents(asset - reduction);
      rows.push([k + 1, Math.min(plainEdate(first, k + 1) - 1, end), pays[k], interest, balance, asset, cents(interest + reduction)]);
    }
    return rows;
  },
  /** Payments by year from commencement, and the liability. */
  maturity(start: number, end: number, payment: number, rate: number, escalation: number): number[] {
    const pays = Plain.payments(start, end, payment, escalation);
    const years = [0, 0, 0, 0, 0, 0];
    for (let k = 1; k < pays.length; k++) years[Math.min(5, Math.floor((k - 1) / 12))] += pays[k];
    return [...years, Plain.leaseLiability(start, end, payment, rate, escalation)];
  },
  /** Expected value: notice each month from the lock-in's end with monthly probability q. */
  expectedValue(start: number, end: number, payment: number, lockIn: number, noticeDays: number, p: number, escalation: number): number {
    const first = packedDate(start);
    const pays = Plain.payments(start, end, payment, escalation);
    const q = 1 - Math.pow(1 - p, 1 / 12);
    let expected = 0;
    let survive = 1;
    let owed = 0;
    let k = 0;
    for (let m = 0; ; m++) {
      const exit = plainEdate(first, lockIn + m) + noticeDays;
      if (exit > end) break;
      while (k < pays.length && plainEdate(first, k) < exit) owed += pays[k++];
      expected += survive * q * owed;
      survive *= 1 - q;
    }
    let total = 0;
    for (const x of pays) total += x;
    return cents(expected + survive * total);
  },
  slaCredit(payment: number, uptime: number, tiers: number[][]): number {
    let share = 0;
    let deepest = Infinity;
    for (const [below, credit] of tiers) if (uptime < below && below < deepest) [deepest, share] = [below, credit];
    return cents(payment * share);
  },
  downtime(target: number, periodStart: number): number {
    return (1 - target) * (plainEdate(packedDate(periodStart), 1) - periodStart) * 1440;
  },
};

// ---------------------------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------------------------

function nowNs(): bigint {
  return process.hrtime.bigint();
}

let sink = 0; // keeps results alive so that no call is optimised away
function consume(value: unknown) {
  if (typeof value === "number") sink += value;
  else if (Array.isArray(value)) sink += value.length;
}

/** Calls per batch so that a batch of `call` takes about 10 ms. */
function batchSize(call: () => unknown): number {
  for (let i = 0; i < 200; i++) consume(call()); // warm-up: let the JIT settle
  let batch = 1;
  for (;;) {
    const t0 = nowNs();
    for (let i = 0; i < batch; i++) consume(call());
    if (Number(nowNs() - t0) > 10e6 || batch >= 1 << 20) return batch;
    batch *= 2;
  }
}

/**
 * Per-call microseconds of `subject` and of `baseline`: the fastest of `samples` batches each,
 * measured in alternating batches so that both see the same machine load. The fastest batch, not the
 * median: on a shared machine the slower batches measure the neighbours, not the code.
 */
function compare(subject: () => unknown, baseline: () => unknown, samples = 21): { subject: number; baseline: number; ratio: number } {
  const [bs, bb] = [batchSize(subject), batchSize(baseline)];
  const times = { subject: [] as number[], baseline: [] as number[] };
  for (let s = 0; s < samples; s++) {
    let t0 = nowNs();
    for (let i = 0; i < bs; i++) consume(subject());
    const a = Number(nowNs() - t0) / 1e3 / bs;
    t0 = nowNs();
    for (let i = 0; i < bb; i++) consume(baseline());
    const b = Number(nowNs() - t0) / 1e3 / bb;
    times.subject.push(a);
    times.baseline.push(b);
  }
  return best(times);
}

function best(times: { subject: number[]; baseline: number[] }) {
  const subject = Math.min(...times.subject);
  const baseline = Math.min(...times.baseline);
  return { subject, baseline, ratio: subject / baseline };
}

/**
 * Fastest milliseconds of a whole workload (e.g. 10,000 cells) and of its baseline, alternating. The
 * baseline workload is repeated so that one measurement lasts about as long as the subject's: on a
 * shared machine a short run is more likely to slip between the neighbours' bursts, which would
 * flatter the baseline.
 */
function compareWorkload(subject: () => void, baseline: () => void, runs = 25): { subject: number; baseline: number; ratio: number } {
  const time = (f: () => void, reps: number) => {
    const t0 = nowNs();
    for (let r = 0; r < reps; r++) f();
    return Number(nowNs() - t0) / 1e6 / reps;
  };
  time(subject, 1);
  time(baseline, 1);
  const reps = Math.max(1, Math.round(time(subject, 1) / time(baseline, 3)));
  const times = { subject: [] as number[], baseline: [] as number[] };
  for (let r = 0; r < runs; r++) {
    times.subject.push(time(subject, 1));
    times.baseline.push(time(baseline, reps));
  }
  return best(times);
}

const fmt = (x: number, digits = 1) => x.toFixed(digits);

async function main() {
  const bundle = path.resolve("dist/functions.js");
  if (!process.argv.includes("--no-build")) execSync("npx webpack --mode production", { stdio: "ignore" });
  const { F, source } = await loadFunctions(bundle);
  const { dateToSerial } = await import("../src/core");
  const d = (iso: string) => {
    const [year, month, day] = iso.split("-").map(Number);
    return dateToSerial({ year, month, day });
  };
  const start = d("2026-07-01");
  const seed = { start, end: d("2029-12-31"), pay: [[150_000_000]], esc: 0 };
  const long = { start, end: d("2056-06-30"), pay: [[150_000_000]], esc: 0.03 };
  const century = { start, end: d("2126-06-30"), pay: [[150_000_000]], esc: 0 }; // 1,200 periods
  const asOf = start + 400;

  const cpus = os.cpus();
  console.log("Deal Modeler benchmark");
  console.log(`Machine: ${cpus[0]?.model?.trim() ?? "unknown CPU"}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.arch()}`);
  console.log(`Functions measured: ${source}`);
  console.log(`Load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  console.log("Ratios are to a plain floating-point implementation of the same job (see the top of scripts/bench.ts).\n");

  // The baseline must compute the same figures, or the ratios mean nothing.
  // (to the cent: the baseline's double cumulative may drift below a cent from the exact one)
  const close = sameToTheCent;
  const same = (label: string, ours: unknown, plain: unknown) => {
    if (!close(ours, plain)) throw new Error(`baseline disagrees on ${label}: ${JSON.stringify(ours).slice(0, 200)} vs ${JSON.stringify(plain).slice(0, 200)}`);
  };
  for (const t of [seed, long]) {
    same("LEASE_SCHEDULE", F.leaseSchedule(t.start, t.end, t.pay, null, t.esc || null), Plain.schedule(t.start, t.end, 150_000_000, t.esc));
    same("EXIT_VALUE", F.exitValue(t.start, t.end, t.pay, 3, 90, null, t.esc || null), Plain.exitValue(t.start, t.end, 150_000_000, 3, 90, t.esc));
    same("EXIT_DATE", F.exitDateOf(t.start, t.end, 3, 90), Plain.exitDate(t.start, t.end, 3, 90));
    same("RUN_RATE", F.runRate(t.pay, null, t.esc || null, asOf, t.start, t.end), Plain.runRate(150_000_000, t.esc, asOf, t.start, t.end));
    same("CONTRACT_VALUE", F.contractValue(t.start, t.end, t.pay, null, t.esc || null), Plain.total(t.start, t.end, 150_000_000, t.esc));
    const pv = [F.contractPv(t.start, t.end, t.pay, 0.08, null, t.esc || null) as number, Plain.pv(t.start, t.end, 150_000_000, 0.08, t.esc)];
    if (Math.abs(pv[0] - pv[1]) > 0.01) throw new Error(`baseline disagrees on CONTRACT_PV: ${pv}`);
    // Sums of hundreds of doubles may drift a cent or two from the exact decimals: within 0.05 here.
    const near = (label: string, ours: number, plain: number) => {
      if (Math.abs(ours - plain) > 0.05) throw new Error(`baseline disagrees on ${label}: ${ours} vs ${plain}`);
    };
    near("LEASE_LIABILITY", F.leaseLiability(t.start, t.end, t.pay, 0.08, null, t.esc || null) as number, Plain.leaseLiability(t.start, t.end, 150_000_000, 0.08, t.esc));
    near("EXPECTED_VALUE", F.expectedValueOf(t.start, t.end, t.pay, 3, 90, 0.2, null, t.esc || null) as number, Plain.expectedValue(t.start, t.end, 150_000_000, 3, 90, 0.2, t.esc));
    // COMMITTED_VALUE at the close of the day before the start (as-of is a day's close, f2daecc) is EXIT_VALUE.
    near("COMMITTED_VALUE", F.committedValueOf(t.start, t.end, t.pay, 3, 90, t.start - 1, null, t.esc || null) as number, Plain.exitValue(t.start, t.end, 150_000_000, 3, 90, t.esc));
  }
  same("SLA_CREDIT", F.slaCreditOf(150_000_000, 0.985, TIERS), Plain.slaCredit(150_000_000, 0.985, TIERS));
  // LEASE_ACCOUNTING: every cell to the cent (a double may round a rare half cent the other way; each row is anchored, so a
  // difference cannot grow). The rows the timings below spill.
  for (const t of [seed, long]) {
    const ours = F.leaseAccountingTable(t.start, t.end, t.pay, 0.08, null, null, t.esc || null) as unknown[][];
    const plain = Plain.leaseAccounting(t.start, t.end, 150_000_000, 0.08, t.esc);
    let worst = ours.length === plain.length ? 0 : Infinity;
    ours.slice(1).forEach((row, i) => row.forEach((x, j) => (worst = Math.max(worst, Math.abs((x as number) - plain[i + 1][j])))));
    if (!(worst <= 0.0101)) throw new Error(`baseline disagrees on LEASE_ACCOUNTING by ${worst}`);
  }

  type Case = [string, (t: typeof seed) => unknown, (t: typeof seed) => unknown];
  const cases: Case[] = [
    ["LEASE_SCHEDULE", (t) => F.leaseSchedule(t.start, t.end, t.pay, null, t.esc || null), (t) => Plain.schedule(t.start, t.end, t.pay[0][0], t.esc)],
    ["CONTRACT_VALUE", (t) => F.contractValue(t.start, t.end, t.pay, null, t.esc || null), (t) => Plain.total(t.start, t.end, t.pay[0][0], t.esc)],
    ["CONTRACT_PV", (t) => F.contractPv(t.start, t.end, t.pay, 0.08, null, t.esc || null), (t) => Plain.pv(t.start, t.end, t.pay[0][0], 0.08, t.esc)],
    ["EXIT_VALUE", (t) => F.exitValue(t.start, t.end, t.pay, 3, 90, null, t.esc || null), (t) => Plain.exitValue(t.start, t.end, t.pay[0][0], 3, 90, t.esc)],
    ["EXIT_DATE", (t) => F.exitDateOf(t.start, t.end, 3, 90), (t) => Plain.exitDate(t.start, t.end, 3, 90)],
    ["RUN_RATE", (t) => F.runRate(t.pay, null, t.esc || null, asOf, t.start, t.end), (t) => Plain.runRate(t.pay[0][0], t.esc, asOf, t.start, t.end)],
    ["GPU_HOUR_RATE", () => F.gpuHourRateOf(150_000_000, 100_000), () => Plain.gpuHourRate(150_000_000, 100_000)],
    ["LEASE_LIABILITY", (t) => F.leaseLiability(t.start, t.end, t.pay, 0.08, null, t.esc || null), (t) => Plain.leaseLiability(t.start, t.end, t.pay[0][0], 0.08, t.esc)],
    ["ROU_ASSET", (t) => F.rouAsset(t.start, t.end, t.pay, 0.08, null, t.esc || null), (t) => Plain.leaseLiability(t.start, t.end, t.pay[0][0], 0.08, t.esc) + t.pay[0][0]],
    ["LEASE_ACCOUNTING", (t) => F.leaseAccountingTable(t.start, t.end, t.pay, 0.08, null, null, t.esc || null), (t) => Plain.leaseAccounting(t.start, t.end, t.pay[0][0], 0.08, t.esc)],
    ["MATURITY_TABLE", (t) => F.maturityTable(t.start, t.end, t.pay, 0.08, null, t.esc || null), (t) => Plain.maturity(t.start, t.end, t.pay[0][0], 0.08, t.esc)],
    ["COMMITTED_VALUE", (t) => F.committedValueOf(t.start, t.end, t.pay, 3, 90, t.start - 1, null, t.esc || null), (t) => Plain.exitValue(t.start, t.end, t.pay[0][0], 3, 90, t.esc)],
    ["EXPECTED_VALUE", (t) => F.expectedValueOf(t.start, t.end, t.pay, 3, 90, 0.2, null, t.esc || null), (t) => Plain.expectedValue(t.start, t.end, t.pay[0][0], 3, 90, 0.2, t.esc)],
    ["SLA_CREDIT", () => F.slaCreditOf(150_000_000, 0.985, TIERS), () => Plain.slaCredit(150_000_000, 0.985, TIERS)],
    ["DOWNTIME_ALLOWED", (t) => F.downtimeAllowed(0.999, t.start), (t) => Plain.downtime(0.999, t.start)],
  ];

  console.log("Per call: time ÷ plain baseline (µs: ours / baseline), fastest of 21 alternating batches each");
  console.log(`  ${"".padEnd(16)} ${"seed (42 periods)".padEnd(28)} 30-year monthly, 3% escalation (360 periods)`);
  for (const [name, run, plain] of cases) {
    const a = compare(() => run(seed), () => plain(seed));
    const b = compare(() => run(long), () => plain(long));
    const cell = (r: typeof a) => `${fmt(r.ratio)}× (${fmt(r.subject, 2)} / ${fmt(r.baseline, 2)})`.padEnd(28);
    // Issue 16 §7: the lease liability and the accounting table within 8× on 360 periods, exact cents kept.
    const target = name === "LEASE_LIABILITY" || name === "LEASE_ACCOUNTING" ? "target ≤ 8× on 360 periods" : "";
    console.log(`  ${name.padEnd(16)} ${cell(a)} ${cell(b)} ${target}`.trimEnd());
  }

  console.log("\nWorkloads: time ÷ plain baseline (ms: ours / baseline), fastest of 25 runs each");
  const exitCells = compareWorkload(
    () => {
      for (let i = 0; i < 10_000; i++) consume(F.exitValue(seed.start, seed.end, [[150_000_000 + i]], 3, 90));
    },
    () => {
      for (let i = 0; i < 10_000; i++) consume(Plain.exitValue(seed.start, seed.end, 150_000_000 + i, 3, 90, 0));
    },
  );
  console.log(`  10,000 seed EXIT_VALUE cells                       ${fmt(exitCells.ratio)}× (${fmt(exitCells.subject, 2)} / ${fmt(exitCells.baseline, 2)})   target ≤ 10×`);
  const spills = compareWorkload(
    () => {
      for (let i = 0; i < 1_000; i++) consume(F.leaseSchedule(long.start, long.end, [[150_000_000 + i]], null, 0.03));
    },
    () => {
      for (let i = 0; i < 1_000; i++) consume(Plain.schedule(long.start, long.end, 150_000_000 + i, 0.03));
    },
  );
  console.log(`  1,000 spills, 360 periods, 3% escalation           ${fmt(spills.ratio)}× (${fmt(spills.subject, 2)} / ${fmt(spills.baseline, 2)})   target ≤ 4×`);
  const seedSpills = compareWorkload(
    () => {
      for (let i = 0; i < 1_000; i++) consume(F.leaseSchedule(seed.start, seed.end, [[150_000_000 + i]]));
    },
    () => {
      for (let i = 0; i < 1_000; i++) consume(Plain.schedule(seed.start, seed.end, 150_000_000 + i, 0));
    },
  );
  console.log(`  1,000 seed schedules (42 periods)                  ${fmt(seedSpills.ratio)}× (${fmt(seedSpills.subject, 2)} / ${fmt(seedSpills.baseline, 2)})`);

  // EXPECTED_VALUE walks every notice month on the schedule's cumulative sums: its cost as a ratio to EXIT_VALUE's.
  for (const [label, t] of [["seed", seed], ["360 periods", long]] as const) {
    const ev = compare(() => F.expectedValueOf(t.start, t.end, t.pay, 3, 90, 0.2, null, t.esc || null), () => F.exitValue(t.start, t.end, t.pay, 3, 90, null, t.esc || null));
    console.log(`EXPECTED_VALUE at 20% ÷ EXIT_VALUE, ${label}: ${fmt(ev.ratio, 2)}× (${fmt(ev.subject, 2)} / ${fmt(ev.baseline, 2)} µs)`);
  }

  // EXIT_VALUE's cost must follow the periods up to the exit, not the term: same exit (month 6).
  const early = compare(
    () => F.exitValue(century.start, century.end, century.pay, 3, 90),
    () => F.exitValue(seed.start, seed.end, seed.pay, 3, 90),
  );
  console.log(
    `\nEXIT_VALUE, 1,200-period term ÷ 42-period seed, both exiting in month 6: ${fmt(early.ratio, 2)}× (${fmt(early.subject, 2)} / ${fmt(early.baseline, 2)} µs)   target ≤ 2×`,
  );

  await benchBacklog();
  benchMarket(F, seed, long);
  benchProvider(F, seed, long);
  await benchLattice();

  if (fs.existsSync(bundle)) {
    const raw = fs.readFileSync(bundle);
    console.log(
      `Production functions bundle: ${fmt(raw.length / 1024)} KB raw, ${fmt(zlib.gzipSync(raw, { level: 9 }).length / 1024)} KB gzip (target ≤ 40 KB gzip)`,
    );
  } else {
    console.log("Production functions bundle: not built (run without --no-build)");
  }
  if (sink === 42) console.log(""); // use the sink
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The backlog's baseline: per deal, a plain loop over integer serials summing doubles (escalated on each anniversary) by calendar year. */
function floatBacklog(
  deals: readonly { start: number; periods: number; payment: number; escalation: number }[],
  dates: { serialToDate: (s: number) => { year: number; month: number; day: number }; daysFromCivil: (y: number, m: number, d: number) => number; daysInMonth: (y: number, m: number) => number },
): Map<number, number> {
  const byYear = new Map<number, number>();
  for (const { start, periods, payment, escalation } of deals) {
    const first = dates.serialToDate(start);
    const years = new Float64Array(40);
    for (let k = 0; k < periods; k++) {
      const index = first.year * 12 + first.month - 1 + k;
      const year = Math.floor(index / 12);
      const month = index - year * 12 + 1;
      // The period's start serial (days from 1970 + 25,569), as a schedule needs it.
      const serial = dates.daysFromCivil(year, month, Math.min(first.day, dates.daysInMonth(year, month))) + 25569;
      if (serial >= start) years[year - first.year] += rateOf(payment, escalation, k);
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
  const plain: { start: number; periods: number; payment: number; escalation: number }[] = [];
  for (let i = 0; i < 1000; i++) {
    const start = core.dateToSerial({ year: 2024 + Math.floor(random() * 6), month: 1 + Math.floor(random() * 12), day: 1 + Math.floor(random() * 28) });
    const periods = 36 + Math.floor(random() * 325);
    const end = core.edate(start, periods) - 1;
    const payment = Math.round(1e6 + random() * 2e8);
    rows.push([`Client ${i % 150}`, start, end, payment, i % 3 === 0 ? 0.03 : 0, 3 + (i % 12), 90, i % 2 ? 0.1 : 0]);
    plain.push({ start, periods, payment, escalation: i % 3 === 0 ? 0.03 : 0 });
  }
  const deals = core.readRegister(rows).deals;
  const periods = plain.reduce((s, d) => s + d.periods, 0);
  const noExpected = deals.map((d) => ({ ...d, exitProbability: 0 }));
  // The baseline's figures: each year's headline, the payments basis. A year sums ~12,000 payments up to
  // 10^12 in doubles, which drift by about 10^-13 of the sum (0.08 on 1.17 × 10^12): within 10^-12 of it.
  const plainYears = floatBacklog(plain, core);
  const payments = (P.backlog(rows, null, null, "payments") as number[][]).slice(1);
  for (const [year, headline] of payments) {
    if (Math.abs(headline - (plainYears.get(year) ?? 0)) > Math.max(0.005, 1e-12 * headline)) throw new Error(`baseline disagrees on BACKLOG ${year}: ${headline} vs ${plainYears.get(year)}`);
  }
  if (payments.length !== [...plainYears.values()].filter((x) => x !== 0).length) throw new Error("baseline disagrees on BACKLOG's years");
  const subjects: [string, () => unknown][] = [
    ["core backlog (headline, committed, expected)", () => core.portfolioBacklog(deals)],
    ["core backlog, no exit probabilities", () => core.portfolioBacklog(noExpected)],
    // The baseline sums payments by the year they fall due: BACKLOG's "payments" basis. Its default
    // since 44b3bce, "revenue", spreads each period over its service days and splits years by days.
    ["DEAL.BACKLOG, payments basis (reads and validates the rows too)", () => P.backlog(rows, null, null, "payments")],
    ["DEAL.BACKLOG, revenue basis (the default; not the baseline's job)", () => P.backlog(rows)],
    ["DEAL.PORTFOLIO (one row a deal and a total)", () => P.portfolio(rows)],
    ["DEAL.CONCENTRATION", () => P.concentrationOf(rows)],
    ["DEAL.REGISTER_COLUMNS (reads the header, counts the rows)", () => P.registerColumns(rows)],
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
      `  ${name.padEnd(68)} ${median(subjectMs).toFixed(1).padStart(6)} ms; baseline ${median(baseMs).toFixed(1)} ms; ratio ${median(ratios).toFixed(1)}×${name.includes("BACKLOG, payments") ? "   target ≤ 3×" : ""}`,
    );
  }
}

/** The market baselines: a monthly term of level or escalating payments, a curve as rows of [date, price]. */
const PlainMarket = {
  /** MARKET_CURVE: one row a month from the spot date, spot × (1 − decline)^(k / 12), under a header. */
  curve(spot: number, start: number, decline: number, months: number): (string | number)[][] {
    const first = packedDate(start);
    const rows: (string | number)[][] = [["Date", "Price per GPU-hour"]];
    for (let k = 0; k < months; k++) rows.push([plainEdate(first, k), spot * Math.pow(1 - decline, k / 12)]);
    return rows;
  },
  /** FORWARDS_FROM_TERMS: (R₂t₂ − R₁t₁)/(t₂ − t₁) on each segment's first and last day. */
  forwards(quotes: number[][], asOf: number): (string | number)[][] {
    const first = packedDate(asOf);
    const sorted = [...quotes].sort((a, b) => a[0] - b[0]);
    const rows: (string | number)[][] = [["Date", "Price per GPU-hour"]];
    let [t0, r0] = [0, 0];
    for (const [t, r] of sorted) {
      const price = Math.round(((r * t - r0 * t0) / (t - t0)) * 1e12) / 1e12;
      rows.push([plainEdate(first, t0), price], [plainEdate(first, t) - 1, price]);
      [t0, r0] = [t, r];
    }
    return rows;
  },
  /** FORWARD_PRICE: linear between the points around the date (binary search), flat outside. */
  price(rows: (string | number)[][], date: number): number {
    let lo = 1;
    let hi = rows.length - 1;
    if (date <= (rows[lo][0] as number)) return rows[lo][1] as number;
    if (date >= (rows[hi][0] as number)) return rows[hi][1] as number;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((rows[mid][0] as number) <= date) lo = mid;
      else hi = mid;
    }
    const [d0, p0] = rows[lo] as number[];
    const [d1, p1] = rows[hi] as number[];
    return p0 + ((p1 - p0) * (date - d0)) / (d1 - d0);
  },
  /** MARK_TO_MARKET valued the day before the start: Σ (payment − GPUs × 730 × price at the period's start) discounted. */
  mark(start: number, end: number, payment: number, escalation: number, gpus: number, curve: (string | number)[][], rate: number): number {
    const first = packedDate(start);
    let mark = 0;
    for (let k = 0, s = start; s <= end; k++, s = plainEdate(first, k)) {
      mark += (rateOf(payment, escalation, k) - gpus * 730 * PlainMarket.price(curve, s)) * Math.pow(1 + rate, -(s - start + 1) / 365);
    }
    return cents(mark);
  },
  /** BREAKEVEN_PRICE (proration full, notice after the lock-in): per notice month, (R ∓ costs) / H at the exit. */
  breakeven(start: number, end: number, payment: number, escalation: number, lockIn: number, noticeDays: number, gpus: number, rate: number, tenantCost: number, providerCost: number) {
    const first = packedDate(start);
    const starts: number[] = [];
    for (let k = 0, s = start; s <= end; k++, s = plainEdate(first, k)) starts.push(s);
    const n = starts.length;
    const payFrom = new Float64Array(n + 1);
    const hoursFrom = new Float64Array(n + 1);
    for (let k = n - 1; k >= 0; k--) {
      const factor = Math.pow(1 + rate, -(starts[k] - start) / 365);
      payFrom[k] = payFrom[k + 1] + rateOf(payment, escalation, k) * factor;
      hoursFrom[k] = hoursFrom[k + 1] + gpus * 730 * factor;
    }
    const lockInEnd = plainEdate(first, lockIn);
    const earliest = packedDate(lockInEnd);
    const round4 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 + 0 : "never");
    const rows: (string | number)[][] = [["Notice date", "Exit date", "Tenant walks below", "Provider walks above"]];
    let begun = 0;
    for (let m = 0; ; m++) {
      const notice = plainEdate(earliest, m);
      const exit = Math.max(notice + noticeDays, lockInEnd);
      if (exit > end) break;
      while (begun < n && starts[begun] < exit) begun++;
      const atExit = Math.pow(1 + rate, -(exit - start) / 365);
      const [r, h] = [payFrom[begun] / atExit, hoursFrom[begun] / atExit];
      rows.push([notice, exit, round4((r - tenantCost) / h), round4((r + providerCost) / h)]);
    }
    return rows;
  },
};

/**
 * The other market functions (MARKET_CURVE, FORWARDS_FROM_TERMS, FORWARD_PRICE, MARK_TO_MARKET,
 * BREAKEVEN_PRICE), per call, as ratios to the plain baselines above; the baselines are checked to
 * give the same figures first.
 */
function benchMarket(F: Record<string, Fn>, ...terms: { start: number; end: number; pay: number[][]; esc: number }[]) {
  const quotes = [
    [12, 7.2],
    [36, 5.4],
    [60, 4.2],
  ];
  const close = (a: unknown, b: unknown): boolean =>
    Array.isArray(a) && Array.isArray(b)
      ? a.length === b.length && a.every((x, i) => close(x, b[i]))
      : typeof a === "number" && typeof b === "number"
        ? Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a))
        : a === b;
  console.log("\nThe market functions, per call: time ÷ plain baseline (µs: ours / baseline), fastest of 21 alternating batches each");
  console.log(`  ${"".padEnd(20)} ${"seed (42 periods)".padEnd(28)} 30-year monthly, 3% escalation (360 periods)`);
  const cells: Record<string, string[]> = {};
  for (const t of terms) {
    const months = Math.round((t.end - t.start) / (365 / 12)) + 1;
    const curve = PlainMarket.curve(2.1, t.start, 0.25, months);
    const payment = t.pay[0][0];
    const cases: [string, () => unknown, () => unknown][] = [
      ["MARKET_CURVE", () => F.marketCurveOf(2.1, t.start, 0.25, months), () => PlainMarket.curve(2.1, t.start, 0.25, months)],
      ["FORWARDS_FROM_TERMS", () => F.forwardsFromTermsOf(quotes, t.start), () => PlainMarket.forwards(quotes, t.start)],
      ["FORWARD_PRICE", () => F.forwardPriceOf(curve, t.start + 400), () => PlainMarket.price(curve, t.start + 400)],
      [
        "MARK_TO_MARKET",
        () => F.markToMarketOf(t.start, t.end, t.pay, 100_000, curve, 0.08, null, null, t.esc || null),
        () => PlainMarket.mark(t.start, t.end, payment, t.esc, 100_000, curve, 0.08),
      ],
      [
        "BREAKEVEN_PRICE",
        () => F.breakevenPriceOf(t.start, t.end, t.pay, 3, 90, 100_000, 0.08, 150e6, 150e6, null, t.esc || null),
        () => PlainMarket.breakeven(t.start, t.end, payment, t.esc, 3, 90, 100_000, 0.08, 150e6, 150e6),
      ],
    ];
    for (const [name, ours, plain] of cases) {
      const [a, b] = [ours(), plain()];
      const agree = name === "MARK_TO_MARKET" ? Math.abs((a as number) - (b as number)) < 0.05 : close(a, b);
      if (!agree) throw new Error(`baseline disagrees on ${name}: ${JSON.stringify(a).slice(0, 200)} vs ${JSON.stringify(b).slice(0, 200)}`);
      const r = compare(ours, plain);
      (cells[name] ??= []).push(`${fmt(r.ratio)}× (${fmt(r.subject, 2)} / ${fmt(r.baseline, 2)})`.padEnd(28));
    }
  }
  for (const [name, row] of Object.entries(cells)) console.log(`  ${name.padEnd(20)} ${row.join(" ")}`);
}

/** ISO text of a serial, from its packed date: what the lessor's maturity labels show. */
function plainIso(serial: number): string {
  const p = packedDate(serial);
  const two = (x: number) => (x < 10 ? "0" : "") + x;
  return `${Math.floor(p / 512)}-${two((p >> 5) & 15)}-${two(p & 31)}`;
}

/** The provider's baselines: a monthly term of level or escalating payments, periods walked as doubles. */
const PlainProvider = {
  /** The periods of a monthly term: start, last day, payment. */
  periods(start: number, end: number, payment: number, escalation: number): { start: number; end: number; pay: number }[] {
    const first = packedDate(start);
    const out: { start: number; end: number; pay: number }[] = [];
    for (let k = 0, s = start; s <= end; k++) {
      const next = plainEdate(first, k + 1);
      out.push({ start: s, end: Math.min(next - 1, end), pay: rateOf(payment, escalation, k) });
      s = next;
    }
    return out;
  },
  /** What of a period's consideration is not yet earned at the close of `day` (earned evenly over its days). */
  left(pay: number, firstDay: number, lastDay: number, day: number): number {
    if (day < firstDay) return pay;
    if (day >= lastDay) return 0;
    return cents((pay * (lastDay - day)) / (lastDay - firstDay + 1));
  },
  /** The exit bounding the contract term: notice the day after asOf (or at the lock-in's end), or the end with a substantive fee. */
  rpoExit(start: number, end: number, lockIn: number, noticeDays: number, asOf: number, substantive: boolean): number {
    if (substantive) return end + 1;
    const lockInEnd = plainEdate(packedDate(start), lockIn);
    const notice = Math.max(asOf + 1, lockInEnd);
    return notice > end ? end + 1 : Math.min(Math.max(notice + noticeDays, lockInEnd), end + 1);
  },
  /** RPO (proration full): Σ over periods begun before the exit of what is not yet earned at asOf. */
  rpo(start: number, end: number, payment: number, escalation: number, lockIn: number, noticeDays: number, asOf: number, substantive: boolean): number {
    const exit = PlainProvider.rpoExit(start, end, lockIn, noticeDays, asOf, substantive);
    // Only the periods begun before the exit: the cost follows the exit, as EXIT_VALUE's does.
    const first = packedDate(start);
    let value = 0;
    for (let k = 0, s = start; s <= end && s < exit; k++) {
      const next = plainEdate(first, k + 1);
      value += PlainProvider.left(rateOf(payment, escalation, k), s, Math.min(next - 1, end, exit - 1), asOf);
      s = next;
    }
    return cents(value);
  },
  /** RPO_TIMING: the bands between asOf and EDATE(asOf, 12, 24, 36), the rest, the total, the expedient. */
  rpoTiming(start: number, end: number, payment: number, escalation: number, lockIn: number, noticeDays: number, asOf: number, substantive: boolean): (string | number | boolean)[][] {
    const exit = PlainProvider.rpoExit(start, end, lockIn, noticeDays, asOf, substantive);
    const a = packedDate(asOf);
    const bounds = [asOf, plainEdate(a, 12), plainEdate(a, 24), plainEdate(a, 36)];
    const amounts = [0, 0, 0, 0];
    for (const p of PlainProvider.periods(start, end, payment, escalation)) {
      if (p.start >= exit) break;
      const last = Math.min(p.end, exit - 1);
      let before = PlainProvider.left(p.pay, p.start, last, bounds[0]);
      for (let i = 1; i < 4; i++) {
        const after = PlainProvider.left(p.pay, p.start, last, bounds[i]);
        amounts[i - 1] += before - after;
        before = after;
      }
      amounts[3] += before;
    }
    const originalExit = PlainProvider.rpoExit(start, end, lockIn, noticeDays, start - 1, substantive);
    return [
      ["Within 12 months", cents(amounts[0])],
      ["13–24 months", cents(amounts[1])],
      ["25–36 months", cents(amounts[2])],
      ["Thereafter", cents(amounts[3])],
      ["Total", cents(amounts[0] + amounts[1] + amounts[2] + amounts[3])],
      ["Practical expedient 606-10-50-14(a) applies (original contract term one year or less)", originalExit - 1 < plainEdate(packedDate(start), 12)],
    ];
  },
  /** LESSOR_INCOME (advance, no fee): straight-line income ROUND(total ÷ n, 2), the last period the rest; accrued or deferred rent. */
  lessorIncome(start: number, end: number, payment: number, escalation: number): (string | number)[][] {
    const periods = PlainProvider.periods(start, end, payment, escalation);
    const n = periods.length;
    let total = 0;
    for (const p of periods) total += p.pay;
    const per = cents(total / n);
    const rows: (string | number)[][] = [["Period", "Date", "Payment received", "Income", "Accrued rent", "Deferred rent"]];
    let accrued = 0;
    periods.forEach((p, j) => {
      const income = j === n - 1 ? cents(total - per * (n - 1)) : per;
      accrued += income - p.pay;
      rows.push([j + 1, p.end, p.pay, income, Math.max(accrued, 0), Math.max(-accrued, 0)]);
    });
    return rows;
  },
  /** LESSOR_MATURITY at commencement (advance, no fee): receipts after the day, by year for five years, the rest, the total. */
  lessorMaturity(start: number, end: number, payment: number, escalation: number): (string | number)[][] {
    const first = packedDate(start);
    const bounds = [start];
    for (let i = 1; i <= 5; i++) bounds.push(plainEdate(first, 12 * i));
    const amounts = [0, 0, 0, 0, 0, 0];
    for (const p of PlainProvider.periods(start, end, payment, escalation)) {
      if (p.start <= start) continue;
      let year = 0;
      while (year < 5 && p.start > bounds[year + 1]) year++;
      amounts[year] += p.pay;
    }
    const rows: (string | number)[][] = amounts
      .slice(0, 5)
      .map((amount, i) => [`Year ${i + 1} (${plainIso(bounds[i] + 1)} to ${plainIso(bounds[i + 1])})`, cents(amount)]);
    let total = 0;
    for (const x of amounts) total += x;
    rows.push(["Thereafter", cents(amounts[5])], ["Total undiscounted lease payments to be received", cents(total)]);
    return rows;
  },
  /** CAPACITY from a monthly payment and a GPU count. */
  capacity(payment: number, gpus: number, perRack: number, kwPerRack: number, pue: number): (string | number)[][] {
    const racks = gpus / perRack;
    const it = racks * kwPerRack;
    const facility = it * pue;
    const figures = [payment, gpus, payment / gpus / 730, racks, it, facility, (facility * 730) / 1000, (payment * 12) / (it / 1000), payment / it];
    const labels = ["Payment per month", "GPUs", "Price per GPU-hour", "Racks", "IT load (kW)", "Facility load (kW)", "Energy a month (MWh)", "Revenue per IT MW-year", "Revenue per IT kW-month"];
    return labels.map((label, i) => [label, figures[i]]);
  },
  /**
   * The provider's cash flows, "signed" view (a monthly term to its end, then renewal with p at the
   * contract's rate, 1 − p re-let at market after the downtime): −capex on the start, each month's EBITDA
   * on its first day, the residual on the life's last day — as [years from the start, amount] pairs.
   */
  providerFlows(start: number, end: number, payment: number, escalation: number, a: PlainAssumptions): { years: Float64Array; amounts: Float64Array; monthStarts: Float64Array } {
    const L = a.life * 12;
    const first = packedDate(start);
    const itKw = (a.gpus / a.perRack) * a.kwPerRack;
    const mwh = (itKw * a.pue * 730) / 1000;
    const capex = a.gpus * a.costPerGpu;
    const residual = capex * a.residualShare;
    const opex = (capex * a.opexShare) / 12;
    const market = a.marketRate * a.utilisation * a.gpus * 730;
    const years = new Float64Array(L + 2);
    const amounts = new Float64Array(L + 2);
    const monthStarts = new Float64Array(L + 1);
    amounts[0] = -capex;
    let served = true;
    let servedMonths = 0;
    for (let m = 0; m <= L; m++) monthStarts[m] = plainEdate(first, m);
    for (let m = 0; m < L; m++) {
      const s = monthStarts[m];
      if (served && s > end) served = false;
      if (served) servedMonths++;
      const contract = served ? 1 : 0;
      const renewed = served ? 0 : a.renewal;
      const relet = !served && m >= servedMonths + a.downtime ? 1 - a.renewal : 0;
      const rate = rateOf(payment, escalation, m);
      const power = mwh * a.powerPrice * Math.pow(1 + a.powerEscalation, Math.floor(m / 12)) * (contract + renewed + relet * a.utilisation);
      years[m + 1] = (s - start) / 365;
      amounts[m + 1] = rate * (contract + renewed) + market * relet - power - opex;
    }
    years[L + 1] = (monthStarts[L] - 1 - start) / 365;
    amounts[L + 1] = residual;
    return { years, amounts, monthStarts };
  },
  /** XIRR by Newton's method from 10%, as Excel's XIRR starts. */
  irr(f: { years: Float64Array; amounts: Float64Array }): number {
    let r = 0.1;
    for (let i = 0; i < 100; i++) {
      let value = 0;
      let slope = 0;
      const log = Math.log1p(r);
      for (let j = 0; j < f.amounts.length; j++) {
        const v = f.amounts[j] * Math.exp(-f.years[j] * log);
        value += v;
        slope -= (f.years[j] * v) / (1 + r);
      }
      const step = value / slope;
      r -= step;
      if (Math.abs(step) < 1e-13) break;
    }
    return r;
  },
  /** The first month whose cumulative free cash flow (flows dated before its end) is at least 0. */
  payback(f: { amounts: Float64Array }): number {
    let cumulative = f.amounts[0];
    for (let m = 1; m < f.amounts.length; m++) {
      cumulative += f.amounts[m];
      if (cumulative >= 0) return Math.min(m, f.amounts.length - 2);
    }
    return -1;
  },
  /** Whole and fractional months from `from` to `to`, month-ends counting to month-ends (EOMONTH steps). */
  monthsBetween(from: number, to: number): number {
    const pf = packedDate(from);
    const pt = packedDate(to);
    const eom = (packedDate(from + 1) & 31) === 1; // the month's last day
    const firstOfMonth = from - (pf & 31) + 1;
    const fm = packedDate(firstOfMonth);
    const step = (n: number) => (eom ? plainEdate(fm, n + 1) - 1 : plainEdate(pf, n));
    let n = Math.floor(pt / 512) * 12 + ((pt >> 5) & 15) - Math.floor(pf / 512) * 12 - ((pf >> 5) & 15);
    while (n > 0 && step(n) > to) n--;
    while (step(n + 1) <= to) n++;
    const at = step(n);
    return n + (to - at) / (step(n + 1) - at);
  },
  /** DEBT_CAPACITY: Σ CFADS ÷ (DSCR × (1 + rate ÷ 12)^t), t from a drawdown one period before the first date; and LTV × collateral. */
  debtCapacity(cfads: number[], dates: number[], dscr: number, annualRate: number, ltv: number, collateral: number): (string | number)[][] {
    const period = Math.max(1, Math.floor(PlainProvider.monthsBetween(dates[0], dates[1])));
    const monthly = 1 + annualRate / 12;
    let sum = 0;
    for (let i = 0; i < cfads.length; i++) sum += cfads[i] / (dscr * Math.pow(monthly, period + PlainProvider.monthsBetween(dates[0], dates[i])));
    const sculpted = cents(sum);
    const limit = cents(ltv * collateral);
    const ltvBinds = limit < sculpted;
    return [
      ["Debt capacity", ltvBinds ? limit : sculpted],
      ["Sculpted at the target DSCR", sculpted],
      ["Loan-to-value limit", limit],
      ["Binding constraint", ltvBinds ? "LTV: the collateral limits the loan" : "DSCR: the cash flow limits the loan"],
    ];
  },
};

interface PlainAssumptions {
  gpus: number; costPerGpu: number; perRack: number; kwPerRack: number; pue: number; powerPrice: number; powerEscalation: number;
  opexShare: number; life: number; residualShare: number; downtime: number; utilisation: number; renewal: number; marketRate: number;
}

/** The same assumptions as an assumptions range (names as the model sheet's Inputs block defines them). */
function assumptionsRange(a: PlainAssumptions): (string | number)[][] {
  return [
    ["GpuCount", a.gpus], ["CostPerGpu", a.costPerGpu], ["GpusPerRack", a.perRack], ["KwPerRack", a.kwPerRack], ["Pue", a.pue],
    ["PowerPricePerMwh", a.powerPrice], ["PowerEscalation", a.powerEscalation], ["OpexShareOfCapex", a.opexShare],
    ["UsefulLifeYears", a.life], ["ResidualValueShare", a.residualShare], ["ReleaseDowntimeMonths", a.downtime],
    ["Utilisation", a.utilisation], ["RenewalProbability", a.renewal], ["MarketRatePerGpuHour", a.marketRate],
  ];
}

/** Whether two results agree to the cent: numbers within half a cent, arrays element by element, the rest exactly. */
function sameToTheCent(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((x, i) => sameToTheCent(x, b[i]))
    : typeof a === "number" && typeof b === "number"
      ? Math.abs(a - b) < 0.005
      : a === b;
}

/**
 * The provider and lender functions (RPO, RPO_TIMING, LESSOR_INCOME, LESSOR_MATURITY, CAPACITY,
 * PROVIDER_IRR, PAYBACK_MONTHS, DEBT_CAPACITY), per call, as ratios to the plain baselines above, each
 * checked to give the same figures first: to the cent (labels and flags exactly), the IRR within 1e-9
 * (both iterate: bisection to 1e-12 against Newton's method), the payback month exactly.
 */
function benchProvider(F: Record<string, Fn>, ...terms: { start: number; end: number; pay: number[][]; esc: number }[]) {
  const close = sameToTheCent;
  console.log("\nThe provider and lender functions, per call: time ÷ plain baseline (µs: ours / baseline), fastest of 21 alternating batches each");
  console.log(`  ${"".padEnd(20)} ${"seed (42 periods)".padEnd(28)} 30-year monthly, 3% escalation (360 periods)`);
  const cells: Record<string, string[]> = {};
  for (const t of terms) {
    const payment = t.pay[0][0];
    const asOf = t.start + 400;
    const months = Math.round((t.end - t.start) / (365 / 12)) + 1;
    // A useful life covering the term: 5 years for the seed (renewal and re-leasing after it), 30 for the 30-year term.
    const a: PlainAssumptions = {
      gpus: 100_000, costPerGpu: 45_000, perRack: 72, kwPerRack: 135, pue: 1.2, powerPrice: 80, powerEscalation: 0.02, opexShare: 0.02,
      life: Math.ceil(months / 12), residualShare: 0.1, downtime: 3, utilisation: 0.8, renewal: 0.5, marketRate: 1.5,
    };
    const range = assumptionsRange(a);
    // CFADS a month on the month-ends of the term, and a collateral whose 70% binds on the longer one only.
    const first = packedDate(t.start);
    const dates: number[] = [];
    const cfads: number[] = [];
    for (let k = 0; k < months; k++) {
      dates.push(plainEdate(first, k + 1) - 1);
      cfads.push(97_500_000 + 1000 * k);
    }
    const [cfadsRange, datesRange] = [cfads.map((x) => [x]), dates.map((x) => [x])];
    const fee = 10_000_000;
    const cases: [string, () => unknown, () => unknown, ((a: unknown, b: unknown) => boolean)?][] = [
      ["RPO", () => F.rpo(t.start, t.end, t.pay, 3, 90, asOf, null, t.esc || null), () => PlainProvider.rpo(t.start, t.end, payment, t.esc, 3, 90, asOf, false)],
      [
        "RPO_TIMING",
        () => F.rpoTimingTable(t.start, t.end, t.pay, 3, 90, asOf, null, t.esc || null, null, null, null, fee, true),
        () => PlainProvider.rpoTiming(t.start, t.end, payment, t.esc, 3, 90, asOf, true),
      ],
      ["LESSOR_INCOME", () => F.lessorIncome(t.start, t.end, t.pay, null, t.esc || null), () => PlainProvider.lessorIncome(t.start, t.end, payment, t.esc)],
      ["LESSOR_MATURITY", () => F.lessorMaturityTable(t.start, t.end, t.pay, null, t.esc || null), () => PlainProvider.lessorMaturity(t.start, t.end, payment, t.esc)],
      ["CAPACITY", () => F.capacityOf(payment, 100_000, 72, 135, 1.2), () => PlainProvider.capacity(payment, 100_000, 72, 135, 1.2)],
      [
        "PROVIDER_IRR",
        () => F.providerIrrOf(t.start, t.end, t.pay, 3, 90, range, null, null, null, t.esc || null),
        () => PlainProvider.irr(PlainProvider.providerFlows(t.start, t.end, payment, t.esc, a)),
        (x, y) => typeof x === "number" && Math.abs(x - (y as number)) < 1e-9,
      ],
      [
        "PAYBACK_MONTHS",
        () => F.paybackMonthsOf(t.start, t.end, t.pay, 3, 90, range, null, null, null, t.esc || null),
        () => PlainProvider.payback(PlainProvider.providerFlows(t.start, t.end, payment, t.esc, a)),
        (x, y) => x === y,
      ],
      ["DEBT_CAPACITY", () => F.debtCapacityOf(cfadsRange, datesRange, 1.3, 0.1, 0.7, 4e9), () => PlainProvider.debtCapacity(cfads, dates, 1.3, 0.1, 0.7, 4e9)],
    ];
    for (const [name, ours, plain, agree = close] of cases) {
      const [x, y] = [ours(), plain()];
      if (!agree(x, y)) throw new Error(`baseline disagrees on ${name}: ${JSON.stringify(x).slice(0, 300)} vs ${JSON.stringify(y).slice(0, 300)}`);
      const r = compare(ours, plain);
      (cells[name] ??= []).push(`${fmt(r.ratio)}× (${fmt(r.subject, 2)} / ${fmt(r.baseline, 2)})`.padEnd(28));
    }
  }
  for (const [name, row] of Object.entries(cells)) console.log(`  ${name.padEnd(20)} ${row.join(" ")}`);
}

/**
 * EXIT_OPTION's lattice (src/core/market/lattice.ts): three backward inductions (both rights, each
 * alone) and a forward pass. Absolute targets: the seed with monthly steps under 5 ms,
 * a 120-month term under 50 ms. No float baseline: the lattice already computes in doubles.
 */
async function benchLattice() {
  const core = await import("../src/core");
  const M = (await import("../src/functions/market")) as unknown as Record<string, Fn>;
  const start = core.dateToSerial({ year: 2026, month: 7, day: 1 });
  const seedTerms = core.validateTerms({ startDate: start, endDate: core.edate(start, 42) - 1, payment: 150e6, lockInMonths: 3, noticeDays: 90 });
  const longTerms = core.validateTerms({ startDate: start, endDate: core.edate(start, 120) - 1, payment: 150e6, lockInMonths: 3, noticeDays: 90 });
  const basis = { gpus: 100_000, hoursPerMonth: 730, discountRate: 0.08 };
  const curve = core.marketCurve(2.1, start, 0.25, 121);
  const costs = { tenantSwitchingCost: 150e6, providerSwitchingCost: 150e6 };
  const curveRange = M.marketCurveOf(2.1, start, 0.25, 121);
  const subjects: [string, () => unknown, string][] = [
    ["seed (42 months), monthly steps", () => core.exitOption({ terms: seedTerms, basis, curve, volatility: 0.4, ...costs, stepsPerMonth: 1 }), "target < 5 ms"],
    [`seed, ${core.DEFAULT_STEPS_PER_MONTH} steps a month (the default)`, () => core.exitOption({ terms: seedTerms, basis, curve, volatility: 0.4, ...costs }), ""],
    ["120-month term, monthly steps", () => core.exitOption({ terms: longTerms, basis, curve, volatility: 0.4, ...costs, stepsPerMonth: 1 }), "target < 50 ms"],
    [`120-month term, ${core.DEFAULT_STEPS_PER_MONTH} steps a month (the default)`, () => core.exitOption({ terms: longTerms, basis, curve, volatility: 0.4, ...costs }), "target < 50 ms"],
    [
      "DEAL.EXIT_OPTION, 120 months (reads the arguments too)",
      () => M.exitOptionOf(start, longTerms.endDate, [[150e6]], 3, 90, 100_000, curveRange, 0.4, 0.08, 150e6, 150e6),
      "",
    ],
  ];
  const time = (f: () => unknown) => {
    const t0 = nowNs();
    consume(f());
    return Number(nowNs() - t0) / 1e6;
  };
  for (let i = 0; i < 5; i++) for (const [, f] of subjects) f();
  console.log("\nEXIT_OPTION's lattice (both rights and each alone, 40% volatility, a curve falling 25% a year):");
  for (const [name, f, target] of subjects) {
    const ms: number[] = [];
    for (let s = 0; s < 21; s++) ms.push(time(f));
    console.log(`  ${name.padEnd(58)} ${median(ms).toFixed(2).padStart(7)} ms (fastest ${Math.min(...ms).toFixed(2)})   ${target}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
