/**
 * lock_in_months and notice_days are required arguments of the exit functions: a blank is refused
 * with #VALUE! saying what to give, never read as 0 ("terminable at once"). A contract without a
 * termination clause is modelled with CONTRACT_VALUE, or with a lock-in that covers the term.
 */
import * as F from "../../src/functions/functions";
import * as V from "../../src/functions/value";
import { excelError } from "../support/excelError";
import { serialOf } from "../support/dates";

const START = serialOf("2026-07-01");
const END = serialOf("2029-12-31");
const PAY = [[150_000_000]];

test.each([
  ["EXIT_VALUE, blank lock-in", () => F.exitValue(START, END, PAY, null, 90), "lock_in_months is missing: give a number."],
  ["EXIT_VALUE, blank notice", () => F.exitValue(START, END, PAY, 3, ""), "notice_days is missing: give a number."],
  ["EXIT_DATE, blank notice", () => F.exitDateOf(START, END, 3, null), "notice_days is missing: give a number."],
  ["COMMITTED_VALUE, blank lock-in", () => V.committedValueOf(START, END, PAY, " ", 90, START), "lock_in_months is missing: give a number."],
])("%s is refused, not read as terminable at once", (_name, call, message) => {
  expect(excelError(call)).toEqual({ code: "#VALUE!", message });
});

test("a lock-in covering the term gives no early exit: the headline, 42 × 150,000,000", () => {
  expect(F.exitValue(START, END, PAY, 42, 90)).toBe(6_300_000_000);
});
