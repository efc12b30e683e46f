/**
 * The blocks of the Portfolio sheet: native formulas over a deal register that lives on another
 * sheet (the user's table, or the register sheet the command line writes). Each deal row of the
 * sheet reads the register row at the same position through INDEX over a fixed, generous extent of
 * each register column, so that editing a deal — or adding one in the rows below the table — flows
 * through on recalculation, without the add-in.
 *
 * How a deal's payments are put in fiscal years without a period-by-period grid (docs/portfolio.md):
 * period k (0-based) of a deal starts on EDATE(start, k·m), m the
 * months per period, and (apart from the last period) pays on that day in advance or on the day
 * before period k+1 starts in arrears — in the month with index base + k·m, where a month's index is
 * year × 12 + month − 1 and base = index(start) (advance) or index(start) + m − (DAY(start) = 1)
 * (arrears). So the regular periods paying in fiscal year Y are a run k1…k2 found by integer
 * division, at most 12/m of them, spanning at most two contract years, each paying
 * ROUND(payment × (1 + escalation)^contract year, 2) (the core's periodRate). The last period — the
 * one the end date or, for the committed figure, the exit cuts — is added on its own with its own
 * pay date and proration. A one-step ramp ("46000000 until 2026-09-30") adds, over the periods that
 * start on or before its last day, the difference between its rate and the payment's, by the same run
 * arithmetic. The per-deal totals are computed independently (a SUMPRODUCT over contract years), and
 * the checks tie the two.
 *
 * Short formulas with helper columns (FAST): each register field is first copied as entered into a
 * column of its own, and read from there; per fiscal year, helper columns hold the run (its first and
 * last periods, the contract year of the first) and its regular and ramp payments, which the year
 * columns add up; the words a register may use, the months in a year, the contract years and the
 * fiscal years' month indexes are constants shown on the sheet, not hidden in formulas.
 */
import { MONTHS_PER_PERIOD, RegisterField } from "../../core";
import { FREQUENCY_WORDS, PAYMENTS_A_YEAR, PRORATION_WORDS, TIMING_WORDS } from "../../core/vocabulary";
import { Block, ListCell, ListRange, ListRow, RowRefs, SeriesColumn } from "../layout";
import { columnLetter } from "../plan";
import { FORMATS as SHARED_FORMATS, NO_ADDIN } from "./context";

/** The shared formats, with a date that shows nothing for 0 (no day is serial 0): rows beyond the data show empty, not 1899-12-30. */
const FORMATS = { ...SHARED_FORMATS, date: `${SHARED_FORMATS.date};;` } as const;
import { proRata } from "./fragments";

/** Where the register is: its sheet, header row, the column of each field and the rows read. */
export interface RegisterSource {
  readonly sheetName: string;
  /** The header row, 1-based (a sheet row number). */
  readonly headerRow: number;
  /** The 0-based sheet column of each recognised field. */
  readonly columns: Readonly<Partial<Record<RegisterField, number>>>;
  /** The register's first and last sheet columns, 0-based (DEAL.BACKLOG is given the whole register). */
  readonly firstColumn: number;
  readonly lastColumn: number;
  /** Rows below the header the formulas read: the table's rows and room to add more. */
  readonly rows: number;
  /** Every column of the header as read: the field it gives or "ignored", and the field an ignored one looks like. */
  readonly read?: readonly { readonly header: string; readonly reads: string; readonly lookalike: string | null }[];
}

export interface PortfolioContext {
  readonly source: RegisterSource;
  /** The first and last fiscal year of the year columns. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** Contract years the per-deal totals sum over (0 … contractYears − 1). */
  readonly contractYears: number;
  readonly yearEndMonth: number;
  /**
   * Whether DEAL.BACKLOG can read the register as it stands (its headers recognised as the formulas
   * read them): then Expected comes from it; else (columns mapped by hand in the pane) Expected says
   * {@link EXPECTED_BY_HAND}.
   */
  readonly expectedFromFunctions: boolean;
  /** The as-of day the sheet opens with (its input; null: blank, every payment counts). */
  readonly asOf?: number | null;
  /** The helpers the weighted Expected is written with ({@link ExpectedHelpers}). */
  readonly expectedHelpers: ExpectedHelpers;
}

/** What Expected shows when the register's columns were mapped by hand: DEAL.BACKLOG cannot read it. */
export const EXPECTED_BY_HAND = "n/a: columns mapped by hand";

/** A sheet name as a formula quotes it. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The formula text of a register column's extent, e.g. `'Deals'!$D$2:$D$1001`. */
export function registerColumnRange(source: RegisterSource, column: number): string {
  const letter = columnLetter(column);
  return `${quoteSheet(source.sheetName)}!$${letter}$${source.headerRow + 1}:$${letter}$${source.headerRow + source.rows}`;
}

/** The whole register, header row included, as DEAL.BACKLOG takes it. */
export function registerRange(source: RegisterSource): string {
  const first = columnLetter(source.firstColumn);
  const last = columnLetter(source.lastColumn);
  return `${quoteSheet(source.sheetName)}!$${first}$${source.headerRow}:$${last}$${source.headerRow + source.rows}`;
}

// ---------------------------------------------------------------------------------------------
// Conventions: the words a register may use, and the months in a year
// ---------------------------------------------------------------------------------------------

export type RegisterWordName =
  | "MonthsPerYear"
  | "RegisterFrequencyWords"
  | "RegisterFrequencyMonths"
  | "RegisterPaymentsAYear"
  | "RegisterPaymentsAYearMonths"
  | "RegisterTimingWords"
  | "RegisterTimingAdvance"
  | "RegisterProrationWords"
  | "RegisterProrationActual"
  | "RegisterFlagWords"
  | "RegisterFlagValues"
  | "RegisterTotalWords";

/** The words that open a total row's counterparty, as the register reading takes them (src/core/register/totals.ts). */
const TOTAL_ROW_WORDS = ["total", "subtotal", "sub-total", "sub total", "grand total", "totals"];

const FLAG_WORDS: Readonly<Record<string, number>> = { true: 1, yes: 1, y: 1, "1": 1, false: 0, no: 0, n: 0, "0": 0 };

/**
 * The words the register's cells may use and what each stands for, as the DEAL readers read them
 * (src/core/vocabulary.ts), shown once instead of hidden in the formulas; and the months in a year.
 *
 * @example
 * registerWordsBlock().list!.ranges!.map((r) => r.name) // ["RegisterFrequencyWords", "RegisterFrequencyMonths", …]
 */
export function registerWordsBlock(): Block<RegisterWordName> {
  const rows: ListRow<RegisterWordName>[] = [
    {
      label: "Months in a year",
      cells: [{ value: 12, numberFormat: FORMATS.integer, style: "constant" }, { value: "month indexes: year × 12 + month − 1", style: "note" }],
      names: [{ name: "MonthsPerYear", cell: 0 }],
    },
  ];
  const ranges: ListRange<RegisterWordName>[] = [];
  const table = (label: string, words: Name, values: Name, entries: readonly [string | number, number][]) => {
    const from = rows.length;
    entries.forEach(([word, value], i) =>
      rows.push({
        label: i === 0 ? label : "",
        cells: [
          { value: word, numberFormat: typeof word === "number" ? FORMATS.integer : undefined, style: "constant" },
          { value, numberFormat: FORMATS.integer, style: "constant" },
        ],
      }),
    );
    ranges.push({ name: words, fromRow: from, toRow: rows.length - 1, fromCell: 0, toCell: 0 }, { name: values, fromRow: from, toRow: rows.length - 1, fromCell: 1, toCell: 1 });
  };
  type Name = RegisterWordName;
  table("Frequency word: months per period", "RegisterFrequencyWords", "RegisterFrequencyMonths", Object.keys(FREQUENCY_WORDS).map((k) => [k, MONTHS_PER_PERIOD[FREQUENCY_WORDS[k]]]));
  table(
    "Payments a year: months per period",
    "RegisterPaymentsAYear",
    "RegisterPaymentsAYearMonths",
    (Object.keys(PAYMENTS_A_YEAR) as (keyof typeof PAYMENTS_A_YEAR)[]).map((f) => [PAYMENTS_A_YEAR[f], MONTHS_PER_PERIOD[f]]),
  );
  table("Timing word: in advance (1)", "RegisterTimingWords", "RegisterTimingAdvance", Object.keys(TIMING_WORDS).map((k) => [k, TIMING_WORDS[k] === "advance" ? 1 : 0]));
  table("Proration word: actual days (1)", "RegisterProrationWords", "RegisterProrationActual", Object.keys(PRORATION_WORDS).map((k) => [k, PRORATION_WORDS[k] === "actual" ? 1 : 0]));
  table("Yes/no word: yes (1)", "RegisterFlagWords", "RegisterFlagValues", Object.entries(FLAG_WORDS));
  // A counterparty that opens with one of these words (not followed by a letter: "TotalEnergies" is a deal) is a total row.
  const fromTotals = rows.length;
  TOTAL_ROW_WORDS.forEach((w, i) =>
    rows.push({ label: i === 0 ? "Total row: counterparty opens with" : "", cells: [{ value: w, style: "constant" }] }),
  );
  ranges.push({ name: "RegisterTotalWords", fromRow: fromTotals, toRow: rows.length - 1, fromCell: 0, toCell: 0 });
  return { id: "portfolio-words", title: "REGISTER WORDS (fixed)", list: { header: ["Word", "Stands for"], rows, ranges }, reads: [] };
}

/** Blank in a register cell: empty (read as 0 through a cell), or 0 as some hosts pass an empty cell (the readers' default). */
const blank = (x: string) => `OR(TRIM(${x}&"")="",TRIM(${x}&"")="0")`;

/** The register fields the formulas read, each into a helper column of the cell as entered. */
const READ_FIELDS = [
  "startDate", "endDate", "payment", "ramp", "frequency", "escalation", "timing", "proration", "lockInMonths", "lockInLastDay",
  "noticeDays", "noticeInLockIn", "noticeDate", "terminationFee", "exitProbability",
] as const satisfies readonly RegisterField[];
type ReadField = (typeof READ_FIELDS)[number];

export type RegisterCellName = `Register${Capitalize<ReadField>}`;
/** The register fields that make a termination clause: a row that gives none of them has none. */
const TERMINATION_FIELDS: readonly ReadField[] = ["lockInMonths", "lockInLastDay", "noticeDays", "noticeDate"];

const entered = (field: ReadField) => `Register${field[0].toUpperCase()}${field.slice(1)}` as RegisterCellName;

export type DealTermName =
  | RegisterCellName
  | "DealRegisterRow"
  | "DealSkipped"
  | "DealStart"
  | "DealEnd"
  | "DealPayment"
  | "DealRampText"
  | "DealRampPoint"
  | "DealRampAmount"
  | "DealRampUntil"
  | "DealMonths"
  | "DealEscalation"
  | "DealAdvance"
  | "DealActual"
  | "DealTermsGiven"
  | "DealLockInEnd"
  | "DealNoticeDays"
  | "DealNoticeInLockIn"
  | "DealNoticeGiven"
  | "DealFee"
  | "DealExitProbability"
  | "DealReadProblem"
  | "DealStatus";

/** What the Status column says of a row the formulas model. */
export const STATUS_OK = "ok";
/** What it says of a ramp of more than one step: not modelled. */
export const RAMP_STEPS_STATUS = "ramp of several steps: not modelled, see DEAL.PORTFOLIO";

/**
 * The register's cells, read as the DEAL readers read them; a row they cannot model is given a status.
 * Each field the register maps is first copied as entered (a helper column), and read from there.
 */
