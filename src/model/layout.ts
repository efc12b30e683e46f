/**
 * The layout: places a sheet's blocks and computes every row, column and width, so that no block
 * types a row number or a column letter.
 *
 * What it takes from the FAST standard: inputs, calculations and outputs live in separate blocks, one
 * formula shape per row (a list row) or per column (a series column, the same formula down every
 * period), and names that read like the figure's definition. What it takes from a layout engine: each
 * block declares its content and its size follows from it; positions are computed in one pass
 * (blocks of label rows stacked down the left zone, blocks of period columns side by side in the
 * right zone, all sharing one header row that stays frozen), and widths are measured from the content.
 *
 * Blocks refer to one another only through defined names — a single cell (`TotalValue`), a range
 * (`RampDates`), or a whole series column (`SchedulePayment`) — and a series column refers to
 * another series column on its own row through a handle (`row.at("SchedulePayment")`) that the
 * layout resolves to a cell. Every name a formula uses must be defined by its own block or declared
 * in its `reads`, and every read must be defined by some block of the sheet: the layout refuses a
 * sheet where that does not hold.
 */
import {
  CellStyle,
  columnLetter,
  LINE_HEIGHT,
  MIN_PRINT_SCALE,
  PAGE,
  partWidth,
  PlanCell,
  PlanName,
  PrintPart,
  printAreas,
  printScale,
  PrintSetup,
  printedWidth,
  SheetPlan,
} from "./plan";

/**
 * A cell of a list row. Its formula may instead be given as `formulaAt`, a function of a handle that
 * resolves one of the block's own ranges to a cell beside this one: `at("ScenarioResultEndDate")` is
 * that one-column range's cell on this row, or a one-row range's cell in this column — a helper
 * column (or row) of a list block, read without a position formula.
 */
export interface ListCell<N extends string = string> extends PlanCell {
  readonly formulaAt?: (at: (name: N) => string) => string;
}

/** A row of a list block: a label in the first column, then cells under the block's headers. */
export interface ListRow<N extends string> {
  readonly label?: string;
  readonly labelStyle?: CellStyle;
  /** The cells after the label, from the block's first value column. */
  readonly cells?: readonly ListCell<N>[];
  /** Names this row defines: `cell` indexes `cells`. */
  readonly names?: readonly { readonly name: N; readonly cell: number }[];
}

/** A name over a rectangle of a list block: rows `fromRow`–`toRow`, cells `fromCell`–`toCell` (indexes). */
export interface ListRange<N extends string> {
  readonly name: N;
  readonly fromRow: number;
  readonly toRow: number;
  readonly fromCell: number;
  readonly toCell: number;
}

/** Label rows under a section header, stacked in the left zone. */
export interface ListPart<N extends string> {
  /** Headers of the value columns (the label column has the block's title). */
  readonly header: readonly string[];
  readonly rows: readonly ListRow<N>[];
  readonly ranges?: readonly ListRange<N>[];
}

/** Resolves series-column handles to cells on the row being written. */
export interface RowRefs {
  /** The column's cell on this row, e.g. "K12". */
  at(column: string): string;
  /** The column from its first row down to this row, e.g. "K$5:K12" (a running total's range). */
  fromFirst(column: string): string;
  /**
   * The column's cell on the row above, e.g. "K11": a running balance's opening is the closing above
   * it. On the first row it is the column's header (text), so a formula takes its first opening
   * from elsewhere, e.g. `IF(period=1,Opening,row.above("Closing"))`.
   */
  above(column: string): string;
  /** This row's position in the series, 1 for the first row: `(ROW()-ROW($F$4))`, counted from the column's header. */
  readonly index: string;
}

/**
 * One column of values per period: one formula shape, written down every row of the series — or,
 * for a column of inputs (a share per period, say), one constant `value` in every row, in `style`.
 */
export type SeriesColumn<N extends string> = {
  /** The name of the whole column's range, which is also its handle. */
  readonly name: N;
  readonly header: string;
  readonly numberFormat?: string;
  /** Rows of this column that hold data and print, when fewer or more than its block's `printRows`. */
  readonly printRows?: number;
} & (
  | { readonly formula: (row: RowRefs) => string; readonly value?: undefined; readonly style?: undefined }
  | { readonly formula?: undefined; readonly value: number; readonly style: CellStyle }
);

