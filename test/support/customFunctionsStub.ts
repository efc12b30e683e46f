/**
 * A stand-in for the `CustomFunctions` global that Excel's runtime provides: the Error class and
 * ErrorCode values as documented, and an `associate` that records registrations.
 */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class CustomFunctionsErrorStub extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    // Like Excel's: messages only for #VALUE! and #N/A.
    if (message !== undefined && code !== ErrorCode.invalidValue && code !== ErrorCode.notAvailable) {
      throw new TypeError(`Excel shows no custom message for ${code}`);
    }
  }
}

export const associations = new Map<string, (...args: unknown[]) => unknown>();

export function makeCustomFunctionsGlobal() {
  return {
    Error: CustomFunctionsErrorStub,
    ErrorCode,
    associate(id: string, fn: (...args: unknown[]) => unknown) {
      associations.set(id, fn);
    },
  };
}

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = makeCustomFunctionsGlobal();
