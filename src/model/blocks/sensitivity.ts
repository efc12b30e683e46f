/**
 * The sensitivity grid `Sensitivity`: discount rates down the side, an exit after N months across the
 * top; each cell is the present value (CONTRACT_PV's convention: XNPV at the start date) of the
 * payments of the term cut to end on EDATE(start, N) − 1 — or on the contract's end, if that comes
 * first. The cut period follows `proration`: owed in full, or for the days served, and paid on its
 * start (advance) or on its new last day (arrears), as CONTRACT_PV with that end date computes it.
 *
 * Plain formulas over the Schedule (src/model/blocks/owed.ts), one shape for every cell: the cell's
 * rate and months are found by its position, `ROW()-ROW(SensitivityEndDates)` and
 * `COLUMN()-COLUMN(SensitivityRates)`.
 */
import { countPeriods } from "../../core";
import { Block, ListRow } from "../layout";
import { PlanCell } from "../plan";
import { FORMATS, ModelContext } from "./context";
import { OWED_READS, presentValueBefore } from "./owed";

export type SensitivityName = "SensitivityMonths" | "SensitivityEndDates" | "SensitivityRates" | "Sensitivity";

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
  const j = "(COLUMN()-COLUMN(SensitivityRates))";
  const i = "(ROW()-ROW(SensitivityEndDates))";
  const x = `(INDEX(SensitivityEndDates,${j})+1)`;
  const rows: ListRow<SensitivityName>[] = [
    {
      label: "Exit after N months",
      cells: [{ value: "Discount rate", style: "header" }, ...months.map((n): PlanCell => ({ value: n, numberFormat: FORMATS.integer, style: "input" }))],
    },
    {
      label: "Last day of service",
      cells: [{}, ...months.map((): PlanCell => ({ formula: `MIN(EDATE(StartDate,INDEX(SensitivityMonths,${j}))-1,EndDate)`, numberFormat: FORMATS.date, style: "output" }))],
    },
    ...rates.map(
      (rate): ListRow<SensitivityName> => ({
        label: "Present value at",
        cells: [
          { value: rate, numberFormat: FORMATS.percent, style: "input" },
          ...months.map((): PlanCell => ({ formula: presentValueBefore(x, `INDEX(SensitivityRates,${i})`), numberFormat: FORMATS.money, style: "output" })),
        ],
      }),
    ),
    { label: "CONTRACT_PV of the term cut to end on EDATE(start, N) − 1 (or the contract's end); the cut period as `proration` says.", labelStyle: "note" },
  ];
  const last = rates.length + 1;
  return {
    id: "sensitivity",
    title: "SENSITIVITY: PRESENT VALUE BY DISCOUNT RATE AND EXIT",
    list: {
      header: [],
      rows,
      ranges: [
        { name: "SensitivityMonths", fromRow: 0, toRow: 0, fromCell: 1, toCell: months.length },
        { name: "SensitivityEndDates", fromRow: 1, toRow: 1, fromCell: 1, toCell: months.length },
        { name: "SensitivityRates", fromRow: 2, toRow: last, fromCell: 0, toCell: 0 },
        { name: "Sensitivity", fromRow: 2, toRow: last, fromCell: 1, toCell: months.length },
      ],
    },
    reads: [...OWED_READS, "EndDate", "BridgePaymentDays"],
  };
}
