/**
 * Sources and assumptions: the deal's notes, one line each, so that a reader sees what each figure rests on.
 */
import { Block } from "../layout";
import { ModelContext } from "./context";

/**
 * @example
 * notesBlock(ctx).list.rows.length // the template's notes
 */
export function notesBlock(ctx: ModelContext): Block<never> {
  return {
    id: "notes",
    title: "SOURCES AND ASSUMPTIONS",
    list: { header: [], rows: ctx.deal.notes.map((note) => ({ label: note, labelStyle: "note" as const })) },
    reads: [],
  };
}
