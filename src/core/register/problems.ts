/** A refused register: every bad row with its row, column and reason, in one error. */
import { DealError } from "../errors";
import { lowerFirst, quoted } from "./text";

/** One refused row: where, and why. */
export interface RegisterProblem {
  /** The row number, header = row 1. */
  readonly row: number;
  /** The column's header as written; "" when no one column explains it. */
  readonly column: string;
  readonly reason: string;
  /** The whole message: `Row 4, column "End date": the end date … is before …`. */
  readonly message: string;
}

/** How many refused rows a message spells out; the rest are counted. */
const PROBLEMS_IN_MESSAGE = 3;

/**
 * A register refused for one or more rows: every refused row in {@link problems}; the message gives
 * the first three and counts the rest — one row's message alone when only one row is refused.
 */
export class RegisterError extends DealError {
  constructor(readonly problems: readonly RegisterProblem[]) {
    super("value", registerMessage(problems));
  }
}

function registerMessage(problems: readonly RegisterProblem[]): string {
  if (problems.length === 1) return problems[0].message;
  const shown = problems.slice(0, PROBLEMS_IN_MESSAGE).map((p) => p.message);
  const rest = problems.slice(PROBLEMS_IN_MESSAGE).map((p) => p.row);
  const more = rest.length === 0 ? "" : ` And ${rest.length} more (row${rest.length === 1 ? "" : "s"} ${rest.slice(0, 10).join(", ")}${rest.length > 10 ? ", …" : ""}).`;
  return `${problems.length} rows are refused. ${shown.join(" ")}${more}`;
}

/** A bad cell: its row, column and reason, and the message `Row 4, column "End date": …`. */
export class CellError extends DealError {
  readonly problem: RegisterProblem;
  constructor(row: number, header: string, reason: string) {
    const column = header === "" ? "(no header)" : quoted(header);
    const message = `Row ${row}, column "${column}": ${lowerFirst(reason)}`;
    super("value", message);
    this.problem = { row, column: header, reason, message };
  }
}

export function cellError(row: number, header: string, message: string): DealError {
  return new CellError(row, header, message);
}
