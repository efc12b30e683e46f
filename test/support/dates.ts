/**
 * An independent oracle for 1900-system serials from 1900-03-01 on: days since the Unix epoch by
 * `Date.UTC` (pure arithmetic, no time zone) plus 25,569, the serial of 1970-01-01.
 */
export function serialOf(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}
