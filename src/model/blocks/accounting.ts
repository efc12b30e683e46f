/**
 * The lessee's accounting (IFRS 16; ASC 842 finance and operating) in native formulas that follow
 * every input, so a judgement can be flipped in the sheet and the figures move: the lease assessment,
 * the accounting lease term read from the termination clause, the measurement at commencement, one
 * row per period beside the schedule, the maturity analysis, the journal, and checks. The formulas
 * restate src/core/accounting.ts (`assessLease`, `accountingTerm`, `measureLease`, `leaseAccounting`,
 * `maturityAnalysis`, `lesseeJournal`); the tests hold them to it, to the cent.
 *
 * Discounting is periodic (annual rate ÷ payments a year, once a period), the lease-accounting
 * convention — not the schedule's XNPV present value.
 */
import { Block, ListRow, RowRefs, SeriesColumn } from "../layout";
import { PlanCell } from "../plan";
import { figureRow, FORMATS, ModelContext, NO_ADDIN } from "./context";
import { blankPastTerm, cutPeriodPayment, periodicDiscount } from "./fragments";

export type AccountingName =
  // assessment
  | "LeaseAssessment"
  | "AssetReason"
  | "SubstitutionReason"
  | "DirectionReason"
  | "AssessmentConclusion"
  | "AssessmentReasoning"
  // lease term
  | "EarliestExit"
  | "EarlyExitPossible"
  | "AccountingTermEnd"
  | "TermReasonParty"
  | "TermReasonPenalty"
  | "TermReasonFee"
  | "TermReasoning"
  | "TerminationPayment"
  | "AccountingPeriods"
  | "ShortTermAvailable"
  | "ShortTermApplied"
  | "ShortTermStatus"
  | "StandardApplied"
  | "PeriodicRate"
  | "ExactGapAllowed"
  // measurement
  | "PaidAtCommencement"
  | "LeaseLiability"
  | "RouAsset"
  | "RecognisedLiability"
  | "RecognisedRouAsset"
  | "LiabilityTerminationPayment"
  | "TotalLeasePayments"
  | "TotalInterest"
  | "StraightLineTotal"
  | "StraightLinePerPeriod"
  | "LastLeasePayment"
  | "ClosesBeforeLastPeriod"
  // the judgement's worth: both readings
  | "EnforceableTermEnd"
  | "EnforceablePeriods"
  | "EnforceableTerminationPayment"
  | "LiabilityEnforceable"
  | "LiabilityFullContract"
  | "JudgementWorth"
  // checks
  | "AccountingWordsRecognised"
  | "ExplicitTermEndValid"
  | "AccountingInputsCheck"
  | "LeaseRunsOffCheck"
  | "InterestTiesCheck"
  | "MaturityTiesCheck"
  | "JournalBalancesCheck"
  // per period
  | LeaseColumnName;

export type LeaseColumnName =
  | "LeasePeriod"
  | "LeaseEnd"
  | "LeasePayment"
  | "LeasePaymentDate"
  | "LeaseTerminationPayment"
  | "LeaseRate"
  | "LeaseCloseFactor"
  | "LeaseDiscountFactor"
  | "LeasePresentValue"
  | "LeaseExactClosing"
  | "LeasePaymentToLiability"
  | "LeaseOpeningLiability"
  | "LeaseInterestBearing"
  | "LeaseRolledInterest"
  | "LeaseAnchoredInterest"
  | "LeaseInterest"
  | "LeaseClosingLiability"
  | "LeaseStraightLine"
  | "LeaseRouReduction"
  | "LeaseClosingRou"
  | "LeaseCost"
  | "LeaseWholeYears"
  | "LeasePaymentYear"
  | "EnforceablePayment"
  | "EnforceableDiscountFactor"
  | "EnforceablePresentValue"
  | "FullContractPresentValue";

const figure = (name: AccountingName, label: string, formula: string, numberFormat: string | undefined, how: string) =>
  figureRow(name, label, formula, numberFormat, how);

/** A figure whose value is a line of text: no note beside it, so the text may run on to the right. */
const reasoning = (name: AccountingName, label: string, formula: string): ListRow<AccountingName> => ({
  label,
  cells: [{ formula, style: "output" }],
  names: [{ name, cell: 0 }],
});

const check = (name: AccountingName, label: string, formula: string): ListRow<AccountingName> => ({
  label,
  cells: [{ formula, style: "check" }],
  names: [{ name, cell: 0 }],
});

/** The standard's words as the formulas test them; ifrs16 and asc842-finance share one shape. */
const OPERATING = 'StandardApplied="asc842-operating"';
const SHORT_TERM = 'StandardApplied="short-term"';
const ADVANCE = 'Timing="advance"';

/** Payments a year, from the frequency: the periodic rate's divisor. */
const PERIODS_PER_YEAR = "(MonthsPerYear/MonthsPerPeriod)";

/**
 * The payment of a schedule period cut to a last day, as the core's validateTerms charges a stub
 * ending then: in full, or pro rata by days when proration is by actual days.
 */
const cutPayment = (at: RowRefs["at"], lastDay: string) =>
  cutPeriodPayment({ rate: at("ScheduleRate"), start: at("ScheduleStart"), days: at("ScheduleDays") }, lastDay);

