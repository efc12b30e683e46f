/**
 * The deal model sheet as a plan: Inputs, Summary, Checks and Schedule, native formulas only.
 *
 * Formulas use functions that compute identically in Excel 2016+ and LibreOffice (EDATE, INDEX,
 * COUNTIF, ROUND, SUM, MIN/MAX, IF, ISNUMBER, IFERROR, YEAR/MONTH, INT) — no LET, LAMBDA, XLOOKUP,
 * SEQUENCE or other dynamic-array-only functions — and refer to inputs by sheet-scoped names so each
 * figure reads like its definition.
 */
import { countPeriods, MONTHS_PER_PERIOD, validateTerms, valueError } from "../core";
import { CellStyle, checkSheetName, columnLetter, PlanCell, PlanName, SheetPlan } from "./plan";
import { ContextValue, DealTemplate } from "./templates";

export const FORMATS = {
  date: "yyyy-mm-dd",
  money: "#,##0.00",
  percent: "0.00%",
  integer: "0",
  decimal: "#,##0.0",
  rate: "0.0000",
  factor: "0.000000",
} as const;

/** Extra schedule rows beyond the term, so the end date can move later without re-inserting. */
export const SCHEDULE_MARGIN = 36;
/** Rows of the ramp table. */
export const RAMP_ROWS = 8;
const WIDTH = 11; // columns A–K, the schedule's width

const FREQUENCY_WORDS = { monthly: "monthly", quarterly: "quarterly", semiannual: "semi-annual", annual: "annual" } as const;

export const NO_ADDIN = "add-in not loaded";

class Grid {
  readonly rows: PlanCell[][] = [];
  readonly names: PlanName[] = [];

  /** Sets a cell by 1-based row and 0-based column. */
  set(row: number, col: number, cell: PlanCell): void {
    while (this.rows.length < row) this.rows.push(Array.from({ length: WIDTH }, () => ({})));
    this.rows[row - 1][col] = cell;
  }

  name(name: string, ref: string): void {
    this.names.push({ name, ref });
  }
}

const abs = (col: number, row: number) => `$${columnLetter(col)}$${row}`;

/**
 * Builds the model plan of a template. The template's terms are validated first: a plan is only
 * ever made of terms the core accepts.
 *
 * @example
 * buildModelPlan(REFLECTION_SPACEX).summaryRefs.TotalValue // "$B$41"
 */
