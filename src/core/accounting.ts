/**
 * The accounting view of a compute-capacity lease, for the lessee (IFRS 16; ASC 842 finance and
 * operating) and the lessor (operating lease): is it a lease, what is the accounting lease term,
 * measurement at commencement, one row per period, remeasurement when notice is served, the maturity
 * analysis and balanced journal entries.
 *
 * Conventions (README "Accounting"):
 * - Discounting is periodic: annual rate ÷ payments a year, compounded once a period, each payment one
 *   whole period after the previous (the lease-accounting convention). CONTRACT_PV uses XNPV's
 *   annual-effective rate on actual days instead.
 * - Money is rounded to cents: the liability at commencement once; each period's interest and
 *   depreciation (or straight-line cost) to the cent; the last period absorbs the rounding residual so
 *   that the liability and the right-of-use asset end at exactly zero.
 */
import { Decimal, roundCents, ZERO } from "./money";
import { edate, formatIsoDate, Serial } from "./dates";
import { numError, valueError } from "./errors";
import { checkMoney, ContractTerms, MoneyInput, validateTerms } from "./terms";
import { buildSchedule, Period } from "./schedule";
import { exitDate } from "./termination";
import { periodsPerYear } from "./valuation";

// ---------------------------------------------------------------------------------------------
// Lease assessment
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Accounting lease term
// ---------------------------------------------------------------------------------------------

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
  const terms = validateTerms({
    dateSystem: system,
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

// ---------------------------------------------------------------------------------------------
// Measurement at commencement
// ---------------------------------------------------------------------------------------------

/** The rate each period: annual rate ÷ payments a year (8% monthly → 0.08 / 12). */
export function periodicRate(annualRate: Decimal, terms: Pick<ContractTerms, "frequency">): Decimal {
  return annualRate.dividedBy(periodsPerYear(terms.frequency));
}

export interface LeaseMeasurementInput {
  /** The terms over the ACCOUNTING lease term (end date = the term's last day). */
  readonly terms: ContractTerms;
  readonly annualRate: MoneyInput;
  readonly initialDirectCosts?: MoneyInput;
  readonly incentives?: MoneyInput;
  /** A termination payment on the exit date (the day after the term's last day), e.g. from {@link accountingTerm}. */
  readonly terminationPayment?: MoneyInput;
}

export interface LeaseMeasurement {
  readonly terms: ContractTerms;
  readonly schedule: readonly Period[];
  readonly annualRate: Decimal;
  readonly rate: Decimal;
  readonly initialDirectCosts: Decimal;
  readonly incentives: Decimal;
  readonly terminationPayment: Decimal;
  /** Paid on or before commencement: the first payment when paid in advance. */
  readonly paidAtCommencement: Decimal;
  /** PV of the payments not paid at commencement, rounded to cents. */
  readonly liability: Decimal;
  /** liability + paid at commencement + initial direct costs − incentives. */
  readonly rouAsset: Decimal;
  /** Every payment in the term plus the termination payment. */
  readonly totalPayments: Decimal;
}

/** A lease discount rate: above -100% and at most 1000% a year. */
export function checkDiscountRate(value: MoneyInput): Decimal {
  const rate = checkMoney(value, "discount_rate");
  if (rate.lte(-1) || rate.gt(10)) throw numError("The discount rate must be above -100% and at most 1000% a year.");
  return rate;
}

function checkNonNegative(value: MoneyInput | undefined, name: string): Decimal {
  const amount = checkMoney(value ?? 0, name);
  if (amount.isNegative()) throw numError(`${name} cannot be negative.`);
  return amount;
}

/**
 * Measures the lease at commencement (IFRS 16.23–28; ASC 842-20-30-1, 30-5): the liability is the
 * present value at the periodic rate of the payments in the term not paid at commencement, payment k
 * (1-based) discounted k − 1 periods in advance or k periods in arrears; a termination payment is
 * discounted n periods (it falls on the exit date). Cost: a few multiplications per run of equal
 * payments (see {@link valueAtEndOf}). Incentives larger than the rest of the asset are refused (#NUM!):
 * a right-of-use asset cannot be negative.
 *
 * @example
 * // 3 payments of 100 in arrears at 12% a year, monthly: 100/1.01 + 100/1.01² + 100/1.01³ = 294.10
 * measureLease({ terms: validateTerms({ startDate: 46204, endDate: 46295, payment: 100, timing: "arrears" }), annualRate: "0.12" }).liability.toFixed(2) // "294.10"
 */
export function measureLease(input: LeaseMeasurementInput): LeaseMeasurement {
  const { terms } = input;
  const annualRate = checkDiscountRate(input.annualRate);
  const rate = periodicRate(annualRate, terms);
  const initialDirectCosts = checkNonNegative(input.initialDirectCosts, "initial_direct_costs");
  const incentives = checkNonNegative(input.incentives, "incentives");
  const terminationPayment = checkNonNegative(input.terminationPayment, "termination payment");
  const schedule = buildSchedule(terms);
  const advance = terms.timing === "advance";
  const v = new Decimal(1).dividedBy(rate.plus(1));
  const n = schedule.length;
  const atStart = valueAtEndOf(schedule, 0, advance, terminationPayment, v);
  const liability = roundCents(advance && n > 0 ? atStart.minus(schedule[0].payment) : atStart);
  if (!liability.isFinite() || liability.abs().gte("1e18")) throw numError("The lease liability is too large to compute at this discount rate.");
  const paidAtCommencement = advance && n > 0 ? schedule[0].payment : ZERO;
  const rouAsset = liability.plus(paidAtCommencement).plus(initialDirectCosts).minus(incentives);
  if (rouAsset.isNegative()) {
    throw numError("The lease incentives exceed the liability, the payments made at commencement and the initial direct costs: the right-of-use asset would be negative.");
  }
  const totalPayments = (n > 0 ? schedule[n - 1].cumulative : ZERO).plus(terminationPayment);
  return {
    terms,
    schedule,
    annualRate,
    rate,
    initialDirectCosts,
    incentives,
    terminationPayment,
    paidAtCommencement,
    liability,
    rouAsset,
    totalPayments,
  };
}

/**
 * The value at the end of period `m` (0 = commencement, before any payment) of the payments of periods
 * m + 1 … n and the fee on the exit date: Σ P_k v^(k − m − d) + fee × v^(n − m), with d = 1 in advance
 * (the next payment falls on the next day, undiscounted) and 0 in arrears.
 *
 * Why by runs: Horner from the end over runs of equal payments, each run of L payments adding
 * P × (v + … + v^L) to acc × v^L, with those two factors built by doubling and shared between runs of
 * the same length — so a 30-year escalating lease costs 30 steps, not 360, with no cancellation at
 * small rates.
 */
export function valueAtEndOf(schedule: readonly Period[], m: number, advance: boolean, fee: Decimal, v: Decimal): Decimal {
  const n = schedule.length;
  const cache = new Map<number, readonly [Decimal, Decimal]>();
  let acc = ZERO;
  for (let k = n; k >= m + 1; ) {
    const payment = schedule[k - 1].payment;
    let j = k;
    while (j - 1 >= m + 1 && (schedule[j - 2].payment === payment || schedule[j - 2].payment.eq(payment))) j--;
    const [power, annuity] = powerAndAnnuity(v, k - j + 1, cache);
    acc = acc.times(power).plus(payment.times(annuity));
    k = j - 1;
  }
  // acc = Σ P_k v^(k − m); in advance every payment sits one period earlier.
  const payments = advance ? acc.dividedBy(v) : acc;
  return fee.isZero() || m >= n ? payments.plus(fee) : payments.plus(fee.times(powerAndAnnuity(v, n - m, cache)[0]));
}

/** [v^L, v + v² + … + v^L] by doubling: s(2a) = s(a) + v^a s(a), s(a + 1) = s(a) + v^(a+1). */
function powerAndAnnuity(v: Decimal, length: number, cache: Map<number, readonly [Decimal, Decimal]>): readonly [Decimal, Decimal] {
  const hit = cache.get(length);
  if (hit) return hit;
  let result: readonly [Decimal, Decimal];
  if (length === 1) result = [v, v];
  else if (length % 2 === 0) {
    const [p, s] = powerAndAnnuity(v, length / 2, cache);
    result = [p.times(p), s.plus(p.times(s))];
  } else {
    const [p, s] = powerAndAnnuity(v, length - 1, cache);
    const next = p.times(v);
    result = [next, s.plus(next)];
  }
  cache.set(length, result);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Subsequent measurement: one row per period
// ---------------------------------------------------------------------------------------------

/**
 * `ifrs16` and `asc842-finance`: interest on the liability plus straight-line depreciation of the
 * right-of-use asset. `asc842-operating`: one straight-line lease cost, the asset the balancing figure.
 * `short-term`: the exemption — straight-line expense, nothing on the balance sheet.
 */
export type LesseeStandard = "ifrs16" | "asc842-finance" | "asc842-operating" | "short-term";
export const LESSEE_STANDARDS: readonly LesseeStandard[] = ["ifrs16", "asc842-finance", "asc842-operating", "short-term"];

/**
 * One period of the lessee's accounting. The block a model sheet reproduces:
 * closingLiability = openingLiability − paymentToLiability + interest + liabilityRemeasurement;
 * closingRou = openingRou − rouReduction + rouRemeasurement; leaseCost = interest + rouReduction
 * (ifrs16, asc842-finance) or the straight-line cost (asc842-operating, short-term).
 */
export interface LeaseRow {
  /** 1-based. */
  readonly period: number;
  readonly start: Serial;
  /** The period's last day: the balances are as at its close. */
  readonly end: Serial;
  readonly paymentDate: Serial;
  /** Cash paid in the period: the scheduled payment, plus the termination payment in the last period. */
  readonly payment: Decimal;
  /** The part of `payment` that is a termination payment, due on the exit date (the day after `end`). */
  readonly terminationPayment: Decimal;
  /** The part of `payment` that settles the liability (0 for a payment made at commencement). */
  readonly paymentToLiability: Decimal;
  readonly openingLiability: Decimal;
  readonly interest: Decimal;
  /** Change in the liability from a remeasurement at the period's close. */
  readonly liabilityRemeasurement: Decimal;
  readonly closingLiability: Decimal;
  readonly openingRou: Decimal;
  /** Depreciation (ifrs16, asc842-finance) or amortisation = lease cost − interest (asc842-operating). */
  readonly rouReduction: Decimal;
  /** Change in the asset from a remeasurement: the liability's change, floored so the asset stays ≥ 0. */
  readonly rouRemeasurement: Decimal;
  readonly closingRou: Decimal;
  /** The period's charge to profit or loss for the lease, before any remeasurement gain. */
  readonly leaseCost: Decimal;
  /** A remeasurement's excess over the asset, recognised in profit or loss (a gain). */
  readonly remeasurementGain: Decimal;
  /** Cumulative straight-line cost minus cumulative payments: accrued (+) or prepaid (−) rent. short-term only. */
  readonly accruedRent: Decimal;
}

export interface NoticeRemeasurement {
  /** The day notice is served. */
  readonly noticeDate: Serial;
  /** The revised annual discount rate; default the original. */
  readonly revisedRate?: MoneyInput | null;
}

export interface LeaseAccounting {
  readonly measurement: LeaseMeasurement;
  readonly standard: LesseeStandard;
  readonly rows: readonly LeaseRow[];
  /** Set when notice was served: the period at whose close the liability was remeasured, and the exit. */
  readonly remeasurement: null | {
    readonly period: number;
    readonly exitDate: Serial;
    readonly liabilityBefore: Decimal;
    readonly liabilityAfter: Decimal;
    /** The revised periodic rate. */
    readonly rate: Decimal;
  };
}

/**
 * The lessee's accounting, one row per period of the accounting term (IFRS 16.36–38 and 31–32;
 * ASC 842-20-25-5 and 35-1 (finance), 842-20-25-6 and 35-3 (operating); IFRS 16.6 and ASC 842-20-25-2
 * (short-term)).
 *
 * Rounding: interest = ROUND(rate × balance, 2) each period, the balance being the opening liability
 * less a payment made at the period's start; depreciation = ROUND(asset ÷ periods, 2); the straight-line
 * cost = ROUND(total ÷ periods, 2); the last period takes whatever brings the liability and the asset to
 * exactly zero and the total cost to exactly the total. In advance (without a termination payment) the
 * last period bears no interest — its payment is made on its first day — so the residual goes to the
 * interest of the period before, whose close must equal that last payment.
 *
 * Notice (optional): served on a day in period k of the term with `contract`'s notice days and fee, the
 * lease ends early. At the close of period k — or of period k − 1 when the notice is served on period
 * k's first day, the same moment for the books — the liability becomes the PV at the revised periodic rate
 * of the payments left to the exit plus the fee on the exit date, and the asset moves by the same
 * amount, never below zero — the excess is a gain (IFRS 16.39–40, B34; ASC 842-10-35-1, 842-20-35-4 to 35-5). The
 * remaining periods then depreciate (or spread the remaining cost) over the shorter term.
 */
export function leaseAccounting(
  measurement: LeaseMeasurement,
  standard: LesseeStandard = "ifrs16",
  notice?: NoticeRemeasurement & { readonly contract: ContractTerms },
): LeaseAccounting {
  if (!LESSEE_STANDARDS.includes(standard)) throw valueError(`Unknown standard "${String(standard)}".`);
  const { terms } = measurement;
  const advance = terms.timing === "advance";
  if (standard === "short-term") {
    if (edate(terms.startDate, 12, terms.dateSystem) <= terms.endDate) {
      throw valueError(
        `The short-term exemption needs a lease term of 12 months or less; this term runs to ${formatIsoDate(terms.endDate, terms.dateSystem)}.`,
      );
    }
    if (notice) throw valueError("A short-term lease is not remeasured: its expense simply stops at the exit.");
    return { measurement, standard, rows: shortTermRows(measurement), remeasurement: null };
  }
  let schedule = measurement.schedule;
  let rate = measurement.rate;
  let fee = measurement.terminationPayment;
  let n = schedule.length;
  // Remeasurement plan
  let remeasureAfter = -1; // 0-based index of the period at whose close the liability is remeasured
  let revised: { schedule: readonly Period[]; rate: Decimal; fee: Decimal; exit: Serial } | null = null;
  if (notice) {
    const contract = notice.contract;
    const noticed = validateTerms({
      dateSystem: contract.dateSystem,
      startDate: contract.startDate,
      endDate: contract.endDate,
      payment: 1,
      lockInMonths: contract.termination.lockInMonths,
      lockInLastDay: contract.termination.lockInLastDay,
      noticeDays: contract.termination.noticeDays,
      noticeDuringLockIn: contract.termination.noticeDuringLockIn,
      noticeDate: notice.noticeDate,
    });
    const exit = exitDate(noticed);
    const iso = (s: Serial) => formatIsoDate(s, terms.dateSystem);
    if (notice.noticeDate < terms.startDate || notice.noticeDate > terms.endDate) {
      throw valueError(`Notice served on ${iso(notice.noticeDate)} falls outside the accounting term (${iso(terms.startDate)} to ${iso(terms.endDate)}).`);
    }
    if (exit > terms.endDate) {
      throw valueError(`Notice served on ${iso(notice.noticeDate)} takes effect on ${iso(exit)}, after the accounting term ends: nothing to remeasure.`);
    }
    if (notice.noticeDate === terms.startDate) {
      throw valueError(`Notice served on the commencement day ${iso(notice.noticeDate)}: measure the lease over the shortened term instead (end it on ${iso(exit - 1)}).`);
    }
    // Remeasured at a period close: the one just before the notice when it is served on a period's
    // first day (nothing accrues between that close and the notice), else the close of its period.
    const containing = schedule.findIndex((p) => p.start <= notice.noticeDate && notice.noticeDate <= p.end);
    remeasureAfter = schedule[containing].start === notice.noticeDate ? containing - 1 : containing;
    if (exit <= schedule[remeasureAfter].end + 1) {
      throw valueError(
        `Notice served on ${iso(notice.noticeDate)} takes effect on ${iso(exit)}, before the close after which it can be remeasured (${iso(schedule[remeasureAfter].end)}): nothing would be left to measure.`,
      );
    }
    const cut = validateTerms({
      dateSystem: terms.dateSystem,
      startDate: terms.startDate,
      endDate: exit - 1,
      payment:
        terms.payment.kind === "fixed"
          ? terms.payment.amount
          : terms.payment.steps.map((s) => ({ effectiveDate: s.effectiveDate, amount: s.amount })),
      frequency: terms.frequency,
      escalation: terms.escalation,
      timing: terms.timing,
      proration: terms.proration,
    });
    const revisedAnnual = notice.revisedRate === undefined || notice.revisedRate === null ? measurement.annualRate : checkDiscountRate(notice.revisedRate);
    revised = { schedule: buildSchedule(cut), rate: periodicRate(revisedAnnual, terms), fee: contract.termination.fee, exit };
  }

  const operating = standard === "asc842-operating";
  let liability = measurement.liability;
  let rou = measurement.rouAsset;
  // Straight-line plan: per-period amount and the amount still to recognise.
  let spreadLeft = operating
    ? measurement.totalPayments.plus(measurement.initialDirectCosts).minus(measurement.incentives)
    : measurement.rouAsset;
  let spreadPer = n > 0 ? roundCents(spreadLeft.dividedBy(n)) : ZERO;
  const rows: LeaseRow[] = [];
  let remeasurement: LeaseAccounting["remeasurement"] = null;
  for (let j = 0; j < n; j++) {
    const p = schedule[j];
    const last = j === n - 1;
    const scheduled = p.payment;
    const payment = last ? scheduled.plus(fee) : scheduled;
    const paidAtStart = advance && j > 0 ? scheduled : ZERO;
    const paymentToLiability = advance && j === 0 ? (last ? fee : ZERO) : payment;
    const openingLiability = liability;
    // The period that closes the liability's interest absorbs the rounding residual: the last one, or in
    // advance without a termination payment the one before it (its close must equal the last payment,
    // which is made the next day and bears no interest).
    const closesOnLastPayment = advance && fee.isZero() && j === n - 2;
    const interest = last
      ? paymentToLiability.minus(openingLiability)
      : closesOnLastPayment
        ? schedule[n - 1].payment.minus(openingLiability.minus(paymentToLiability))
        : roundCents(rate.times(openingLiability.minus(paidAtStart)));
    let closingLiability = openingLiability.minus(paymentToLiability).plus(interest);
    const spread = last ? spreadLeft : spreadPer;
    spreadLeft = spreadLeft.minus(spread);
    const rouReduction = operating ? spread.minus(interest) : spread;
    const leaseCost = operating ? spread : interest.plus(spread);
    const openingRou = rou;
    let closingRou = openingRou.minus(rouReduction);
    let liabilityRemeasurement = ZERO;
    let rouRemeasurement = ZERO;
    let remeasurementGain = ZERO;
    if (j === remeasureAfter && revised) {
      const v = new Decimal(1).dividedBy(revised.rate.plus(1));
      const after = roundCents(valueAtEndOf(revised.schedule, j + 1, advance, revised.fee, v));
      liabilityRemeasurement = after.minus(closingLiability);
      rouRemeasurement = Decimal.max(liabilityRemeasurement, closingRou.negated());
      remeasurementGain = rouRemeasurement.minus(liabilityRemeasurement);
      remeasurement = { period: j + 1, exitDate: revised.exit, liabilityBefore: closingLiability, liabilityAfter: after, rate: revised.rate };
      closingLiability = after;
      closingRou = closingRou.plus(rouRemeasurement);
      schedule = revised.schedule;
      rate = revised.rate;
      fee = revised.fee;
      n = schedule.length;
      const left = n - (j + 1);
      let remainingPayments = revised.fee;
      for (let k = j + 1; k < n; k++) remainingPayments = remainingPayments.plus(schedule[k].payment);
      // Operating: the remaining cost is the payments left plus the asset less the liability (ASC 842-20-25-6(a)).
      spreadLeft = operating ? remainingPayments.plus(closingRou).minus(closingLiability) : closingRou;
      spreadPer = roundCents(spreadLeft.dividedBy(left));
    }
    rows.push({
      period: j + 1,
      start: p.start,
      end: p.end,
      paymentDate: p.paymentDate,
      payment,
      terminationPayment: last ? fee : ZERO,
      paymentToLiability,
      openingLiability,
      interest,
      liabilityRemeasurement,
      closingLiability,
      openingRou,
      rouReduction,
      rouRemeasurement,
      closingRou,
      leaseCost,
      remeasurementGain,
      accruedRent: ZERO,
    });
    liability = closingLiability;
    rou = closingRou;
  }
  return { measurement, standard, rows, remeasurement };
}

function shortTermRows(measurement: LeaseMeasurement): LeaseRow[] {
  const { schedule, terminationPayment } = measurement;
  const n = schedule.length;
  let left = measurement.totalPayments.plus(measurement.initialDirectCosts).minus(measurement.incentives);
  const per = n > 0 ? roundCents(left.dividedBy(n)) : ZERO;
  let accrued = ZERO;
  return schedule.map((p, j) => {
    const last = j === n - 1;
    const cost = last ? left : per;
    left = left.minus(cost);
    const payment = last ? p.payment.plus(terminationPayment) : p.payment;
    // Initial direct costs and incentives settle in cash at commencement, with the first period.
    const cash = j === 0 ? payment.plus(measurement.initialDirectCosts).minus(measurement.incentives) : payment;
    accrued = accrued.plus(cost).minus(cash);
    return {
      period: j + 1,
      start: p.start,
      end: p.end,
      paymentDate: p.paymentDate,
      payment,
      terminationPayment: last ? terminationPayment : ZERO,
      paymentToLiability: ZERO,
      openingLiability: ZERO,
      interest: ZERO,
      liabilityRemeasurement: ZERO,
      closingLiability: ZERO,
      openingRou: ZERO,
      rouReduction: ZERO,
      rouRemeasurement: ZERO,
      closingRou: ZERO,
      leaseCost: cost,
      remeasurementGain: ZERO,
      accruedRent: accrued,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Lessor: operating lease
// ---------------------------------------------------------------------------------------------

export interface LessorRow {
  readonly period: number;
  readonly start: Serial;
  readonly end: Serial;
  readonly paymentDate: Serial;
  readonly receipt: Decimal;
  /** Straight-line lease income (IFRS 16.81; ASC 842-30-25-11(a)). */
  readonly income: Decimal;
  /** Cumulative income − cumulative receipts: accrued rent receivable (+) or deferred rent (−). */
  readonly accruedRent: Decimal;
}

/**
 * The lessor's operating lease: straight-line income over the term (total ÷ periods, rounded to cents,
 * the last period absorbing the residual), the difference from the cash received carried as accrued
 * rent receivable or deferred rent. The underlying hardware stays on the lessor's balance sheet and is
 * depreciated under its own policy (not modelled here).
 */
export function lessorOperatingRows(terms: ContractTerms, terminationPayment: MoneyInput = 0): LessorRow[] {
  const schedule = buildSchedule(terms);
  const fee = checkNonNegative(terminationPayment, "termination payment");
  const n = schedule.length;
  let left = schedule[n - 1].cumulative.plus(fee);
  const per = roundCents(left.dividedBy(n));
  let accrued = ZERO;
  return schedule.map((p, j) => {
    const last = j === n - 1;
    const income = last ? left : per;
    left = left.minus(income);
    const receipt = last ? p.payment.plus(fee) : p.payment;
    accrued = accrued.plus(income).minus(receipt);
    return { period: j + 1, start: p.start, end: p.end, paymentDate: p.paymentDate, receipt, income, accruedRent: accrued };
  });
}

// ---------------------------------------------------------------------------------------------
// Maturity analysis
// ---------------------------------------------------------------------------------------------

export interface MaturityAnalysis {
  readonly asOf: Serial;
  /** Undiscounted payments due in each of the next five years after `asOf` (year i: (EDATE(asOf, 12(i−1)), EDATE(asOf, 12i)]). */
  readonly years: readonly { readonly from: Serial; readonly to: Serial; readonly amount: Decimal }[];
  readonly thereafter: Decimal;
  readonly total: Decimal;
  /** total − liability. */
  readonly imputedInterest: Decimal;
  readonly liability: Decimal;
}

/**
 * The maturity analysis of the lease liability as of a day (IFRS 16.58 with IFRS 7.39(a) and B11;
 * ASC 842-20-50-6): undiscounted payments not yet made, by year, thereafter and in total, less the
 * imputed interest, equal to the liability. As of a day means at that day's close: payments due that
 * day are made and a period ending that day is closed; the liability is the balance after the last
 * payment made, with interest recognised to the last period close. Without a day: at commencement,
 * just after the payment made then. Give the {@link LeaseAccounting} to follow a remeasurement or the
 * short-term exemption (nothing to disclose); a {@link LeaseMeasurement} is enough otherwise.
 */
export function maturityAnalysis(source: LeaseAccounting | LeaseMeasurement, asOf: Serial | null = null): MaturityAnalysis {
  // Without a date nothing after commencement matters, so a measurement suffices and no rows are built.
  const accounting = "rows" in source ? source : asOf === null ? null : leaseAccounting(source);
  const measurement = "rows" in source ? source.measurement : source;
  const terms = measurement.terms;
  const shortTerm = accounting?.standard === "short-term";
  const day = asOf ?? terms.startDate;
  if (day < terms.startDate) {
    throw numError(`The as-of date ${formatIsoDate(day, terms.dateSystem)} is before the commencement ${formatIsoDate(terms.startDate, terms.dateSystem)}.`);
  }
  // The payments: from the rows (which follow a remeasurement) or from the schedule.
  const lines: { readonly end: Serial; readonly paymentDate: Serial; readonly scheduled: Decimal; readonly fee: Decimal }[] = accounting
    ? accounting.rows.map((r) => ({ end: r.end, paymentDate: r.paymentDate, scheduled: r.payment.minus(r.terminationPayment), fee: r.terminationPayment }))
    : measurement.schedule.map((p, j, all) => ({
        end: p.end,
        paymentDate: p.paymentDate,
        scheduled: p.payment,
        fee: j === all.length - 1 ? measurement.terminationPayment : ZERO,
      }));
  const boundaries = [day];
  for (let i = 1; i <= 5; i++) boundaries.push(edate(day, 12 * i, terms.dateSystem));
  const amounts = [ZERO, ZERO, ZERO, ZERO, ZERO];
  let thereafter = ZERO;
  // Periods closed on or before the day. The last period closes on the exit date when a termination
  // payment falls due then, so the liability still holds that payment until it is made.
  const closesOn = (j: number) => (j === lines.length - 1 && !lines[j].fee.isZero() ? lines[j].end + 1 : lines[j].end);
  // Without a date: at commencement, just after the payment made then (nothing else has happened yet).
  const atCommencement = asOf === null;
  let closed = 0;
  while (!atCommencement && closed < lines.length && closesOn(closed) <= day) closed++;
  let liability = closed === 0 || !accounting ? measurement.liability : accounting.rows[closed - 1].closingLiability;
  const exitDay = lines.length > 0 ? lines[lines.length - 1].end + 1 : terms.endDate + 1;
  const add = (date: Serial, amount: Decimal) => {
    if (amount.isZero() || date < day || (date === day && !atCommencement)) return;
    const year = boundaries.findIndex((b, i) => i > 0 && date <= b);
    if (year === -1) thereafter = thereafter.plus(amount);
    else amounts[year - 1] = amounts[year - 1].plus(amount);
  };
  for (const [j, line] of lines.entries()) {
    if (shortTerm) break;
    // The payment made at commencement is not in the liability.
    const inLiability = !(j === 0 && terms.timing === "advance");
    if (inLiability) add(line.paymentDate, line.scheduled);
    if (!line.fee.isZero()) add(exitDay, line.fee);
    // In the open period, a payment made on or before the day has already settled part of the liability.
    if (!atCommencement && j === closed && inLiability && line.paymentDate <= day) liability = liability.minus(line.scheduled);
  }
  if (shortTerm) liability = ZERO;
  const total = amounts.reduce((a, b) => a.plus(b), ZERO).plus(thereafter);
  return {
    asOf: day,
    years: amounts.map((amount, i) => ({ from: boundaries[i] + 1, to: boundaries[i + 1], amount })),
    thereafter,
    total,
    imputedInterest: total.minus(liability),
    liability,
  };
}

// ---------------------------------------------------------------------------------------------
// Journal entries
// ---------------------------------------------------------------------------------------------

export type Account =
  | "Right-of-use asset"
  | "Lease liability"
  | "Cash"
  | "Interest expense"
  | "Depreciation expense"
  | "Operating lease cost"
  | "Short-term lease expense"
  | "Accrued rent"
  | "Gain on remeasurement"
  | "Lease income"
  | "Accrued rent receivable";

export interface JournalLine {
  readonly account: Account;
  readonly debit: Decimal;
  readonly credit: Decimal;
}

export interface JournalEntry {
  /** 0 for commencement, else the period. */
  readonly period: number;
  readonly date: Serial;
  readonly description: string;
  readonly lines: readonly JournalLine[];
}

/** Builds an entry from signed amounts (+ debit, − credit), dropping zeros; refuses an unbalanced one. */
function entry(period: number, date: Serial, description: string, amounts: readonly [Account, Decimal][]): JournalEntry {
  const lines: JournalLine[] = [];
  let net = ZERO;
  for (const [account, amount] of amounts) {
    if (amount.isZero()) continue;
    net = net.plus(amount);
    lines.push(amount.isPositive() ? { account, debit: amount, credit: ZERO } : { account, debit: ZERO, credit: amount.negated() });
  }
  if (!net.isZero()) throw new Error(`Unbalanced journal "${description}": off by ${net.toString()}.`);
  return { period, date, description, lines };
}

/**
 * The lessee's journal entries as data: commencement; each period's interest and payment; its
 * depreciation (or, for an ASC 842 operating lease, the single lease cost with the asset's
 * amortisation); a remeasurement. Every entry balances (debits = credits); an entry with nothing to
 * post is left out.
 */
export function lesseeJournal(accounting: LeaseAccounting): JournalEntry[] {
  const { measurement: m, rows, standard } = accounting;
  const start = m.terms.startDate;
  const out: JournalEntry[] = [];
  if (standard === "short-term") {
    for (const row of rows) {
      const cash = row.period === 1 ? row.payment.plus(m.initialDirectCosts).minus(m.incentives) : row.payment;
      const accruedChange = row.leaseCost.minus(cash);
      const e = entry(row.period, row.end, "Short-term lease expense, straight-line", [
        ["Short-term lease expense", row.leaseCost],
        ["Accrued rent", accruedChange.negated()],
        ["Cash", cash.negated()],
      ]);
      if (e.lines.length > 0) out.push(e);
    }
    return out;
  }
  out.push(
    entry(0, start, "Commencement: right-of-use asset and lease liability", [
      ["Right-of-use asset", m.rouAsset],
      ["Lease liability", m.liability.negated()],
      ["Cash", m.paidAtCommencement.plus(m.initialDirectCosts).minus(m.incentives).negated()],
    ]),
  );
  for (const row of rows) {
    const push = (e: JournalEntry) => {
      if (e.lines.length > 0) out.push(e);
    };
    if (standard === "asc842-operating") {
      push(
        entry(row.period, row.end, "Operating lease cost, straight-line; liability accretion and payment; asset amortisation", [
          ["Operating lease cost", row.leaseCost],
          ["Lease liability", row.paymentToLiability.minus(row.interest)],
          ["Right-of-use asset", row.rouReduction.negated()],
          ["Cash", row.paymentToLiability.negated()],
        ]),
      );
    } else {
      push(
        entry(row.period, row.end, "Interest on the lease liability and payment", [
          ["Interest expense", row.interest],
          ["Lease liability", row.paymentToLiability.minus(row.interest)],
          ["Cash", row.paymentToLiability.negated()],
        ]),
      );
      push(
        entry(row.period, row.end, "Depreciation of the right-of-use asset", [
          ["Depreciation expense", row.rouReduction],
          ["Right-of-use asset", row.rouReduction.negated()],
        ]),
      );
    }
    if (!row.liabilityRemeasurement.isZero()) {
      push(
        entry(row.period, row.end, "Remeasurement of the lease liability on notice", [
          ["Lease liability", row.liabilityRemeasurement.negated()],
          ["Right-of-use asset", row.rouRemeasurement],
          ["Gain on remeasurement", row.remeasurementGain.negated()],
        ]),
      );
    }
  }
  return out;
}

/** The lessor's operating-lease entries: cash received, straight-line income, accrued or deferred rent. */
export function lessorJournal(rows: readonly LessorRow[]): JournalEntry[] {
  let previous = ZERO;
  return rows.map((row) => {
    const change = row.accruedRent.minus(previous);
    previous = row.accruedRent;
    return entry(row.period, row.end, "Operating lease income, straight-line", [
      ["Cash", row.receipt],
      ["Accrued rent receivable", change],
      ["Lease income", row.income.negated()],
    ]);
  });
}
