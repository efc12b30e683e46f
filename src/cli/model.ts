/**
 * npm run model — writes a deal model sheet to .xlsx and prints its headline figures from the core.
 *
 *   npm run model                                  # seed template → ./deal-model.xlsx
 *   npm run model -- --template gpu-capacity-lease --out lease.xlsx
 *   npm run model -- --payment 175000000 --end 2029-06-30 --discount-rate 10% --out alt.xlsx
 *   npm run model -- --register deals.csv --out portfolio.xlsx   # the register + a Portfolio sheet
 */
import fs from "fs";
import path from "path";
import { parseArgs } from "util";
import { DealError, portfolioFigures, readDate } from "../core";
import { writePlanXlsx, writeRegisterXlsx } from "../export/xlsx";
import { buildPortfolioPlan, EXPECTED_HELPER_CELLS, isModelled, portfolioContext, registerColumnFormats, registerSource } from "../model/portfolioSheet";
import { readRegisterFile, refusalLines, registerFileOptions } from "./register";
import { formatDate, formatMoney, formatPercent } from "../model/format";
import { computeHeadline, Headline } from "../model/headline";
import { AccountingStandardWord, accountingTerm, DEFAULT_ACCOUNTING, measureLease } from "../core";
import { DealTemplate, expectedValue, FieldDecl, FieldName, FIELDS, lookalikeColumns, valueAssumptions } from "../core";
import { InputKind, RawInputs, readInputs } from "../model/inputs";
import { buildModelPlan } from "../model/modelSheet";
import { overridesFromInputs, TemplateOverrides, withOwnTerms } from "../model/overrides";
import { ALL_TEMPLATES, findTemplate, YOUR_DEAL } from "../model/templates";

/** What each kind of input is called in the help. */
const METAVAR: Readonly<Record<InputKind, string>> = {
  text: "TEXT",
  date: "DATE",
  optionalDate: "DATE",
  amount: "AMOUNT",
  rate: "RATE",
  whole: "N",
  count: "N",
  flag: "TRUE|FALSE",
  frequency: "WORD",
  timing: "WORD",
  proration: "WORD",
  choice: "WORD",
  ramp: "TEXT",
};

/** The fields that are command-line options (declared with `cli` in src/core/fields/). */
const OPTION_INPUTS: readonly (FieldDecl & { readonly cli: string })[] = FIELDS.filter((d): d is FieldDecl & { cli: string } => !!d.cli);

/** The command's own options, beside the inputs. */
const GENERAL: readonly { readonly option: string; readonly metavar?: string; readonly help: string; readonly type: "string" | "boolean" }[] = [
  {
    option: "--template",
    metavar: "ID",
    help: "contract template; see --list (default: your-deal when --start, --end or --payment is given, else reflection-spacex)",
    type: "string",
  },
  {
    option: "--register",
    metavar: "FILE.csv",
    help: "a deal register (CSV): write it as a sheet with a Portfolio sheet of native formulas over it",
    type: "string",
  },
  { option: "--date-order", metavar: "dmy|mdy", help: "with --register: how to read dates typed with numbers only, such as 7/1/2026", type: "string" },
  { option: "--delimiter", metavar: "SEP", help: "with --register: comma, semicolon or tab (detected from the header row otherwise)", type: "string" },
  {
    option: "--encoding",
    metavar: "ENC",
    help: "with --register: utf-8, utf-16le, utf-16be or windows-1252 (by its byte-order mark, else UTF-8, else Windows-1252)",
    type: "string",
  },
  {
    option: "--as-of",
    metavar: "DATE",
    help: "with --register: the Portfolio sheet's as-of day, at its close: payments due after it, notice from the next day (default: every payment)",
    type: "string",
  },
  { option: "--year-end-month", metavar: "N", help: "with --register: the month the fiscal year ends, 1–12 (default 12)", type: "string" },
  { option: "--out", metavar: "FILE", help: "output .xlsx file (default: deal-model.xlsx; .xlsx is added to a name without one)", type: "string" },
  { option: "--force", help: "overwrite FILE if it exists", type: "boolean" },
  { option: "--sheet-name", metavar: "NAME", help: "worksheet name", type: "string" },
  { option: "--list", help: "list the templates", type: "boolean" },
  { option: "--help", help: "this help", type: "boolean" },
];

