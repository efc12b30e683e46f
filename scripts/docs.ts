/**
 * npm run docs — writes the documentation that is derived from the code, so that it has one source:
 *
 * - `src/help.html` from `src/help.template.html`: each `<!-- function: ID -->` marker becomes that
 *   DEAL function's heading, description, returns and arguments, and `<!-- function-index -->` a link
 *   to every function; the template keeps the hand-written prose and worked examples;
 * - README.md's function table, between `<!-- functions:start -->` and `<!-- functions:end -->`;
 * - docs/functions.md's reference, between the same markers;
 * - docs/inputs.md (whole file): the model sheet's inputs and the deal register's columns.
 *
 * The functions are read as the build reads them: custom-functions-metadata's generator (what
 * webpack's CustomFunctionsMetadataPlugin runs) over the plugin's `input` files in webpack.config.js,
 * plus each function's `@returns` text, which functions.json does not keep.
 * test/docs.test.ts regenerates everything in memory and fails if a committed file differs.
 *
 *   npm run docs
 */
import fs from "fs";
import path from "path";
import ts from "typescript";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { argOf, FIELDS, kindWord } from "../src/core/fields";
import { HELP as CLI_HELP } from "../src/cli/model";

const ROOT = path.resolve(__dirname, "..");

/** One DEAL function as the documentation shows it. */
export interface FunctionDoc {
  id: string;
  name: string;
  description: string;
  helpUrl: string;
  parameters: { name: string; description: string; optional: boolean; range: boolean }[];
  /** The function's `@returns` text from its JSDoc ("" if none). */
  returns: string;
  /** A spilled range (matrix result) rather than one value. */
  spills: boolean;
}

/** The function source files, as the build reads them: the CustomFunctionsMetadataPlugin's `input` in webpack.config.js. */
export async function functionSources(): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = await require("../webpack.config.js")({}, { mode: "production" });
  const plugin = config.plugins.find((p: object) => p.constructor.name === "CustomFunctionsMetadataPlugin");
  const input: string | string[] = plugin.options.input;
  return (Array.isArray(input) ? input : [input]).map((file) => path.resolve(ROOT, file));
}

/** The `@returns` text of each exported function of a source file, by function name. */
function returnsByFunction(file: string): Map<string, string> {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const tag = ts.getJSDocTags(statement).find((t) => t.tagName.text === "returns" || t.tagName.text === "return");
    if (tag) found.set(statement.name.text, (ts.getTextOfJSDocComment(tag.comment) ?? "").trim());
  }
  return found;
}

/** Every DEAL function, in the order the build registers them, read from the JSDoc of the function files. */
export async function readFunctions(): Promise<FunctionDoc[]> {
  const sources = await functionSources();
  const result = await generateCustomFunctionsMetadata(sources, false);
  if (result.errors.length > 0) throw new Error(`custom-functions-metadata: ${result.errors.join("; ")}`);
  const returns = new Map<string, string>();
  for (const file of sources) {
    const byName = returnsByFunction(file);
    for (const a of result.associate) {
      if (path.resolve(a.sourceFileName) === path.resolve(file) && byName.has(a.functionName)) returns.set(a.id, byName.get(a.functionName)!);
    }
  }
  const metadata = JSON.parse(result.metadataJson) as {
    functions: {
      id: string;
      name: string;
      description?: string;
      helpUrl?: string;
      parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string }[];
      result?: { dimensionality?: string };
    }[];
  };
  return metadata.functions.map((f) => ({
    id: f.id,
    name: f.name,
    description: f.description ?? "",
    helpUrl: f.helpUrl ?? "",
    parameters: f.parameters.map((p) => ({
      name: p.name,
      description: p.description ?? "",
      optional: p.optional === true,
      range: p.dimensionality === "matrix",
    })),
    returns: returns.get(f.id) ?? "",
    spills: f.result?.dimensionality === "matrix",
  }));
}

