/* global self, setTimeout */
/* eslint-disable @typescript-eslint/no-this-alias -- setter objects below refer back to their range */
/**
 * A recording double of the part of the Excel JavaScript API (Office.js) the task pane uses.
 *
 * Like the real thing, commands are queued on proxy objects and run only at `context.sync()`, one
 * round trip each; loads are filled in at sync. It records every write, counts syncs, enforces
 * Excel's rules that matter here (sheet names unique case-insensitively, 2-D arrays matching the
 * range, names unique within their scope), and can fail on purpose halfway through a sync.
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
  /** "B3:D7" → { top: 2, left: 1, rows: 5, cols: 3 } (0-based). */
  function parseRange(address) {
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(address);
    if (!m) throw new Error(`InvalidArgument: bad address ${address}`);
    const left = columnIndex(m[1]);
    const top = Number(m[2]) - 1;
    const right = m[3] ? columnIndex(m[3]) : left;
    const bottom = m[4] ? Number(m[4]) - 1 : top;
    return { top, left, rows: bottom - top + 1, cols: right - left + 1 };
  }
  const cellAddress = (row, col) => `${columnLetters(col)}${row + 1}`;

  class OfficeError extends Error {
    constructor(code, message) {
      super(message);
      this.code = code;
      this.name = "RichApi.Error";
    }
  }

  /** The workbook's state: what Excel would hold. Seed it with `addSheet` / `addName`. */
  class WorkbookState {
    constructor(options = {}) {
      this.sheets = [];
      this.names = []; // workbook-scoped: { name, ref }
      this.tables = []; // { name, sheet, ref }
      this.date1904 = Boolean(options.date1904);
      this.supportedSets = options.supportedSets || { ExcelApi: "1.12" };
      this.syncs = 0;
      this.log = []; // every applied command: { sync, kind, sheet, address, detail }
      this.failure = null; // { sync: n, afterCommands: k, message }
      this.calculationSuspended = 0;
      this.screenUpdatingSuspended = 0;
    }
    addSheet(name, cells = {}) {
      const sheet = { name, cells: new Map(), names: [], columnWidths: new Map(), activated: false };
      for (const [address, value] of Object.entries(cells)) sheet.cells.set(address, { value, formula: null, numberFormat: "General", format: {} });
      this.sheets.push(sheet);
      return sheet;
    }
    addName(name, ref) {
      this.names.push({ name, ref });
    }
    sheet(name) {
      return this.sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase());
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
      this.application = {
        suspendApiCalculationUntilNextSync: () => this.enqueue("application.suspendApiCalculation", null, null, () => state.calculationSuspended++),
        suspendScreenUpdatingUntilNextSync: () => this.enqueue("application.suspendScreenUpdating", null, null, () => state.screenUpdatingSuspended++),
      };
    }
    enqueue(kind, sheetRef, address, apply, detail) {
      this.queue.push({ kind, sheetRef, address, apply, detail });
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
      this.functions = {
        date: (year, month, day) => {
          const result = { value: undefined, load: () => result };
          ctx.enqueue("functions.date", null, null, () => {
            // DATE() as the workbook computes it: days since its epoch.
            const utc = Date.UTC(year, month - 1, day) / 86400000;
            result.value = ctx.state.date1904 ? utc - Date.UTC(1904, 0, 1) / 86400000 : utc + 25569;
          });
          return result;
        },
      };
      this.names = {
        add: (name, reference) => {
          ctx.enqueue("workbook.names.add", null, null, () => ctx.state.names.push({ name, ref: String(reference) }));
        },
      };
    }
  }

  class WorksheetCollectionProxy {
    constructor(ctx) {
      this.ctx = ctx;
      this.items = undefined;
    }
    load() {
      this.ctx.enqueue("worksheets.load", null, null, () => {
        this.items = this.ctx.state.sheets.map((s) => ({ name: s.name }));
      });
      return this;
    }
    add(name) {
      const ref = { name, resolved: null };
      this.ctx.enqueue("worksheets.add", ref, null, () => {
        const state = this.ctx.state;
        if (state.sheet(name)) throw new OfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
        if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new OfficeError("InvalidArgument", `Bad sheet name ${name}`);
        ref.resolved = state.addSheet(name);
      }, name);
      return new WorksheetProxy(this.ctx, ref);
    }
    getItem(name) {
      const ref = { name, resolved: null };
      this.ctx.enqueue("worksheets.getItem", ref, null, () => {
        ref.resolved = this.ctx.state.sheet(name) || null;
        if (!ref.resolved) throw new OfficeError("ItemNotFound", `Sheet ${name} does not exist.`);
      });
      return new WorksheetProxy(this.ctx, ref);
    }
    getItemOrNullObject(name) {
      const ref = { name, resolved: null };
      const proxy = new WorksheetProxy(this.ctx, ref);
      proxy.isNullObject = undefined;
      this.ctx.enqueue("worksheets.getItemOrNullObject", ref, null, () => {
        ref.resolved = this.ctx.state.sheet(name) || null;
        proxy.isNullObject = !ref.resolved;
      });
      return proxy;
    }
  }

  class WorksheetProxy {
    constructor(ctx, ref) {
      this.ctx = ctx;
      this.ref = ref;
      this.names = {
        add: (name, reference) => {
          ctx.enqueue("worksheet.names.add", ref, null, () => {
            const sheet = this.resolve();
            if (sheet.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
              throw new OfficeError("ItemAlreadyExists", `Name ${name} already exists on ${sheet.name}`);
            }
            const target = typeof reference === "string" ? reference : reference.address();
            sheet.names.push({ name, ref: target });
          }, name);
        },
      };
    }
    get name() {
      return this.ref.name;
    }
    resolve() {
      if (!this.ref.resolved) throw new OfficeError("ItemNotFound", `Sheet ${this.ref.name} does not exist.`);
      return this.ref.resolved;
    }
    getRange(address) {
      return new RangeProxy(this.ctx, this, address);
    }
    activate() {
      this.ctx.enqueue("worksheet.activate", this.ref, null, () => {
        for (const s of this.ctx.state.sheets) s.activated = false;
        this.resolve().activated = true;
      });
    }
    delete() {
      this.ctx.enqueue("worksheet.delete", this.ref, null, () => {
        const state = this.ctx.state;
        const sheet = this.resolve();
        state.sheets = state.sheets.filter((s) => s !== sheet);
      });
    }
    load() {
      return this;
    }
  }

  class RangeProxy {
    constructor(ctx, sheetProxy, address) {
      this.ctx = ctx;
      this.sheetProxy = sheetProxy;
      this.rangeAddress = address;
      const range = this;
      const fmt = (key) => (value) =>
        range.eachCell(`format.${key}`, value, (cell) => {
          cell.format[key] = value;
        });
      this.format = {
        font: {
          set color(v) { fmt("font.color")(v); },
          set bold(v) { fmt("font.bold")(v); },
          set italic(v) { fmt("font.italic")(v); },
          set size(v) { fmt("font.size")(v); },
        },
        fill: { set color(v) { fmt("fill.color")(v); } },
        set columnWidth(width) {
          ctx.enqueue("range.columnWidth", sheetProxy.ref, address, () => {
            const { left, cols } = parseRange(address);
            for (let c = left; c < left + cols; c++) sheetProxy.resolve().columnWidths.set(columnLetters(c), width);
          });
        },
      };
    }
    address() {
      return `${this.sheetProxy.name}!${this.rangeAddress}`;
    }
    eachCell(kind, detail, update) {
      this.ctx.enqueue(`range.${kind}`, this.sheetProxy.ref, this.rangeAddress, () => {
        const { top, left, rows, cols } = parseRange(this.rangeAddress);
        const sheet = this.sheetProxy.resolve();
        for (let r = top; r < top + rows; r++) {
          for (let c = left; c < left + cols; c++) {
            const a = cellAddress(r, c);
            if (!sheet.cells.has(a)) sheet.cells.set(a, { value: null, formula: null, numberFormat: "General", format: {} });
            update(sheet.cells.get(a), r - top, c - left);
          }
        }
      }, detail);
    }
    writeGrid(kind, grid, update) {
      const { rows, cols } = parseRange(this.rangeAddress);
      if (!Array.isArray(grid) || grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols)) {
        // Excel rejects a 2-D array whose shape differs from the range.
        this.ctx.enqueue(`range.${kind}`, this.sheetProxy.ref, this.rangeAddress, () => {
          throw new OfficeError("InvalidArgument", `The ${kind} array does not match ${this.rangeAddress}.`);
        });
        return;
      }
      this.eachCell(kind, `${rows}x${cols}`, (cell, r, c) => update(cell, grid[r][c]));
    }
    set formulas(grid) {
      this.writeGrid("formulas", grid, (cell, input) => {
        if (typeof input === "string" && input.startsWith("=")) Object.assign(cell, { formula: input, value: null });
        else if (typeof input === "string" && input.startsWith("'")) Object.assign(cell, { formula: null, value: input.slice(1), text: true });
        else if (typeof input === "string" && input !== "" && !Number.isNaN(Number(input))) Object.assign(cell, { formula: null, value: Number(input) });
        else Object.assign(cell, { formula: null, value: input === "" ? null : input });
      });
    }
    set values(grid) {
      // Like Excel: a string value starting with "=" becomes a formula.
      this.formulas = grid;
    }
    set numberFormat(grid) {
      this.writeGrid("numberFormat", grid, (cell, input) => {
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

  return { WorkbookState, RequestContext, install, parseRange, OfficeError };
});
