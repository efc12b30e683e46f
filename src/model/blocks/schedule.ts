/**
 * The Schedule block: one row per period, one formula shape per column, laid out for the term plus a
 * margin; rows past the term are blank.
 */
import { Block, RowRefs, SeriesColumn } from "../layout";
import { FORMATS } from "./context";
import { blankPastTerm, cutPeriodPayment, discountFactor, proRata } from "./fragments";

export type ScheduleName =
  | "SchedulePeriod"
  | "ScheduleStart"
  | "ScheduleEnd"
  | "ScheduleDays"
  | "ScheduleRate"
  | "SchedulePayment"
  | "SchedulePaymentDate"
  | "ScheduleCumulative"
  | "ScheduleDiscountFactor"
  | "SchedulePresentValue"
  | "ScheduleOwedAtExit";

/** Blank past the term: every column but the period number follows the period cell. */
const unlessBlank = (row: RowRefs, formula: string) => blankPastTerm(row.at("SchedulePeriod"), formula);

const column = (
  name: ScheduleName,
  header: string,
  numberFormat: string,
  formula: (row: RowRefs, at: (name: ScheduleName) => string) => string,
): SeriesColumn<ScheduleName> => ({
  name,
  header,
  numberFormat,
  formula: (row) => (name === "SchedulePeriod" ? formula(row, row.at) : unlessBlank(row, formula(row, row.at))),
});

/**
 * @example
 * scheduleBlock().series.map((c) => c.header) // ["Period", "Start", "End", …, "Owed at exit"]
 */
export function scheduleBlock(): Block<ScheduleName> {
  return {
    id: "schedule",
    title: "SCHEDULE",
    series: [
      column("SchedulePeriod", "Period", FORMATS.integer, (row) => `IF(${row.index}<=PeriodCount,${row.index},"")`),
      column("ScheduleStart", "Start", FORMATS.date, (_, at) => `EDATE(StartDate,(${at("SchedulePeriod")}-1)*MonthsPerPeriod)`),
      column("ScheduleEnd", "End", FORMATS.date, (_, at) => `MIN(EDATE(StartDate,${at("SchedulePeriod")}*MonthsPerPeriod)-1,EndDate)`),
      column("ScheduleDays", "Days in period", FORMATS.integer, (_, at) => `EDATE(StartDate,${at("SchedulePeriod")}*MonthsPerPeriod)-${at("ScheduleStart")}`),
      column(
        "ScheduleRate",
        "Rate in force",
        FORMATS.money,
        (_, at) =>
          `ROUND(IF(COUNTIF(RampDates,"<="&${at("ScheduleStart")})=0,Payment,INDEX(RampAmounts,COUNTIF(RampDates,"<="&${at("ScheduleStart")})))` +
          `*(1+Escalation)^INT((${at("SchedulePeriod")}-1)*MonthsPerPeriod/MonthsPerYear),2)`,
      ),
      column(
        "SchedulePayment",
        "Payment",
        FORMATS.money,
        (_, at) => cutPeriodPayment({ rate: at("ScheduleRate"), start: at("ScheduleStart"), days: at("ScheduleDays") }, at("ScheduleEnd")),
      ),
      column("SchedulePaymentDate", "Payment date", FORMATS.date, (_, at) => `IF(Timing="arrears",${at("ScheduleEnd")},${at("ScheduleStart")})`),
      column("ScheduleCumulative", "Cumulative", FORMATS.money, (row) => `SUM(${row.fromFirst("SchedulePayment")})`),
      column(
        "ScheduleDiscountFactor",
        "Discount factor",
        FORMATS.factor,
        (_, at) => discountFactor("DiscountRate", `${at("SchedulePaymentDate")}-StartDate`),
      ),
      column("SchedulePresentValue", "Present value", FORMATS.money, (_, at) => `${at("SchedulePayment")}*${at("ScheduleDiscountFactor")}`),
      column(
        "ScheduleOwedAtExit",
        "Owed at exit",
        FORMATS.money,
        (_, at) =>
          `IF(${at("ScheduleStart")}>=ExitDate,0,IF(OR(ExitDate-1>=${at("ScheduleEnd")},Proration<>"actual"),${at("SchedulePayment")},` +
          `${proRata(at("ScheduleRate"), `ExitDate-${at("ScheduleStart")}`, at("ScheduleDays"))}))`,
      ),
    ],
    reads: [
      "PeriodCount", "StartDate", "EndDate", "MonthsPerPeriod", "RampDates", "RampAmounts", "Payment", "Escalation", "MonthsPerYear",
      "Proration", "Timing", "DiscountRate", "DaysPerYear", "ExitDate",
    ],
  };
}
