/**
 * The lender's view (issue 18, §3): how much debt the contract supports, in native formulas.
 *
 * - **Firm tenor**: the months of the contract begun before the committed exit (the Summary's exit
 *   date: the earliest a termination takes effect unless a notice date is given); after it, only the
 *   share of the payments a third party backstops.
 * - **CFADS** per month (the provider's monthly rows): the contract's EBITDA as signed within the term
 *   (payments less expected SLA credits, power, other opex and colocation; no re-letting), × the firm share.
 * - **Debt capacity** = MIN(sculpted, LTV × collateral): sculpted = Σ CFADS_t ÷ (DSCR × (1 + r) ^ t),
 *   t the month's number from the drawdown (the start), r the lending rate ÷ 12, as DEBT_CAPACITY;
 *   collateral = the GPU capex (not the facility) on the residual-value curve at drawdown: straight line
 *   from cost to the residual share over the life, at its age (whole months from the capex date to
 *   the start). Which one binds is said in words.
 * - A **level repayment** of that debt over the firm tenor: its DSCR and LTV path (collateral falling
 *   straight-line to the residual share over the life), and a check that the minimum DSCR meets the target.
 * - **The clause's cost in debt**: the capacity to the contract's end less the capacity to the committed exit.
 *
 * Golden by hand (tests): the seed, monthly, 10% ÷ 12, DSCR 1.30, CFADS 97,500,000 a month: 6 firm
 * months support 75,000,000 × (1 − 1.008333^−6) ÷ 0.008333 ≈ 437 million; 42 months ≈ 2.65 billion.
 */
import { Block, ListRow, RowRefs } from "../layout";
import { FORMATS } from "./context";
import { whenGiven } from "./economics";

export type LenderSeriesName =
  | "LenderCfads"
  | "LenderFirmShare"
  | "LenderCfadsFirm"
  | "LenderDiscount"
  | "LenderDebtService"
  | "LenderBalance"
  | "LenderDscr"
  | "LenderCollateral"
  | "LenderLtv";

/** Blank unless the provider's assumptions and the lender's terms are given. */
const inModel = (formula: string) => `IF(LenderGiven,${formula},"")`;

/**
 * Per month, on the provider's rows (row 0: the drawdown, on the start).
 *
 * @example
 * lenderSeriesBlock().series.map((c) => c.name)[0] // "LenderCfads"
 */
export function lenderSeriesBlock(): Block<LenderSeriesName> {
  const k = (at: RowRefs["at"]) => at("ProviderRow");
  return {
    id: "lenderSeries",
    title: "LENDER (per month; row 0: drawdown)",
    series: [
      {
        name: "LenderCfads",
        header: "CFADS (contract, as signed)",
        numberFormat: FORMATS.money,
        formula: ({ at }) => inModel(`IF(${at("ProviderContractShareSigned")}=1,${at("ProviderEbitdaSigned")},0)`),
      },
      {
        name: "LenderFirmShare",
        header: "Firm share",
        numberFormat: FORMATS.percent,
        formula: ({ at }) => inModel(`IF(${at("ProviderContractShareSigned")}=1,IF(${at("ProviderDate")}<ExitDate,1,BackstopShare),0)`),
      },
      { name: "LenderCfadsFirm", header: "Firm CFADS", numberFormat: FORMATS.money, formula: ({ at }) => inModel(`${at("LenderCfads")}*${at("LenderFirmShare")}`) },
      { name: "LenderDiscount", header: "Discount at the lending rate", numberFormat: FORMATS.factor, formula: ({ at }) => inModel(`(1+LenderMonthlyRate)^(-${k(at)})`) },
      {
        name: "LenderDebtService",
        header: "Debt service (level)",
        numberFormat: FORMATS.money,
        formula: ({ at }) => inModel(`IF(AND(${k(at)}>=1,${k(at)}<=LenderTenorMonths),LevelDebtService,0)`),
      },
      {
        name: "LenderBalance",
        header: "Debt outstanding",
        numberFormat: FORMATS.money,
        formula: ({ at, above }) => inModel(`IF(${k(at)}=0,DebtCapacity,${above("LenderBalance")}*(1+LenderMonthlyRate)-${at("LenderDebtService")})`),
      },
      {
        name: "LenderDscr",
        header: "DSCR",
        numberFormat: FORMATS.rate,
        formula: ({ at }) => inModel(`IF(${at("LenderDebtService")}>0,${at("LenderCfadsFirm")}/${at("LenderDebtService")},"")`),
      },
      {
        name: "LenderCollateral",
        header: "Collateral (GPU value)",
        numberFormat: FORMATS.money,
        formula: ({ at }) => inModel(`GpuCapex*(1-(1-ResidualValueShare)*MIN(CollateralAgeMonths+${k(at)},LifeMonths)/LifeMonths)`),
      },
      {
        name: "LenderLtv",
        header: "LTV",
        numberFormat: FORMATS.percent,
        formula: ({ at }) => inModel(`IF(${k(at)}<=LenderTenorMonths,${at("LenderBalance")}/${at("LenderCollateral")},"")`),
      },
    ],
    reads: [
      "ProviderRow", "ProviderDate", "ProviderContractShareSigned", "ProviderEbitdaSigned", "ExitDate", "BackstopShare", "LenderMonthlyRate",
      "LenderTenorMonths", "LevelDebtService", "DebtCapacity", "GpuCapex", "ResidualValueShare", "LifeMonths", "LenderGiven", "CollateralAgeMonths",
    ],
  };
}

