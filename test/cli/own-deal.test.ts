/**
 * npm run model with the user's own terms and no --template models "Your deal": only what the user
 * gave. Before, the same command kept the seed's title ("Reflection AI × SpaceX — Colossus 2 (GB300)"),
 * sheet name, facility, hardware, funding (2.13B: "Months of payments the client's funding covers
 * 106.5"), valuation, notes and a downside scenario ending 2029-06-30.
 */
import fs from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import { run } from "../../src/cli/model";

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "deal-own-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function model(args: string[]): Promise<{ status: number; out: string[]; xml: string }> {
  const out: string[] = [];
  const status = await run([...args, "--out", "own.xlsx"], dir, { log: (l) => out.push(l), error: (l) => out.push(l) });
  const file = path.join(dir, "own.xlsx");
  if (!fs.existsSync(file)) return { status, out, xml: "" };
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parts = await Promise.all(Object.values(zip.files).filter((f) => f.name.endsWith(".xml")).map((f) => f.async("string")));
  return { status, out, xml: parts.join("\n") };
}

const ACME = ["--client", "Acme Labs", "--provider", "CoreWeave", "--payment", "20,000,000", "--start", "2027-01-01", "--end", "2029-12-31"];

test("no word or figure of the seed: the user's parties make the title; blanks stay blank", async () => {
  const { status, out, xml } = await model(ACME);
  expect(status).toBe(0);
  expect(out[0]).toMatch(/sheet "Deal model"/);
  expect(out).toContain(`  ${"Deal".padEnd(26)} Acme Labs × CoreWeave`);
  // 36 months × 20,000,000 = 720,000,000; no termination terms given, so all of it is committed.
  expect(out).toContain(`  ${"Total contract value".padEnd(26)} 720,000,000.00`);
  expect(out).toContain(`  ${"Committed at exit".padEnd(26)} 720,000,000.00 (100.00% of total)`);
  for (const seed of ["Reflection", "SpaceX", "Colossus", "GB300", "2130000000", "25000000000", "106.5"]) expect(xml).not.toContain(seed);
  // The seed's downside ends 2029-06-30 = serial 47299; no scenario of the user's deal may.
  expect(xml).not.toMatch(/<v>47299<\/v>/);
  expect(xml).toContain("No termination terms given: read as no early exit");
});

test("identity fields are options like any other; a clause given is modelled", async () => {
  const { status, out, xml } = await model([
    ...ACME, "--title", "Acme GPU lease", "--facility", "Plano", "--hardware", "H200", "--notes", "Signed 2026-11-30.",
    "--lock-in-months", "12", "--notice-days", "90",
  ]);
  expect(status).toBe(0);
  expect(out).toContain(`  ${"Deal".padEnd(26)} Acme GPU lease`);
  // Notice 2028-01-01 (lock-in end) + 90 days = 2028-03-31 → exit; Jan 2027–Mar 2028 = 15 months × 20M = 300M.
  expect(out).toContain(`  ${"Committed at exit".padEnd(26)} 300,000,000.00 (41.67% of total)`);
  for (const given of ["Acme GPU lease", "Plano", "H200", "Signed 2026-11-30."]) expect(xml).toContain(given);
  expect(xml).not.toContain("No termination terms given");
});

test("terms missing from your deal are named, and nothing is written", async () => {
  const { status, out } = await model(["--client", "Acme Labs", "--payment", "20,000,000"]);
  expect(status).toBe(2);
  expect(out[0]).toBe("model: Your deal needs its start date and end date: give them, or choose a template.");
  expect(fs.readdirSync(dir)).toEqual([]);
});

test("with --template the seed stays the seed, and dates of the user's own drop the seed's scenario end", async () => {
  expect((await model([])).xml).toMatch(/<v>47299<\/v>/); // the seed as it is: its downside ends 2029-06-30
  fs.rmSync(path.join(dir, "own.xlsx"));
  const { xml } = await model(["--template", "reflection-spacex", "--end", "2031-12-31"]);
  expect(xml).toContain("Reflection AI");
  expect(xml).not.toMatch(/<v>47299<\/v>/);
});

test("the summary prints the expected value and, with a GPU count, the price per GPU-hour", async () => {
  const { out } = await model(["--gpu-count", "50,000"]);
  // The seed at the assumed 20% a year: EXPECTED_VALUE = 4,804,200,159.38 (test/functions/value.test.ts).
  expect(out).toContain(`  ${"Expected value".padEnd(26)} 4,804,200,159.38 at 20.00% a year exit probability (assumed)`);
  // 150,000,000 ÷ (50,000 GPUs × 730 hours) = 4.1096 → 4.11.
  expect(out).toContain(`  ${"Price per GPU-hour".padEnd(26)} 4.11 (at the peak rate, 730 hours a month)`);
});

test("the summary prints the lease liability, as the sheet's Accounting block recognises it", async () => {
  const { out } = await model([]);
  // The seed's liability at commencement, 735,230,259.15: the lease term ends at the earliest exit
  // (either party may terminate, no significant penalty), its payments discounted at 8% a year
  // (test/model/accounting-block.test.ts, proved in LibreOffice).
  expect(out).toContain(`  ${"Lease liability".padEnd(26)} 735,230,259.15 at commencement (IFRS 16, lease term to 2026-12-29)`);
});
