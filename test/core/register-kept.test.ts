/**
 * Issue 15 §2, "registers as people keep them": free headers with units, synonyms, currency amounts,
 * dates in the forms people type, a Total row, and every bad row reported at once.
 * Each test failed before its fix (the failure is noted in a comment).
 */
import { mapColumns, normaliseHeader, readAmount, readDate, readRegister, readText, REGISTER_FIELDS, RegisterError } from "../../src/core";
import { serialOf } from "../support/dates";
import { refusal } from "../support/refusal";


describe("headers as people write them", () => {
  // Failed with: normaliseHeader("Lock-in (months)") was "lockin(months)", and mapColumns left the column ignored.
  it("ignores case, spaces, punctuation and a trailing unit in brackets", () => {
    expect(normaliseHeader("Lock-in (months)")).toBe("lockin");
    expect(normaliseHeader("Monthly fee ($)")).toBe("monthlyfee");
    expect(normaliseHeader("Escalation (%/yr)")).toBe("escalation");
    expect(normaliseHeader("Notice [days]")).toBe("notice");
    expect(normaliseHeader("Days' notice")).toBe("daysnotice");
    const mapping = mapColumns(["Tenant", "Contract start", "Term end", "Monthly fee ($)", "Lock-in (months)", "Notice (days)", "Escalation (%/yr)", "Landlord"]);
    expect(mapping.fields).toEqual({ counterparty: 0, startDate: 1, endDate: 2, payment: 3, lockInMonths: 4, noticeDays: 5, escalation: 6, provider: 7 });
    expect(mapping.ignored).toEqual([]);
  });

  // Failed with: "The register has no start date column" for Contract start, and Fee/Rent/Lessee/Lessor unknown.
  it("knows the synonyms a finance team uses, each for one field only", () => {
    const cases: [string, string][] = [
      ["Contract start", "startDate"], ["Commencement date", "startDate"], ["Expiry", "endDate"], ["Term end", "endDate"],
      ["Fee", "payment"], ["Rent", "payment"], ["Monthly rent", "payment"], ["Tenant", "counterparty"], ["Lessee", "counterparty"],
      ["Customer", "counterparty"], ["Client", "counterparty"], ["Landlord", "provider"], ["Lessor", "provider"], ["Provider", "provider"],
    ];
    for (const [header, field] of cases) {
      const found = REGISTER_FIELDS.filter((f) => f.headers.some((h) => normaliseHeader(h) === normaliseHeader(header)));
      expect([header, found.map((f) => f.field)]).toEqual([header, [field]]);
    }
    const all = REGISTER_FIELDS.flatMap((f) => f.headers.map((h) => normaliseHeader(h)));
    expect(new Set(all).size).toBe(all.length); // no header names two fields
  });

  // Failed with: a 100-character header was quoted whole in the duplicate-column message.
  it("quotes at most 40 characters of a header, and refuses more than 16,384 columns", () => {
    const long = "Start " + "x".repeat(100);
    const message = refusal(() => mapColumns(["Client", "Start", "End", "Payment", "Start date " + "(" + "y".repeat(100) + ")"]));
    expect(message.length).toBeLessThan(200);
    expect(normaliseHeader(long).length).toBe(105);
    expect(refusal(() => mapColumns(Array(16_385).fill("x")))).toBe("The register has 16,385 columns; a worksheet holds at most 16,384.");
  });
});

describe("values as people type them", () => {
  // Failed with: payment must be a number, not the text "$150,000,000".
  it("reads amounts with a currency symbol or code and thousands separators", () => {
    expect(readAmount("$150,000,000", "payment")).toBe(150_000_000);
    expect(readAmount("USD 150,000,000", "payment")).toBe(150_000_000);
    expect(readAmount("150,000,000.00", "payment")).toBe(150_000_000);
    expect(readAmount("150,000,000 EUR", "payment")).toBe(150_000_000);
    expect(readAmount("€ 1,250.50", "payment")).toBe(1250.5);
    expect(readAmount("-$5", "payment")).toBe(-5);
    expect(refusal(() => readAmount("$", "payment"))).toBe('payment must be a number, not the text "$".');
    expect(refusal(() => readAmount("usd5", "payment"))).toBe('payment must be a number, not the text "usd5".');
    expect(refusal(() => readAmount("$$5", "payment"))).toBe('payment must be a number, not the text "$$5".');
  });

  // Failed with: start_date must be a date, not the text "1-Jul-2026".
  it("reads dates as serials, ISO, 1-Jul-2026, 01 Jul 2026 and July 1, 2026", () => {
    const july1 = serialOf("2026-07-01");
    for (const text of ["2026-07-01", "1-Jul-2026", "01-Jul-2026", "01 Jul 2026", "1 July 2026", "July 1, 2026", "Jul 1 2026", "1-JUL-2026"]) {
      expect([text, readDate(text, "start_date")]).toEqual([text, july1]);
    }
    expect(readDate(july1, "start_date")).toBe(july1);
    expect(refusal(() => readDate("31-Feb-2026", "start_date"))).toBe('start_date must be a date, not the text "31-Feb-2026".');
    expect(refusal(() => readDate("1-Jul-26", "start_date"))).toMatch(/four-digit year/);
  });

  // Failed with: start_date must be a date, not the text "31/12/2029".
  it("reads day/month/year only when unambiguous or when the order is stated", () => {
    expect(readDate("31/12/2029", "end_date")).toBe(serialOf("2029-12-31"));
    expect(readDate("12/31/2029", "end_date")).toBe(serialOf("2029-12-31"));
    expect(readDate("1.1.2027", "start_date")).toBe(serialOf("2027-01-01")); // both orders give one day
    expect(readDate("7/1/2026", "start_date", "dmy")).toBe(serialOf("2026-01-07"));
    expect(readDate("7/1/2026", "start_date", "mdy")).toBe(serialOf("2026-07-01"));
    expect(refusal(() => readDate("7/1/2026", "start_date"))).toBe(
      'start_date "7/1/2026" is ambiguous: 7 January 2026 or July 1, 2026? Write it as 2026-01-07 or 2026-07-01, or state the order (--date-order dmy or mdy; the pane\'s "Dates typed as").',
    );
    expect(refusal(() => readDate("31/12/2029", "end_date", "mdy"))).toBe('end_date must be a date, not the text "31/12/2029".');
  });

  // Failed with: the text was taken whole, and the workbook written with it was corrupt.
  it("refuses a character a workbook cannot hold", () => {
    expect(refusal(() => readText("Acme\u0001 Labs", "client"))).toBe("client holds a control character (U+0001) that a workbook cannot hold: remove it.");
    expect(refusal(() => readText("Acme\uFFFE", "client"))).toBe("client holds a character (U+FFFE) that a workbook cannot hold: remove it.");
    expect(readText("Société X\tB", "client")).toBe("Société X\tB");
  });
});