export interface Block<N extends string = string> {
  /** Unique within a sheet. */
  readonly id: string;
  /** The section title, e.g. "SUMMARY". */
  readonly title: string;
  readonly list?: ListPart<N>;
  readonly series?: readonly SeriesColumn<N>[];
  /** Names defined by other blocks that this block's formulas use. */
  readonly reads: readonly string[];
  /**
   * Rows of the series that hold data and print (the layout's `seriesPrintRows` when not given):
   * the rows below, kept for a later end date or added deals, do not print.
   */
  readonly printRows?: number;
  /**
   * False when the list's columns beyond the left zone's first page hold nothing for the deal as written
   * (optional inputs left blank, figures "not given"): they do not print on pages of their own.
   */
  readonly printsBeyond?: boolean;
}

/** The names a block (or a union of blocks) defines. */
export type NamesOf<B> = B extends Block<infer N> ? N : never;

export interface LayoutOptions {
  readonly sheetName: string;
  readonly title: string;
  readonly subtitle: string;
  /** Rows of every series block: the term's periods plus a margin. */
  readonly seriesRows: number;
  /** Rows of the series that hold data and print, unless a block says otherwise: the term's periods (all rows when not given). */
  readonly seriesPrintRows?: number;
}

/** Rows 1–2 hold the title, row 3 the series sections, row 4 the series headers; both zones start below. */
const TITLE_ROW = 1;
const SUBTITLE_ROW = 2;
const SECTION_ROW = 3;
const HEADER_ROW = 4;
const FIRST_BODY_ROW = 5;
/** Blank columns between the left zone and the series, and between two series blocks. */
const GAP = 1;
const GAP_WIDTH = 2;
const MIN_WIDTH = 6;
const MAX_WIDTH = 70;
/**
 * The label column (A) is at most this wide, so that the figures beside it are in view on a small
 * screen: a longer label wraps onto more lines of a taller row.
 */
export const LABEL_WIDTH = 40;

/** An empty cell, one object for all (a plan is not changed once made). */
const EMPTY: PlanCell = Object.freeze({});

const abs = (col: number, row: number) => `$${columnLetter(col)}$${row}`;

/** Characters a number needs in a format, for column widths: e.g. "6,300,000,000.00" is 16. */
function formatWidth(format: string | undefined): number {
  if (!format || format === "General") return 10;
  if (format.includes("yy")) return 10;
  if (format.includes("%")) return 9;
  if (format.includes("#,##0.00")) return 17;
  if (format.includes("#,##0")) return 13;
  return Math.max(8, format.length + 2);
}

/**
 * The identifiers a formula uses as names: not functions, cell references, TRUE/FALSE or text.
 *
 * @example
 * namesIn('IF(ISNUMBER(NoticeDate),$B$4+NoticeDate,"none")') // ["NoticeDate"]
 * namesIn("SUM('Deals'!$D$2:$D$9)") // []
 */
export function namesIn(formula: string): string[] {
  const bare = formula
    .replace(/"[^"]*"/g, "")
    // A reference into another sheet ('Deals'!$D$2:$D$1001) names a sheet, not a defined name.
    .replace(/'(?:[^']|'')*'!/g, "")
    .replace(/[A-Za-z_][A-Za-z0-9_.]*\s*\(/g, "(")
    .replace(/\$/g, "");
  const found = new Set<string>();
  for (const [token] of bare.matchAll(/[A-Za-z_\\][A-Za-z0-9_.]*/g)) {
    if (/^[A-Z]{1,3}\d+$/.test(token) || token === "TRUE" || token === "FALSE") continue;
    found.add(token);
  }
  return [...found];
}

interface Placed {
  readonly block: Block;
  /** Defined names of this block, for the reads check. */
  readonly own: Set<string>;
}

