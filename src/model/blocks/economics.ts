/**
 * The provider's economics (issue 18, §1–2): the capacity behind the contract, its capex and running
 * costs, and its returns — for the contract as signed (to its end), to the committed exit (the
 * Summary's exit date) and expected (the value bridge's exit probabilities) — every figure a native
 * formula over the assumption inputs (src/core/fields/provider.ts, each marked assumed). The rules are
 * the core's (src/core/provider/economics.ts, docs/provider-economics.md), so the sheet and the DEAL
 * functions agree; docs/provider-sheet.md describes the blocks.
 *
 * Four blocks:
 * - **Capacity** (list): GPUs (the GPU count input; else from the contract price per GPU-hour; else
 *   "not given"), the $/GPU-hour they imply, a check that a count and a price given both agree, racks,
 *   IT and facility load, energy a month, revenue per MW-year and per kW-month;
 * - **Provider economics** (list): capex (GPUs × cost per GPU, plus facility MW × cost per MW when
 *   owned), the life, the residual value, other opex, colocation, the market revenue of re-letting;
 *   then the outputs, one column per case: unlevered IRR (XIRR), NPV (XNPV at the discount rate),
 *   payback month, yield on cost, revenue per MW-year, revenue, EBITDA and margin over the life;
 * - **EBITDA by year** (list): per year of service, per case;
 * - **Provider economics per month** (beside the Schedule): row 0 the capex (on the capex date), row
 *   k = 1 … life months month k (cash dated its first day, EDATE(start, k − 1)), then the residual value
 *   (on the life's last day). A capex dated after the start goes on the row after the residual, and row 0
 *   is then the start with nothing paid: XIRR needs its first date to be the earliest.
 *
 * Each month the capacity is in three shares: under contract (months begun before the exit), renewed at
 * the contract's terms after a natural end (renewal probability p, at once; the rate keeps escalating)
 * and re-let at the flat market rate × utilisation (the rest, after the downtime months; an early exit is
 * never renewed). Revenue = the contract's monthly-equivalent rate × (contract + renewed) + the
 * termination fee in the month holding an early exit's day (× its probability) + re-let revenue −
 * expected SLA credits (the value bridge's credit share of the contract's part); power = the
 * facility's energy × price, escalated each year, × the share in use (contract + renewed + re-let ×
 * utilisation); other opex (a share of capex a year) and colocation every month of the life.
 * Blank assumptions: every output says "not given" and the monthly columns stay blank.
 */
import { Block, ListRow, RowRefs, SeriesColumn } from "../layout";
import { FORMATS, ModelContext, NO_ADDIN } from "./context";

const NOT_GIVEN = '"not given"';

/** `formula` when every one of `inputs` is a number, else "not given". */
export const whenGiven = (inputs: readonly string[], formula: string): string =>
  `IF(AND(${inputs.map((i) => `ISNUMBER(${i})`).join(",")}),${formula},${NOT_GIVEN})`;

// ---------------------------------------------------------------------------------------------
// Capacity
// ---------------------------------------------------------------------------------------------

export type CapacityName =
  | "KwPerMw"
  | "ContractPaymentPerMonth"
  | "ProviderGpus"
  | "ProviderGpuHourPrice"
  | "ProviderGpuPriceCheck"
  | "ProviderRacks"
  | "ProviderItKw"
  | "ProviderFacilityKw"
  | "ProviderFacilityMw"
  | "ProviderMwhPerMonth"
  | "RevenuePerMwYear"
  | "RevenuePerKwMonth";

type Figure<N extends string> = (name: N, label: string, formula: string, numberFormat: string | undefined, how: string) => ListRow<N>;

const figure =
  <N extends string>(): Figure<N> =>
  (name, label, formula, numberFormat, how) => ({
    label,
    cells: [{ formula, numberFormat, style: "output" }, { value: how, style: "note" }],
    names: [{ name, cell: 0 }],
  });

/**
 * @example
 * capacityBlock().list.rows.find((r) => r.names?.[0].name === "ProviderRacks")!.cells![0].formula
 * // 'IF(AND(ISNUMBER(ProviderGpus),ISNUMBER(GpusPerRack)),ProviderGpus/GpusPerRack,"not given")'
 * // 41,095.9 GPUs at 72 a rack: 570.8 racks
 */