const helpLine = (left: string, help: string) => `  ${left.padEnd(30)} ${help}`;

export const HELP = [
  "Usage: npm run model -- [options]",
  "",
  "Writes a deal model (native Excel formulas) to an .xlsx file and prints its headline figures.",
  "The template's terms apply except where an option changes them. Given --start, --end or --payment",
  "without --template, the model is your own deal: only what you give, nothing of another deal's;",
  "without --lock-in-months, --lock-in-last-day, --notice-days or --notice-date it has no early exit.",
  "",
  "Options:",
  ...GENERAL.slice(0, 10).map((g) => helpLine(g.metavar ? `${g.option} ${g.metavar}` : g.option, g.help)),
  ...OPTION_INPUTS.map((d) => helpLine(`${d.cli} ${METAVAR[d.kind]}`, d.help)),
  ...GENERAL.slice(10).map((g) => helpLine(g.option, g.help)),
  "",
  "Dates are YYYY-MM-DD. Amounts may carry thousands separators (150,000,000). A rate is a fraction",
  "(0.08) or has a percent sign (8%); a bare number above 1 such as 8 is refused as ambiguous.",
  "--payment replaces a template's ramp.",
  "",
].join("\n");

/** At most 40 characters of what the user wrote, for a message. */
const clip = (text: string) => (text.length > 40 ? text.slice(0, 40) + "…" : text);

/** A refusal of the command line itself; shown as a plain message. */
export class UsageError extends Error {}

type ParseOptions = Record<string, { type: "string" | "boolean" }>;

const PARSE_OPTIONS: ParseOptions = Object.fromEntries([
  ...GENERAL.map((g) => [g.option.slice(2), { type: g.type }]),
  ...OPTION_INPUTS.map((d) => [d.cli.slice(2), { type: "string" }]),
]);

/**
 * parseArgs takes "--payment -5" for two options and refuses it as ambiguous; a value that starts
 * with one dash ("-5", "-0.5%") is joined to its option ("--payment=-5") so that it reaches the reader.
 */
function joinDashValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = argv[i + 1];
    const option = arg.startsWith("--") ? PARSE_OPTIONS[arg.slice(2)] : undefined;
    if (option?.type === "string" && next !== undefined && next.startsWith("-") && !next.startsWith("--")) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

/** "dir//" → "dir", by a loop (a `[\\/]+$` expression backtracks quadratically on long runs of slashes). */
function withoutTrailingSeparators(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === "/" || text[end - 1] === path.sep)) end--;
  return text.slice(0, end);
}

/**
 * The file to write, or a refusal: a name must end in .xlsx (one without an extension gets it), must
 * not be a folder, and its folder must exist.
 */
export function outputFile(given: string | undefined, cwd: string, force: boolean): string {
  const text = given ?? "deal-model.xlsx";
  const example = (folder: string) => path.join(folder, "deal-model.xlsx");
  if (text.trim() === "") throw new UsageError("--out is empty: give a file name such as deal-model.xlsx.");
  if (text.endsWith("/") || text.endsWith(path.sep)) {
    throw new UsageError(`--out ${text} names a folder: give a file name ending in .xlsx, such as ${example(withoutTrailingSeparators(text))}.`);
  }
  const named = path.resolve(cwd, text);
  const isFolder = (p: string) => fs.existsSync(p) && fs.statSync(p).isDirectory();
  if (isFolder(named)) throw new UsageError(`${named} is a folder: give a file name ending in .xlsx, such as ${example(text)}.`);
  const extension = path.extname(named);
  if (extension !== "" && extension.toLowerCase() !== ".xlsx") {
    throw new UsageError(
      `--out ${text}: the model is an .xlsx workbook; give a name ending in .xlsx, such as ${text.slice(0, text.length - extension.length)}.xlsx.`,
    );
  }
  const file = extension === "" ? `${named}.xlsx` : named;
  const folder = path.dirname(file);
  if (!fs.existsSync(folder)) throw new UsageError(`The folder ${folder} does not exist: create it, or choose another --out.`);
  if (!isFolder(folder)) throw new UsageError(`${folder} is a file, not a folder: choose another --out.`);
  if (isFolder(file)) throw new UsageError(`${file} is a folder: give a file name ending in .xlsx, such as ${example(text)}.`);
  if (fs.existsSync(file) && !force) throw new UsageError(`${file} already exists; pass --force to overwrite it.`);
  return file;
}