export function dealTermsBlock(ctx: PortfolioContext): Block<DealTermName> {
  const { source } = ctx;
  const fields = READ_FIELDS.filter((f) => source.columns[f] !== undefined);
  const cell = (row: RowRefs, field: ReadField): string | null => (source.columns[field] === undefined ? null : row.at(entered(field)));
  const active = (row: RowRefs) => `AND(${row.at("DealCounterparty")}<>"",${row.at("DealSkipped")}=0)`;
  /** A register cell is blank, read from the register itself (a copy of an empty cell holds 0). */
  const blankInRegister = (row: RowRefs, field: ReadField) => `TRIM(INDEX(${registerColumnRange(source, source.columns[field]!)},${row.index})&"")=""`;
  const date = (x: string) => `IFERROR(INT(IF(ISNUMBER(${x}),${x},DATEVALUE(${x}))),0)`;
  const number = (x: string) => `IFERROR(IF(ISNUMBER(${x}),${x},IF(${blank(x)},0,VALUE(${x}))),0)`;
  /** A word of the register's vocabulary: `fallback` when blank, `unknown` when not one of its words. */
  const word = (x: string, words: RegisterWordName, values: RegisterWordName, fallback: number, unknown = -1) =>
    `IF(${blank(x)},${fallback},IFERROR(INDEX(${values},MATCH(LOWER(TRIM(${x}&"")),${words},0)),${unknown}))`;
  const optional = (row: RowRefs, field: ReadField, read: (x: string) => string, otherwise: string) => {
    const x = cell(row, field);
    return x === null ? otherwise : read(x);
  };
  const column = (name: DealTermName, header: string, formula: (row: RowRefs) => string, numberFormat?: string): SeriesColumn<DealTermName> => ({
    name,
    header,
    numberFormat,
    formula,
  });
  const ramp = source.columns.ramp !== undefined;
  return {
    id: "portfolio-terms",
    title: "DEAL TERMS (read from the register)",
    reads: [
      "DealCounterparty", "RegisterTotalWords", "MonthsPerYear", "RegisterFrequencyWords", "RegisterFrequencyMonths", "RegisterPaymentsAYear", "RegisterPaymentsAYearMonths",
      "RegisterTimingWords", "RegisterTimingAdvance", "RegisterProrationWords", "RegisterProrationActual", "RegisterFlagWords", "RegisterFlagValues",
    ],
    series: [
      column("DealRegisterRow", "Register row", (row) => `${source.headerRow}+${row.index}`, FORMATS.integer),
      // A total or subtotal row is no deal (as the register reading skips it): its counterparty opens with
      // a total word not followed by a letter, or both its dates are blank. Skipped, not "not modelled".
      column(
        "DealSkipped",
        "Total row: skipped (1)",
        (row) => {
          const cp = row.at("DealCounterparty");
          const next = `MID(LOWER(${cp}),LEN(RegisterTotalWords)+1,1)`;
          const word = `SUMPRODUCT((LEFT(LOWER(${cp}),LEN(RegisterTotalWords))=RegisterTotalWords)*(${next}=UPPER(${next})))>0`;
          return `IF(${cp}="",0,IF(OR(${word},AND(${blankInRegister(row, "startDate")},${blankInRegister(row, "endDate")})),1,0))`;
        },
        FORMATS.integer,
      ),
      ...fields.map((field) => column(entered(field), `As entered: ${field}`, (row) => `INDEX(${registerColumnRange(source, source.columns[field]!)},${row.index})`)),
      column("DealStart", "Start", (row) => `IF(${active(row)},${date(cell(row, "startDate")!)},0)`, FORMATS.date),
      column("DealEnd", "End", (row) => `IF(${active(row)},${date(cell(row, "endDate")!)},0)`, FORMATS.date),
      column("DealPayment", "Payment per period", (row) => `IF(${active(row)},${number(cell(row, "payment")!)},0)`, FORMATS.money),
      // A one-step ramp, "46000000 until 2026-09-30": that amount is paid by the periods starting on
      // or before that day, the payment after (the core's readRamp). -1 when it cannot be read.
      // Digits before and after the point are read separately: VALUE("46000000.5") would depend on the
      // locale's decimal separator; VALUE of plain digits does not. Thousands separators are dropped.
      ...(ramp
        ? [
            column("DealRampText", "Ramp amount as text", (row) => {
              const t = cell(row, "ramp")!;
              return `IFERROR(SUBSTITUTE(TRIM(LEFT(${t},FIND("until",LOWER(${t}))-1)),",",""),"")`;
            }),
            column("DealRampPoint", "Its decimal point at", (row) => `FIND(".",${row.at("DealRampText")}&".")`, FORMATS.integer),
          ]
        : []),
      column(
        "DealRampAmount",
        "Ramp amount",
        (row) => {
          const t = cell(row, "ramp");
          if (t === null) return row.at("DealPayment");
          const text = row.at("DealRampText");
          const point = row.at("DealRampPoint");
          const amount = `VALUE(LEFT(${text},${point}-1))+IF(${point}<LEN(${text}),VALUE(MID(${text},${point}+1,20))/10^(LEN(${text})-${point}),0)`;
          return `IF(${blank(t)},${row.at("DealPayment")},IFERROR(${amount},-1))`;
        },
        FORMATS.money,
      ),
      column(
        "DealRampUntil",
        "Ramp until",
        (row) => {
          const t = cell(row, "ramp");
          if (t === null) return "0";
          return `IF(${blank(t)},0,IFERROR(INT(DATEVALUE(TRIM(SUBSTITUTE(MID(${t},FIND("until",LOWER(${t}))+5,40),";","")))),-1))`;
        },
        FORMATS.date,
      ),
      column(
        "DealMonths",
        "Months per period",
        (row) => {
          const x = cell(row, "frequency");
          if (x === null) return "1";
          // A number of payments a year (12, 4, 2, 1), a word, or blank (monthly); anything else 0: not modelled.
          const perYear = `IF(${x}=0,1,IFERROR(INDEX(RegisterPaymentsAYearMonths,MATCH(${x},RegisterPaymentsAYear,0)),0))`;
          return `IF(ISNUMBER(${x}),${perYear},${word(x, "RegisterFrequencyWords", "RegisterFrequencyMonths", 1, 0)})`;
        },
        FORMATS.integer,
      ),
      column("DealEscalation", "Escalation", (row) => optional(row, "escalation", number, "0"), FORMATS.percent),
      column("DealAdvance", "In advance (1) / arrears (0)", (row) => optional(row, "timing", (x) => word(x, "RegisterTimingWords", "RegisterTimingAdvance", 1), "1"), FORMATS.integer),
      column("DealActual", "Actual days (1) / full (0)", (row) => optional(row, "proration", (x) => word(x, "RegisterProrationWords", "RegisterProrationActual", 0), "0"), FORMATS.integer),
      // A row that gives none of the termination terms has no termination clause: no early exit (the
      // core's hasTerminationTerms; a missing clause is no clause, never "terminable at once").
      column(
        "DealTermsGiven",
        "Termination terms given (0: no early exit)",
        (row) => {
          // Read from the register itself: a copy of an empty cell holds 0, which a typed 0 would too.
          const given = TERMINATION_FIELDS.filter((f) => source.columns[f] !== undefined).map(
            (f) => `TRIM(INDEX(${registerColumnRange(source, source.columns[f]!)},${row.index})&"")<>""`,
          );
          return `IF(${active(row)},${given.length === 0 ? "0" : `IF(OR(${given.join(",")}),1,0)`},"")`;
        },
        FORMATS.integer,
      ),
      column(
        "DealLockInEnd",
        "Lock-in end (first free day)",
        (row) => {
          const months = optional(row, "lockInMonths", number, "0");
          const byMonths = `EDATE(${row.at("DealStart")},${months})`;
          const lastDay = cell(row, "lockInLastDay");
          const formula = lastDay === null ? byMonths : `IF(${blank(lastDay)},${byMonths},${date(lastDay)}+1)`;
          // Without a clause, locked in to the end: every exit falls on the day after it.
          return `IF(${row.at("DealStart")}>0,IF(${row.at("DealTermsGiven")}=1,${formula},${row.at("DealEnd")}+1),0)`;
        },
        FORMATS.date,
      ),
      column("DealNoticeDays", "Notice days", (row) => optional(row, "noticeDays", number, "0"), FORMATS.integer),
      column(
        "DealNoticeInLockIn",
        "Notice in lock-in",
        (row) => optional(row, "noticeInLockIn", (x) => `IF(ISLOGICAL(${x}),IF(${x},1,0),${word(x, "RegisterFlagWords", "RegisterFlagValues", 0)})`, "0"),
        FORMATS.integer,
      ),
      column("DealNoticeGiven", "Notice date given", (row) => optional(row, "noticeDate", (x) => `IF(${blank(x)},0,${date(x)})`, "0"), FORMATS.date),
      column("DealFee", "Termination fee", (row) => optional(row, "terminationFee", number, "0"), FORMATS.money),
      column("DealExitProbability", "Annual exit probability", (row) => optional(row, "exitProbability", number, "0"), FORMATS.percent),
      column("DealReadProblem", "Term not read", (row) => {
        const checks: [string, string][] = [
          [`${row.at("DealMonths")}=0`, "frequency not read"],
          [`${row.at("DealAdvance")}<0`, "timing not read"],
          [`${row.at("DealActual")}<0`, "proration not read"],
          [`${row.at("DealNoticeInLockIn")}<0`, "notice in lock-in not read"],
          [`OR(${row.at("DealStart")}<=0,${row.at("DealEnd")}<${row.at("DealStart")})`, "dates not read"],
        ];
        return checks.reduceRight((rest, [test, text]) => `IF(${test},"${text}",${rest})`, '""');
      }),
      column("DealStatus", "Status", (row) => {
        const t = cell(row, "ramp");
        const checks: [string, string][] =
          t === null
            ? []
            : [
                [`AND(NOT(${blank(t)}),LEN(${t})-LEN(SUBSTITUTE(LOWER(${t}),"until",""))>5)`, `"${RAMP_STEPS_STATUS}"`],
                [`OR(${row.at("DealRampAmount")}<0,${row.at("DealRampUntil")}<0)`, '"ramp not read"'],
              ];
        const problem = row.at("DealReadProblem");
        const body = checks.reduceRight((rest, [test, text]) => `IF(${test},${text},${rest})`, `IF(${problem}<>"",${problem},"${STATUS_OK}")`);
        return `IF(${active(row)},${body},"")`;
      }),
    ],
  };
}

export type DealCalcName =
  | "DealModelled"
  | "DealPerYear"
  | "DealAsOf"
  | "DealPaidBy"
  | "DealFirstCounted"
  | "DealRunDay"
  | "DealFeeCounted"
  | "DealRunPeriod"
  | "DealNotice"
  | "DealExit"
  | "DealEarly"
  | "DealFeeYear"
  | "DealBase"
  | "DealRampLast"
  | `DealLast${Reading}`
  | `DealLastStart${Reading}`
  | `DealLastNext${Reading}`
  | `DealServed${Reading}`
  | `DealLastRate${Reading}`
  | `DealLastAmount${Reading}`
  | `DealLastPay${Reading}`
  | `DealLastCounts${Reading}`
  | `DealLastYear${Reading}`
  | `DealRampPeriods${Reading}`;

type Reading = "H" | "C";

