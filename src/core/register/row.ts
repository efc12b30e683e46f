/** One register row: its cells read by their fields' kinds onto a draft, then the one validation. */
import { Decimal } from "../money";
import { DealError, valueError } from "../errors";
import type { DealDraft, RampUntil } from "../deal";
import { readField, readRampText } from "../fields";
import { ContractTerms, hasTerminationTerms, lockedToEnd, RampStepInput, TermsInput, validateTerms } from "../terms";
import { ColumnMapping, FieldSpec, normaliseHeader, REGISTER_FIELDS, RegisterField } from "./columns";
import { cellError } from "./problems";
import { isBlank, lowerFirst } from "./text";
import type { RegisterDeal, RegisterOptions } from "./types";

/** Payment headers that say the amount is monthly: a deal in such a column that pays otherwise is refused. */
const MONTHLY_PAYMENT_HEADERS: ReadonlySet<string> = new Set(["monthlypayment", "monthlyfee", "monthlyrent"]);

const SPEC_BY_FIELD: ReadonlyMap<RegisterField, FieldSpec> = new Map(REGISTER_FIELDS.map((spec) => [spec.field, spec]));

export function readRow(cells: readonly unknown[], row: number, mapping: ColumnMapping, options: RegisterOptions): RegisterDeal {
  const header = (field: RegisterField): string => mapping.columns[mapping.fields[field]!].header;
  const cell = (field: RegisterField): unknown => {
    const index = mapping.fields[field];
    return index === undefined ? undefined : cells[index];
  };
  /** Blaming a cell's column for a refusal. */
  const blamed = <T>(field: RegisterField, compute: () => T): T => {
    try {
      return compute();
    } catch (error) {
      if (error instanceof DealError) throw cellError(row, header(field), error.message);
      throw error;
    }
  };

  // Every given cell is read by its field's kind and set on a draft of the deal, as a form or an
  // option would be; a blank cell is not given (the terms' own defaults apply).
  const draft: DealDraft = { terms: {} };
  for (const [field, index] of Object.entries(mapping.fields) as [RegisterField, number][]) {
    const value = cells[index];
    if (isBlank(value)) continue;
    const spec = SPEC_BY_FIELD.get(field)!;
    blamed(field, () => spec.decl.set(draft, readField(spec.decl, value, `the ${spec.label}`, options)));
  }

  const counterparty = draft.client ?? "";
  if (counterparty === "") throw cellError(row, header("counterparty"), "The counterparty is missing.");
  for (const field of ["startDate", "endDate", "payment"] as const) {
    if (isBlank(cell(field))) blamed(field, () => readField(SPEC_BY_FIELD.get(field)!.decl, cell(field), `the ${SPEC_BY_FIELD.get(field)!.label}`));
  }
  const terms0 = draft.terms;
  if (MONTHLY_PAYMENT_HEADERS.has(normaliseHeader(header("payment"))) && terms0.frequency !== undefined && terms0.frequency !== "monthly") {
    throw cellError(
      row,
      header("frequency"),
      `The payment column is "${header("payment")}" but this deal pays ${terms0.frequency}: name the column "Payment" (an amount per period) so the amount is not misread.`,
    );
  }
  if (draft.ramp) terms0.payment = rampSteps(draft.ramp, terms0.startDate!, terms0.payment as number);
  // No termination terms at all: no termination clause, so no early exit (a missing clause is no
  // clause, not "terminable at once"). Locked in to the end, every exit falls after it.
  const terminationGiven = hasTerminationTerms(terms0);
  const input = (terminationGiven ? terms0 : lockedToEnd(terms0)) as TermsInput;

  let terms: ContractTerms;
  try {
    terms = validateTerms(input);
  } catch (error) {
    if (!(error instanceof DealError)) throw error;
    const field = blame(error.message, input);
    const message = field === "ramp" ? error.message.replace(/\bramp row (\d+)/gi, "ramp step $1").replace(/\(row (\d+)\)/g, "(step $1)") : error.message;
    if (field !== null && mapping.fields[field] !== undefined) throw cellError(row, header(field), message);
    // A message no column explains (a rule added to validateTerms later): name the required columns.
    throw valueError(
      `Row ${row}, columns ${(["startDate", "endDate", "payment"] as const).map((f) => `"${header(f)}"`).join(", ")}: ${lowerFirst(message)}`,
    );
  }

  const discountRate =
    draft.discountRate === undefined
      ? null
      : blamed("discountRate", () => {
          if (draft.discountRate! <= -1) throw valueError("The discount rate must be above -100%.");
          return new Decimal(draft.discountRate!);
        });
  const exitProbability =
    draft.exitProbability === undefined
      ? 0
      : blamed("exitProbability", () => {
          const p = draft.exitProbability!;
          if (!(p >= 0 && p <= 1)) throw valueError(`The annual exit probability must be between 0 and 1 (0% to 100%), not ${p}.`);
          return p;
        });
  const gpuCount =
    draft.gpuCount == null
      ? null
      : blamed("gpuCount", () => {
          if (draft.gpuCount! <= 0) throw valueError(`The GPU count must be a whole number above 0, not ${draft.gpuCount}.`);
          return draft.gpuCount!;
        });
  const provider = draft.provider === undefined || draft.provider === "" ? {} : { provider: draft.provider };
  return { row, counterparty, terms, discountRate, exitProbability, gpuCount, terminationGiven, ...provider };
}

