/**
 * The Market blocks (docs/market.md; core: src/core/market/): the contract set against a market price
 * curve. Native formulas for the curve, the market price of each period (linear on the curve, flat
 * outside it), the mark-to-market and the break-even prices; DEAL.EXIT_OPTION for the lattice, whose
 * cells say "needs the add-in" without it.
 *
 * Five blocks:
 * - **Market term quotes** (inputs, optional): contract lengths in months and their rates, with the
 *   forwards F(t₁,t₂) = (R₂t₂ − R₁t₁)/(t₂ − t₁) worked out beside them, lengths ascending;
 * - **Market curve** (one point a row, beside the Schedule): from the term quotes (each segment's first
 *   and last day, as FORWARDS_FROM_TERMS) if any are given, else one point a month from the spot date,
 *   spot × (1 − decline)^(months / 12), as MARKET_CURVE (no decline: a flat price);
 * - **Market per period** (beside the Schedule): GPU-hours, the contract's and the market's price per
 *   GPU-hour, the market cost and the period's discounted mark;
 * - **Market break-even per notice month** (beside the notice months): what the exit forgoes, the
 *   GPU-hours after it, and the prices at which each party walks;
 * - **Market** (the figures): the mark-to-market, the first notice month's break-even prices, and
 *   DEAL.EXIT_OPTION's results.
 *
 * The curve's decline is the scenario in use's (`AnnualDeclineUsed`); everything else follows the
 * inputs, as the Summary does. A blank GPU count or no curve leaves every market figure "not given"
 * and changes no other figure of the sheet.
 */
import { Block, ListCell, ListRow, RowRefs, SeriesColumn } from "../layout";
import { PlanCell } from "../plan";
import { marketAssumptions } from "../templates";
import { figureRow, FORMATS, ModelContext } from "./context";
import { blankPastTerm, discountFactor } from "./fragments";
import { valueError } from "../../core";

/** What a market figure shows when the GPU count or the curve is blank. */
export const NOT_GIVEN = "not given";
/** What a DEAL.EXIT_OPTION figure shows when the add-in is not loaded (the file opened elsewhere). */
export const NEEDS_ADDIN = "needs the add-in";
/** The lattice's status when the add-in is loaded: its figures are DEAL.EXIT_OPTION's. */
export const BY_ADDIN = "computed by the add-in";

// ---------------------------------------------------------------------------------------------
// Term quotes (inputs)
// ---------------------------------------------------------------------------------------------

/** Rows of the term quote table. */
export const QUOTE_ROWS = 6;

export type MarketQuoteName =
  | "MarketQuotesHeading"
  | "MarketTermMonths"
  | "MarketTermRates"
  | "MarketQuoteMonths"
  | "MarketQuoteRates"
  | "MarketQuoteForwards";

/**
 * @example
 * marketQuotesBlock(ctx).list.ranges.map((r) => r.name) // ["MarketTermMonths", "MarketTermRates", "MarketQuoteMonths", …]
 */