/** The fiscal year of a day: the calendar year in which its fiscal year ends. */
const fiscalYearOf = (day: string) => `YEAR(${day})+(MONTH(${day})>YearEndMonth)`;
/** The month index of a day: year × 12 + month − 1. */
const monthIndex = (day: string) => `(YEAR(${day})*MonthsPerYear+MONTH(${day})-1)`;
/** The rate of contract year c: ROUND(payment × (1 + escalation)^c, 2), as the core's periodRate. */
const rateOf = (row: RowRefs, year: string, amount = "DealPayment") => `ROUND(${row.at(amount)}*(1+${row.at("DealEscalation")})^(${year}),2)`;
/** What a ramp period pays beyond (or below) the payment's rate in contract year c. */
const rampDeltaOf = (row: RowRefs, year: string) => `(${rateOf(row, year, "DealRampAmount")}-${rateOf(row, year)})`;
type RateOf = (row: RowRefs, year: string) => string;

/** Per deal: exit, the last period of each reading, and where it pays. */
export function dealCalcBlock(): Block<DealCalcName> {
  const m = (row: RowRefs) => row.at("DealMonths");
  const start = (row: RowRefs) => row.at("DealStart");
  /** The index of the last period starting on or before a day (−1 if none): Klast(D). */
  const lastPeriod = (row: RowRefs, day: string) => {
    const whole = `INT((${monthIndex(day)}-${monthIndex(start(row))})/${m(row)})`;
    return `${whole}-(EDATE(${start(row)},${whole}*${m(row)})>${day})`;
  };
  const reading = (r: Reading): SeriesColumn<DealCalcName>[] => {
    // Headline: service to the end (cut-off end + 1); committed: to the exit.
    const cutoff = (row: RowRefs) => (r === "H" ? `${row.at("DealEnd")}+1` : row.at("DealExit"));
    return [
      {
        name: `DealLast${r}`,
        header: r === "H" ? "Last period (headline)" : "Last period (committed)",
        numberFormat: FORMATS.integer,
        formula: (row) => `IF(${row.at("DealModelled")}=1,${lastPeriod(row, `(${cutoff(row)}-1)`)},-1)`,
      },
      {
        name: `DealLastStart${r}`,
        header: `Its start (${r === "H" ? "headline" : "committed"})`,
        numberFormat: FORMATS.date,
        formula: (row) => `IF(${row.at(`DealLast${r}`)}>=0,EDATE(${start(row)},${row.at(`DealLast${r}`)}*${m(row)}),0)`,
      },
      {
        name: `DealLastNext${r}`,
        header: "Next period's start",
        numberFormat: FORMATS.date,
        formula: (row) => `IF(${row.at(`DealLast${r}`)}>=0,EDATE(${start(row)},(${row.at(`DealLast${r}`)}+1)*${m(row)}),0)`,
      },
      {
        name: `DealServed${r}`,
        header: "Its last day served",
        numberFormat: FORMATS.date,
        formula: (row) => `MIN(${row.at(`DealLastNext${r}`)}-1,${row.at("DealEnd")},${cutoff(row)}-1)`,
      },
      {
        name: `DealLastRate${r}`,
        header: "Its rate",
        numberFormat: FORMATS.money,
        formula: (row) => {
          const year = `INT(${row.at(`DealLast${r}`)}/${row.at("DealPerYear")})`;
          return `IF(${row.at(`DealLastStart${r}`)}<=${row.at("DealRampUntil")},${rateOf(row, year, "DealRampAmount")},${rateOf(row, year)})`;
        },
      },
      {
        name: `DealLastAmount${r}`,
        header: "It pays",
        numberFormat: FORMATS.money,
        formula: (row) => {
          const rate = row.at(`DealLastRate${r}`);
          const next = row.at(`DealLastNext${r}`);
          const from = row.at(`DealLastStart${r}`);
          const served = row.at(`DealServed${r}`);
          return `IF(${row.at(`DealLast${r}`)}<0,0,IF(AND(${row.at("DealActual")}=1,${served}<${next}-1),${proRata(rate, `${served}-${from}+1`, `(${next}-${from})`)},${rate}))`;
        },
      },
      {
        name: `DealLastPay${r}`,
        header: "Its payment date",
        numberFormat: FORMATS.date,
        formula: (row) => {
          // Paid on its start in advance; in arrears on its last day (the last day served when cut short
          // with actual-days proration, else the period's own last day).
          const periodEnd = `MIN(${row.at(`DealLastNext${r}`)}-1,${row.at("DealEnd")})`;
          const pay = `IF(${row.at("DealAdvance")}=1,${row.at(`DealLastStart${r}`)},IF(${row.at("DealActual")}=1,${row.at(`DealServed${r}`)},${periodEnd}))`;
          return `IF(${row.at(`DealLast${r}`)}<0,0,${pay})`;
        },
      },
      {
        name: `DealLastCounts${r}`,
        header: "Paid after the as-of day (1)",
        numberFormat: FORMATS.integer,
        formula: (row) => `IF(AND(${row.at(`DealLast${r}`)}>=0,${row.at(`DealLastPay${r}`)}>${row.at("DealAsOf")}),1,0)`,
      },
      {
        name: `DealLastYear${r}`,
        header: "In fiscal year",
        numberFormat: FORMATS.integer,
        formula: (row) => `IF(${row.at(`DealLast${r}`)}<0,0,${fiscalYearOf(row.at(`DealLastPay${r}`))})`,
      },
      {
        // Regular periods k < last that pay the ramp amount: those starting on or before its last day (k ≤ DealRampLast).
        name: `DealRampPeriods${r}`,
        header: "Regular periods at the ramp amount",
        numberFormat: FORMATS.integer,
        formula: (row) => `MIN(${row.at(`DealLast${r}`)},${row.at("DealRampLast")}+1)`,
      },
    ];
  };
  return {
    id: "portfolio-calc",
    title: "DEAL CALCULATIONS",
    reads: [
      "YearEndMonth", "MonthsPerYear", "DealStatus", "DealMonths", "DealStart", "DealEnd", "DealPayment", "DealEscalation", "DealAdvance", "DealActual",
      "DealLockInEnd", "DealNoticeDays", "DealNoticeInLockIn", "DealNoticeGiven", "DealRampAmount", "DealRampUntil", "AsOfDay", "DealFee",
    ],
    series: [
      { name: "DealModelled", header: "Modelled", numberFormat: FORMATS.integer, formula: (row) => `IF(${row.at("DealStatus")}="${STATUS_OK}",1,0)` },
      { name: "DealPerYear", header: "Periods a year", numberFormat: FORMATS.integer, formula: (row) => `IF(${row.at("DealModelled")}=1,MonthsPerYear/${m(row)},1)` },
      {
        // At the close of this day: the as-of day, or the day before the start (every payment counts).
        name: "DealAsOf",
        header: "Counted after the close of",
        numberFormat: FORMATS.date,
        formula: (row) => `IF(${row.at("DealModelled")}=1,MAX(AsOfDay,${start(row)}-1),0)`,
      },
      {
        // In advance period k pays on its start, so periods starting by the as-of day are paid; in arrears
        // on the day before period k + 1 starts, so period k is paid when period k + 1 starts by the next day.
        name: "DealPaidBy",
        header: "Periods starting by this day are paid (advance) or follow the last paid (arrears)",
        numberFormat: FORMATS.date,
        formula: (row) => `${row.at("DealAsOf")}+1-${row.at("DealAdvance")}`,
      },
      {
        // Periods paid on or before the as-of day: k < this.
        name: "DealFirstCounted",
        header: "First period paid after it",
        numberFormat: FORMATS.integer,
        formula: (row) => `IF(${row.at("DealModelled")}=1,MAX(0,${lastPeriod(row, row.at("DealPaidBy"))}+${row.at("DealAdvance")}),0)`,
      },
      {
        // A given notice date stands; otherwise the earliest permitted day, or the day after the as-of day if later.
        name: "DealNotice",
        header: "Notice served",
        numberFormat: FORMATS.date,
        formula: (row) =>
          `IF(${row.at("DealNoticeGiven")}>0,${row.at("DealNoticeGiven")},MAX(IF(${row.at("DealNoticeInLockIn")}=1,${start(row)},${row.at("DealLockInEnd")}),${row.at("DealAsOf")}+1))`,
      },
      {
        name: "DealExit",
        header: "Exit (first day without service)",
        numberFormat: FORMATS.date,
        formula: (row) => `MIN(MAX(${row.at("DealNotice")}+${row.at("DealNoticeDays")},${row.at("DealLockInEnd")}),${row.at("DealEnd")}+1)`,
      },
      {
        name: "DealEarly",
        header: "Early exit",
        numberFormat: FORMATS.integer,
        formula: (row) => `IF(AND(${row.at("DealModelled")}=1,${row.at("DealExit")}<=${row.at("DealEnd")}),1,0)`,
      },
      { name: "DealFeeYear", header: "Fee's fiscal year", numberFormat: FORMATS.integer, formula: (row) => `IF(${row.at("DealModelled")}=1,${fiscalYearOf(row.at("DealExit"))},0)` },
      {
        // Due on the exit date: counted when that is after the as-of day.
        name: "DealFeeCounted",
        header: "Fee counted",
        numberFormat: FORMATS.money,
        formula: (row) => `IF(AND(${row.at("DealEarly")}=1,${row.at("DealExit")}>${row.at("DealAsOf")}),${row.at("DealFee")},0)`,
      },
      {
        name: "DealRunDay",
        header: "Run-rate on (the as-of day, or the start)",
        numberFormat: FORMATS.date,
        formula: (row) => `IF(AsOfDay=0,${start(row)},AsOfDay)`,
      },
      {
        // The period in force on that day; -1 outside the term.
        name: "DealRunPeriod",
        header: "Period in force on it",
        numberFormat: FORMATS.integer,
        formula: (row) => {
          const day = row.at("DealRunDay");
          return `IF(AND(${row.at("DealModelled")}=1,${day}>=${start(row)},${day}<=${row.at("DealEnd")}),${lastPeriod(row, day)},-1)`;
        },
      },
      {
        name: "DealBase",
        header: "Month index of period 0's payment",
        numberFormat: FORMATS.integer,
        formula: (row) => `${monthIndex(start(row))}+IF(${row.at("DealAdvance")}=1,0,${m(row)}-(DAY(${start(row)})=1))`,
      },
      {
        name: "DealRampLast",
        header: "Last period at the ramp amount",
        numberFormat: FORMATS.integer,
        formula: (row) => `IF(AND(${row.at("DealModelled")}=1,${row.at("DealRampUntil")}>0),MAX(-1,${lastPeriod(row, row.at("DealRampUntil"))}),-1)`,
      },
      ...reading("H"),
      ...reading("C"),
    ],
  };
}

export type ContractYearName = "ContractYears";

/**
 * The contract years 0 … n − 1 the per-deal totals sum over (a SUMPRODUCT over this column).
 *
 * @example
 * contractYearsBlock(ctx).list!.rows.length // ctx.contractYears
 */
export function contractYearsBlock(ctx: PortfolioContext): Block<ContractYearName> {
  const rows: ListRow<ContractYearName>[] = Array.from({ length: ctx.contractYears }, (_, c) => ({
    label: c === 0 ? "Contract years counted from each deal's start" : "",
    cells: [{ value: c, numberFormat: FORMATS.integer, style: "constant" }],
  }));
  return {
    id: "portfolio-contract-years",
    title: "CONTRACT YEARS (fixed)",
    list: { header: ["Year"], rows, ranges: [{ name: "ContractYears", fromRow: 0, toRow: ctx.contractYears - 1, fromCell: 0, toCell: 0 }] },
    reads: [],
  };
}

/** A figure of a row beyond the data (no deal: blank or a total row) shows empty, not 0; a row not modelled shows 0. */
const onDealRow = (row: RowRefs, formula: string) => `IF(${row.at("DealStatus")}="","",${formula})`;

