/**
 * The provider's books: the remaining performance obligation and its timing under ASC 606 / IFRS 15
 * (when the contract is a service), and the lessor's maturity analysis (when it contains a lease; the
 * lessor's straight-line income rows are in ../accounting/lessor.ts).
 */
export { contractTermExit, remainingPerformanceObligation, rpoTiming, unrecognisedAfter } from "./rpo";
export type { RemainingPerformanceObligation, RemainingPeriod, RpoJudgement, RpoTiming } from "./rpo";
export { lessorMaturity } from "./lessorMaturity";
export type { LessorMaturity } from "./lessorMaturity";
