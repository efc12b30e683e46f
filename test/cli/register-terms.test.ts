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