/** Whole periods a payment of period `k` is discounted: k − 1 in advance (the first is undiscounted), k in arrears. */
const periodsDiscounted = (k: string) => `(${k}-IF(${ADVANCE},1,0))`;

const ACTUAL_365 = 'RateBasis="actual/365"';

/**
 * The discount factor from commencement to a point `periods` whole periods on, which is the day
 * `day`: (1 + PeriodicRate)^−periods on the periodic and effective bases, (1 + DiscountRate)^−(days ÷ 365)
 * on actual/365 (a payment in arrears is taken at its period's close, the next day).
 *
 * @example
 * discountTo("K12", "L12+1") // 'IF(RateBasis="actual/365",(1+DiscountRate)^(-(L12+1-StartDate)/DaysPerYear),(1+PeriodicRate)^(-K12))'
 */
const discountTo = (periods: string, day: string) =>
  `IF(${ACTUAL_365},(1+DiscountRate)^(-(${day}-StartDate)/DaysPerYear),${periodicDiscount(periods)})`;

/** The day a payment of a period is discounted from: its first day in advance, the day after its last in arrears. */
const discountDay = (first: string, last: string) => `IF(${ADVANCE},${first},${last}+1)`;

/** Year of a date counted from the start (1 = up to and including the first anniversary), for the maturity table. */
const yearFromStart = (date: string, whole: string) => `MAX(1,IF(${date}<=EDATE(StartDate,${whole}*MonthsPerYear),${whole},${whole}+1))`;

/** Whole years from the start's month to a date's month, by calendar months (the anniversary may yet be to come). */
const wholeYearsFromStart = (date: string) => `INT(((YEAR(${date})-YEAR(StartDate))*MonthsPerYear+MONTH(${date})-MONTH(StartDate))/MonthsPerYear)`;

/**
 * The list part: the assessment, the lease term and why, the measurement, both readings' liability,
 * and the checks; and the per-period columns beside the schedule.
 *
 * @param leaseTermPeriods the lease term's periods for the deal as written: the lease columns print
 * down to them (blank below), the contract columns down to the term's end.
 *
 * @example
 * accountingBlock().list.rows.find((r) => r.names?.[0].name === "LeaseLiability")!.cells![0].formula // "ROUND(SUM(LeasePresentValue),2)"
 */