export function marketQuotesBlock(ctx: ModelContext): Block<MarketQuoteName> {
  const quotes = marketAssumptions(ctx.deal).termQuotes;
  if (quotes.length > QUOTE_ROWS) throw valueError(`The model sheet holds at most ${QUOTE_ROWS} term quotes; this deal has ${quotes.length}.`);
  const i = "(ROW()-ROW(MarketQuotesHeading))";
  type At = (name: MarketQuoteName) => string;
  const before = (name: MarketQuoteName) => `IF(${i}=1,0,INDEX(${name},${i}-1))`;
  const helpers: [MarketQuoteName, string, string, (at: At) => string][] = [
    ["MarketQuoteMonths", "Length, ascending", FORMATS.integer, () => `IF(${i}>COUNT(MarketTermMonths),"",SMALL(MarketTermMonths,${i}))`],
    ["MarketQuoteRates", "Its rate", FORMATS.rate, (at) => `IF(${at("MarketQuoteMonths")}="","",SUMIF(MarketTermMonths,${at("MarketQuoteMonths")},MarketTermRates))`],
    [
      "MarketQuoteForwards",
      "Forward from the length before",
      FORMATS.rate,
      (at) =>
        `IF(${at("MarketQuoteMonths")}="","",ROUND((${at("MarketQuoteRates")}*${at("MarketQuoteMonths")}-${before("MarketQuoteRates")}*${before("MarketQuoteMonths")})` +
        `/(${at("MarketQuoteMonths")}-${before("MarketQuoteMonths")}),12))`,
    ],
  ];
  const rows: ListRow<MarketQuoteName>[] = [
    {
      label: "Blank rows are ignored",
      labelStyle: "note",
      cells: ["Months", "Rate per GPU-hour", ...helpers.map(([, header]) => header)].map((value): PlanCell => ({ value, style: "header" })),
      names: [{ name: "MarketQuotesHeading", cell: 0 }],
    },
    ...Array.from({ length: QUOTE_ROWS }, (_, r): ListRow<MarketQuoteName> => ({
      label: `Quote ${r + 1}`,
      cells: [
        { value: quotes[r]?.months ?? null, numberFormat: FORMATS.integer, style: "input" },
        { value: quotes[r]?.rate ?? null, numberFormat: FORMATS.rate, style: "input" },
        ...helpers.map(([, , numberFormat, formula]): ListCell<MarketQuoteName> => ({ formulaAt: formula, numberFormat, style: "output" })),
      ],
    })),
    {
      label: "Rates of contracts of each length quoted on the spot date; given, they make the curve: (R₂t₂ − R₁t₁)/(t₂ − t₁) between two lengths.",
      labelStyle: "note",
    },
  ];
  const range = (name: MarketQuoteName, cell: number) => ({ name, fromRow: 1, toRow: QUOTE_ROWS, fromCell: cell, toCell: cell });
  return {
    id: "marketQuotes",
    title: "MARKET TERM QUOTES (optional)",
    list: {
      header: [],
      rows,
      ranges: [
        range("MarketTermMonths", 0),
        range("MarketTermRates", 1),
        ...helpers.map(([name], c) => range(name, 2 + c)),
      ],
    },
    reads: [],
  };
}

// ---------------------------------------------------------------------------------------------
// The curve (one point a row)
// ---------------------------------------------------------------------------------------------

export type MarketCurveName = "MarketCurvePoint" | "MarketCurveMonths" | "MarketCurveDate" | "MarketCurvePrice";

/**
 * Point p (1, 2, …). From term quotes: segment j = INT((p + 1) / 2), its first day (p odd, the length
 * before it months after the quote date) or its last day (p even, its own length less a day), at its
 * forward. Else point p is p − 1 months after the spot date, for as many months as cover the term.
 *
 * @example
 * marketCurveBlock().series.map((c) => c.name) // ["MarketCurvePoint", "MarketCurveMonths", "MarketCurveDate", "MarketCurvePrice"]
 */
export function marketCurveBlock(): Block<MarketCurveName> {
  const segment = (p: string) => `INT((${p}+1)/2)`;
  return {
    id: "marketCurve",
    title: "MARKET CURVE",
    series: [
      { name: "MarketCurvePoint", header: "Point", numberFormat: FORMATS.integer, formula: (row) => row.index },
      {
        name: "MarketCurveMonths",
        header: "Months from the spot date",
        numberFormat: FORMATS.integer,
        formula: ({ at }) => {
          const p = at("MarketCurvePoint");
          const j = segment(p);
          return (
            `IF(MarketCurveForm="terms",IF(${p}>2*COUNT(MarketQuoteMonths),"",IF(MOD(${p},2)=1,IF(${j}=1,0,INDEX(MarketQuoteMonths,${j}-1)),INDEX(MarketQuoteMonths,${j}))),` +
            `IF(AND(MarketCurveForm="spot",${p}<=MarketCurveSpan),${p}-1,""))`
          );
        },
      },
      {
        name: "MarketCurveDate",
        header: "Curve date",
        numberFormat: FORMATS.date,
        formula: ({ at }) =>
          `IF(${at("MarketCurveMonths")}="","",EDATE(MarketSpotDate,${at("MarketCurveMonths")})-IF(AND(MarketCurveForm="terms",MOD(${at("MarketCurvePoint")},2)=0),1,0))`,
      },
      {
        name: "MarketCurvePrice",
        header: "Curve price per GPU-hour",
        numberFormat: FORMATS.rate,
        formula: ({ at }) =>
          `IF(${at("MarketCurveMonths")}="","",IF(MarketCurveForm="terms",INDEX(MarketQuoteForwards,${segment(at("MarketCurvePoint"))}),` +
          `SpotPrice*(1-AnnualDeclineUsed)^(${at("MarketCurveMonths")}/MonthsPerYear)))`,
      },
    ],
    reads: ["MarketCurveForm", "MarketQuoteMonths", "MarketQuoteForwards", "MarketCurveSpan", "MarketSpotDate", "SpotPrice", "AnnualDeclineUsed", "MonthsPerYear"],
  };
}

