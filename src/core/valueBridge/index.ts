/**
 * From the headline value to what is enforceable, expected and likely to be paid: the value bridge.
 *
 * Every figure here is built on the schedule ({@link buildSchedule}) and the exit rules
 * ({@link exitDate}, {@link exitOutcome}); what is owed up to an exit is read from the schedule's
 * cumulative sums, so asking about many exits costs O(1) each.
 *
 * Definitions (README, "The value bridge"):
 * - **Committed value at the close of a day** ({@link committedValue}): the consideration for service
 *   not yet rendered at the close of `asOf` up to the exit that notice served the next day (or on the
 *   earliest permitted day after it) gives, plus the termination fee. Each period's amount is earned
 *   evenly over the days of service it pays for.
 * - **Notice months** ({@link noticeMonths}): notice served on the earliest permitted day, then on
 *   each monthly anniversary of it (EDATE, never chained), while the exit it gives lies within the term.
 * - **Expected value** ({@link expectedValue}): E = Σ_k P(first notice in month k) × value(exit k)
 *   + P(no notice) × total, with P(first notice in month k) = (1 − q)^k × q and
 *   q = 1 − (1 − p)^(1/12) for an annual exit probability p.
 */
export { checkProbability, checkShare } from "./shares";
export { OwedCursor, owedInPeriod } from "./owed";
export { committedValue } from "./committed";
export type { RemainingCommitment } from "./committed";
export { noticeExits, noticeMonths } from "./notice";
export type { NoticeMonth } from "./notice";
export { monthlyProbability, noticeWeights } from "./probability";
export { exitProbabilities, expectedValue } from "./expected";
export type { ExitProbabilities } from "./expected";
export { allowedDowntimeMinutes, checkSlaTiers, slaCredit, slaCreditShare } from "./sla";
export type { SlaTier, SlaTierInput } from "./sla";
export { abateForDelivery, deliveryCommittedValue } from "./delivery";
export type { AbatedPeriod, Abatement, DeliveryCommitment, DeliveryDeadline } from "./delivery";
export { valueBridge } from "./bridge";
export type { BridgeKey, BridgeLine, BridgeOptions, BridgePeriod, ValueBridge } from "./bridge";
