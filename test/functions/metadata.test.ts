/**
 * functions.json as Excel reads it, generated from the source by custom-functions-metadata.
 */
import fs from "fs";
import path from "path";
import { DOMParser } from "@xmldom/xmldom";
import os from "os";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { declaredIds, functionSources, registeredFunctionIds } from "../support/functionRegistry";

interface Parameter {
  name: string;
  optional?: boolean;
  dimensionality?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: Parameter[];
  result: { dimensionality?: string; type?: string };
  helpUrl?: string;
}

describe("custom-functions metadata", () => {
  let functions: FunctionMetadata[];
  let errors: string[];

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(await functionSources(), true);
    errors = result.errors;
    functions = JSON.parse(result.metadataJson).functions;
  });

  it("generates without errors, one entry for each @customfunction the sources declare, each described", async () => {
    expect(errors).toEqual([]);
    const ids = functions.map((f) => f.id).sort();
    expect(ids).toEqual(await registeredFunctionIds());
    expect(ids).toContain("CONTRACT_VALUE"); // the seed function: a registry read as empty must fail
    for (const f of functions) expect([f.id, f.description.length > 20]).toEqual([f.id, true]);
  });

  it("reads a bare @customfunction tag as the generator does: the function's name in capitals", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "deal-metadata-"));
    try {
      const file = path.join(dir, "bare.ts");
      const source = [
        "/**",
        " * Adds two numbers.",
        " * @customfunction",
        " * @param a First number.",
        " * @param b Second number.",
        " * @returns The sum.",
        " */",
        "export function addTwo(a: number, b: number): number {",
        "  return a + b;",
        "}",
        "",
        "/**",
        " * Not a custom function.",
        " */",
        "export function helper(): number {",
        "  return 1;",
        "}",
        "",
      ].join("\n");
      fs.writeFileSync(file, source);
      const generated = JSON.parse((await generateCustomFunctionsMetadata([file], true)).metadataJson).functions.map((f: FunctionMetadata) => f.id);
      expect(generated).toEqual(["ADDTWO"]);
      expect(declaredIds(source)).toEqual(generated);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("LEASE_SCHEDULE returns a matrix and takes the payment as a range", () => {
    const schedule = functions.find((f) => f.id === "LEASE_SCHEDULE")!;
    expect(schedule.result.dimensionality).toBe("matrix");
    expect(schedule.parameters.find((p) => p.name === "payment")!.dimensionality).toBe("matrix");
    // The value functions take a ramp and a tier table as ranges too, and point at their help sections.
    for (const id of ["COMMITTED_VALUE", "EXPECTED_VALUE"]) {
      expect(functions.find((f) => f.id === id)!.parameters.find((p) => p.name === "payment")!.dimensionality).toBe("matrix");
    }
    expect(functions.find((f) => f.id === "SLA_CREDIT")!.parameters.find((p) => p.name === "tiers")!.dimensionality).toBe("matrix");
    for (const id of ["COMMITTED_VALUE", "EXPECTED_VALUE", "SLA_CREDIT", "DOWNTIME_ALLOWED"]) {
      expect((functions.find((f) => f.id === id) as { helpUrl?: string }).helpUrl).toBe(`https://localhost:3000/help.html#${id.toLowerCase()}`);
    }
  });

  it("the market functions spill matrices, take curves as ranges and keep the shared option order", () => {
    const names = (id: string) => functions.find((f) => f.id === id)!.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    for (const id of ["MARKET_CURVE", "FORWARDS_FROM_TERMS", "BREAKEVEN_PRICE", "EXIT_OPTION"]) {
      expect(functions.find((f) => f.id === id)!.result.dimensionality).toBe("matrix");
    }
    for (const id of ["FORWARD_PRICE", "MARK_TO_MARKET", "EXIT_OPTION"]) {
      expect(functions.find((f) => f.id === id)!.parameters.find((p) => p.name === "curve")!.dimensionality).toBe("matrix");
    }
    expect(names("EXIT_OPTION")).toEqual([
      "start_date", "end_date", "payment", "lock_in_months", "notice_days", "gpus", "curve", "volatility", "discount_rate",
      "[tenant_switching_cost]", "[provider_switching_cost]",
      "[frequency]", "[escalation]", "[timing]", "[proration]", "[notice_in_lock_in]", "[termination_fee]",
    ]);
    expect(names("MARK_TO_MARKET")).toEqual([
      "start_date", "end_date", "payment", "gpus", "curve", "discount_rate", "[as_of_date]", "[frequency]", "[escalation]", "[timing]", "[proration]",
    ]);
  });

  it("the provider and lender functions spill matrices and take their ranges as matrices", () => {
    const fn = (id: string) => functions.find((f) => f.id === id)!;
    const names = (id: string) => fn(id).parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    for (const id of ["CAPACITY", "DEBT_CAPACITY"]) expect(fn(id).result.dimensionality).toBe("matrix");
    for (const id of ["PROVIDER_IRR", "PAYBACK_MONTHS"]) {
      expect(fn(id).result.dimensionality ?? "scalar").toBe("scalar");
      expect(fn(id).parameters.find((p) => p.name === "assumptions")!.dimensionality).toBe("matrix");
      expect(names(id)).toEqual([
        "start_date", "end_date", "payment", "lock_in_months", "notice_days", "assumptions",
        "[view]", "[annual_exit_probability]", "[frequency]", "[escalation]", "[notice_in_lock_in]", "[termination_fee]",
      ]);
    }
    expect(names("CAPACITY")).toEqual(["payment", "gpus_or_price", "[gpus_per_rack]", "[kw_per_rack]", "[pue]", "[frequency]"]);
    expect(names("DEBT_CAPACITY")).toEqual(["cfads", "dates", "dscr", "annual_rate", "[ltv]", "[collateral]"]);
    for (const p of ["cfads", "dates"]) expect(fn("DEBT_CAPACITY").parameters.find((x) => x.name === p)!.dimensionality).toBe("matrix");
  });

  it("keeps the fixed leading arguments and the shared option order", () => {
    const names = (id: string) => functions.find((f) => f.id === id)!.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    expect(names("LEASE_SCHEDULE")).toEqual(["start_date", "end_date", "payment", "[frequency]", "[escalation]", "[timing]", "[proration]"]);
    expect(names("EXIT_VALUE")).toEqual([
      "start_date", "end_date", "payment", "lock_in_months", "notice_days",
      "[frequency]", "[escalation]", "[timing]", "[proration]", "[notice_in_lock_in]", "[notice_date]", "[termination_fee]",
    ]);
    const options = ["[frequency]", "[escalation]", "[timing]", "[proration]", "[notice_in_lock_in]", "[termination_fee]"];
    expect(names("COMMITTED_VALUE")).toEqual(["start_date", "end_date", "payment", "lock_in_months", "notice_days", "as_of_date", ...options]);
    expect(names("EXPECTED_VALUE")).toEqual([
      "start_date", "end_date", "payment", "lock_in_months", "notice_days", "annual_exit_probability", ...options,
    ]);
    expect(names("SLA_CREDIT")).toEqual(["payment", "uptime", "tiers"]);
    expect(names("DOWNTIME_ALLOWED")).toEqual(["uptime_target", "period_start", "[period_end]"]);
    expect(names("RUN_RATE")[0]).toBe("payment");
    expect(names("GPU_HOUR_RATE").slice(0, 2)).toEqual(["payment", "gpus"]);
    // Every parameter has help text for Excel's autocomplete.
    for (const f of functions) for (const p of f.parameters) expect((p as { description?: string }).description).toBeTruthy();
  });

  describe("every function documents itself in help.html", () => {
    const help = new DOMParser().parseFromString(fs.readFileSync("src/help.html", "utf8"), "text/html");

    it("reads the functions the build reads", async () => {
      expect(await functionSources()).toContain(path.resolve("src/functions/functions.ts"));
    });

    it("each has a helpUrl to its own section of help.html, which exists", () => {
      for (const f of functions) {
        expect([f.id, f.helpUrl]).toEqual([f.id, `https://localhost:3000/help.html#${f.id.toLowerCase()}`]);
        const section = help.getElementById(f.id.toLowerCase());
        expect([f.id, section?.tagName.toLowerCase()]).toEqual([f.id, "section"]);
      }
    });

    it("each section says what the function returns, names every parameter as the function takes it, and works an example", () => {
      for (const f of functions) {
        const section = help.getElementById(f.id.toLowerCase())!;
        const text = section.textContent ?? "";
        const terms = Array.from(section.getElementsByTagName("dt")).map((dt) => (dt.textContent ?? "").trim());
        const parameters = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
        expect([f.id, terms]).toEqual([f.id, parameters]);
        expect([f.id, /Returns/.test(text), text.includes(`=DEAL.${f.name}(`)]).toEqual([f.id, true, true]);
      }
    });
  });
});
