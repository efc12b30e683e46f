import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/model";

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
    await main(["--out", "alt.xlsx", "--end", "2029-06-30", "--discount-rate", "12%"], dir, log);
    expect(lines.join("\n")).toContain("Total contract value       5,400,000,000.00");
    await expect(main(["--out", "alt.xlsx"], dir, log)).rejects.toThrow(/already exists; pass --force/);
    lines = [];
    expect(await main(["--out", "alt.xlsx", "--force", "--payment", "175,000,000"], dir, log)).toBe(0);
    expect(lines.join("\n")).toContain("7,350,000,000.00");
  });

  it("explains bad options", async () => {
    await expect(main(["--template", "nope"], dir, log)).rejects.toThrow(/Unknown template "nope"/);
    await expect(main(["--end", "31/12/2029"], dir, log)).rejects.toThrow(/--end must be a date as YYYY-MM-DD/);
    await expect(main(["--frequency", "weekly"], dir, log)).rejects.toThrow(/--frequency must be one of/);
    await expect(main(["--bogus"], dir, log)).rejects.toThrow(/Unknown option/);
    await expect(main(["--end", "2020-01-01"], dir, log)).rejects.toThrow(/before the start date/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("prints help and the template list", async () => {
    await main(["--help"], dir, log);
    expect(lines.join("\n")).toMatch(/--discount-rate RATE/);
    lines = [];
    await main(["--list"], dir, log);
    expect(lines).toHaveLength(3);
  });
});
