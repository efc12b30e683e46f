/**
 * The register: columns by header, rows through validateTerms, and every message a bad row can give.
 * Cells are read by their column's declared kind (src/core/fields.ts), as the same field is read everywhere.
 */
import { DealError, mapColumns, normaliseHeader, numError, readRamp, readRegister } from "../../src/core";
import * as termsModule from "../../src/core/terms";
import { serialOf } from "../support/dates";

const HEADER = ["Counterparty", "Start date", "End date", "Payment"];
const SEED_ROW = ["Reflection AI", serialOf("2026-07-01"), serialOf("2029-12-31"), 150_000_000];

function read(rows: unknown[][]) {
  return readRegister(rows);
}

/** The message of the DealError a register gives, with its kind. */
function failure(rows: unknown[][]): string {
  try {
    read(rows);
  } catch (error) {
    if (error instanceof DealError) return `${error.kind}: ${error.message}`;
    throw error;
  }
  throw new Error("expected the register to be refused");
}

describe("column recognition", () => {
  it("normalises case, spaces, underscores, hyphens and apostrophes", () => {
    expect(normaliseHeader("  START   Date ")).toBe("startdate");
    expect(normaliseHeader("lock_in-months")).toBe("lockinmonths");
    expect(normaliseHeader("Days' notice")).toBe("daysnotice");
  });

  it("recognises synonyms and reports unknown and blank headers as ignored", () => {
    const mapping = mapColumns(["Tenant", "Region", "commencement", "EXPIRY", "", "amount", "notice_days", "Exit Probability"]);
    expect(mapping.fields).toEqual({ counterparty: 0, startDate: 2, endDate: 3, payment: 5, noticeDays: 6, exitProbability: 7 });
    expect(mapping.ignored.map((c) => [c.index, c.header])).toEqual([[1, "Region"], [4, ""]]);
    expect(mapping.columns[3]).toEqual({ index: 3, header: "EXPIRY", field: "endDate" });
    for (const synonyms of [["Customer", "Client", "Counterparty"], ["Start", "Start date", "Commencement date"], ["End", "Expiry date"], ["Monthly payment", "Payment per period"]]) {
      for (const h of synonyms) {
        const header = [...HEADER];
        const slot = ["Customer", "Client", "Counterparty"].includes(h) ? 0 : h.startsWith("Start") || h.startsWith("Commencement") ? 1 : h.startsWith("E") ? 2 : 3;
        header[slot] = h;
        expect(mapColumns(header).fields).toEqual({ counterparty: 0, startDate: 1, endDate: 2, payment: 3 });
      }
    }
  });

  it("refuses two columns for one field, naming both", () => {
    expect(() => mapColumns([...HEADER, "start"])).toThrow('The columns "Start date" and "start" both give the start date: keep one of them.');
  });

  it("refuses a register without a required column, saying what to call it", () => {
    expect(() => mapColumns(["Counterparty", "Start", "End"])).toThrow(
      'The register has no payment column: name one "Payment", "Payment per period", "Amount", "Fee", "Rent", "Monthly payment", "Monthly fee", "Monthly rent" (any case).', // the synonyms finance teams use: Fee, Rent, Monthly fee/rent
    );
    expect(() => mapColumns(["Start", "End", "Payment"])).toThrow(/no counterparty column: name one "Counterparty", "Customer", "Tenant", "Client"/);
    expect(() => read([])).toThrow("The register is empty: give a header row and one deal per row.");
  });
});