const WRITE_FAILURES: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  ENOENT: "its folder does not exist",
  ENOTDIR: "part of the path is not a folder",
  EISDIR: "it is a folder",
  EBUSY: "the file is in use (open in Excel?)",
};

/** The temporary files being written: removed when the command is interrupted (SIGINT, SIGTERM). */
export const TEMPORARY_FILES = new Set<string>();

/** Removes the temporary files being written. */
export function removeTemporaryFiles(): void {
  for (const file of TEMPORARY_FILES) fs.rmSync(file, { force: true });
  TEMPORARY_FILES.clear();
}

/**
 * Until `done` settles, an interrupt (Ctrl-C, SIGTERM) removes the temporary files, then ends the
 * process as the signal would have.
 */
async function removedIfInterrupted<T>(done: Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    removeTemporaryFiles();
    process.kill(process.pid, signal);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await done;
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}

/**
 * Writes beside the target and renames, so a failure or an interrupt leaves nothing behind and an
 * overwritten file is replaced whole; a failure becomes a plain message.
 */
export async function writeFile(plan: Parameters<typeof writePlanXlsx>[0] | ((file: string) => Promise<void>), file: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  TEMPORARY_FILES.add(temporary);
  try {
    await removedIfInterrupted(typeof plan === "function" ? plan(temporary) : writePlanXlsx(plan, temporary));
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    const reason = WRITE_FAILURES[(error as { code?: string }).code ?? ""];
    if (reason) throw new UsageError(`Could not write ${file}: ${reason}.`);
    throw error;
  } finally {
    TEMPORARY_FILES.delete(temporary);
  }
}

/**
 * Writes the model; resolves to 0, or rejects with a UsageError or DealError (a plain message) —
 * see {@link run} for the command's exit status and output.
 */