export function accountingBlock(leaseTermPeriods?: number): Block<AccountingName> {
  const leaseColumn = (
    name: LeaseColumnName,
    header: string,
    numberFormat: string,
    formula: (at: RowRefs["at"], row: RowRefs) => string,
  ): SeriesColumn<AccountingName> => ({
    name,
    header,
    numberFormat,
    // Printed down to the lease term's last period, when given: blank below it.
    printRows: leaseTermPeriods,
    // Blank past the accounting term, as the schedule is past the contract's.
    formula: (row) => (name === "LeasePeriod" ? formula(row.at, row) : blankPastTerm(row.at("LeasePeriod"), formula(row.at, row))),
  });
  const contractColumn = (name: LeaseColumnName, header: string, numberFormat: string, formula: (at: RowRefs["at"]) => string): SeriesColumn<AccountingName> => ({
    name,
    header,
    numberFormat,
    formula: (row) => blankPastTerm(row.at("SchedulePeriod"), formula(row.at)),
  });

  const rows: ListRow<AccountingName>[] = [
    // Does the contract contain a lease? (IFRS 16.9, B9–B31; ASC 842-10-15-3 to 15-27)
    figure(
      "LeaseAssessment",
      "Does the contract contain a lease?",
      'IF(AND(IdentifiedAsset,NOT(SubstitutionRight),RightToDirectUse),"lease","service contract")',
      undefined,
      "identified asset, no substantive substitution, client directs the use",
    ),
    reasoning(
      "AssetReason",
      "Why: the asset",
      'IF(IdentifiedAsset,"Identified asset: yes (IFRS 16.B13; ASC 842-10-15-9). ","Identified asset: no, a share of a pool (IFRS 16.B20; ASC 842-10-15-16). ")',
    ),
    reasoning(
      "SubstitutionReason",
      "Why: substitution",
      'IF(SubstitutionRight,"Substitution: substantive, so no identified asset (IFRS 16.B14). ","Substitution: no substantive right (IFRS 16.B14; ASC 842-10-15-10). ")',
    ),
    reasoning(
      "DirectionReason",
      "Why: direction",
      'IF(RightToDirectUse,"Direction: the client decides (IFRS 16.B24; ASC 842-10-15-20). ","Direction: the provider decides (IFRS 16.B24; ASC 842-10-15-20). ")',
    ),
    reasoning(
      "AssessmentConclusion",
      "So",
      'IF(LeaseAssessment="lease","So a lease (IFRS 16.9; ASC 842-10-15-3).","So a service contract: expensed as received; the lease figures below are for comparison.")',
    ),
    reasoning("AssessmentReasoning", "Why", "AssetReason&SubstitutionReason&DirectionReason&AssessmentConclusion"),
    // The accounting lease term (IFRS 16.B34; ASC 842-10-55-12)
    figure(
      "EarliestExit",
      "Earliest exit (earliest permitted notice)",
      "MIN(MAX(EarliestNotice+NoticeDays,LockInEnd),EndDate+1)",
      FORMATS.date,
      "as at commencement; the day after the end if none",
    ),
    figure("EarlyExitPossible", "An early exit is possible", "EarliestExit<=EndDate", undefined, "the earliest exit falls within the contract"),
    figure(
      "AccountingTermEnd",
      "Accounting lease term ends (last day)",
      'IF(ISNUMBER(ExplicitTermEnd),MIN(MAX(INT(ExplicitTermEnd),StartDate),EndDate),IF(OR(NOT(EarlyExitPossible),WhoMayTerminate<>"both",SignificantPenalty),EndDate,MAX(EarliestExit-1,StartDate)))',
      FORMATS.date,
      "explicit end; else the contract end, or the day before the earliest exit",
    ),
    reasoning(
      "TermReasonParty",
      "Reading by who may terminate",
      'IF(WhoMayTerminate="lessor","Contract end: only the lessor may terminate (IFRS 16.B35; ASC 842-10-30-1(d)).",' +
        'IF(WhoMayTerminate="lessee","Contract end: only the lessee may terminate, and is not judged certain to (IFRS 16.B35–B37; ASC 842-10-30-1(b)).",""))',
    ),
    reasoning(
      "TermReasonPenalty",
      "Reading by the penalty",
      'IF(SignificantPenalty,"Contract end: leaving costs a significant penalty, so it is enforceable to the end (IFRS 16.B34; ASC 842-10-55-12).",' +
        '"Earliest exit: either may leave at an insignificant penalty, so it is enforceable only until then (IFRS 16.B34; ASC 842-10-55-12).")',
    ),
    reasoning(
      "TermReasonFee",
      "The fee in the term",
      'IF(TerminationPayment>0," The termination fee is a lease payment on the exit date (IFRS 16.27(e); ASC 842-10-30-5(f)).","")',
    ),
    reasoning(
      "TermReasoning",
      "Which reading applies, and why",
      'IF(ISNUMBER(ExplicitTermEnd),"Explicit term end, as judged: it replaces the clause reading.",' +
        'IF(NOT(EarlyExitPossible),"Contract end: the termination clause allows no earlier exit.",' +
        'IF(TermReasonParty<>"",TermReasonParty,TermReasonPenalty)))&TermReasonFee',
    ),
    figure(
      "TerminationPayment",
      "Termination fee counted as a lease payment",
      'IF(ISNUMBER(ExplicitTermEnd),IF(AccountingTermEnd<EndDate,TerminationFee,0),IF(AND(EarlyExitPossible,WhoMayTerminate="both",NOT(SignificantPenalty)),TerminationFee,0))',
      FORMATS.money,
      "when the term assumes the contract is ended early",
    ),
    figure("AccountingPeriods", "Periods in the accounting term", 'COUNTIF(ScheduleStart,"<="&AccountingTermEnd)', FORMATS.integer, "schedule periods begun by the term's last day"),
    figure(
      "ShortTermAvailable",
      "Short-term exemption available",
      "AccountingTermEnd<EDATE(StartDate,MonthsPerYear)",
      undefined,
      "a term of 12 months or less (IFRS 16 Appendix A; ASC 842-20-25-2)",
    ),
    figure("ShortTermApplied", "Short-term exemption applied", "AND(ElectShortTerm,ShortTermAvailable)", undefined, "elected and available"),
    reasoning(
      "ShortTermStatus",
      "Short-term exemption",
      'IF(ShortTermAvailable,IF(ElectShortTerm,"Elected: straight-line expense, nothing on the balance sheet (IFRS 16.6; ASC 842-20-25-2).",' +
        '"Available, not elected: the lease is recognised (IFRS 16.5; ASC 842-20-25-2)."),' +
        'IF(ElectShortTerm,"NOT AVAILABLE: the term is longer than 12 months; the election is ignored.","Not available: the term is longer than 12 months."))',
    ),
    figure("StandardApplied", "Accounting applied", 'IF(ShortTermApplied,"short-term",AccountingStandard)', undefined, "the standard, or the exemption"),
    figure(
      "PeriodicRate",
      "Periodic discount rate",
      `IF(RateBasis="effective",(1+DiscountRate)^(1/${PERIODS_PER_YEAR})-1,DiscountRate/${PERIODS_PER_YEAR})`,
      "0.000000%",
      "periodic: annual ÷ payments a year; effective: (1 + annual)^(1/n) − 1; actual/365: each period's own, below",
    ),
    {
      label: "Largest gap from the exact liability",
      cells: [
        { value: 0.01, numberFormat: FORMATS.money, style: "constant" },
        { value: "a closing liability more than this from the exact value of what remains is set to that value, rounded", style: "note" },
      ],
      names: [{ name: "ExactGapAllowed", cell: 0 }],
    },
    // Measurement at commencement (IFRS 16.23–28; ASC 842-20-30-1, 30-5)
    figure("PaidAtCommencement", "Paid at commencement", `IF(${ADVANCE},INDEX(LeasePayment,1),0)`, FORMATS.money, "the first payment, when paid in advance"),
    figure(
      "LeaseLiability",
      "Lease liability at commencement",
      "ROUND(SUM(LeasePresentValue),2)",
      FORMATS.money,
      "present value of the term's payments not yet paid",
    ),
    figure(
      "RouAsset",
      "Right-of-use asset at commencement",
      "LeaseLiability+PaidAtCommencement+InitialDirectCosts-IncentivesReceived",
      FORMATS.money,
      "liability + paid + initial direct costs − incentives",
    ),
    figure("RecognisedLiability", "Lease liability recognised", "IF(ShortTermApplied,0,LeaseLiability)", FORMATS.money, "nothing under the short-term exemption"),
    figure("RecognisedRouAsset", "Right-of-use asset recognised", "IF(ShortTermApplied,0,RouAsset)", FORMATS.money, "nothing under the short-term exemption"),
    figure(
      "LiabilityTerminationPayment",
      "Termination payment in the liability",
      "IF(ShortTermApplied,0,TerminationPayment)",
      FORMATS.money,
      "settles the liability on the exit date",
    ),
    figure("TotalLeasePayments", "Lease payments over the term", "SUM(LeasePayment)+TerminationPayment", FORMATS.money, "scheduled payments + termination payment"),
    figure("TotalInterest", "Interest over the term", "SUM(LeaseInterest)", FORMATS.money, "payments in the liability − the liability"),
    figure(
      "StraightLineTotal",
      "Spread straight-line over the term",
      `IF(OR(${OPERATING},${SHORT_TERM}),TotalLeasePayments+InitialDirectCosts-IncentivesReceived,RecognisedRouAsset)`,
      FORMATS.money,
      "single cost (operating, short-term), else the asset",
    ),
    figure(
      "StraightLinePerPeriod",
      "Straight-line amount per period",
      "ROUND(StraightLineTotal/AccountingPeriods,2)",
      FORMATS.money,
      "the last period absorbs the rounding",
    ),
    figure("LastLeasePayment", "Last scheduled payment of the term", "INDEX(LeasePayment,AccountingPeriods)", FORMATS.money, "in advance, the liability's last close"),
    figure(
      "ClosesBeforeLastPeriod",
      "Liability closes in the period before the last",
      `AND(${ADVANCE},TerminationPayment=0)`,
      undefined,
      "in advance without a termination payment: the last payment is made the next day",
    ),
    // What the judgement is worth: both readings of the clause, side by side
    figure(
      "EnforceableTermEnd",
      "Enforceable reading: term ends",
      "IF(EarlyExitPossible,MAX(EarliestExit-1,StartDate),EndDate)",
      FORMATS.date,
      "the day before the earliest exit",
    ),
    figure("EnforceablePeriods", "Enforceable reading: periods", 'COUNTIF(ScheduleStart,"<="&EnforceableTermEnd)', FORMATS.integer, "periods begun by then"),
    figure(
      "EnforceableTerminationPayment",
      "Enforceable reading: termination payment",
      "IF(EarlyExitPossible,TerminationFee,0)",
      FORMATS.money,
      "the fee, on the exit date",
    ),
    figure("LiabilityEnforceable", "Liability, enforceable reading", "ROUND(SUM(EnforceablePresentValue),2)", FORMATS.money, "either may leave at an insignificant penalty"),
    figure("LiabilityFullContract", "Liability, full-contract reading", "ROUND(SUM(FullContractPresentValue),2)", FORMATS.money, "payments to the contract end"),
    figure("JudgementWorth", "What the reading is worth", "LiabilityFullContract-LiabilityEnforceable", FORMATS.money, "full-contract − enforceable liability"),
    // Checks
    figure(
      "AccountingWordsRecognised",
      "Party and standard words recognised",
      'AND(OR(WhoMayTerminate="both",WhoMayTerminate="lessee",WhoMayTerminate="lessor"),' +
        'OR(AccountingStandard="ifrs16",AccountingStandard="asc842-finance",AccountingStandard="asc842-operating"))',
      undefined,
      "who may terminate, and the standard",
    ),
    figure(
      "ExplicitTermEndValid",
      "Explicit term end within the contract",
      "OR(NOT(ISNUMBER(ExplicitTermEnd)),AND(ExplicitTermEnd>=StartDate,ExplicitTermEnd<=EndDate))",
      undefined,
      "none given, or between start and end",
    ),
    check(
      "AccountingInputsCheck",
      "Accounting inputs",
      "IF(AND(AccountingWordsRecognised,ExplicitTermEndValid,OR(NOT(ElectShortTerm),ShortTermAvailable)," +
        'InitialDirectCosts>=0,IncentivesReceived>=0,RouAsset>=0,EarliestExit>StartDate),"inputs OK",' +
        '"CHECK INPUTS: party, standard, term end in the contract, short-term election, amounts ≥ 0, an enforceable period")',
    ),
    check(
      "LeaseRunsOffCheck",
      "Liability and asset run off to zero",
      'IF(AND(ABS(INDEX(LeaseClosingLiability,AccountingPeriods))<CheckTolerance,ABS(INDEX(LeaseClosingRou,AccountingPeriods))<CheckTolerance),"ok: both 0 at the term\'s end","CHECK: not 0 at the term\'s end")',
    ),
    check(
      "InterestTiesCheck",
      "Interest + liability = payments in it",
      'IF(ABS(TotalInterest+RecognisedLiability-SUM(LeasePaymentToLiability))<CheckTolerance,"ok","CHECK: interest and payments do not tie")',
    ),
    check(
      "MaturityTiesCheck",
      "Maturity table ties to the liability",
      'IF(AND(ABS(MaturityTotal-SUM(LeasePaymentToLiability))<CheckTolerance,ABS(MaturityTotal-MaturityImputedInterest-RecognisedLiability)<CheckTolerance),"ok","CHECK: maturity table does not tie")',
    ),
    check(
      "JournalBalancesCheck",
      "Every journal balances",
      'IF(AND(ABS(SUM(CommencementDebits)-SUM(CommencementCredits))<CheckTolerance,ABS(SUM(TermDebits)-SUM(TermCredits))<CheckTolerance),"ok: debits = credits","CHECK: a journal does not balance")',
    ),
  ];

  const series: SeriesColumn<AccountingName>[] = [
    leaseColumn("LeasePeriod", "Lease period", FORMATS.integer, (_, row) => `IF(${row.index}<=AccountingPeriods,${row.index},"")`),
    leaseColumn("LeaseEnd", "Lease period end", FORMATS.date, (at) => `MIN(${at("ScheduleEnd")},AccountingTermEnd)`),
    leaseColumn("LeasePayment", "Lease payment", FORMATS.money, (at) => cutPayment(at, at("LeaseEnd"))),
    leaseColumn("LeasePaymentDate", "Lease payment date", FORMATS.date, (at) => `IF(Timing="arrears",${at("LeaseEnd")},${at("ScheduleStart")})`),
    leaseColumn("LeaseTerminationPayment", "Termination payment", FORMATS.money, (at) => `IF(${at("LeasePeriod")}=AccountingPeriods,TerminationPayment,0)`),
    leaseColumn(
      "LeaseRate",
      "Period's discount rate",
      "0.000000%",
      (at) => `IF(${ACTUAL_365},(1+DiscountRate)^((${at("LeaseEnd")}-${at("ScheduleStart")}+1)/DaysPerYear)-1,PeriodicRate)`,
    ),
    leaseColumn("LeaseCloseFactor", "Discount factor to the period's close", FORMATS.factor, (at) => discountTo(at("LeasePeriod"), `${at("LeaseEnd")}+1`)),
    leaseColumn(
      "LeaseDiscountFactor",
      "Payment's discount factor",
      FORMATS.factor,
      // In advance the payment falls a period before the close.
      (at) => `${at("LeaseCloseFactor")}*IF(${ADVANCE},1+${at("LeaseRate")},1)`,
    ),
    leaseColumn(
      "LeasePresentValue",
      "PV in the liability",
      FORMATS.money,
      (at) =>
        `IF(AND(${ADVANCE},${at("LeasePeriod")}=1),0,${at("LeasePayment")}*${at("LeaseDiscountFactor")})` +
        `+${at("LeaseTerminationPayment")}*${at("LeaseCloseFactor")}`,
    ),
    leaseColumn(
      "LeaseExactClosing",
      "Exact liability at the close",
      FORMATS.money,
      // What remains after this period, valued at its close: the later rows' present values, carried forward.
      (at) => `SUMIF(LeasePeriod,">"&${at("LeasePeriod")},LeasePresentValue)/${at("LeaseCloseFactor")}`,
    ),
    leaseColumn(
      "LeasePaymentToLiability",
      "Payment settling the liability",
      FORMATS.money,
      (at) =>
        `IF(OR(ShortTermApplied,AND(${ADVANCE},${at("LeasePeriod")}=1)),0,${at("LeasePayment")})` +
        `+IF(${at("LeasePeriod")}=AccountingPeriods,LiabilityTerminationPayment,0)`,
    ),
    leaseColumn(
      "LeaseOpeningLiability",
      "Opening liability",
      FORMATS.money,
      (at, row) => `IF(${at("LeasePeriod")}=1,RecognisedLiability,${row.above("LeaseClosingLiability")})`,
    ),
    leaseColumn(
      "LeaseInterestBearing",
      "Liability bearing interest",
      FORMATS.money,
      // In advance, a period's payment (after the first) settles the liability on its first day.
      (at) => `${at("LeaseOpeningLiability")}-IF(AND(${ADVANCE},${at("LeasePeriod")}>1),${at("LeasePayment")},0)`,
    ),
    leaseColumn("LeaseRolledInterest", "Interest at the period's rate", FORMATS.money, (at) => `ROUND(${at("LeaseRate")}*${at("LeaseInterestBearing")},2)`),
    leaseColumn(
      "LeaseAnchoredInterest",
      "Interest, within a cent of exact",
      FORMATS.money,
      // Rolled forward, unless that leaves the close more than a cent from the exact value: then the exact value, rounded.
      (at) => {
        const settled = `${at("LeaseOpeningLiability")}-${at("LeasePaymentToLiability")}`;
        return `IF(ABS(${settled}+${at("LeaseRolledInterest")}-${at("LeaseExactClosing")})>ExactGapAllowed,ROUND(ROUND(${at("LeaseExactClosing")},2)-(${settled}),2),${at("LeaseRolledInterest")})`;
      },
    ),
    leaseColumn(
      "LeaseInterest",
      "Interest",
      FORMATS.money,
      // The period that closes the liability absorbs the rounding: the last, or in advance without a
      // termination payment the one before it, whose close must equal the last payment (made the next day).
      (at) =>
        `IF(ShortTermApplied,0,IF(${at("LeasePeriod")}=AccountingPeriods,ROUND(${at("LeasePaymentToLiability")}-${at("LeaseOpeningLiability")},2),` +
        `IF(AND(ClosesBeforeLastPeriod,${at("LeasePeriod")}=AccountingPeriods-1),ROUND(LastLeasePayment-(${at("LeaseOpeningLiability")}-${at("LeasePaymentToLiability")}),2),` +
        `${at("LeaseAnchoredInterest")})))`,
    ),
    leaseColumn(
      "LeaseClosingLiability",
      "Closing liability",
      FORMATS.money,
      (at) => `ROUND(${at("LeaseOpeningLiability")}-${at("LeasePaymentToLiability")}+${at("LeaseInterest")},2)`,
    ),
    leaseColumn(
      "LeaseStraightLine",
      "Straight-line amount",
      FORMATS.money,
      (at) => `IF(${at("LeasePeriod")}=AccountingPeriods,ROUND(StraightLineTotal-(AccountingPeriods-1)*StraightLinePerPeriod,2),StraightLinePerPeriod)`,
    ),
    leaseColumn(
      "LeaseRouReduction",
      "Depreciation / amortisation",
      FORMATS.money,
      (at) => `IF(${SHORT_TERM},0,IF(${OPERATING},${at("LeaseStraightLine")}-${at("LeaseInterest")},${at("LeaseStraightLine")}))`,
    ),
    leaseColumn(
      "LeaseClosingRou",
      "Closing ROU asset",
      FORMATS.money,
      (at, row) => `ROUND(IF(${at("LeasePeriod")}=1,RecognisedRouAsset,${row.above("LeaseClosingRou")})-${at("LeaseRouReduction")},2)`,
    ),
    leaseColumn(
      "LeaseCost",
      "Lease cost",
      FORMATS.money,
      (at) => `IF(OR(${OPERATING},${SHORT_TERM}),${at("LeaseStraightLine")},${at("LeaseInterest")}+${at("LeaseStraightLine")})`,
    ),
    leaseColumn("LeaseWholeYears", "Years by months to payment", FORMATS.integer, (at) => wholeYearsFromStart(at("LeasePaymentDate"))),
    leaseColumn("LeasePaymentYear", "Payment year (maturity)", FORMATS.integer, (at) => yearFromStart(at("LeasePaymentDate"), at("LeaseWholeYears"))),
    contractColumn(
      "EnforceablePayment",
      "Payment, enforceable reading",
      FORMATS.money,
      (at) => `IF(${at("SchedulePeriod")}>EnforceablePeriods,0,${cutPayment(at, `MIN(${at("ScheduleEnd")},EnforceableTermEnd)`)})`,
    ),
    contractColumn(
      "EnforceableDiscountFactor",
      "Discount factor, enforceable reading",
      FORMATS.factor,
      (at) => discountTo(periodsDiscounted(at("SchedulePeriod")), discountDay(at("ScheduleStart"), `MIN(${at("ScheduleEnd")},EnforceableTermEnd)`)),
    ),
    contractColumn(
      "EnforceablePresentValue",
      "PV, enforceable reading",
      FORMATS.money,
      (at) =>
        `IF(AND(${ADVANCE},${at("SchedulePeriod")}=1),0,${at("EnforceablePayment")}*${at("EnforceableDiscountFactor")})` +
        `+IF(${at("SchedulePeriod")}=EnforceablePeriods,EnforceableTerminationPayment*${discountTo(at("SchedulePeriod"), "EnforceableTermEnd+1")},0)`,
    ),
    contractColumn(
      "FullContractPresentValue",
      "PV, full-contract reading",
      FORMATS.money,
      (at) =>
        `IF(AND(${ADVANCE},${at("SchedulePeriod")}=1),0,${at("SchedulePayment")}*${discountTo(periodsDiscounted(at("SchedulePeriod")), discountDay(at("ScheduleStart"), at("ScheduleEnd")))})`,
    ),
  ];

  return {
    id: "accounting",
    title: "LEASE ACCOUNTING (lessee)",
    list: { header: ["Value", "How it is computed"], rows },
    series,
    reads: [
      "IdentifiedAsset", "SubstitutionRight", "RightToDirectUse", "WhoMayTerminate", "SignificantPenalty", "ExplicitTermEnd", "ElectShortTerm",
      "InitialDirectCosts", "IncentivesReceived", "AccountingStandard", "RateBasis", "DaysPerYear", "StartDate", "EndDate", "NoticeDays", "TerminationFee", "DiscountRate",
      "Timing", "Proration", "EarliestNotice", "LockInEnd", "MonthsPerYear", "MonthsPerPeriod", "CheckTolerance", "SchedulePeriod",
      "ScheduleStart", "ScheduleEnd", "ScheduleDays", "ScheduleRate", "SchedulePayment", "MaturityTotal", "MaturityImputedInterest",
      "CommencementDebits", "CommencementCredits", "TermDebits", "TermCredits",
    ],
  };
}

