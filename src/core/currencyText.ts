/**
 * Currency marks on amount text ("$150,000,000", "USD 150,000,000", "150 €"): found by looking at
 * the two ends of the text only, in linear time, so that the amount reader reads the number and a
 * register can refuse amounts in two currencies.
 */
/** Currency symbols an amount may carry before or after its number ("$150,000,000", "150 €"). */
const CURRENCY_SYMBOLS: readonly string[] = ["US$", "$", "€", "£", "¥"];

const isUpperAscii = (code: number) => code >= 65 && code <= 90;

/** A currency mark at `at` in `s` (a symbol, or a code of three capital letters such as USD): its length, or 0. */
function currencyAt(s: string, at: number): number {
  for (const symbol of CURRENCY_SYMBOLS) if (s.startsWith(symbol, at)) return symbol.length;
  if (at + 3 <= s.length && isUpperAscii(s.charCodeAt(at)) && isUpperAscii(s.charCodeAt(at + 1)) && isUpperAscii(s.charCodeAt(at + 2))) {
    const next = s.charCodeAt(at + 3);
    if (!(isUpperAscii(next) || (next >= 97 && next <= 122))) return 3;
  }
  return 0;
}

/**
 * Amount text without its currency mark: one symbol or three-letter code before the number (after
 * its sign) or after it, spaces allowed between — "$150,000,000", "USD 150,000,000", "-$5",
 * "150,000,000 EUR". Text without a mark is returned as it is. A single pass: the mark is looked for
 * at the two ends only, never searched for.
 *
 * @example
 * withoutCurrency("USD 150,000,000") // "150,000,000"
 */
export function withoutCurrency(text: string): string {
  return splitCurrency(text).number;
}

/** The currency a symbol stands for, as its code: "$" and "US$" are USD. */
const SYMBOL_CODES: Readonly<Record<string, string>> = { "US$": "USD", $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY" };

/**
 * The currency of amount text, as a code ("USD" for "$150,000,000" and "USD 150,000,000"), or
 * undefined when it carries no mark.
 *
 * @example
 * currencyOf("€ 1,250.50") // "EUR"
 */
export function currencyOf(text: string): string | undefined {
  const mark = splitCurrency(text).mark;
  return mark === undefined ? undefined : (SYMBOL_CODES[mark] ?? mark);
}

/** Amount text split into its number text and its currency mark (see {@link withoutCurrency}). */
export function splitCurrency(text: string): { number: string; mark: string | undefined } {
  const s = text.trim();
  let start = 0;
  let sign = "";
  if (s[0] === "-" || s[0] === "+") {
    sign = s[0] === "-" ? "-" : "";
    start = 1;
  }
  const before = currencyAt(s, start);
  if (before > 0) return { number: sign + s.slice(start + before).trimStart(), mark: s.slice(start, start + before) };
  // After the number: the last word.
  let end = s.length;
  for (const symbol of CURRENCY_SYMBOLS) {
    if (s.endsWith(symbol)) {
      end = s.length - symbol.length;
      break;
    }
  }
  if (end === s.length && s.length >= 4 && currencyAt(s, s.length - 3) === 3 && !isUpperAscii(s.charCodeAt(s.length - 4))) end = s.length - 3;
  return end === s.length ? { number: s, mark: undefined } : { number: s.slice(0, end).trimEnd(), mark: s.slice(end) };
}

