/**
 * The value bridge (README, "The value bridge"; core: `valueBridge`, `expectedValue`): headline →
 * less value beyond the enforceable exit → committed → less expected SLA credits → less delivery
 * shortfall → risk-adjusted committed; and the expected value at the exit probability, beside the
 * expected value under market-driven exit (DEAL.EXIT_OPTION, see ./market.ts). Every figure
 * under the scenario in use (the Scenario blocks' `…Used` names), nominal and at present value.
 *
 * Four blocks:
 * - **SLA tiers** (inputs): uptime below which a tier applies, and its credit share;
 * - **Value bridge** (per period, beside the Schedule): the payment in the scenario's term, what the
 *   exit commits, the delivered share (an input column, 100% by default), payable, shortfall, credit,
 *   risk-adjusted, the expected payment, and the cumulative columns the chart draws;
 * - **Notice months** (per notice month k, on the same rows): notice on EDATE(earliest, k), the exit
 *   it gives, the value owed at that exit V_k, the probability that notice first comes then;
 * - **Value bridge** (the lines, and checks that the steps sum to their ends).
 */
import { valueError } from "../../core";
import { Block, ListRow, RowRefs, SeriesColumn } from "../layout";
import { valueAssumptions } from "../templates";
import { FORMATS, ModelContext } from "./context";
import { blankPastTerm, discountFactor, proRata } from "./fragments";
import { cutOwed, fullPeriodsBefore, OWED_READS } from "./owed";
import { EXIT_OPTION_READS, EXPECTED_PAYMENTS_ROW, exitOptionCall, latticeFigure } from "./market";

// ---------------------------------------------------------------------------------------------
// SLA tiers (inputs)
// ---------------------------------------------------------------------------------------------

/** Rows of the tier table: the typical three, and room for more. */
export const SLA_TIER_ROWS = 5;

export type SlaTierName = "SlaTierBelow" | "SlaTierCredit";

/**
 * @example
 * slaTiersBlock(ctx).list.ranges // SlaTierBelow and SlaTierCredit over the table's rows
 */
