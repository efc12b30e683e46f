/**
 * An interrupted write leaves no temporary file behind: the command writes beside the target and
 * renames, and removes the temporary file on a failure, on Ctrl-C (SIGINT) and on SIGTERM.
 */
import { spawn } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { removeTemporaryFiles, TEMPORARY_FILES, writeFile } from "../../src/cli/model";
import { randomRegister, toCsv } from "../support/randomRegister";

const ROOT = path.resolve(__dirname, "../..");

describe("an interrupted write", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "deal-cli-interrupt-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("removeTemporaryFiles removes the temporary file of a write in progress", async () => {
    const out = path.join(dir, "p.xlsx");
    let during: string[] = [];
    const writing = writeFile(async (temporary) => {
      fs.writeFileSync(temporary, "half a workbook");
      during = [...TEMPORARY_FILES];
      removeTemporaryFiles(); // what the SIGINT / SIGTERM handler does
      throw Object.assign(new Error("interrupted"), { code: "EINTR" });
    }, out);
    await expect(writing).rejects.toThrow("interrupted");
    expect(during).toEqual([path.join(dir, `.p.xlsx.${process.pid}.tmp`)]);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(TEMPORARY_FILES.size).toBe(0);
  });

  it("a failed write leaves neither the temporary file nor the target", async () => {
    const out = path.join(dir, "p.xlsx");
    const writing = writeFile(async (temporary) => {
      fs.writeFileSync(temporary, "half a workbook");
      throw Object.assign(new Error("disk full"), { code: "ENOSPC" });
    }, out);
    await expect(writing).rejects.toThrow(`Could not write ${out}: the disk is full.`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`a command killed by ${signal} while it writes leaves nothing in the folder`, async () => {
      // 1,000 deals: the workbook takes seconds to write, so the signal arrives while it is written.
      fs.writeFileSync(path.join(dir, "deals.csv"), toCsv(randomRegister(7, 1000)));
      const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src/cli/model.ts"), "--register", "deals.csv", "--out", "p.xlsx"], {
        cwd: ROOT, // where tsx is found; the command reads and writes in INIT_CWD, as under npm
        env: { ...process.env, INIT_CWD: dir },
        stdio: "ignore",
      });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, s) => resolve({ code, signal: s })));
      // Wait for the temporary file to appear, then interrupt.
      let seen = false;
      for (let i = 0; i < 6000 && !seen; i++) {
        seen = fs.readdirSync(dir).some((f) => f.endsWith(".tmp"));
        if (!seen) await new Promise((r) => setTimeout(r, 10));
      }
      expect(seen).toBe(true);
      child.kill(signal);
      const { signal: endedBy } = await exited;
      expect(endedBy).toBe(signal);
      expect(fs.readdirSync(dir)).toEqual(["deals.csv"]);
    }, 120_000);
  }
});