export function capacityBlock(): Block<CapacityName> {
  const row = figure<CapacityName>();
  return {
    id: "capacity",
    title: "CAPACITY BEHIND THE CONTRACT",
    list: {
      header: ["Value", "How it is computed"],
      rows: [
        {
          label: "kW in a MW",
          cells: [{ value: 1000, numberFormat: FORMATS.count, style: "constant" }, { value: "a fixed convention", style: "note" }],
          names: [{ name: "KwPerMw", cell: 0 }],
        },
        row("ContractPaymentPerMonth", "Contract payment a month (peak)", "MAX(ScheduleRate)/MonthsPerPeriod", FORMATS.money, "peak payment per period ÷ months per period"),
        row(
          "ProviderGpus",
          "GPUs",
          `IF(AND(ISNUMBER(GpuCount),GpuCount>0),GpuCount,${whenGiven(["ContractPricePerGpuHour"], "ContractPaymentPerMonth/(HoursPerMonth*ContractPricePerGpuHour)")})`,
          FORMATS.decimal,
          "the GPU count input; blank: payment a month ÷ (hours a month × contract price per GPU-hour)",
        ),
        row(
          "ProviderGpuHourPrice",
          "Contract price per GPU-hour",
          whenGiven(["ProviderGpus"], "ContractPaymentPerMonth/(HoursPerMonth*ProviderGpus)"),
          FORMATS.rate,
          "payment a month ÷ (hours a month × GPUs)",
        ),
        {
          label: "Check: the GPU count and the price agree",
          cells: [
            {
              formula:
                'IF(AND(ISNUMBER(GpuCount),ISNUMBER(ContractPricePerGpuHour)),' +
                'IF(ROUND(ProviderGpuHourPrice,2)=ROUND(ContractPricePerGpuHour,2),"they agree (to the cent)","DISAGREE: the GPU count is used"),' +
                '"one given: nothing to compare")',
              style: "check",
            },
            { value: "both given: the price the GPU count implies, to the cent, against the price input", style: "note" },
          ],
          names: [{ name: "ProviderGpuPriceCheck", cell: 0 }],
        },
        row("ProviderRacks", "Racks", whenGiven(["ProviderGpus", "GpusPerRack"], "ProviderGpus/GpusPerRack"), FORMATS.decimal, "GPUs ÷ GPUs per rack"),
        row("ProviderItKw", "IT load (kW)", whenGiven(["ProviderRacks", "KwPerRack"], "ProviderRacks*KwPerRack"), FORMATS.decimal, "racks × kW per rack"),
        row("ProviderFacilityKw", "Facility load (kW)", whenGiven(["ProviderItKw", "Pue"], "ProviderItKw*Pue"), FORMATS.decimal, "IT load × PUE"),
        row("ProviderFacilityMw", "Facility load (MW)", whenGiven(["ProviderFacilityKw"], "ProviderFacilityKw/KwPerMw"), FORMATS.decimal, "facility kW ÷ 1,000"),
        row(
          "ProviderMwhPerMonth",
          "Energy a month (MWh)",
          whenGiven(["ProviderFacilityKw"], "ProviderFacilityKw*HoursPerMonth/KwPerMw"),
          FORMATS.decimal,
          "facility kW × hours a month ÷ 1,000",
        ),
        row(
          "RevenuePerMwYear",
          "Contract revenue per MW-year (IT load)",
          whenGiven(["ProviderItKw"], "ContractPaymentPerMonth*MonthsPerYear/(ProviderItKw/KwPerMw)"),
          FORMATS.money,
          "payment a month × 12 ÷ IT MW",
        ),
        row(
          "RevenuePerKwMonth",
          "Contract revenue per kW-month (IT load)",
          whenGiven(["ProviderItKw"], "ContractPaymentPerMonth/ProviderItKw"),
          FORMATS.money,
          "payment a month ÷ IT kW",
        ),
      ],
    },
    reads: ["ScheduleRate", "MonthsPerPeriod", "GpuCount", "ContractPricePerGpuHour", "HoursPerMonth", "GpusPerRack", "KwPerRack", "Pue", "MonthsPerYear"],
  };
}

// ---------------------------------------------------------------------------------------------
// Per month
// ---------------------------------------------------------------------------------------------

/** The three cases, in the outputs' column order. */
export const CASES = ["Signed", "Committed", "Expected"] as const;
export type ProviderCase = (typeof CASES)[number];

type CaseColumn = "ContractShare" | "RenewedShare" | "ReletShare" | "Credits" | "Revenue" | "Ebitda" | "Fcf" | "PaidBack";

export type ProviderSeriesName =
  | "ProviderRow"
  | "ProviderDate"
  | "ProviderYear"
  | "ProviderInLife"
  | "ProviderRate"
  | "ProviderCapex"
  | "ProviderResidual"
  | "ProviderPowerInFullUse"
  | "ProviderOpex"
  | "ProviderDepreciation"
  | `Provider${CaseColumn}${ProviderCase}`;

