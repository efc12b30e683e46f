/**
 * The model plan itself, before any engine: portable formulas, defined names, input styling.
 */
import { countPeriods } from "../../src/core";
import { computeHeadline } from "../../src/model/headline";
import { buildModelPlan } from "../../src/model/modelSheet";
import { withOverrides } from "../../src/model/overrides";
import { checkSheetName, formulaGrid } from "../../src/model/plan";
import { REFLECTION_SPACEX, TEMPLATES } from "../../src/model/templates";
import { serialOf } from "../support/dates";
import { addressesOf } from "../support/planRefs";

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("model plan of %s", (_id, template) => {
  const plan = buildModelPlan(template);
  const formulas = plan.cells.flat().flatMap((c) => (c.formula ? [c.formula] : []));

  it("is rectangular and uses only functions that Excel 2016 and LibreOffice share", () => {
    expect(new Set(plan.cells.map((row) => row.length))).toEqual(new Set([plan.columnWidths.length]));
    const used = new Set(formulas.flatMap((f) => [...f.matchAll(/([A-Z][A-Z0-9._]*)\(/g)].map((m) => m[1])));
    const allowed = [
      "IF", "EDATE", "MIN", "MAX", "SUM", "ROUND", "INDEX", "MATCH", "COUNTIF", "COUNT", "INT", "YEAR", "MONTH", "ISNUMBER", "AND", "OR",
      "ABS", "IFERROR", "ROW", "ROWS", "NOT", "SUMIF", "SUMPRODUCT", "COUNTIFS", "COLUMN", "MOD", "N", "SMALL",
      // #N/A where the core refuses (the Provider block's RPO under an impossible judgement): in both since Excel 2.0.
      "NA",
      // The provider's unlevered IRR (issue 18): Excel 2007+ and LibreOffice compute it alike.
      "XIRR",
    ];
    const deal = [
      "DEAL.CONTRACT_VALUE", "DEAL.RUN_RATE", "DEAL.CONTRACT_PV", "DEAL.EXIT_DATE", "DEAL.EXIT_VALUE", "DEAL.LEASE_LIABILITY", "DEAL.ROU_ASSET",
      "DEAL.EXIT_OPTION", "DEAL.FORWARD_PRICE", "DEAL.PROVIDER_IRR",
    ];
    expect([...used].filter((f) => !allowed.includes(f) && !deal.includes(f))).toEqual([]);
    // DEAL functions appear only inside IFERROR in the checks block, or behind the market's test that the add-in is loaded.
    for (const f of formulas.filter((f) => f.includes("DEAL."))) {
      const guarded = f.startsWith("IFERROR(") || f.startsWith('IF(MarketLatticeStatus="computed by the add-in",') || f.includes("IF(ISNUMBER(DEAL.FORWARD_PRICE(");
      expect({ f, guarded }).toEqual({ f, guarded: true });
    }
  });

  it("defines every name its formulas use, once, pointing inside the sheet", () => {
    const defined = plan.names.map((n) => n.name);
    expect(new Set(defined).size).toBe(defined.length);
    const referenced = new Set(formulas.flatMap((f) => f.replace(/"[^"]*"/g, "").replace(/DEAL\.\w+/g, "").match(/\b[A-Z][A-Za-z]+\b(?!\()/g) ?? []));
    for (const name of referenced) {
      if (["TRUE", "FALSE"].includes(name) || /^[A-Z]{1,3}$/.test(name)) continue;
      expect(defined).toContain(name);
    }
    for (const n of plan.names) expect(n.ref).toMatch(/^\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?$/);
  });

  it("marks every input blue and lays out the term plus a margin", () => {
    const inputs = plan.cells.flat().filter((c) => c.style === "input");
    expect(inputs.length).toBeGreaterThan(25);
    expect(inputs.every((c) => c.formula === undefined)).toBe(true);
    const periods = computeHeadline(template).schedule.length;
    // The notice months share the rows: a term of quarters or years has more months than periods.
    const terms = computeHeadline(template).terms;
    const months = countPeriods(terms.startDate, terms.endDate, 1, terms.dateSystem);
    expect(addressesOf(plan, "SchedulePeriod")).toHaveLength(Math.max(periods, months) + 36);
  });
});

describe("text from users and templates", () => {
  it("stays a constant, however it starts", () => {
    const plan = buildModelPlan(withOverrides(REFLECTION_SPACEX, { provider: "=HYPERLINK(\"x\")", client: "+1-800" }));
    const grid = formulaGrid(plan);
    const texts = plan.cells.flat().filter((c) => c.value === "=HYPERLINK(\"x\")" || c.value === "+1-800");
    expect(texts).toHaveLength(2);
    expect(texts.every((c) => c.formula === undefined)).toBe(true);
    expect(grid.flat()).toContain("=HYPERLINK(\"x\")"); // the writer decides how to keep it text
  });

  it("refuses sheet names Excel refuses", () => {
    expect(() => checkSheetName("a".repeat(32))).toThrow(/31 characters/);
    expect(() => checkSheetName("Q1/Q2")).toThrow(/contains/);
    expect(() => checkSheetName("history")).toThrow(/reserved/);
    expect(() => checkSheetName("Colossus 2 deal (2)")).not.toThrow();
  });

  it("refuses terms the core refuses, before planning anything", () => {
    expect(() => buildModelPlan(withOverrides(REFLECTION_SPACEX, { terms: { endDate: serialOf("2020-01-01") } }))).toThrow(/before the start/);
  });
});