export type LenderName =
  | "LenderGiven"
  | "LenderMonthlyRate"
  | "LenderFirmMonths"
  | "LenderTenorMonths"
  | "SculptedCapacity"
  | "SculptedCapacityToEnd"
  | "CollateralMonthsSpan"
  | "CollateralAgeMonths"
  | "CollateralValue"
  | "LtvCapacity"
  | "DebtCapacity"
  | "DebtCapacityToEnd"
  | "DebtCapacityBinds"
  | "ClauseCostInDebt"
  | "DebtCapacityRatio"
  | "LevelDebtService"
  | "MinDscr"
  | "MaxLtv"
  | "DscrCheck";

/**
 * @example
 * lenderBlock().list.rows.find((r) => r.names?.[0].name === "DebtCapacity")!.cells![0].formula
 * // 'IF(LenderGiven,MIN(SculptedCapacity,LtvCapacity),"not given")'
 */
export function lenderBlock(): Block<LenderName> {
  const row = (name: LenderName, label: string, formula: string, numberFormat: string | undefined, how: string, style: "output" | "check" = "output"): ListRow<LenderName> => ({
    label,
    cells: [{ formula, numberFormat, style }, { value: how, style: "note" }],
    names: [{ name, cell: 0 }],
  });
  const given = (formula: string) => `IF(LenderGiven,${formula},"not given")`;
  const toEnd = "SUMPRODUCT(LenderCfads,LenderDiscount)/DscrTarget";
  return {
    id: "lender",
    title: "LENDER",
    list: {
      header: ["Value", "How it is computed"],
      rows: [
        row(
          "LenderGiven",
          "Provider and lender assumptions given",
          "AND(ProviderGiven,ISNUMBER(DscrTarget),ISNUMBER(LendingRate),ISNUMBER(Ltv),ISNUMBER(BackstopShare))",
          undefined,
          "the provider's, and DSCR, lending rate, LTV, backstop share",
        ),
        row("LenderMonthlyRate", "Lending rate a month", whenGiven(["LendingRate"], "LendingRate/MonthsPerYear"), FORMATS.factor, "annual rate ÷ 12"),
        row(
          "LenderFirmMonths",
          "Months before the committed exit",
          given('COUNTIFS(ProviderContractShareSigned,1,ProviderDate,"<"&ExitDate)'),
          FORMATS.integer,
          "the contract's months begun before the exit date",
        ),
        row(
          "LenderTenorMonths",
          "Firm tenor (months)",
          given("IF(BackstopShare>0,COUNTIF(ProviderContractShareSigned,1),LenderFirmMonths)"),
          FORMATS.integer,
          "to the committed exit; to the end when a share after it is backstopped",
        ),
        row(
          "SculptedCapacity",
          "Sculpted debt, firm tenor",
          given("SUMPRODUCT(LenderCfadsFirm,LenderDiscount)/DscrTarget"),
          FORMATS.money,
          "Σ firm CFADS_t ÷ (DSCR × (1 + r) ^ t)",
        ),
        row("SculptedCapacityToEnd", "Sculpted debt, to the contract's end", given(toEnd), FORMATS.money, "Σ CFADS_t ÷ (DSCR × (1 + r) ^ t) over the whole term"),
        row(
          "CollateralMonthsSpan",
          "Calendar months from the capex to the drawdown",
          given("(YEAR(StartDate)-YEAR(CapexDateUsed))*MonthsPerYear+MONTH(StartDate)-MONTH(CapexDateUsed)"),
          FORMATS.integer,
          "months between the capex date's month and the start's",
        ),
        row(
          "CollateralAgeMonths",
          "Collateral's age at drawdown (months)",
          given("MAX(0,CollateralMonthsSpan-IF(EDATE(CapexDateUsed,CollateralMonthsSpan)>StartDate,1,0))"),
          FORMATS.integer,
          "whole months from the capex date to the start; 0 when bought at or after it",
        ),
        row(
          "CollateralValue",
          "Collateral at drawdown",
          given("GpuCapex*(1-(1-ResidualValueShare)*MIN(CollateralAgeMonths,LifeMonths)/LifeMonths)"),
          FORMATS.money,
          "GPU capex on the residual-value curve (straight line to the residual share over the life) at its age",
        ),
        row("LtvCapacity", "Loan-to-value limit", given("Ltv*CollateralValue"), FORMATS.money, "LTV × collateral"),
        row("DebtCapacity", "Debt capacity", given("MIN(SculptedCapacity,LtvCapacity)"), FORMATS.money, "the smaller of sculpted and LTV"),
        row(
          "DebtCapacityBinds",
          "Which binds",
          given('IF(SculptedCapacity<=LtvCapacity,"the firm cash flow binds (DSCR sculpting)","loan-to-value binds (collateral)")'),
          undefined,
          "sculpted ≤ LTV limit: the cash flow binds",
        ),
        row("DebtCapacityToEnd", "Debt capacity to the contract's end", given("MIN(SculptedCapacityToEnd,LtvCapacity)"), FORMATS.money, "as if no exit before the end"),
        row("ClauseCostInDebt", "The termination clause's cost in debt", given("DebtCapacityToEnd-DebtCapacity"), FORMATS.money, "capacity to the end − capacity to the committed exit"),
        row(
          "DebtCapacityRatio",
          "Capacity to the end ÷ to the committed exit",
          given('IF(DebtCapacity=0,"no firm debt",DebtCapacityToEnd/DebtCapacity)'),
          FORMATS.decimal,
          "how many times the clause cuts the debt",
        ),
        row(
          "LevelDebtService",
          "Level debt service a month",
          given("IF(LenderTenorMonths=0,0,IF(LenderMonthlyRate=0,DebtCapacity/LenderTenorMonths,DebtCapacity*LenderMonthlyRate/(1-(1+LenderMonthlyRate)^(-LenderTenorMonths))))"),
          FORMATS.money,
          "D × r ÷ (1 − (1 + r) ^ −n) over the firm tenor",
        ),
        row("MinDscr", "Minimum DSCR (level repayment)", given('IF(COUNT(LenderDscr)=0,"no debt service",MIN(LenderDscr))'), FORMATS.rate, "over the firm tenor"),
        row("MaxLtv", "Maximum LTV (level repayment)", given("MAX(LenderLtv)"), FORMATS.percent, "debt outstanding ÷ collateral, over the tenor"),
        row(
          "DscrCheck",
          "Check: minimum DSCR meets the target",
          given('IF(NOT(ISNUMBER(MinDscr)),"no debt service",IF(ROUND(MinDscr,6)>=DscrTarget,"meets the target","BELOW THE TARGET"))'),
          undefined,
          "level repayment of the capacity",
          "check",
        ),
      ],
    },
    reads: [
      "ProviderGiven", "DscrTarget", "LendingRate", "Ltv", "BackstopShare", "MonthsPerYear", "ProviderContractShareSigned", "ProviderDate", "ExitDate",
      "LenderCfadsFirm", "LenderCfads", "LenderDiscount", "GpuCapex", "LenderDscr", "LenderLtv", "StartDate", "CapexDateUsed", "ResidualValueShare",
      "LifeMonths",
    ],
  };
}
