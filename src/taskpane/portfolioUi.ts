/**
 * The pane's "Portfolio from a table" part: choose a table (or the selection), see how each column
 * is read and change it, insert the Portfolio sheet. The workbook is read in one round trip to list
 * the tables, one to read the columns, and the insert takes at most three (read, write, undo on
 * failure) whatever the number of deals; the user's table is never written to.
 */
import { DateOrder, RegisterField } from "../core";
import { insertPortfolio, InsertStage, listRegisterSources, readRegisterCells, RegisterCells, RegisterLocation, ExcelHost } from "./excelWriter";
import { describeRead, FIELD_CHOICES, portfolioPlan, readPortfolio, recogniseColumns, REGISTER_ROOM, RegisterRefusal } from "./portfolioPane";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The value of the "ignore this column" choice. */
const IGNORE = "";
const SELECTION = "\u0000selection"; // never a table name

interface State {
  location: RegisterLocation | null;
  cells: RegisterCells | null;
}

function location(): RegisterLocation | null {
  const value = ($("register-source") as HTMLSelectElement).value;
  if (value === "") return null;
  return value === SELECTION ? { kind: "selection" } : { kind: "table", name: value };
}

/** The most refused rows the pane lists under its message (the message counts them all). */
const LISTED_PROBLEMS = 50;

function say(kind: "progress" | "ok" | "error", text: string, problems: readonly string[] = []): void {
  const box = $("register-message");
  box.hidden = false;
  box.className = `message${kind === "progress" ? "" : " " + kind}`;
  box.setAttribute("role", kind === "error" ? "alert" : "status");
  box.textContent = text;
  if (problems.length > 1) {
    const list = document.createElement("ul");
    for (const line of problems.slice(0, LISTED_PROBLEMS)) list.append(Object.assign(document.createElement("li"), { textContent: line }));
    box.append(list);
  }
}

/** A refusal as the pane shows it: the message, and every refused row listed. */
function sayRefusal(error: unknown): void {
  say("error", (error as Error).message, error instanceof RegisterRefusal ? error.problems : []);
}

/** The order of day and month the user states for dates typed with numbers only ("" = only unambiguous ones). */
function dateOrder(): DateOrder | undefined {
  const value = ($("register-date-order") as HTMLSelectElement | null)?.value;
  return value === "dmy" || value === "mdy" ? value : undefined;
}

/** The user's choice per column, from the selects. */
function choices(): (RegisterField | null)[] {
  return [...document.querySelectorAll<HTMLSelectElement>("#register-columns select")].map((s) => (s.value === IGNORE ? null : (s.value as RegisterField)));
}

/** Re-reads the rows with the current choices and says what an insert would do. */
function check(state: State): boolean {
  const insert = $("register-insert") as HTMLButtonElement;
  if (!state.cells) {
    insert.disabled = true;
    return false;
  }
  try {
    const read = readPortfolio(state.cells, choices(), false, dateOrder());
    say("ok", `Ready: ${describeRead(read)}`);
    insert.disabled = false;
    return true;
  } catch (error) {
    sayRefusal(error);
    insert.disabled = true;
    return false;
  }
}

function showColumns(state: State): void {
  const cells = state.cells!;
  const header = cells.values[0] ?? [];
  const recognised = recogniseColumns(header);
  const body = $("register-columns").querySelector("tbody")!;
  body.replaceChildren();
  header.forEach((text, i) => {
    const row = document.createElement("tr");
    const name = document.createElement("th");
    name.scope = "row";
    name.textContent = String(text);
    const cell = document.createElement("td");
    const select = document.createElement("select");
    select.id = `register-column-${i}`;
    select.setAttribute("aria-label", `Column "${String(text)}" is read as`);
    select.append(new Option("(ignored)", IGNORE));
    for (const f of FIELD_CHOICES) select.append(new Option(f.required ? `${f.label} (required)` : f.label, f.field));
    select.value = recognised[i] ?? IGNORE;
    select.addEventListener("change", () => check(state));
    cell.append(select);
    row.append(name, cell);
    body.append(row);
  });
  $("register-columns").hidden = false;
  check(state);
}

async function refresh(host: ExcelHost, state: State): Promise<void> {
  try {
    const sources = await listRegisterSources(host);
    const select = $("register-source") as HTMLSelectElement;
    const previous = select.value;
    select.replaceChildren(...sources.tables.map((t) => new Option(`Table ${t}`, t)), new Option(`The selection (${sources.selection})`, SELECTION));
    if ([...select.options].some((o) => o.value === previous)) select.value = previous;
    state.cells = null;
    ($("register-insert") as HTMLButtonElement).disabled = true;
    $("register-columns").hidden = true;
  } catch (error) {
    say("error", (error as Error).message);
  }
}

async function readColumns(host: ExcelHost, state: State): Promise<void> {
  state.location = location();
  if (!state.location) return say("error", "Choose a table or the selection first (Find tables).");
  try {
    say("progress", "Reading the register…");
    state.cells = await readRegisterCells(host, state.location, REGISTER_ROOM);
    showColumns(state);
  } catch (error) {
    state.cells = null;
    say("error", (error as Error).message);
  }
}

const STAGE_TEXT: Record<InsertStage, string> = {
  reading: "Inserting… reading the register",
  writing: "Inserting… writing the Portfolio sheet",
  undoing: "Insert failed — removing what was created…",
};

async function insert(host: ExcelHost, state: State): Promise<void> {
  if (!state.location || !state.cells || !check(state)) return;
  const chosen = choices();
  const order = dateOrder();
  const header = JSON.stringify(state.cells.values[0]);
  const button = $("register-insert") as HTMLButtonElement;
  button.disabled = true;
  try {
    const result = await insertPortfolio(
      host,
      state.location,
      REGISTER_ROOM,
      (cells, date1904) => {
        // The columns were chosen for the header as read: if it changed since, read it again.
        if (JSON.stringify(cells.values[0]) !== header) throw new RegisterRefusal("The register's header row has changed since its columns were read: read them again. Nothing was inserted.");
        const read = readPortfolio(cells, chosen, date1904, order);
        return { plan: portfolioPlan(cells, read), built: read };
      },
      (stage) => say("progress", STAGE_TEXT[stage]),
    );
    say("ok", `Inserted the sheet "${result.sheetName}" over ${state.cells.address}: ${describeRead(result.built)}`);
  } catch (error) {
    sayRefusal(error);
  } finally {
    button.disabled = false;
  }
}

/** Wires the part of the pane; the workbook is not read until the user asks. */
export function startPortfolio(host: ExcelHost): void {
  const state: State = { location: null, cells: null };
  $("register-refresh").addEventListener("click", () => void refresh(host, state));
  $("register-read").addEventListener("click", () => void readColumns(host, state));
  $("register-source").addEventListener("change", () => {
    state.cells = null;
    $("register-columns").hidden = true;
    ($("register-insert") as HTMLButtonElement).disabled = true;
  });
  $("register-insert").addEventListener("click", () => void insert(host, state));
  $("register-date-order").addEventListener("change", () => check(state));
  // The selection needs no round trip; the tables are listed when asked (Find tables).
  ($("register-source") as HTMLSelectElement).replaceChildren(new Option("The selection (a range with its header row)", SELECTION));
}
