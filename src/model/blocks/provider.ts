/**
 * The provider's books in native formulas (issue 16): which view applies — a lessor's operating lease
 * (ASC 842 / IFRS 16) or the sale of a service (ASC 606 / IFRS 15) — decided by the Accounting block's
 * lease-or-service verdict and shown with its reasoning; both views' figures (the lessor's
 * straight-line income per period beside the Schedule, the receipts still due; the ASC 606 contract
 * term, transaction price, remaining performance obligation and its timing bands at the close of the
 * reporting date); and the lessee's remeasurement when notice is actually served. The formulas
 * restate src/core/accounting/lessor.ts (`lessorOperatingRows`), src/core/provider/
 * (`remainingPerformanceObligation`, `rpoTiming`, `lessorMaturity`) and the notice remeasurement of
 * `leaseAccounting`; test/model/provider-block.test.ts holds them to the core, to the cent, through
 * LibreOffice.
 */
import { Block, ListRow, RowRefs, SeriesColumn } from "../layout";
import { figureRow, FORMATS } from "./context";
import { blankPastTerm, cutPeriodPayment, periodicDiscount } from "./fragments";

export type ProviderName =
  // which view
  | "ProviderView"
  | "ProviderViewReasoning"
  // the lessor
  | "LessorLeasePayments"
  | "LessorIncomePerPeriod"
  | "LessorMaturityDate"
  | "LessorReceiptsDue"
  | "LessorRunsOffCheck"
  // ASC 606
  | "RpoAsOf"
  | "RpoFeeJudgementValid"
  | "RpoTermReasoning"
  | "RpoExit"
  | "RpoTransactionPrice"
  | "Rpo"
  | "RpoBoundary12"
  | "RpoBoundary24"
  | "RpoBoundary36"
  | "RpoWithin12"
  | "Rpo13To24"
  | "Rpo25To36"
  | "RpoThereafter"
  | "RpoOriginalTermEnd"
  | "RpoExpedient"
  | "RpoInputsCheck"
  // the lessee's remeasurement on notice
  | "RemeasureGiven"
  | "RemeasureExit"
  | "RemeasurePeriod"
  | "RemeasureApplies"
  | "RemeasureStatus"
  | "RemeasuredPeriods"
  | "RemeasureCloseDate"
  | "LiabilityBeforeRemeasurement"
  | "RemeasuredLiability"
  | "RouBeforeRemeasurement"
  | "RemeasuredRouAsset"
  | "RemeasurementGain"
  // per period
  | ProviderColumnName;

export type ProviderColumnName =
  | "LessorReceipt"
  | "LessorIncome"
  | "LessorAccruedRent"
  | "RpoConsideration"
  | "RpoServiceEnd"
  | "RpoUnrecognised"
  | "RpoAfter12"
  | "RpoAfter24"
  | "RpoAfter36"
  | "RemeasuredPresentValue";

const figure = (name: ProviderName, label: string, formula: string, numberFormat: string | undefined, how: string) =>
  figureRow(name, label, formula, numberFormat, how);

/** A figure whose value is a line of text: no note beside it, so the text may run on to the right. */
const reasoning = (name: ProviderName, label: string, formula: string): ListRow<ProviderName> => ({
  label,
  cells: [{ formula, style: "output" }],
  names: [{ name, cell: 0 }],
});

const check = (name: ProviderName, label: string, formula: string): ListRow<ProviderName> => ({
  label,
  cells: [{ formula, style: "check" }],
  names: [{ name, cell: 0 }],
});

const ADVANCE = 'Timing="advance"';

/**
 * The part of a period's consideration (within the ASC 606 term) not yet recognised at the close of
 * `day`: all of it before the period's first day, none from its last day of service on, else
 * ROUND(consideration × days left ÷ days of service, 2) — the core's `unrecognisedAfter`.
 */
const unrecognisedAfter = (at: RowRefs["at"], day: string) => {
  const consideration = at("RpoConsideration");
  const start = at("ScheduleStart");
  const last = at("RpoServiceEnd");
  return `IF(${consideration}=0,0,IF(${day}<${start},${consideration},IF(${day}>=${last},0,ROUND(${consideration}*(${last}-${day})/(${last}-${start}+1),2))))`;
};

