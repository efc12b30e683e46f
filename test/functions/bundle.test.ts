/**
 * The production functions bundle, loaded the way Excel's JS-only runtime loads it: a script in a
 * context whose only Office global is `CustomFunctions`; the functions exist for Excel only through
 * the `CustomFunctions.associate` calls the build appended.
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import { CustomFunctionsErrorStub, ErrorCode } from "../support/customFunctionsStub";
import { serialOf } from "../support/dates";
import { buildDist } from "../support/buildDist";
import { registeredFunctionIds } from "../support/functionRegistry";

type Fn = (...args: unknown[]) => unknown;

describe("built functions bundle", () => {
  const registered = new Map<string, Fn>();
  let outDir: string;

  beforeAll(async () => {
    outDir = await buildDist();
    const source = fs.readFileSync(path.join(outDir, "functions.js"), "utf8");
    const context = vm.createContext({
      CustomFunctions: {
        Error: CustomFunctionsErrorStub,
        ErrorCode,
        associate: (id: string, fn: Fn) => registered.set(id, fn),
      },
    });
    vm.runInContext(source, context);
  });

  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it("registers every function the sources declare and writes functions.json beside it, with the same ids", async () => {
    const ids = [...registered.keys()].sort();
    expect(ids).toEqual(await registeredFunctionIds());
    expect(ids).toContain("CONTRACT_VALUE"); // the seed function: a registry read as empty must fail
    const metadata = JSON.parse(fs.readFileSync(path.join(outDir, "functions.json"), "utf8"));
    expect(metadata.functions.map((f: { id: string }) => f.id).sort()).toEqual(ids);
  });

  it("returns every seed figure to the cent", () => {
    const call = (id: string, ...args: unknown[]) => registered.get(id)!(...args);
    const [start, end, end36, pay] = [serialOf("2026-07-01"), serialOf("2029-12-31"), serialOf("2029-06-30"), [[150_000_000]]];
    const schedule = call("LEASE_SCHEDULE", start, end, pay) as unknown[][];
    expect(schedule).toHaveLength(43);
    expect(schedule[1][1]).toBe(46204);
    expect(schedule[42][1]).toBe(47453);
    expect(schedule[42][5]).toBe(6_300_000_000);
    expect(call("CONTRACT_VALUE", start, end, pay)).toBe(6_300_000_000);
    expect(call("CONTRACT_VALUE", start, end36, pay)).toBe(5_400_000_000);
    expect(call("RUN_RATE", pay)).toBe(1_800_000_000);
    expect(call("EXIT_DATE", start, end, 3, 90)).toBe(46386);
    expect(call("EXIT_VALUE", start, end, pay, 3, 90)).toBe(900_000_000);
    expect(call("EXIT_VALUE", start, end, pay, 3, 90, null, null, null, "actual")).toBe(890_322_580.65);
    expect(call("EXIT_DATE", start, end, 3, 90, true)).toBe(serialOf("2026-10-01"));
    expect(call("EXIT_VALUE", start, end, pay, 3, 90, null, null, null, null, true)).toBe(450_000_000);
    expect((call("CONTRACT_PV", start, end, pay, 0.08) as number).toFixed(2)).toBe("5539137544.34");
    expect((call("CONTRACT_PV", start, end, pay, 0.12) as number).toFixed(2)).toBe("5223242691.40");
    expect((call("CONTRACT_PV", start, end, pay, 0.08, null, null, "arrears") as number).toFixed(2)).toBe("5504817556.62");
    // The market functions (src/functions/market.ts): 12 × 730 × 1,000 × ($3.00 − $2.00) = 8,760,000.
    expect(call("MARK_TO_MARKET", serialOf("2026-01-01"), serialOf("2026-12-31"), [[2_190_000]], 1000, 2, 0)).toBe(8_760_000);
    expect(call("FORWARD_PRICE", call("FORWARDS_FROM_TERMS", [[12, 7.2], [36, 5.4]], start), serialOf("2027-12-01"))).toBe(4.5);
    // The value functions (src/functions/value.ts), bundled into the same file.
    // At the close of as_of_date: the day before the start = EXIT_VALUE; at the close of 2026-12-31, Jan–Mar 2027.
    expect(call("COMMITTED_VALUE", start, end, pay, 3, 90, start - 1)).toBe(900_000_000);
    expect(call("COMMITTED_VALUE", start, end, pay, 3, 90, serialOf("2026-12-31"))).toBe(450_000_000);
    expect(call("EXPECTED_VALUE", start, end, pay, 3, 90, 0)).toBe(6_300_000_000);
    expect(call("EXPECTED_VALUE", start, end, pay, 3, 90, 1)).toBe(900_000_000);
    expect(call("SLA_CREDIT", 150_000_000, 0.985, [[0.999, 0.1], [0.99, 0.25], [0.95, 1]])).toBe(37_500_000);
    expect(call("DOWNTIME_ALLOWED", 0.999, serialOf("2026-09-01"))).toBe(43.2);
    expect(call("DOWNTIME_ALLOWED", 0.999, start)).toBe(44.64);
  });

  it("answers bad input with Excel errors", () => {
    const call = (id: string, ...args: unknown[]) => {
      try {
        registered.get(id)!(...args);
      } catch (error) {
        return (error as CustomFunctionsErrorStub).code;
      }
      return "no error";
    };
    expect(call("CONTRACT_VALUE", "next year", 47483, [[1]])).toBe("#VALUE!");
    expect(call("CONTRACT_VALUE", 47483, 46204, [[1]])).toBe("#NUM!");
    expect(call("LEASE_SCHEDULE", 46204, 47483, [[0]])).toBe("#NUM!");
  });
});
