/**
 * The accounting lease term, read from the termination clause and the judgement inputs.
 */
import { edate, formatIsoDate, Serial } from "../dates";
import { numError, valueError } from "../errors";
import { Decimal, ZERO } from "../money";
import { exitDate } from "../termination";
import { ContractTerms, validateTerms } from "../terms";

/** Who holds the right to terminate early under the contract's termination clause. */
export type TerminationHolder = "both" | "lessee" | "lessor";

export interface TermJudgement {
  /** Who may terminate; default "both" (the seed: "either party may terminate"). */
  readonly whoMayTerminate?: TerminationHolder;
  /** Would leaving cost more than an insignificant penalty (fee or otherwise)? Default false. */
  readonly significantPenalty?: boolean;
  /** An explicit last day of the accounting term, overriding the clause reading. */
  readonly termEnd?: number | null;
  /** Apply the short-term exemption when the term is 12 months or less. Default false. */
  readonly electShortTerm?: boolean;
}

export interface AccountingTerm {
  /** The contract terms cut to the accounting term (`endDate` = the term's last day). */
  readonly terms: ContractTerms;
  readonly lastDay: Serial;
  readonly basis: "earliest-exit" | "contract-end" | "explicit";
  /** The termination fee counted as a lease payment on the exit date (0 when exercise is not assumed). */
  readonly terminationPayment: Decimal;
  /** The term is 12 months or less (IFRS 16 Appendix A "short-term lease"; ASC 842-20-25-2). */
  readonly shortTermAvailable: boolean;
  readonly shortTermElected: boolean;
  readonly lines: readonly string[];
}

/**
 * The accounting lease term from the contract's clauses and the judgement inputs.
 *
 * The rule (README "Accounting"): a lease is no longer enforceable when lessee and lessor each may
 * terminate without permission from the other with no more than an insignificant penalty (IFRS 16.B34;
 * ASC 842-10-55-12). So when both may terminate and the penalty is judged insignificant (the default),
 * the term ends the day before the earliest exit, and a termination fee is a lease payment on the exit
 * date (exercise is assumed: IFRS 16.27(e); ASC 842-10-30-5(f)). When the penalty is significant, or
 * only one party may terminate, the term runs to the contract end and the fee is not a lease payment.
 * An explicit term end overrides both readings. The clause is read at commencement (earliest notice);
 * a notice actually served later is a remeasurement (see {@link leaseAccounting}).
 *
 * @example
 * // Seed: earliest exit 2026-12-30, so the term's last day is 2026-12-29 (46385), six payments
 * accountingTerm(validateTerms({ startDate: 46204, endDate: 47483, payment: 150e6, lockInMonths: 3, noticeDays: 90 })).lastDay // 46385
 */
