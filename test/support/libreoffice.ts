/**
 * Recalculating an .xlsx with LibreOffice headless — the independent engine that proves the model's
 * formulas. A private profile sets OOXMLRecalcMode = 0 ("always recalculate") so that LibreOffice
 * computes every formula on load rather than trusting cached values.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The soffice binary, or undefined when LibreOffice is not installed. */
export function findSoffice(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "soffice");
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Opens each input in LibreOffice, recalculates everything and saves the result as .xlsx in
 * `outDir` (one LibreOffice start for the whole batch). Returns the recalculated files, in order.
 */
export function recalculateWithLibreOffice(inputs: readonly string[], outDir: string): string[] {
  return convertWithLibreOffice(inputs, outDir, "xlsx");
}

/**
 * Opens each input in LibreOffice, recalculates everything and saves it as `to` (.xlsx, or .pdf as
 * it prints: its print areas, scale and title rows) in `outDir`, one LibreOffice start for the batch.
 */
export function convertWithLibreOffice(inputs: readonly string[], outDir: string, to: "xlsx" | "pdf"): string[] {
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc (bash .ci/run does).");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "deal-lo-profile-"));
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  fs.mkdirSync(outDir, { recursive: true });
  try {
    execFileSync(
      soffice,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", to, "--outdir", outDir, ...inputs],
      { stdio: "pipe", timeout: 300_000, env: { ...process.env, HOME: profile } },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return inputs.map((input) => {
    const output = path.join(outDir, path.basename(input).replace(/\.[^.]+$/, "") + "." + to);
    if (!fs.existsSync(output)) throw new Error(`LibreOffice did not write ${output}`);
    return output;
  });
}
