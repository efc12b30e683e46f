/**
 * The Checks block: key figures again through the DEAL functions beside the native ones, flagged
 * agree / DISAGREE (without the add-in they read "add-in not loaded", never an error), and the sheet's
 * own sanity checks.
 */
import { Block, ListRow } from "../layout";
import { FORMATS, ModelContext, NO_ADDIN } from "./context";
import { SummaryName } from "./summary";

/** The summary figures the DEAL functions recompute. */
export const CHECKED = ["TotalValue", "RunRate", "PresentValue", "ExitDate", "Committed"] as const satisfies readonly SummaryName[];
type Checked = (typeof CHECKED)[number];

/** `DealTotalValue`: the DEAL function's figure; `TotalValueAgrees`: the flag. */
export type CheckName = `Deal${Checked}` | `${Checked}Agrees` | "InputsRecognised" | "ScheduleRowsCheck" | "RampCheck";

/**
 * @example
 * checksBlock(ctx).list.rows[0].names // [{ name: "DealTotalValue", cell: 1 }, { name: "TotalValueAgrees", cell: 2 }]
 */
export function checksBlock(ctx: ModelContext): Block<CheckName> {
  const pay = ctx.terms.payment.kind === "ramp" ? "Ramp" : "Payment";
  const options = "Frequency,Escalation,Timing,Proration";
  const exitCall = (fn: "EXIT_DATE" | "EXIT_VALUE") => {
    const head = fn === "EXIT_VALUE" ? `StartDate,EndDate,${pay},` : "StartDate,EndDate,";
    const tail = fn === "EXIT_VALUE" ? `,${options}` : "";
    const fee = fn === "EXIT_VALUE" ? ",TerminationFee" : "";
    // A fixed-date lock-in has no DEAL argument: pass the notice date the sheet derived instead.
    return (
      `IF(ISNUMBER(LockInLastDay),DEAL.${fn}(${head}0,NoticeDays${tail},TRUE,NoticeUsed${fee}),` +
      `DEAL.${fn}(${head}LockInMonths,NoticeDays${tail},NoticeInLockIn,NoticeDate${fee}))`
    );
  };
  const calls: Record<Checked, [string, string, string]> = {
    TotalValue: ["Total contract value", `DEAL.CONTRACT_VALUE(StartDate,EndDate,${pay},${options})`, FORMATS.money],
    RunRate: ["Annual run-rate at start", `DEAL.RUN_RATE(${pay},Frequency,Escalation,StartDate,StartDate,EndDate)`, FORMATS.money],
    PresentValue: ["Present value", `DEAL.CONTRACT_PV(StartDate,EndDate,${pay},DiscountRate,${options})`, FORMATS.money],
    ExitDate: ["Effective exit date", exitCall("EXIT_DATE"), FORMATS.date],
    Committed: ["Committed value at exit", exitCall("EXIT_VALUE"), FORMATS.money],
  };
  const checkRows: ListRow<CheckName>[] = CHECKED.map((figure) => {
    const [label, call, numberFormat] = calls[figure];
    const deal = `Deal${figure}` as const;
    return {
      label,
      cells: [
        { formula: figure, numberFormat, style: "output" },
        { formula: `IFERROR(${call},"${NO_ADDIN}")`, numberFormat, style: "output" },
        {
          formula: `IF(ISNUMBER(${deal}),IF(ABS(${deal}-${figure})<CheckTolerance,"agree","DISAGREE"),"${NO_ADDIN}: native figures stand")`,
          style: "check",
        },
      ],
      names: [
        { name: deal, cell: 1 },
        { name: `${figure}Agrees`, cell: 2 },
      ],
    };
  });
  const status = (name: CheckName, label: string, formula: string): ListRow<CheckName> => ({
    label,
    cells: [{ formula, style: "check" }],
    names: [{ name, cell: 0 }],
  });
  return {
    id: "checks",
    title: "CHECKS",
    list: {
      header: ["Native formula", "DEAL function", "Agree?"],
      rows: [
        ...checkRows,
        status(
          "InputsRecognised",
          "Inputs recognised",
          'IF(AND(ISNUMBER(MATCH(Frequency,FrequencyWords,0)),OR(Timing="advance",Timing="arrears"),OR(Proration="full",Proration="actual"),EndDate>=StartDate),' +
            '"inputs OK","CHECK INPUTS: frequency, timing, proration words, or end before start")',
        ),
        status(
          "ScheduleRowsCheck",
          "Schedule rows",
          'IF(PeriodCount>ROWS(SchedulePeriod),"WARNING: the term has "&PeriodCount&" periods but only "&ROWS(SchedulePeriod)&" rows are laid out; insert the model again",' +
            '"all "&PeriodCount&" periods laid out (room for "&ROWS(SchedulePeriod)&")")',
        ),
        status(
          "RampCheck",
          "Ramp",
          'IF(COUNT(RampDates)=0,"no ramp: Payment applies",IF(MIN(RampDates)>StartDate,"NOTE: periods before the first ramp date use Payment","ramp in force from the start"))',
        ),
      ],
    },
    reads: [
      ...CHECKED, "StartDate", "EndDate", "Payment", "Ramp", "RampDates", "Frequency", "FrequencyWords", "Escalation", "Timing", "Proration",
      "DiscountRate", "LockInLastDay", "LockInMonths", "NoticeDays", "NoticeInLockIn", "NoticeDate", "NoticeUsed", "TerminationFee",
      "CheckTolerance", "PeriodCount", "SchedulePeriod",
    ],
  };
}