export type DealFigureName =
  | "DealCounterparty"
  | `DealRegular${Reading}`
  | `DealRampExtra${Reading}`
  | `DealRegularBefore${Reading}`
  | `DealRampBefore${Reading}`
  | "DealHeadline"
  | "DealCommitted"
  | "DealExpected"
  | "DealExitDate"
  | "DealRunRate"
  | "DealShare"
  | "DealKey"
  | "DealGroupHeadline"
  | "DealGroupCommitted"
  | "DealGridGap";

/** Per deal: the figures of DEAL.PORTFOLIO, and what concentration and the checks need. */
export function dealFiguresBlock(ctx: PortfolioContext, years: readonly number[]): Block<DealFigureName> {
  const cp = ctx.source.columns.counterparty!;
  /** Σ over regular periods k < K of the rate of contract year INT(k / n): n periods a contract year. */
  const regularTotal = (row: RowRefs, last: string, rate: RateOf = rateOf) => {
    const n = row.at("DealPerYear");
    const x = `(${last}-ContractYears*${n})`;
    return `SUMPRODUCT(${rate(row, "ContractYears")}*((${x}>0)*(${x}<${n})*${x}+(${x}>=${n})*${n}))`;
  };
  const gridSum = (prefix: string, row: RowRefs) => `SUM(${row.at(`${prefix}${years[0]}`)}:${row.at(`${prefix}${years[years.length - 1]}`)})`;
  const totals = (r: Reading): SeriesColumn<DealFigureName>[] => [
    {
      name: `DealRegular${r}`,
      header: `Regular periods (${r === "H" ? "headline" : "committed"})`,
      numberFormat: FORMATS.money,
      formula: (row) => regularTotal(row, row.at(`DealLast${r}`)),
    },
    {
      name: `DealRampExtra${r}`,
      header: "Ramp beyond the payment",
      numberFormat: FORMATS.money,
      formula: (row) => regularTotal(row, row.at(`DealRampPeriods${r}`), rampDeltaOf),
    },
    {
      // The periods paid on or before the as-of day (k < DealFirstCounted) are left out.
      name: `DealRegularBefore${r}`,
      header: "Of which paid by the as-of day",
      numberFormat: FORMATS.money,
      formula: (row) => regularTotal(row, `MIN(${row.at("DealFirstCounted")},${row.at(`DealLast${r}`)})`),
    },
    {
      name: `DealRampBefore${r}`,
      header: "Ramp part paid by the as-of day",
      numberFormat: FORMATS.money,
      formula: (row) => regularTotal(row, `MIN(${row.at("DealFirstCounted")},${row.at(`DealRampPeriods${r}`)})`, rampDeltaOf),
    },
  ];
  /** A reading's total after the as-of day: regular and ramp periods less those paid by then, and the last period if paid after. */
  const counted = (row: RowRefs, r: Reading) =>
    `${row.at(`DealRegular${r}`)}-${row.at(`DealRegularBefore${r}`)}+${row.at(`DealRampExtra${r}`)}-${row.at(`DealRampBefore${r}`)}+${row.at(`DealLastCounts${r}`)}*${row.at(`DealLastAmount${r}`)}`;
  return {
    id: "portfolio-deals",
    title: "DEALS",
    reads: [
      "DealModelled", "DealPayment", "DealEscalation", "DealPerYear", "DealLastH", "DealLastC", "DealLastAmountH", "DealLastAmountC",
      "DealFeeCounted", "DealExit", "DealMonths", "DealStart", "DealEnd", "TotalHeadline", "DealStatus", "DealRampAmount", "DealRampUntil",
      "DealRampPeriodsH", "DealRampPeriodsC", "ContractYears", "DealFirstCounted", "DealLastCountsH", "DealLastCountsC", "DealRunPeriod", "DealExpectedNote",
      ...years.flatMap((y) => [`HeadlineFY${y}`, `CommittedFY${y}`, `ExpectedFY${y}`]),
    ],
    series: [
      { name: "DealCounterparty", header: "Counterparty", formula: (row) => `TRIM(INDEX(${registerColumnRange(ctx.source, cp)},${row.index})&"")` },
      ...totals("H"),
      ...totals("C"),
      {
        name: "DealHeadline",
        header: "Headline",
        numberFormat: FORMATS.money,
        formula: (row) => onDealRow(row, `IF(${row.at("DealModelled")}=1,${counted(row, "H")},0)`),
      },
      {
        name: "DealCommitted",
        header: "Committed",
        numberFormat: FORMATS.money,
        formula: (row) => onDealRow(row, `IF(${row.at("DealModelled")}=1,${counted(row, "C")}+${row.at("DealFeeCounted")},0)`),
      },
      {
        // Its years added up, or why not: a row whose expected needs the add-in says so.
        name: "DealExpected",
        header: "Expected",
        numberFormat: FORMATS.money,
        formula: (row) => onDealRow(row, `IF(${row.at("DealExpectedNote")}<>"",${row.at("DealExpectedNote")},${gridSum("ExpectedFY", row)})`),
      },
      { name: "DealExitDate", header: "Exit date", numberFormat: FORMATS.date, formula: (row) => `IF(${row.at("DealModelled")}=1,${row.at("DealExit")},"")` },
      {
        name: "DealRunRate",
        header: "Run-rate",
        numberFormat: FORMATS.money,
        // The rate in force on the as-of day (the start when blank) × periods a year: the ramp amount if
        // that period starts on or before the ramp's last day; 0 outside the term (as RUN_RATE).
        formula: (row) => {
          const k = row.at("DealRunPeriod");
          const year = `INT(${k}/${row.at("DealPerYear")})`;
          const periodStart = `EDATE(${row.at("DealStart")},${k}*${row.at("DealMonths")})`;
          return onDealRow(row, `IF(${k}<0,0,IF(${periodStart}<=${row.at("DealRampUntil")},${rateOf(row, year, "DealRampAmount")},${rateOf(row, year)})*${row.at("DealPerYear")})`);
        },
      },
      {
        name: "DealShare",
        header: "Share of headline",
        numberFormat: FORMATS.percent,
        formula: (row) => onDealRow(row, `IF(TotalHeadline=0,0,${row.at("DealHeadline")}/TotalHeadline)`),
      },
      { name: "DealKey", header: "Counterparty key", formula: (row) => `LOWER(${row.at("DealCounterparty")})` },
      {
        name: "DealGroupHeadline",
        header: "Counterparty's headline",
        numberFormat: FORMATS.money,
        // Comma-separated arrays: SUMPRODUCT takes the empty text of rows beyond the data as 0.
        formula: (row) => onDealRow(row, `IF(${row.at("DealModelled")}=1,SUMPRODUCT((DealKey=${row.at("DealKey")})*1,DealHeadline),0)`),
      },
      {
        name: "DealGroupCommitted",
        header: "Counterparty's committed",
        numberFormat: FORMATS.money,
        formula: (row) => onDealRow(row, `IF(${row.at("DealModelled")}=1,SUMPRODUCT((DealKey=${row.at("DealKey")})*1,DealCommitted),0)`),
      },
      {
        name: "DealGridGap",
        header: "Years ≠ total (should be 0)",
        numberFormat: FORMATS.money,
        formula: (row) =>
          onDealRow(row, `ABS(${gridSum("HeadlineFY", row)}-${row.at("DealHeadline")})+ABS(${gridSum("CommittedFY", row)}-${row.at("DealCommitted")})`),
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Fiscal years
// ---------------------------------------------------------------------------------------------

export type FiscalYearName =
  | "FiscalYears"
  | "FiscalFirstMonths"
  | "FiscalLastMonths"
  | "FiscalLastDays"
  | `FiscalYear${number}`
  | `FirstMonthFY${number}`
  | `LastMonthFY${number}`
  | `LastDayFY${number}`;

/**
 * The fiscal years of the year columns, with the month indexes (year × 12 + month − 1) of their first
 * and last months.
 *
 * @example
 * fiscalYearsBlock([2026]).list!.rows[0].names // FiscalYear2026, FirstMonthFY2026, LastMonthFY2026
 */
export function fiscalYearsBlock(years: readonly number[]): Block<FiscalYearName> {
  const rows: ListRow<FiscalYearName>[] = years.map((year) => ({
    label: "",
    cells: [
      { value: year, numberFormat: FORMATS.integer, style: "constant" },
      { formulaAt: (at) => `${at("FiscalYears")}*MonthsPerYear+YearEndMonth-MonthsPerYear`, numberFormat: FORMATS.integer, style: "output" },
      { formulaAt: (at) => `${at("FiscalYears")}*MonthsPerYear+YearEndMonth-1`, numberFormat: FORMATS.integer, style: "output" },
      // Day 0 of the month after the year-end month: the year's last day.
      { formulaAt: (at) => `DATE(${at("FiscalYears")},YearEndMonth+1,0)`, numberFormat: FORMATS.date, style: "output" },
    ],
    names: [
      { name: `FiscalYear${year}`, cell: 0 },
      { name: `FirstMonthFY${year}`, cell: 1 },
      { name: `LastMonthFY${year}`, cell: 2 },
      { name: `LastDayFY${year}`, cell: 3 },
    ],
  }));
  const last = years.length - 1;
  return {
    id: "portfolio-fiscal-years",
    title: "FISCAL YEARS",
    list: {
      header: ["Year", "First month index", "Last month index", "Last day"],
      rows,
      ranges: [
        { name: "FiscalYears", fromRow: 0, toRow: last, fromCell: 0, toCell: 0 },
        { name: "FiscalFirstMonths", fromRow: 0, toRow: last, fromCell: 1, toCell: 1 },
        { name: "FiscalLastMonths", fromRow: 0, toRow: last, fromCell: 2, toCell: 2 },
        { name: "FiscalLastDays", fromRow: 0, toRow: last, fromCell: 3, toCell: 3 },
      ],
    },
    reads: ["MonthsPerYear", "YearEndMonth"],
  };
}

export type YearRunName = `FirstPaidFY${number}` | `LastPaidFY${number}` | `ContractYearFY${number}`;

/**
 * Per deal and fiscal year, the run of regular periods paying in it: the first period k1 paying in or
 * after its first month, the last period paying by its last month (before any reading's last period),
 * and the contract year of k1 — the run spans that contract year and perhaps the next.
 *
 * @example
 * yearRunBlock("FirstPaidFY", [2026]).series![0].name // "FirstPaidFY2026"
 */
export function yearRunBlock(prefix: "FirstPaidFY" | "LastPaidFY" | "ContractYearFY", years: readonly number[]): Block<YearRunName> {
  const titles = {
    FirstPaidFY: "FIRST REGULAR PERIOD PAYING IN THE FISCAL YEAR",
    LastPaidFY: "LAST PERIOD PAYING BY THE FISCAL YEAR'S END",
    ContractYearFY: "CONTRACT YEAR OF THE FIRST PERIOD PAYING IN IT",
  };
  const formula = (row: RowRefs, year: number) => {
    const base = row.at("DealBase");
    const m = row.at("DealMonths");
    // No earlier than the first period paid after the as-of day.
    if (prefix === "FirstPaidFY") return `IF(${row.at("DealModelled")}=1,MAX(${row.at("DealFirstCounted")},-INT((${base}-FirstMonthFY${year})/${m})),0)`;
    if (prefix === "LastPaidFY") return `IF(${row.at("DealModelled")}=1,INT((LastMonthFY${year}-${base})/${m}),-1)`;
    return `INT(${row.at(`FirstPaidFY${year}`)}/${row.at("DealPerYear")})`;
  };
  return {
    id: `portfolio-${prefix}`,
    title: titles[prefix],
    reads: [
      "DealModelled", "DealBase", "DealMonths", "DealPerYear", "DealFirstCounted",
      ...years.flatMap((y) => (prefix === "ContractYearFY" ? [`FirstPaidFY${y}`] : [`${prefix === "FirstPaidFY" ? "FirstMonthFY" : "LastMonthFY"}${y}`])),
    ],
    series: years.map((year) => ({ name: `${prefix}${year}` as YearRunName, header: `FY${year}`, numberFormat: FORMATS.integer, formula: (row: RowRefs) => formula(row, year) })),
  };
}

/**
 * Payments of the regular periods k1 … k2 of a fiscal year, k2 = MIN(last − 1, the last paying by its
 * end): those of contract year c at its rate, those of c + 1 at the next.
 */
function regularInYear(row: RowRefs, year: number, last: string, rate: RateOf = rateOf): string {
  const n = row.at("DealPerYear");
  const k1 = row.at(`FirstPaidFY${year}`);
  const k2 = `MIN(${last}-1,${row.at(`LastPaidFY${year}`)})`;
  const c = row.at(`ContractYearFY${year}`);
  const split = `(${c}+1)*${n}`;
  return `${rate(row, c)}*MAX(0,MIN(${k2},${split}-1)-${k1}+1)+${rate(row, `${c}+1`)}*MAX(0,${k2}-${split}+1)`;
}

export type YearPartName = `${"Headline" | "Committed"}${"Regular" | "Ramp"}FY${number}`;

/** Per fiscal year, one reading's regular payments, or the ramp's difference over the periods at the ramp amount. */
export function yearPartBlock(reading: Reading, part: "Regular" | "Ramp", years: readonly number[]): Block<YearPartName> {
  const prefix = `${reading === "H" ? "Headline" : "Committed"}${part}FY`;
  const what = reading === "H" ? "HEADLINE" : "COMMITTED";
  return {
    id: `portfolio-${prefix}`,
    title: part === "Regular" ? `${what}: REGULAR PERIODS BY FISCAL YEAR` : `${what}: RAMP BEYOND THE PAYMENT BY FISCAL YEAR`,
    reads: [
      "DealModelled", "DealPerYear", "DealPayment", "DealEscalation", "DealRampAmount", "DealRampLast", `DealLast${reading}`, `DealRampPeriods${reading}`,
      ...years.flatMap((y) => [`FirstPaidFY${y}`, `LastPaidFY${y}`, `ContractYearFY${y}`]),
    ],
    series: years.map((year) => ({
      name: `${prefix}${year}` as YearPartName,
      header: `FY${year}`,
      numberFormat: FORMATS.money,
      formula: (row: RowRefs) =>
        part === "Regular"
          ? `IF(${row.at("DealModelled")}=1,${regularInYear(row, year, row.at(`DealLast${reading}`))},0)`
          : `IF(AND(${row.at("DealModelled")}=1,${row.at("DealRampLast")}>=0),${regularInYear(row, year, row.at(`DealRampPeriods${reading}`), rampDeltaOf)},0)`,
    })),
  };
}

export type YearGridName = `HeadlineFY${number}` | `CommittedFY${number}`;

/** One column per fiscal year: each deal's headline (or committed) payments due in it. */
export function yearGridBlock(reading: Reading, years: readonly number[]): Block<YearGridName> {
  const prefix = reading === "H" ? "HeadlineFY" : "CommittedFY";
  const parts = reading === "H" ? "Headline" : "Committed";
  return {
    id: `portfolio-${prefix}`,
    title: reading === "H" ? "HEADLINE BY FISCAL YEAR" : "COMMITTED BY FISCAL YEAR",
    reads: [
      "DealModelled", `DealLastAmount${reading}`, `DealLastYear${reading}`,
      `DealLastCounts${reading}`, "DealStatus",
      ...(reading === "C" ? ["DealFeeYear", "DealFeeCounted"] : []),
      ...years.flatMap((y) => [`${parts}RegularFY${y}`, `${parts}RampFY${y}`, `FiscalYear${y}`]),
    ],
    series: years.map((year) => ({
      name: `${prefix}${year}` as YearGridName,
      header: `FY${year}`,
      numberFormat: FORMATS.money,
      formula: (row: RowRefs) => {
        const fee = reading === "C" ? `+(${row.at("DealFeeYear")}=FiscalYear${year})*${row.at("DealFeeCounted")}` : "";
        const lastPart = `(${row.at(`DealLastYear${reading}`)}=FiscalYear${year})*${row.at(`DealLastCounts${reading}`)}*${row.at(`DealLastAmount${reading}`)}`;
        return `IF(${row.at("DealStatus")}="","",IF(${row.at("DealModelled")}=1,${row.at(`${parts}RegularFY${year}`)}+${row.at(`${parts}RampFY${year}`)}+${lastPart}${fee},0))`;
      },
    })),
  };
}

export type PortfolioSummaryName =
  | "AsOfDate"
  | "AsOfDay"
  | "BacklogBasis"
  | "YearEndMonth"
  | "DealCount"
  | "RowsNotModelled"
  | "RowsSkipped"
  | "DealsWithoutTerms"
  | "RowsExpectedNeedAddin"
  | "TotalHeadline"
  | "TotalCommitted"
  | "TotalRunRate"
  | "TotalExpected";

export function portfolioSummaryBlock(ctx: PortfolioContext): Block<PortfolioSummaryName> {
  const rows: ListRow<PortfolioSummaryName>[] = [
    {
      // The close of the day (docs/conventions.md#as-of-a-date): payments due after it count, notice is served the next day at the earliest.
      label: "As of the close of (blank: every payment, from each deal's start)",
      cells: [ctx.asOf == null ? { value: null, numberFormat: FORMATS.date, style: "input" } : { value: ctx.asOf, isDate: true, numberFormat: FORMATS.date, style: "input" }],
      names: [{ name: "AsOfDate", cell: 0 }],
    },
    {
      label: "As-of day used (0: none)",
      cells: [{ formula: "IF(ISNUMBER(AsOfDate),INT(AsOfDate),0)", numberFormat: FORMATS.integer, style: "output" }],
      names: [{ name: "AsOfDay", cell: 0 }],
    },
    {
      label: "Year columns count payments by payment date",
      cells: [{ value: "payments", style: "constant" }],
      names: [{ name: "BacklogBasis", cell: 0 }],
    },
    {
      label: "Fiscal year ends in month (1–12)",
      cells: [{ value: ctx.yearEndMonth, numberFormat: FORMATS.integer, style: "input" }],
      names: [{ name: "YearEndMonth", cell: 0 }],
    },
    { label: "Deals modelled", cells: [{ formula: "SUM(DealModelled)", numberFormat: FORMATS.count, style: "output" }], names: [{ name: "DealCount", cell: 0 }] },
    {
      label: "Rows the formulas cannot model (see Status)",
      cells: [{ formula: `SUMPRODUCT((DealStatus<>"${STATUS_OK}")*(DealStatus<>""))`, numberFormat: FORMATS.count, style: "output" }],
      names: [{ name: "RowsNotModelled", cell: 0 }],
    },
    {
      label: "Total rows skipped (no deal: a total, or no dates)",
      cells: [{ formula: "SUM(DealSkipped)", numberFormat: FORMATS.count, style: "output" }],
      names: [{ name: "RowsSkipped", cell: 0 }],
    },
    {
      label: "Deals without termination terms: no early exit (committed = headline)",
      cells: [{ formula: "SUMPRODUCT((DealTermsGiven=0)*1)", numberFormat: FORMATS.count, style: "output" }],
      names: [{ name: "DealsWithoutTerms", cell: 0 }],
    },
    {
      label: "Rows whose expected needs the add-in (see Expected note by the deals)",
      cells: [{ formula: `SUMPRODUCT((DealExpectedNote<>"")*1)`, numberFormat: FORMATS.count, style: "output" }],
      names: [{ name: "RowsExpectedNeedAddin", cell: 0 }],
    },
    { label: "Headline", cells: [{ formula: "SUM(DealHeadline)", numberFormat: FORMATS.money, style: "output" }], names: [{ name: "TotalHeadline", cell: 0 }] },
    { label: "Committed", cells: [{ formula: "SUM(DealCommitted)", numberFormat: FORMATS.money, style: "output" }], names: [{ name: "TotalCommitted", cell: 0 }] },
    { label: "Run-rate (in force on the as-of day; blank: at each deal's start)", cells: [{ formula: "SUM(DealRunRate)", numberFormat: FORMATS.money, style: "output" }], names: [{ name: "TotalRunRate", cell: 0 }] },
    {
      label: "Expected (native; from DEAL.BACKLOG only if a row needs the add-in)",
      cells: [
        {
          formula: `IF(ISNUMBER(INDEX(BacklogExpected,1)),SUM(BacklogExpected),"${ctx.expectedFromFunctions ? NO_ADDIN : EXPECTED_BY_HAND}")`,
          numberFormat: FORMATS.money,
          style: "output",
        },
      ],
      names: [{ name: "TotalExpected", cell: 0 }],
    },
  ];
  return { id: "portfolio-summary", title: "PORTFOLIO", list: { header: ["Value"], rows }, reads: ["AsOfDate", "DealSkipped", "DealModelled", "DealStatus", "DealTermsGiven", "DealExpectedNote", "DealHeadline", "DealCommitted", "DealRunRate", "BacklogExpected"] };
}

export type BacklogName =
  | "BacklogYear"
  | "BacklogHeadline"
  | "BacklogCommitted"
  | "BacklogExpected"
  | "BacklogTotalHeadline"
  | "BacklogTotalCommitted";

/**
 * The backlog by fiscal year, by payment date: the year columns added up; Expected too, unless a row
 * needs the add-in for it (then from DEAL.BACKLOG, "add-in not loaded" without it).
 */
export function backlogBlock(ctx: PortfolioContext, years: readonly number[]): Block<BacklogName> {
  const register = registerRange(ctx.source);
  const backlog = `DEAL.BACKLOG(${register},AsOfDate,YearEndMonth,BacklogBasis)`;
  const rows: ListRow<BacklogName>[] = years.map((year) => ({
    label: "",
    cells: [
      { value: year, numberFormat: FORMATS.integer, style: "constant" },
      { formula: `SUM(HeadlineFY${year})`, numberFormat: FORMATS.money, style: "output" },
      { formula: `SUM(CommittedFY${year})`, numberFormat: FORMATS.money, style: "output" },
      {
        formula: `IF(RowsExpectedNeedAddin=0,SUM(ExpectedFY${year}),${
          ctx.expectedFromFunctions ? `IFERROR(VLOOKUP(${year},${backlog},4,FALSE),IF(ISERROR(${backlog}),"${NO_ADDIN}",0))` : `"${EXPECTED_BY_HAND}"`
        })`,
        numberFormat: FORMATS.money,
        style: "output",
      },
    ],
  }));
  rows.push({
    label: "Total",
    labelStyle: "label",
    cells: [
      {},
      { formula: "SUM(BacklogHeadline)", numberFormat: FORMATS.money, style: "output" },
      { formula: "SUM(BacklogCommitted)", numberFormat: FORMATS.money, style: "output" },
    ],
    names: [
      { name: "BacklogTotalHeadline", cell: 1 },
      { name: "BacklogTotalCommitted", cell: 2 },
    ],
  });
  const last = years.length - 1;
  return {
    id: "portfolio-backlog",
    title: "BACKLOG BY FISCAL YEAR (by payment date)",
    list: {
      header: ["Year", "Headline", "Committed", "Expected"],
      rows,
      ranges: [
        { name: "BacklogYear", fromRow: 0, toRow: last, fromCell: 0, toCell: 0 },
        { name: "BacklogHeadline", fromRow: 0, toRow: last, fromCell: 1, toCell: 1 },
        { name: "BacklogCommitted", fromRow: 0, toRow: last, fromCell: 2, toCell: 2 },
        { name: "BacklogExpected", fromRow: 0, toRow: last, fromCell: 3, toCell: 3 },
      ],
    },
    reads: ["YearEndMonth", "AsOfDate", "BacklogBasis", "RowsExpectedNeedAddin", ...years.flatMap((y) => [`HeadlineFY${y}`, `CommittedFY${y}`, `ExpectedFY${y}`])],
  };
}

export type RevenueBacklogName = "RevenueBasis" | "RevenueYear" | "RevenueHeadline" | "RevenueCommitted" | "RevenueExpected";

/**
 * The backlog on the revenue basis (each period's amount straight line over its days of service,
 * DEAL.BACKLOG's default): from DEAL.BACKLOG, so it needs the add-in ("add-in not loaded" without it).
 * The year columns above are by payment date; over the whole term both add up to the same totals.
 */
export function revenueBacklogBlock(ctx: PortfolioContext, years: readonly number[]): Block<RevenueBacklogName> {
  const call = `DEAL.BACKLOG(${registerRange(ctx.source)},AsOfDate,YearEndMonth,RevenueBasis)`;
  const lookup = (year: number, column: number): ListCell<RevenueBacklogName> =>
    ctx.expectedFromFunctions
      ? { formula: `IFERROR(VLOOKUP(${year},${call},${column},FALSE),IF(ISERROR(${call}),"${NO_ADDIN}",0))`, numberFormat: FORMATS.money, style: "output" }
      : { value: EXPECTED_BY_HAND, style: "note" };
  const rows: ListRow<RevenueBacklogName>[] = [
    { label: "Basis", cells: [{ value: "revenue", style: "constant" }], names: [{ name: "RevenueBasis", cell: 0 }] },
    ...years.map((year) => ({
      label: "",
      cells: [{ value: year, numberFormat: FORMATS.integer, style: "constant" as const }, lookup(year, 2), lookup(year, 3), lookup(year, 4)],
    })),
  ];
  const first = 1;
  const last = years.length;
  return {
    id: "portfolio-revenue",
    title: "BACKLOG BY REVENUE (DEAL.BACKLOG, needs the add-in)",
    list: {
      header: ["Year", "Headline", "Committed", "Expected"],
      rows,
      ranges: [
        { name: "RevenueYear", fromRow: first, toRow: last, fromCell: 0, toCell: 0 },
        { name: "RevenueHeadline", fromRow: first, toRow: last, fromCell: 1, toCell: 1 },
        { name: "RevenueCommitted", fromRow: first, toRow: last, fromCell: 2, toCell: 2 },
        { name: "RevenueExpected", fromRow: first, toRow: last, fromCell: 3, toCell: 3 },
      ],
    },
    reads: ["AsOfDate", "YearEndMonth"],
  };
}

export type ConcentrationName =
  | "LargestByHeadline"
  | "LargestHeadline"
  | "LargestHeadlineShare"
  | "LargestByCommitted"
  | "LargestCommitted"
  | "LargestCommittedShare";

export function concentrationBlock(): Block<ConcentrationName> {
  const largest = (group: string, total: string): ListRow<ConcentrationName>["cells"] => [
    { formula: `IF(MAX(${group})=0,"",INDEX(DealCounterparty,MATCH(MAX(${group}),${group},0)))`, style: "output" },
    { formula: `MAX(${group})`, numberFormat: FORMATS.money, style: "output" },
    { formula: `IF(${total}=0,0,MAX(${group})/${total})`, numberFormat: FORMATS.percent, style: "output" },
  ];
  return {
    id: "portfolio-concentration",
    title: "CONCENTRATION",
    list: {
      header: ["Counterparty", "Amount", "Share"],
      rows: [
        {
          label: "Largest by headline",
          cells: largest("DealGroupHeadline", "TotalHeadline"),
          names: [
            { name: "LargestByHeadline", cell: 0 },
            { name: "LargestHeadline", cell: 1 },
            { name: "LargestHeadlineShare", cell: 2 },
          ],
        },
        {
          label: "Largest by committed",
          cells: largest("DealGroupCommitted", "TotalCommitted"),
          names: [
            { name: "LargestByCommitted", cell: 0 },
            { name: "LargestCommitted", cell: 1 },
            { name: "LargestCommittedShare", cell: 2 },
          ],
        },
      ],
    },
    reads: ["DealGroupHeadline", "DealGroupCommitted", "DealCounterparty", "TotalHeadline", "TotalCommitted"],
  };
}

export type PortfolioCheckName = "HeadlineTies" | "CommittedTies" | "YearsCoverDeals" | "AllRowsModelled" | "ColumnsAllRead" | "ExpectedNative" | "AllChecks";

export type RegisterColumnsName = "LookalikeColumns";

/**
 * What the register reading used: each column of the header, the field it gives or "ignored", and
 * for an ignored column that looks like a known field (it shares a word with one of the field's
 * headers: "Termination notice"), which — counted, so that a check fails rather than a figure
 * silently leaving out a term the user gave.
 */
export function registerColumnsBlock(ctx: PortfolioContext): Block<RegisterColumnsName> {
  const read = ctx.source.read ?? [];
  const rows: ListRow<RegisterColumnsName>[] = read.map((c) => ({
    label: c.header,
    cells: [
      { value: c.reads },
      { value: c.lookalike === null ? "" : `looks like the ${c.lookalike}: name the column as the portfolio reads it`, style: "note" as const },
    ],
  }));
  rows.push({
    label: "Ignored columns that look like a known field",
    cells: [{ value: read.filter((c) => c.lookalike !== null).length, numberFormat: FORMATS.count, style: "output" }],
    names: [{ name: "LookalikeColumns", cell: 0 }],
  });
  return { id: "portfolio-columns", title: "REGISTER COLUMNS (as read)", list: { header: ["Reads as", "Note"], rows }, reads: [] };
}

/** Text of a check that holds; anything else is a failure to look into. */
export const CHECK_OK = "OK";

export function portfolioChecksBlock(): Block<PortfolioCheckName> {
  const flag = (test: string) => `IF(${test},"${CHECK_OK}","CHECK")`;
  const rows: ListRow<PortfolioCheckName>[] = [
    {
      label: "Backlog years add up to the deals' headline",
      cells: [{ formula: flag("ABS(BacklogTotalHeadline-TotalHeadline)<0.005"), style: "check" }],
      names: [{ name: "HeadlineTies", cell: 0 }],
    },
    {
      label: "Backlog years add up to the deals' committed",
      cells: [{ formula: flag("ABS(BacklogTotalCommitted-TotalCommitted)<0.005"), style: "check" }],
      names: [{ name: "CommittedTies", cell: 0 }],
    },
    {
      label: "Each deal's years add up to its totals (every payment within the year columns)",
      cells: [{ formula: flag("MAX(DealGridGap)<0.005"), style: "check" }],
      names: [{ name: "YearsCoverDeals", cell: 0 }],
    },
    {
      label: "Every register row is modelled (else see Status; DEAL.PORTFOLIO reads every row)",
      cells: [{ formula: flag("RowsNotModelled=0"), style: "check" }],
      names: [{ name: "AllRowsModelled", cell: 0 }],
    },
    {
      label: "No ignored column looks like a known field (see Register columns)",
      cells: [{ formula: flag("LookalikeColumns=0"), style: "check" }],
      names: [{ name: "ColumnsAllRead", cell: 0 }],
    },
    {
      // Not part of All checks: such a row's expected is right with the add-in, only not native.
      label: "Expected computed natively for every row (else DEAL.BACKLOG gives it: see Expected note)",
      cells: [{ formula: flag("RowsExpectedNeedAddin=0"), style: "check" }],
      names: [{ name: "ExpectedNative", cell: 0 }],
    },
    {
      label: "All checks",
      cells: [
        {
          formula: flag(`AND(HeadlineTies="${CHECK_OK}",CommittedTies="${CHECK_OK}",YearsCoverDeals="${CHECK_OK}",AllRowsModelled="${CHECK_OK}",ColumnsAllRead="${CHECK_OK}")`),
          style: "check",
        },
      ],
      names: [{ name: "AllChecks", cell: 0 }],
    },
  ];
  return {
    id: "portfolio-checks",
    title: "CHECKS",
    list: { header: ["Result"], rows },
    reads: ["BacklogTotalHeadline", "TotalHeadline", "BacklogTotalCommitted", "TotalCommitted", "DealGridGap", "RowsNotModelled", "LookalikeColumns", "RowsExpectedNeedAddin"],
  };
}

// ---------------------------------------------------------------------------------------------
// Expected, in native formulas
// ---------------------------------------------------------------------------------------------

/*
 * The model of the expected figure (the core's walkDeal, src/core/portfolio/walk.ts, on the payments
 * basis), in plain words:
 *
 * - Each month notice may be served with the monthly probability q = 1 − (1 − p)^(1/12), p the deal's
 *   annual exit probability; "stay" = 1 − q. The notice months are the first notice day N (the notice
 *   date the committed figure uses: the earliest permitted day, or the day after the as-of day if that
 *   is later) and its monthly anniversaries EDATE(N, j), j = 0, 1, …; notice j gives the exit
 *   X_j = max(EDATE(N, j) + notice days, lock-in end), and only exits on or before the end date count.
 *   The exits never move earlier as j grows, so "the number of exits on or before day T", E(T), is a
 *   count: 0 if the lock-in ends after T, else the number of j with EDATE(N, j) ≤ T − notice days.
 * - P(no notice among the first j months) = stay^j. A period is paid in full when no exit has taken
 *   effect by its start (full-period proration) or by its last day (actual-days proration) —
 *   probability stay^E(that day) — and counted in the fiscal year of its payment date when that is
 *   after the as-of day, as the headline counts it.
 * - With actual-days proration a period cut by exit j (its start < X_j ≤ its last day) also owes its
 *   days served, ROUND(rate × (X_j − start) / days in the period, 2), with probability stay^j × q, paid on
 *   its start in advance or on X_j − 1 in arrears. The exits at one date (several notice months end at
 *   the lock-in's end) add up to stay^E(X − 1) − stay^E(X), so the sheet walks each fiscal year's
 *   distinct exit dates: at most 13 (12 monthly anniversaries span a year, and the lock-in's end).
 * - The termination fee is due at exit j with probability stay^j × q: over the exits falling in a
 *   fiscal year it sums to fee × (stay^(exits by the day before the year) − stay^(exits by its last day)).
 * - A notice date given in the register, or p = 1: expected = committed. p = 0 or no exit possible:
 *   the headline (the weighted formulas would give it too; the row skips them).
 * Each deal's expected per fiscal year is rounded to the cent, as the core rounds it.
 *
 * The weighted helpers take a cell per deal, fiscal year and period (and exit date), so their extent
 * is chosen when the sheet is written ({@link ExpectedHelpers}): a row they do not cover says its
 * expected needs the add-in, is counted, and the year totals then come from DEAL.BACKLOG.
 */

/**
 * Which helpers of the native Expected the sheet carries: "all" (weighted rows of every form),
 * "full" (weighted rows with full-period proration: chosen when no row of the register has
 * actual-days proration with exits), or "none" (a register too large for them, {@link EXPECTED_HELPER_CELLS}:
 * rows with p = 0, p = 1 or a notice date stay native, weighted rows need the add-in).
 */
export type ExpectedHelpers = "all" | "full" | "none";

/** What Expected says on a row the formulas do not compute it for, by the sheet's helpers. */
export const EXPECTED_ADDIN_NOTES: Readonly<Record<ExpectedHelpers, string>> = {
  all: "",
  full: "expected needs the add-in: actual-days proration with exits (write the sheet again to compute it natively)",
  none: "expected needs the add-in: the register is too large for the native helpers",
};
/** Periods of a deal that can pay in one fiscal year: at most one a month. */
const SLOTS = 12;
/** Distinct exit dates in one fiscal year's window: 12 monthly anniversaries and the lock-in's end. */
const CUT_SLOTS = 13;
/**
 * The most helper cells of the weighted Expected a sheet is written with (deal rows × fiscal years ×
 * helper columns a year, {@link expectedHelperColumns}): beyond it, "none". At the bound (1,000 random
 * deals over 18 fiscal years, "all") `npm run model -- --register` writes in about 14 s and 0.9 GB on
 * a 2-core machine; 10,000 deals ("none") in about 25 s and 1.0 GB.
 */
export const EXPECTED_HELPER_CELLS = 1_500_000;

/** Helper columns a fiscal year takes for the weighted Expected. */
export function expectedHelperColumns(helpers: ExpectedHelpers): number {
  if (helpers === "none") return 0;
  // Deadline and Paid per period slot, ExitsBy, ExpectedLastK; CutDay, CutBy, CutGroup and Date, Period, Owed per exit slot.
  return 2 * SLOTS + 2 + (helpers === "all" ? 3 + 3 * CUT_SLOTS : 0);
}

export type DealExpectedName =
  | "DealStay"
  | "DealNoticeMonth"
  | "DealNoticeDay"
  | "DealLockInDeadline"
  | "DealExitsTotal"
  | "DealExpectedAs"
  | "DealExpectedNote"
  | "DealLastWeightH";

/**
 * E(T), the number of exits on or before day T, from D = T − notice days (a cell or a short
 * expression): 0 if the lock-in's end less the notice days is after D; else the notice months j ≥ 0
 * with EDATE(N, j) ≤ D. EDATE(N, w), w = the months from N's month to D's, falls in D's month on
 * day MIN(DAY(N), the month's days), after D exactly when DAY(D) < DAY(N) and D is not the month's
 * last day: so E = w + 1, less one in that case, and never below 0.
 *
 * @example
 * // N = 2027-01-01, no notice days, no lock-in, T = 2027-03-01: w = 2, DAY(T) = DAY(N): E = 3 (Jan 1, Feb 1, Mar 1)
 */
function exitsByDeadline(row: RowRefs, deadline: string): string {
  const later = `(DAY(${deadline})<${row.at("DealNoticeDay")})*(DAY(${deadline}+1)>1)`;
  return `IF(${row.at("DealLockInDeadline")}>${deadline},0,MAX(0,YEAR(${deadline})*MonthsPerYear+MONTH(${deadline})-${row.at("DealNoticeMonth")}-${later}))`;
}

/** E(day): {@link exitsByDeadline} of day − notice days. */
const exitsBy = (row: RowRefs, day: string) => exitsByDeadline(row, `(${day}-${row.at("DealNoticeDays")})`);

/** The rate of period k: ROUND((the ramp amount up to its last period, else the payment) × (1 + escalation)^contract year, 2). */
const periodRate = (row: RowRefs, k: string) =>
  `ROUND(IF(${k}<=${row.at("DealRampLast")},${row.at("DealRampAmount")},${row.at("DealPayment")})*(1+${row.at("DealEscalation")})^INT(${k}/${row.at("DealPerYear")}),2)`;

/** Per deal: how Expected is computed (1 native weights, 2 = committed, 3 = headline, 0 needs the add-in) and its weights. */
export function dealExpectedBlock(helpers: ExpectedHelpers): Block<DealExpectedName> {
  const note = EXPECTED_ADDIN_NOTES[helpers];
  return {
    id: "portfolio-expected-deals",
    // A helper of Expected: it does not print.
    printRows: 0,
    title: "EXPECTED: PER DEAL",
    reads: [
      "MonthsPerYear", "DealModelled", "DealExitProbability", "DealNotice", "DealNoticeDays", "DealLockInEnd", "DealEnd", "DealNoticeGiven",
      "DealActual", "DealStatus", "DealLastStartH", "DealServedH",
    ],
    series: [
      {
        name: "DealStay",
        header: "Monthly probability of no notice (1 − q)",
        numberFormat: "0.000000000",
        formula: (row) => `IF(${row.at("DealModelled")}=1,(1-${row.at("DealExitProbability")})^(1/MonthsPerYear),1)`,
      },
      { name: "DealNoticeMonth", header: "First notice month's index", numberFormat: FORMATS.integer, formula: (row) => monthIndex(row.at("DealNotice")) },
      { name: "DealNoticeDay", header: "First notice day of the month", numberFormat: FORMATS.integer, formula: (row) => `DAY(${row.at("DealNotice")})` },
      {
        name: "DealLockInDeadline",
        header: "Lock-in end less the notice days",
        numberFormat: FORMATS.date,
        formula: (row) => `${row.at("DealLockInEnd")}-${row.at("DealNoticeDays")}`,
      },
      {
        name: "DealExitsTotal",
        header: "Exits possible (on or before the end)",
        numberFormat: FORMATS.integer,
        formula: (row) => `IF(${row.at("DealModelled")}=1,${exitsBy(row, row.at("DealEnd"))},0)`,
      },
      {
        name: "DealExpectedAs",
        header: "Expected: 1 weighted, 2 = committed, 3 = headline, 0 add-in",
        numberFormat: FORMATS.integer,
        formula: (row) => {
          const p = row.at("DealExitProbability");
          const committed = `OR(${row.at("DealNoticeGiven")}>0,${p}>=1)`;
          // No exit can happen (p = 0, or none possible): the headline, exactly (the core's q = 0).
          const headline = `OR(${p}=0,${row.at("DealExitsTotal")}=0)`;
          const weighted = helpers === "all" ? "1" : helpers === "full" ? `IF(${row.at("DealActual")}=0,1,0)` : "0";
          return `IF(${row.at("DealModelled")}<>1,1,IF(${committed},2,IF(${headline},3,${weighted})))`;
        },
      },
      {
        name: "DealExpectedNote",
        header: "Expected note",
        formula: (row) => (note === "" ? `""` : `IF(AND(${row.at("DealStatus")}<>"",${row.at("DealExpectedAs")}=0),"${note}","")`),
      },
      {
        // Paid in full unless an exit took effect by its start (full) or its last day (actual-days).
        name: "DealLastWeightH",
        header: "Last period: P(paid in full)",
        numberFormat: "0.000000000",
        formula: (row) =>
          `IF(${row.at("DealExpectedAs")}=1,${row.at("DealStay")}^${exitsBy(row, `IF(${row.at("DealActual")}=1,${row.at("DealServedH")},${row.at("DealLastStartH")})`)},0)`,
      },
    ],
  };
}

export type ExpectedSlotName =
  | `ExpectedDeadline${number}S${number}`
  | `CutDayFY${number}`
  | `ExpectedPaid${number}S${number}`
  | `ExitsByFY${number}`
  | `ExpectedLastK${number}`
  | `CutByFY${number}`
  | `CutGroupFY${number}`
  | `CutDate${number}S${number}`
  | `CutPeriod${number}S${number}`
  | `CutOwed${number}S${number}`;

/**
 * Per deal and fiscal year, the last regular period paying in it whose expected the slots weigh (−1:
 * none, or the row's expected is not weighted): the run's last, before the headline's last period.
 */
export function expectedLastBlock(years: readonly number[]): Block<ExpectedSlotName> {
  return {
    id: "portfolio-expected-last",
    // A helper of Expected: it does not print.
    printRows: 0,
    title: "EXPECTED: LAST REGULAR PERIOD PAYING IN THE FISCAL YEAR",
    reads: ["DealExpectedAs", "DealLastH", ...years.map((y) => `LastPaidFY${y}`)],
    series: years.map((year) => ({
      name: `ExpectedLastK${year}` as ExpectedSlotName,
      header: `FY${year}`,
      numberFormat: FORMATS.integer,
      formula: (row: RowRefs) => `IF(${row.at("DealExpectedAs")}=1,MIN(${row.at("DealLastH")}-1,${row.at(`LastPaidFY${year}`)}),-1)`,
    })),
  };
}

/**
 * Per deal and fiscal year, the regular periods paying in it (at most {@link SLOTS}): slot i is
 * period k = FirstPaidFY + i if k ≤ the run's last; "Deadline": the day its weight is taken on (its
 * start; with actual-days proration its last day, the day before period k + 1 starts) less the notice
 * days (0: no such period); "Paid": its payment × P(no exit by that day).
 */
export function expectedSlotsBlock(kind: "Deadline" | "Paid", year: number): Block<ExpectedSlotName> {
  const k = (row: RowRefs, i: number) => `(${row.at(`FirstPaidFY${year}`)}+${i})`;
  const formula = (row: RowRefs, i: number) => {
    const actual = row.at("DealActual");
    if (kind === "Deadline") {
      const day = `EDATE(${row.at("DealStart")},(${k(row, i)}+${actual})*${row.at("DealMonths")})-${actual}`;
      return `IF(${k(row, i)}<=${row.at(`ExpectedLastK${year}`)},${day}-${row.at("DealNoticeDays")},0)`;
    }
    const deadline = row.at(`ExpectedDeadline${year}S${i}`);
    return `IF(${deadline}=0,0,${periodRate(row, k(row, i))}*${row.at("DealStay")}^${exitsByDeadline(row, deadline)})`;
  };
  return {
    id: `portfolio-expected-${kind}-${year}`,
    // A helper of Expected: it does not print.
    printRows: 0,
    title: kind === "Deadline" ? `EXPECTED FY${year}: THE DAY EACH PERIOD'S WEIGHT IS TAKEN ON, LESS THE NOTICE DAYS` : `EXPECTED FY${year}: PAYMENT × P(NO EXIT BY THAT DAY)`,
    reads: [
      "MonthsPerYear", "DealStart", "DealMonths", "DealPerYear", "DealRampLast", "DealPayment", "DealRampAmount", "DealEscalation", "DealStay",
      "DealNoticeDays", "DealNoticeMonth", "DealNoticeDay", "DealLockInDeadline", "DealActual", `FirstPaidFY${year}`, `ExpectedLastK${year}`,
      ...(kind === "Paid" ? Array.from({ length: SLOTS }, (_, i) => `ExpectedDeadline${year}S${i}`) : []),
    ],
    series: Array.from({ length: SLOTS }, (_, i) => ({
      name: `Expected${kind}${year}S${i}` as ExpectedSlotName,
      header: `Period ${i + 1}`,
      numberFormat: kind === "Deadline" ? FORMATS.date : FORMATS.money,
      formula: (row: RowRefs) => formula(row, i),
    })),
  };
}

/** Per deal, the exits on or before each fiscal year's last day (or the deal's end): the fee's weights. */
export function exitsByYearBlock(years: readonly number[]): Block<ExpectedSlotName> {
  return {
    id: "portfolio-exits-by-year",
    // A helper of Expected: it does not print.
    printRows: 0,
    title: "EXITS ON OR BEFORE THE FISCAL YEAR'S END",
    reads: ["MonthsPerYear", "DealExpectedAs", "DealEnd", "DealNoticeDays", "DealNoticeMonth", "DealNoticeDay", "DealLockInDeadline", ...years.map((y) => `LastDayFY${y}`)],
    series: years.map((year) => ({
      name: `ExitsByFY${year}` as ExpectedSlotName,
      header: `FY${year}`,
      numberFormat: FORMATS.integer,
      formula: (row: RowRefs) => {
        // The year's last day, or the deal's end if earlier (no exit after it counts).
        const day = `MIN(LastDayFY${year},${row.at("DealEnd")})`;
        return `IF(${row.at("DealExpectedAs")}=1,${exitsBy(row, day)},0)`;
      },
    })),
  };
}

/**
 * Per deal with actual-days proration and fiscal year: "CutDay", the last day an exit whose cut pays in
 * this fiscal year or before can fall on — in arrears the day after its last day (the cut is paid on
 * X − 1), in advance the start of the first period paying after it (the cut is paid on its period's
 * start) — or the deal's end if earlier; "CutBy", the exits on or before that day; and "CutGroup", the
 * exits on or before the first exit date of the year's window (several when it is the lock-in's end):
 * the later slots take one exit each.
 */
export function cutCountBlock(kind: "Day" | "By" | "Group", years: readonly number[]): Block<ExpectedSlotName> {
  const formula = (row: RowRefs, year: number, index: number) => {
    if (kind === "Day") {
      const advanceDay = `EDATE(${row.at("DealStart")},(${row.at(`LastPaidFY${year}`)}+1)*${row.at("DealMonths")})`;
      return `IF(AND(${row.at("DealExpectedAs")}=1,${row.at("DealActual")}=1),MIN(IF(${row.at("DealAdvance")}=1,${advanceDay},LastDayFY${year}+1),${row.at("DealEnd")}),0)`;
    }
    if (kind === "By") {
      const day = row.at(`CutDayFY${year}`);
      return `IF(${day}=0,0,${exitsBy(row, day)})`;
    }
    const first = row.at(`CutDate${year}S0`);
    return `IF(${first}=0,${index === 0 ? "0" : row.at(`CutByFY${years[index - 1]}`)},${exitsBy(row, first)})`;
  };
  const titles = {
    Day: "ACTUAL DAYS: THE LAST EXIT DATE WHOSE CUT PAYS BY THE FISCAL YEAR'S END",
    By: "ACTUAL DAYS: EXITS WHOSE CUT PAYS BY THE FISCAL YEAR'S END",
    Group: "ACTUAL DAYS: EXITS ON OR BEFORE THE YEAR'S FIRST EXIT DATE",
  };
  return {
    id: `portfolio-cut-${kind}`,
    // A helper of Expected: it does not print.
    printRows: 0,
    title: titles[kind],
    reads: [
      "MonthsPerYear", "DealExpectedAs", "DealActual", "DealAdvance", "DealStart", "DealMonths", "DealEnd", "DealNoticeDays", "DealNoticeMonth", "DealNoticeDay", "DealLockInDeadline",
      ...years.flatMap((y) => (kind === "Day" ? [`LastPaidFY${y}`, `LastDayFY${y}`] : kind === "By" ? [`CutDayFY${y}`] : [`CutDate${y}S0`, `CutByFY${y}`])),
    ],
    series: years.map((year, index) => ({
      name: `Cut${kind}FY${year}` as ExpectedSlotName,
      header: `FY${year}`,
      numberFormat: kind === "Day" ? FORMATS.date : FORMATS.integer,
      formula: (row: RowRefs) => formula(row, year, index),
    })),
  };
}

/**
 * Per deal with actual-days proration and fiscal year, the distinct exit dates whose cut pays in it
 * (at most {@link CUT_SLOTS}). Slot 0 is exit J0 = CutBy of the year before (every exit at its date,
 * up to CutGroup); slot i ≥ 1 is exit CutGroup + i − 1. "Date": the exit (0: none); "Period": the
 * period it cuts (the last starting on or before X − 1); "Owed": the days served, ROUND(rate × (X −
 * start) / days, 2), × P(the first exit is on that date), when X is inside the period and the payment
 * (on its start in advance, on X − 1 in arrears) is after the as-of day.
 */
export function cutSlotsBlock(kind: "Date" | "Period" | "Owed", years: readonly number[], index: number): Block<ExpectedSlotName> {
  const year = years[index];
  const j0 = (row: RowRefs) => (index === 0 ? "0" : row.at(`CutByFY${years[index - 1]}`));
  /** The notice month of slot i, and the one after its date's last exit. */
  const notice = (row: RowRefs, i: number) => (i === 0 ? j0(row) : `(${row.at(`CutGroupFY${year}`)}+${i - 1})`);
  const after = (row: RowRefs, i: number) => (i === 0 ? row.at(`CutGroupFY${year}`) : `(${row.at(`CutGroupFY${year}`)}+${i})`);
  const formula = (row: RowRefs, i: number) => {
    const date = row.at(`CutDate${year}S${i}`);
    const start = row.at("DealStart");
    const m = row.at("DealMonths");
    if (kind === "Date") {
      const j = notice(row, i);
      return `IF(${j}<${row.at(`CutByFY${year}`)},MAX(EDATE(${row.at("DealNotice")},${j})+${row.at("DealNoticeDays")},${row.at("DealLockInEnd")}),0)`;
    }
    if (kind === "Period") {
      const day = `(${date}-1)`;
      const whole = `INT((${monthIndex(day)}-${monthIndex(start)})/${m})`;
      return `IF(${date}=0,-1,${whole}-(EDATE(${start},${whole}*${m})>${day}))`;
    }
    const k = row.at(`CutPeriod${year}S${i}`);
    const from = `EDATE(${start},${k}*${m})`;
    const next = `EDATE(${start},(${k}+1)*${m})`;
    const rate = periodRate(row, k);
    const paid = `IF(${row.at("DealAdvance")}=1,${from},${date}-1)`;
    const stay = row.at("DealStay");
    const weight = `(${stay}^${notice(row, i)}-${stay}^${after(row, i)})`;
    const owed = `IF(${k}<0,0,IF(AND(${date}<${next},${paid}>${row.at("DealAsOf")}),${proRata(rate, `${date}-${from}`, `(${next}-${from})`)}*${weight},0))`;
    // A window holds at most 13 distinct exit dates (12 monthly anniversaries span a year, and the
    // lock-in's end); should one hold more, the last slot shows #N/A rather than drop an exit silently.
    return i === CUT_SLOTS - 1 ? `IF(${after(row, i)}<${row.at(`CutByFY${year}`)},NA(),${owed})` : owed;
  };
  const titles = {
    Date: `ACTUAL DAYS FY${year}: EXIT DATES`,
    Period: `ACTUAL DAYS FY${year}: THE PERIOD EACH EXIT CUTS`,
    Owed: `ACTUAL DAYS FY${year}: DAYS SERVED × P(FIRST EXIT ON THAT DATE)`,
  };
  return {
    id: `portfolio-cut-${kind}-${year}`,
    // A helper of Expected: it does not print.
    printRows: 0,
    title: titles[kind],
    reads: [
      "MonthsPerYear", "DealStart", "DealMonths", "DealPerYear", "DealRampLast", "DealPayment", "DealRampAmount", "DealEscalation", "DealStay", "DealAdvance",
      "DealAsOf", "DealNotice", "DealNoticeDays", "DealLockInEnd", `CutByFY${year}`, `CutGroupFY${year}`,
      ...(index > 0 ? [`CutByFY${years[index - 1]}`] : []),
      ...Array.from({ length: CUT_SLOTS }, (_, i) => [`CutDate${year}S${i}`, `CutPeriod${year}S${i}`]).flat(),
    ],
    series: Array.from({ length: CUT_SLOTS }, (_, i) => ({
      name: `Cut${kind}${year}S${i}` as ExpectedSlotName,
      header: `Exit date ${i + 1}`,
      numberFormat: kind === "Date" ? FORMATS.date : kind === "Period" ? FORMATS.integer : FORMATS.money,
      formula: (row: RowRefs) => formula(row, i),
    })),
  };
}

/** The helper blocks of the weighted Expected, as many as `helpers` asks for. */
export function expectedHelperBlocks(helpers: ExpectedHelpers, years: readonly number[]): Block<ExpectedSlotName>[] {
  if (helpers === "none") return [];
  return [
    exitsByYearBlock(years),
    expectedLastBlock(years),
    ...years.flatMap((year) => [expectedSlotsBlock("Deadline", year), expectedSlotsBlock("Paid", year)]),
    ...(helpers === "all"
      ? [
          cutCountBlock("Day", years),
          cutCountBlock("By", years),
          cutCountBlock("Group", years),
          ...years.flatMap((_, index) => [cutSlotsBlock("Date", years, index), cutSlotsBlock("Period", years, index), cutSlotsBlock("Owed", years, index)]),
        ]
      : []),
  ];
}

export type ExpectedGridName = `ExpectedFY${number}`;

/**
 * One column per fiscal year: each deal's expected payments due in it, to the cent — its regular
 * periods' weighted payments, its last period's, the days served of periods cut by an exit (actual-days
 * proration), and the fee at each exit's probability; committed where expected is committed, the
 * headline where no exit can happen; 0 where it needs the add-in (the row says so).
 */
export function expectedGridBlock(years: readonly number[], helpers: ExpectedHelpers): Block<ExpectedGridName> {
  return {
    id: "portfolio-ExpectedFY",
    title: "EXPECTED BY FISCAL YEAR",
    reads: [
      "DealStatus", "DealExpectedAs", "DealLastYearH", "DealLastCountsH", "DealLastAmountH", "DealLastWeightH", "DealFee", "DealStay",
      ...years.flatMap((y) => [`HeadlineFY${y}`, `CommittedFY${y}`]),
      ...(helpers === "none"
        ? []
        : years.flatMap((y) => [
            `FiscalYear${y}`,
            `ExitsByFY${y}`,
            ...Array.from({ length: SLOTS }, (_, i) => `ExpectedPaid${y}S${i}`),
            ...(helpers === "all" ? Array.from({ length: CUT_SLOTS }, (_, i) => `CutOwed${y}S${i}`) : []),
          ])),
    ],
    series: years.map((year, index) => ({
      name: `ExpectedFY${year}` as ExpectedGridName,
      header: `FY${year}`,
      numberFormat: FORMATS.money,
      formula: (row: RowRefs) => {
        const as = row.at("DealExpectedAs");
        const fixed = `IF(${as}=2,${row.at(`CommittedFY${year}`)},${row.at(`HeadlineFY${year}`)})`;
        if (helpers === "none") return `IF(${row.at("DealStatus")}="","",IF(${as}>=2,${fixed},0))`;
        const regular = `SUM(${row.at(`ExpectedPaid${year}S0`)}:${row.at(`ExpectedPaid${year}S${SLOTS - 1}`)})`;
        const cuts = helpers === "all" ? `+SUM(${row.at(`CutOwed${year}S0`)}:${row.at(`CutOwed${year}S${CUT_SLOTS - 1}`)})` : "";
        const last = `(${row.at("DealLastYearH")}=FiscalYear${year})*${row.at("DealLastCountsH")}*${row.at("DealLastAmountH")}*${row.at("DealLastWeightH")}`;
        const stay = row.at("DealStay");
        const before = index === 0 ? "1" : `${stay}^${row.at(`ExitsByFY${years[index - 1]}`)}`;
        const fee = `${row.at("DealFee")}*(${before}-${stay}^${row.at(`ExitsByFY${year}`)})`;
        const weighted = `ROUND(${regular}+${last}${cuts}+${fee},2)`;
        return `IF(${row.at("DealStatus")}="","",IF(${as}>=2,${fixed},IF(${as}=1,${weighted},0)))`;
      },
    })),
  };
}
