/**
 * The Portfolio sheet reads a register row without termination terms as no early exit, as the core
 * does (a missing clause is no clause, never "terminable at once"): before, its formulas took blank
 * lock-in and notice cells for 0 and every such deal's committed value was 0. A 0 typed by the user
 * is a term given. Proof by LibreOffice, figures by hand.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { readRegister } from "../../src/core";
import { REGISTER_SHEET } from "../../src/cli/model";
import { writeRegisterXlsx } from "../../src/export/xlsx";
import { buildPortfolioPlan, registerSource } from "../../src/model/portfolioSheet";
import { recalculateWithLibreOffice } from "../support/libreoffice";
import { addressesOf, addressOf } from "../support/planRefs";
import { expectNoErrors, numberAt, readSheetValues, textAt } from "../support/xlsxValues";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "deal-portfolio-terms-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

// Each deal: 2026-07-01 to 2027-06-30, 1,000 a month in advance: a headline of 12 × 1,000 = 12,000.
const WITH_COLUMNS = [
  ["Counterparty", "Start", "End", "Payment", "Lock-in months", "Notice days"],
  ["No terms", "2026-07-01", "2027-06-30", "1000", "", ""], // no clause: all 12,000 firm, exit 2027-07-01
  ["Seed-like", "2026-07-01", "2027-06-30", "1000", "3", "90"], // notice 2026-10-01 + 90 = 2026-12-30: Jul–Dec, 6,000
  ["At once", "2026-07-01", "2027-06-30", "1000", "0", "0"], // given: notice on the start, exit that day: 0
];
// "Termination notice" is not a header the portfolio reads, but it looks like one: the sheet lists it and a check fails.
const WITHOUT_COLUMNS = [
  ["Counterparty", "Start", "End", "Payment", "Termination notice"],
  ["A", "2026-07-01", "2027-06-30", "1000", "90 days"],
  ["B", "2027-01-01", "2027-12-31", "2000", ""], // 12 × 2,000 = 24,000, all firm
];

test("blank or missing termination terms: committed = headline on the sheet, as in the core; a typed 0 is a term", async () => {
  const built = [WITH_COLUMNS, WITHOUT_COLUMNS].map((records, i) => {
    const register = readRegister(records);
    const plan = buildPortfolioPlan(registerSource(REGISTER_SHEET, register.mapping, records.length - 1), register);
    return { records, plan, file: path.join(work, `terms${i}.xlsx`) };
  });
  for (const b of built) await writeRegisterXlsx(REGISTER_SHEET, b.records, [b.plan], b.file);
  const recalculated = recalculateWithLibreOffice(built.map((b) => b.file), path.join(work, "lo"));
  const [first, second] = await Promise.all(recalculated.map((f) => readSheetValues(f, 2)));
  expectNoErrors(first);
  expectNoErrors(second);

  const committed = (cells: Map<string, unknown>, plan: (typeof built)[number]["plan"]) =>
    addressesOf(plan, "DealCommitted").slice(0, plan === built[0].plan ? 3 : 2).map((a) => numberAt(cells as never, a));
  expect(committed(first, built[0].plan)).toEqual([12_000, 6_000, 0]);
  expect(numberAt(first, addressOf(built[0].plan, "TotalCommitted"))).toBe(18_000);
  expect(numberAt(first, addressOf(built[0].plan, "DealsWithoutTerms"))).toBe(1);
  expect(numberAt(first, addressesOf(built[0].plan, "DealExitDate")[0])).toBe(46569); // 2027-07-01: the day after the end

  expect(committed(second, built[1].plan)).toEqual([12_000, 24_000]);
  expect(numberAt(second, addressOf(built[1].plan, "TotalCommitted"))).toBe(36_000);
  expect(numberAt(second, addressOf(built[1].plan, "TotalHeadline"))).toBe(36_000);
  expect(numberAt(second, addressOf(built[1].plan, "DealsWithoutTerms"))).toBe(2);
  // The unread column is listed and fails a check, and with it all checks; the first register's pass.
  expect(numberAt(second, addressOf(built[1].plan, "LookalikeColumns"))).toBe(1);
  expect(textAt(second, addressOf(built[1].plan, "ColumnsAllRead"))).toBe("CHECK");
  expect(textAt(second, addressOf(built[1].plan, "AllChecks"))).toBe("CHECK");
  expect(textAt(first, addressOf(built[0].plan, "ColumnsAllRead"))).toBe("OK");
  expect(textAt(first, addressOf(built[0].plan, "AllChecks"))).toBe("OK");
});
