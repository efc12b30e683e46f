/** The calculation core: pure, host-free, exact money. Adapters import from here. */
export * from "./money";
export * from "./errors";
export * from "./dates";
export * from "./terms";
export * from "./schedule";
export * from "./termination";
export * from "./valuation";
export * from "./accounting";
export * from "./valueBridge";
export * from "./register";
export * from "./portfolio";
export * from "./deal";
export * from "./vocabulary";
export * from "./fields";
export * from "./market";
export * from "./provider";