export async function main(argv: string[], cwd: string, log: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({ args: joinDashValues(argv), strict: true, allowPositionals: false, options: PARSE_OPTIONS });
  const option = (name: string) => (values as Record<string, string | boolean | undefined>)[name];
  if (option("help")) {
    log(HELP);
    return 0;
  }
  if (option("list")) {
    for (const t of ALL_TEMPLATES) log(`${t.id.padEnd(22)} ${t.title}`);
    return 0;
  }
  const registerFile = option("register") as string | undefined;
  if (registerFile !== undefined) return writeRegister(registerFile, option, cwd, log);
  const fileOnly = ["date-order", "delimiter", "encoding"].find((name) => option(name) !== undefined);
  if (fileOnly) throw new UsageError(`--${fileOnly} says how to read a register file: it goes with --register.`);
  const portfolioOnly = ["as-of", "year-end-month"].find((name) => option(name) !== undefined);
  if (portfolioOnly) throw new UsageError(`--${portfolioOnly} applies to a register's portfolio: it goes with --register.`);
  const raw: Partial<Record<FieldName, unknown>> = {};
  for (const d of OPTION_INPUTS) {
    const given = option(d.cli.slice(2));
    if (given !== undefined) raw[d.name as FieldName] = given;
  }
  // A start, end or payment given without a template describes the user's own deal: "Your deal",
  // nothing of the seed's. Other options alone (say --discount-rate) change the seed.
  const ownTerms = raw.StartDate !== undefined || raw.EndDate !== undefined || raw.Payment !== undefined;
  const templateId = (option("template") as string | undefined) ?? (ownTerms ? YOUR_DEAL.id : "reflection-spacex");
  const template = findTemplate(templateId);
  if (!template) throw new UsageError(`Unknown template "${clip(templateId)}". Templates: ${ALL_TEMPLATES.map((t) => t.id).join(", ")}.`);
  const sheetName = option("sheet-name") as string | undefined;
  const overrides: TemplateOverrides = {
    // A message names what the user typed: the option (--start), not the function argument (start_date).
    ...overridesFromInputs(readInputs(raw as RawInputs, (d) => d.cli ?? d.name)),
    ...(sheetName !== undefined && { sheetName }),
  };
  const deal = withOwnTerms(template, overrides);
  const headline = computeHeadline(deal); // validates the terms before anything is written
  const plan = buildModelPlan(deal);

  const out = outputFile(option("out") as string | undefined, cwd, option("force") === true);
  await writeFile(plan, out);

  const rows: [string, string][] = [
    ["Deal", deal.title],
    ["Periods", `${headline.schedule.length} (${headline.terms.frequency}, from ${formatDate(headline.terms.startDate)} to ${formatDate(headline.terms.endDate)})`],
    ["Total contract value", formatMoney(headline.total)],
    ["Annual run-rate at start", formatMoney(headline.runRate)],
    ["Present value", `${formatMoney(headline.presentValue)} at ${formatPercent(deal.discountRate.value ?? 0)}`],
    ["Earliest notice", formatDate(headline.earliestNotice)],
    ["Effective exit", `${formatDate(headline.exitDate)} (last day of service ${formatDate(headline.exitDate - 1)})`],
    ["Committed at exit", `${formatMoney(headline.committed)} (${formatPercent(headline.committedShare)} of total)`],
    ["Value at risk", formatMoney(headline.valueAtRisk)],
    ...liabilityLine(deal, headline),
    ...expectedLine(deal, headline),
    ...(headline.gpuHourRate === null ? [] : [["Price per GPU-hour", `${formatMoney(headline.gpuHourRate)} (at the peak rate, ${deal.hoursPerMonth} hours a month)`] as [string, string]]),
  ];
  log(`Wrote ${out} (sheet "${plan.sheetName}")`);
  for (const [label, value] of rows) log(`  ${label.padEnd(26)} ${value}`);
  return 0;
}

/** The sheet the command writes a register's rows to. */
export const REGISTER_SHEET = "Deals";

/**
 * `--register FILE.csv`: reads the register with the same column recognition and row validation as
 * DEAL.PORTFOLIO (a bad row refuses the file, naming row and column, before anything is written) and
 * writes it as a sheet of values with a Portfolio sheet whose formulas refer to it.
 */