export function slaTiersBlock(ctx: ModelContext): Block<SlaTierName> {
  const { rows: tiers, basis } = valueAssumptions(ctx.deal).slaTiers;
  if (tiers.length > SLA_TIER_ROWS) throw valueError(`The model sheet holds at most ${SLA_TIER_ROWS} SLA tiers; this deal has ${tiers.length}.`);
  const rows: ListRow<SlaTierName>[] = Array.from({ length: SLA_TIER_ROWS }, (_, i) => ({
    label: `Tier ${i + 1}`,
    cells: [
      { value: tiers[i]?.below ?? null, numberFormat: FORMATS.percent, style: "input" },
      { value: tiers[i]?.credit ?? null, numberFormat: FORMATS.percent, style: "input" },
    ],
  }));
  rows.push({
    label: `${basis}: a tier applies when uptime is below its threshold; the deepest tier breached applies (a deeper tier never earns less).`,
    labelStyle: "note",
  });
  const last = SLA_TIER_ROWS - 1;
  return {
    id: "slaTiers",
    title: "SLA TIERS",
    list: {
      header: ["Uptime below", "Credit (share of payment)"],
      rows,
      ranges: [
        { name: "SlaTierBelow", fromRow: 0, toRow: last, fromCell: 0, toCell: 0 },
        { name: "SlaTierCredit", fromRow: 0, toRow: last, fromCell: 1, toCell: 1 },
      ],
    },
    reads: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Per period
// ---------------------------------------------------------------------------------------------

export type BridgeSeriesName =
  | "BridgePaymentDays"
  | "BridgePayment"
  | "BridgePaymentDate"
  | "BridgeDiscountFactor"
  | "BridgeCommitted"
  | "BridgeBeyondExit"
  | "DeliveredShare"
  | "BridgeDeliveredShare"
  | "BridgePayable"
  | "BridgeShortfall"
  | "BridgeSlaCredit"
  | "BridgeRiskAdjusted"
  | "BridgeExpected"
  | "CumulativeHeadline"
  | "CumulativeCommitted"
  | "CumulativeExpected";

/** The chart's columns, in order: cumulative headline, committed and expected payments. */
export const CHART_COLUMNS = ["CumulativeHeadline", "CumulativeCommitted", "CumulativeExpected"] as const satisfies readonly BridgeSeriesName[];

/** Blank past the Schedule's term, like the Schedule. */
const inTerm = (row: RowRefs, formula: string) => blankPastTerm(row.at("SchedulePeriod"), formula);

function bridgeColumn(name: BridgeSeriesName, header: string, numberFormat: string, formula: (at: RowRefs["at"], row: RowRefs) => string): SeriesColumn<BridgeSeriesName> {
  return { name, header, numberFormat, formula: (row) => inTerm(row, formula(row.at, row)) };
}

/**
 * @example
 * bridgeSeriesBlock().series.map((c) => c.name) // ["BridgePaymentDays", "BridgePayment", …, "CumulativeExpected"]
 */
export function bridgeSeriesBlock(): Block<BridgeSeriesName> {
  return {
    id: "bridgeSeries",
    title: "VALUE BRIDGE (per period, scenario in use)",
    series: [
      {
        name: "BridgePaymentDays",
        header: "Days from start to payment",
        numberFormat: FORMATS.integer,
        // Blank past the term; the closed forms read it as 0&days, a number on every row (see owed.ts).
        formula: (row) => `IF(${row.at("SchedulePeriod")}="","",${row.at("SchedulePaymentDate")}-StartDate)`,
      },
      bridgeColumn(
        "BridgePayment",
        "Payment in the scenario's term",
        FORMATS.money,
        (at) =>
          `IF(${at("ScheduleStart")}>EndDateUsed,0,IF(${at("ScheduleEnd")}<=EndDateUsed,${at("SchedulePayment")},` +
          `IF(Proration="actual",${proRata(at("ScheduleRate"), `EndDateUsed-${at("ScheduleStart")}+1`, at("ScheduleDays"))},${at("ScheduleRate")})))`,
      ),
      bridgeColumn(
        "BridgePaymentDate",
        "Payment date",
        FORMATS.date,
        (at) => `IF(AND(Timing="arrears",${at("ScheduleEnd")}>EndDateUsed),EndDateUsed,${at("SchedulePaymentDate")})`,
      ),
      bridgeColumn("BridgeDiscountFactor", "Discount factor", FORMATS.factor, (at) => discountFactor("DiscountRateUsed", `${at("BridgePaymentDate")}-StartDate`)),
      bridgeColumn(
        "BridgeCommitted",
        "Committed (owed before the exit)",
        FORMATS.money,
        (at) =>
          `IF(${at("ScheduleStart")}>=BridgeExitDate,0,IF(OR(BridgeExitDate-1>=MIN(${at("ScheduleEnd")},EndDateUsed),Proration<>"actual"),${at("BridgePayment")},` +
          `${proRata(at("ScheduleRate"), `BridgeExitDate-${at("ScheduleStart")}`, at("ScheduleDays"))}))`,
      ),
      bridgeColumn("BridgeBeyondExit", "Beyond the exit", FORMATS.money, (at) => `${at("BridgePayment")}-${at("BridgeCommitted")}`),
      { name: "DeliveredShare", header: "Delivered share (input)", numberFormat: FORMATS.percent, value: 1, style: "input" },
      bridgeColumn(
        "BridgeDeliveredShare",
        "Delivered share used",
        FORMATS.percent,
        (at) => `IF(ISNUMBER(DeliveredShareUsed),DeliveredShareUsed,${at("DeliveredShare")})`,
      ),
      bridgeColumn("BridgePayable", "Payable (committed × delivered)", FORMATS.money, (at) => `ROUND(${at("BridgeCommitted")}*${at("BridgeDeliveredShare")},2)`),
      bridgeColumn("BridgeShortfall", "Delivery shortfall", FORMATS.money, (at) => `${at("BridgeCommitted")}-${at("BridgePayable")}`),
      bridgeColumn("BridgeSlaCredit", "Expected SLA credit", FORMATS.money, (at) => `ROUND(${at("BridgePayable")}*SlaCreditShare,2)`),
      bridgeColumn("BridgeRiskAdjusted", "Risk-adjusted", FORMATS.money, (at) => `${at("BridgePayable")}-${at("BridgeSlaCredit")}`),
      bridgeColumn(
        "BridgeExpected",
        "Expected payment",
        FORMATS.money,
        // Owed in full when notice never comes or its exit is after the period's end; plus the cut
        // amounts and fees of the exits that fall in this period, weighted by their probabilities.
        (at) =>
          `${at("BridgePayment")}*(NoExitProbability+SUMPRODUCT(NoticeMonthProbability,--(NoticeMonthExit>${at("ScheduleEnd")})))` +
          `+SUMIF(NoticeMonthLastPeriod,${at("SchedulePeriod")},NoticeMonthExpectedCut)`,
      ),
      bridgeColumn("CumulativeHeadline", "Cumulative headline", FORMATS.money, (_, row) => `SUM(${row.fromFirst("BridgePayment")})`),
      bridgeColumn(
        "CumulativeCommitted",
        "Cumulative committed",
        FORMATS.money,
        (at, row) => `SUM(${row.fromFirst("BridgeCommitted")})+IF(${at("ScheduleEnd")}>=BridgeExitDate-1,BridgeFee,0)`,
      ),
      bridgeColumn("CumulativeExpected", "Cumulative expected", FORMATS.money, (_, row) => `SUM(${row.fromFirst("BridgeExpected")})`),
    ],
    reads: [
      ...OWED_READS, "SchedulePeriod", "SchedulePaymentDate", "EndDateUsed", "DiscountRateUsed", "DeliveredShareUsed", "BridgeExitDate", "BridgeFee",
      "SlaCreditShare", "NoExitProbability", "NoticeMonthProbability", "NoticeMonthExit", "NoticeMonthLastPeriod", "NoticeMonthExpectedCut",
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Notice months
// ---------------------------------------------------------------------------------------------

export type NoticeMonthName =
  | "NoticeMonthIndex"
  | "NoticeMonthDate"
  | "NoticeMonthExit"
  | "NoticeMonthLastPeriod"
  | "NoticeMonthCut"
  | "NoticeMonthValue"
  | "NoticeMonthProbability"
  | "NoticeMonthPresentValue"
  | "NoticeMonthExpectedCut";

/**
 * Notice in month k: served on EDATE(earliest notice, k) — from that date, never chained — for as long
 * as the exit it gives, MAX(notice + notice days, lock-in end), is within the contract's term. The
 * values are the contract's (the same for any shorter scenario term that still holds the exit); the
 * probabilities are the scenario's, and blank for exits after the scenario's end.
 *
 * @example
 * noticeMonthsBlock().series[0].formula(refs) // "(ROW()-ROW($AC$4))-1"
 */
export function noticeMonthsBlock(): Block<NoticeMonthName> {
  const exitOf = (at: RowRefs["at"]) => at("NoticeMonthExit");
  const blankUnless = (test: string, formula: string) => `IF(${test}="","",${formula})`;
  const k = (at: RowRefs["at"]) => at("NoticeMonthLastPeriod");
  return {
    id: "noticeMonths",
    title: "NOTICE MONTHS (expected value)",
    series: [
      {
        name: "NoticeMonthIndex",
        header: "k",
        numberFormat: FORMATS.integer,
        // Blank past the last month a notice can be served in (its exit after the end): no row of data.
        formula: (row) => `IF(MAX(EDATE(EarliestNotice,${row.index}-1)+NoticeDays,LockInEnd)<=EndDate,${row.index}-1,"")`,
      },
      {
        name: "NoticeMonthDate",
        header: "Notice served",
        numberFormat: FORMATS.date,
        formula: ({ at }) => blankUnless(at("NoticeMonthIndex"), `EDATE(EarliestNotice,${at("NoticeMonthIndex")})`),
      },
      {
        name: "NoticeMonthExit",
        header: "Exit (first day without service)",
        numberFormat: FORMATS.date,
        formula: ({ at }) => blankUnless(at("NoticeMonthDate"), `MAX(${at("NoticeMonthDate")}+NoticeDays,LockInEnd)`),
      },
      {
        name: "NoticeMonthLastPeriod",
        header: "Period of the last day",
        numberFormat: FORMATS.integer,
        formula: ({ at }) => blankUnless(exitOf(at), `COUNTIF(ScheduleStart,"<"&${exitOf(at)})`),
      },
      {
        name: "NoticeMonthCut",
        header: "Owed for the period cut",
        numberFormat: FORMATS.money,
        formula: ({ at }) => blankUnless(exitOf(at), cutOwed(exitOf(at), k(at))),
      },
      {
        name: "NoticeMonthValue",
        header: "Value owed at the exit",
        numberFormat: FORMATS.money,
        formula: ({ at }) => blankUnless(exitOf(at), `${fullPeriodsBefore(exitOf(at))}+${at("NoticeMonthCut")}+TerminationFee`),
      },
      {
        name: "NoticeMonthProbability",
        header: "Probability notice first comes then",
        numberFormat: FORMATS.factor,
        formula: ({ at }) =>
          `IF(OR(${exitOf(at)}="",${exitOf(at)}>EndDateUsed),"",IF(${at("NoticeMonthIndex")}=0,MonthlyExitProbability,` +
          `(1-MonthlyExitProbability)^${at("NoticeMonthIndex")}*MonthlyExitProbability))`,
      },
      {
        name: "NoticeMonthPresentValue",
        header: "Present value of the value owed",
        numberFormat: FORMATS.money,
        formula: ({ at }) =>
          blankUnless(
            at("NoticeMonthProbability"),
            `SUMPRODUCT(BridgePayment,BridgeDiscountFactor,--(ScheduleEnd<${exitOf(at)}))+IF(${k(at)}=0,0,${at("NoticeMonthCut")}*INDEX(BridgeDiscountFactor,${k(at)}))` +
              `+TerminationFee*${discountFactor("DiscountRateUsed", `${exitOf(at)}-StartDate`)}`,
          ),
      },
      {
        name: "NoticeMonthExpectedCut",
        header: "Expected cut and fee",
        numberFormat: FORMATS.money,
        formula: ({ at }) => blankUnless(at("NoticeMonthProbability"), `${at("NoticeMonthProbability")}*(${at("NoticeMonthCut")}+TerminationFee)`),
      },
    ],
    reads: [
      ...OWED_READS, "EarliestNotice", "NoticeDays", "LockInEnd", "EndDate", "TerminationFee", "EndDateUsed", "MonthlyExitProbability",
      "BridgePayment", "BridgeDiscountFactor", "DiscountRateUsed",
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// The bridge's lines
// ---------------------------------------------------------------------------------------------

export type BridgeName =
  | "BridgeExitDate"
  | "BridgeFee"
  | "BridgeFeePresentValue"
  | "SlaCreditShare"
  | "MonthlyExitProbability"
  | "NoticeMonthCount"
  | "NoExitProbability"
  | "HeadlineValue"
  | "HeadlinePresentValue"
  | "LessValueBeyondExit"
  | "LessValueBeyondExitPresentValue"
  | "CommittedValue"
  | "CommittedPresentValue"
  | "LessSlaCredits"
  | "LessSlaCreditsPresentValue"
  | "LessDeliveryShortfall"
  | "LessDeliveryShortfallPresentValue"
  | "RiskAdjustedValue"
  | "RiskAdjustedPresentValue"
  | "LessExpectedExits"
  | "LessExpectedExitsPresentValue"
  | "ExpectedValue"
  | "ExpectedPresentValue"
  | "MarketExpectedValue"
  | "BridgeStepsCheck"
  | "RiskStepsCheck"
  | "ExpectedPaymentsCheck"
  | "ScenarioResultsAgree"
  | "ScenarioResultsCheck"
  | "CommittedSummaryCheck"
  | "NoticeMonthRowsCheck"
  | "SlaTiersCheck";

const agrees = (pairs: readonly [string, string][]) => `AND(${pairs.map(([a, b]) => `ABS(${a}-${b})<CheckTolerance`).join(",")})`;

/**
 * @example
 * valueBridgeBlock(ctx).list.rows.find((r) => r.names?.[0].name === "HeadlineValue")!.cells![0].formula // "SUM(BridgePayment)"
 */
export function valueBridgeBlock(ctx: ModelContext): Block<BridgeName> {
  const figure = (name: BridgeName, label: string, formula: string, numberFormat: string | undefined, how: string): ListRow<BridgeName> => ({
    label,
    cells: [{ formula, numberFormat, style: "output" }, {}, { value: how, style: "note" }],
    names: [{ name, cell: 0 }],
  });
  const line = (name: BridgeName, label: string, nominal: string, present: string, how: string): ListRow<BridgeName> => ({
    label,
    labelStyle: name.startsWith("Less") ? "label" : "header",
    cells: [
      { formula: nominal, numberFormat: FORMATS.money, style: "output" },
      { formula: present, numberFormat: FORMATS.money, style: "output" },
      { value: how, style: "note" },
    ],
    names: [
      { name, cell: 0 },
      { name: `${name.replace(/Value$/, "")}PresentValue` as BridgeName, cell: 1 },
    ],
  });
  const check = (name: BridgeName, label: string, formula: string): ListRow<BridgeName> => ({ label, cells: [{ formula, style: "check" }], names: [{ name, cell: 0 }] });
  const feePv = `BridgeFee*${discountFactor("DiscountRateUsed", "BridgeExitDate-StartDate")}`;
  return {
    id: "valueBridge",
    title: "VALUE BRIDGE (scenario in use)",
    list: {
      header: ["Nominal", "Present value", "How it is computed"],
      rows: [
        figure("BridgeExitDate", "Enforceable exit (first day without service)", "MIN(MAX(NoticeUsed+NoticeDays,LockInEnd),EndDateUsed+1)", FORMATS.date, "notice used + notice days, within the scenario's term"),
        {
          label: "Termination fee on that exit",
          cells: [
            { formula: "IF(BridgeExitDate<=EndDateUsed,TerminationFee,0)", numberFormat: FORMATS.money, style: "output" },
            { formula: feePv, numberFormat: FORMATS.money, style: "output" },
            { value: "paid on the exit date; none if the term runs out", style: "note" },
          ],
          names: [
            { name: "BridgeFee", cell: 0 },
            { name: "BridgeFeePresentValue", cell: 1 },
          ],
        },
        figure("SlaCreditShare", "SLA credit share at the expected uptime", "SUMPRODUCT(MAX((SlaTierBelow>ExpectedUptimeUsed)*SlaTierCredit))", FORMATS.percent, "the deepest tier breached: the largest credit of the tiers the uptime is below"),
        figure("MonthlyExitProbability", "Monthly exit probability q", "1-(1-ExitProbabilityUsed)^(1/MonthsPerYear)", FORMATS.factor, "1 − (1 − annual) ^ (1 / 12)"),
        figure("NoticeMonthCount", "Notice months K (exit within the term)", "COUNT(NoticeMonthProbability)", FORMATS.integer, "see NOTICE MONTHS"),
        figure("NoExitProbability", "Probability that notice never comes", "IF(NoticeMonthCount=0,1,(1-MonthlyExitProbability)^NoticeMonthCount)", FORMATS.factor, "(1 − q) ^ K"),
        line("HeadlineValue", "Headline contract value", "SUM(BridgePayment)", "SUMPRODUCT(BridgePayment,BridgeDiscountFactor)", "every payment of the scenario's term"),
        line(
          "LessValueBeyondExit",
          "less value beyond the enforceable exit",
          "BridgeFee-SUM(BridgeBeyondExit)",
          "BridgeFeePresentValue-SUMPRODUCT(BridgeBeyondExit,BridgeDiscountFactor)",
          "payments after the exit, net of the fee it pays",
        ),
        line(
          "CommittedValue",
          "Committed value",
          "SUM(BridgeCommitted)+BridgeFee",
          "SUMPRODUCT(BridgeCommitted,BridgeDiscountFactor)+BridgeFeePresentValue",
          "owed up to the exit, fee included",
        ),
        line("LessSlaCredits", "less expected SLA credits", "-SUM(BridgeSlaCredit)", "-SUMPRODUCT(BridgeSlaCredit,BridgeDiscountFactor)", "payable × the credit share"),
        line("LessDeliveryShortfall", "less delivery shortfall", "-SUM(BridgeShortfall)", "-SUMPRODUCT(BridgeShortfall,BridgeDiscountFactor)", "committed × (1 − delivered share)"),
        line(
          "RiskAdjustedValue",
          "Risk-adjusted committed value",
          "SUM(BridgeRiskAdjusted)+BridgeFee",
          "SUMPRODUCT(BridgeRiskAdjusted,BridgeDiscountFactor)+BridgeFeePresentValue",
          "payable less credits, fee included",
        ),
        line("LessExpectedExits", "Headline less expected exits", "ExpectedValue-HeadlineValue", "ExpectedPresentValue-HeadlinePresentValue", "what the chance of notice takes away"),
        line(
          "ExpectedValue",
          "Expected value",
          "ROUND(SUMPRODUCT(NoticeMonthProbability,NoticeMonthValue)+NoExitProbability*HeadlineValue,2)",
          "ROUND(SUMPRODUCT(NoticeMonthProbability,NoticeMonthPresentValue)+NoExitProbability*HeadlinePresentValue,2)",
          "Σ P(first notice in month k) × V_k + P(none) × headline",
        ),
        figure(
          "MarketExpectedValue",
          "Expected under market-driven exit",
          latticeFigure(exitOptionCall(ctx, "EndDateUsed", "DiscountRateUsed"), EXPECTED_PAYMENTS_ROW),
          FORMATS.money,
          "DEAL.EXIT_OPTION's expected payments: each party gives notice when the market makes it pay (see MARKET)",
        ),
        check(
          "BridgeStepsCheck",
          "Check: headline less beyond = committed",
          `IF(${agrees([["HeadlineValue+LessValueBeyondExit", "CommittedValue"], ["HeadlinePresentValue+LessValueBeyondExitPresentValue", "CommittedPresentValue"]])},"steps sum","STEPS DO NOT SUM")`,
        ),
        check(
          "RiskStepsCheck",
          "Check: committed less credits and shortfall = risk-adjusted",
          `IF(${agrees([
            ["CommittedValue+LessSlaCredits+LessDeliveryShortfall", "RiskAdjustedValue"],
            ["CommittedPresentValue+LessSlaCreditsPresentValue+LessDeliveryShortfallPresentValue", "RiskAdjustedPresentValue"],
          ])},"steps sum","STEPS DO NOT SUM")`,
        ),
        check(
          "ExpectedPaymentsCheck",
          "Check: expected payments sum to the expected value",
          `IF(${agrees([["ROUND(SUM(BridgeExpected),2)", "ExpectedValue"]])},"agree","DISAGREE")`,
        ),
        figure(
          "ScenarioResultsAgree",
          "The scenario's row of the results agrees",
          `IF(ScenarioRowUsed=0,FALSE,${agrees([
            ["HeadlineValue", "INDEX(ScenarioResultHeadline,ScenarioRowUsed)"],
            ["CommittedValue", "INDEX(ScenarioResultCommitted,ScenarioRowUsed)"],
            ["ExpectedValue", "INDEX(ScenarioResultExpected,ScenarioRowUsed)"],
            ["HeadlinePresentValue", "INDEX(ScenarioResultPresentValue,ScenarioRowUsed)"],
          ])})`,
          undefined,
          "headline, committed, expected and present value, each within the tolerance",
        ),
        check(
          "ScenarioResultsCheck",
          "Check: the scenario's row of the results agrees",
          'IF(ScenarioRowUsed=0,"no scenario row: the inputs apply",IF(ScenarioResultsAgree,"agree","DISAGREE"))',
        ),
        check(
          "CommittedSummaryCheck",
          "Check: committed agrees with the Summary",
          `IF(EndDateUsed<EndDate,"the scenario shortens the term: not comparable",IF(${agrees([["CommittedValue", "Committed"]])},"agree","DISAGREE"))`,
        ),
        check(
          "SlaTiersCheck",
          "Check: SLA tiers in order",
          // A pair of tiers where the deeper (lower threshold) earns the smaller credit breaks the credit share's MAX rule.
          'IF(SUMPRODUCT(COUNTIFS(SlaTierBelow,"<"&SlaTierBelow,SlaTierCredit,"<"&SlaTierCredit))>0,' +
            '"CHECK TIERS: a deeper tier earns a smaller credit than a milder one","deeper tiers earn at least as much")',
        ),
        check(
          "NoticeMonthRowsCheck",
          "Check: notice months laid out",
          'IF(INDEX(NoticeMonthExit,ROWS(NoticeMonthExit))<>"","WARNING: more notice months than rows; insert the model again",' +
            '"all "&COUNT(NoticeMonthExit)&" notice months laid out")',
        ),
      ],
    },
    reads: [
      "NoticeUsed", "NoticeDays", "LockInEnd", "EndDateUsed", "EndDate", "TerminationFee", "DiscountRateUsed", "StartDate", "DaysPerYear",
      "SlaTierBelow", "SlaTierCredit", "ExpectedUptimeUsed", "ExitProbabilityUsed", "MonthsPerYear", "NoticeMonthProbability", "NoticeMonthValue",
      "NoticeMonthPresentValue", "NoticeMonthExit", "BridgePayment", "BridgeDiscountFactor", "BridgeBeyondExit", "BridgeCommitted", "BridgeSlaCredit",
      "BridgeShortfall", "BridgeRiskAdjusted", "BridgeExpected", "CheckTolerance", "ScenarioRowUsed", "ScenarioResultHeadline",
      "ScenarioResultCommitted", "ScenarioResultExpected", "ScenarioResultPresentValue", "Committed", ...EXIT_OPTION_READS,
    ],
  };
}
