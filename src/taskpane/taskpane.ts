/**
 * The task pane: choose a template, adjust its terms, preview the headline figures (from the core,
 * no workbook access), insert the model sheet.
 */
import { formatIsoDate } from "../core";
import { readAmount, readRate } from "../core/vocabulary";
import { formatMoney, formatPercent } from "../model/format";
import { computeHeadline } from "../model/headline";
import { buildModelPlan } from "../model/modelSheet";
import { ALL_TEMPLATES, findTemplate, TEMPLATES } from "../model/templates";
import { checkRequirements, ExcelHost, insertModel, InsertStage } from "./excelWriter";
import { InputDecl, InputKind, PaneInputDecl } from "../model/inputs";
import { startPortfolio } from "./portfolioUi";
import {
  amountText,
  dealFromForm,
  fieldOf,
  FIELDS,
  FormError,
  formFromTemplate,
  FormValues,
  hasRamp,
  paneGroups,
  percentText,
  previewForm,
} from "./form";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = () => $("deal-form") as HTMLFormElement;

/** The control, label and help line of one input, from its declaration. */
function inputCell(pane: PaneInputDecl): HTMLElement {
  const decl: InputDecl = pane;
  const id = fieldOf(pane.name);
  const cell = document.createElement("div");
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = decl.label;
  let control: HTMLInputElement | HTMLSelectElement;
  if (decl.kind === "flag") {
    control = document.createElement("input");
    control.type = "checkbox";
    control.id = control.name = id;
    cell.className = "check";
    cell.append(control, label); // the label beside the box; a checkbox needs no "TRUE or FALSE"
    return cell;
  }
  if (decl.allowed) {
    const select = document.createElement("select");
    for (const word of decl.allowed) select.append(new Option(word.charAt(0).toUpperCase() + word.slice(1), word));
    control = select;
  } else {
    const input = document.createElement("input");
    const isDate = decl.kind === "date" || decl.kind === "optionalDate";
    input.type = isDate ? "date" : "text";
    input.required = decl.kind === "date";
    if (!isDate) {
      input.autocomplete = "off";
      input.inputMode = decl.kind === "whole" || decl.kind === "count" ? "numeric" : "decimal";
    }
    control = input;
  }
  control.id = control.name = id;
  const help = document.createElement("p");
  help.id = `${id}-help`;
  help.className = "ms-font-s subtle";
  help.textContent = decl.help;
  control.setAttribute("aria-describedby", help.id);
  cell.append(label, control, help);
  if (decl.name === "Payment") {
    const note = document.createElement("p");
    note.id = "payment-note";
    note.className = "ms-font-s subtle";
    note.hidden = true;
    note.textContent = "This template pays by a ramp; edit its steps in the sheet's ramp table.";
    cell.append(note);
  }
  return cell;
}

/** Builds the form's input rows from the declarations (paneGroups), before the preview. */
function buildInputs(): void {
  const before = form().querySelector("section.preview");
  for (const group of paneGroups()) {
    let fieldset = document.getElementById(group.id);
    if (!fieldset) {
      fieldset = document.createElement("fieldset");
      fieldset.id = group.id;
      const legend = document.createElement("legend");
      legend.className = "ms-font-l";
      legend.textContent = group.legend;
      fieldset.append(legend);
      form().insertBefore(fieldset, before);
    }
    for (const row of group.rows) {
      if (row.length === 1) fieldset.append(inputCell(row[0]));
      else {
        const pair = document.createElement("div");
        pair.className = "pair";
        pair.append(...row.map(inputCell));
        fieldset.append(pair);
      }
    }
    // Amounts and rates are rewritten as the pane shows them once the field is left: 150000000 → 150,000,000, 0.08 → 8%.
    for (const pane of group.rows.flat()) {
      const kind: InputKind = pane.kind;
      const tidy = kind === "amount" ? (t: string) => amountText(readAmount(t, "")) : kind === "rate" ? (t: string) => percentText(readRate(t, "")) : null;
      if (!tidy) continue;
      const input = $(fieldOf(pane.name)) as HTMLInputElement;
      input.addEventListener("blur", () => {
        try {
          input.value = tidy(input.value);
        } catch {
          // left as typed: the preview explains what is wrong
        }
      });
    }
  }
}

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
  $("template-notes").textContent = template.neutral
    ? "Your own deal: give its start, end and payment; lock-in and notice left blank mean no early exit."
    : template.notes.join(" ");
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

/** Why the pane cannot insert into a workbook (outside Excel, Office.js not loaded, an old host), or null. */
let hostProblem: string | null = null;
/** Whether a field holds an error (an ambiguous rate, a missing date): no insert until it is mended. */
let formProblem = false;

/** Insert is offered only inside a capable Excel and while every field reads. */
function updateInsert(): void {
  ($("insert") as HTMLButtonElement).disabled = hostProblem !== null || formProblem;
}

/** Says, where the user looks, why nothing can be inserted; the form and its preview still work. */
function warnHost(message: string, portfolio: boolean): void {
  hostProblem = message;
  const warning = $("host-warning");
  warning.textContent = message;
  warning.hidden = false;
  updateInsert();
  if (portfolio) for (const id of ["register-refresh", "register-read", "register-insert"]) ($(id) as HTMLButtonElement).disabled = true;
}

function showPreview(): void {
  const preview = previewForm(readForm());
  formProblem = !preview.ok;
  updateInsert();
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
    updateInsert();
  }
}

function start(host: ExcelHost, outside: string | null = null): void {
  buildInputs();
  const select = $("templateId") as HTMLSelectElement;
  for (const t of ALL_TEMPLATES) select.append(new Option(t.title, t.id));
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
  form().addEventListener("submit", (event) => {
    event.preventDefault();
    void insert(host);
  });
  showPreview();
  startPortfolio(host);
  if (outside !== null) {
    warnHost(outside, true);
    return;
  }
  try {
    checkRequirements(host);
  } catch (error) {
    warnHost((error as Error).message, false);
  }
}

/** A host for a pane outside Excel: nothing can be read or written. */
const NO_WORKBOOK: ExcelHost = {
  run: () => Promise.reject(new Error("This pane is not running inside Excel.")),
  isSetSupported: () => false,
};

if (typeof Office === "undefined") {
  // office.js did not load (offline, or blocked): the pane still previews, and says why it cannot insert.
  start(
    NO_WORKBOOK,
    "Office.js did not load (offline, or blocked), so this pane cannot reach a workbook: the preview works, Insert does not. Open Deal Modeler from Excel's ribbon with the network available.",
  );
} else {
  void Office.onReady((info) =>
    info.host === Office.HostType.Excel
      ? start({
          run: (batch) => Excel.run(batch),
          isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
        })
      : start(NO_WORKBOOK, "This page is not running inside Excel: the preview works, Insert does not. Open Deal Modeler from Excel's ribbon (Home > Deal Model)."),
  );
}