/**
 * Places the blocks and returns the plan. Throws when a formula uses a name that its block neither
 * defines nor declares, when a declared read is defined by no block, or when a name is defined twice.
 *
 * @example
 * layoutSheet([inputsBlock(ctx), summaryBlock(ctx)], { sheetName: "Deal", title: "Deal", subtitle: "", seriesRows: 0 })
 */
export function layoutSheet<B extends Block<string>>(blocks: readonly B[], options: LayoutOptions): SheetPlan<NamesOf<B>> {
  const ids = new Set<string>();
  for (const b of blocks) {
    if (ids.has(b.id)) throw new Error(`layout: two blocks have the id "${b.id}"`);
    ids.add(b.id);
  }

  // Columns: the left zone is as wide as its widest list block; series blocks follow, a gap apart.
  const leftWidth = Math.max(1, ...blocks.map((b) => (b.list ? 1 + Math.max(b.list.header.length, ...b.list.rows.map((r) => r.cells?.length ?? 0)) : 1)));
  const seriesColumn = new Map<string, number>();
  const seriesStarts: { block: Block; col: number }[] = [];
  let col = leftWidth;
  for (const b of blocks) {
    if (!b.series?.length) continue;
    col += GAP;
    seriesStarts.push({ block: b, col });
    for (const column of b.series) seriesColumn.set(column.name, col++);
  }
  const width = Math.max(leftWidth, col);
  const seriesLast = FIRST_BODY_ROW + options.seriesRows - 1;

  const rows: PlanCell[][] = [];
  const set = (row: number, c: number, cell: PlanCell) => {
    while (rows.length < row) rows.push(new Array<PlanCell>(width).fill(EMPTY));
    rows[row - 1][c] = cell;
  };
  const names: PlanName[] = [];
  const placed: Placed[] = [];
  const define = (own: Set<string>, name: string, ref: string) => {
    names.push({ name, ref });
    own.add(name);
  };

  set(TITLE_ROW, 0, { value: options.title, style: "title" });
  set(SUBTITLE_ROW, 0, { value: options.subtitle, style: "subtitle" });
  set(HEADER_ROW, 0, {});

  // Left zone: list blocks stacked, each a section row, its rows and a blank row.
  let r = FIRST_BODY_ROW;
  let leftLast = FIRST_BODY_ROW;
  const listParts: ListPrintPart[] = [];
  for (const b of blocks) {
    const own = new Set<string>();
    placed.push({ block: b, own });
    if (!b.list) continue;
    const sectionRow = r;
    set(r, 0, { value: b.title, style: "section" });
    b.list.header.forEach((text, i) => set(r, 1 + i, { value: text, style: "header" }));
    r++;
    const first = r;
    const ranges = b.list.ranges ?? [];
    b.list.rows.forEach((row, index) => {
      if (row.label !== undefined) set(r, 0, { value: row.label, style: row.labelStyle ?? "label" });
      row.cells?.forEach(({ formulaAt, ...cell }, i) => {
        if (formulaAt === undefined) return set(r, 1 + i, cell);
        const at = (name: string) => {
          const range = ranges.find((x) => x.name === name);
          if (range?.fromCell === range?.toCell && range && index >= range.fromRow && index <= range.toRow) return `${columnLetter(1 + range.fromCell)}${r}`;
          if (range?.fromRow === range?.toRow && range && i >= range.fromCell && i <= range.toCell) return `${columnLetter(1 + i)}${first + range.fromRow}`;
          throw new Error(`layout: block "${b.id}" has no range "${name}" beside row ${index}, cell ${i}`);
        };
        set(r, 1 + i, { ...cell, formula: formulaAt(at) });
      });
      for (const { name, cell } of row.names ?? []) define(own, name, abs(1 + cell, r));
      r++;
    });
    for (const range of ranges) {
      const from = abs(1 + range.fromCell, first + range.fromRow);
      const to = abs(1 + range.toCell, first + range.toRow);
      define(own, range.name, `${from}:${to}`);
    }
    leftLast = r - 1;
    const to = Math.max(b.list.header.length, ...b.list.rows.map((x) => x.cells?.length ?? 0));
    listParts.push({ from: 0, to, firstRow: sectionRow, lastRow: leftLast, beyond: b.printsBeyond !== false });
    r++;
  }

  // Right zone: series blocks side by side, one formula shape per column down every period row.
  // One handle per column, pointed at each row in turn (no closures made per cell: a register of
  // 10,000 deals writes millions of these cells).
  const letters = new Map([...seriesColumn].map(([name, c]) => [name, columnLetter(c)]));
  const letterOf = (name: string) => {
    const letter = letters.get(name);
    if (letter === undefined) throw new Error(`layout: no series column is named "${name}"`);
    return letter;
  };
  const seriesUses = new Map<Block, Set<string>>();
  for (const { block, col: start } of seriesStarts) {
    const own = placed.find((p) => p.block === block)!.own;
    const used = new Set<string>();
    seriesUses.set(block, used);
    set(SECTION_ROW, start, { value: block.title, style: "section" });
    block.series!.forEach((column, i) => {
      const c = start + i;
      set(HEADER_ROW, c, { value: column.header, style: "numberHeader" }); // every series column holds numbers or dates
      define(own, column.name, `${abs(c, FIRST_BODY_ROW)}:${abs(c, seriesLast)}`);
      let row = FIRST_BODY_ROW;
      // The names the column reads, tracked on its first row: the shape is the same down the column.
      const track = (name: string) => {
        if (row === FIRST_BODY_ROW) used.add(name);
        return letterOf(name);
      };
      const refs: RowRefs = {
        at: (name) => `${track(name)}${row}`,
        fromFirst: (name) => `${track(name)}$${FIRST_BODY_ROW}:${letterOf(name)}${row}`,
        above: (name) => `${track(name)}${row - 1}`,
        index: `(ROW()-ROW(${abs(c, HEADER_ROW)}))`,
      };
      for (; row <= seriesLast; row++) {
        if (column.formula === undefined) set(row, c, { value: column.value, numberFormat: column.numberFormat, style: column.style });
        else set(row, c, { formula: flattened(column.formula(refs)), numberFormat: column.numberFormat });
      }
    });
  }
  const lastRow = Math.max(leftLast, seriesStarts.length ? seriesLast : 0, HEADER_ROW);
  while (rows.length < lastRow) rows.push(new Array<PlanCell>(width).fill(EMPTY));

  checkNames(placed, names, seriesUses);

  // A zone runs to the gap before the next one: the left zone with its gap, each series block with its own.
  const zones = [{ from: 0, to: leftWidth - 1 + (seriesStarts.length ? GAP : 0) }];
  seriesStarts.forEach(({ block, col: start }, i) => {
    const next = seriesStarts[i + 1]?.col;
    zones.push({ from: start, to: next === undefined ? start + block.series!.length - 1 : next - 1 });
  });
  const refs = Object.fromEntries(names.map((n) => [n.name, n.ref])) as Record<NamesOf<B>, string>;
  const columnWidths = measureWidths(rows, zones, width);
  const { cells, rowHeights } = wrapLabels(rows, columnWidths, zones);
  const print = printSetup(columnWidths, listParts, leftWidth, leftLast, seriesStarts.flatMap(({ block, col: start }) => seriesParts(block, start, options)));
  return {
    sheetName: options.sheetName,
    cells,
    names: names as PlanName<NamesOf<B>>[],
    refs,
    columnWidths,
    freezeRows: HEADER_ROW,
    rowHeights,
    print,
  };
}

