import { TermsInput } from "../../src/core";
import { serialOf } from "./dates";

/** Reflection AI × SpaceX, Colossus 2 (GB300), as reported: the contract's own figures. */
export const SEED: TermsInput = {
  startDate: serialOf("2026-07-01"),
  endDate: serialOf("2029-12-31"),
  payment: 150_000_000,
  frequency: "monthly",
  timing: "advance",
  lockInMonths: 3,
  noticeDays: 90,
};
