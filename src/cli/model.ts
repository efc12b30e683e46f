/**
 * npm run model — writes a deal model sheet to .xlsx and prints its headline figures from the core.
 *
 *   npm run model                                  # seed template → ./deal-model.xlsx
 *   npm run model -- --template gpu-capacity-lease --out lease.xlsx
 *   npm run model -- --payment 175000000 --end 2029-06-30 --discount-rate 10% --out alt.xlsx
 */
import fs from "fs";
import path from "path";
import { parseArgs } from "util";
import { DealError, Frequency, parseIsoDate, Proration, TermsInput, Timing } from "../core";
import { writePlanXlsx } from "../export/xlsx";
import { formatDate, formatMoney, formatPercent } from "../model/format";
import { computeHeadline } from "../model/headline";
import { buildModelPlan } from "../model/modelSheet";
import { TemplateOverrides, withOverrides } from "../model/overrides";
import { findTemplate, TEMPLATES } from "../model/templates";

const HELP = `Usage: npm run model -- [options]

Writes a deal model (native Excel formulas) to an .xlsx file and prints its headline figures.

Options:
  --template ID        contract template (default: reflection-spacex); see --list
  --out FILE           output file (default: deal-model.xlsx in the current folder)
  --force              overwrite FILE if it exists
  --start DATE         start date, YYYY-MM-DD
  --end DATE           end date (last day of service), YYYY-MM-DD
  --payment AMOUNT     payment per period (replaces any ramp)
  --frequency F        monthly | quarterly | semi-annual | annual
  --escalation RATE    annual escalation, e.g. 0.03 or 3%
  --timing T           advance | arrears
  --proration P        full | actual
  --notice-date DATE   day notice is served, YYYY-MM-DD
  --discount-rate RATE discount rate, e.g. 0.08 or 8%
  --sheet-name NAME    worksheet name
  --list               list the templates
  --help               this help
`;

class UsageError extends Error {}

function rate(text: string, option: string): number {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!match) throw new UsageError(`${option} must be a number such as 0.08 or 8%, not "${text}".`);
  return Number(match[1]) / (match[2] ? 100 : 1);
}

function date(text: string, option: string): number {
  const serial = parseIsoDate(text);
  if (serial === undefined) throw new UsageError(`${option} must be a date as YYYY-MM-DD, not "${text}".`);
  return serial;
}

function amount(text: string, option: string): number {
  const value = Number(text.replace(/,/g, ""));
  if (text.trim() === "" || !Number.isFinite(value)) throw new UsageError(`${option} must be a number, not "${text}".`);
  return value;
}

function oneOf<T extends string>(text: string, option: string, allowed: Record<string, T>): T {
  const found = allowed[text.toLowerCase()];
  if (!found) throw new UsageError(`${option} must be one of ${Object.keys(allowed).join(", ")}, not "${text}".`);
  return found;
}

export async function main(argv: string[], cwd: string, log: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      template: { type: "string" },
      out: { type: "string" },
      force: { type: "boolean" },
      start: { type: "string" },
      end: { type: "string" },
      payment: { type: "string" },
      frequency: { type: "string" },
      escalation: { type: "string" },
      timing: { type: "string" },
      proration: { type: "string" },
      "notice-date": { type: "string" },
      "discount-rate": { type: "string" },
      "sheet-name": { type: "string" },
      list: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    log(HELP);
    return 0;
  }
  if (values.list) {
    for (const t of TEMPLATES) log(`${t.id.padEnd(22)} ${t.title}`);
    return 0;
  }
  const template = findTemplate(values.template ?? "reflection-spacex");
  if (!template) throw new UsageError(`Unknown template "${values.template}". Templates: ${TEMPLATES.map((t) => t.id).join(", ")}.`);

  const terms: Partial<TermsInput> = {
    ...(values.start !== undefined && { startDate: date(values.start, "--start") }),
    ...(values.end !== undefined && { endDate: date(values.end, "--end") }),
    ...(values.payment !== undefined && { payment: amount(values.payment, "--payment") }),
    ...(values.frequency !== undefined && {
      frequency: oneOf<Frequency>(values.frequency, "--frequency", {
        monthly: "monthly",
        quarterly: "quarterly",
        "semi-annual": "semiannual",
        annual: "annual",
      }),
    }),
    ...(values.escalation !== undefined && { escalation: rate(values.escalation, "--escalation") }),
    ...(values.timing !== undefined && { timing: oneOf<Timing>(values.timing, "--timing", { advance: "advance", arrears: "arrears" }) }),
    ...(values.proration !== undefined && { proration: oneOf<Proration>(values.proration, "--proration", { full: "full", actual: "actual" }) }),
    ...(values["notice-date"] !== undefined && { noticeDate: date(values["notice-date"], "--notice-date") }),
  };
  const overrides: TemplateOverrides = {
    terms,
    ...(values["discount-rate"] !== undefined && { discountRate: rate(values["discount-rate"], "--discount-rate") }),
    ...(values["sheet-name"] !== undefined && { sheetName: values["sheet-name"] }),
  };
  const deal = withOverrides(template, overrides);
  const headline = computeHeadline(deal); // validates the terms before anything is written
  const plan = buildModelPlan(deal);

  const out = path.resolve(cwd, values.out ?? "deal-model.xlsx");
  if (fs.existsSync(out) && !values.force) {
    throw new UsageError(`${out} already exists; pass --force to overwrite it.`);
  }
  await writePlanXlsx(plan, out);

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
  ];
  log(`Wrote ${out} (sheet "${plan.sheetName}")`);
  for (const [label, value] of rows) log(`  ${label.padEnd(26)} ${value}`);
  return 0;
}

if (require.main === module) {
  // npm runs scripts from the package folder; INIT_CWD is where the user typed the command.
  main(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd()).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const known = error instanceof UsageError || error instanceof DealError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
      console.error(`model: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}`);
      if (known) console.error("Run `npm run model -- --help` for the options.");
      process.exit(2);
    },
  );
}
