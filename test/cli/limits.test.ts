/**
 * Beyond its stated limits a register gives a plain message, never an out-of-memory crash; messages
 * and printed tables quote at most 40 characters of what the user wrote; a summary names at most ten
 * rows and counts the rest.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { run, rowList } from "../../src/cli/model";
import { main as registerMain, MAX_REGISTER_CELLS, parseCsv, readRegisterFile } from "../../src/cli/register";
import { refusal } from "../support/refusal";

const LONG = "x".repeat(5000);
const CLIPPED = `${"x".repeat(40)}…`;

describe("limits of a register file", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "deal-cli-limits-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads at most 2,000,000 cells (rows × columns): a wide file is refused as it is read, before it is written", () => {
    expect(MAX_REGISTER_CELLS).toBe(2_000_000);
    // 12 fields a row: the header and 2 rows are 36 cells; a cap of 30 stops at the third record.
    const text = `${"h,".repeat(11)}h\n${"1,".repeat(11)}1\n${"1,".repeat(11)}1\n`;
    expect(refusal(() => parseCsv(text, ",", Infinity, 30))).toBe(
      "The register has more than 30 cells (rows × columns); at most that many are read. Remove the columns the portfolio does not read, or split the register.",
    );
    expect(parseCsv(text, ",", Infinity, 36)).toHaveLength(3);
    // Before: 20,000 rows of 800 columns (16,000,000 cells, 32 MB) were written, at 2.2 GB and 141 s.
    const file = path.join(dir, "wide.csv");
    const row = (cells: string[]) => cells.join(",") + "\n";
    const header = row(["Counterparty", "Start date", "End date", "Payment", ...Array.from({ length: 996 }, (_, i) => `x${i}`)]);
    const deal = row(["A", "2026-01-01", "2026-12-31", "100", ...Array<string>(996).fill("1")]);
    fs.writeFileSync(file, header + deal.repeat(2000)); // 2,001 rows × 1,000 columns
    expect(refusal(() => readRegisterFile(file))).toBe(
      "The register has more than 2,000,000 cells (rows × columns); at most that many are read. Remove the columns the portfolio does not read, or split the register.",
    );
  });

  it("messages quote at most 40 characters of an option's value", async () => {
    const messages = async (args: string[]) => {
      const err: string[] = [];
      expect(await run([...args, "--out", path.join(dir, "m.xlsx")], dir, { log: () => undefined, error: (l) => err.push(l) })).toBe(2);
      return err[0];
    };
    expect(await messages(["--template", LONG])).toMatch(new RegExp(`^model: Unknown template "${CLIPPED}"\\. Templates: `));
    expect(await messages(["--sheet-name", LONG])).toBe(`model: The sheet name "${CLIPPED}" is longer than Excel's 31 characters.`);
    fs.writeFileSync(path.join(dir, "deals.csv"), "Counterparty,Start date,End date,Payment\nA,2026-01-01,2026-12-31,100\n");
    expect(refusal(() => registerMain(["deals.csv", "--as-of", LONG], dir, () => undefined))).toBe(`--as-of must be a date as YYYY-MM-DD, not "${CLIPPED}".`);
  });

  it("the register command's table shows at most 40 characters of a counterparty", () => {
    fs.writeFileSync(path.join(dir, "deals.csv"), `Counterparty,Start date,End date,Payment\n${LONG},2026-01-01,2026-12-31,100\n`);
    const out: string[] = [];
    expect(registerMain(["deals.csv"], dir, (l) => out.push(l))).toBe(0);
    expect(Math.max(...out.map((l) => l.length))).toBeLessThan(200);
    expect(out.some((l) => l.startsWith(CLIPPED))).toBe(true);
    expect(out.at(-1)).toBe(`\nLargest counterparty: ${CLIPPED}, 100.00% of headline; ${CLIPPED}, 100.00% of committed`);
  });

  it("a summary line names at most ten rows and counts the rest", () => {
    expect(rowList([2, 3, 4])).toBe("2, 3, 4");
    expect(rowList(Array.from({ length: 20_000 }, (_, i) => i + 2))).toBe("2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 19,990 more");
  });
});
