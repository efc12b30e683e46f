/**
 * Balanced journal entries for the lessee and the lessor.
 */
import { Serial } from "../dates";
import { Decimal, ZERO } from "../money";
import { LeaseAccounting } from "./lessee";
import { LessorRow } from "./lessor";

export type Account =
  | "Right-of-use asset"
  | "Lease liability"
  | "Cash"
  | "Interest expense"
  | "Depreciation expense"
  | "Operating lease cost"
  | "Short-term lease expense"
  | "Accrued rent"
  | "Gain on remeasurement"
  | "Lease income"
  | "Accrued rent receivable";

export interface JournalLine {
  readonly account: Account;
  readonly debit: Decimal;
  readonly credit: Decimal;
}

export interface JournalEntry {
  /** 0 for commencement, else the period. */
  readonly period: number;
  readonly date: Serial;
  readonly description: string;
  readonly lines: readonly JournalLine[];
}

/** Builds an entry from signed amounts (+ debit, − credit), dropping zeros; refuses an unbalanced one. */
function entry(period: number, date: Serial, description: string, amounts: readonly [Account, Decimal][]): JournalEntry {
  const lines: JournalLine[] = [];
  let net = ZERO;
  for (const [account, amount] of amounts) {
    if (amount.isZero()) continue;
    net = net.plus(amount);
    lines.push(amount.isPositive() ? { account, debit: amount, credit: ZERO } : { account, debit: ZERO, credit: amount.negated() });
  }
  if (!net.isZero()) throw new Error(`Unbalanced journal "${description}": off by ${net.toString()}.`);
  return { period, date, description, lines };
}

/**
 * The lessee's journal entries as data: commencement; each period's interest and payment; its
 * depreciation (or, for an ASC 842 operating lease, the single lease cost with the asset's
 * amortisation); a remeasurement. Every entry balances (debits = credits); an entry with nothing to
 * post is left out.
 */
export function lesseeJournal(accounting: LeaseAccounting): JournalEntry[] {
  const { measurement: m, rows, standard } = accounting;
  const start = m.terms.startDate;
  const out: JournalEntry[] = [];
  if (standard === "short-term") {
    for (const row of rows) {
      const cash = row.period === 1 ? row.payment.plus(m.initialDirectCosts).minus(m.incentives) : row.payment;
      const accruedChange = row.leaseCost.minus(cash);
      const e = entry(row.period, row.end, "Short-term lease expense, straight-line", [
        ["Short-term lease expense", row.leaseCost],
        ["Accrued rent", accruedChange.negated()],
        ["Cash", cash.negated()],
      ]);
      if (e.lines.length > 0) out.push(e);
    }
    return out;
  }
  out.push(
    entry(0, start, "Commencement: right-of-use asset and lease liability", [
      ["Right-of-use asset", m.rouAsset],
      ["Lease liability", m.liability.negated()],
      ["Cash", m.paidAtCommencement.plus(m.initialDirectCosts).minus(m.incentives).negated()],
    ]),
  );
  for (const row of rows) {
    const push = (e: JournalEntry) => {
      if (e.lines.length > 0) out.push(e);
    };
    if (standard === "asc842-operating") {
      push(
        entry(row.period, row.end, "Operating lease cost, straight-line; liability accretion and payment; asset amortisation", [
          ["Operating lease cost", row.leaseCost],
          ["Lease liability", row.paymentToLiability.minus(row.interest)],
          ["Right-of-use asset", row.rouReduction.negated()],
          ["Cash", row.paymentToLiability.negated()],
        ]),
      );
    } else {
      push(
        entry(row.period, row.end, "Interest on the lease liability and payment", [
          ["Interest expense", row.interest],
          ["Lease liability", row.paymentToLiability.minus(row.interest)],
          ["Cash", row.paymentToLiability.negated()],
        ]),
      );
      push(
        entry(row.period, row.end, "Depreciation of the right-of-use asset", [
          ["Depreciation expense", row.rouReduction],
          ["Right-of-use asset", row.rouReduction.negated()],
        ]),
      );
    }
    if (!row.liabilityRemeasurement.isZero()) {
      push(
        entry(row.period, row.end, "Remeasurement of the lease liability on notice", [
          ["Lease liability", row.liabilityRemeasurement.negated()],
          ["Right-of-use asset", row.rouRemeasurement],
          ["Gain on remeasurement", row.remeasurementGain.negated()],
        ]),
      );
    }
  }
  return out;
}

/** The lessor's operating-lease entries: cash received, straight-line income, accrued or deferred rent. */
export function lessorJournal(rows: readonly LessorRow[]): JournalEntry[] {
  let previous = ZERO;
  return rows.map((row) => {
    const change = row.accruedRent.minus(previous);
    previous = row.accruedRent;
    return entry(row.period, row.end, "Operating lease income, straight-line", [
      ["Cash", row.receipt],
      ["Accrued rent receivable", change],
      ["Lease income", row.income.negated()],
    ]);
  });
}
