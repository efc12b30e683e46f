/**
 * The kinds of failure the core reports, named after the Excel error each adapter shows:
 * - `value`: a wrong or missing argument (`#VALUE!`, which carries our message in Excel);
 * - `num`: a well-formed but impossible number, such as an end date before the start (`#NUM!`);
 * - `na`: no answer exists for the question asked (`#N/A`).
 */
export type DealErrorKind = "value" | "num" | "na";

/** A failure a finance user can act on: the message names the argument and what is expected. */
export class DealError extends Error {
  constructor(
    readonly kind: DealErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "DealError";
  }
}

export const valueError = (message: string): DealError => new DealError("value", message);
export const numError = (message: string): DealError => new DealError("num", message);
