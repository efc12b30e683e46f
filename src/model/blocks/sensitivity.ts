/**
 * The sensitivity grid `Sensitivity`: discount rates down the side, an exit after N months across the
 * top; each cell is the present value (CONTRACT_PV's convention: XNPV at the start date) of the
 * payments of the term cut to end on EDATE(start, N) − 1 — or on the contract's end, if that comes
 * first. The cut period follows `proration`: owed in full, or for the days served, and paid on its
 * start (advance) or on its new last day (arrears), as CONTRACT_PV with that end date computes it.
 *
 * Plain formulas over the Schedule (src/model/blocks/owed.ts), one shape for every cell: helper rows
 * under the months give each exit's last day, the periods begun by then, what the period it cuts
 * owes and when that is paid; each cell reads its column's helpers and its row's rate.
 */
import { countPeriods } from "../../core";
import { Block, ListCell, ListRow } from "../layout";
import { PlanCell } from "../plan";
import { FORMATS, ModelContext } from "./context";
import { discountFactor } from "./fragments";
import { cutOwed, cutPaidDays, fullPeriodsPresentValue, OWED_READS, periodsBegunBefore } from "./owed";

export type SensitivityName =
  | "SensitivityMonths"
  | "SensitivityEndDates"
  | "SensitivityEndPeriods"
  | "SensitivityEndCuts"
  | "SensitivityCutDays"
  | "SensitivityRates"
  | "Sensitivity";

/** Months across the top: half-years and years within the term, and the whole term; at most six. */
export function sensitivityMonths(termMonths: number): number[] {
  const steps = [6, 12, 24, 36, 48, 60, 84, 120].filter((m) => m < termMonths);
  return [...steps.slice(0, 5), termMonths];
}

/** Rates down the side: the deal's rate, two points apart, two either side (never below 0). */
export function sensitivityRates(rate: number): number[] {
  return [-0.04, -0.02, 0, 0.02, 0.04].map((d) => Math.round((rate + d) * 1e6) / 1e6).filter((r) => r >= 0);
}

/**
 * @example
 * sensitivityBlock(ctx).list.ranges!.find((r) => r.name === "Sensitivity") // the grid's body
 */
export function sensitivityBlock(ctx: ModelContext): Block<SensitivityName> {
  const { startDate, endDate } = ctx.terms;
  const termMonths = countPeriods(startDate, endDate, 1, ctx.terms.dateSystem); // months begun in the term: 42 for the seed
  const months = sensitivityMonths(termMonths);
  const rates = sensitivityRates(ctx.deal.discountRate.value ?? 0.08);
  type At = (name: SensitivityName) => string;
  /** The exit: the first day without service. */
  const x = (at: At) => `(${at("SensitivityEndDates")}+1)`;
  const helper = (label: string, numberFormat: string, formula: (at: At) => string): ListRow<SensitivityName> => ({
    label,
    cells: [{}, ...months.map((): ListCell<SensitivityName> => ({ formulaAt: formula, numberFormat, style: "output" }))],
  });
  const rows: ListRow<SensitivityName>[] = [
    {
      label: "Exit after N months",
      cells: [{ value: "Discount rate", style: "header" }, ...months.map((n): PlanCell => ({ value: n, numberFormat: FORMATS.integer, style: "input" }))],
    },
    helper("Last day of service", FORMATS.date, (at) => `MIN(EDATE(StartDate,${at("SensitivityMonths")})-1,EndDate)`),
    helper("Periods begun by then", FORMATS.integer, (at) => periodsBegunBefore(x(at))),
    helper("Owed for the period it cuts", FORMATS.money, (at) => cutOwed(x(at), at("SensitivityEndPeriods"))),
    helper("Days from start to that payment", FORMATS.integer, (at) => `IF(${at("SensitivityEndPeriods")}=0,0,${cutPaidDays(x(at), at("SensitivityEndPeriods"))})`),
    ...rates.map(
      (rate): ListRow<SensitivityName> => ({
        label: "Present value at",
        cells: [
          { value: rate, numberFormat: FORMATS.percent, style: "input" },
          ...months.map(
            (): ListCell<SensitivityName> => ({
              // The full periods on their payment dates, and the cut period's amount on its own (0 when none).
              formulaAt: (at) =>
                `${fullPeriodsPresentValue(x(at), at("SensitivityRates"))}+${at("SensitivityEndCuts")}*${discountFactor(at("SensitivityRates"), at("SensitivityCutDays"))}`,
              numberFormat: FORMATS.money,
              style: "output",
            }),
          ),
        ],
      }),
    ),
    { label: "CONTRACT_PV of the term cut to end on EDATE(start, N) − 1 (or the contract's end); the cut period as `proration` says.", labelStyle: "note" },
  ];
  const first = 5;
  const last = first + rates.length - 1;
  const across = (name: SensitivityName, row: number) => ({ name, fromRow: row, toRow: row, fromCell: 1, toCell: months.length });
  return {
    id: "sensitivity",
    title: "SENSITIVITY: PRESENT VALUE BY DISCOUNT RATE AND EXIT",
    list: {
      header: [],
      rows,
      ranges: [
        across("SensitivityMonths", 0),
        across("SensitivityEndDates", 1),
        across("SensitivityEndPeriods", 2),
        across("SensitivityEndCuts", 3),
        across("SensitivityCutDays", 4),
        { name: "SensitivityRates", fromRow: first, toRow: last, fromCell: 0, toCell: 0 },
        { name: "Sensitivity", fromRow: first, toRow: last, fromCell: 1, toCell: months.length },
      ],
    },
    reads: [...OWED_READS, "EndDate", "BridgePaymentDays"],
  };
}
