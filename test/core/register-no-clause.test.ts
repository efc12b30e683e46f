/**
 * A register row without termination terms has no early-exit right: committed = headline, exit date
 * = the day after the end. Before, blank or unrecognised termination columns were read as "terminable
 * at once with no notice": every such deal's committed value was 0 and its exit date its start, with
 * every check OK.
 */
import { exitOutcome, lookalikeColumns, readRegister, toNumber } from "../../src/core";
import { serialOf } from "../support/dates";

const HEADER = ["Counterparty", "Start date", "End date", "Payment"];
const SEED = ["Reflection AI", serialOf("2026-07-01"), serialOf("2029-12-31"), 150_000_000];

describe("a missing termination clause is no clause", () => {
  it("no termination columns: committed = headline, exit the day after the end", () => {
    const [deal] = readRegister([HEADER, SEED]).deals;
    expect(deal.terminationGiven).toBe(false);
    const exit = exitOutcome(deal.terms);
    // 42 months × 150,000,000 = 6,300,000,000, all of it firm; no exit before 2030-01-01.
    expect(toNumber(exit.value)).toBe(6_300_000_000);
    expect(exit.exitDate).toBe(serialOf("2030-01-01"));
  });

  it("blank termination cells likewise; given terms keep their meaning", () => {
    const header = [...HEADER, "Lock-in months", "Notice days"];
    const deals = readRegister([header, [...SEED, null, ""], [...SEED, 3, 90]]).deals;
    expect(deals.map((d) => d.terminationGiven)).toEqual([false, true]);
    expect(toNumber(exitOutcome(deals[0].terms).value)).toBe(6_300_000_000);
    // The seed's clause: notice 2026-10-01 + 90 days → exit 2026-12-30, Jul–Dec owed: 6 × 150M = 900M.
    expect(toNumber(exitOutcome(deals[1].terms).value)).toBe(900_000_000);
  });
});

test("an ignored column that shares a word with a known field's headers is a lookalike", () => {
  const { mapping } = readRegister([[...HEADER, "Region", "Termination notice", "Renewal date"], [...SEED, "EU", "90 days", ""]]);
  // "Region" and "Renewal date" share no telling word ("date" is too common to tell); "notice" and "termination" do.
  expect(lookalikeColumns(mapping).map((l) => [l.column.header, l.like])).toEqual([["Termination notice", "termination fee or notice days"]]);
});