export function accountingTerm(contract: ContractTerms, judgement: TermJudgement = {}): AccountingTerm {
  const who = judgement.whoMayTerminate ?? "both";
  if (!["both", "lessee", "lessor"].includes(who)) throw valueError(`Unknown terminating party "${String(who)}".`);
  const significantPenalty = judgement.significantPenalty ?? false;
  if (typeof significantPenalty !== "boolean") throw valueError("significant penalty must be TRUE or FALSE.");
  const system = contract.dateSystem;
  const iso = (serial: Serial) => formatIsoDate(serial, system);
  const fee = contract.termination.fee;
  const lines: string[] = [];
  let lastDay: Serial;
  let basis: AccountingTerm["basis"];
  let terminationPayment = ZERO;
  const explicit = judgement.termEnd ?? null;
  const earliestExit = exitDate({ ...contract, termination: { ...contract.termination, noticeDate: null } });
  if (explicit !== null) {
    lastDay = Math.floor(explicit);
    if (!Number.isFinite(explicit)) throw valueError("The term end must be a date.");
    if (lastDay < contract.startDate || lastDay > contract.endDate) {
      throw numError(`The term end ${iso(lastDay)} must fall between the start ${iso(contract.startDate)} and the contract end ${iso(contract.endDate)}.`);
    }
    basis = "explicit";
    lines.push(`Lease term: to ${iso(lastDay)}, as judged (explicit term end).`);
    if (lastDay < contract.endDate && fee.gt(0)) {
      terminationPayment = fee;
      lines.push(`The termination fee ${fee.toFixed(2)} is a lease payment on ${iso(lastDay + 1)}: the term assumes the contract is ended then (IFRS 16.27(e); ASC 842-10-30-5(f)).`);
    }
  } else if (earliestExit > contract.endDate) {
    lastDay = contract.endDate;
    basis = "contract-end";
    lines.push(`Lease term: to the contract end ${iso(lastDay)}; the termination clause allows no earlier exit.`);
  } else if (who !== "both") {
    lastDay = contract.endDate;
    basis = "contract-end";
    lines.push(
      who === "lessor"
        ? `Lease term: to the contract end ${iso(lastDay)}. Only the lessor may terminate, so the lessee cannot escape the payments: the non-cancellable period runs to the end (IFRS 16.B35; ASC 842-10-30-1(d)).`
        : `Lease term: to the contract end ${iso(lastDay)}. Only the lessee may terminate; the term includes the periods after the option unless the lessee is reasonably certain to exercise it (IFRS 16.18(b), B35–B37; ASC 842-10-30-1(b)) — give an explicit term end if it is.`,
    );
  } else if (significantPenalty) {
    lastDay = contract.endDate;
    basis = "contract-end";
    lines.push(
      `Lease term: to the contract end ${iso(lastDay)}. Either party may terminate, but leaving costs more than an insignificant penalty, so the contract stays enforceable to the end (IFRS 16.B34; ASC 842-10-55-12); the termination fee is not a lease payment.`,
    );
  } else {
    if (earliestExit <= contract.startDate) {
      throw valueError(
        "Either party may end the contract at once with no more than an insignificant penalty: there is no enforceable period, so there is no lease term to account for (IFRS 16.B34; ASC 842-10-55-12).",
      );
    }
    lastDay = earliestExit - 1;
    basis = "earliest-exit";
    lines.push(
      `Lease term: to ${iso(lastDay)}, the day before the earliest exit ${iso(earliestExit)}. Either party may terminate with no more than an insignificant penalty, so the contract is enforceable only until then (IFRS 16.B34; ASC 842-10-55-12).`,
    );
    if (fee.gt(0)) {
      terminationPayment = fee;
      lines.push(`The termination fee ${fee.toFixed(2)}, judged insignificant, is a lease payment on ${iso(earliestExit)} (IFRS 16.27(e); ASC 842-10-30-5(f)).`);
    }
  }
  const terms = termsEndingOn(contract, lastDay);
  const shortTermAvailable = lastDay < edate(contract.startDate, 12, system);
  const electShortTerm = judgement.electShortTerm ?? false;
  if (typeof electShortTerm !== "boolean") throw valueError("short-term election must be TRUE or FALSE.");
  if (electShortTerm && !shortTermAvailable) {
    throw valueError(`The short-term exemption needs a lease term of 12 months or less; this term runs to ${iso(lastDay)}.`);
  }
  lines.push(
    shortTermAvailable
      ? electShortTerm
        ? "Short-term exemption: the term is 12 months or less and the exemption is elected: straight-line expense, nothing on the balance sheet (IFRS 16.5–6, 8; ASC 842-20-25-2)."
        : "Short-term exemption: available (term of 12 months or less) but not elected: the lease is recognised (IFRS 16.5; ASC 842-20-25-2)."
      : "Short-term exemption: not available, the term is longer than 12 months (IFRS 16 Appendix A; ASC 842 Glossary).",
  );
  return { terms, lastDay, basis, terminationPayment, shortTermAvailable, shortTermElected: electShortTerm, lines };
}

/**
 * The payment terms of a contract cut to end on `lastDay`: the same start, payments, frequency,
 * escalation, timing and proration, and no termination clause — the terms an accounting term (or a
 * term shortened by notice) is measured over.
 *
 * @example
 * termsEndingOn(seedTerms, 46385).endDate // 46385: six monthly payments from 2026-07-01
 */
export function termsEndingOn(contract: ContractTerms, lastDay: Serial): ContractTerms {
  return validateTerms({
    dateSystem: contract.dateSystem,
    startDate: contract.startDate,
    endDate: lastDay,
    payment:
      contract.payment.kind === "fixed"
        ? contract.payment.amount
        : contract.payment.steps.map((s) => ({ effectiveDate: s.effectiveDate, amount: s.amount })),
    frequency: contract.frequency,
    escalation: contract.escalation,
    timing: contract.timing,
    proration: contract.proration,
  });
}