// ---------------------------------------------------------------------------------------------
// Per period
// ---------------------------------------------------------------------------------------------

export type MarketSeriesName =
  | "MarketGpuHours"
  | "MarketContractPrice"
  | "MarketPrice"
  | "MarketPointBefore"
  | "MarketCost"
  | "MarketPeriodMark";

/** The chart's columns, in order: the contract's price per GPU-hour and the market's. */
export const MARKET_CHART_COLUMNS = ["MarketContractPrice", "MarketPrice"] as const satisfies readonly MarketSeriesName[];

/** Blank past the Schedule's term and when the market is not given. */
const given = (row: RowRefs, formula: string) => blankPastTerm(row.at("SchedulePeriod"), `IF(MarketGiven,${formula},"")`);

/**
 * The curve's price on `date`, with i the curve points on or before it: linear between point i and
 * i + 1, flat before the first and after the last (FORWARD_PRICE).
 *
 * @example
 * curvePriceAt("J5", "K5") // 'IF(K5=0,INDEX(MarketCurvePrice,1),IF(K5>=MarketCurvePoints,…,…))'
 */
export function curvePriceAt(date: string, i: string): string {
  const price = (n: string) => `INDEX(MarketCurvePrice,${n})`;
  const day = (n: string) => `INDEX(MarketCurveDate,${n})`;
  return (
    `IF(${i}=0,${price("1")},IF(${i}>=MarketCurvePoints,${price("MarketCurvePoints")},` +
    `${price(i)}+(${price(`${i}+1`)}-${price(i)})*(${date}-${day(i)})/(${day(`${i}+1`)}-${day(i)})))`
  );
}

/**
 * @example
 * marketSeriesBlock().series.map((c) => c.header) // ["GPU-hours", "Contract $/GPU-hour", "Market $/GPU-hour", …]
 */