/** A list block's columns and rows, and whether its columns past the left zone's first page print. */
interface ListPrintPart extends PrintPart {
  readonly beyond: boolean;
}

/**
 * A per-period block's print parts: its columns down to their last row of data (the column's
 * `printRows`, else the block's, else the sheet's), adjacent columns with the same last row in one
 * part; columns with no row of data print nothing.
 */
function seriesParts(block: Block, start: number, options: LayoutOptions): PrintPart[] {
  const parts: PrintPart[] = [];
  block.series!.forEach((column, i) => {
    const rows = Math.min(options.seriesRows, column.printRows ?? block.printRows ?? options.seriesPrintRows ?? options.seriesRows);
    const lastRow = FIRST_BODY_ROW - 1 + rows;
    const last = parts[parts.length - 1];
    if (last?.lastRow === lastRow && last.to === start + i - 1) parts[parts.length - 1] = { ...last, to: start + i };
    else parts.push({ from: start + i, to: start + i, lastRow });
  });
  return parts;
}

/**
 * How the sheet prints, for any blocks: at the largest scale (up to 100%, at least
 * {@link MIN_PRINT_SCALE}) at which the widest list block fits a page — unless it would not fit even
 * at the least scale — the left zone's first columns, as many as fit a page, from row 1 to its last
 * row; the columns of a wider list block beyond them on pages of their own, its rows only; each
 * per-period block on its own pages, split between columns where wider than a page, down to its last
 * row of data. The title rows repeat on every page. No area holds rows past the data.
 */
