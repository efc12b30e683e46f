/**
 * Scenarios: a table of named rows (base, downside, upside, and room for the user's own), the
 * selector input `Scenario`, the values in use, and every scenario's results side by side.
 *
 * How a scenario overrides the inputs: **a value in a scenario's row replaces the input of the same
 * meaning; a blank cell keeps the input.** The base row is blank, so it is the inputs as they are. The
 * "in use" rows (`EndDateUsed`, `ExitProbabilityUsed`, …) pick the selected row by INDEX/MATCH and
 * are what the value bridge reads; the Summary and Schedule keep following the inputs. A scenario's
 * end date may shorten the term, never lengthen it (the Schedule's rows are laid out for the
 * contract): a later date is capped at the contract's end, and the check says so. A scenario's
 * delivered share applies to every period, in place of the per-period column.
 *
 * The results table computes each row's headline, committed, expected and present value from closed
 * forms over the Schedule and the notice months (src/model/blocks/owed.ts) — not by switching the
 * selector — so all rows show at once; the bridge checks its own figures against its row.
 */
import { valueError } from "../../core";
import { Block, ListRow } from "../layout";
import { PlanCell } from "../plan";
import { valueAssumptions } from "../templates";
import { FORMATS, ModelContext } from "./context";
import { OWED_READS, owedBefore, presentValueBefore } from "./owed";

/** Rows of the scenario table: the three given and room for the user's own. */
export const SCENARIO_ROWS = 6;

export type ScenarioTableName =
  | "ScenarioHeading"
  | "ScenarioNames"
  | "ScenarioEndDates"
  | "ScenarioExitProbabilities"
  | "ScenarioExpectedUptimes"
  | "ScenarioDeliveredShares"
  | "ScenarioDiscountRates";

const TABLE_COLUMNS = [
  ["ScenarioNames", "Scenario", undefined],
  ["ScenarioEndDates", "End date", FORMATS.date],
  ["ScenarioExitProbabilities", "Exit probability (a year)", FORMATS.percent],
  ["ScenarioExpectedUptimes", "Expected uptime", FORMATS.percent],
  ["ScenarioDeliveredShares", "Delivered share", FORMATS.percent],
  ["ScenarioDiscountRates", "Discount rate", FORMATS.percent],
] as const;

/**
 * @example
 * scenariosBlock(ctx).list.rows[1].cells![0].value // "base"
 */
export function scenariosBlock(ctx: ModelContext): Block<ScenarioTableName> {
  const scenarios = valueAssumptions(ctx.deal).scenarios;
  if (scenarios.length > SCENARIO_ROWS) throw valueError(`The model sheet holds at most ${SCENARIO_ROWS} scenarios; this deal has ${scenarios.length}.`);
  const rows: ListRow<ScenarioTableName>[] = [
    {
      label: "Blank = the input",
      labelStyle: "note",
      cells: TABLE_COLUMNS.map(([, header]): PlanCell => ({ value: header, style: "header" })),
      names: [{ name: "ScenarioHeading", cell: 0 }],
    },
    ...Array.from({ length: SCENARIO_ROWS }, (_, i): ListRow<ScenarioTableName> => {
      const s = scenarios[i];
      const values = [s?.name, s?.endDate, s?.exitProbability, s?.expectedUptime, s?.deliveredShare, s?.discountRate];
      return {
        label: `Scenario ${i + 1}`,
        cells: TABLE_COLUMNS.map(([name, , numberFormat], c): PlanCell => ({
          value: values[c] ?? null,
          isDate: name === "ScenarioEndDates" || undefined,
          numberFormat,
          style: "input",
        })),
      };
    }),
    { label: "A value replaces the input of the same meaning (end date: only earlier); blank keeps it. Rows may be added in the blank lines.", labelStyle: "note" },
  ];
  return {
    id: "scenarios",
    title: "SCENARIOS",
    list: {
      header: [],
      rows,
      ranges: TABLE_COLUMNS.map(([name], c) => ({ name, fromRow: 1, toRow: SCENARIO_ROWS, fromCell: c, toCell: c })),
    },
    reads: [],
  };
}

export type ScenarioUsedName =
  | "ScenarioRowUsed"
  | "EndDateUsed"
  | "ExitProbabilityUsed"
  | "ExpectedUptimeUsed"
  | "DeliveredShareUsed"
  | "DiscountRateUsed"
  | "ScenarioCheck";