/**
 * The Provider block: the verdict and its reasoning, the lessor's view, the ASC 606 view, and the
 * lessee's remeasurement on notice; per-period columns beside the Schedule.
 *
 * @param printRows for the deal as written, the rows that print: the lessor's columns the lease term's
 * periods, the ASC 606 and remeasurement columns the periods begun before the later of their exits;
 * `bands` of the three later timing bands (after 12, 24, 36 months) that can hold revenue, and whether
 * notice was served (else the remeasured column is zeros and does not print).
 * @example
 * providerBlock().list.rows.find((r) => r.names?.[0].name === "Rpo")!.cells![0].formula // 'IF(RpoFeeJudgementValid,SUM(RpoUnrecognised),NA())'
 */
export function providerBlock(printRows?: { readonly lease: number; readonly contract: number; readonly bands?: number; readonly notice?: boolean }): Block<ProviderName> {
  const rows: ListRow<ProviderName>[] = [
    // Which view applies: the Accounting block's verdict (IFRS 16.9; ASC 842-10-15-3)
    figure(
      "ProviderView",
      "The provider's view that applies",
      'IF(LeaseAssessment="lease","lessor: operating lease (ASC 842 / IFRS 16)","seller of a service (ASC 606 / IFRS 15)")',
      undefined,
      "from the lease-or-service verdict; both views are shown",
    ),
    reasoning(
      "ProviderViewReasoning",
      "Why",
      'IF(LeaseAssessment="lease","A lease, so the provider is a lessor: straight-line lease income (ASC 842-30-25-11; IFRS 16.81); the service view is for comparison. ",' +
        '"No lease, so the provider sells a service: revenue as it is rendered and the RPO disclosed (ASC 606-10-50-13; IFRS 15.120); the lessor view is for comparison. ")' +
        "&AssessmentReasoning",
    ),
    // The lessor's operating lease over the lease term (ASC 842-30-25-11; IFRS 16.81)
    figure("LessorLeasePayments", "Lessor: lease payments over the lease term", "SUM(LeasePayment)+TerminationPayment", FORMATS.money, "scheduled + any termination payment"),
    figure(
      "LessorIncomePerPeriod",
      "Lessor: straight-line income per period",
      "ROUND(LessorLeasePayments/AccountingPeriods,2)",
      FORMATS.money,
      "the last period absorbs the rounding",
    ),
    figure("LessorMaturityDate", "Lessor: receipts counted after the close of", "MAX(RpoAsOf,StartDate)", FORMATS.date, "the reporting date, commencement at the earliest"),
    figure(
      "LessorReceiptsDue",
      "Lessor: undiscounted receipts still due",
      'SUMIF(LeasePaymentDate,">"&LessorMaturityDate,LeasePayment)+IF(AccountingTermEnd+1>LessorMaturityDate,TerminationPayment,0)',
      FORMATS.money,
      "the maturity analysis' total (ASC 842-30-50-13; IFRS 16.97)",
    ),
    check(
      "LessorRunsOffCheck",
      "Lessor: accrued rent ends at zero",
      'IF(ABS(INDEX(LessorAccruedRent,AccountingPeriods))<CheckTolerance,"ok: income = receipts over the term","CHECK: accrued rent not 0 at the term\'s end")',
    ),
    // The seller of a service (ASC 606 / IFRS 15)
    figure("RpoAsOf", "Reporting date (figures at its close)", "IF(ISNUMBER(ProviderAsOf),INT(ProviderAsOf),StartDate-1)", FORMATS.date, "blank: the day before the start"),
    figure("RpoFeeJudgementValid", "Fee judgement possible", "OR(NOT(FeeIsSubstantive),TerminationFee>0)", undefined, "a fee of 0 cannot be a substantive penalty"),
    reasoning(
      "RpoTermReasoning",
      "ASC 606 contract term",
      'IF(FeeIsSubstantive,"Stated term: the fee is judged a substantive penalty, so the rights and obligations run to the end (ASC 606-10-25-3). ",' +
        '"To the exit notice served the next day would give: either party may leave without a substantive penalty (ASC 606-10-25-3). ")' +
        '&"The fee is not in the transaction price (ASC 606-10-32-4)."',
    ),
    figure(
      "RpoExit",
      "Contract term's exit (first day without service)",
      "IF(FeeIsSubstantive,EndDate+1,MIN(MAX(MAX(RpoAsOf+1,EarliestNotice)+NoticeDays,LockInEnd),EndDate+1))",
      FORMATS.date,
      "the end + 1, or notice the next day + notice days",
    ),
    figure("RpoTransactionPrice", "Transaction price (service in the term)", "SUM(RpoConsideration)", FORMATS.money, "what each period owes for service before the exit"),
    figure("Rpo", "Remaining performance obligation", "IF(RpoFeeJudgementValid,SUM(RpoUnrecognised),NA())", FORMATS.money, "not yet rendered at the reporting date's close"),
    figure("RpoBoundary12", "Timing band ends: 12 months", "EDATE(RpoAsOf,MonthsPerYear)", FORMATS.date, "twelve months after the reporting date"),
    figure("RpoBoundary24", "Timing band ends: 24 months", "EDATE(RpoAsOf,2*MonthsPerYear)", FORMATS.date, "twenty-four months after"),
    figure("RpoBoundary36", "Timing band ends: 36 months", "EDATE(RpoAsOf,3*MonthsPerYear)", FORMATS.date, "thirty-six months after"),
    figure("RpoWithin12", "RPO recognised within 12 months", "Rpo-SUM(RpoAfter12)", FORMATS.money, "by days of service (ASC 606-10-50-13(b))"),
    figure("Rpo13To24", "RPO recognised in months 13–24", "SUM(RpoAfter12)-SUM(RpoAfter24)", FORMATS.money, "by days of service"),
    figure("Rpo25To36", "RPO recognised in months 25–36", "SUM(RpoAfter24)-SUM(RpoAfter36)", FORMATS.money, "by days of service"),
    figure("RpoThereafter", "RPO recognised thereafter", "SUM(RpoAfter36)", FORMATS.money, "after 36 months"),
    figure("RpoOriginalTermEnd", "Original contract term's last day", "IF(FeeIsSubstantive,EndDate,EarliestExit-1)", FORMATS.date, "the stated end, or the day before the earliest exit"),
    figure(
      "RpoExpedient",
      "Practical expedient 606-10-50-14(a) applies",
      "RpoOriginalTermEnd<EDATE(StartDate,MonthsPerYear)",
      undefined,
      "original contract term of one year or less",
    ),
    check("RpoInputsCheck", "Provider inputs", 'IF(RpoFeeJudgementValid,"inputs OK","CHECK INPUTS: a fee of 0 cannot be judged a substantive penalty")'),
    // The lessee's remeasurement when notice is served (IFRS 16.39–40; ASC 842-10-35-1, 842-20-35-4 to 35-5)
    figure("RemeasureGiven", "Notice served (remeasurement)", "ISNUMBER(NoticeServedOn)", undefined, "blank: none, nothing changes"),
    figure("RemeasureExit", "Exit the notice gives", 'IF(RemeasureGiven,MIN(MAX(INT(NoticeServedOn)+NoticeDays,LockInEnd),EndDate+1),"")', FORMATS.date, "notice + notice days, after the lock-in"),
    figure(
      "RemeasurePeriod",
      "Remeasured at the close of lease period",
      'IF(RemeasureGiven,COUNTIF(ScheduleStart,"<"&INT(NoticeServedOn)),"")',
      FORMATS.integer,
      "the period holding the notice, or the one before when it starts that day",
    ),
    figure(
      "RemeasureApplies",
      "Remeasurement applies",
      "IF(NOT(RemeasureGiven),FALSE,IF(OR(ShortTermApplied,RemeasurePeriod<1,INT(NoticeServedOn)<EarliestNotice,INT(NoticeServedOn)>AccountingTermEnd),FALSE," +
        "AND(RemeasureExit<=AccountingTermEnd,RemeasureExit>INDEX(LeaseEnd,RemeasurePeriod)+1)))",
      undefined,
      "after commencement, permitted, the exit within the term after that close",
    ),
    reasoning(
      "RemeasureStatus",
      "Remeasurement",
      'IF(NOT(RemeasureGiven),"No notice served: nothing is remeasured.",IF(RemeasureApplies,' +
        '"Liability: PV of the payments to the exit and the fee, same rate; the asset moves with it, floored at 0 (IFRS 16.39–40; ASC 842-20-35-4).",' +
        '"NOT REMEASURED: the notice must be permitted, after commencement, with its exit in the lease term after the next close; not short-term."))',
    ),
    figure("RemeasuredPeriods", "Periods to the new exit", 'IF(RemeasureApplies,COUNTIF(ScheduleStart,"<"&RemeasureExit),"")', FORMATS.integer, "periods begun before the exit"),
    figure("RemeasureCloseDate", "Remeasured at the close of", 'IF(RemeasureApplies,INDEX(LeaseEnd,RemeasurePeriod),"")', FORMATS.date, "that period's last day"),
    figure(
      "LiabilityBeforeRemeasurement",
      "Lessee liability before",
      'IF(RemeasureApplies,INDEX(LeaseClosingLiability,RemeasurePeriod),"")',
      FORMATS.money,
      "the period's closing liability",
    ),
    figure("RemeasuredLiability", "Lessee liability remeasured", 'IF(RemeasureApplies,ROUND(SUM(RemeasuredPresentValue),2),"")', FORMATS.money, "PV of the payments left and the fee"),
    figure("RouBeforeRemeasurement", "Lessee right-of-use asset before", 'IF(RemeasureApplies,INDEX(LeaseClosingRou,RemeasurePeriod),"")', FORMATS.money, "the period's closing asset"),
    figure(
      "RemeasuredRouAsset",
      "Lessee right-of-use asset remeasured",
      'IF(RemeasureApplies,RouBeforeRemeasurement+MAX(RemeasuredLiability-LiabilityBeforeRemeasurement,-RouBeforeRemeasurement),"")',
      FORMATS.money,
      "moved by the liability's change, floored at 0",
    ),
    figure(
      "RemeasurementGain",
      "Gain in profit or loss",
      'IF(RemeasureApplies,RemeasuredRouAsset-RouBeforeRemeasurement-(RemeasuredLiability-LiabilityBeforeRemeasurement),"")',
      FORMATS.money,
      "the liability's fall beyond the asset",
    ),
  ];

  // Beside the lease rows: blank past the accounting term.
  const leaseColumn = (name: ProviderColumnName, header: string, formula: (at: RowRefs["at"], row: RowRefs) => string): SeriesColumn<ProviderName> => ({
    name,
    header,
    numberFormat: FORMATS.money,
    printRows: printRows?.lease,
    formula: (row) => blankPastTerm(row.at("LeasePeriod"), formula(row.at, row)),
  });
  // Beside the schedule rows: blank past the contract's term.
  const contractColumn = (name: ProviderColumnName, header: string, numberFormat: string, formula: (at: RowRefs["at"]) => string): SeriesColumn<ProviderName> => ({
    name,
    header,
    numberFormat,
    printRows: printRows?.contract,
    formula: (row) => blankPastTerm(row.at("SchedulePeriod"), formula(row.at)),
  });
  const series: SeriesColumn<ProviderName>[] = [
    leaseColumn("LessorReceipt", "Lessor: received", (at) => `${at("LeasePayment")}+${at("LeaseTerminationPayment")}`),
    leaseColumn(
      "LessorIncome",
      "Lessor: income",
      (at) => `IF(${at("LeasePeriod")}=AccountingPeriods,ROUND(LessorLeasePayments-(AccountingPeriods-1)*LessorIncomePerPeriod,2),LessorIncomePerPeriod)`,
    ),
    leaseColumn(
      "LessorAccruedRent",
      "Lessor: accrued (+) / deferred (−) rent",
      (at, row) => `ROUND(IF(${at("LeasePeriod")}=1,0,${row.above("LessorAccruedRent")})+${at("LessorIncome")}-${at("LessorReceipt")},2)`,
    ),
    contractColumn(
      "RpoConsideration",
      "ASC 606: consideration in the term",
      FORMATS.money,
      (at) =>
        `IF(${at("ScheduleStart")}>=RpoExit,0,IF(${at("ScheduleEnd")}<RpoExit,${at("SchedulePayment")},` +
        `${cutPeriodPayment({ rate: at("ScheduleRate"), start: at("ScheduleStart"), days: at("ScheduleDays") }, "RpoExit-1")}))`,
    ),
    contractColumn("RpoServiceEnd", "ASC 606: last day of service", FORMATS.date, (at) => `MIN(${at("ScheduleEnd")},RpoExit-1)`),
    contractColumn("RpoUnrecognised", "ASC 606: not yet recognised", FORMATS.money, (at) => unrecognisedAfter(at, "RpoAsOf")),
    { ...contractColumn("RpoAfter12", "ASC 606: after 12 months", FORMATS.money, (at) => unrecognisedAfter(at, "RpoBoundary12")), ...(printRows && (printRows.bands ?? 3) <= 0 ? { printRows: 0 } : {}) },
    { ...contractColumn("RpoAfter24", "ASC 606: after 24 months", FORMATS.money, (at) => unrecognisedAfter(at, "RpoBoundary24")), ...(printRows && (printRows.bands ?? 3) <= 1 ? { printRows: 0 } : {}) },
    { ...contractColumn("RpoAfter36", "ASC 606: after 36 months", FORMATS.money, (at) => unrecognisedAfter(at, "RpoBoundary36")), ...(printRows && (printRows.bands ?? 3) <= 2 ? { printRows: 0 } : {}) },
    {
      ...contractColumn(
      "RemeasuredPresentValue",
      "Lessee: PV after notice",
      FORMATS.money,
      (at) =>
        `IF(NOT(RemeasureApplies),0,IF(OR(${at("SchedulePeriod")}<=RemeasurePeriod,${at("ScheduleStart")}>=RemeasureExit),0,` +
        `${cutPeriodPayment({ rate: at("ScheduleRate"), start: at("ScheduleStart"), days: at("ScheduleDays") }, `MIN(${at("ScheduleEnd")},RemeasureExit-1)`)}` +
        `*${periodicDiscount(`(${at("SchedulePeriod")}-RemeasurePeriod-IF(${ADVANCE},1,0))`)}` +
        `+IF(${at("SchedulePeriod")}=RemeasuredPeriods,TerminationFee*${periodicDiscount(`(${at("SchedulePeriod")}-RemeasurePeriod)`)},0)))`,
      ),
      ...(printRows?.notice === false ? { printRows: 0 } : {}),
    },
  ];

  return {
    id: "provider",
    title: "PROVIDER (lessor or ASC 606) AND NOTICE",
    list: { header: ["Value", "How it is computed"], rows },
    series,
    reads: [
      "LeaseAssessment", "AssessmentReasoning", "LeasePayment", "LeasePaymentDate", "LeasePeriod", "LeaseEnd", "LeaseTerminationPayment",
      "LeaseClosingLiability", "LeaseClosingRou", "TerminationPayment", "AccountingPeriods", "AccountingTermEnd", "EarliestExit",
      "ShortTermApplied", "PeriodicRate", "CheckTolerance", "ProviderAsOf", "FeeIsSubstantive", "NoticeServedOn", "StartDate", "EndDate",
      "EarliestNotice", "NoticeDays", "LockInEnd", "TerminationFee", "MonthsPerYear", "Timing", "Proration", "SchedulePeriod",
      "ScheduleStart", "ScheduleEnd", "SchedulePayment", "ScheduleRate", "ScheduleDays",
    ],
  };
}