/** The provider's monthly figures are blank when an assumption is not given. */
const inModel = (formula: string) => `IF(ProviderGiven,${formula},"")`;

/** 1 when `test` holds, else 0. */
const flag = (test: string) => `IF(${test},1,0)`;

/**
 * The capacity's shares in month k (dated d = its first day) for one case: under contract (months begun
 * before the exit), renewed (after a natural end, with the renewal probability p), re-let (after the
 * downtime D: EDATE(start, k − 1 − D) on or after the exit). Expected: each exit weighted by the
 * probability that notice first comes in its month, and the natural end by that of no notice.
 */
function shareFormula(c: ProviderCase, share: "Contract" | "Renewed" | "Relet" | "Fee", at: RowRefs["at"]): string {
  const d = at("ProviderDate");
  const life = at("ProviderInLife");
  const back = `EDATE(StartDate,${at("ProviderRow")}-1-ReleaseDowntimeMonths)`;
  const next = `EDATE(StartDate,${at("ProviderRow")})`;
  if (share === "Fee") {
    // An early exit pays the fee in the month holding its day; a natural end pays none.
    if (c === "Signed") return "0";
    if (c === "Committed") return `${life}*${flag(`AND(ExitDate<=EndDate,${d}<=ExitDate,ExitDate<${next})`)}`;
    return `${life}*(SUMIF(NoticeMonthExit,"<"&${next},NoticeMonthProbability)-SUMIF(NoticeMonthExit,"<"&${d},NoticeMonthProbability))`;
  }
  if (c === "Expected") {
    if (share === "Contract") return `${life}*(SUMIF(NoticeMonthExit,">"&${d},NoticeMonthProbability)+NoExitProbability*${flag(`${d}<=EndDate`)})`;
    if (share === "Renewed") return `${life}*NoExitProbability*RenewalProbability*${flag(`${d}>EndDate`)}`;
    return `${life}*(SUMIF(NoticeMonthExit,"<="&${back},NoticeMonthProbability)+NoExitProbability*(1-RenewalProbability)*${flag(`${back}>EndDate`)})`;
  }
  const exit = c === "Signed" ? "(EndDate+1)" : "ExitDate";
  const renewal = c === "Signed" ? "RenewalProbability" : "IF(ExitDate>EndDate,RenewalProbability,0)";
  if (share === "Contract") return `${life}*${flag(`${d}<${exit}`)}`;
  if (share === "Renewed") return `${life}*${flag(`${d}>=${exit}`)}*${renewal}`;
  return `${life}*${flag(`${back}>=${exit}`)}*(1-${renewal})`;
}

function caseColumns(c: ProviderCase): SeriesColumn<ProviderSeriesName>[] {
  const name = (column: CaseColumn) => `Provider${column}${c}` as const;
  const col = (column: CaseColumn, header: string, numberFormat: string, formula: (at: RowRefs["at"]) => string): SeriesColumn<ProviderSeriesName> => ({
    name: name(column),
    header: `${header} (${c === "Signed" ? "as signed" : c === "Committed" ? "to committed exit" : "expected"})`,
    numberFormat,
    formula: (row) => inModel(formula(row.at)),
  });
  return [
    col("ContractShare", "Under contract", FORMATS.factor, (at) => shareFormula(c, "Contract", at)),
    col("RenewedShare", "Renewed", FORMATS.factor, (at) => shareFormula(c, "Renewed", at)),
    col("ReletShare", "Re-let", FORMATS.factor, (at) => shareFormula(c, "Relet", at)),
    col("Credits", "Expected SLA credits", FORMATS.money, (at) => `${at("ProviderRate")}*${at(name("ContractShare"))}*SlaCreditShare`),
    col(
      "Revenue",
      "Revenue",
      FORMATS.money,
      (at) =>
        `${at("ProviderRate")}*(${at(name("ContractShare"))}+${at(name("RenewedShare"))})+TerminationFee*${shareFormula(c, "Fee", at)}` +
        `+ReletRevenuePerMonth*${at(name("ReletShare"))}-${at(name("Credits"))}`,
    ),
    col(
      "Ebitda",
      "EBITDA",
      FORMATS.money,
      // Power is drawn by the share in use: under contract, renewed, and re-let × utilisation.
      (at) =>
        `${at(name("Revenue"))}-${at("ProviderPowerInFullUse")}*(${at(name("ContractShare"))}+${at(name("RenewedShare"))}+${at(name("ReletShare"))}*Utilisation)` +
        `-${at("ProviderOpex")}`,
    ),
    col("Fcf", "Unlevered FCF", FORMATS.money, (at) => `${at(name("Ebitda"))}-${at("ProviderCapex")}+${at("ProviderResidual")}`),
    col(
      "PaidBack",
      "Paid back by the month's end",
      FORMATS.integer,
      // The flows dated before the next month's first day, cumulated, not negative: the core's payback rule.
      (at) => flag(`AND(${at("ProviderInLife")}=1,SUMIF(ProviderDate,"<"&EDATE(StartDate,${at("ProviderRow")}),${name("Fcf")})>=0)`),
    ),
  ];
}

