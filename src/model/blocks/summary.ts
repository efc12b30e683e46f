/**
 * The Summary block: the deal's headline figures, each one row, one formula, one name. Adding a
 * figure is adding one row here.
 */
import { Block } from "../layout";
import { figureRow, FORMATS } from "./context";

export type SummaryName =
  | "MonthsPerPeriod"
  | "PeriodCount"
  | "TotalValue"
  | "RunRate"
  | "PeakRunRate"
  | "PresentValue"
  | "LockInEnd"
  | "EarliestNotice"
  | "NoticeUsed"
  | "ExitDate"
  | "LastServiceDay"
  | "Committed"
  | "CommittedShare"
  | "ValueAtRisk"
  | "FundingMonths"
  | "GpuHourRate"
  | "DowntimeMinutes";

const output = (name: SummaryName, label: string, formula: string, numberFormat: string, how: string) => figureRow(name, label, formula, numberFormat, how);

const MONTHS_SPANNED = "((YEAR(EndDate)-YEAR(StartDate))*MonthsPerYear+MONTH(EndDate)-MONTH(StartDate))";

/**
 * @example
 * summaryBlock().list.rows.find((r) => r.names?.[0].name === "TotalValue")!.cells![0].formula // "SUM(SchedulePayment)"
 */
export function summaryBlock(): Block<SummaryName> {
  return {
    id: "summary",
    title: "SUMMARY",
    list: {
      header: ["Value", "How it is computed"],
      rows: [
        output(
          "MonthsPerPeriod",
          "Months per period",
          "IFERROR(INDEX(FrequencyMonths,MATCH(Frequency,FrequencyWords,0)),INDEX(FrequencyMonths,1))",
          FORMATS.integer,
          "from the frequency word (monthly if not recognised: see Checks)",
        ),
        output(
          "PeriodCount",
          "Periods in the term",
          `INT(${MONTHS_SPANNED}/MonthsPerPeriod)+1-IF(EDATE(StartDate,INT(${MONTHS_SPANNED}/MonthsPerPeriod)*MonthsPerPeriod)>EndDate,1,0)`,
          FORMATS.integer,
          "periods start at EDATE(start, k × months) up to the end",
        ),
        output("TotalValue", "Total contract value", "SUM(SchedulePayment)", FORMATS.money, "sum of scheduled payments"),
        output("RunRate", "Annual run-rate at start", "INDEX(ScheduleRate,1)*MonthsPerYear/MonthsPerPeriod", FORMATS.money, "first period's rate × periods a year"),
        output("PeakRunRate", "Peak annual run-rate", "MAX(ScheduleRate)*MonthsPerYear/MonthsPerPeriod", FORMATS.money, "after ramp and escalation"),
        output("PresentValue", "Present value at the discount rate", "SUM(SchedulePresentValue)", FORMATS.money, "XNPV conventions, at the start date"),
        output(
          "LockInEnd",
          "Lock-in ends (first day free of it)",
          "IF(ISNUMBER(LockInLastDay),LockInLastDay+1,EDATE(StartDate,LockInMonths))",
          FORMATS.date,
          "EDATE(start, lock-in months), or the day after the last day",
        ),
        output("EarliestNotice", "Earliest notice date", "IF(NoticeInLockIn,StartDate,LockInEnd)", FORMATS.date, "start if notice may run in the lock-in"),
        output(
          "NoticeUsed",
          "Notice date used",
          "IF(ISNUMBER(NoticeDate),MAX(NoticeDate,EarliestNotice),EarliestNotice)",
          FORMATS.date,
          "the input, never before the earliest",
        ),
        output(
          "ExitDate",
          "Effective exit date (first day without service)",
          "MIN(MAX(NoticeUsed+NoticeDays,LockInEnd),EndDate+1)",
          FORMATS.date,
          "notice + notice days; the day after the end if no early exit",
        ),
        output("LastServiceDay", "Last day of service", "ExitDate-1", FORMATS.date, "the day before the exit"),
        output(
          "Committed",
          "Committed value at exit",
          "SUM(ScheduleOwedAtExit)+IF(ExitDate<=EndDate,TerminationFee,0)",
          FORMATS.money,
          "payments owed through the exit, plus the fee on an early exit",
        ),
        output("CommittedShare", "Committed share of total", "IF(TotalValue=0,0,Committed/TotalValue)", FORMATS.percent, "committed ÷ total"),
        output("ValueAtRisk", "Value at risk (total − committed)", "TotalValue-Committed", FORMATS.money, "what either party may walk away from"),
        output(
          "FundingMonths",
          "Months of payments the client's funding covers",
          'IF(AND(ISNUMBER(FundingRaised),FundingRaised>0),FundingRaised/(PeakRunRate/MonthsPerYear),"not disclosed")',
          FORMATS.decimal,
          "funding ÷ peak monthly payment",
        ),
        output(
          "GpuHourRate",
          "Implied $/GPU-hour",
          'IF(AND(ISNUMBER(GpuCount),GpuCount>0),MAX(ScheduleRate)/MonthsPerPeriod/GpuCount/HoursPerMonth,"GPU count not disclosed")',
          FORMATS.rate,
          "peak payment per period ÷ months per period ÷ GPUs ÷ hours a month (as GPU_HOUR_RATE)",
        ),
        output(
          "DowntimeMinutes",
          "Downtime allowed per month (minutes)",
          'IF(ISNUMBER(UptimeTarget),(1-UptimeTarget)*HoursPerMonth*MinutesPerHour,"no uptime target")',
          FORMATS.decimal,
          "(1 − uptime) × hours a month × minutes an hour",
        ),
      ],
    },
    reads: [
      "Frequency", "FrequencyMonths", "FrequencyWords", "StartDate", "EndDate", "MonthsPerYear", "SchedulePayment", "ScheduleRate",
      "SchedulePresentValue", "ScheduleOwedAtExit", "LockInLastDay", "LockInMonths", "NoticeInLockIn", "NoticeDate", "NoticeDays",
      "TerminationFee", "FundingRaised", "GpuCount", "HoursPerMonth", "UptimeTarget", "MinutesPerHour",
    ],
  };
}
