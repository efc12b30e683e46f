/**
 * Random deal registers as CSV records, every row accepted by the core (a row the core refuses is
 * drawn again): the shapes the Portfolio sheet's formulas model — every frequency, timing and
 * proration, escalation, stub ends, start days 1, 15, 28–31, lock-in by months or to a fixed day,
 * notice in lock-in, a notice date, a fee — and, when asked, ramps (one step, which the sheet models,
 * or two, which it flags).
 */
import { formatIsoDate, readRegister } from "../../src/core";
import { serialOf } from "./dates";

export const RANDOM_HEADER = [
  "Counterparty", "Start date", "End date", "Payment", "Frequency", "Escalation", "Timing", "Proration", "Lock-in months",
  "Lock-in last day", "Notice days", "Notice in lock-in", "Notice date", "Termination fee", "Ramp", "Annual exit probability",
];

/** A small deterministic generator (mulberry32). */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ["Reflection AI", "REFLECTION AI", "Northwind Compute", "Contoso AI", "Tailspin Research", "Fabrikam Labs", " contoso ai ", "Litware"];

/** One random row (as CSV text cells). */
export function randomRow(rand: () => number, options: { ramps?: boolean } = {}): string[] {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const year = int(2024, 2030);
  const month = int(1, 12);
  const day = pick([1, 1, 1, 15, 28, 29, 30, 31]);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const start = serialOf(`${year}-${String(month).padStart(2, "0")}-${String(Math.min(day, lastDay)).padStart(2, "0")}`);
  const frequency = pick(["monthly", "monthly", "quarterly", "semi-annual", "annual", "", "4"]);
  const months = frequency === "quarterly" || frequency === "4" ? 3 : frequency === "semi-annual" ? 6 : frequency === "annual" ? 12 : 1;
  const periods = int(1, Math.floor(96 / months));
  // A stub end in a third of the deals.
  const aligned = serialOf(formatIsoDate(start)) + 0; // the start serial
  const end = rand() < 0.33 ? aligned + Math.floor(periods * months * 30.4) - int(1, 20) : endOfPeriods(start, periods * months);
  const payment = pick([150_000_000, 25_000_000, 1_234_567.89, 60_000_000, 999.99, 40_000_000]);
  const escalation = pick(["", "", "0.03", "0.025", "0.0375"]);
  const timing = pick(["", "advance", "arrears", "in arrears"]);
  const proration = pick(["", "full", "actual", "actual days"]);
  const byDay = rand() < 0.2;
  const lockInMonths = byDay ? "" : String(pick([0, 3, 12, 24, 120]));
  const lockInLastDay = byDay ? formatIsoDate(start + int(10, 400)) : "";
  const noticeDays = String(pick([0, 30, 60, 90, 180]));
  const inLockIn = pick(["", "FALSE", "TRUE", "yes"]);
  const noticeDate = rand() < 0.15 ? formatIsoDate(start + int(0, 900)) : "";
  const fee = pick(["", "", "50000000", "12345.67"]);
  // One step (modelled by the sheet's formulas) or, now and then, two (flagged).
  const rampUntil = start + int(-10, 400);
  const ramp = !options.ramps || rand() >= 0.25
    ? ""
    : rand() < 0.8
      ? `${pick([Math.round(payment / 2), 1_000_000.5, payment * 2])} until ${formatIsoDate(rampUntil)}`
      : `${Math.round(payment / 4)} until ${formatIsoDate(rampUntil)}; ${Math.round(payment / 2)} until ${formatIsoDate(rampUntil + int(1, 200))}`;
  const p = pick(["", "0", "0.1", "0.2", "0.35"]);
  return [
    pick(NAMES), formatIsoDate(start), formatIsoDate(Math.max(end, start)), String(payment), frequency, escalation, timing, proration,
    lockInMonths, lockInLastDay, noticeDays, inLockIn, noticeDate, fee, ramp, p,
  ];
}

function endOfPeriods(start: number, months: number): number {
  const d = new Date(Date.UTC(1899, 11, 30 + start));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const next = Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay));
  return Math.round(next / 86_400_000) + 25_569 - 1;
}

/** A register of `deals` rows the core accepts, header first. */
export function randomRegister(seed: number, deals: number, options: { ramps?: boolean } = {}): string[][] {
  const rand = randomSource(seed);
  const records: string[][] = [RANDOM_HEADER];
  while (records.length <= deals) {
    const row = randomRow(rand, options);
    try {
      readRegister([RANDOM_HEADER, row]);
      records.push(row);
    } catch {
      // refused by the core (e.g. a notice date before notice may be served): draw again
    }
  }
  return records;
}

/** Records as RFC 4180 CSV text. */
export function toCsv(records: readonly (readonly string[])[]): string {
  return records.map((r) => r.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n") + "\n";
}
