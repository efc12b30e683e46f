/** The market: a price curve, the contract's mark against it, break-even prices, and both exit rights as options. */
export * from "./curve";
export * from "./legs";
export * from "./exits";
export * from "./mark";
export * from "./lattice";