/** The selected row's value in `column`, or `input` where the row leaves it blank (or no row is selected). */
const selected = (column: string, input: string) =>
  `IF(ScenarioRowUsed=0,${input},IF(ISNUMBER(INDEX(${column},ScenarioRowUsed)),INDEX(${column},ScenarioRowUsed),${input}))`;

/**
 * @example
 * scenarioUsedBlock().list.rows[0].cells![0].formula // 'IFERROR(MATCH(Scenario,ScenarioNames,0),0)'
 */
export function scenarioUsedBlock(): Block<ScenarioUsedName> {
  const used = (name: ScenarioUsedName, label: string, formula: string, numberFormat: string | undefined, how: string): ListRow<ScenarioUsedName> => ({
    label,
    cells: [{ formula, numberFormat, style: "output" }, { value: how, style: "note" }],
    names: [{ name, cell: 0 }],
  });
  return {
    id: "scenarioUsed",
    title: "SCENARIO IN USE",
    list: {
      header: ["Value", "How it is chosen"],
      rows: [
        used("ScenarioRowUsed", "Row of the scenario", 'IF(Scenario="",0,IFERROR(MATCH(Scenario,ScenarioNames,0),0))', FORMATS.integer, "the Scenario input's row in the table; 0: none, the inputs apply"),
        used("EndDateUsed", "End date used", `MIN(${selected("ScenarioEndDates", "EndDate")},EndDate)`, FORMATS.date, "never after the contract's end"),
        used("ExitProbabilityUsed", "Exit probability used (a year)", selected("ScenarioExitProbabilities", "ExitProbability"), FORMATS.percent, "the scenario's, else the input"),
        used("ExpectedUptimeUsed", "Expected uptime used", selected("ScenarioExpectedUptimes", "ExpectedUptime"), FORMATS.percent, "the scenario's, else the input"),
        used(
          "DeliveredShareUsed",
          "Delivered share used",
          `IF(ScenarioRowUsed=0,"per period",IF(ISNUMBER(INDEX(ScenarioDeliveredShares,ScenarioRowUsed)),INDEX(ScenarioDeliveredShares,ScenarioRowUsed),"per period"))`,
          FORMATS.percent,
          "the scenario's for every period, else each period's input",
        ),
        used("DiscountRateUsed", "Discount rate used", selected("ScenarioDiscountRates", "DiscountRate"), FORMATS.percent, "the scenario's, else the input"),
        {
          label: "Scenario",
          cells: [
            {
              formula:
                'IF(AND(Scenario<>"",ScenarioRowUsed=0),"NOTE: no scenario is named "&Scenario&": the inputs apply",' +
                'IF(EndDateUsed<' + selected("ScenarioEndDates", "EndDate") + ',"NOTE: the scenario\'s end date is after the contract\'s: capped at the end date",' +
                'IF(EndDateUsed<StartDate,"CHECK: the scenario ends before the start","scenario in use: "&IF(ScenarioRowUsed=0,"the inputs",Scenario))))',
              style: "check",
            },
          ],
          names: [{ name: "ScenarioCheck", cell: 0 }],
        },
      ],
    },
    reads: [
      "Scenario", "ScenarioNames", "ScenarioEndDates", "ScenarioExitProbabilities", "ScenarioExpectedUptimes", "ScenarioDeliveredShares", "ScenarioDiscountRates",
      "EndDate", "ExitProbability", "ExpectedUptime", "DiscountRate", "StartDate",
    ],
  };
}

export type ScenarioResultName =
  | "ScenarioResultsHeading"
  | "ScenarioResultName"
  | "ScenarioResultEndDate"
  | "ScenarioResultExitProbability"
  | "ScenarioResultDiscountRate"
  | "ScenarioResultExitDate"
  | "ScenarioResultNoticeMonths"
  | "ScenarioResultHeadline"
  | "ScenarioResultCommitted"
  | "ScenarioResultExpected"
  | "ScenarioResultPresentValue";

/**
 * One row per scenario row, each cell a formula of its row's values: `(ROW()-ROW(ScenarioResultsHeading))`
 * is the row's position, and a cell reads the cells before it on its row by INDEX of their column.
 *
 * @example
 * scenarioResultsBlock().list.ranges!.map((r) => r.name) // ["ScenarioResultName", …, "ScenarioResultPresentValue"]
 */
