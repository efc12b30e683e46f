/**
 * npm run model -- --register: a register without termination terms is read as no early exit, and the
 * command says so where the user looks (before, it printed "Committed 0.00" with no warning).
 */
import fs from "fs";
import os from "os";
import path from "path";
import { run } from "../../src/cli/model";

test("the CLI names the rows without termination terms and prints committed = headline", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "deal-cli-terms-"));
  try {
    // Two deals, no lock-in or notice columns: 12 × 1,000 and 12 × 250.50 = 12,000 + 3,006 = 15,006, all firm.
    fs.writeFileSync(path.join(dir, "deals.csv"), "Tenant,Commencement,EXPIRY,amount\nAcme,2026-07-01,2027-06-30,1000\nBeta,2026-01-01,2026-12-31,250.5\n");
    const out: string[] = [];
    expect(await run(["--register", "deals.csv", "--out", "p.xlsx"], dir, { log: (l) => out.push(l), error: (l) => out.push(l) })).toBe(0);
    expect(out).toContain(`  ${"Headline".padEnd(26)} 15,006.00`);
    expect(out).toContain(`  ${"Committed".padEnd(26)} 15,006.00`);
    expect(out).toContain("  No termination terms given: rows 2, 3 — read as no early exit (committed = headline).");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("npm run model -- --register reads files as spreadsheets export them and lists every bad row", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "deal-cli-files-"));
  const lines: string[] = [];
  const io = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
  try {
    // European Excel: semicolons, Windows-1252 ("Société" as E9), day-first dates stated by --date-order.
    const text = "Tenant;Start;End;Fee\r\nSociété X;01/07/2026;30/06/2027;1000\r\nBeta;01/01/2026;31/12/2026;250\r\n";
    fs.writeFileSync(path.join(dir, "eu.csv"), Buffer.from(text, "latin1"));
    expect(await run(["--register", "eu.csv", "--date-order", "dmy", "--out", "eu.xlsx"], dir, io)).toBe(0);
    // 12 × 1,000 + 12 × 250 = 15,000, no termination terms: all committed.
    expect(lines).toContain(`  ${"Committed".padEnd(26)} 15,000.00`);
    expect(lines.some((l) => /Windows-1252/.test(l))).toBe(true);
    lines.length = 0;
    fs.writeFileSync(path.join(dir, "bad.csv"), "Tenant,Start,End,Fee\nA,2026-07-01,soon,1\nB,later,2027-06-30,1\n");
    expect(await run(["--register", "bad.csv", "--out", "bad.xlsx"], dir, io)).toBe(2);
    expect(lines.filter((l) => /^model: Row [23]/.test(l))).toHaveLength(2); // both rows, in one run
    expect(await run(["--date-order", "dmy"], dir, io)).toBe(2);
    expect(lines).toContain("model: --date-order says how to read a register file: it goes with --register.");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("columns not read are printed, and one that looks like a known field is flagged", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "deal-cli-columns-"));
  try {
    fs.writeFileSync(path.join(dir, "deals.csv"), "Tenant,Start,End,Fee,Region,Termination notice\nAcme,2026-07-01,2027-06-30,1000,EU,90 days\n");
    const out: string[] = [];
    expect(await run(["--register", "deals.csv", "--out", "p.xlsx"], dir, { log: (l) => out.push(l), error: (l) => out.push(l) })).toBe(0);
    expect(out).toContain('  Columns not read: "Region", "Termination notice"');
    expect(out).toContain(
      '  Check: the column "Termination notice" was not read but looks like the termination fee or notice days: name it as the portfolio reads it (docs/inputs.md).',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
