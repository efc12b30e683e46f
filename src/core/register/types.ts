/** What reading a register gives: its deals, counts and skipped rows, and how it is read. */
import type { Decimal } from "../money";
import type { ContractTerms } from "../terms";
import type { DateOrder } from "../vocabulary";
import type { ColumnMapping } from "./columns";

/** One deal of a register: its row and validated terms, with the register's own assumptions. */
export interface RegisterDeal {
  /** The row number, header = row 1. */
  readonly row: number;
  readonly counterparty: string;
  readonly terms: ContractTerms;
  /** From a "Discount rate" column; null when not given. */
  readonly discountRate: Decimal | null;
  /** From an "Annual exit probability" column: 0 (the default) to 1. */
  readonly exitProbability: number;
  /** From a "GPU count" column; null when not given. */
  readonly gpuCount: number | null;
  /**
   * Whether the row gives termination terms (any of lock-in months, lock-in last day, notice days,
   * notice date). A row without them has no early-exit right: it is read as locked in to its end
   * (committed = headline), never as terminable at once — only terms that are given can lower the
   * committed value. Given terms keep their own meaning: a lock-in without a notice period is ended
   * at the lock-in's end.
   */
  readonly terminationGiven: boolean;
  /** From a "Provider" (Landlord, Lessor) column; absent when not given. */
  readonly provider?: string;
}

export interface RegisterCounts {
  /** Rows below the header. */
  readonly rows: number;
  readonly deals: number;
  /** Rows whose every cell is empty (or 0, as some hosts pass an empty cell): skipped. */
  readonly blankRows: number;
}

/** A row read as no deal: a total or subtotal row. */
export interface SkippedRow {
  /** The row number, header = row 1. */
  readonly row: number;
  readonly reason: string;
}

export interface Register {
  readonly mapping: ColumnMapping;
  readonly deals: readonly RegisterDeal[];
  readonly counts: RegisterCounts;
  /** Total and subtotal rows, skipped. */
  readonly skipped: readonly SkippedRow[];
}

/** How a register is read: the order of day and month in dates typed with numbers only, and the row limit. */
export interface RegisterOptions {
  readonly dateOrder?: DateOrder;
  /** At most this many rows below the header (default MAX_REGISTER_ROWS, 20,000). */
  readonly maxRows?: number;
}

