import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { main, run } from "../../src/cli/model";
import * as F from "../../src/functions/functions";
import { CustomFunctionsErrorStub } from "../support/customFunctionsStub";

describe("npm run model", () => {
  let dir: string;
  let lines: string[];
  const log = (line: string) => lines.push(line);
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "deal-cli-"));
    lines = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes the seed model to deal-model.xlsx in the current folder and prints the core's figures", async () => {
    expect(await main([], dir, log)).toBe(0);
    const file = path.join(dir, "deal-model.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets[0].name).toBe("Colossus 2 deal");
    const text = lines.join("\n");
    expect(text).toContain("Total contract value       6,300,000,000.00");
    expect(text).toContain("Annual run-rate at start   1,800,000,000.00");
    expect(text).toContain("Present value              5,539,137,544.34 at 8.00%");
    expect(text).toContain("Effective exit             2026-12-30");
    expect(text).toContain("Committed at exit          900,000,000.00");
  });

  it("applies overrides and refuses to overwrite without --force", async () => {
    await main(["--template", "reflection-spacex", "--out", "alt.xlsx", "--end", "2029-06-30", "--discount-rate", "12%"], dir, log);
    expect(lines.join("\n")).toContain("Total contract value       5,400,000,000.00");
    await expect(main(["--out", "alt.xlsx"], dir, log)).rejects.toThrow(/already exists; pass --force/);
    lines = [];
    expect(await main(["--template", "reflection-spacex", "--out", "alt.xlsx", "--force", "--payment", "175,000,000"], dir, log)).toBe(0);
    expect(lines.join("\n")).toContain("7,350,000,000.00");
  });

  it("explains bad options", async () => {
    await expect(main(["--template", "nope"], dir, log)).rejects.toThrow(/Unknown template "nope"/);
    await expect(main(["--end", "07/12/2029"], dir, log)).rejects.toThrow('--end "07/12/2029" is ambiguous'); // the option, as typed; 31/12/2029 is read (unambiguous)
    await expect(main(["--frequency", "weekly"], dir, log)).rejects.toThrow(/^--frequency must be "monthly", "quarterly", "semi-annual" or "annual"/);
    await expect(main(["--bogus"], dir, log)).rejects.toThrow(/Unknown option/);
    await expect(main(["--template", "reflection-spacex", "--end", "2020-01-01"], dir, log)).rejects.toThrow(/before the start date/);
    // A start, end or payment without --template is the user's own deal, which needs all three.
    await expect(main(["--end", "2030-01-01"], dir, log)).rejects.toThrow("Your deal needs its start date and payment per period: give them, or choose a template.");
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("prints help and the template list", async () => {
    await main(["--help"], dir, log);
    expect(lines.join("\n")).toMatch(/--discount-rate RATE/);
    lines = [];
    await main(["--list"], dir, log);
    expect(lines).toHaveLength(7); // three worked templates, their provider views (issue 18) and "Your deal"
    expect(lines[3]).toMatch(/^reflection-spacex-provider .*provider view \(illustrative\)$/);
    expect(lines[6]).toBe(`${"your-deal".padEnd(22)} Your deal`);
  });

  /** Runs the command as `npm run model` does: exit status, stdout and stderr lines. */
  async function command(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const status = await run(argv, dir, { log: (l) => out.push(l), error: (l) => err.push(l) });
    return { status, out: out.join("\n"), err: err.join("\n") };
  }

  describe("refusals: a plain message on stderr, status 2, nothing written", () => {
    afterEach(() => {
      // Nothing written beside what a test set up itself.
      expect(fs.readdirSync(dir).filter((f) => f.endsWith(".xlsx") || f.includes(".tmp"))).toEqual([]);
    });

    it("--payment -5 reaches the payment reader, which says it must be greater than zero", async () => {
      const result = await command("--template", "reflection-spacex", "--payment", "-5");
      expect(result).toMatchObject({ status: 2, out: "" });
      expect(result.err).toMatch(/^model: The payment per period must be greater than zero\.$/m);
      expect(result.err).not.toMatch(/ambiguous|ERR_PARSE_ARGS/);
    });

    it("--discount-rate 8 is refused as ambiguous by the functions' reader, naming the option", async () => {
      let excelMessage = "";
      try {
        F.contractPv(46204, 47483, [[150_000_000]], 8);
      } catch (error) {
        excelMessage = (error as CustomFunctionsErrorStub).message;
      }
      expect(excelMessage).toBe("discount_rate 8 is ambiguous: write 8% or 0.08.");
      const result = await command("--discount-rate", "8");
      expect(result.status).toBe(2);
      expect(result.err.split("\n")[0]).toBe(`model: ${excelMessage.replace("discount_rate", "--discount-rate")}`);
    });

    it("--out into a missing folder says so, without a stack", async () => {
      const result = await command("--out", path.join("missing", "deal.xlsx"));
      expect(result.status).toBe(2);
      expect(result.err).toContain(`model: The folder ${path.join(dir, "missing")} does not exist: create it, or choose another --out.`);
      expect(result.err).not.toMatch(/ENOENT|\n\s+at /);
    });

    it("--out naming an existing folder is refused, even with --force", async () => {
      fs.mkdirSync(path.join(dir, "some-folder"));
      const result = await command("--out", "some-folder", "--force");
      expect(result.status).toBe(2);
      expect(result.err).toContain(
        `model: ${path.join(dir, "some-folder")} is a folder: give a file name ending in .xlsx, such as ${path.join("some-folder", "deal-model.xlsx")}.`,
      );
      expect(result.err).not.toMatch(/EISDIR|\n\s+at /);
      expect(fs.readdirSync(path.join(dir, "some-folder"))).toEqual([]);
    });

    it("--out dir/ (a trailing separator) is refused: it names a folder", async () => {
      const result = await command("--out", "dir/");
      expect(result.status).toBe(2);
      expect(result.err).toContain(`model: --out dir/ names a folder: give a file name ending in .xlsx, such as ${path.join("dir", "deal-model.xlsx")}.`);
      expect(fs.existsSync(path.join(dir, "dir"))).toBe(false);
    });

    it("--out with another extension is refused", async () => {
      const result = await command("--out", "model.xls");
      expect(result.status).toBe(2);
      expect(result.err).toContain("model: --out model.xls: the model is an .xlsx workbook; give a name ending in .xlsx, such as model.xlsx.");
    });

    it("an option without its value", async () => {
      const result = await command("--payment");
      expect(result.status).toBe(2);
      expect(result.err).toMatch(/^model: Option '--payment <value>' argument missing/);
    });
  });

  it("--out without an extension gets .xlsx appended, and says where it wrote", async () => {
    const result = await command("--out", "lease");
    expect(result.status).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(["lease.xlsx"]);
    expect(result.out).toContain(`Wrote ${path.join(dir, "lease.xlsx")}`);
  });

  it("takes the term options the pane has: lock-in, notice, fee, parties, GPU count", async () => {
    // Seed with a 6-month lock-in and 30 days' notice: notice 2027-01-01, exit 2027-01-31; payments owed
    // for the 7 periods starting before the exit (Jul–Jan) = 7 × 150,000,000 = 1,050,000,000, plus the fee.
    const result = await command(
      "--lock-in-months", "6", "--notice-days", "30", "--termination-fee", "50,000,000",
      "--provider", "Acme Compute", "--client", "Beta AI", "--gpu-count", "20,000", "--out", "terms.xlsx",
    );
    expect(result).toMatchObject({ status: 0, err: "" });
    expect(result.out).toContain("Effective exit             2027-01-31");
    expect(result.out).toContain("Committed at exit          1,100,000,000.00");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, "terms.xlsx"));
    const values: unknown[] = [];
    workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toEqual(expect.arrayContaining(["Acme Compute", "Beta AI", 20000, 6, 30, 50000000]));
  });

  it("takes the market's inputs: spot price and date, decline, volatility, switching costs", async () => {
    const result = await command(
      "--gpu-count", "100,000", "--spot-price", "2.50", "--spot-date", "2026-09-01", "--market-decline", "20%", "--volatility", "30%",
      "--tenant-switching-cost", "1,000,000", "--provider-switching-cost", "2,000,000", "--out", "market.xlsx",
    );
    expect(result).toMatchObject({ status: 0, err: "" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, "market.xlsx"));
    const rows: unknown[][] = [];
    workbook.worksheets[0].eachRow((row) => rows.push([row.getCell(1).value, row.getCell(2).value]));
    const input = (label: string) => rows.find(([l]) => l === label)?.[1];
    expect([
      input("Market spot price per GPU-hour"),
      input("Market price decline (annual)"),
      input("Market price volatility (annual)"),
      input("Tenant's switching cost"),
      input("Provider's switching cost"),
    ]).toEqual([2.5, 0.2, 0.3, 1_000_000, 2_000_000]);
    // The spot date, as the sheet holds it: a date (exceljs reads a dated cell back as a Date at UTC midnight).
    expect(input("Market spot price date")).toEqual(new Date(Date.UTC(2026, 8, 1)));
  });

  it("--notice-in-lock-in TRUE reads like the functions' flag (README: committed 450,000,000)", async () => {
    const result = await command("--notice-in-lock-in", "TRUE", "--out", "flag.xlsx");
    expect(result.out).toContain("Committed at exit          450,000,000.00");
    expect((await command("--notice-in-lock-in", "perhaps")).err).toContain(
      'model: --notice-in-lock-in must be TRUE or FALSE, not the text "perhaps".',
    );
  });

  it("generates --help from the input declarations", async () => {
    const result = await command("--help");
    for (const option of ["--start DATE", "--payment AMOUNT", "--discount-rate RATE", "--lock-in-months N", "--notice-in-lock-in TRUE|FALSE", "--gpu-count N", "--provider TEXT"]) {
      expect(result.out).toContain(option);
    }
    expect(result.out).toMatch(/--discount-rate RATE +annual rate for the present value: 8% or 0\.08/);
    expect(result.out).toMatch(/--frequency WORD +monthly, quarterly, semi-annual or annual/);
  });
});
