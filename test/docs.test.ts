/**
 * The documentation derived from the code agrees with it: `npm run docs` (scripts/docs.ts) regenerated
 * in memory must give the committed src/help.html, README's function table, docs/functions.md's
 * reference and docs/inputs.md, byte for byte. And the links between the docs lead somewhere.
 */
import fs from "fs";
import path from "path";
import { DOMParser } from "@xmldom/xmldom";
import {
  FunctionDoc,
  anchor,
  generateDocs,
  modelInputRows,
  readFunctions,
  registerColumnRows,
  renderHelp,
  replaceBetweenMarkers,
} from "../scripts/docs";
import { INPUTS } from "../src/model/inputs";
import { REGISTER_FIELDS } from "../src/core/register";

const ROOT = path.resolve(__dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

describe("generated documentation", () => {
  let generated: Map<string, string>;
  let functions: FunctionDoc[];

  beforeAll(async () => {
    [generated, functions] = await Promise.all([generateDocs(), readFunctions()]);
  });

  it("the committed files are what npm run docs gives from the JSDoc and the declarations (run `npm run docs` if not)", () => {
    expect([...generated.keys()].sort()).toEqual(["README.md", "docs/functions.md", "docs/inputs.md", "docs/model-sheet.md", "src/help.html"]);
    for (const [file, content] of generated) expect([file, read(file)]).toEqual([file, content]);
  });

  it("reads all 29 functions, each with a description, described parameters and a @returns text", () => {
    expect(functions).toHaveLength(29);
    for (const f of functions) {
      expect([f.id, f.description.length > 20, f.returns.length > 5]).toEqual([f.id, true, true]);
      for (const p of f.parameters) expect([f.id, p.name, p.description.length > 0]).toEqual([f.id, p.name, true]);
    }
    const schedule = functions.find((f) => f.id === "LEASE_SCHEDULE")!;
    expect(schedule.spills).toBe(true);
    expect(schedule.returns).toBe("The schedule as a spilled range.");
    expect(schedule.parameters.map((p) => [p.name, p.optional])).toEqual([
      ["start_date", false], ["end_date", false], ["payment", false],
      ["frequency", true], ["escalation", true], ["timing", true], ["proration", true],
    ]);
  });

  it("every function's @helpurl anchor is a section of help.html, which holds its generated heading", () => {
    const html = read("src/help.html");
    const help = new DOMParser().parseFromString(html, "text/html");
    for (const f of functions) {
      expect([f.id, f.helpUrl]).toEqual([f.id, `https://localhost:3000/help.html#${anchor(f)}`]);
      const section = help.getElementById(anchor(f));
      expect([f.id, section?.tagName.toLowerCase()]).toEqual([f.id, "section"]);
      const heading = section!.getElementsByTagName("h2")[0];
      expect([f.id, heading?.textContent]).toEqual([f.id, `DEAL.${f.name}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`]);
    }
    // README links each function to its reference in docs/functions.md.
    for (const f of functions) expect(read("README.md")).toContain(`[\`DEAL.${f.name}\`](docs/functions.md#${anchor(f)})`);
  });

  it("refuses a help template that leaves a function out, names one twice or names an unknown one", () => {
    const template = read("src/help.template.html");
    expect(() => renderHelp(template.replace("<!-- function: EXIT_DATE -->", ""), functions)).toThrow(/no <!-- function: ID --> marker for EXIT_DATE/);
    expect(() => renderHelp(template.replace("<!-- function: EXIT_DATE -->", "<!-- function: EXIT_DATE -->\n<!-- function: EXIT_DATE -->"), functions)).toThrow(
      /names EXIT_DATE twice/,
    );
    expect(() => renderHelp(`${template}\n<!-- function: EXIT_DAYS -->`, functions)).toThrow(/EXIT_DAYS, which is not a DEAL function/);
  });

  it("replaces only what lies between the markers, and refuses a text without them", () => {
    expect(replaceBetweenMarkers("a\n<!-- t:start -->\nold\n<!-- t:end -->\nb", "t", "new")).toBe("a\n<!-- t:start -->\nnew\n<!-- t:end -->\nb");
    expect(() => replaceBetweenMarkers("a <!-- t:end --> <!-- t:start -->", "t", "x")).toThrow(/not found/);
    expect(() => replaceBetweenMarkers("no markers", "t", "x")).toThrow(/not found/);
  });

  it("lists every model input and every register column, with its command-line option and headers", () => {
    expect(modelInputRows().map((r) => r.name)).toEqual(INPUTS.map((i) => i.name));
    expect(registerColumnRows().map((r) => r.field)).toEqual(REGISTER_FIELDS.map((f) => f.field));
    expect(registerColumnRows().find((r) => r.field === "gpuCount")?.headers).toContain("GPU count");
    // Argument tables take each declared field's kind and default from its declaration.
    expect(read("docs/functions.md")).toContain("| `escalation` | optional | rate; blank: 0 |");
    expect(read("src/help.html")).toContain("<dt>[frequency]</dt>");
    expect(read("src/help.html")).toContain("(word: monthly, quarterly, semi-annual, annual; blank: monthly)");
    const inputs = read("docs/inputs.md");
    expect(inputs).toContain("| `Escalation` | Annual escalation (on each anniversary) | rate | `0` | `escalation` |");
    expect(inputs).toContain("| `gpuCount` | GPU count (count) |  | GPU count, GPUs, Number of GPUs |");
    expect(inputs).toContain("| `DiscountRate` | Discount rate (annual) | rate |  | `discount_rate` | `--discount-rate` | yes | annual rate for the present value: 8% or 0.08 |");
    expect(inputs).toContain("| `counterparty` | counterparty (text) | yes | Counterparty, Customer, Tenant, Client, Lessee |");
  });
});

/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The anchors a Markdown file offers: its headings' slugs and its explicit `<a id="...">`. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    const heading = !fenced && /^#{1,6} (.*)$/.exec(line);
    if (heading) anchors.add(slug(heading[1]));
  }
  for (const m of markdown.matchAll(/<a id="([^"]+)"><\/a>/g)) anchors.add(m[1]);
  return anchors;
}

describe("README and docs/", () => {
  const files = ["README.md", ...fs.readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

  it("README is a first page: at most 250 lines", () => {
    expect(read("README.md").split("\n").length).toBeLessThanOrEqual(250);
  });

  it("every relative link leads to a file that exists, and every #anchor into a Markdown file to a heading of it", () => {
    const broken: string[] = [];
    for (const file of files) {
      const text = read(file).replace(/```[\s\S]*?```/g, "");
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = m[1];
        if (/^[a-z]+:/.test(link)) continue;
        const [target, hash] = link.split("#");
        const resolved = target === "" ? path.join(ROOT, file) : path.resolve(path.dirname(path.join(ROOT, file)), target);
        if (!fs.existsSync(resolved)) broken.push(`${file}: ${link}`);
        else if (hash && resolved.endsWith(".md") && !anchorsOf(fs.readFileSync(resolved, "utf8")).has(hash)) broken.push(`${file}: ${link}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