describe("reading rows", () => {
  it("reads the seed row, skips fully blank rows and counts them, numbering rows from the header", () => {
    const register = read([HEADER, [null, null, null, null], SEED_ROW, ["", " ", 0, null], [...SEED_ROW.slice(0, 3), 1]]);
    expect(register.counts).toEqual({ rows: 4, deals: 2, blankRows: 2 });
    expect(register.deals.map((d) => d.row)).toEqual([3, 5]);
    const [seed] = register.deals;
    expect(seed.counterparty).toBe("Reflection AI");
    expect(seed.terms.startDate).toBe(46204);
    expect(seed.terms.payment).toEqual({ kind: "fixed", amount: expect.anything() });
    expect(seed.exitProbability).toBe(0);
    expect(seed.discountRate).toBeNull();
  });

  it("reads every optional column as a DEAL argument reads it: words, TRUE/FALSE, ISO text dates", () => {
    const header = [...HEADER, "Frequency", "Escalation", "Timing", "Proration", "Lock-in", "Notice", "Notice in lock-in", "Notice date", "Note?", "Termination fee", "Discount rate", "Annual exit probability"];
    const row = ["Northwind", "2026-01-01", "2028-12-31", 60e6, "Quarterly", 0.03, "in arrears", "actual", 12, 180, true, "2026-03-01", "x", 5e6, 0.1, 0.25];
    const [deal] = read([header, row]).deals;
    expect(deal.terms.frequency).toBe("quarterly");
    expect(deal.terms.escalation.toString()).toBe("0.03");
    expect([deal.terms.timing, deal.terms.proration]).toEqual(["arrears", "actual"]);
    expect(deal.terms.termination).toMatchObject({ lockInMonths: 12, noticeDays: 180, noticeDuringLockIn: true, noticeDate: serialOf("2026-03-01") });
    expect(deal.terms.termination.fee.toString()).toBe("5000000");
    expect(deal.discountRate!.toString()).toBe("0.1");
    expect(deal.exitProbability).toBe(0.25);
  });

  it("reads a fixed-date lock-in and a ramp", () => {
    const [deal] = read([
      [...HEADER, "Lock-in last day", "Ramp"],
      ["Fabrikam", "2026-07-01", "2031-06-30", 92e6, "2026-12-31", "46,000,000 until 2026-09-30; 69000000.50 until 2026-12-31"],
    ]).deals;
    expect(deal.terms.termination.lockInLastDay).toBe(serialOf("2026-12-31"));
    // Steps: the start at 46M, the day after each "until" at the next amount, then the payment.
    expect(deal.terms.payment.kind === "ramp" && deal.terms.payment.steps.map((s) => [s.effectiveDate, s.amount.toString()])).toEqual([
      [serialOf("2026-07-01"), "46000000"],
      [serialOf("2026-10-01"), "69000000.5"],
      [serialOf("2027-01-01"), "92000000"],
    ]);
    expect(readRamp("460000000 until 2026-09-30", 46204, 920e6)).toEqual([
      { effectiveDate: 46204, amount: "460000000" },
      { effectiveDate: serialOf("2026-10-01"), amount: 920e6 },
    ]);
  });
});

