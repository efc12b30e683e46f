/** The register's small text helpers: blanks, a cell's text, and how a message quotes and counts. */

export function isBlankRow(cells: readonly unknown[]): boolean {
  for (const cell of cells) if (!isBlank(cell) && cell !== 0) return false;
  return true;
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

export function cellText(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

export function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/** A whole number with thousands commas, without Intl: 16384 → "16,384". */
export function withCommas(n: number): string {
  const digits = String(n);
  let out = "";
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? "," : "") + digits[i];
  return out;
}

/** A header or cell as a message quotes it: at most 40 characters. */
export function quoted(text: string): string {
  return text.length > 40 ? text.slice(0, 40) + "…" : text;
}
