/**
 * The accounting view of a compute-capacity lease, for the lessee (IFRS 16; ASC 842 finance and
 * operating) and the lessor (operating lease): is it a lease, what is the accounting lease term,
 * measurement at commencement, one row per period, remeasurement when notice is served, the maturity
 * analysis and balanced journal entries.
 *
 * Conventions (README "Accounting"):
 * - Discounting is periodic by default: annual rate ÷ payments a year, compounded once a period, each
 *   payment one whole period after the previous (the lease-accounting convention); `effective` and
 *   `actual/365` are the other bases (see {@link RateBasis}). CONTRACT_PV uses XNPV's annual-effective
 *   rate on actual days.
 * - Money is rounded to cents: the liability at commencement once; each period's interest and
 *   depreciation (or straight-line cost) to the cent, no closing liability more than a cent from the
 *   exact present value of what remains; the last period absorbs the rounding residual so that the
 *   liability and the right-of-use asset end at exactly zero.
 */
export { assessLease } from "./classification";
export type { LeaseAssessment, LeaseAssessmentInput } from "./classification";
export { accountingTerm } from "./leaseTerm";
export type { AccountingTerm, TerminationHolder, TermJudgement } from "./leaseTerm";
export { checkDiscountRate, checkRateBasis, measureLease, periodicRate, periodRates, presentValues, RATE_BASES, valueAtEndOf } from "./measurement";
export type { LeaseMeasurement, LeaseMeasurementInput, RateBasis } from "./measurement";
export { leaseAccounting, LESSEE_STANDARDS } from "./lessee";
export type { LeaseAccounting, LeaseRow, LesseeStandard, NoticeRemeasurement } from "./lessee";
export { decimalColumns, fastColumns, leaseColumns } from "./columns";
export type { LeaseColumns } from "./columns";
export { lessorOperatingRows } from "./lessor";
export type { LessorRow } from "./lessor";
export { maturityAnalysis } from "./maturity";
export type { MaturityAnalysis } from "./maturity";
export { lesseeJournal, lessorJournal } from "./journal";
export type { Account, JournalEntry, JournalLine } from "./journal";
