/**
 * The task pane: choose a template, adjust its terms, preview the headline figures (from the core,
 * no workbook access), insert the model sheet.
 */
import { formatIsoDate } from "../core";
import { formatMoney, formatPercent } from "../model/format";
import { computeHeadline } from "../model/headline";
import { buildModelPlan } from "../model/modelSheet";
import { findTemplate, TEMPLATES } from "../model/templates";
import { checkRequirements, ExcelHost, insertModel, InsertStage } from "./excelWriter";
import { dealFromForm, FormError, formFromTemplate, FormValues, hasRamp, previewForm } from "./form";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = () => $("deal-form") as HTMLFormElement;
const FIELDS: (keyof FormValues)[] = [
  "templateId", "sheetName", "provider", "client", "startDate", "endDate", "payment", "frequency", "escalation",
  "timing", "proration", "lockInMonths", "lockInLastDay", "noticeDays", "noticeInLockIn", "noticeDate",
  "terminationFee", "discountRate",
];

function readForm(): FormValues {
  const values: Record<string, string | boolean> = {};
  for (const field of FIELDS) {
    const control = $(field) as HTMLInputElement | HTMLSelectElement;
    values[field] = control instanceof HTMLInputElement && control.type === "checkbox" ? control.checked : control.value;
  }
  return values as unknown as FormValues;
}

function fillForm(values: FormValues): void {
  for (const field of FIELDS) {
    const control = $(field) as HTMLInputElement | HTMLSelectElement;
    if (control instanceof HTMLInputElement && control.type === "checkbox") control.checked = Boolean(values[field]);
    else control.value = String(values[field]);
  }
  const template = findTemplate(values.templateId)!;
  const ramp = hasRamp(template);
  ($("payment") as HTMLInputElement).disabled = ramp;
  ($("payment") as HTMLInputElement).placeholder = ramp ? "set by the ramp" : "";
  $("payment-note").hidden = !ramp;
  $("template-notes").textContent = template.notes.join(" ");
}

function definitionList(lines: readonly [string, string][]): HTMLDListElement {
  const dl = document.createElement("dl");
  for (const [term, value] of lines) {
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.textContent = value;
    dl.append(dt, dd);
  }
  return dl;
}

function showPreview(): void {
  const preview = previewForm(readForm());
  for (const field of FIELDS) $(field).removeAttribute("aria-invalid");
  const box = $("preview");
  box.replaceChildren();
  if (preview.ok) {
    box.append(definitionList(preview.lines));
  } else {
    if (preview.field) $(preview.field).setAttribute("aria-invalid", "true");
    const p = document.createElement("p");
    p.className = "message error";
    p.textContent = preview.message;
    box.append(p);
  }
}

function showStatus(kind: "progress" | "ok" | "error", text: string, lines?: [string, string][]): void {
  const status = $("status");
  status.hidden = false;
  status.className = `message${kind === "progress" ? "" : " " + kind}`;
  status.setAttribute("role", kind === "error" ? "alert" : "status");
  status.replaceChildren(document.createTextNode(text));
  if (lines) status.append(definitionList(lines));
}

const STAGE_TEXT: Record<InsertStage, string> = {
  reading: "Inserting… reading the workbook's sheet names",
  writing: "Inserting… writing the model sheet",
  undoing: "Insert failed — removing what was created…",
};

async function insert(host: ExcelHost): Promise<void> {
  const button = $("insert") as HTMLButtonElement;
  let deal;
  try {
    deal = dealFromForm(readForm());
    computeHeadline(deal); // the core's validation, before the workbook is touched
  } catch (error) {
    showStatus("error", (error as Error).message);
    if (error instanceof FormError && error.field) $(error.field).focus();
    return;
  }
  button.disabled = true;
  try {
    const plan = buildModelPlan(deal);
    const result = await insertModel(plan, host, (stage) => showStatus("progress", STAGE_TEXT[stage]));
    const h = computeHeadline(deal);
    showStatus("ok", `Inserted the sheet "${result.sheetName}".`, [
      ["Total contract value", formatMoney(h.total)],
      ["Annual run-rate", formatMoney(h.runRate)],
      ["Committed at earliest exit", `${formatMoney(h.committed)} (${formatPercent(h.committedShare)})`],
      ["Effective exit", formatIsoDate(h.exitDate)],
    ]);
  } catch (error) {
    showStatus("error", (error as Error).message);
  } finally {
    button.disabled = false;
  }
}

function start(host: ExcelHost): void {
  const select = $("templateId") as HTMLSelectElement;
  for (const t of TEMPLATES) select.append(new Option(t.title, t.id));
  fillForm(formFromTemplate(TEMPLATES[0]));
  select.addEventListener("change", () => {
    fillForm(formFromTemplate(findTemplate(select.value)!));
    showPreview();
  });
  form().addEventListener("input", (event) => {
    if (event.target !== select) showPreview();
  });
  form().addEventListener("change", (event) => {
    if (event.target !== select) showPreview();
  });
  for (const id of ["payment", "terminationFee"]) {
    $(id).addEventListener("blur", () => {
      const input = $(id) as HTMLInputElement;
      const value = Number(input.value.replace(/[,\s_]/g, ""));
      if (input.value.trim() !== "" && Number.isFinite(value)) input.value = formatMoney(value, Number.isInteger(value) ? 0 : 2);
    });
  }
  form().addEventListener("submit", (event) => {
    event.preventDefault();
    void insert(host);
  });
  showPreview();
  try {
    checkRequirements(host);
  } catch (error) {
    const warning = $("host-warning");
    warning.textContent = (error as Error).message;
    warning.hidden = false;
    ($("insert") as HTMLButtonElement).disabled = true;
  }
}

Office.onReady(() =>
  start({
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  }),
);
