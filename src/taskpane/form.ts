/**
 * The task pane's form, without the DOM: prefilled from a template, read back into a deal, previewed
 * with the core. Dates are ISO text (what `<input type="date">` holds), money and percentages are
 * typed text read the same way on every machine.
 */
import { DealError, formatIsoDate, Frequency, parseIsoDate, Proration, Timing } from "../core";
import { formatMoney, formatPercent } from "../model/format";
import { computeHeadline } from "../model/headline";
import { withOverrides } from "../model/overrides";
import { checkSheetName } from "../model/plan";
import { DealTemplate, findTemplate, TEMPLATES } from "../model/templates";

export interface FormValues {
  templateId: string;
  sheetName: string;
  provider: string;
  client: string;
  startDate: string;
  endDate: string;
  payment: string;
  frequency: Frequency;
  escalation: string;
  timing: Timing;
  proration: Proration;
  lockInMonths: string;
  lockInLastDay: string;
  noticeDays: string;
  noticeInLockIn: boolean;
  noticeDate: string;
  terminationFee: string;
  discountRate: string;
}

/** A form value that cannot be read; `field` names the control to point at. */
export class FormError extends Error {
  constructor(readonly field: keyof FormValues | null, message: string) {
    super(message);
    this.name = "FormError";
  }
}

/** 0.08 → "8" (the form's percentage fields hold plain numbers of percent). */
const percentText = (ratio: number) => String(Number((ratio * 100).toFixed(6)));

/** Whether the template's payment is a ramp, edited in the sheet rather than in the form. */
export function hasRamp(template: DealTemplate): boolean {
  return Array.isArray(template.terms.payment);
}

/** The form as a template fills it. */
export function formFromTemplate(template: DealTemplate): FormValues {
  const t = template.terms;
  const iso = (serial: number | null | undefined) => (serial === null || serial === undefined ? "" : formatIsoDate(serial));
  return {
    templateId: template.id,
    sheetName: template.sheetName,
    provider: template.provider,
    client: template.client,
    startDate: iso(t.startDate),
    endDate: iso(t.endDate),
    payment: hasRamp(template) ? "" : formatMoney(Number(t.payment), 0),
    frequency: t.frequency ?? "monthly",
    escalation: percentText(Number(t.escalation ?? 0)),
    timing: t.timing ?? "advance",
    proration: t.proration ?? "full",
    lockInMonths: String(t.lockInMonths ?? 0),
    lockInLastDay: iso(t.lockInLastDay),
    noticeDays: String(t.noticeDays ?? 0),
    noticeInLockIn: t.noticeDuringLockIn ?? false,
    noticeDate: iso(t.noticeDate),
    terminationFee: formatMoney(Number(t.terminationFee ?? 0), 0),
    discountRate: percentText(template.discountRate.value ?? 0),
  };
}

function money(text: string, field: keyof FormValues, label: string): number {
  const cleaned = text.replace(/[,\s_]/g, "");
  const value = Number(cleaned);
  if (cleaned === "" || !Number.isFinite(value)) throw new FormError(field, `${label} must be an amount, such as 150,000,000.`);
  return value;
}

function percent(text: string, field: keyof FormValues, label: string): number {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  if (!match) throw new FormError(field, `${label} must be a percentage, such as 8 or 8%.`);
  return Number(match[1]) / 100;
}

function date(text: string, field: keyof FormValues, label: string, optional = false): number | null {
  if (optional && text.trim() === "") return null;
  const serial = parseIsoDate(text);
  if (serial === undefined) throw new FormError(field, `${label} must be a date.`);
  return serial;
}

function whole(text: string, field: keyof FormValues, label: string): number {
  if (!/^\s*\d+\s*$/.test(text)) throw new FormError(field, `${label} must be a whole number.`);
  return Number(text);
}

/** Reads the form into a deal (a template with overrides). Throws FormError naming the field. */
export function dealFromForm(values: FormValues): DealTemplate {
  const template = findTemplate(values.templateId);
  if (!template) throw new FormError("templateId", "Choose a contract template.");
  try {
    checkSheetName(values.sheetName);
  } catch (error) {
    throw new FormError("sheetName", (error as Error).message);
  }
  const lockInLastDay = date(values.lockInLastDay, "lockInLastDay", "Lock-in last day", true);
  return withOverrides(template, {
    provider: values.provider,
    client: values.client,
    sheetName: values.sheetName,
    discountRate: percent(values.discountRate, "discountRate", "Discount rate"),
    terms: {
      startDate: date(values.startDate, "startDate", "Start date")!,
      endDate: date(values.endDate, "endDate", "End date")!,
      ...(hasRamp(template) ? {} : { payment: money(values.payment, "payment", "Payment") }),
      frequency: values.frequency,
      escalation: percent(values.escalation, "escalation", "Escalation"),
      timing: values.timing,
      proration: values.proration,
      lockInMonths: lockInLastDay === null ? whole(values.lockInMonths, "lockInMonths", "Lock-in months") : 0,
      lockInLastDay,
      noticeDays: whole(values.noticeDays, "noticeDays", "Notice days"),
      noticeDuringLockIn: values.noticeInLockIn,
      noticeDate: date(values.noticeDate, "noticeDate", "Notice date", true),
      terminationFee: money(values.terminationFee || "0", "terminationFee", "Termination fee"),
    },
  });
}

export type Preview =
  | { readonly ok: true; readonly lines: readonly [string, string][] }
  | { readonly ok: false; readonly field: keyof FormValues | null; readonly message: string };

/** The headline figures for the form as it stands, or what is wrong with it. */
export function previewForm(values: FormValues): Preview {
  try {
    const deal = dealFromForm(values);
    const h = computeHeadline(deal);
    return {
      ok: true,
      lines: [
        ["Total contract value", formatMoney(h.total)],
        ["Annual run-rate", formatMoney(h.runRate)],
        ["Earliest exit", formatIsoDate(h.exitDate)],
        ["Committed at earliest exit", `${formatMoney(h.committed)} (${formatPercent(h.committedShare)})`],
        ["Present value", formatMoney(h.presentValue)],
        ["Periods", String(h.schedule.length)],
      ],
    };
  } catch (error) {
    if (error instanceof FormError) return { ok: false, field: error.field, message: error.message };
    if (error instanceof DealError) return { ok: false, field: null, message: error.message };
    throw error;
  }
}

export { TEMPLATES };
