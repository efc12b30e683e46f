/**
 * The Answer block: the deal's key figures, first on the sheet so that it opens on them. Each is a
 * formula that refers by name to the figure where it is computed (the Summary, the value bridge, the
 * lease accounting): nothing is computed twice.
 */
import { ListRow, Block } from "../layout";
import { FORMATS } from "./context";

export type AnswerName = "KeyHeadline" | "KeyCommitted" | "KeyExpected" | "KeyPresentValue" | "KeyLeaseLiability" | "KeyExitDate";

const key = (name: AnswerName, label: string, source: string, numberFormat: string, where: string): ListRow<AnswerName> => ({
  label,
  cells: [{ formula: source, numberFormat, style: "output" }, { value: where, style: "note" }],
  names: [{ name, cell: 0 }],
});

/**
 * @example
 * answerBlock().list.rows[0].cells![0].formula // "TotalValue"
 */
export function answerBlock(): Block<AnswerName> {
  return {
    id: "answer",
    title: "ANSWER",
    list: {
      header: ["Value", "From"],
      rows: [
        key("KeyHeadline", "Headline (total contract value)", "TotalValue", FORMATS.money, "Summary"),
        key("KeyCommitted", "Committed value at exit", "Committed", FORMATS.money, "Summary"),
        key("KeyExpected", "Expected value", "ExpectedValue", FORMATS.money, "Value bridge"),
        key("KeyPresentValue", "Present value at the discount rate", "PresentValue", FORMATS.money, "Summary"),
        key("KeyLeaseLiability", "Lease liability recognised", "RecognisedLiability", FORMATS.money, "Lease accounting"),
        key("KeyExitDate", "Effective exit date", "ExitDate", FORMATS.date, "Summary"),
      ],
    },
    reads: ["TotalValue", "Committed", "ExpectedValue", "PresentValue", "RecognisedLiability", "ExitDate"],
  };
}
