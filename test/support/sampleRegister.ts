/**
 * A sample deal register — **illustrative**. Only the first row's contract terms are reported (the
 * seed deal: Reflection AI × SpaceX, Colossus 2, as reported, unverified); every other deal, every
 * counterparty name other than Reflection AI, every exit probability and discount rate is invented to
 * show a shape of deal. The same rows are docs/sample-register.csv (a test keeps the two equal).
 *
 * Shapes: the seed (monthly, 3-month lock-in, 90 days' notice); a one-year extension that cannot be
 * ended early, written in capitals (counterparties are aggregated without regard to case); quarterly
 * in arrears with actual-days proration, notice allowed during the lock-in and a termination fee; 3%
 * annual escalation; a delivery ramp; a lock-in that ends on a fixed date.
 */

/** Each cell as text, as a CSV file (or a cell typed in Excel) holds it. */
export const SAMPLE_REGISTER: readonly (readonly string[])[] = [
  [
    "Counterparty", "Start date", "End date", "Payment", "Frequency", "Escalation", "Timing", "Proration",
    "Lock-in months", "Lock-in last day", "Notice days", "Notice in lock-in", "Termination fee", "Ramp",
    "Discount rate", "Annual exit probability", "Basis",
  ],
  // Reported terms (unverified); the 20% exit probability and 8% discount rate are assumptions.
  [
    "Reflection AI", "2026-07-01", "2029-12-31", "150000000", "monthly", "", "advance", "full",
    "3", "", "90", "FALSE", "", "", "0.08", "0.2", "seed deal as reported; probability assumed",
  ],
  [
    "REFLECTION AI", "2030-01-01", "2030-12-31", "150000000", "monthly", "", "advance", "full",
    "12", "", "90", "FALSE", "", "", "0.08", "0", "illustrative extension, no early exit",
  ],
  [
    "Northwind Compute", "2026-01-01", "2028-12-31", "60000000", "quarterly", "", "arrears", "actual",
    "12", "", "180", "TRUE", "50000000", "", "0.10", "0.1", "illustrative",
  ],
  [
    "Contoso AI", "2025-10-01", "2030-09-30", "40000000", "monthly", "0.03", "advance", "full",
    "24", "", "180", "FALSE", "", "", "0.09", "0.05", "illustrative",
  ],
  [
    "Fabrikam Labs", "2026-07-01", "2031-06-30", "92000000", "monthly", "", "advance", "full",
    "12", "", "90", "FALSE", "", "46000000 until 2026-09-30", "0.08", "0.1", "illustrative",
  ],
  [
    "Tailspin Research", "2026-03-15", "2028-03-14", "25000000", "monthly", "", "advance", "full",
    "", "2026-12-31", "60", "FALSE", "", "", "0.12", "0.3", "illustrative",
  ],
];

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The sample register as CSV text, CRLF line ends (RFC 4180). */
export function sampleRegisterCsv(): string {
  return SAMPLE_REGISTER.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
