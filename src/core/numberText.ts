/**
 * Number text read in one pass: the scanner every reader of numbers in text uses (the vocabulary's
 * readers, the terms' ramp amounts). A module of its own so that the terms and the vocabulary both
 * import it without importing each other.
 */
export interface ScannedNumber {
  /** The number as plain decimal text for `Number()` or `Decimal`: sign, digits, point, exponent; no separators. */
  readonly text: string;
  /** Whether a percent sign followed the number. */
  readonly percent: boolean;
}

export interface ScanOptions {
  /** Accept commas between groups of three digits in the whole part ("150,000,000"). */
  readonly thousands?: boolean;
  /** Accept a trailing percent sign ("8%", "8 %"). */
  readonly percent?: boolean;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
const COMMA = 44;

/**
 * Reads decimal number text in one pass over its characters: optional sign, digits (with thousands
 * commas when allowed: a first group of 1–3 digits, then groups of exactly 3), an optional point and
 * fraction, an optional exponent (`e-3`), an optional percent sign when allowed; spaces around. No
 * hexadecimal, underscores or words. Returns undefined for anything else.
 *
 * Linear by construction: the index only moves forward and each character is looked at once.
 *
 * @example
 * scanNumber("150,000,000", { thousands: true }) // { text: "150000000", percent: false }
 */
export function scanNumber(input: string, options: ScanOptions = {}): ScannedNumber | undefined {
  const s = input.trim();
  const n = s.length;
  let i = 0;
  let out = "";
  const c = (k: number) => s.charCodeAt(k);
  if (i < n && (s[i] === "+" || s[i] === "-")) {
    if (s[i] === "-") out += "-";
    i++;
  }
  // Whole part, with thousands commas when allowed.
  const wholeStart = i;
  let groupLength = 0; // digits since the last comma (or the start)
  let sawComma = false;
  while (i < n) {
    const code = c(i);
    if (isDigit(code)) {
      groupLength++;
      i++;
    } else if (code === COMMA && options.thousands) {
      // A comma closes a group: the first group holds 1–3 digits, later ones exactly 3.
      if (groupLength === 0 || groupLength > 3 || (sawComma && groupLength !== 3)) return undefined;
      sawComma = true;
      groupLength = 0;
      i++;
    } else break;
  }
  if (sawComma && groupLength !== 3) return undefined;
  const wholeDigits = s.slice(wholeStart, i);
  out += sawComma ? wholeDigits.replace(/,/g, "") : wholeDigits;
  let digitCount = i - wholeStart;
  if (i < n && s[i] === ".") {
    i++;
    const fractionStart = i;
    while (i < n && isDigit(c(i))) i++;
    digitCount += i - fractionStart;
    out += "." + s.slice(fractionStart, i);
  }
  if (digitCount === 0) return undefined;
  if (i < n && (s[i] === "e" || s[i] === "E")) {
    i++;
    let exponent = "e";
    if (i < n && (s[i] === "+" || s[i] === "-")) exponent += s[i++];
    const exponentStart = i;
    while (i < n && isDigit(c(i))) i++;
    if (i === exponentStart) return undefined;
    out += exponent + s.slice(exponentStart, i);
  }
  let percent = false;
  if (options.percent) {
    let j = i;
    while (j < n && (s[j] === " " || s[j] === "\u00a0")) j++;
    if (j < n && s[j] === "%") {
      percent = true;
      i = j + 1;
    }
  }
  if (i !== n) return undefined;
  // "5." and ".5" are read by Number() and Decimal alike.
  return { text: out, percent };
}

