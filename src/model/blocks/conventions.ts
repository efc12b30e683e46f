/**
 * Fixed conventions the formulas use, shown once with their meaning instead of hidden as constants
 * inside formulas (the FAST standard's rule): months per period of each frequency word, months in a
 * year, the day count of the present value, minutes in an hour, the tolerance of the checks.
 */
import { FREQUENCIES, MONTHS_PER_PERIOD } from "../../core";
import { FREQUENCY_NAMES } from "../../core/vocabulary";
import { Block, ListRow } from "../layout";
import { FORMATS } from "./context";

export type ConventionName =
  | "FrequencyWords"
  | "FrequencyMonths"
  | "MonthsPerYear"
  | "DaysPerYear"
  | "MinutesPerHour"
  | "CheckTolerance";

/**
 * @example
 * conventionsBlock().list.rows[0].cells // [{ value: "monthly" }, { value: 1 }]
 */
export function conventionsBlock(): Block<ConventionName> {
  const frequencyRows: ListRow<ConventionName>[] = FREQUENCIES.map((f, i) => ({
    label: i === 0 ? "Months per period, by frequency word" : "",
    cells: [
      { value: FREQUENCY_NAMES[f], style: "constant" },
      { value: MONTHS_PER_PERIOD[f], numberFormat: FORMATS.integer, style: "constant" },
    ],
  }));
  const constant = (name: ConventionName, label: string, value: number, meaning: string, numberFormat: string = FORMATS.integer): ListRow<ConventionName> => ({
    label,
    cells: [{ value, numberFormat, style: "constant" }, { value: meaning, style: "note" }],
    names: [{ name, cell: 0 }],
  });
  const last = frequencyRows.length - 1;
  return {
    id: "conventions",
    title: "CONVENTIONS (fixed)",
    list: {
      header: ["Value", "Meaning"],
      rows: [
        ...frequencyRows,
        constant("MonthsPerYear", "Months in a year", 12, "anniversaries and annual run-rates"),
        constant("DaysPerYear", "Days in a year (present value)", 365, "XNPV's day count: (1 + rate) ^ (days / 365)"),
        constant("MinutesPerHour", "Minutes in an hour", 60, "downtime in minutes"),
        constant("CheckTolerance", "Check tolerance", 0.005, "half a cent: figures closer than this agree", "0.000"),
      ],
      ranges: [
        { name: "FrequencyWords", fromRow: 0, toRow: last, fromCell: 0, toCell: 0 },
        { name: "FrequencyMonths", fromRow: 0, toRow: last, fromCell: 1, toCell: 1 },
      ],
    },
    reads: [],
  };
}