function printSetup(widths: readonly number[], lists: readonly ListPrintPart[], leftWidth: number, leftLast: number, series: readonly PrintPart[]): PrintSetup {
  const most = (PAGE.width * 100) / MIN_PRINT_SCALE;
  const fitting = lists.filter((p) => partWidth(widths, p.from, p.to) <= most);
  const scale = printScale(widths, fitting.length > 0 ? fitting : lists.slice(0, 1));
  const room = (PAGE.width * 100) / scale;
  let shown = 0; // the left zone's columns 0..shown on its main pages
  for (let used = printedWidth(widths[0]); shown + 1 < leftWidth && used + printedWidth(widths[shown + 1]) <= room; shown++) {
    used += printedWidth(widths[shown + 1]);
  }
  const main: PrintPart = { from: 0, to: shown, lastRow: leftLast };
  const beyond = lists.filter((p) => p.to > shown && p.beyond).map(({ to, firstRow, lastRow }) => ({ from: shown + 1, to, firstRow, lastRow }));
  return { orientation: "landscape", scale, titleRows: `$1:$${HEADER_ROW}`, areas: printAreas(widths, [main, ...beyond, ...series], scale, HEADER_ROW) };
}

/**
 * Labels in the label column longer than it is wide, with a figure beside them, wrap onto more
 * lines: the cell wraps and its row is as tall as the lines need (a label that is the last text of
 * its row runs on to the right instead, as Excel shows it). Lines are counted by whole words, a
 * line holding a few characters fewer than the column's width: a fallback font (LibreOffice without
 * Calibri) is wider than the one the widths are measured for.
 */
function wrapLabels(rows: readonly PlanCell[][], widths: readonly number[], zones: readonly { from: number; to: number }[]) {
  const rowHeights: Record<number, number> = {};
  const perLine = Math.max(8, widths[0] - 4);
  const cells = rows.map((row, r) => {
    const label = row[0];
    if (typeof label.value !== "string" || label.style === "title" || label.style === "subtitle" || label.value.length + 2 <= widths[0]) return row;
    const zoneEnd = zones[0].to;
    let runsOn = true;
    for (let c = 1; c <= zoneEnd; c++) if (textNeed(row[c]) > 0 || row[c].style !== undefined) runsOn = false;
    if (runsOn) return row;
    const lines = countLines(label.value, perLine);
    rowHeights[r + 1] = lines * LINE_HEIGHT;
    return [{ ...label, wrap: true }, ...row.slice(1)];
  });
  return { cells, rowHeights };
}

/**
 * Lines a text takes wrapped by whole words at `perLine` characters (a longer word breaks).
 *
 * @example
 * countLines("Effective exit date (first day without service)", 36) // 2
 */
export function countLines(text: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= perLine) used = need;
    else {
      lines += used === 0 ? 0 : 1;
      used = word.length;
      while (used > perLine) {
        lines++;
        used -= perLine;
      }
    }
  }
  return lines;
}

