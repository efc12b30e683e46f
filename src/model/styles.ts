/**
 * How each plan style looks, shared by both writers. Finance convention: inputs in blue font.
 */
import { CellStyle } from "./plan";

export interface StyleSpec {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  /** Font colour, RRGGBB. */
  readonly color?: string;
  /** Fill colour, RRGGBB. */
  readonly fill?: string;
  readonly align?: "right";
}

export const STYLES: Readonly<Record<CellStyle, StyleSpec>> = {
  title: { bold: true, size: 14, color: "1F3864" },
  subtitle: { italic: true, color: "595959" },
  section: { bold: true, color: "FFFFFF", fill: "1F3864" },
  label: {},
  input: { color: "0000FF", fill: "FFF2CC" },
  output: { color: "000000" },
  header: { bold: true, fill: "D9E1F2" },
  numberHeader: { bold: true, fill: "D9E1F2", align: "right" },
  note: { italic: true, color: "7F7F7F" },
  check: { bold: true, color: "375623" },
  constant: { color: "000000", fill: "F2F2F2" },
};
