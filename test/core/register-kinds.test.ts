/**
 * A register's cells are read by their column's declared kind (src/core/fields.ts), never by a name:
 * a rate column follows the rate rule (README, Rates): "8%" and 0.08 are eight percent, a bare 8 is
 * refused as ambiguous. Before the fields declaration, the register's rate columns were read by the
 * amount reader (chosen from the phrase "the discount rate"): "8" became 800% and "8%" was refused.
 */
import { DealError, readRegister } from "../../src/core";
import { serialOf } from "../support/dates";

const HEADER = ["Counterparty", "Start date", "End date", "Payment"];
const ROW = ["Reflection AI", serialOf("2026-07-01"), serialOf("2029-12-31"), 150_000_000];

const withColumn = (header: string, cell: unknown) => readRegister([[...HEADER, header], [...ROW, cell]]);

function refusal(header: string, cell: unknown): string {
  try {
    withColumn(header, cell);
  } catch (error) {
    if (error instanceof DealError) return error.message;
    throw error;
  }
  throw new Error(`expected ${header} = ${String(cell)} to be refused`);
}

describe("register rate columns follow the rate rule", () => {
  it("reads a percent sign as a percentage", () => {
    expect(withColumn("Discount rate", "8%").deals[0].discountRate?.toNumber()).toBe(0.08);
    // 3% a year: the second year's payment is 150,000,000 × 1.03 = 154,500,000.
    expect(withColumn("Escalation", "3%").deals[0].terms.escalation.toNumber()).toBe(0.03);
    expect(withColumn("Annual exit probability", "20%").deals[0].exitProbability).toBe(0.2);
  });

  it("reads a fraction as the rate it is", () => {
    expect(withColumn("Discount rate", 0.08).deals[0].discountRate?.toNumber()).toBe(0.08);
    expect(withColumn("Escalation", "0.03").deals[0].terms.escalation.toNumber()).toBe(0.03);
  });

  it("refuses a bare number above 1 as ambiguous, naming the row and column", () => {
    expect(refusal("Discount rate", "8")).toMatch(/^Row 2, column "Discount rate": .*8 is ambiguous: write 8% or 0\.08\./);
    expect(refusal("Escalation", 3)).toMatch(/^Row 2, column "Escalation": .*3 is ambiguous: write 3% or 0\.03\./);
    expect(refusal("Exit probability", "20")).toMatch(/^Row 2, column "Exit probability": .*20 is ambiguous: write 20% or 0\.2\./);
  });

  it("reads whole-number columns as whole numbers", () => {
    expect(refusal("Lock-in months", "3.5")).toMatch(/^Row 2, column "Lock-in months": .*must be a whole number/);
    expect(withColumn("Notice days", "90").deals[0].terms.termination.noticeDays).toBe(90);
  });
});