export type MaturityName =
  | "MaturityYear1"
  | "MaturityYear2"
  | "MaturityYear3"
  | "MaturityYear4"
  | "MaturityYear5"
  | "MaturityThereafter"
  | "MaturityTotal"
  | "MaturityImputedInterest"
  | "MaturityLiability"
  | "TerminationWholeYears"
  | "TerminationPaymentYear";

/** Years the maturity table shows one by one (IFRS 7.B11; ASC 842-20-50-6). */
const MATURITY_YEARS = [1, 2, 3, 4, 5] as const;

/**
 * The maturity analysis of the lease liability at commencement: undiscounted payments by year from
 * commencement, thereafter, the total, less the imputed interest, equal to the liability.
 *
 * @example
 * maturityBlock().list.rows[0].cells![0].formula // "SUMIF(LeasePaymentYear,1,LeasePaymentToLiability)-IF(…)+IF(TerminationPaymentYear=1,…)"
 */
export function maturityBlock(): Block<MaturityName> {
  // The termination payment falls on the exit date, not with the last period's payment: moved to its own year.
  const feeMoved = (year: string, compare: string) =>
    `-IF(INDEX(LeasePaymentYear,AccountingPeriods)${compare}${year},LiabilityTerminationPayment,0)` +
    `+IF(TerminationPaymentYear${compare}${year},LiabilityTerminationPayment,0)`;
  const yearRows: ListRow<MaturityName>[] = MATURITY_YEARS.map((year) => ({
    label: `Year ${year}`,
    cells: [
      { formula: `SUMIF(LeasePaymentYear,${year},LeasePaymentToLiability)${feeMoved(String(year), "=")}`, numberFormat: FORMATS.money, style: "output" },
      { formula: `EDATE(StartDate,${year}*MonthsPerYear)`, numberFormat: FORMATS.date, style: "output" },
    ],
    names: [{ name: `MaturityYear${year}`, cell: 0 }],
  }));
  const last = MATURITY_YEARS[MATURITY_YEARS.length - 1];
  const amount = (name: MaturityName, label: string, formula: string, how: string): ListRow<MaturityName> => ({
    label,
    cells: [{ formula, numberFormat: FORMATS.money, style: "output" }, { value: how, style: "note" }],
    names: [{ name, cell: 0 }],
  });
  return {
    id: "maturity",
    title: "MATURITY ANALYSIS (at commencement)",
    list: {
      header: ["Undiscounted", "Due up to"],
      rows: [
        ...yearRows,
        amount(
          "MaturityThereafter",
          "Thereafter",
          `SUMIF(LeasePaymentYear,">${last}",LeasePaymentToLiability)${feeMoved(String(last), ">")}`,
          `after year ${last}`,
        ),
        amount("MaturityTotal", "Total undiscounted payments", "SUM(MaturityYear1,MaturityYear2,MaturityYear3,MaturityYear4,MaturityYear5,MaturityThereafter)", "the years and thereafter"),
        amount("MaturityImputedInterest", "Less imputed interest", "MaturityTotal-RecognisedLiability", "total − liability"),
        amount("MaturityLiability", "Lease liability", "MaturityTotal-MaturityImputedInterest", "equals the liability recognised"),
        {
          label: "Years by months to the exit date",
          cells: [{ formula: wholeYearsFromStart("(AccountingTermEnd+1)"), numberFormat: FORMATS.integer, style: "output" }, { value: "calendar months ÷ months a year", style: "note" }],
          names: [{ name: "TerminationWholeYears", cell: 0 }],
        },
        {
          label: "Termination payment falls in year",
          cells: [{ formula: yearFromStart("(AccountingTermEnd+1)", "TerminationWholeYears"), numberFormat: FORMATS.integer, style: "output" }, { value: "the exit date's year", style: "note" }],
          names: [{ name: "TerminationPaymentYear", cell: 0 }],
        },
      ],
    },
    reads: ["LeasePaymentYear", "LeasePaymentToLiability", "AccountingPeriods", "LiabilityTerminationPayment", "StartDate", "MonthsPerYear", "RecognisedLiability", "AccountingTermEnd"],
  };
}

