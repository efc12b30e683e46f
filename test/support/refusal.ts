import { DealError } from "../../src/core";

/**
 * The message a call is refused with (a DealError); fails the test when the call returns normally.
 *
 * @example
 * refusal(() => readRegister([])) // "The register is empty: give a header row and one deal per row."
 */
export function refusal(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof DealError) return error.message;
    throw error;
  }
  throw new Error("expected a refusal");
}