export function buildModelPlan(template: DealTemplate, sheetName: string = template.sheetName): SheetPlan {
  const terms = validateTerms(template.terms); // throws on bad terms, before anything is planned
  checkSheetName(sheetName);
  const g = new Grid();
  let r = 1;
  const label = (row: number, text: string, style: CellStyle = "label") => g.set(row, 0, { value: text, style });
  const note = (row: number, text: string) => g.set(row, 2, { value: text, style: "note" });

  g.set(r++, 0, { value: `Deal model — ${template.title}`, style: "title" });
  g.set(r++, 0, {
    value: "Built by Deal Modeler. Blue cells are inputs; every other figure is a native Excel formula and follows them.",
    style: "subtitle",
  });
  r++;

  // ---- Inputs -------------------------------------------------------------------------------
  label(r, "INPUTS", "section");
  g.set(r, 1, { value: "Value", style: "header" });
  g.set(r, 2, { value: "Basis / allowed values", style: "header" });
  r++;
  const input = (name: string, text: string, cell: PlanCell, basis?: string) => {
    label(r, text);
    g.set(r, 1, { ...cell, style: "input" });
    if (basis) note(r, basis);
    g.name(name, abs(1, r));
    r++;
  };
  const context = (name: string, text: string, ctx: ContextValue, numberFormat: string) =>
    input(name, text, { value: ctx.value, numberFormat }, ctx.basis);

  input("Provider", "Provider", { value: template.provider });
  input("Client", "Client", { value: template.client });
  input("Facility", "Facility", { value: template.facility });
  input("Hardware", "Hardware", { value: template.hardware });
  input("StartDate", "Start date (first day of service)", { value: terms.startDate, isDate: true, numberFormat: FORMATS.date });
  input("EndDate", "End date (last day of service)", { value: terms.endDate, isDate: true, numberFormat: FORMATS.date });
  const ramp = terms.payment.kind === "ramp" ? terms.payment.steps : [];
  if (ramp.length > RAMP_ROWS) throw valueError(`The model sheet holds at most ${RAMP_ROWS} ramp steps; this ramp has ${ramp.length}.`);
  const payment = terms.payment.kind === "fixed" ? terms.payment.amount.toNumber() : terms.payment.steps[0].amount.toNumber();
  input("Payment", "Payment per period", { value: payment, numberFormat: FORMATS.money }, "used before the first ramp date, or when there is no ramp");
  input("Frequency", "Payment frequency", { value: FREQUENCY_WORDS[terms.frequency] }, "monthly, quarterly, semi-annual or annual");
  input("Escalation", "Annual escalation (on each anniversary)", { value: terms.escalation.toNumber(), numberFormat: FORMATS.percent });
  input("Timing", "Payment timing", { value: terms.timing }, "advance (first day) or arrears (last day)");
  input("Proration", "Begun period charged", { value: terms.proration }, "full, or actual (by days served)");
  input("LockInMonths", "Lock-in (months from start)", { value: terms.termination.lockInMonths, numberFormat: FORMATS.integer });
  input(
    "LockInLastDay",
    "Lock-in last day (replaces months when set)",
    { value: terms.termination.lockInLastDay, isDate: true, numberFormat: FORMATS.date },
    "optional",
  );
  input("NoticeDays", "Notice period (days)", { value: terms.termination.noticeDays, numberFormat: FORMATS.integer });
  input("NoticeInLockIn", "Notice may be served during the lock-in", { value: terms.termination.noticeDuringLockIn }, "TRUE or FALSE");
  input(
    "NoticeDate",
    "Notice served on",
    { value: terms.termination.noticeDate, isDate: true, numberFormat: FORMATS.date },
    "blank = earliest permitted date",
  );
  input("TerminationFee", "Termination fee (early exit)", { value: terms.termination.fee.toNumber(), numberFormat: FORMATS.money });
  context("DiscountRate", "Discount rate (annual)", template.discountRate, FORMATS.percent);
  context("FundingRaised", "Client funding raised", template.fundingRaised, FORMATS.money);
  context("Valuation", "Client valuation", template.valuation, FORMATS.money);
  context("UptimeTarget", "Uptime target", template.uptimeTarget, "0.0%");
  context("GpuCount", "GPU count", template.gpuCount, "#,##0");
  input("HoursPerMonth", "Hours per month", { value: template.hoursPerMonth, numberFormat: FORMATS.decimal }, "8,760 / 12");

  label(r, "Payment ramp (optional)");
  g.set(r, 1, { value: "Effective date", style: "header" });
  g.set(r, 2, { value: "Amount per period", style: "header" });
  r++;
  const rampFirst = r;
  for (let i = 0; i < RAMP_ROWS; i++, r++) {
    const step = ramp[i];
    g.set(r, 1, { value: step ? step.effectiveDate : null, isDate: true, numberFormat: FORMATS.date, style: "input" });
    g.set(r, 2, { value: step ? step.amount.toNumber() : null, numberFormat: FORMATS.money, style: "input" });
  }
  const rampLast = r - 1;
  g.name("RampDates", `${abs(1, rampFirst)}:${abs(1, rampLast)}`);
  g.name("RampAmounts", `${abs(2, rampFirst)}:${abs(2, rampLast)}`);
  g.name("Ramp", `${abs(1, rampFirst)}:${abs(2, rampLast)}`);
  g.set(rampFirst, 0, { value: "Dates ascending; each amount applies to periods starting on or after its date.", style: "note" });
  r++;

  // ---- Layout of the schedule, needed by the summary formulas ---------------------------------
  const periods = countPeriods(terms.startDate, terms.endDate, MONTHS_PER_PERIOD[terms.frequency], terms.dateSystem);
  const scheduleRowCount = periods + SCHEDULE_MARGIN;
  const summaryRows = 18;
  const checksRows = 9;
  const scheduleHeader = r + 1 + summaryRows + 1 + checksRows + 2;
  const first = scheduleHeader + 1;
  const last = first + scheduleRowCount - 1;
  const col = (letter: string) => `${letter}$${first}:${letter}$${last}`;

  // ---- Summary --------------------------------------------------------------------------------
  const summaryRefs: Record<string, string> = {};
  label(r, "SUMMARY", "section");
  g.set(r, 1, { value: "Value", style: "header" });
  g.set(r, 2, { value: "How it is computed", style: "header" });
  r++;
  const output = (name: string, text: string, formula: string, numberFormat: string, how: string) => {
    label(r, text);
    g.set(r, 1, { formula, numberFormat, style: "output" });
    note(r, how);
    g.name(name, abs(1, r));
    summaryRefs[name] = abs(1, r);
    r++;
  };
  const monthsSpanned = "((YEAR(EndDate)-YEAR(StartDate))*12+MONTH(EndDate)-MONTH(StartDate))";
  output(
    "MonthsPerPeriod",
    "Months per period",
    'IF(Frequency="quarterly",3,IF(Frequency="semi-annual",6,IF(Frequency="annual",12,1)))',
    FORMATS.integer,
    "from the frequency",
  );
  output(
    "PeriodCount",
    "Periods in the term",
    `INT(${monthsSpanned}/MonthsPerPeriod)+1-IF(EDATE(StartDate,INT(${monthsSpanned}/MonthsPerPeriod)*MonthsPerPeriod)>EndDate,1,0)`,
    FORMATS.integer,
    "periods start at EDATE(start, k × months) up to the end",
  );
  output("TotalValue", "Total contract value", `SUM(${col("F")})`, FORMATS.money, "sum of scheduled payments");
  output("RunRate", "Annual run-rate at start", `E${first}*12/MonthsPerPeriod`, FORMATS.money, "first period's rate × periods a year");
  output("PeakRunRate", "Peak annual run-rate", `MAX(${col("E")})*12/MonthsPerPeriod`, FORMATS.money, "after ramp and escalation");
  output("PresentValue", "Present value at the discount rate", `SUM(${col("J")})`, FORMATS.money, "XNPV conventions, at the start date");
  output(
    "LockInEnd",
    "Lock-in ends (first day free of it)",
    "IF(ISNUMBER(LockInLastDay),LockInLastDay+1,EDATE(StartDate,LockInMonths))",
    FORMATS.date,
    "EDATE(start, lock-in months), or the day after the last day",
  );
  output("EarliestNotice", "Earliest notice date", "IF(NoticeInLockIn,StartDate,LockInEnd)", FORMATS.date, "start if notice may run in the lock-in");
  output(
    "NoticeUsed",
    "Notice date used",
    "IF(ISNUMBER(NoticeDate),MAX(NoticeDate,EarliestNotice),EarliestNotice)",
    FORMATS.date,
    "the input, never before the earliest",
  );
  output(
    "ExitDate",
    "Effective exit date (first day without service)",
    "MIN(MAX(NoticeUsed+NoticeDays,LockInEnd),EndDate+1)",
    FORMATS.date,
    "notice + notice days; the day after the end if no early exit",
  );
  output("LastServiceDay", "Last day of service", "ExitDate-1", FORMATS.date, "");
  output(
    "Committed",
    "Committed value at exit",
    `SUM(${col("K")})+IF(ExitDate<=EndDate,TerminationFee,0)`,
    FORMATS.money,
    "payments owed through the exit, plus the fee on an early exit",
  );
  output("CommittedShare", "Committed share of total", "IF(TotalValue=0,0,Committed/TotalValue)", FORMATS.percent, "");
  output("ValueAtRisk", "Value at risk (total − committed)", "TotalValue-Committed", FORMATS.money, "");
  output(
    "FundingMonths",
    "Months of payments the client's funding covers",
    'IF(AND(ISNUMBER(FundingRaised),FundingRaised>0),FundingRaised/(PeakRunRate/12),"not disclosed")',
    FORMATS.decimal,
    "funding ÷ peak monthly payment",
  );
  output(
    "GpuHourRate",
    "Implied $/GPU-hour",
    'IF(AND(ISNUMBER(GpuCount),GpuCount>0),PeakRunRate/12/GpuCount/HoursPerMonth,"GPU count not disclosed")',
    FORMATS.rate,
    "peak monthly payment ÷ GPUs ÷ hours a month",
  );
  output(
    "DowntimeMinutes",
    "Downtime allowed per month (minutes)",
    'IF(ISNUMBER(UptimeTarget),(1-UptimeTarget)*HoursPerMonth*60,"no uptime target")',
    FORMATS.decimal,
    "(1 − uptime) × hours a month × 60",
  );
  r++;

  // ---- Checks ---------------------------------------------------------------------------------
  label(r, "CHECKS", "section");
  g.set(r, 1, { value: "Native formula", style: "header" });
  g.set(r, 2, { value: "DEAL function", style: "header" });
  g.set(r, 3, { value: "Agree?", style: "header" });
  r++;
  const pay = ramp.length > 0 ? "Ramp" : "Payment";
  const options = "Frequency,Escalation,Timing,Proration";
  const exitArgs = (fn: "EXIT_DATE" | "EXIT_VALUE") => {
    const head = fn === "EXIT_VALUE" ? `StartDate,EndDate,${pay},` : "StartDate,EndDate,";
    const tail = fn === "EXIT_VALUE" ? `,${options}` : "";
    const fee = fn === "EXIT_VALUE" ? ",TerminationFee" : "";
    // A fixed-date lock-in has no DEAL argument: pass the notice date the sheet derived instead.
    return (
      `IF(ISNUMBER(LockInLastDay),DEAL.${fn}(${head}0,NoticeDays${tail},TRUE,NoticeUsed${fee}),` +
      `DEAL.${fn}(${head}LockInMonths,NoticeDays${tail},NoticeInLockIn,NoticeDate${fee}))`
    );
  };
  const check = (text: string, native: string, deal: string, numberFormat: string) => {
    label(r, text);
    g.set(r, 1, { formula: native, numberFormat, style: "output" });
    g.set(r, 2, { formula: `IFERROR(${deal},"${NO_ADDIN}")`, numberFormat, style: "output" });
    const b = `B${r}`;
    const c = `C${r}`;
    g.set(r, 3, {
      formula: `IF(ISNUMBER(${c}),IF(ABS(${c}-${b})<0.005,"agree","DISAGREE"),"${NO_ADDIN}: native figures stand")`,
      style: "check",
    });
    r++;
  };
  check("Total contract value", "TotalValue", `DEAL.CONTRACT_VALUE(StartDate,EndDate,${pay},${options})`, FORMATS.money);
  check("Annual run-rate at start", "RunRate", `DEAL.RUN_RATE(${pay},Frequency,Escalation,StartDate,StartDate,EndDate)`, FORMATS.money);
  check("Present value", "PresentValue", `DEAL.CONTRACT_PV(StartDate,EndDate,${pay},DiscountRate,${options})`, FORMATS.money);
  check("Effective exit date", "ExitDate", exitArgs("EXIT_DATE"), FORMATS.date);
  check("Committed value at exit", "Committed", exitArgs("EXIT_VALUE"), FORMATS.money);
  label(r, "Inputs recognised");
  g.set(r, 1, {
    formula:
      'IF(AND(OR(Frequency="monthly",Frequency="quarterly",Frequency="semi-annual",Frequency="annual"),' +
      'OR(Timing="advance",Timing="arrears"),OR(Proration="full",Proration="actual"),EndDate>=StartDate),' +
      '"inputs OK","CHECK INPUTS: frequency, timing, proration words, or end before start")',
    style: "check",
  });
  r++;
  label(r, "Schedule rows");
  g.set(r, 1, {
    formula:
      `IF(PeriodCount>${scheduleRowCount},"WARNING: the term has "&PeriodCount&" periods but only ${scheduleRowCount} rows are laid out; insert the model again",` +
      `"all "&PeriodCount&" periods laid out (room for ${scheduleRowCount})")`,
    style: "check",
  });
  r++;
  label(r, "Ramp");
  g.set(r, 1, {
    formula: 'IF(COUNT(RampDates)=0,"no ramp: Payment applies",IF(MIN(RampDates)>StartDate,"NOTE: periods before the first ramp date use Payment","ramp in force from the start"))',
    style: "check",
  });
  r++;
  label(r, "Sources and assumptions");
  g.set(r, 1, { value: template.notes.join(" "), style: "note" });
  r++;
  if (r > scheduleHeader - 1) throw new Error(`model layout overflow: row ${r} passes the schedule header ${scheduleHeader}`);

  // ---- Schedule -------------------------------------------------------------------------------
  label(scheduleHeader - 1, "SCHEDULE", "section");
  const headers = [
    "Period", "Start", "End", "Days in period", "Rate in force", "Payment", "Payment date",
    "Cumulative", "Discount factor", "Present value", "Owed at exit",
  ];
  headers.forEach((text, c) => g.set(scheduleHeader, c, { value: text, style: "header" }));
  for (let k = 1, row = first; row <= last; k++, row++) {
    const blank = `IF(B${row}="","",`;
    const cells: PlanCell[] = [
      { value: k, numberFormat: FORMATS.integer },
      { formula: `IF($A${row}<=PeriodCount,EDATE(StartDate,($A${row}-1)*MonthsPerPeriod),"")`, numberFormat: FORMATS.date },
      { formula: `${blank}MIN(EDATE(StartDate,$A${row}*MonthsPerPeriod)-1,EndDate))`, numberFormat: FORMATS.date },
      { formula: `${blank}EDATE(StartDate,$A${row}*MonthsPerPeriod)-B${row})`, numberFormat: FORMATS.integer },
      {
        formula:
          `${blank}ROUND(IF(COUNTIF(RampDates,"<="&B${row})=0,Payment,INDEX(RampAmounts,COUNTIF(RampDates,"<="&B${row})))` +
          `*(1+Escalation)^INT(($A${row}-1)*MonthsPerPeriod/12),2))`,
        numberFormat: FORMATS.money,
      },
      {
        formula: `${blank}IF(AND(Proration="actual",C${row}<B${row}+D${row}-1),ROUND(E${row}*(C${row}-B${row}+1)/D${row},2),E${row}))`,
        numberFormat: FORMATS.money,
      },
      { formula: `${blank}IF(Timing="arrears",C${row},B${row}))`, numberFormat: FORMATS.date },
      { formula: `${blank}SUM(F$${first}:F${row}))`, numberFormat: FORMATS.money },
      { formula: `${blank}(1+DiscountRate)^(-(G${row}-StartDate)/365))`, numberFormat: FORMATS.factor },
      { formula: `${blank}F${row}*I${row})`, numberFormat: FORMATS.money },
      {
        formula:
          `${blank}IF(B${row}>=ExitDate,0,IF(OR(ExitDate-1>=C${row},Proration<>"actual"),F${row},` +
          `ROUND(E${row}*(ExitDate-B${row})/D${row},2))))`,
        numberFormat: FORMATS.money,
      },
    ];
    cells.forEach((cell, c) => g.set(row, c, cell));
  }

  return {
    sheetName,
    cells: g.rows,
    names: g.names,
    columnWidths: [46, 20, 30, 16, 18, 18, 14, 20, 14, 18, 18],
    summaryRefs,
    scheduleRows: { first, last },
  };
}
