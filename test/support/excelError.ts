import { CustomFunctionsErrorStub } from "./customFunctionsStub";

/**
 * The Excel error a custom-function call ends in, as Excel would show it: its code, and its message
 * when there is one. Fails the test when the call returns normally; any other throw is rethrown.
 *
 * @example
 * excelError(() => F.CONTRACT_VALUE(0, 1, 12, [[100]], 0.05)); // { code: "#VALUE!", message: "..." }
 */
export function excelError(fn: () => unknown): { code: string; message?: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof CustomFunctionsErrorStub) return { code: error.code, message: error.message || undefined };
    throw error;
  }
  throw new Error("expected an Excel error");
}