async function writeRegister(file: string, option: (name: string) => unknown, cwd: string, log: (line: string) => void): Promise<number> {
  const conflicting = ["template", ...OPTION_INPUTS.map((d) => d.cli.slice(2))].filter((name) => option(name) !== undefined);
  if (conflicting.length > 0) throw new UsageError(`--register writes a portfolio: --${conflicting[0]} does not apply to it.`);
  const source = path.resolve(cwd, file);
  if (!fs.existsSync(source) || fs.statSync(source).isDirectory()) throw new UsageError(`--register ${file}: no such file.`);
  // Size-capped, decoded (UTF-8, UTF-16, Windows-1252), split by its delimiter; every bad row refused at once.
  const { register, records, notes } = readRegisterFile(source, registerFileOptions({
    "date-order": option("date-order"),
    delimiter: option("delimiter"),
    encoding: option("encoding"),
  }));
  const { asOf, yearEndMonth } = portfolioOptions(option);
  const sheetName = (option("sheet-name") as string | undefined) ?? "Portfolio";
  if (sheetName.toLowerCase() === REGISTER_SHEET.toLowerCase()) throw new UsageError(`--sheet-name ${clip(sheetName)}: the register's sheet is "${REGISTER_SHEET}"; choose another name.`);
  const portfolioSource = registerSource(REGISTER_SHEET, register.mapping, records.length - 1);
  const plan = buildPortfolioPlan(portfolioSource, register, { sheetName, asOf, yearEndMonth });
  const out = outputFile(option("out") as string | undefined, cwd, option("force") === true);
  await writeFile((temporary) => writeRegisterXlsx(REGISTER_SHEET, records, [plan], temporary, registerColumnFormats(register.mapping)), out);

  const figures = portfolioFigures(register.deals, { asOf, yearEndMonth });
  const notModelled = register.deals.filter((d) => !isModelled(d.terms));
  log(`Wrote ${out} (sheets "${REGISTER_SHEET}" and "${plan.sheetName}")`);
  for (const note of notes) log(`  ${note}`);
  if (register.mapping.ignored.length > 0) {
    log(`  Columns not read: ${register.mapping.ignored.map((c) => `"${clip(c.header)}"`).join(", ")}`);
  }
  for (const l of lookalikeColumns(register.mapping)) {
    log(`  Check: the column "${clip(l.column.header)}" was not read but looks like the ${l.like}: name it as the portfolio reads it (docs/inputs.md).`);
  }
  for (const skipped of register.skipped) log(`  Skipped row ${skipped.row}: ${skipped.reason}`);
  log(`  ${"Deals".padEnd(26)} ${register.counts.deals} (${register.counts.blankRows} blank rows skipped)`);
  if (asOf !== null) log(`  ${"As of".padEnd(26)} the close of ${formatDate(asOf)}: payments due after it`);
  log(`  ${"Headline".padEnd(26)} ${formatMoney(figures.totalHeadline)}`);
  log(`  ${"Committed".padEnd(26)} ${formatMoney(figures.totalCommitted)}`);
  log(`  ${"Expected".padEnd(26)} ${formatMoney(figures.totalExpected)} (by payment date, at each deal's annual exit probability)`);
  const ctx = portfolioContext(portfolioSource, register.deals, yearEndMonth ?? 12);
  if (ctx.expectedHelpers === "none") {
    const years = ctx.lastYear - ctx.firstYear + 1;
    log(
      `  Expected on the sheet: native where no exit is weighed (p = 0, p = 1, a notice date); the other rows need the add-in — ` +
        `${portfolioSource.rows.toLocaleString("en-US")} rows × ${years} fiscal years is beyond the ${EXPECTED_HELPER_CELLS.toLocaleString("en-US")} helper cells the sheet computes it with.`,
    );
  }
  const withoutTerms = register.deals.filter((d) => !d.terminationGiven);
  if (withoutTerms.length > 0) {
    log(
      `  No termination terms given: row${withoutTerms.length === 1 ? "" : "s"} ${rowList(withoutTerms.map((d) => d.row))}` +
        ` — read as no early exit (committed = headline).`,
    );
  }
  if (notModelled.length > 0) {
    log(
      `  Not modelled by the sheet's formulas (a ramp of several steps): row${notModelled.length === 1 ? "" : "s"} ${rowList(notModelled.map((d) => d.row))}` +
        ` — the sheet flags ${notModelled.length === 1 ? "it" : "them"}; DEAL.PORTFOLIO reads every row. The totals above include ${notModelled.length === 1 ? "it" : "them"}.`,
    );
  }
  return 0;
}

const STANDARD_NAMES: Readonly<Record<AccountingStandardWord, string>> = { ifrs16: "IFRS 16", "asc842-finance": "ASC 842, finance", "asc842-operating": "ASC 842, operating" };

/** Rows shown in a line of the summary before "and N more". */
const ROWS_SHOWN = 10;

/**
 * Row numbers for a line of the summary: the first ten, then how many more.
 *
 * @example
 * rowList([2, 3, 4]) // "2, 3, 4"
 * rowList([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]) // "2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more"
 */
export function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, ROWS_SHOWN).join(", ");
  return rows.length > ROWS_SHOWN ? `${shown} and ${(rows.length - ROWS_SHOWN).toLocaleString("en-US")} more` : shown;
}

/**
 * The lease liability line: the liability the model sheet's Accounting block recognises at
 * commencement (its lease term from the deal's judgements, payments discounted at the discount rate;
 * nothing under an elected short-term exemption), when the deal has a discount rate.
 */