export type JournalName = "CommencementDebits" | "CommencementCredits" | "TermDebits" | "TermCredits";

/**
 * The lessee's journal: the entry at commencement, and the term's period entries summed by account.
 * Each line is a signed amount, shown as a debit (+) or a credit (−).
 *
 * @example
 * journalBlock().list.ranges // CommencementDebits, CommencementCredits, TermDebits, TermCredits
 */
export function journalBlock(): Block<JournalName> {
  const line = (account: string, signed: string): ListRow<JournalName> => ({
    label: account,
    cells: [
      { formula: `MAX(${signed},0)`, numberFormat: FORMATS.money, style: "output" },
      { formula: `MAX(-(${signed}),0)`, numberFormat: FORMATS.money, style: "output" },
    ],
  });
  const total = (label: string, debits: JournalName, credits: JournalName): ListRow<JournalName> => ({
    label,
    cells: [
      { formula: `SUM(${debits})`, numberFormat: FORMATS.money, style: "output" },
      { formula: `SUM(${credits})`, numberFormat: FORMATS.money, style: "output" },
    ],
  });
  const commencement = [
    line("Right-of-use asset", "RecognisedRouAsset"),
    line("Lease liability", "-RecognisedLiability"),
    line("Cash (paid + direct costs − incentives)", "-IF(ShortTermApplied,0,PaidAtCommencement+InitialDirectCosts-IncentivesReceived)"),
  ];
  const cashOverTerm = "SUM(LeasePaymentToLiability)+IF(ShortTermApplied,TotalLeasePayments+InitialDirectCosts-IncentivesReceived,0)";
  const term = [
    line("Interest expense", `IF(OR(${OPERATING},${SHORT_TERM}),0,TotalInterest)`),
    line("Depreciation expense", `IF(OR(${OPERATING},${SHORT_TERM}),0,SUM(LeaseRouReduction))`),
    line("Operating lease cost", `IF(${OPERATING},SUM(LeaseCost),0)`),
    line("Short-term lease expense", `IF(${SHORT_TERM},SUM(LeaseCost),0)`),
    line("Lease liability", "SUM(LeasePaymentToLiability)-TotalInterest"),
    line("Right-of-use asset", "-SUM(LeaseRouReduction)"),
    line("Accrued rent", `-IF(${SHORT_TERM},SUM(LeaseCost)-(${cashOverTerm}),0)`),
    line("Cash (payments over the term)", `-(${cashOverTerm})`),
  ];
  const termFrom = 1 + commencement.length + 1 + 1;
  return {
    id: "journal",
    title: "JOURNAL (lessee)",
    list: {
      header: ["Debit", "Credit"],
      rows: [
        { label: "At commencement", labelStyle: "header" },
        ...commencement,
        total("Total at commencement", "CommencementDebits", "CommencementCredits"),
        { label: "Over the term (period entries by account)", labelStyle: "header" },
        ...term,
        total("Total over the term", "TermDebits", "TermCredits"),
        { label: "Each period's entries balance; so do their sums.", labelStyle: "note" },
      ],
      ranges: [
        { name: "CommencementDebits", fromRow: 1, toRow: commencement.length, fromCell: 0, toCell: 0 },
        { name: "CommencementCredits", fromRow: 1, toRow: commencement.length, fromCell: 1, toCell: 1 },
        { name: "TermDebits", fromRow: termFrom, toRow: termFrom + term.length - 1, fromCell: 0, toCell: 0 },
        { name: "TermCredits", fromRow: termFrom, toRow: termFrom + term.length - 1, fromCell: 1, toCell: 1 },
      ],
    },
    reads: [
      "RecognisedRouAsset", "RecognisedLiability", "ShortTermApplied", "PaidAtCommencement", "InitialDirectCosts", "IncentivesReceived",
      "LeasePaymentToLiability", "TotalLeasePayments", "TotalInterest", "LeaseRouReduction", "LeaseCost", "StandardApplied",
    ],
  };
}