/** Every name used is the block's own or declared; every declared read exists; no name twice. */
function checkNames(placed: readonly Placed[], names: readonly PlanName[], seriesUses: Map<Block, Set<string>>): void {
  const all = new Set<string>();
  for (const { name } of names) {
    const key = name.toLowerCase(); // Excel compares names without case
    if (all.has(key)) throw new Error(`layout: the name "${name}" is defined twice`);
    all.add(key);
  }
  const defined = new Set(names.map((n) => n.name));
  for (const { block, own } of placed) {
    const declared = new Set(block.reads);
    for (const read of block.reads) {
      if (!defined.has(read)) throw new Error(`layout: block "${block.id}" reads "${read}", which no block of this sheet defines`);
    }
    const formulas: string[] = [];
    for (const row of block.list?.rows ?? []) {
      for (const cell of row.cells ?? []) {
        if (cell.formula) formulas.push(cell.formula);
        // A cell beside this one is of the block's own ranges: the names the handle is given are checked too.
        if (cell.formulaAt) formulas.push(cell.formulaAt((name) => name));
      }
    }
    for (const column of block.series ?? []) {
      if (column.formula === undefined) continue; // a column of inputs
      // One shape down the column: the first row's formula stands for all.
      const sample = column.formula({ at: () => "A1", fromFirst: () => "A1:A1", above: () => "A1", index: "1" });
      formulas.push(sample);
    }
    const used = new Set([...formulas.flatMap(namesIn), ...(seriesUses.get(block) ?? [])]);
    for (const name of used) {
      if (!own.has(name) && !declared.has(name)) {
        throw new Error(`layout: block "${block.id}" uses "${name}" without defining it or declaring it in reads`);
      }
    }
  }
}

/**
 * The text, held as one block: V8 keeps a string built by concatenation as a tree of its pieces
 * (about 30 bytes a piece) until a character is read. A register of 10,000 deals has millions of
 * formulas of dozens of pieces: flattened as made, they take a quarter of the memory and die young.
 */
function flattened(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** The longest text a cell shows: its constant, or the longest text literal its formula may return. */
function textNeed(cell: PlanCell): number {
  if (typeof cell.value === "string") return cell.value.length;
  if (typeof cell.value === "boolean") return 6;
  if (typeof cell.value === "number") return formatWidth(cell.numberFormat);
  const formula = cell.formula;
  if (formula === undefined) return 0;
  // The text literals, found by scanning (a formula is written once per period row: no regex, no arrays).
  let need = formatWidth(cell.numberFormat);
  for (let open = formula.indexOf('"'); open >= 0; ) {
    const close = formula.indexOf('"', open + 1);
    if (close < 0) break;
    need = Math.max(need, close - open - 1);
    open = formula.indexOf('"', close + 1);
  }
  return need;
}

/**
 * Widths from the content, so that nothing is cut off: each column as wide as its longest text or
 * number format, within bounds. Text in the last filled cell of a row within its zone may run on into
 * the empty cells to its right, as Excel shows it; such a cell widens its column only by what those
 * cells lack. The title and subtitle run across the sheet and are not measured.
 */
function measureWidths(rows: readonly PlanCell[][], zones: readonly { from: number; to: number }[], width: number): number[] {
  const widths = Array.from({ length: width }, () => 0);
  const overflowing: { col: number; end: number; need: number }[] = [];
  const needs = Array.from({ length: width }, () => 0);
  for (const row of rows) {
    for (const { from, to } of zones) {
      let last = -1;
      for (let c = from; c <= to; c++) {
        needs[c] = textNeed(row[c]);
        if (needs[c] > 0) last = c;
      }
      for (let c = from; c <= to; c++) {
        const cell = row[c];
        if (cell.style === "title" || cell.style === "subtitle") continue;
        const need = needs[c];
        if (c === last && c < to) overflowing.push({ col: c, end: to, need });
        else widths[c] = Math.max(widths[c], need);
      }
    }
  }
  const most = (c: number) => (c === 0 ? LABEL_WIDTH : MAX_WIDTH);
  const bounded = widths.map((w, c) => (w === 0 ? GAP_WIDTH : Math.min(most(c), Math.max(MIN_WIDTH, w + 2))));
  for (const { col, end, need } of overflowing) {
    let room = 0;
    for (let c = col; c <= end; c++) room += bounded[c];
    if (need + 2 > room) bounded[col] = Math.min(most(col), bounded[col] + need + 2 - room);
  }
  return bounded;
}