function liabilityLine(deal: DealTemplate, headline: Headline): [string, string][] {
  const rate = deal.discountRate.value;
  if (rate === null) return [];
  const a = { ...DEFAULT_ACCOUNTING, ...deal.accounting };
  const term = accountingTerm(headline.terms, { whoMayTerminate: a.whoMayTerminate, significantPenalty: a.significantPenalty, termEnd: a.termEnd, electShortTerm: a.electShortTerm });
  if (term.shortTermElected) return [["Lease liability", "0.00 (short-term exemption elected: nothing on the balance sheet)"]];
  const { liability } = measureLease({
    terms: term.terms,
    annualRate: rate,
    initialDirectCosts: a.initialDirectCosts,
    incentives: a.incentives,
    terminationPayment: term.terminationPayment,
  });
  return [["Lease liability", `${formatMoney(liability)} at commencement (${STANDARD_NAMES[a.standard]}, lease term to ${formatDate(term.lastDay)})`]];
}

/**
 * `--as-of` (a date, as every date is typed) and `--year-end-month` (a whole number 1–12), named as
 * the user typed them.
 *
 * @example
 * portfolioOptions((n) => ({ "as-of": "2027-01-01", "year-end-month": "6" })[n]) // { asOf: 46388, yearEndMonth: 6 }
 */
export function portfolioOptions(option: (name: string) => unknown): { asOf: number | null; yearEndMonth: number } {
  const given = option("as-of");
  const asOf = given === undefined ? null : readDate(given, "--as-of");
  const month = option("year-end-month");
  const yearEndMonth = month === undefined ? 12 : Number(month);
  if (!Number.isInteger(yearEndMonth) || yearEndMonth < 1 || yearEndMonth > 12) {
    throw new UsageError(`--year-end-month must be a whole number from 1 (January) to 12 (December), not "${String(month).slice(0, 40)}".`);
  }
  return { asOf, yearEndMonth };
}

/**
 * The expected value line: the contract's value weighed by the annual exit probability (EXPECTED_VALUE),
 * when the deal has one; the probability's basis is shown, since it is an assumption.
 */
function expectedLine(deal: DealTemplate, headline: Headline): [string, string][] {
  const { exitProbability } = valueAssumptions(deal);
  if (exitProbability.value === null) return [];
  const expected = expectedValue(headline.terms, exitProbability.value, headline.schedule);
  return [["Expected value", `${formatMoney(expected)} at ${formatPercent(exitProbability.value)} a year exit probability (${exitProbability.basis})`]];
}

/** Whether an error is the user's to fix (a plain message), not a defect (a stack). */
function isRefusal(error: unknown): error is Error {
  return (
    error instanceof UsageError ||
    error instanceof DealError ||
    // parseArgs's TypeError; checked by its code, since it may come from another realm than this module's Error.
    String((error as { code?: unknown } | null)?.code ?? "").startsWith("ERR_PARSE_ARGS")
  );
}

/**
 * The command: runs {@link main}, and on a refusal prints a plain message (no stack) on `error` and
 * returns exit status 2, having written nothing.
 */
export async function run(
  argv: string[],
  cwd: string,
  io: { log: (line: string) => void; error: (line: string) => void } = { log: console.log, error: console.error },
): Promise<number> {
  try {
    return await main(argv, cwd, io.log);
  } catch (error) {
    if (isRefusal(error)) {
      // A refused register lists every bad row (row, column, reason), not the first only.
      for (const line of error instanceof DealError ? refusalLines(error) : [error.message]) io.error(`model: ${line}`);
      io.error("Run `npm run model -- --help` for the options.");
    } else {
      io.error(`model: unexpected failure (a defect; please report it): ${String((error as Error)?.stack ?? error)}`);
    }
    return 2;
  }
}

if (require.main === module) {
  // npm runs scripts from the package folder; INIT_CWD is where the user typed the command.
  run(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd()).then((code) => process.exit(code));
}
