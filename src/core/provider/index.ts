/**
 * The provider's books: the remaining performance obligation and its timing under ASC 606 / IFRS 15
 * (when the contract is a service), and the lessor's maturity analysis (when it contains a lease; the
 * lessor's straight-line income rows are in ../accounting/lessor.ts).
 *
 * The provider's and the lender's economics (issue 18; docs/provider-economics.md): the capacity
 * behind a contract, returns on dated cash flows (XIRR, XNPV, payback), the provider's monthly
 * economics for the contract as signed, to its committed exit and expected, and debt capacity.
 */
export { contractTermExit, remainingPerformanceObligation, rpoTiming, unrecognisedAfter } from "./rpo";
export type { RemainingPerformanceObligation, RemainingPeriod, RpoJudgement, RpoTiming } from "./rpo";
export { lessorMaturity } from "./lessorMaturity";
export type { LessorMaturity } from "./lessorMaturity";
export * from "./capacity";
export * from "./returns";
export * from "./debt";
export * from "./economics";
export * from "./lender";