export function scenarioResultsBlock(): Block<ScenarioResultName> {
  const i = "(ROW()-ROW(ScenarioResultsHeading))";
  const mine = (column: ScenarioResultName) => `INDEX(${column},${i})`;
  const end = mine("ScenarioResultEndDate");
  const p = mine("ScenarioResultExitProbability");
  const q = `(1-(1-${p})^(1/MonthsPerYear))`;
  const months = mine("ScenarioResultNoticeMonths");
  const headline = mine("ScenarioResultHeadline");
  const exit = mine("ScenarioResultExitDate");
  const orInput = (column: string, input: string) => `IF(ISNUMBER(INDEX(${column},${i})),INDEX(${column},${i}),${input})`;
  const columns: [ScenarioResultName, string, string | undefined, string][] = [
    ["ScenarioResultName", "Scenario", undefined, `IF(INDEX(ScenarioNames,${i})="","",INDEX(ScenarioNames,${i}))`],
    ["ScenarioResultEndDate", "End date", FORMATS.date, `MIN(${orInput("ScenarioEndDates", "EndDate")},EndDate)`],
    ["ScenarioResultExitProbability", "Exit probability", FORMATS.percent, orInput("ScenarioExitProbabilities", "ExitProbability")],
    ["ScenarioResultDiscountRate", "Discount rate", FORMATS.percent, orInput("ScenarioDiscountRates", "DiscountRate")],
    ["ScenarioResultExitDate", "Enforceable exit", FORMATS.date, `MIN(MAX(NoticeUsed+NoticeDays,LockInEnd),${end}+1)`],
    ["ScenarioResultNoticeMonths", "Notice months", FORMATS.integer, `COUNTIF(NoticeMonthExit,"<="&${end})`],
    ["ScenarioResultHeadline", "Headline", FORMATS.money, owedBefore(`(${end}+1)`)],
    ["ScenarioResultCommitted", "Committed", FORMATS.money, `${owedBefore(exit)}+IF(${exit}<=${end},TerminationFee,0)`],
    [
      "ScenarioResultExpected",
      "Expected",
      FORMATS.money,
      // Σ_k (1 − q)^k q V_k + (1 − q)^K T; at q = 1 only the first notice month counts (0^0 avoided).
      `IF(${q}=1,IF(${months}=0,${headline},INDEX(NoticeMonthValue,1)),` +
        `ROUND(${q}*SUMPRODUCT(NoticeMonthValue,--(NoticeMonthExit<=${end}),(1-${q})^NoticeMonthIndex)+(1-${q})^${months}*${headline},2))`,
    ],
    ["ScenarioResultPresentValue", "Present value", FORMATS.money, presentValueBefore(`(${end}+1)`, mine("ScenarioResultDiscountRate"))],
  ];
  const rows: ListRow<ScenarioResultName>[] = [
    {
      label: "Every scenario at once",
      labelStyle: "note",
      cells: columns.map(([, header]): PlanCell => ({ value: header, style: "header" })),
      names: [{ name: "ScenarioResultsHeading", cell: 0 }],
    },
    ...Array.from({ length: SCENARIO_ROWS }, (_, r): ListRow<ScenarioResultName> => ({
      label: `Scenario ${r + 1}`,
      cells: columns.map(([name, , numberFormat, formula]): PlanCell => ({
        formula: name === "ScenarioResultName" ? formula : `IF(${mine("ScenarioResultName")}="","",${formula})`,
        numberFormat,
        style: "output",
      })),
    })),
    { label: "Headline, committed and expected under each row's term and exit probability; present value of the headline at its discount rate.", labelStyle: "note" },
  ];
  return {
    id: "scenarioResults",
    title: "SCENARIO RESULTS",
    list: {
      header: [],
      rows,
      ranges: columns.map(([name], c) => ({ name, fromRow: 1, toRow: SCENARIO_ROWS, fromCell: c, toCell: c })),
    },
    reads: [
      ...OWED_READS, "ScenarioNames", "ScenarioEndDates", "ScenarioExitProbabilities", "ScenarioDiscountRates", "EndDate", "ExitProbability", "DiscountRate",
      "NoticeUsed", "NoticeDays", "LockInEnd", "NoticeMonthExit", "NoticeMonthValue", "NoticeMonthIndex", "TerminationFee", "MonthsPerYear", "BridgePaymentDays",
    ],
  };
}