/** `NAME(a, b, [c])`, the function's call as Excel's autocomplete shows it. */
export function signature(f: FunctionDoc): string {
  return `${f.name}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
}

/** The anchor of the function's section in help.html: what follows `#` in its `@helpurl`. */
export function anchor(f: FunctionDoc): string {
  const hash = f.helpUrl.indexOf("#");
  return hash < 0 ? f.id.toLowerCase() : f.helpUrl.slice(hash + 1);
}

/** The `@returns` text, saying that the result spills when the text does not. */
function returnsText(f: FunctionDoc): string {
  return f.spills && !/spill/i.test(f.returns) ? `${f.returns} It spills.`.trim() : f.returns;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

// ---------------------------------------------------------------------------------------------
// Arguments that are declared fields

/**
 * What the field declarations (src/core/fields.ts) say of an argument that is a field: its kind and
 * the default a blank takes, e.g. "rate; blank: 0". "" for an argument that is no declared field.
 */
export function argumentKind(name: string): string {
  const decl = FIELDS.find((f) => argOf(f) === name);
  if (!decl) return "";
  const shown = decl.allowed ? `${kindWord(decl)}: ${decl.allowed.join(", ")}` : kindWord(decl);
  return decl.default === undefined ? shown : `${shown}; blank: ${String(decl.default)}`;
}

// ---------------------------------------------------------------------------------------------
// help.html

const FUNCTION_MARKER = /^([ \t]*)<!-- function: ([A-Z0-9_.]+) -->[ \t]*$/gm;
const INDEX_MARKER = /^([ \t]*)<!-- function-index -->[ \t]*$/gm;

/** The generated part of a function's help section: heading, description, returns, arguments. */
function helpSection(f: FunctionDoc, indent: string): string {
  const lines = [
    `<!-- generated from the JSDoc of ${f.id} by npm run docs: edit the JSDoc, not this -->`,
    `<h2><code>DEAL.${escapeHtml(signature(f))}</code></h2>`,
    `<p>${escapeHtml(f.description)}</p>`,
    `<p><strong>Returns:</strong> ${escapeHtml(returnsText(f))}</p>`,
    `<h3>Arguments</h3>`,
    `<dl>`,
    ...f.parameters.map(
      (p) => {
        const kind = argumentKind(p.name);
        const note = kind === "" ? "" : ` <em>(${escapeHtml(kind)})</em>`;
        return `  <dt>${p.optional ? `[${p.name}]` : p.name}</dt><dd>${escapeHtml(p.description)}${note}</dd>`;
      },
    ),
    `</dl>`,
    `<!-- end of generated part -->`,
  ];
  return lines.map((line) => indent + line).join("\n");
}

/**
 * help.html from its template: every `<!-- function: ID -->` marker replaced by that function's
 * generated part, `<!-- function-index -->` by links to every function. Refuses a template that
 * names a function the build does not have, names one twice, or leaves one out.
 */
export function renderHelp(template: string, functions: readonly FunctionDoc[]): string {
  const byId = new Map(functions.map((f) => [f.id, f]));
  const seen = new Set<string>();
  const html = template.replace(FUNCTION_MARKER, (_match, indent: string, id: string) => {
    const f = byId.get(id);
    if (!f) throw new Error(`help.template.html names ${id}, which is not a DEAL function`);
    if (seen.has(id)) throw new Error(`help.template.html names ${id} twice`);
    seen.add(id);
    return helpSection(f, indent);
  });
  const missing = functions.filter((f) => !seen.has(f.id)).map((f) => f.id);
  if (missing.length > 0) throw new Error(`help.template.html has no <!-- function: ID --> marker for ${missing.join(", ")}`);
  return html.replace(INDEX_MARKER, (_match, indent: string) =>
    functions.map((f, i) => `${indent}<a href="#${anchor(f)}">${f.name}</a>${i === functions.length - 1 ? "." : ","}`).join("\n"),
  );
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** README's table: one row per function, linking to its reference in docs/functions.md. */
export function renderReadmeTable(functions: readonly FunctionDoc[]): string {
  return [
    "| function | what it gives |",
    "|---|---|",
    ...functions.map((f) => `| [\`DEAL.${f.name}\`](docs/functions.md#${anchor(f)}) | ${escapeCell(f.description)} |`),
  ].join("\n");
}

/** docs/functions.md's reference: each function's call, description, arguments and result. */
export function renderFunctionReference(functions: readonly FunctionDoc[]): string {
  const parts: string[] = [];
  for (const f of functions) {
    parts.push(
      `<a id="${anchor(f)}"></a>`,
      "",
      `### \`DEAL.${f.name}\``,
      "",
      `\`=DEAL.${signature(f)}\``,
      "",
      escapeCell(f.description),
      "",
      "| argument | | kind (declared field) | what it is |",
      "|---|---|---|---|",
      ...f.parameters.map(
        (p) =>
          `| \`${p.name}\` | ${p.optional ? "optional" : "required"}${p.range ? ", a range" : ""} | ${escapeCell(argumentKind(p.name))} | ${escapeCell(p.description)} |`,
      ),
      "",
      `**Returns:** ${escapeCell(returnsText(f))} Worked example: [help.html#${anchor(f)}](../src/help.html#${anchor(f)}).`,
      "",
    );
  }
  return parts.join("\n").trimEnd();
}

/** Replaces what lies between `<!-- NAME:start -->` and `<!-- NAME:end -->` (markers kept); refuses a text without both. */
export function replaceBetweenMarkers(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`markers ${start} … ${end} not found`);
  return `${text.slice(0, i + start.length)}\n${content}\n${text.slice(j)}`;
}

// ---------------------------------------------------------------------------------------------
// Fields: the model's inputs and the register's columns

/** One model input as docs/inputs.md lists it. */
export interface InputRow {
  name: string;
  label: string;
  kind: string;
  allowed: readonly string[];
  /** What a blank gives, where a blank is allowed ("" where none is declared). */
  default: string;
  /** The DEAL argument that takes this field. */
  arg: string;
  cli: string;
  pane: boolean;
  help: string;
}

/** One register column as docs/inputs.md lists it. */
export interface RegisterRow {
  field: string;
  label: string;
  required: boolean;
  headers: readonly string[];
}

/** The model sheet's inputs, in sheet order: the field declarations (`FIELDS`, src/core/fields.ts) that are sheet inputs. */
export function modelInputRows(): InputRow[] {
  return FIELDS.filter((f) => f.sheet !== false).map((f) => ({
    name: f.name,
    label: f.label,
    kind: f.kind,
    allowed: f.allowed ?? [],
    default: f.default === undefined ? "" : String(f.default),
    arg: argOf(f),
    cli: f.cli ?? "",
    pane: f.pane === true,
    help: f.help,
  }));
}

/** The deal register's columns: the field declarations with a register column (`FIELDS`, src/core/fields.ts). */
export function registerColumnRows(): RegisterRow[] {
  return FIELDS.flatMap((f) =>
    f.register ? [{ field: f.register.id, label: `${f.register.phrase} (${f.kind})`, required: f.register.required === true, headers: f.register.headers }] : [],
  );
}

/** docs/inputs.md, whole. */
export function renderInputsDoc(inputs: readonly InputRow[], columns: readonly RegisterRow[]): string {
  const code = (text: string) => (text === "" ? "" : `\`${text}\``);
  return [
    "<!-- Generated by npm run docs (scripts/docs.ts) from the field declarations, src/core/fields.ts: edit those, not this. -->",
    "",
    "# Inputs and register columns",
    "",
    "## The model sheet's inputs",
    "",
    "One row per input of the model sheet (blue cells), in sheet order. One declaration per field",
    "(src/core/fields.ts) gives the sheet's row and its defined name, the DEAL argument's name and the",
    "default a blank takes, the task pane's form field (*pane*), the command line's option",
    "(`npm run model -- --help`) and the register's headers below. Every surface reads a value by its",
    "kind's one reader: [conventions](conventions.md).",
    "",
    "| name | label | kind | default | DEAL argument | command line | pane | help |",
    "|---|---|---|---|---|---|---|---|",
    ...inputs.map((i) => {
      const kind = i.allowed.length > 0 ? `${i.kind}: ${i.allowed.join(", ")}` : i.kind;
      const cells = [escapeCell(i.label), escapeCell(kind), code(i.default), code(i.arg), code(i.cli), i.pane ? "yes" : "", escapeCell(i.help)];
      return `| \`${i.name}\` | ${cells.join(" | ")} |`;
    }),
    "",
    "## The deal register's columns",
    "",
    "A register (an Excel table, a range with its header row, or a CSV file) is read by its headers,",
    "compared without case, spaces, underscores, hyphens, dots or apostrophes. What each column means and",
    "what a blank cell means: [the portfolio](portfolio.md#columns).",
    "",
    "| field | label | required | headers recognised |",
    "|---|---|---|---|",
    ...columns.map((c) => `| \`${c.field}\` | ${escapeCell(c.label)} | ${c.required ? "yes" : ""} | ${escapeCell(c.headers.join(", "))} |`),
    "",
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------

/** Every generated file, by path relative to the repository, with the content it should have now. */
export async function generateDocs(): Promise<Map<string, string>> {
  const functions = await readFunctions();
  const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
  return new Map([
    ["src/help.html", renderHelp(read("src/help.template.html"), functions)],
    ["README.md", replaceBetweenMarkers(read("README.md"), "functions", renderReadmeTable(functions))],
    ["docs/functions.md", replaceBetweenMarkers(read("docs/functions.md"), "functions", renderFunctionReference(functions))],
    ["docs/inputs.md", renderInputsDoc(modelInputRows(), registerColumnRows())],
    ["docs/model-sheet.md", replaceBetweenMarkers(read("docs/model-sheet.md"), "cli-help", ["```", CLI_HELP.trimEnd(), "```"].join("\n"))],
  ]);
}

async function main(): Promise<void> {
  for (const [file, content] of await generateDocs()) {
    const target = path.join(ROOT, file);
    const before = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : undefined;
    if (before === content) continue;
    fs.writeFileSync(target, content);
    console.log(`wrote ${file}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