/**
 * The column to blame for a message of {@link validateTerms}. Its messages name the argument
 * (`notice_date`, `lock_in_months`, …) or the quantity ("The end date … is before …"); the patterns
 * below are tested message by message, so a reworded message shows up as a failing test.
 */
function blame(message: string, input: TermsInput): RegisterField | null {
  const patterns: [RegisterField, RegExp][] = [
    ["ramp", /\bramp\b/i],
    ["startDate", /^start_date\b/],
    ["endDate", /^end_date\b|^The end date|^The term from .* is longer than/],
    ["payment", /^payment\b|payment per period/],
    ["escalation", /escalation/i],
    ["lockInLastDay", /lock-in end date/],
    ["lockInMonths", /^lock_in_months\b/],
    ["noticeDays", /^notice_days\b/],
    ["noticeInLockIn", /^notice_in_lock_in\b/],
    ["noticeDate", /^notice_date\b|^Notice served on/],
    ["terminationFee", /termination_fee|termination fee/],
  ];
  for (const [field, pattern] of patterns) if (pattern.test(message)) return field;
  // A lock-in that runs past 9999 fails inside the date arithmetic.
  if (/outside Excel's calendar/.test(message)) return input.lockInLastDay != null ? "lockInLastDay" : "lockInMonths";
  return null;
}

/**
 * A ramp cell: the amounts paid before the row's payment takes over, as text —
 * `"460000000 until 2026-09-30"` or several steps `"50000000 until 2026-09-30; 100000000 until 2026-12-31"`.
 * Each amount applies from the previous step's day after (the first from the start) through its
 * "until" day; the payment column applies after the last. Returns the core's ramp steps.
 *
 * @example
 * readRamp("460000000 until 2026-09-30", 46204, 920000000) // [{46204, 460000000}, {46296, 920000000}]
 */
export function readRamp(value: unknown, startDate: number, payment: number): RampStepInput[] {
  return rampSteps(readRampText(value), startDate, payment);
}

/** Ramp steps from a ramp cell's amounts-until, the start and the payment that follows them. */
function rampSteps(until: readonly RampUntil[], startDate: number, payment: number): RampStepInput[] {
  const steps: RampStepInput[] = [];
  let from = startDate;
  for (const step of until) {
    steps.push({ effectiveDate: from, amount: step.amount });
    from = step.until + 1;
  }
  steps.push({ effectiveDate: from, amount: payment });
  return steps;
}