describe("every message a bad row gives: #VALUE! naming the row and the column", () => {
  const FULL = [...HEADER, "Frequency", "Escalation", "Timing", "Proration", "Lock-in months", "Lock-in last day", "Notice days", "Notice in lock-in", "Notice date", "Termination fee", "Ramp", "Discount rate", "Annual exit probability"];
  const GOOD = [...SEED_ROW, "", "", "", "", 3, "", 90, "", "", "", "", "", ""];
  /** The failure of a register whose row 3 is the seed row with some cells changed. */
  const bad = (changes: Record<string, unknown>, header: string[] = FULL) => {
    const row: unknown[] = [...GOOD];
    for (const [column, value] of Object.entries(changes)) row[header.indexOf(column)] = value;
    return failure([header, GOOD, row]);
  };

  it.each([
    [{ Counterparty: " " }, 'Row 3, column "Counterparty": the counterparty is missing.'],
    [{ "Start date": "soon" }, 'Row 3, column "Start date": the start date must be a date, not the text "soon".'],
    [{ "Start date": null }, 'Row 3, column "Start date": the start date is missing: give a date.'],
    [{ "End date": "2026-13-01" }, 'Row 3, column "End date": the end date must be a date, not the text "2026-13-01".'],
    [{ "End date": serialOf("2026-01-01") }, 'Row 3, column "End date": the end date 2026-01-01 is before the start date 2026-07-01.'],
    [{ "End date": serialOf("2130-01-01") }, 'Row 3, column "End date": the term from 2026-07-01 to 2130-01-01 is longer than 1,200 months (100 years), the longest supported: end it by 2126-06-30.'],
    [{ "Start date": -5 }, "Row 3, column \"Start date\": start_date is outside Excel's calendar (1900 to 9999)."],
    [{ Payment: 0 }, 'Row 3, column "Payment": the payment per period must be greater than zero.'],
    [{ Payment: "lots" }, 'Row 3, column "Payment": the payment must be a number, not the text "lots".'],
    [{ Payment: 1e15 }, 'Row 3, column "Payment": payment must be below 1,000,000,000,000,000.'],
    [{ Frequency: "weekly" }, 'Row 3, column "Frequency": the frequency must be "monthly", "quarterly", "semi-annual" or "annual" (or 12, 4, 2, 1 payments a year), not the text "weekly".'],
    [{ Escalation: -1 }, 'Row 3, column "Escalation": the escalation rate must be above -100% and at most 1000% a year.'],
    // Cells are read by their column's declared kind: escalation is a rate, so a bare 3 is ambiguous (3% is read; see register-kinds.test.ts).
    [{ Escalation: 3 }, 'Row 3, column "Escalation": the escalation 3 is ambiguous: write 3% or 0.03.'],
    [{ Timing: "later" }, 'Row 3, column "Timing": the timing must be "advance" or "arrears", not the text "later".'],
    [{ Proration: "half" }, 'Row 3, column "Proration": the proration must be "full" or "actual", not the text "half".'],
    [{ "Lock-in months": 2.5 }, 'Row 3, column "Lock-in months": the lock-in months must be a whole number, not 2.5.'],
    [{ "Lock-in months": 1201 }, 'Row 3, column "Lock-in months": lock_in_months must be between 0 and 1200.'],
    [{ "Lock-in last day": "end of year" }, 'Row 3, column "Lock-in last day": the lock-in last day must be a date, not the text "end of year".'],
    [{ "Notice days": -1 }, 'Row 3, column "Notice days": notice_days must be between 0 and 36600.'],
    [{ "Notice in lock-in": "maybe" }, 'Row 3, column "Notice in lock-in": the notice in lock-in must be TRUE or FALSE, not the text "maybe".'],
    [{ "Notice date": serialOf("2026-09-30") }, 'Row 3, column "Notice date": notice served on 2026-09-30 is too early: the earliest permitted notice date is 2026-10-01.'],
    [{ "Termination fee": -1 }, 'Row 3, column "Termination fee": the termination fee cannot be negative.'],
    [{ Ramp: 5 }, 'Row 3, column "Ramp": the ramp must be text: give the amounts before the payment as text such as "50000000 until 2026-09-30; 100000000 until 2026-12-31".'],
    [{ Ramp: "half until October" }, 'Row 3, column "Ramp": the ramp step "half until October" is not "amount until YYYY-MM-DD": give the amounts before the payment as text such as "50000000 until 2026-09-30; 100000000 until 2026-12-31".'],
    [{ Ramp: "1 until 2026-12-31; 2 until 2026-09-30" }, 'Row 3, column "Ramp": ramp dates must be in ascending order without repeats (step 3).'],
    [{ Ramp: "1 until 2026-06-01" }, 'Row 3, column "Ramp": ramp dates must be in ascending order without repeats (step 2).'],
    [{ "Discount rate": -1 }, 'Row 3, column "Discount rate": the discount rate must be above -100%.'],
    [{ "Annual exit probability": "150%" }, 'Row 3, column "Annual exit probability": the annual exit probability must be between 0 and 1 (0% to 100%), not 1.5.'],
    [{ "Annual exit probability": 1.5 }, 'Row 3, column "Annual exit probability": the annual exit probability 1.5 is ambiguous: write 1.5% or 0.015.'],
    [{ "Annual exit probability": "likely" }, 'Row 3, column "Annual exit probability": the annual exit probability must be a rate such as 8% or 0.08, not the text "likely".'],
  ])("%j", (changes, message) => {
    expect(bad(changes)).toBe(`value: ${message}`);
  });

  it("blames the lock-in column for a lock-in that ends past 9999", () => {
    const changes = { "Start date": serialOf("9999-01-01"), "End date": serialOf("9999-12-30"), "Lock-in months": 24 };
    expect(bad(changes)).toBe(`value: Row 3, column "Lock-in months": the date falls outside Excel's calendar (1900 to 9999).`);
  });

  it("uses the header as written, and refuses a non-monthly deal under a \"Monthly payment\" header", () => {
    const header = ["CLIENT", "Commencement", "Expiry", "Monthly payment", "Frequency"];
    const row = ["Northwind", "2026-01-01", "2025-12-31", 1, ""];
    expect(failure([header, row])).toBe('value: Row 2, column "Expiry": the end date 2025-12-31 is before the start date 2026-01-01.');
    expect(failure([header, ["Northwind", "2026-01-01", "2028-12-31", 60e6, "quarterly"]])).toBe(
      'value: Row 2, column "Frequency": the payment column is "Monthly payment" but this deal pays quarterly: name the column "Payment" (an amount per period) so the amount is not misread.',
    );
    expect(read([header, ["Northwind", "2026-01-01", "2028-12-31", 60e6, "monthly"]]).deals).toHaveLength(1);
  });

  it("a refusal no column explains (a rule validateTerms may gain) names the required columns", () => {
    const spy = jest.spyOn(termsModule, "validateTerms").mockImplementation(() => {
      throw numError("A rule added later.");
    });
    try {
      expect(failure([HEADER, SEED_ROW])).toBe('value: Row 2, columns "Start date", "End date", "Payment": a rule added later.');
    } finally {
      spy.mockRestore();
    }
    expect(read([HEADER, SEED_ROW]).deals).toHaveLength(1);
  });

  it("reports the first bad row only after the good ones, never dropping it", () => {
    expect(failure([HEADER, SEED_ROW, SEED_ROW, [null, null, null, null], ["X", "2026-07-01", "", 1]])).toBe(
      'value: Row 5, column "End date": the end date is missing: give a date.',
    );
  });
});