/**
 * One row per month of the useful life: row 0 the capex (on the capex date), row k (1 … life months)
 * month k, dated EDATE(start, k − 1), the row after the life the residual value (on the life's last
 * day); rows after it hold nothing.
 *
 * @example
 * providerSeriesBlock().series.map((c) => c.name).slice(0, 3) // ["ProviderRow", "ProviderDate", "ProviderYear"]
 */
export function providerSeriesBlock(): Block<ProviderSeriesName> {
  const k = (at: RowRefs["at"]) => at("ProviderRow");
  return {
    id: "providerSeries",
    title: "PROVIDER ECONOMICS (per month; row 0: capex)",
    series: [
      { name: "ProviderRow", header: "Month (0: capex)", numberFormat: FORMATS.integer, formula: (row) => `${row.index}-1` },
      {
        name: "ProviderDate",
        header: "Cash date",
        numberFormat: FORMATS.date,
        // Row 0 is the earliest date (XIRR's first): the capex's when it is on or before the start, else
        // the start's (nothing paid) with the capex on the row after the residual.
        formula: ({ at }) =>
          inModel(`IF(${k(at)}=CapexRow,CapexDateUsed,IF(${k(at)}=0,StartDate,IF(${k(at)}=LifeMonths+1,LifeEnd-1,EDATE(StartDate,${k(at)}-1))))`),
      },
      {
        name: "ProviderYear",
        header: "Year of service",
        numberFormat: FORMATS.integer,
        formula: ({ at }) => inModel(`IF(OR(${k(at)}=0,${k(at)}>LifeMonths),0,INT((${k(at)}-1)/MonthsPerYear)+1)`),
      },
      { name: "ProviderInLife", header: "In the useful life", numberFormat: FORMATS.integer, formula: ({ at }) => inModel(flag(`AND(${k(at)}>=1,${k(at)}<=LifeMonths)`)) },
      {
        name: "ProviderRate",
        header: "Contract rate a month (continuing)",
        numberFormat: FORMATS.money,
        // The Schedule's rate in force for the period holding the month, escalating on, ÷ months per period.
        formula: ({ at }) => {
          // The start of the contract period holding the month.
          const ps = `EDATE(StartDate,INT(MAX(${k(at)}-1,0)/MonthsPerPeriod)*MonthsPerPeriod)`;
          return (
            `ROUND(IF(COUNTIF(RampDates,"<="&${ps})=0,Payment,INDEX(RampAmounts,COUNTIF(RampDates,"<="&${ps})))` +
            `*(1+Escalation)^INT(INT(MAX(${k(at)}-1,0)/MonthsPerPeriod)*MonthsPerPeriod/MonthsPerYear),2)/MonthsPerPeriod`
          );
        },
      },
      { name: "ProviderCapex", header: "Capex", numberFormat: FORMATS.money, formula: ({ at }) => inModel(`IF(${k(at)}=CapexRow,TotalCapex,0)`) },
      { name: "ProviderResidual", header: "Residual value", numberFormat: FORMATS.money, formula: ({ at }) => inModel(`IF(${k(at)}=LifeMonths+1,ResidualValue,0)`) },
      {
        name: "ProviderPowerInFullUse",
        header: "Power in full use",
        numberFormat: FORMATS.money,
        formula: ({ at }) => inModel(`${at("ProviderInLife")}*ProviderMwhPerMonth*PowerPricePerMwh*(1+PowerEscalation)^MAX(${at("ProviderYear")}-1,0)`),
      },
      {
        name: "ProviderOpex",
        header: "Other opex and colocation",
        numberFormat: FORMATS.money,
        formula: ({ at }) => inModel(`${at("ProviderInLife")}*(OpexPerYear/MonthsPerYear+ColocationPerMonth)`),
      },
      {
        name: "ProviderDepreciation",
        header: "Depreciation",
        numberFormat: FORMATS.money,
        formula: ({ at }) => inModel(`${at("ProviderInLife")}*(TotalCapex-ResidualValue)/LifeMonths`),
      },
      ...CASES.flatMap(caseColumns),
    ],
    reads: [
      "CapexDateUsed", "CapexRow", "StartDate", "MonthsPerPeriod", "MonthsPerYear", "ProviderGiven", "LifeMonths", "LifeEnd", "TotalCapex", "ResidualValue",
      "ProviderMwhPerMonth", "PowerPricePerMwh", "PowerEscalation", "OpexPerYear", "ColocationPerMonth", "RampDates", "RampAmounts", "Payment",
      "Escalation", "EndDate", "ExitDate", "RenewalProbability", "ReleaseDowntimeMonths", "NoticeMonthExit", "NoticeMonthProbability",
      "NoExitProbability", "SlaCreditShare", "ReletRevenuePerMonth", "Utilisation", "TerminationFee",
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// The economics: assumptions worked, and the outputs per case
// ---------------------------------------------------------------------------------------------

type CaseOutput = "Irr" | "Npv" | "PaybackMonths" | "YieldOnCost" | "RevenuePerMwYear" | "TotalRevenue" | "TotalEbitda" | "EbitdaMargin";

export type EconomicsName =
  | "GpuCapex"
  | "FacilityCapex"
  | "TotalCapex"
  | "CapexDateUsed"
  | "CapexRow"
  | "LifeMonths"
  | "LifeEnd"
  | "ResidualValue"
  | "OpexPerYear"
  | "ColocationPerMonth"
  | "ReletRevenuePerMonth"
  | "ProviderGiven"
  | "ProviderMissing"
  | "ProviderRowsCheck"
  | `${CaseOutput}${ProviderCase}`;

/** The assumptions every output needs; a blank one leaves them "not given". */
export const PROVIDER_NEEDS = [
  "ProviderGpus", "ProviderFacilityKw", "CostPerGpu", "PowerPricePerMwh", "PowerEscalation", "OpexShareOfCapex", "UsefulLifeYears", "ResidualValueShare",
  "ReleaseDowntimeMonths", "Utilisation", "RenewalProbability", "MarketRatePerGpuHour",
] as const;

/**
 * @example
 * economicsBlock().list.rows.find((r) => r.names?.[0].name === "IrrSigned")!.cells![0].formula
 * // 'IF(ProviderGiven,IFERROR(XIRR(ProviderFcfSigned,ProviderDate),"no IRR"),"not given")'
 */
export function economicsBlock(): Block<EconomicsName> {
  const row = (name: EconomicsName, label: string, formula: string, numberFormat: string | undefined, how: string): ListRow<EconomicsName> => ({
    label,
    cells: [{ formula, numberFormat, style: "output" }, {}, {}, { value: how, style: "note" }],
    names: [{ name, cell: 0 }],
  });
  const perCase = (output: CaseOutput, label: string, formula: (c: ProviderCase) => string, numberFormat: string, how: string): ListRow<EconomicsName> => ({
    label,
    cells: [...CASES.map((c) => ({ formula: `IF(ProviderGiven,${formula(c)},${NOT_GIVEN})`, numberFormat, style: "output" as const })), { value: how, style: "note" }],
    names: CASES.map((c, i) => ({ name: `${output}${c}` as EconomicsName, cell: i })),
  });
  const lifeYears = "(LifeMonths/MonthsPerYear)";
  return {
    id: "economics",
    title: "PROVIDER ECONOMICS",
    list: {
      header: ["As signed", "To committed exit", "Expected", "How it is computed"],
      rows: [
        row("GpuCapex", "GPU capex (servers, network, storage)", whenGiven(["ProviderGpus", "CostPerGpu"], "ProviderGpus*CostPerGpu"), FORMATS.money, "GPUs × capex per GPU"),
        row(
          "FacilityCapex",
          "Facility capex (owned)",
          whenGiven(["ProviderFacilityMw"], "ProviderFacilityMw*IF(ISNUMBER(FacilityCostPerMw),FacilityCostPerMw,0)"),
          FORMATS.money,
          "facility MW × cost per MW; 0 when rented (blank)",
        ),
        row("TotalCapex", "Total capex", whenGiven(["GpuCapex", "FacilityCapex"], "GpuCapex+FacilityCapex"), FORMATS.money, "GPU + facility capex"),
        row("CapexDateUsed", "Capex spent on", "IF(ISNUMBER(CapexDate),CapexDate,StartDate)", FORMATS.date, "the capex date; blank: the start date"),
        row("LifeMonths", "Useful life (months)", whenGiven(["UsefulLifeYears"], "UsefulLifeYears*MonthsPerYear"), FORMATS.integer, "years × 12, from the start date"),
        row(
          "CapexRow",
          "Capex on monthly row",
          whenGiven(["LifeMonths"], "IF(CapexDateUsed>StartDate,LifeMonths+2,0)"),
          FORMATS.integer,
          "row 0 (the first cash date) when spent on or before the start; after the residual's row when later",
        ),
        row("LifeEnd", "Life ends (first day out of service)", whenGiven(["LifeMonths"], "EDATE(StartDate,LifeMonths)"), FORMATS.date, "EDATE(start, life months)"),
        row("ResidualValue", "Residual value at the life's end", whenGiven(["TotalCapex", "ResidualValueShare"], "TotalCapex*ResidualValueShare"), FORMATS.money, "capex × residual share; received on the life's last day"),
        row("OpexPerYear", "Other opex a year", whenGiven(["TotalCapex", "OpexShareOfCapex"], "TotalCapex*OpexShareOfCapex"), FORMATS.money, "capex × opex share"),
        row(
          "ColocationPerMonth",
          "Colocation rent a month (rented)",
          whenGiven(["ProviderItKw"], "ProviderItKw*IF(ISNUMBER(ColocationCostPerKwMonth),ColocationCostPerKwMonth,0)"),
          FORMATS.money,
          "IT kW × cost per kW-month; 0 when owned (blank)",
        ),
        row(
          "ReletRevenuePerMonth",
          "Re-let revenue a month (market × utilisation)",
          whenGiven(["ProviderGpus", "MarketRatePerGpuHour", "Utilisation"], "ProviderGpus*HoursPerMonth*MarketRatePerGpuHour*Utilisation"),
          FORMATS.money,
          "GPUs × hours a month × market rate × utilisation",
        ),
        row("ProviderGiven", "Every assumption given", `AND(${PROVIDER_NEEDS.map((n) => `ISNUMBER(${n})`).join(",")})`, undefined, "GPUs, load, costs, life, re-leasing"),
        row(
          "ProviderMissing",
          "Assumptions not given",
          `${PROVIDER_NEEDS.length}-(${PROVIDER_NEEDS.map((n) => `ISNUMBER(${n})`).join("+")})`,
          FORMATS.integer,
          "blank inputs among those the outputs need (GPU count, GPUs per rack, kW per rack and PUE for the load)",
        ),
        perCase("Irr", "Unlevered IRR (XIRR)", (c) => `IFERROR(XIRR(ProviderFcf${c},ProviderDate),"no IRR")`, FORMATS.percent, "XIRR of the free cash flows on their dates"),
        perCase(
          "Npv",
          "NPV at the discount rate",
          (c) => `SUMPRODUCT(ProviderFcf${c},(1+DiscountRate)^(-(ProviderDate-MIN(ProviderDate))/DaysPerYear))`,
          FORMATS.money,
          "XNPV: Σ FCF × (1 + rate) ^ (−days from the first flow ÷ 365)",
        ),
        perCase(
          "PaybackMonths",
          "Payback (months from the start)",
          (c) => `IFERROR(MATCH(1,ProviderPaidBack${c},0)-1,"not within the life")`,
          FORMATS.integer,
          "the first month by whose end the cumulative FCF (capex first) is not negative",
        ),
        perCase("TotalRevenue", "Revenue over the life", (c) => `SUM(ProviderRevenue${c})`, FORMATS.money, "contract, re-let and renewed, less credits"),
        perCase("TotalEbitda", "EBITDA over the life", (c) => `SUM(ProviderEbitda${c})`, FORMATS.money, "revenue − power − other opex"),
        perCase("EbitdaMargin", "EBITDA margin", (c) => `IF(TotalRevenue${c}=0,"no revenue",TotalEbitda${c}/TotalRevenue${c})`, FORMATS.percent, "EBITDA ÷ revenue"),
        perCase("YieldOnCost", "Yield on cost", (c) => `SUMIF(ProviderYear,1,ProviderEbitda${c})/TotalCapex`, FORMATS.percent, "the first year's EBITDA ÷ capex"),
        perCase(
          "RevenuePerMwYear",
          "Revenue per MW-year (IT load)",
          (c) => `TotalRevenue${c}/${lifeYears}/(ProviderItKw/KwPerMw)`,
          FORMATS.money,
          "revenue ÷ life years ÷ IT MW",
        ),
        {
          label: "Check: the life fits the rows",
          cells: [
            {
              formula: `IF(NOT(ProviderGiven),"not given",IF(INDEX(ProviderRow,ROWS(ProviderRow))<MAX(LifeMonths+1,CapexRow),"WARNING: the life runs past the rows; insert the model again","the life fits"))`,
              style: "check",
            },
          ],
          names: [{ name: "ProviderRowsCheck", cell: 0 }],
        },
      ],
    },
    reads: [
      ...PROVIDER_NEEDS.filter((n) => !n.startsWith("Provider")), "ProviderGpus", "ProviderFacilityKw", "ProviderFacilityMw", "ProviderItKw",
      "FacilityCostPerMw", "ColocationCostPerKwMonth", "CapexDate", "StartDate", "MonthsPerYear", "HoursPerMonth",
      "DiscountRate", "DaysPerYear", "KwPerMw", "ProviderDate", "ProviderRow", "ProviderYear",
      ...CASES.flatMap((c) => [`ProviderFcf${c}`, `ProviderPaidBack${c}`, `ProviderRevenue${c}`, `ProviderEbitda${c}`]),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// EBITDA by year
// ---------------------------------------------------------------------------------------------

/** Years of the table: a six-year life and more. */
export const EBITDA_YEARS = 8;

export type EbitdaYearName = `EbitdaYear${number}${ProviderCase}` | `MarginYear${number}${ProviderCase}`;

/**
 * EBITDA per year of service (from the start) and its margin, per case.
 *
 * @example
 * ebitdaByYearBlock().list.rows[0].cells![0].formula // 'IF(ProviderGiven,SUMIF(ProviderYear,1,ProviderEbitdaSigned),"not given")'
 */
export function ebitdaByYearBlock(): Block<EbitdaYearName> {
  const rows: ListRow<EbitdaYearName>[] = Array.from({ length: EBITDA_YEARS }, (_, i) => {
    const y = i + 1;
    const ebitda = (c: ProviderCase) => `SUMIF(ProviderYear,${y},ProviderEbitda${c})`;
    const revenue = (c: ProviderCase) => `SUMIF(ProviderYear,${y},ProviderRevenue${c})`;
    return {
      label: `Year ${y}`,
      cells: CASES.flatMap((c) => [
        { formula: `IF(ProviderGiven,${ebitda(c)},${NOT_GIVEN})`, numberFormat: FORMATS.money, style: "output" as const },
        { formula: `IF(ProviderGiven,IF(${revenue(c)}=0,"",${ebitda(c)}/${revenue(c)}),${NOT_GIVEN})`, numberFormat: FORMATS.percent, style: "output" as const },
      ]),
      names: CASES.flatMap((c, j) => [
        { name: `EbitdaYear${y}${c}` as const, cell: 2 * j },
        { name: `MarginYear${y}${c}` as const, cell: 2 * j + 1 },
      ]),
    };
  });
  rows.push({ label: "Years of service from the start date; EBITDA = revenue less credits, power and other opex.", labelStyle: "note" });
  return {
    id: "ebitdaByYear",
    title: "EBITDA BY YEAR",
    list: { header: ["EBITDA as signed", "Margin", "EBITDA to committed exit", "Margin", "EBITDA expected", "Margin"], rows },
    reads: ["ProviderGiven", "ProviderYear", ...CASES.flatMap((c) => [`ProviderEbitda${c}`, `ProviderRevenue${c}`])],
  };
}

// ---------------------------------------------------------------------------------------------
// DEAL.PROVIDER_IRR beside the sheet's XIRR
// ---------------------------------------------------------------------------------------------

/**
 * The rows of DEAL.PROVIDER_IRR's `assumptions` range: each input's defined name and the value the
 * sheet uses ("" when blank), the capex date as used, and the value bridge's SLA credit share.
 */
export const PROVIDER_IRR_ARGS: readonly (readonly [name: string, value: string])[] = [
  ...[
    "GpuCount", "ContractPricePerGpuHour", "HoursPerMonth", "CostPerGpu", "GpusPerRack", "KwPerRack", "Pue", "FacilityCostPerMw",
    "ColocationCostPerKwMonth", "PowerPricePerMwh", "PowerEscalation", "OpexShareOfCapex", "UsefulLifeYears", "ResidualValueShare",
    "ReleaseDowntimeMonths", "Utilisation", "RenewalProbability", "MarketRatePerGpuHour",
  ].map((name) => [name, name] as const),
  ["CapexDate", "CapexDateUsed"],
  ["SlaCreditShare", "SlaCreditShare"],
];

export type ProviderIrrArgsName = "ProviderIrrArgs";

/**
 * DEAL.PROVIDER_IRR's assumptions as a two-column range (ProviderIrrArgs): names, then values.
 *
 * @example
 * providerIrrArgsBlock().list.rows[3].cells![1].formula // 'IF(ISNUMBER(CostPerGpu),CostPerGpu,"")'
 */
export function providerIrrArgsBlock(): Block<ProviderIrrArgsName> {
  const rows: ListRow<ProviderIrrArgsName>[] = PROVIDER_IRR_ARGS.map(([name, value]) => ({
    cells: [
      { value: name, style: "constant" },
      { formula: `IF(ISNUMBER(${value}),${value},"")`, style: "output" },
    ],
  }));
  return {
    id: "providerIrrArgs",
    title: "PROVIDER_IRR ASSUMPTIONS",
    list: { header: ["Name", "Value used"], rows, ranges: [{ name: "ProviderIrrArgs", fromRow: 0, toRow: rows.length - 1, fromCell: 0, toCell: 1 }] },
    reads: PROVIDER_IRR_ARGS.map(([, value]) => value),
  };
}

export type ProviderCheckName = "IrrTolerance" | `DealIrr${ProviderCase}` | `Irr${ProviderCase}Agrees`;

/**
 * DEAL.PROVIDER_IRR for each case beside the sheet's XIRR, flagged agree / DISAGREE (to the IRR
 * tolerance); without the add-in the DEAL cell reads "add-in not loaded" and the native figures stand.
 * The function takes the lock-in in months and no notice date: a lock-in to a date, or a notice date
 * given, is said instead of a comparison for the cases they change.
 *
 * @example
 * providerChecksBlock(ctx).list.rows[1].names // IrrSigned's: DealIrrSigned, IrrSignedAgrees
 */
export function providerChecksBlock(ctx: ModelContext): Block<ProviderCheckName> {
  const pay = ctx.terms.payment.kind === "ramp" ? "Ramp" : "Payment";
  const view: Record<ProviderCase, string> = { Signed: "signed", Committed: "committed", Expected: "expected" };
  const rows: ListRow<ProviderCheckName>[] = CASES.map((c) => {
    const call =
      `DEAL.PROVIDER_IRR(StartDate,EndDate,${pay},LockInMonths,NoticeDays,ProviderIrrArgs,"${view[c]}",ExitProbabilityUsed,` +
      "Frequency,Escalation,NoticeInLockIn,TerminationFee)";
    const deal = `DealIrr${c}`;
    // As signed, the contract runs to its end: the lock-in and the notice date do not change it.
    const unlike = c === "Signed" ? "FALSE" : c === "Committed" ? "OR(ISNUMBER(LockInLastDay),ISNUMBER(NoticeDate))" : "ISNUMBER(LockInLastDay)";
    return {
      label: `Unlevered IRR (${c === "Signed" ? "as signed" : c === "Committed" ? "to committed exit" : "expected"})`,
      cells: [
        { formula: `Irr${c}`, numberFormat: FORMATS.percent, style: "output" },
        { formula: `IFERROR(${call},"${NO_ADDIN}")`, numberFormat: FORMATS.percent, style: "output" },
        {
          formula:
            `IF(NOT(ProviderGiven),"not given",IF(${unlike},"not compared: a lock-in date or notice date, which the function does not take",` +
            `IF(ISNUMBER(${deal}),IF(AND(ISNUMBER(Irr${c}),ABS(${deal}-N(Irr${c}))<IrrTolerance),"agree","DISAGREE"),"${NO_ADDIN}: native figures stand")))`,
          style: "check",
        },
      ],
      names: [
        { name: `DealIrr${c}` as ProviderCheckName, cell: 1 },
        { name: `Irr${c}Agrees` as ProviderCheckName, cell: 2 },
      ],
    };
  });
  return {
    id: "providerChecks",
    title: "PROVIDER CHECKS (DEAL functions)",
    list: {
      header: ["Native formula", "DEAL function", "Agree?"],
      rows: [
        {
          label: "IRR tolerance",
          cells: [{ value: 1e-6, numberFormat: FORMATS.factor, style: "constant" }, {}, { value: "a fixed convention: IRRs agree within it", style: "note" }],
          names: [{ name: "IrrTolerance", cell: 0 }],
        },
        ...rows,
      ],
    },
    reads: [
      "StartDate", "EndDate", "Payment", "Ramp", "LockInMonths", "NoticeDays", "ProviderIrrArgs", "ExitProbabilityUsed", "Frequency", "Escalation",
      "NoticeInLockIn", "TerminationFee", "ProviderGiven", "LockInLastDay", "NoticeDate", ...CASES.map((c) => `Irr${c}`),
    ],
  };
}