export function marketSeriesBlock(): Block<MarketSeriesName> {
  const column = (name: MarketSeriesName, header: string, numberFormat: string, formula: (at: RowRefs["at"]) => string): SeriesColumn<MarketSeriesName> => ({
    name,
    header,
    numberFormat,
    formula: (row) => given(row, formula(row.at)),
  });
  return {
    id: "marketSeries",
    title: "MARKET (per period)",
    series: [
      column(
        "MarketGpuHours",
        "GPU-hours",
        FORMATS.count,
        // A final stub delivers its days' share of a full period's hours.
        (at) => `GpuCount*HoursPerMonth*MonthsPerPeriod*(${at("ScheduleEnd")}-${at("ScheduleStart")}+1)/${at("ScheduleDays")}`,
      ),
      column("MarketContractPrice", "Contract $/GPU-hour", FORMATS.rate, (at) => `${at("SchedulePayment")}/${at("MarketGpuHours")}`),
      column("MarketPrice", "Market $/GPU-hour", FORMATS.rate, (at) => curvePriceAt(at("ScheduleStart"), at("MarketPointBefore"))),
      column("MarketPointBefore", "Curve points on or before the start", FORMATS.integer, (at) => `COUNTIF(MarketCurveDate,"<="&${at("ScheduleStart")})`),
      column("MarketCost", "Market cost of the GPU-hours", FORMATS.money, (at) => `${at("MarketGpuHours")}*${at("MarketPrice")}`),
      column(
        "MarketPeriodMark",
        "Mark (contract − market), discounted",
        FORMATS.money,
        (at) =>
          `IF(${at("SchedulePaymentDate")}<=MarketValuedAt,0,(${at("SchedulePayment")}-${at("MarketCost")})*` +
          `${discountFactor("DiscountRate", `${at("SchedulePaymentDate")}-MarketValuedAt`)})`,
      ),
    ],
    reads: [
      "SchedulePeriod", "ScheduleStart", "ScheduleEnd", "ScheduleDays", "SchedulePayment", "SchedulePaymentDate", "MarketGiven", "GpuCount", "HoursPerMonth",
      "MonthsPerPeriod", "MarketCurvePrice", "MarketCurveDate", "MarketCurvePoints", "MarketValuedAt", "DiscountRate", "DaysPerYear",
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Break-even prices per notice month
// ---------------------------------------------------------------------------------------------

export type MarketBreakevenName = "MarketForgone" | "MarketHoursAfterExit" | "MarketExitFactor" | "MarketTenantBelow" | "MarketProviderAbove";

/**
 * For notice month k (the notice months' exit and the period it cuts), valued at the start: R, the
 * payments the exit forgoes (the periods not begun, and what a period owed by days served does not
 * owe), and H, the GPU-hours it stops paying for; the tenant walks below (R − fee − c_tenant) / H and
 * the provider above (R + fee + c_provider) / H, both at the exit (BREAKEVEN_PRICE).
 *
 * @example
 * marketBreakevenBlock().series.map((c) => c.name) // ["MarketForgone", "MarketHoursAfterExit", "MarketExitFactor", …]
 */
export function marketBreakevenBlock(): Block<MarketBreakevenName> {
  const exit = (at: RowRefs["at"]) => at("NoticeMonthExit");
  const k = (at: RowRefs["at"]) => at("NoticeMonthLastPeriod");
  /** The cut period is not owed in full: it ends on or after the exit (proration by days is tested apart). */
  const cuts = (at: RowRefs["at"]) => `AND(${k(at)}>0,INDEX(ScheduleEnd,MAX(1,${k(at)}))>=${exit(at)})`;
  const after = (column: string, at: RowRefs["at"]) => `SUMPRODUCT(${column},ScheduleDiscountFactor,--(ScheduleStart>=${exit(at)}))`;
  const column = (name: MarketBreakevenName, header: string, numberFormat: string, formula: (at: RowRefs["at"]) => string): SeriesColumn<MarketBreakevenName> => ({
    name,
    header,
    numberFormat,
    formula: ({ at }) => `IF(OR(${exit(at)}="",NOT(MarketGiven)),"",${formula(at)})`,
  });
  /** Nothing after the exit (it falls in the last period, owed in full): no price makes leaving pay. */
  const price = (name: MarketBreakevenName, header: string, formula: (at: RowRefs["at"]) => string) =>
    column(name, header, FORMATS.rate, (at) => `IF(${at("MarketHoursAfterExit")}=0,"never",${formula(at)})`);
  const atExit = (name: MarketBreakevenName, at: RowRefs["at"]) => `${at(name)}/${at("MarketExitFactor")}`;
  return {
    id: "marketBreakeven",
    title: "MARKET BREAK-EVEN (per notice month)",
    series: [
      column(
        "MarketForgone",
        "Payments forgone (PV at start)",
        FORMATS.money,
        (at) =>
          `${after("SchedulePayment", at)}+IF(${cuts(at)},(INDEX(SchedulePayment,${k(at)})-${at("NoticeMonthCut")})*INDEX(ScheduleDiscountFactor,${k(at)}),0)`,
      ),
      column(
        "MarketHoursAfterExit",
        "GPU-hours after the exit (PV at start)",
        FORMATS.count,
        (at) =>
          `${after("MarketGpuHours", at)}+IF(AND(${cuts(at)},Proration="actual"),INDEX(MarketGpuHours,${k(at)})*` +
          `(INDEX(ScheduleEnd,${k(at)})-${exit(at)}+1)/(INDEX(ScheduleEnd,${k(at)})-INDEX(ScheduleStart,${k(at)})+1)*INDEX(ScheduleDiscountFactor,${k(at)}),0)`,
      ),
      column("MarketExitFactor", "Discount factor to the exit", FORMATS.factor, (at) => discountFactor("DiscountRate", `${exit(at)}-StartDate`)),
      price(
        "MarketTenantBelow",
        "Tenant walks below ($/GPU-hour)",
        (at) => `ROUND((${atExit("MarketForgone", at)}-TerminationFee-TenantSwitchingCost)/(${atExit("MarketHoursAfterExit", at)}),4)`,
      ),
      price(
        "MarketProviderAbove",
        "Provider walks above ($/GPU-hour)",
        (at) => `ROUND((${atExit("MarketForgone", at)}+TerminationFee+ProviderSwitchingCost)/(${atExit("MarketHoursAfterExit", at)}),4)`,
      ),
    ],
    reads: [
      "NoticeMonthExit", "NoticeMonthLastPeriod", "NoticeMonthCut", "MarketGiven", "ScheduleEnd", "ScheduleStart", "SchedulePayment", "ScheduleDiscountFactor",
      "MarketGpuHours", "Proration", "DiscountRate", "StartDate", "DaysPerYear", "TerminationFee", "TenantSwitchingCost", "ProviderSwitchingCost",
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// The figures
// ---------------------------------------------------------------------------------------------

export type MarketName =
  | "MarketCurveForm"
  | "MarketSpotDate"
  | "MarketCurveSpan"
  | "MarketCurvePoints"
  | "MarketGiven"
  | "MarketValuedAt"
  | "MarketContractPriceAtStart"
  | "MarketPriceAtStart"
  | "MarketMark"
  | "MarketTenantMark"
  | "MarketTenantWalksBelow"
  | "MarketProviderWalksAbove"
  | "MarketLatticeStatus"
  | "MarketTenantOption"
  | "MarketProviderOption"
  | "MarketTenantOwn"
  | "MarketProviderOwn"
  | "MarketProbabilityEarly"
  | "MarketProbabilityTenant"
  | "MarketProbabilityProvider"
  | "MarketExpectedExit"
  | "MarketExpectedPayments"
  | "MarketCurveCheck"
  | "MarketDeclineCheck"
  | "MarketQuotesCheck";

/**
 * DEAL.EXIT_OPTION over the contract's terms, the sheet's curve and the market inputs; `end` and
 * `rate` are the term's last day and the discount rate (the value bridge passes the scenario's).
 *
 * @example
 * exitOptionCall(ctx) // "DEAL.EXIT_OPTION(StartDate,EndDate,Payment,LockInMonths,NoticeDays,GpuCount,MarketCurveDate:MarketCurvePrice,…)"
 */
export function exitOptionCall(ctx: ModelContext, end = "EndDate", rate = "DiscountRate"): string {
  const pay = ctx.terms.payment.kind === "ramp" ? "Ramp" : "Payment";
  return (
    `DEAL.EXIT_OPTION(StartDate,${end},${pay},LockInMonths,NoticeDays,GpuCount,MarketCurveDate:MarketCurvePrice,Volatility,${rate},` +
    `TenantSwitchingCost,ProviderSwitchingCost,Frequency,Escalation,Timing,Proration,NoticeInLockIn,TerminationFee)`
  );
}

/** The names an {@link exitOptionCall} reads. */
export const EXIT_OPTION_READS = [
  "StartDate", "Payment", "Ramp", "LockInMonths", "NoticeDays", "GpuCount", "MarketCurveDate", "MarketCurvePrice", "Volatility", "TenantSwitchingCost",
  "ProviderSwitchingCost", "Frequency", "Escalation", "Timing", "Proration", "NoticeInLockIn", "TerminationFee", "MarketLatticeStatus",
] as const;

/** The cells that call the add-in: the lattice's status, its figures, and the value bridge's expected value under market-driven exit. */
export const MARKET_DEAL_CELLS = [
  "MarketLatticeStatus", "MarketTenantOption", "MarketProviderOption", "MarketTenantOwn", "MarketProviderOwn", "MarketProbabilityEarly",
  "MarketProbabilityTenant", "MarketProbabilityProvider", "MarketExpectedExit", "MarketExpectedPayments", "MarketExpectedValue",
] as const;

/** DEAL.EXIT_OPTION's row of the expected payments. */
export const EXPECTED_PAYMENTS_ROW = 9;

/**
 * A figure of DEAL.EXIT_OPTION's spill (row `row`, second column) when the add-in is loaded; else the
 * lattice's status ("not given", "needs the add-in", …).
 */
export const latticeFigure = (call: string, row: number): string => `IF(MarketLatticeStatus="${BY_ADDIN}",INDEX(${call},${row},2),MarketLatticeStatus)`;

/**
 * @example
 * marketBlock(ctx).list.rows.find((r) => r.names?.[0].name === "MarketMark")!.cells![0].formula // 'IF(MarketGiven,ROUND(SUM(MarketPeriodMark),2),"not given")'
 */
export function marketBlock(ctx: ModelContext): Block<MarketName> {
  const call = exitOptionCall(ctx);
  const orNotGiven = (formula: string) => `IF(MarketGiven,${formula},"${NOT_GIVEN}")`;
  const firstNotice = (column: string) => orNotGiven(`IF(COUNT(${column})=0,"no notice month",INDEX(${column},1))`);
  const lattice: [MarketName, string, number, string][] = [
    ["MarketTenantOption", "Tenant's option value (joint play)", 1, FORMATS.money],
    ["MarketProviderOption", "Provider's option value (joint play)", 2, FORMATS.money],
    ["MarketTenantOwn", "Tenant's option value (on its own)", 3, FORMATS.money],
    ["MarketProviderOwn", "Provider's option value (on its own)", 4, FORMATS.money],
    ["MarketProbabilityEarly", "Probability the contract ends early", 5, FORMATS.percent],
    ["MarketProbabilityTenant", "… by the tenant's notice", 6, FORMATS.percent],
    ["MarketProbabilityProvider", "… by the provider's notice", 7, FORMATS.percent],
    ["MarketExpectedExit", "Expected exit date", 8, FORMATS.date],
    ["MarketExpectedPayments", "Expected payments (market-driven exits)", EXPECTED_PAYMENTS_ROW, FORMATS.money],
  ];
  const check = (name: MarketName, label: string, formula: string): ListRow<MarketName> => ({ label, cells: [{ formula, style: "check" }], names: [{ name, cell: 0 }] });
  return {
    id: "market",
    title: "MARKET (the contract against the market)",
    list: {
      header: ["Value", "How it is computed"],
      rows: [
        figureRow(
          "MarketCurveForm",
          "Curve given as",
          'IF(COUNT(MarketTermMonths)>0,"terms",IF(ISNUMBER(SpotPrice),"spot","none"))',
          undefined,
          "term quotes if any; else the spot price and its decline (none: flat); else none",
        ),
        figureRow("MarketSpotDate", "Quoted on", "IF(ISNUMBER(SpotDate),SpotDate,StartDate)", FORMATS.date, "the spot date; blank: the start date"),
        figureRow(
          "MarketCurveSpan",
          "Monthly points from the spot price",
          "MAX(1,(YEAR(EndDate)-YEAR(MarketSpotDate))*MonthsPerYear+MONTH(EndDate)-MONTH(MarketSpotDate)+2)",
          FORMATS.integer,
          "from the spot date to the month after the end (as MARKET_CURVE with that many months)",
        ),
        figureRow("MarketCurvePoints", "Curve points", "COUNT(MarketCurveDate)", FORMATS.integer, "see MARKET CURVE: linear between points, flat outside them"),
        figureRow(
          "MarketGiven",
          "Market figures computed",
          "AND(ISNUMBER(GpuCount),N(GpuCount)>0,MarketCurvePoints>0)",
          undefined,
          "a GPU count and a curve are given",
        ),
        figureRow("MarketValuedAt", "Valued at the close of", "StartDate-1", FORMATS.date, "the day before the start: the whole term"),
        figureRow(
          "MarketContractPriceAtStart",
          "Contract $/GPU-hour, first period",
          orNotGiven("INDEX(MarketContractPrice,1)"),
          FORMATS.rate,
          "payment ÷ months per period ÷ GPUs ÷ hours a month",
        ),
        figureRow("MarketPriceAtStart", "Market $/GPU-hour, first period", orNotGiven("INDEX(MarketPrice,1)"), FORMATS.rate, "the curve on the first period's start"),
        figureRow(
          "MarketMark",
          "Mark-to-market (the provider's)",
          orNotGiven("ROUND(SUM(MarketPeriodMark),2)"),
          FORMATS.money,
          "Σ (payment − market cost of its GPU-hours) discounted: positive, the contract pays more than the market (MARK_TO_MARKET)",
        ),
        figureRow("MarketTenantMark", "Mark-to-market (the tenant's)", orNotGiven("-MarketMark"), FORMATS.money, "the provider's, negated"),
        figureRow(
          "MarketTenantWalksBelow",
          "Tenant walks if the market falls below ($/GPU-hour)",
          firstNotice("MarketTenantBelow"),
          FORMATS.rate,
          "at the first notice month: (forgone − fee − its switching cost) ÷ GPU-hours after the exit",
        ),
        figureRow(
          "MarketProviderWalksAbove",
          "Provider walks if the market rises above ($/GPU-hour)",
          firstNotice("MarketProviderAbove"),
          FORMATS.rate,
          "at the first notice month: (forgone + fee + its switching cost) ÷ GPU-hours after the exit",
        ),
        figureRow(
          "MarketLatticeStatus",
          "Exit options (DEAL.EXIT_OPTION)",
          // The add-in answers FORWARD_PRICE on the sheet's curve (checked natively) whenever it is loaded; a
          // refusal by EXIT_OPTION itself then shows as its error value in the figures, as Excel shows it.
          `IF(NOT(MarketGiven),"${NOT_GIVEN}",IF(ISNUMBER(LockInLastDay),"not for a fixed-date lock-in",` +
            `IF(ISNUMBER(DEAL.FORWARD_PRICE(MarketCurveDate:MarketCurvePrice,StartDate)),"${BY_ADDIN}","${NEEDS_ADDIN}")))`,
          undefined,
          "a binomial lattice on the market price: both parties' termination rights as options (docs/market.md)",
        ),
        ...lattice.map(([name, label, row, numberFormat]) => figureRow(name, label, latticeFigure(call, row), numberFormat, `DEAL.EXIT_OPTION, row ${row}`)),
        check(
          "MarketCurveCheck",
          "Check: the curve covers the term",
          `IF(MarketCurvePoints=0,"no curve: give a spot price or term quotes",IF(AND(MarketCurveForm="spot",MarketCurveSpan>ROWS(MarketCurveDate)),` +
            `"WARNING: the curve has more months than rows; insert the model again",IF(INDEX(MarketCurveDate,MarketCurvePoints)<EndDate,` +
            `"NOTE: the curve ends before the term: flat after its last point","the curve covers the term")))`,
        ),
        check(
          "MarketDeclineCheck",
          "Check: market decline",
          'IF(AND(MarketCurveForm="spot",AnnualDeclineUsed>=1),"CHECK: a decline of 100% a year or more leaves no price (MARKET_CURVE refuses it)","below 100% a year")',
        ),
        check(
          "MarketQuotesCheck",
          "Check: term quotes",
          'IF(SUMPRODUCT(--(COUNTIF(MarketTermMonths,MarketTermMonths)>1),--ISNUMBER(MarketTermMonths))>0,"CHECK QUOTES: two rates for one length",' +
            'IF(COUNTIF(MarketQuoteForwards,"<0")>0,"CHECK QUOTES: a longer rate implies a negative forward","quotes in order"))',
        ),
      ],
    },
    reads: [
      ...EXIT_OPTION_READS.filter((name) => name !== "MarketLatticeStatus"),
      "MarketTermMonths", "MarketQuoteForwards", "SpotPrice", "SpotDate", "EndDate", "MonthsPerYear", "MarketContractPrice", "MarketPrice", "MarketPeriodMark",
      "MarketTenantBelow", "MarketProviderAbove", "LockInLastDay", "DiscountRate", "AnnualDeclineUsed",
    ],
  };
}