/** The accounting figures the DEAL functions recompute. */
export const ACCOUNTING_CHECKED = ["LeaseLiability", "RouAsset"] as const;
type AccountingChecked = (typeof ACCOUNTING_CHECKED)[number];

export type AccountingCheckName = `${AccountingChecked}Checked` | `Deal${AccountingChecked}` | `${AccountingChecked}Agrees`;

/**
 * DEAL.LEASE_LIABILITY and DEAL.ROU_ASSET over the accounting term beside the native figures, like
 * with like: on the sheet's rate basis, the termination payment in both.
 *
 * @example
 * accountingChecksBlock(ctx).list.rows[0].names // LeaseLiabilityChecked, DealLeaseLiability, LeaseLiabilityAgrees
 */
export function accountingChecksBlock(ctx: ModelContext): Block<AccountingCheckName> {
  const pay = ctx.terms.payment.kind === "ramp" ? "Ramp" : "Payment";
  const args = `StartDate,AccountingTermEnd,${pay},DiscountRate,Frequency,Escalation,Timing,Proration`;
  const calls: Record<AccountingChecked, [string, string, string]> = {
    LeaseLiability: ["Lease liability", "LeaseLiability", `DEAL.LEASE_LIABILITY(${args},RateBasis,TerminationPayment)`],
    RouAsset: ["ROU asset", "RouAsset", `DEAL.ROU_ASSET(${args},InitialDirectCosts,IncentivesReceived,RateBasis,TerminationPayment)`],
  };
  const rows: ListRow<AccountingCheckName>[] = ACCOUNTING_CHECKED.map((figure) => {
    const [label, native, call] = calls[figure];
    const deal = `Deal${figure}` as const;
    const cells: PlanCell[] = [
      { formula: native, numberFormat: FORMATS.money, style: "output" },
      { formula: `IFERROR(${call},"${NO_ADDIN}")`, numberFormat: FORMATS.money, style: "output" },
      {
        formula: `IF(ISNUMBER(${deal}),IF(ABS(${deal}-${figure}Checked)<CheckTolerance,"agree","DISAGREE"),"${NO_ADDIN}: native figures stand")`,
        style: "check",
      },
    ];
    return {
      label,
      cells,
      names: [
        { name: `${figure}Checked`, cell: 0 },
        { name: deal, cell: 1 },
        { name: `${figure}Agrees`, cell: 2 },
      ],
    };
  });
  return {
    id: "accountingChecks",
    title: "ACCOUNTING CHECKS (DEAL functions)",
    list: { header: ["Native formula", "DEAL function", "Agree?"], rows },
    reads: [
      "LeaseLiability", "RouAsset", "TerminationPayment", "RateBasis", "StartDate", "AccountingTermEnd",
      "Payment", "Ramp", "DiscountRate", "Frequency", "Escalation", "Timing", "Proration", "InitialDirectCosts", "IncentivesReceived", "CheckTolerance",
    ],
  };
}
