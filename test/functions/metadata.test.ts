/**
 * functions.json as Excel reads it, generated from the source by custom-functions-metadata.
 */
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

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
}

describe("custom-functions metadata", () => {
  let functions: FunctionMetadata[];
  let errors: string[];

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(
      [path.resolve("src/functions/functions.ts"), path.resolve("src/functions/portfolio.ts")],
      true,
    );
    errors = result.errors;
    functions = JSON.parse(result.metadataJson).functions;
  });

  it("generates without errors, with the expected ids and descriptions", () => {
    expect(errors).toEqual([]);
    expect(functions.map((f) => f.id).sort()).toEqual(
      ["CONTRACT_PV", "CONTRACT_VALUE", "EXIT_DATE", "EXIT_VALUE", "GPU_HOUR_RATE", "LEASE_SCHEDULE", "RUN_RATE",
        "BACKLOG", "PORTFOLIO", "CONCENTRATION", "REGISTER_COLUMNS"].sort(),
    );
    for (const f of functions) expect(f.description.length).toBeGreaterThan(20);
  });

  it("LEASE_SCHEDULE returns a matrix and takes the payment as a range", () => {
    const schedule = functions.find((f) => f.id === "LEASE_SCHEDULE")!;
    expect(schedule.result.dimensionality).toBe("matrix");
    expect(schedule.parameters.find((p) => p.name === "payment")!.dimensionality).toBe("matrix");
  });

  it("keeps the fixed leading arguments and the shared option order", () => {
    const names = (id: string) => functions.find((f) => f.id === id)!.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    expect(names("LEASE_SCHEDULE")).toEqual(["start_date", "end_date", "payment", "[frequency]", "[escalation]", "[timing]", "[proration]"]);
    expect(names("EXIT_VALUE")).toEqual([
      "start_date", "end_date", "payment", "lock_in_months", "notice_days",
      "[frequency]", "[escalation]", "[timing]", "[proration]", "[notice_in_lock_in]", "[notice_date]", "[termination_fee]",
    ]);
    expect(names("RUN_RATE")[0]).toBe("payment");
    expect(names("GPU_HOUR_RATE").slice(0, 2)).toEqual(["payment", "gpus"]);
    // Every parameter has help text for Excel's autocomplete.
    for (const f of functions) for (const p of f.parameters) expect((p as { description?: string }).description).toBeTruthy();
  });
});
