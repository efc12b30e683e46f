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
 * delivered share applies to every period, in place of the per-period column; its market decline is the
 * market curve's (`AnnualDeclineUsed`, read by the Market blocks).
 *
 * The results table computes each row's headline, committed, expected and present value from closed
 * forms over the Schedule and the notice months (src/model/blocks/owed.ts) — not by switching the
 * selector — so all rows show at once; the bridge checks its own figures against its row.
 */
import { valueError } from "../../core";
import { Block, ListCell, ListRow } from "../layout";
import { PlanCell } from "../plan";
import { valueAssumptions } from "../templates";
import { FORMATS, ModelContext } from "./context";
import { blankPastTerm } from "./fragments";
import { cutOwed, OWED_READS, owedBefore, periodsBegunBefore, presentValueBefore } from "./owed";

/** Rows of the scenario table: the three given and room for the user's own. */
export const SCENARIO_ROWS = 6;

export type ScenarioTableName =
  | "ScenarioHeading"
  | "ScenarioNames"
  | "ScenarioEndDates"
  | "ScenarioExitProbabilities"
  | "ScenarioExpectedUptimes"
  | "ScenarioDeliveredShares"
  | "ScenarioDiscountRates"
  | "ScenarioMarketDeclines";

const TABLE_COLUMNS = [
  ["ScenarioNames", "Scenario", undefined],
  ["ScenarioEndDates", "End date", FORMATS.date],
  ["ScenarioExitProbabilities", "Exit probability (a year)", FORMATS.percent],
  ["ScenarioExpectedUptimes", "Expected uptime", FORMATS.percent],
  ["ScenarioDeliveredShares", "Delivered share", FORMATS.percent],
  ["ScenarioDiscountRates", "Discount rate", FORMATS.percent],
  ["ScenarioMarketDeclines", "Market decline (a year)", FORMATS.percent],
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
      const values = [s?.name, s?.endDate, s?.exitProbability, s?.expectedUptime, s?.deliveredShare, s?.discountRate, s?.marketDecline];
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
  | "EndDateAsked"
  | "EndDateUsed"
  | "ExitProbabilityUsed"
  | "ExpectedUptimeUsed"
  | "DeliveredShareUsed"
  | "DiscountRateUsed"
  | "AnnualDeclineUsed"
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
        used("EndDateAsked", "End date asked", selected("ScenarioEndDates", "EndDate"), FORMATS.date, "the scenario's, else the input"),
        used("EndDateUsed", "End date used", "MIN(EndDateAsked,EndDate)", FORMATS.date, "never after the contract's end"),
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
        used("AnnualDeclineUsed", "Market decline used (a year)", selected("ScenarioMarketDeclines", "N(AnnualDecline)"), FORMATS.percent, "the scenario's, else the input (blank: flat); the market curve's"),
        {
          label: "Scenario",
          cells: [
            {
              formula:
                'IF(AND(Scenario<>"",ScenarioRowUsed=0),"NOTE: no scenario is named "&Scenario&": the inputs apply",' +
                'IF(EndDateUsed<EndDateAsked,"NOTE: the scenario\'s end date is after the contract\'s: capped at the end date",' +
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
      "ScenarioMarketDeclines", "EndDate", "ExitProbability", "ExpectedUptime", "DiscountRate", "StartDate", "AnnualDecline",
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
  | "ScenarioResultEndPeriod"
  | "ScenarioResultEndCut"
  | "ScenarioResultHeadline"
  | "ScenarioResultExitPeriod"
  | "ScenarioResultExitCut"
  | "ScenarioResultCommitted"
  | "ScenarioResultMonthlyExit"
  | "ScenarioResultExpected"
  | "ScenarioResultPresentValue";

/**
 * One row per scenario row: `(ROW()-ROW(ScenarioResultsHeading))` is the row's position in the
 * scenario table, and a cell reads the cells before it on its row (its helper columns: the period the
 * end or the exit cuts, what that period owes, the monthly exit probability) through the layout's handle.
 *
 * @example
 * scenarioResultsBlock().list.ranges!.map((r) => r.name) // ["ScenarioResultName", …, "ScenarioResultPresentValue"]
 */
export function scenarioResultsBlock(): Block<ScenarioResultName> {
  const i = "(ROW()-ROW(ScenarioResultsHeading))";
  type At = (name: ScenarioResultName) => string;
  const orInput = (column: string, input: string) => `IF(ISNUMBER(INDEX(${column},${i})),INDEX(${column},${i}),${input})`;
  /** The first day without service under the row's end date. */
  const afterEnd = (at: At) => `(${at("ScenarioResultEndDate")}+1)`;
  const columns: [ScenarioResultName, string, string | undefined, (at: At) => string][] = [
    ["ScenarioResultName", "Scenario", undefined, () => `IF(INDEX(ScenarioNames,${i})="","",INDEX(ScenarioNames,${i}))`],
    ["ScenarioResultEndDate", "End date", FORMATS.date, () => `MIN(${orInput("ScenarioEndDates", "EndDate")},EndDate)`],
    ["ScenarioResultExitProbability", "Exit probability", FORMATS.percent, () => orInput("ScenarioExitProbabilities", "ExitProbability")],
    ["ScenarioResultDiscountRate", "Discount rate", FORMATS.percent, () => orInput("ScenarioDiscountRates", "DiscountRate")],
    ["ScenarioResultExitDate", "Enforceable exit", FORMATS.date, (at) => `MIN(MAX(NoticeUsed+NoticeDays,LockInEnd),${at("ScenarioResultEndDate")}+1)`],
    ["ScenarioResultNoticeMonths", "Notice months", FORMATS.integer, (at) => `COUNTIF(NoticeMonthExit,"<="&${at("ScenarioResultEndDate")})`],
    ["ScenarioResultEndPeriod", "Periods begun by the end", FORMATS.integer, (at) => periodsBegunBefore(afterEnd(at))],
    ["ScenarioResultEndCut", "Owed for the period the end cuts", FORMATS.money, (at) => cutOwed(afterEnd(at), at("ScenarioResultEndPeriod"))],
    ["ScenarioResultHeadline", "Headline", FORMATS.money, (at) => owedBefore(afterEnd(at), at("ScenarioResultEndCut"))],
    ["ScenarioResultExitPeriod", "Periods begun before the exit", FORMATS.integer, (at) => periodsBegunBefore(at("ScenarioResultExitDate"))],
    ["ScenarioResultExitCut", "Owed for the period the exit cuts", FORMATS.money, (at) => cutOwed(at("ScenarioResultExitDate"), at("ScenarioResultExitPeriod"))],
    [
      "ScenarioResultCommitted",
      "Committed",
      FORMATS.money,
      (at) =>
        `${owedBefore(at("ScenarioResultExitDate"), at("ScenarioResultExitCut"))}+IF(${at("ScenarioResultExitDate")}<=${at("ScenarioResultEndDate")},TerminationFee,0)`,
    ],
    ["ScenarioResultMonthlyExit", "Monthly exit probability q", FORMATS.factor, (at) => `1-(1-${at("ScenarioResultExitProbability")})^(1/MonthsPerYear)`],
    [
      "ScenarioResultExpected",
      "Expected",
      FORMATS.money,
      // Σ_k (1 − q)^k q V_k + (1 − q)^K T; at q = 1 only the first notice month counts (0^0 avoided). k is
      // the notice month's row from the first: the k column is blank past the last notice, a power of "" an error.
      (at) => {
        const q = at("ScenarioResultMonthlyExit");
        const months = at("ScenarioResultNoticeMonths");
        const headline = at("ScenarioResultHeadline");
        return (
          `IF(${q}=1,IF(${months}=0,${headline},INDEX(NoticeMonthValue,1)),` +
          `ROUND(${q}*SUMPRODUCT(NoticeMonthValue,--(NoticeMonthExit<=${at("ScenarioResultEndDate")}),(1-${q})^(ROW(NoticeMonthExit)-MIN(ROW(NoticeMonthExit))))+(1-${q})^${months}*${headline},2))`
        );
      },
    ],
    [
      "ScenarioResultPresentValue",
      "Present value",
      FORMATS.money,
      (at) => presentValueBefore(afterEnd(at), at("ScenarioResultDiscountRate"), at("ScenarioResultEndPeriod"), at("ScenarioResultEndCut")),
    ],
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
      cells: columns.map(([name, , numberFormat, formula]): ListCell<ScenarioResultName> => ({
        formulaAt: (at) => (name === "ScenarioResultName" ? formula(at) : blankPastTerm(at("ScenarioResultName"), formula(at))),
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
      "NoticeUsed", "NoticeDays", "LockInEnd", "NoticeMonthExit", "NoticeMonthValue", "TerminationFee", "MonthsPerYear", "BridgePaymentDays",
    ],
  };
}