describe("a register as people keep it", () => {
  const HEADER = ["Customer", "Contract start", "Expiry", "Monthly fee ($)", "Lock-in (months)", "Notice (days)"];

  // Failed with: Row 5, column "Contract start": the start date is missing (the Total row refused the register).
  it("skips a Total row and a row that sums the rows above with blank dates, and reports them", () => {
    const register = readRegister([
      HEADER,
      ["Acme", "1-Jul-2026", "30-Jun-2027", "$1,000,000", "6", "30"],
      [],
      ["Beta", "2026-07-01", "2027-06-30", "USD 2,000,000", "", ""],
      ["", "", "", "3,000,000", "", ""],
      ["Grand total", "", "", "$3,000,000", "", ""],
      ["TotalEnergies", "2026-07-01", "2027-06-30", "500,000", "", ""],
    ]);
    expect(register.deals.map((d) => [d.row, d.counterparty])).toEqual([[2, "Acme"], [4, "Beta"], [7, "TotalEnergies"]]);
    expect(register.skipped).toEqual([
      { row: 5, reason: "a total: the sum of the payments above, with no dates" },
      { row: 6, reason: 'a total ("Grand total")' },
    ]);
    expect(register.counts.blankRows).toBe(1);
  });

  // Failed with: only the first bad row (Row 2) was reported.
  it("reports every bad row at once: the first three in the message, all in the error", () => {
    const rows = [HEADER, ["A", "7/1/2026", "2027-06-30", "1", "", ""], ["B", "2026-07-01", "2025-06-30", "1", "", ""], ["C", "2026-07-01", "2027-06-30", "lots", "", ""], ["D", "2026-07-01", "2027-06-30", "1", "x", ""], ["E", "2026-07-01", "2027-06-30", "1", "", ""]];
    let error: unknown;
    try {
      readRegister(rows);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegisterError);
    const problems = (error as RegisterError).problems;
    expect(problems.map((p) => [p.row, p.column])).toEqual([[2, "Contract start"], [3, "Expiry"], [4, "Monthly fee ($)"], [5, "Lock-in (months)"]]);
    expect((error as Error).message).toMatch(/^4 rows are refused\. Row 2, column "Contract start": the start date "7\/1\/2026" is ambiguous.*Row 3, column "Expiry": .*Row 4, column "Monthly fee \(\$\)": .* And 1 more \(row 5\)\.$/s);
    // With the order stated, the row reads.
    expect(() => readRegister(rows.slice(0, 2), undefined, { dateOrder: "mdy" })).not.toThrow();
    expect(readRegister(rows.slice(0, 2), undefined, { dateOrder: "mdy" }).deals[0].terms.startDate).toBe(serialOf("2026-07-01"));
  });

  // Failed with: no limit: 100,000 rows went on to an out-of-memory abort in the writer.
  it("refuses more rows than its stated limit with a plain message", () => {
    const rows = [HEADER, ...Array.from({ length: 21 }, () => ["A", "2026-07-01", "2027-06-30", "1", "", ""])];
    expect(refusal(() => readRegister(rows, undefined, { maxRows: 20 }))).toBe("The register has 21 rows below its header; at most 20 are read. Split it into smaller registers.");
  });

  it("carries the provider when a column gives it", () => {
    const register = readRegister([[...HEADER, "Lessor"], ["Acme", "2026-07-01", "2027-06-30", "1", "", "", "CoreWeave"]]);
    expect(register.deals[0].provider).toBe("CoreWeave");
  });
});

describe("currencies", () => {
  // Failed with: "EUR 1,000" and "USD 2,000" were summed as 3,000 — a silent wrong total.
  it("refuses amounts in two currencies, naming the rows; $, US$ and USD are one", () => {
    const header = ["Client", "Start", "End", "Payment", "Termination fee"];
    const ok = readRegister([header, ["A", "2026-07-01", "2027-06-30", "$1,000", "USD 5"], ["B", "2026-07-01", "2027-06-30", "US$ 2,000", "7"]]);
    expect(ok.deals.length).toBe(2);
    expect(refusal(() => readRegister([header, ["A", "2026-07-01", "2027-06-30", "USD 1,000", ""], ["B", "2026-07-01", "2027-06-30", "EUR 2,000", ""]]))).toBe(
      'Row 3, column "Payment": the amount is in EUR but row 2 gives USD: a register is summed in one currency; convert the amounts or split the register.',
    );
  });
});
