/**
 * The provider's and the lender's economics (issue 18; docs/provider-economics.md): the capacity
 * behind a contract, returns on dated cash flows (XIRR, XNPV, payback), the provider's monthly
 * economics for the contract as signed, to its committed exit and expected, and debt capacity.
 */
export * from "./capacity";
export * from "./returns";
export * from "./debt";
export * from "./economics";
export * from "./lender";
