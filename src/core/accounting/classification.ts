/**
 * Does the contract contain a lease (IFRS 16.9; ASC 842-10-15-3)?
 */
import { valueError } from "../errors";

export interface LeaseAssessmentInput {
  /** Is the capacity specified and exclusive to the customer (not a share of a pool)? */
  readonly identifiedAsset: boolean;
  /** Can the supplier substitute other capacity throughout the period of use, and benefit from doing so? */
  readonly substantiveSubstitutionRight: boolean;
  /** Does the customer decide how and for what purpose the capacity is used (what to run, when)? */
  readonly rightToDirectUse: boolean;
}

export interface LeaseAssessment {
  readonly isLease: boolean;
  /** The reasoning, one plain sentence a line, citing the standards. */
  readonly lines: readonly string[];
}

/**
 * Does the contract contain a lease (IFRS 16.9 and B9–B31; ASC 842-10-15-3 to 15-27)? The three
 * judgements are inputs; the reasoning comes back as text lines.
 *
 * @example
 * assessLease({ identifiedAsset: true, substantiveSubstitutionRight: false, rightToDirectUse: true }).isLease // true
 */
export function assessLease(input: LeaseAssessmentInput): LeaseAssessment {
  for (const key of ["identifiedAsset", "substantiveSubstitutionRight", "rightToDirectUse"] as const) {
    if (typeof input[key] !== "boolean") throw valueError(`${key} must be TRUE or FALSE.`);
  }
  const lines: string[] = [];
  let isLease = true;
  if (input.identifiedAsset) {
    lines.push(
      "Identified asset: yes. The capacity is specified and reserved for the customer alone, so the customer obtains substantially all of its economic benefits (IFRS 16.B13, B20–B21; ASC 842-10-15-9, 15-17).",
    );
  } else {
    isLease = false;
    lines.push(
      "Identified asset: no. The capacity is an unspecified share of the supplier's pool, not a physically distinct portion (IFRS 16.B13, B20; ASC 842-10-15-16).",
    );
  }
  if (input.substantiveSubstitutionRight) {
    isLease = false;
    lines.push(
      "Substitution: the supplier has the practical ability to substitute other capacity throughout the period of use and would benefit from doing so, so there is no identified asset (IFRS 16.B14–B19; ASC 842-10-15-10 to 15-15).",
    );
  } else {
    lines.push(
      "Substitution: the supplier has no substantive right to substitute the capacity (a right to replace faulty hardware does not count) (IFRS 16.B14, B18; ASC 842-10-15-10, 15-13).",
    );
  }
  if (input.rightToDirectUse) {
    lines.push(
      "Right to direct the use: yes. The customer decides how and for what purpose the capacity is used — which workloads run and when (IFRS 16.B24–B30; ASC 842-10-15-17, 15-20).",
    );
  } else {
    isLease = false;
    lines.push(
      "Right to direct the use: no. The supplier decides how and for what purpose the capacity is used (IFRS 16.B24–B25; ASC 842-10-15-20).",
    );
  }
  lines.push(
    isLease
      ? "Conclusion: the contract contains a lease of the capacity (IFRS 16.9; ASC 842-10-15-3). Account for it with the lease views below."
      : "Conclusion: the contract is a service contract, not a lease. The customer expenses the payments as the service is received; nothing goes on the balance sheet.",
  );
  return { isLease, lines };
}
