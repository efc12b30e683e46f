/* global self, setTimeout */
/**
 * A recording double of the part of the Excel JavaScript API (Office.js) the task pane uses.
 *
 * Like the real thing, commands are queued on proxy objects and run only at `context.sync()`, one
 * round trip each; loads are filled in at sync. It records every write (`state.log`), counts syncs,
 * and can fail on purpose halfway through a sync.
 *
 * It is as strict as Excel where a pane could pass here and fail there:
 * - a property can be read only after it was `load`ed and synced (or set by the caller), else
 *   PropertyNotLoaded with Excel's message; `load` makes readable exactly what it asks for
 *   ("items/name", "value", ["a", "b"], { select, expand } or { a: true });
 * - defined names and sheet names follow Excel's rules (see `definedNameProblem`, `sheetNameProblem`),
 *   names unique case-insensitively within their scope; 2-D arrays must match the range;
 * - each API needs its requirement set: on a host without it the sync fails with ApiNotFound;
 * - assigning a property the double does not model throws at once (in Excel it would be silently
 *   ignored), and so does calling a method it does not model; an enum or option Excel would refuse
 *   fails the sync with InvalidArgument.
 *
 * Plain JavaScript so that the same file runs under jest and, served in place of office.js, in a
 * real browser.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.ExcelDouble = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  const MAX_ROWS = 1048576;
  const MAX_COLUMNS = 16384; // XFD

  function columnIndex(letters) {
    let n = 0;
    for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }
  function columnLetters(index) {
    let s = "";
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }

  class OfficeError extends Error {
    constructor(code, message, detail) {
      super(message);
      this.code = code;
      this.name = "RichApi.Error";
      this.debugInfo = { code, message, errorLocation: detail };
    }
  }
  // Excel's own messages for the codes the double raises.
  const MESSAGES = {
    InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
    ItemAlreadyExists: "A resource with the same name or identifier already exists.",
    ItemNotFound: "The requested resource doesn't exist.",
    ApiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  };
  const fail = (code, detail) => new OfficeError(code, MESSAGES[code], detail);
  const propertyNotLoaded = (property) =>
    new OfficeError(
      "PropertyNotLoaded",
      `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      property,
    );

  /** "B3:D7" → { top: 2, left: 1, rows: 5, cols: 3 } (0-based); Excel's grid bounds enforced. */
  function parseRange(address) {
    const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(String(address));
    if (!m) throw fail("InvalidArgument", `bad address ${address}`);
    const cols = [columnIndex(m[1]), m[3] ? columnIndex(m[3]) : columnIndex(m[1])];
    const rows = [Number(m[2]) - 1, m[4] ? Number(m[4]) - 1 : Number(m[2]) - 1];
    if (cols.some((c) => c >= MAX_COLUMNS) || rows.some((r) => r < 0 || r >= MAX_ROWS)) throw fail("InvalidArgument", `address outside the grid ${address}`);
    const top = Math.min(...rows);
    const left = Math.min(...cols);
    return { top, left, rows: Math.max(...rows) - top + 1, cols: Math.max(...cols) - left + 1 };
  }
  const cellAddress = (row, col) => `${columnLetters(col)}${row + 1}`;

  /** Is `text` a cell reference in A1 style (up to XFD1048576) or R1C1 style ("R", "C", "R1C1", "RC2")? */
  function isCellReference(text) {
    const upper = String(text).toUpperCase();
    const a1 = /^([A-Z]{1,3})(\d+)$/.exec(upper);
    if (a1 && columnIndex(a1[1]) < MAX_COLUMNS && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROWS) return true;
    return /^R\d*C\d*$/.test(upper) || /^[RC]\d*$/.test(upper);
  }

  /**
   * Why Excel would refuse `name` as a defined name, or null: 1–255 characters; first a letter, "_" or
   * "\", then letters, digits, "." or "_" (so no spaces); not a cell reference.
   */
  function definedNameProblem(name) {
    if (typeof name !== "string" || name.length === 0) return "a name cannot be empty";
    if (name.length > 255) return "a name has at most 255 characters";
    if (!/^[\p{L}_\\]/u.test(name)) return "a name starts with a letter, an underscore or a backslash";
    if (!/^.[\p{L}\p{Nd}._]*$/u.test(name)) return "a name holds only letters, digits, periods and underscores";
    if (isCellReference(name)) return "a name cannot be a cell reference";
    return null;
  }

  /** Why Excel would refuse `name` as a sheet name, or null (uniqueness is checked by the caller). */
  function sheetNameProblem(name) {
    if (typeof name !== "string" || name.length === 0) return "a sheet name cannot be empty";
    if (name.length > 31) return "a sheet name has at most 31 characters";
    if (/[:\\/?*[\]]/.test(name)) return "a sheet name cannot hold : \\ / ? * [ ]";
    if (name.startsWith("'") || name.endsWith("'")) return "a sheet name cannot start or end with an apostrophe";
    if (name.toLowerCase() === "history") return '"History" is reserved';
    return null;
  }

  const sameName = (a, b) => a.toLowerCase() === b.toLowerCase();

  /**
   * Wraps a proxy object so that assigning a property it does not declare throws at once: Office.js
   * would silently drop it, and a typo ("orientatoin") must not pass a test.
   */
  function strict(target, typeName) {
    return new Proxy(target, {
      set(obj, key, value) {
        if (typeof key !== "string" || !(key in obj)) throw new TypeError(`The Excel double does not model ${typeName}.${String(key)}`);
        if (!Reflect.set(obj, key, value)) throw new TypeError(`${typeName}.${key} is read-only`);
        return true;
      },
    });
  }

  /** The property paths a `load` argument asks for: "a, b/c", ["a", "b"], { select, expand } or { a: true, b: { c: true } }. */
  function loadPaths(spec) {
    if (spec === undefined || spec === null) return ["*"];
    if (typeof spec === "string") return spec.split(",").map((s) => s.trim()).filter(Boolean);
    if (Array.isArray(spec)) return spec.flatMap(loadPaths);
    if (typeof spec === "object") {
      if ("select" in spec || "expand" in spec) return [...loadPaths(spec.select || ""), ...loadPaths(spec.expand || "")];
      const paths = [];
      for (const [key, value] of Object.entries(spec)) {
        if (value === true) paths.push(key);
        else if (value && typeof value === "object") for (const sub of loadPaths(value)) paths.push(`${key}/${sub}`);
      }
      return paths;
    }
    throw fail("InvalidArgument", `load(${String(spec)})`);
  }

  /** Base of every proxy: holds what was loaded (or set by the caller) and refuses to read the rest. */
  class ClientObject {
    constructor(ctx, typeName, scalars) {
      this._ctx = ctx;
      this._type = typeName;
      this._scalars = scalars; // property → () => its value in the workbook now
      this._loaded = new Map();
    }
    _get(property) {
      if (!this._loaded.has(property)) throw propertyNotLoaded(property);
      return this._loaded.get(property);
    }
    _readable(property, value) {
      this._loaded.set(property, value);
    }
    /** Loads scalar properties; anything the double does not know fails the sync, as an unknown property fails in Excel. */
    load(spec) {
      const paths = loadPaths(spec);
      const props = paths.includes("*") ? Object.keys(this._scalars) : paths;
      this._ctx.enqueue(`${this._type}.load`, null, null, () => {
        for (const p of props) {
          if (!Object.prototype.hasOwnProperty.call(this._scalars, p)) throw fail("InvalidArgument", `${this._type}.load("${p}")`);
        }
        for (const p of props) this._loaded.set(p, this._scalars[p]());
      }, props.join(","));
      return this;
    }
  }

  /** The workbook's state: what Excel would hold. Seed it with `addSheet` / `addName`. */
  class WorkbookState {
    constructor(options = {}) {
      this.sheets = [];
      this.names = []; // workbook-scoped: { name, ref }
      this.tables = []; // { name, sheet, ref }: seed with addTable
      this.selection = { sheet: null, address: "A1" }; // the active cell: set with select
      this.date1904 = Boolean(options.date1904);
      this.supportedSets = options.supportedSets || { ExcelApi: "1.12" };
      this.syncs = 0;
      this.log = []; // every applied command: { sync, kind, sheet, address, detail }
      this.failure = null; // { sync: n, afterCommands: k, message }
      this.calculationSuspended = 0;
      this.screenUpdatingSuspended = 0;
    }
    /** Seeds a sheet, as the user made it: Excel's sheet-name rules apply. */
    addSheet(name, cells = {}) {
      const problem = sheetNameProblem(name);
      if (problem) throw new Error(`Excel would not allow a sheet named ${JSON.stringify(name)}: ${problem}`);
      if (this.sheet(name)) throw new Error(`Excel would not allow a second sheet named ${name}`);
      const sheet = {
        name,
        cells: new Map(),
        names: [],
        columnWidths: new Map(),
        rowHeights: new Map(),
        activated: false,
        freeze: { rows: 0, columns: 0 },
        pageLayout: { orientation: "Portrait", zoom: { scale: 100 }, margins: {}, printArea: null, printTitleRows: null, printTitleColumns: null },
        charts: [],
      };
      for (const [address, value] of Object.entries(cells)) sheet.cells.set(address, { value, formula: null, numberFormat: "General", format: {} });
      this.sheets.push(sheet);
      return sheet;
    }
    /**
     * Seeds a table, as the user made it: a name Excel allows and unique among tables and workbook
     * names; on an existing sheet, not overlapping another table; a header row of distinct, non-blank
     * texts (Excel would rename a blank or repeated header: "Column1", "Amount2").
     */
    addTable(name, sheetName, ref) {
      const problem = definedNameProblem(name);
      if (problem) throw new Error(`Excel would not allow the table name ${JSON.stringify(name)}: ${problem}`);
      if (this.tables.some((t) => sameName(t.name, name)) || this.names.some((n) => sameName(n.name, name))) throw new Error(`Excel would not allow a second table or name ${name}`);
      const sheet = this.sheet(sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName}`);
      const at = parseRange(ref);
      if (at.rows < 2) throw new Error("a table has a header row and at least one row");
      for (const t of this.tables.filter((t) => sameName(t.sheet, sheetName))) {
        const o = parseRange(t.ref);
        if (at.left < o.left + o.cols && o.left < at.left + at.cols && at.top < o.top + o.rows && o.top < at.top + at.rows) throw new Error(`table ${name} overlaps ${t.name}`);
      }
      const headers = [];
      for (let c = at.left; c < at.left + at.cols; c++) {
        const cell = sheet.cells.get(cellAddress(at.top, c));
        const text = cell && cell.value !== null && cell.value !== undefined ? String(cell.value) : "";
        if (text.trim() === "" || headers.some((h) => sameName(h, text))) throw new Error(`Excel would rename the header ${JSON.stringify(text)} of table ${name}`);
        headers.push(text);
      }
      this.tables.push({ name, sheet: sheet.name, ref });
    }
    /** The user's selection: a range on a sheet. */
    select(sheetName, address) {
      if (!this.sheet(sheetName)) throw new Error(`no sheet ${sheetName}`);
      parseRange(address);
      this.selection = { sheet: sheetName, address };
    }
    /** Seeds a workbook-scoped name: Excel's name rules apply. */
    addName(name, ref) {
      const problem = definedNameProblem(name);
      if (problem) throw new Error(`Excel would not allow the name ${JSON.stringify(name)}: ${problem}`);
      if (this.names.some((n) => sameName(n.name, name))) throw new Error(`Excel would not allow a second workbook name ${name}`);
      this.names.push({ name, ref });
    }
    sheet(name) {
      return this.sheets.find((s) => sameName(s.name, String(name)));
    }
    failOn(sync, afterCommands, message = "GeneralException: injected failure") {
      this.failure = { sync, afterCommands, message };
    }
    /** A deep, JSON-friendly copy: for comparing before and after. */
    snapshot() {
      return JSON.parse(
        JSON.stringify({
          sheets: this.sheets.map((s) => ({
            name: s.name,
            cells: Object.fromEntries([...s.cells].sort()),
            names: s.names,
            columnWidths: Object.fromEntries(s.columnWidths),
            freeze: s.freeze,
            pageLayout: s.pageLayout,
            charts: s.charts,
          })),
          names: this.names,
          tables: this.tables,
        }),
      );
    }
    isSetSupported(name, version) {
      const have = this.supportedSets[name];
      if (!have) return false;
      const [a1, b1] = String(have).split(".").map(Number);
      const [a2, b2] = String(version || "1.1").split(".").map(Number);
      return a1 > a2 || (a1 === a2 && b1 >= b2);
    }
  }

  class RequestContext {
    constructor(state) {
      this.state = state;
      this.queue = [];
      this.workbook = new WorkbookProxy(this);
      this.application = this.workbook.application;
      return strict(this, "RequestContext");
    }
    /** Queues a command; `requires` is the ExcelApi version it needs (checked at sync, as the host does). */
    enqueue(kind, sheetRef, address, apply, detail, requires) {
      this.queue.push({ kind, sheetRef, address, apply, detail, requires });
    }
    async sync() {
      const state = this.state;
      state.syncs++;
      const commands = this.queue;
      this.queue = [];
      let applied = 0;
      for (const command of commands) {
        if (state.failure && state.failure.sync === state.syncs && applied >= state.failure.afterCommands) {
          throw new OfficeError("GeneralException", state.failure.message);
        }
        if (command.requires && !state.isSetSupported("ExcelApi", command.requires)) throw fail("ApiNotFound", `${command.kind} needs ExcelApi ${command.requires}`);
        command.apply();
        applied++;
        state.log.push({ sync: state.syncs, kind: command.kind, sheet: command.sheetRef ? command.sheetRef.name : null, address: command.address, detail: command.detail });
      }
    }
  }

  class WorkbookProxy {
    constructor(ctx) {
      this.ctx = ctx;
      this.worksheets = new WorksheetCollectionProxy(ctx);
      this.application = strict(
        {
          suspendApiCalculationUntilNextSync: () =>
            ctx.enqueue("application.suspendApiCalculation", null, null, () => ctx.state.calculationSuspended++, undefined, "1.6"),
          suspendScreenUpdatingUntilNextSync: () =>
            ctx.enqueue("application.suspendScreenUpdating", null, null, () => ctx.state.screenUpdatingSuspended++, undefined, "1.9"),
        },
        "Application",
      );
      this.functions = strict(
        {
          date: (year, month, day) => {
            const computed = {};
            const result = new FunctionResult(ctx, computed);
            ctx.enqueue("functions.date", null, null, () => {
              // DATE() as the workbook computes it: days since its epoch.
              const utc = Date.UTC(year, month - 1, day) / 86400000;
              computed.value = ctx.state.date1904 ? utc - Date.UTC(1904, 0, 1) / 86400000 : utc + 25569;
              computed.error = null;
            }, undefined, "1.2");
            return result;
          },
        },
        "Functions",
      );
      this.names = new NamedItemCollection(ctx, null);
      this.tables = new TableCollectionProxy(ctx);
      return strict(this, "Workbook");
    }
    /** The selected range (ExcelApi 1.1): resolved at sync, as the selection is then. */
    getSelectedRange() {
      const ctx = this.ctx;
      const sheetRef = { name: null, resolved: null };
      const range = new RangeProxy(ctx, new WorksheetProxy(ctx, sheetRef), null);
      ctx.enqueue("workbook.getSelectedRange", null, null, () => {
        const { sheet, address } = ctx.state.selection;
        sheetRef.resolved = ctx.state.sheet(sheet || (ctx.state.sheets[0] && ctx.state.sheets[0].name)) || null;
        if (!sheetRef.resolved) throw fail("ItemNotFound", "no selection");
        sheetRef.name = sheetRef.resolved.name;
        range.rangeAddress = address;
      });
      return range;
    }
  }

  class FunctionResult extends ClientObject {
    constructor(ctx, computed) {
      super(ctx, "FunctionResult", { value: () => computed.value, error: () => computed.error });
      return strict(this, "FunctionResult");
    }
    get value() {
      return this._get("value");
    }
    get error() {
      return this._get("error");
    }
  }

  /** Workbook names (`sheetRef` null) or a sheet's names. */
  class NamedItemCollection {
    constructor(ctx, sheetProxy) {
      this.ctx = ctx;
      this.sheetProxy = sheetProxy;
      return strict(this, "NamedItemCollection");
    }
    add(name, reference, comment) {
      const ctx = this.ctx;
      const sheetProxy = this.sheetProxy;
      const item = new NamedItem(ctx, name);
      ctx.enqueue(sheetProxy ? "worksheet.names.add" : "workbook.names.add", sheetProxy ? sheetProxy.ref : null, null, () => {
        const problem = definedNameProblem(name);
        if (problem) throw fail("InvalidArgument", `${JSON.stringify(name)}: ${problem}`);
        const scope = sheetProxy ? sheetProxy._resolve().names : ctx.state.names;
        if (scope.some((n) => sameName(n.name, name))) throw fail("ItemAlreadyExists", `name ${name}`);
        let target;
        if (typeof reference === "string") target = reference;
        else if (reference instanceof RangeProxy || (reference && reference._isRange)) {
          reference._check();
          target = `${reference.sheetProxy.ref.name}!${reference.rangeAddress}`;
        } else throw fail("InvalidArgument", `names.add(${name}): reference must be a Range or a formula`);
        const entry = { name, ref: target };
        if (comment !== undefined) entry.comment = String(comment);
        scope.push(entry);
      }, name, sheetProxy ? "1.4" : "1.1");
      return item;
    }
  }

  class NamedItem extends ClientObject {
    constructor(ctx, name) {
      super(ctx, "NamedItem", { name: () => name });
      return strict(this, "NamedItem");
    }
    get name() {
      return this._get("name");
    }
  }

  /** Workbook.tables (ExcelApi 1.1): items with their names; getItem by name (without case). */
  class TableCollectionProxy extends ClientObject {
    constructor(ctx) {
      super(ctx, "TableCollection", {});
      return strict(this, "TableCollection");
    }
    get items() {
      return this._get("items");
    }
    /** "items/name", "name", "items" or nothing: the items, each with its name readable. */
    load(spec) {
      const wanted = [...new Set(loadPaths(spec).map((p) => (p === "*" || p === "items" ? "name" : p.startsWith("items/") ? p.slice(6) : p)))];
      this._ctx.enqueue("tables.load", null, null, () => {
        for (const p of wanted) if (p !== "name") throw fail("InvalidArgument", `tables.load("items/${p}")`);
        this._loaded.set(
          "items",
          this._ctx.state.tables.map((table) => {
            const proxy = new TableProxy(this._ctx, { name: table.name, resolved: table });
            proxy._readable("name", table.name);
            return proxy;
          }),
        );
      }, wanted.join(","));
      return this;
    }
    getItem(name) {
      const ref = { name, resolved: null };
      this._ctx.enqueue("tables.getItem", null, null, () => {
        ref.resolved = this._ctx.state.tables.find((t) => sameName(t.name, String(name))) || null;
        if (!ref.resolved) throw fail("ItemNotFound", `table ${name}`);
      });
      return new TableProxy(this._ctx, ref);
    }
  }

  class TableProxy extends ClientObject {
    constructor(ctx, ref) {
      super(ctx, "Table", { name: () => this._resolve().name });
      this.ref = ref;
      return strict(this, "Table");
    }
    get name() {
      return this._get("name");
    }
    _resolve() {
      if (!this.ref.resolved) throw fail("ItemNotFound", `table ${this.ref.name}`);
      return this.ref.resolved;
    }
    /** The table's whole range, header row included. */
    getRange() {
      const ctx = this._ctx;
      const sheetRef = { name: null, resolved: null };
      const range = new RangeProxy(ctx, new WorksheetProxy(ctx, sheetRef), null);
      ctx.enqueue("table.getRange", null, null, () => {
        const table = this._resolve();
        sheetRef.resolved = ctx.state.sheet(table.sheet) || null;
        if (!sheetRef.resolved) throw fail("ItemNotFound", `sheet ${table.sheet}`);
        sheetRef.name = sheetRef.resolved.name;
        range.rangeAddress = table.ref;
      });
      return range;
    }
  }

  /** The scalar properties of a worksheet as Excel reports them. */
  function worksheetScalars(state, ref) {
    const resolve = () => {
      if (!ref.resolved) throw fail("ItemNotFound", `sheet ${ref.name}`);
      return ref.resolved;
    };
    return {
      name: () => resolve().name,
      position: () => state.sheets.indexOf(resolve()),
      visibility: () => "Visible",
    };
  }

  class WorksheetCollectionProxy extends ClientObject {
    constructor(ctx) {
      super(ctx, "WorksheetCollection", {});
      return strict(this, "WorksheetCollection");
    }
    get items() {
      return this._get("items");
    }
    /** "items/name", "name", "items" or nothing: items become readable, each with the properties asked for. */
    load(spec) {
      const paths = loadPaths(spec);
      const itemProps = [];
      for (const p of paths) {
        if (p === "*" || p === "items") itemProps.push(...Object.keys(worksheetScalars(null, {})));
        else itemProps.push(p.startsWith("items/") ? p.slice("items/".length) : p);
      }
      const wanted = [...new Set(itemProps)];
      this._ctx.enqueue("worksheets.load", null, null, () => {
        const state = this._ctx.state;
        const known = Object.keys(worksheetScalars(state, {}));
        for (const p of wanted) if (!known.includes(p)) throw fail("InvalidArgument", `worksheets.load("items/${p}")`);
        this._loaded.set(
          "items",
          state.sheets.map((sheet) => {
            const proxy = new WorksheetProxy(this._ctx, { name: sheet.name, resolved: sheet });
            const scalars = worksheetScalars(state, { name: sheet.name, resolved: sheet });
            for (const p of wanted) proxy._readable(p, scalars[p]());
            return proxy;
          }),
        );
      }, wanted.join(","));
      return this;
    }
    add(name) {
      const ctx = this._ctx;
      const state = ctx.state;
      const ref = { name, resolved: null };
      ctx.enqueue("worksheets.add", ref, null, () => {
        let wanted = name;
        if (wanted === undefined) for (let i = 1; !wanted || state.sheet(wanted); i++) wanted = `Sheet${i}`;
        const problem = sheetNameProblem(wanted);
        if (problem) throw fail("InvalidArgument", `${JSON.stringify(wanted)}: ${problem}`);
        if (state.sheet(wanted)) throw fail("ItemAlreadyExists", `sheet ${wanted}`);
        ref.name = wanted;
        ref.resolved = state.addSheet(wanted);
      }, name);
      return new WorksheetProxy(ctx, ref);
    }
    getItem(name) {
      const ref = { name, resolved: null };
      this._ctx.enqueue("worksheets.getItem", ref, null, () => {
        ref.resolved = this._ctx.state.sheet(name) || null;
        if (!ref.resolved) throw fail("ItemNotFound", `sheet ${name}`);
      });
      return new WorksheetProxy(this._ctx, ref);
    }
    getItemOrNullObject(name) {
      const ref = { name, resolved: null };
      const proxy = new WorksheetProxy(this._ctx, ref);
      this._ctx.enqueue("worksheets.getItemOrNullObject", ref, null, () => {
        ref.resolved = this._ctx.state.sheet(name) || null;
        proxy._readable("isNullObject", !ref.resolved);
      }, undefined, "1.4");
      return proxy;
    }
  }

  class WorksheetProxy extends ClientObject {
    constructor(ctx, ref) {
      super(ctx, "Worksheet", worksheetScalars(ctx.state, ref));
      this.ref = ref;
      this.names = new NamedItemCollection(ctx, this);
      this.freezePanes = new FreezePanes(ctx, this);
      this.pageLayout = new PageLayout(ctx, this);
      this.charts = new ChartCollection(ctx, this);
      return strict(this, "Worksheet");
    }
    get name() {
      return this._get("name");
    }
    get position() {
      return this._get("position");
    }
    get visibility() {
      return this._get("visibility");
    }
    get isNullObject() {
      return this._get("isNullObject");
    }
    _resolve() {
      if (!this.ref.resolved) throw fail("ItemNotFound", `sheet ${this.ref.name}`);
      return this.ref.resolved;
    }
    getRange(address) {
      return new RangeProxy(this._ctx, this, address);
    }
    activate() {
      this._ctx.enqueue("worksheet.activate", this.ref, null, () => {
        const sheet = this._resolve();
        for (const s of this._ctx.state.sheets) s.activated = false;
        sheet.activated = true;
      });
    }
    delete() {
      this._ctx.enqueue("worksheet.delete", this.ref, null, () => {
        const state = this._ctx.state;
        const sheet = this._resolve();
        state.sheets = state.sheets.filter((s) => s !== sheet);
      });
    }
  }

  /** Worksheet.freezePanes (ExcelApi 1.7). */
  class FreezePanes {
    constructor(ctx, sheetProxy) {
      this.ctx = ctx;
      this.sheetProxy = sheetProxy;
      return strict(this, "WorksheetFreezePanes");
    }
    _enqueue(kind, detail, apply) {
      this.ctx.enqueue(`freezePanes.${kind}`, this.sheetProxy.ref, null, () => apply(this.sheetProxy._resolve()), detail, "1.7");
    }
    freezeRows(count = 1) {
      this._enqueue("freezeRows", count, (sheet) => {
        if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) throw fail("InvalidArgument", `freezeRows(${count})`);
        sheet.freeze = { rows: count, columns: 0 };
      });
    }
    freezeColumns(count = 1) {
      this._enqueue("freezeColumns", count, (sheet) => {
        if (!Number.isInteger(count) || count < 0 || count >= MAX_COLUMNS) throw fail("InvalidArgument", `freezeColumns(${count})`);
        sheet.freeze = { rows: 0, columns: count };
      });
    }
    unfreeze() {
      this._enqueue("unfreeze", null, (sheet) => {
        sheet.freeze = { rows: 0, columns: 0 };
      });
    }
  }

  /** Worksheet.pageLayout (ExcelApi 1.9): orientation, zoom, margins (points), print area and print titles. */
  class PageLayout extends ClientObject {
    constructor(ctx, sheetProxy) {
      const layout = () => sheetProxy._resolve().pageLayout;
      super(ctx, "PageLayout", { orientation: () => layout().orientation, zoom: () => ({ ...layout().zoom }) });
      this.sheetProxy = sheetProxy;
      for (const key of ["leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"]) {
        Object.defineProperty(this, key, {
          enumerable: true,
          get: () => {
            throw propertyNotLoaded(key);
          },
          set: (points) => {
            this._enqueue(key, String(points), (pageLayout) => {
              if (typeof points !== "number" || !Number.isFinite(points) || points < 0) throw fail("InvalidArgument", `${key} ${points}`);
              pageLayout.margins = { ...pageLayout.margins, [key]: points };
            });
          },
        });
      }
      return strict(this, "PageLayout");
    }
    _enqueue(kind, detail, apply) {
      this._ctx.enqueue(`pageLayout.${kind}`, this.sheetProxy.ref, null, () => apply(this.sheetProxy._resolve().pageLayout), detail, "1.9");
    }
    get orientation() {
      return this._get("orientation");
    }
    set orientation(value) {
      this._readable("orientation", value);
      this._enqueue("orientation", value, (layout) => {
        if (value !== "Portrait" && value !== "Landscape") throw fail("InvalidArgument", `orientation ${value}`);
        layout.orientation = value;
      });
    }
    get zoom() {
      return this._get("zoom");
    }
    set zoom(value) {
      this._readable("zoom", value);
      const copy = value && typeof value === "object" ? { ...value } : value;
      this._enqueue("zoom", JSON.stringify(copy), (layout) => {
        if (!copy || typeof copy !== "object") throw fail("InvalidArgument", "zoom must be PageLayoutZoomOptions");
        const keys = Object.keys(copy);
        const fits = keys.filter((k) => k === "horizontalFitToPages" || k === "verticalFitToPages");
        if (keys.some((k) => !["horizontalFitToPages", "verticalFitToPages", "scale"].includes(k))) throw fail("InvalidArgument", `zoom ${JSON.stringify(copy)}`);
        if (fits.some((k) => !Number.isInteger(copy[k]) || copy[k] < 0 || copy[k] > 32767)) throw fail("InvalidArgument", `zoom ${JSON.stringify(copy)}`);
        if ("scale" in copy && (fits.length > 0 || !Number.isInteger(copy.scale) || copy.scale < 10 || copy.scale > 400)) throw fail("InvalidArgument", `zoom ${JSON.stringify(copy)}`);
        layout.zoom = copy;
      });
    }
    /** One range or several joined by ",", such as "A1:D80,F1:Q120". */
    setPrintArea(printArea) {
      this._enqueue("setPrintArea", String(printArea), (layout) => {
        if (typeof printArea !== "string") throw fail("InvalidArgument", "the double takes print areas as text");
        const areas = printArea.split(",");
        for (const a of areas) parseRange(a.trim());
        layout.printArea = areas.map((a) => a.trim());
      });
    }
    /** Whole rows, such as "$1:$4". */
    setPrintTitleRows(titleRows) {
      this._enqueue("setPrintTitleRows", String(titleRows), (layout) => {
        const m = /^\$?(\d+):\$?(\d+)$/.exec(String(titleRows));
        if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]) || Number(m[2]) > MAX_ROWS) throw fail("InvalidArgument", `print title rows ${titleRows}`);
        layout.printTitleRows = String(titleRows);
      });
    }
  }

  /** Excel.ChartType values the double accepts (a subset of Excel's; Excel refuses any other word). */
  const CHART_TYPES = ["Line", "LineMarkers", "LineStacked", "ColumnClustered", "ColumnStacked", "BarClustered", "Area", "AreaStacked", "Pie", "XYScatter"];
  const SERIES_BY = ["Auto", "Columns", "Rows"];

  /**
   * Worksheet.charts (ExcelApi 1.1): `add(type, sourceData, seriesBy)` makes a chart whose series are
   * the source's columns (or rows), each named by its first cell when that holds text, as Excel names
   * them. The chart's `name`, `title.text` and `setPosition` are ExcelApi 1.1;
   * `axes.categoryAxis.setCategoryNames` is ExcelApi 1.7.
   */
  class ChartCollection {
    constructor(ctx, sheetProxy) {
      this.ctx = ctx;
      this.sheetProxy = sheetProxy;
      return strict(this, "ChartCollection");
    }
    add(type, sourceData, seriesBy = "Auto") {
      const ctx = this.ctx;
      const sheetProxy = this.sheetProxy;
      const entry = { name: null, type, source: null, seriesBy, title: null, position: null, categoryNames: null, series: [] };
      ctx.enqueue("charts.add", sheetProxy.ref, sourceData && sourceData.rangeAddress, () => {
        if (!CHART_TYPES.includes(type)) throw fail("InvalidArgument", `chart type ${type}`);
        if (!SERIES_BY.includes(seriesBy)) throw fail("InvalidArgument", `seriesBy ${seriesBy}`);
        if (!sourceData || !sourceData._isRange) throw fail("InvalidArgument", "charts.add: sourceData must be a Range");
        const { top, left, rows, cols } = sourceData._check();
        const sheet = sourceData.sheetProxy._resolve();
        const byColumns = seriesBy !== "Rows";
        const count = byColumns ? cols : rows;
        const cellAt = (i, j) => sheet.cells.get(byColumns ? cellAddress(top + j, left + i) : cellAddress(top + i, left + j));
        const firstIsText = Array.from({ length: count }, (_, i) => cellAt(i, 0)).every((c) => c && typeof c.value === "string" && c.value !== "");
        for (let i = 0; i < count; i++) {
          const from = firstIsText ? 1 : 0;
          const length = (byColumns ? rows : cols) - from;
          if (length < 1) throw fail("InvalidArgument", "charts.add: no values under the headers");
          const start = byColumns ? cellAddress(top + from, left + i) : cellAddress(top + i, left + from);
          const end = byColumns ? cellAddress(top + rows - 1, left + i) : cellAddress(top + i, left + cols - 1);
          entry.series.push({ name: firstIsText ? cellAt(i, 0).value : `Series${i + 1}`, values: `${start}:${end}` });
        }
        entry.source = sourceData.rangeAddress;
        entry.name = `Chart ${sheetProxy._resolve().charts.length + 1}`;
        sheetProxy._resolve().charts.push(entry);
      }, type, "1.1");
      return new ChartProxy(ctx, sheetProxy, entry);
    }
  }

  class ChartProxy {
    constructor(ctx, sheetProxy, entry) {
      const enqueue = (kind, detail, apply, requires = "1.1") => ctx.enqueue(`chart.${kind}`, sheetProxy.ref, null, apply, detail, requires);
      const self = {
        get name() {
          throw propertyNotLoaded("name");
        },
        set name(value) {
          enqueue("name", value, () => {
            if (typeof value !== "string" || value === "") throw fail("InvalidArgument", `chart name ${value}`);
            entry.name = value;
          });
        },
        title: strict(
          Object.defineProperty({}, "text", {
            enumerable: true,
            get: () => {
              throw propertyNotLoaded("text");
            },
            set: (value) => {
              enqueue("title.text", value, () => {
                entry.title = String(value);
              });
            },
          }),
          "ChartTitle",
        ),
        /** Top-left and (optional) bottom-right cells, on the chart's sheet. */
        setPosition(startCell, endCell) {
          enqueue("setPosition", `${startCell}:${endCell}`, () => {
            parseRange(startCell);
            if (endCell !== undefined) parseRange(endCell);
            entry.position = { from: String(startCell), to: endCell === undefined ? null : String(endCell) };
          });
        },
        axes: strict(
          {
            categoryAxis: strict(
              {
                setCategoryNames(sourceData) {
                  enqueue("categoryAxis.setCategoryNames", sourceData && sourceData.rangeAddress, () => {
                    if (!sourceData || !sourceData._isRange) throw fail("InvalidArgument", "setCategoryNames: sourceData must be a Range");
                    const { rows, cols } = sourceData._check();
                    if (rows !== 1 && cols !== 1) throw fail("InvalidArgument", "setCategoryNames: a single row or column");
                    entry.categoryNames = sourceData.rangeAddress;
                  }, "1.7");
                },
              },
              "ChartAxis",
            ),
          },
          "ChartAxes",
        ),
      };
      return strict(self, "Chart");
    }
  }

  /** Range.format and its font and fill: settable, but never loadable in the double. */
  function rangeFormat(range) {
    const fmt = (key) => (value) =>
      range._eachCell(`format.${key}`, value, (cell) => {
        cell.format[key] = value;
      });
    const notLoaded = (p) => () => {
      throw propertyNotLoaded(p);
    };
    const font = {};
    for (const key of ["color", "bold", "italic", "size", "name"]) Object.defineProperty(font, key, { get: notLoaded(key), set: fmt(`font.${key}`), enumerable: true });
    const fill = {};
    Object.defineProperty(fill, "color", { get: notLoaded("color"), set: fmt("fill.color"), enumerable: true });
    const format = { font: strict(font, "RangeFont"), fill: strict(fill, "RangeFill") };
    // Excel.HorizontalAlignment: Excel refuses any other word (and lower case).
    const ALIGNMENTS = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
    Object.defineProperty(format, "horizontalAlignment", {
      enumerable: true,
      get: notLoaded("horizontalAlignment"),
      set(value) {
        if (!ALIGNMENTS.includes(value)) throw fail("InvalidArgument", `horizontalAlignment ${value}`);
        fmt("horizontalAlignment")(value);
      },
    });
    Object.defineProperty(format, "wrapText", {
      enumerable: true,
      get: notLoaded("wrapText"),
      set(value) {
        if (typeof value !== "boolean") throw fail("InvalidArgument", `wrapText ${value}`);
        fmt("wrapText")(value);
      },
    });
    // Excel.VerticalAlignment: Excel refuses any other word.
    const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];
    Object.defineProperty(format, "verticalAlignment", {
      enumerable: true,
      get: notLoaded("verticalAlignment"),
      set(value) {
        if (!VERTICAL.includes(value)) throw fail("InvalidArgument", `verticalAlignment ${value}`);
        fmt("verticalAlignment")(value);
      },
    });
    Object.defineProperty(format, "rowHeight", {
      enumerable: true,
      get: notLoaded("rowHeight"),
      set(height) {
        range._ctx.enqueue("range.rowHeight", range.sheetProxy.ref, range.rangeAddress, () => {
          // Excel takes 0–409 points.
          if (typeof height !== "number" || !Number.isFinite(height) || height < 0 || height > 409) throw fail("InvalidArgument", `rowHeight ${height}`);
          const { top, rows } = range._check();
          for (let r = top; r < top + rows; r++) range.sheetProxy._resolve().rowHeights.set(r + 1, height);
        }, height);
      },
    });
    Object.defineProperty(format, "columnWidth", {
      enumerable: true,
      get: notLoaded("columnWidth"),
      set(width) {
        range._ctx.enqueue("range.columnWidth", range.sheetProxy.ref, range.rangeAddress, () => {
          if (typeof width !== "number" || !Number.isFinite(width) || width < 0) throw fail("InvalidArgument", `columnWidth ${width}`);
          const { left, cols } = range._check();
          for (let c = left; c < left + cols; c++) range.sheetProxy._resolve().columnWidths.set(columnLetters(c), width);
        }, width);
      },
    });
    return strict(format, "RangeFormat");
  }

  class RangeProxy extends ClientObject {
    constructor(ctx, sheetProxy, address) {
      const cellsOf = (pick) => () => {
        const { top, left, rows, cols } = this._check();
        const sheet = sheetProxy._resolve();
        return Array.from({ length: rows }, (_, r) =>
          Array.from({ length: cols }, (_, c) => pick(sheet.cells.get(cellAddress(top + r, left + c)))),
        );
      };
      super(ctx, "Range", {
        address: () => {
          const name = sheetProxy._resolve().name;
          return `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`}!${this.rangeAddress}`;
        },
        rowCount: () => this._check().rows,
        columnCount: () => this._check().cols,
        formulas: cellsOf((cell) => (cell ? cell.formula || (cell.value === null ? "" : cell.value) : "")),
        values: cellsOf((cell) => (cell && cell.value !== null && cell.value !== undefined ? cell.value : "")),
        numberFormat: cellsOf((cell) => (cell ? cell.numberFormat : "General")),
      });
      this.sheetProxy = sheetProxy;
      this.rangeAddress = address;
      this._isRange = true;
      this.format = rangeFormat(this);
      return strict(this, "Range");
    }
    get address() {
      return this._get("address");
    }
    get rowCount() {
      return this._get("rowCount");
    }
    get columnCount() {
      return this._get("columnCount");
    }
    _check() {
      if (this.rangeAddress === null) throw fail("InvalidArgument", "the range is not resolved yet");
      return parseRange(this.rangeAddress);
    }
    /** Selects the range (ExcelApi 1.1): its sheet must be the active one, as in Excel. */
    select() {
      this._ctx.enqueue("range.select", this.sheetProxy.ref, this.rangeAddress, () => {
        const sheet = this.sheetProxy._resolve();
        if (!sheet.activated) throw fail("InvalidOperation", "select: the range's sheet is not the active sheet");
        this._check();
        this._ctx.state.selection = { sheet: sheet.name, address: this.rangeAddress };
      }, undefined, "1.1");
    }
    /** The range grown (or shrunk) by rows and columns from its bottom-right corner (ExcelApi 1.2). */
    getResizedRange(deltaRows, deltaColumns) {
      const ctx = this._ctx;
      const range = new RangeProxy(ctx, this.sheetProxy, null);
      ctx.enqueue("range.getResizedRange", this.sheetProxy.ref, null, () => {
        const { top, left, rows, cols } = this._check();
        const r = rows + deltaRows;
        const c = cols + deltaColumns;
        if (!Number.isInteger(deltaRows) || !Number.isInteger(deltaColumns) || r < 1 || c < 1 || top + r > MAX_ROWS || left + c > MAX_COLUMNS) {
          throw fail("InvalidArgument", `getResizedRange(${deltaRows}, ${deltaColumns})`);
        }
        range.rangeAddress = `${cellAddress(top, left)}:${cellAddress(top + r - 1, left + c - 1)}`;
      }, `${deltaRows},${deltaColumns}`, "1.2");
      return range;
    }
    _eachCell(kind, detail, update) {
      this._ctx.enqueue(`range.${kind}`, this.sheetProxy.ref, this.rangeAddress, () => {
        const { top, left, rows, cols } = this._check();
        const sheet = this.sheetProxy._resolve();
        for (let r = top; r < top + rows; r++) {
          for (let c = left; c < left + cols; c++) {
            const a = cellAddress(r, c);
            if (!sheet.cells.has(a)) sheet.cells.set(a, { value: null, formula: null, numberFormat: "General", format: {} });
            update(sheet.cells.get(a), r - top, c - left);
          }
        }
      }, detail);
    }
    _writeGrid(kind, grid, update) {
      // Like Office.js, what the caller set is readable back without a load.
      this._readable(kind, grid);
      let shape;
      try {
        shape = this._check();
      } catch {
        shape = null;
      }
      if (!shape || !Array.isArray(grid) || grid.length !== shape.rows || grid.some((row) => !Array.isArray(row) || row.length !== shape.cols)) {
        // Excel rejects a 2-D array whose shape differs from the range.
        this._ctx.enqueue(`range.${kind}`, this.sheetProxy.ref, this.rangeAddress, () => {
          throw fail("InvalidArgument", `the ${kind} array does not match ${this.rangeAddress}`);
        });
        return;
      }
      this._eachCell(kind, `${shape.rows}x${shape.cols}`, (cell, r, c) => update(cell, grid[r][c]));
    }
    get formulas() {
      return this._get("formulas");
    }
    set formulas(grid) {
      this._writeGrid("formulas", grid, (cell, input) => {
        if (typeof input === "string" && input.startsWith("=")) Object.assign(cell, { formula: input, value: null });
        else if (typeof input === "string" && input.startsWith("'")) Object.assign(cell, { formula: null, value: input.slice(1), text: true });
        else if (typeof input === "string" && input !== "" && !Number.isNaN(Number(input))) Object.assign(cell, { formula: null, value: Number(input) });
        else Object.assign(cell, { formula: null, value: input === "" ? null : input });
      });
    }
    get values() {
      return this._get("values");
    }
    set values(grid) {
      // Like Excel: a string value starting with "=" becomes a formula.
      this.formulas = grid;
      this._readable("values", grid);
    }
    get numberFormat() {
      return this._get("numberFormat");
    }
    set numberFormat(grid) {
      this._writeGrid("numberFormat", grid, (cell, input) => {
        cell.numberFormat = input;
      });
    }
  }

  /** Office and Excel globals backed by `state`, as office.js would define them. */
  function install(target, state) {
    target.Office = {
      onReady: (callback) => {
        const info = { host: "Excel", platform: "OfficeOnline" };
        if (callback) setTimeout(() => callback(info), 0);
        return Promise.resolve(info);
      },
      HostType: { Excel: "Excel" },
      context: { requirements: { isSetSupported: (name, version) => state.isSetSupported(name, version) } },
    };
    target.Excel = {
      run: async (callback) => callback(new RequestContext(state)),
    };
    return state;
  }

  return { WorkbookState, RequestContext, install, parseRange, OfficeError, definedNameProblem, sheetNameProblem, isCellReference };
});
