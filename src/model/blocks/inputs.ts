/**
 * The Inputs block and the payment ramp table: every row derived from the input declarations
 * (src/model/inputs.ts), so an input declared there appears here with its label, format and note.
 */
import { valueError } from "../../core";
import { InputKind, INPUTS, InputName, inputValue } from "../inputs";
import { PlanCell } from "../plan";
import { Block, ListRow } from "../layout";
import { FORMATS, ModelContext } from "./context";

const FORMAT_OF: Readonly<Record<InputKind, string | undefined>> = {
  text: undefined,
  date: FORMATS.date,
  optionalDate: FORMATS.date,
  amount: FORMATS.money,
  rate: FORMATS.percent,
  whole: FORMATS.integer,
  count: FORMATS.count,
  flag: undefined,
  frequency: undefined,
  timing: undefined,
  proration: undefined,
  choice: undefined,
  ramp: undefined,
};

/**
 * One row per declared input: label, the deal's value (blue, an input), and its basis and help.
 *
 * @example
 * inputsBlock(ctx).list.rows[4] // { label: "Start date (first day of service)", cells: [{ value: 46204, … }, …] }
 */
export function inputsBlock(ctx: ModelContext): Block<InputName> {
  const rows: ListRow<InputName>[] = INPUTS.map((decl) => {
    const { value, basis } = inputValue(decl.name, ctx.deal);
    const isDate = decl.kind === "date" || decl.kind === "optionalDate";
    const cell: PlanCell = { value, isDate: isDate || undefined, numberFormat: FORMAT_OF[decl.kind], style: "input" };
    return {
      label: decl.label,
      cells: [cell, { value: basis ? `${basis}: ${decl.help}` : decl.help, style: "note" }],
      names: [{ name: decl.name, cell: 0 }],
    };
  });
  return { id: "inputs", title: "INPUTS", list: { header: ["Value", "Basis / allowed values"], rows }, reads: [] };
}

/** Rows of the ramp table: enough for the templates' ramps, and a few more. */
export const RAMP_ROWS = 8;

export type RampName = "RampDates" | "RampAmounts" | "Ramp";

/**
 * The ramp: effective dates and amounts per period, blank rows ignored.
 *
 * @example
 * rampBlock(ctx).list.ranges // RampDates, RampAmounts and Ramp over the table's rows
 */
export function rampBlock(ctx: ModelContext): Block<RampName> {
  const steps = ctx.terms.payment.kind === "ramp" ? ctx.terms.payment.steps : [];
  if (steps.length > RAMP_ROWS) {
    throw valueError(`The model sheet holds at most ${RAMP_ROWS} ramp steps; this ramp has ${steps.length}.`);
  }
  const rows: ListRow<RampName>[] = Array.from({ length: RAMP_ROWS }, (_, i) => {
    const step = steps[i];
    return {
      label: `Step ${i + 1}`,
      cells: [
        { value: step ? step.effectiveDate : null, isDate: true, numberFormat: FORMATS.date, style: "input" },
        { value: step ? step.amount.toNumber() : null, numberFormat: FORMATS.money, style: "input" },
      ],
    };
  });
  rows.push({ label: "Dates ascending; each amount applies to the periods that start on or after its date.", labelStyle: "note" });
  const last = RAMP_ROWS - 1;
  return {
    id: "ramp",
    title: "PAYMENT RAMP (optional)",
    list: {
      header: ["Effective date", "Amount per period"],
      rows,
      ranges: [
        { name: "RampDates", fromRow: 0, toRow: last, fromCell: 0, toCell: 0 },
        { name: "RampAmounts", fromRow: 0, toRow: last, fromCell: 1, toCell: 1 },
        { name: "Ramp", fromRow: 0, toRow: last, fromCell: 0, toCell: 1 },
      ],
    },
    reads: [],
  };
}
