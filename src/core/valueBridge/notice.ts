/**
 * The notice months: notice served on the earliest permitted day, then on each monthly
 * anniversary of it, while the exit it gives lies within the term.
 */
import { addMonths, DateSystem, dateToSerial, Serial, serialToDate } from "../dates";
import { Decimal } from "../money";
import { buildSchedule, Period } from "../schedule";
import { exitDate } from "../termination";
import { ContractTerms, earliestNoticeDate, lockInEnd } from "../terms";
import { owedInPeriod } from "./owed";

export interface NoticeMonth {
  /** 0 for the earliest permitted notice date, k for its k-th monthly anniversary. */
  readonly index: number;
  readonly noticeDate: Serial;
  /** The exit that notice gives: always within the term (an early exit). */
  readonly exitDate: Serial;
  /** Owed up to that exit, fee included: EXIT_VALUE with that notice date. */
  readonly value: Decimal;
}

/**
 * The notice opportunities and the exits they give — the one rule of {@link expectedValue} and the
 * portfolio's expected figure (portfolio.ts): notice served on `first` (default: the earliest
 * permitted notice date), then on each monthly anniversary of it (EDATE from that date, never
 * chained), while the exit it gives ({@link exitDate}: notice + notice days, no earlier than the
 * lock-in's end) lies within the term. Money is not touched: integer date arithmetic per month.
 *
 * @example
 * noticeExits(seedTerms).exits.length // 37: notice 2026-10-01 … 2029-10-01
 */
export function noticeExits(terms: ContractTerms, first: Serial = earliestNoticeDate(terms)): { readonly notices: Serial[]; readonly exits: Serial[] } {
  const system: DateSystem = terms.dateSystem;
  const firstDate = serialToDate(first, system);
  // One copy of the terms whose notice date moves month by month: no allocation per month. Its
  // lock-in is given by its last day (the same lock-in end), so exitDate need not redo EDATE each month.
  const termination: { -readonly [K in keyof ContractTerms["termination"]]: ContractTerms["termination"][K] } = {
    ...terms.termination,
    lockInLastDay: lockInEnd(terms) - 1,
  };
  const probe: ContractTerms = { ...terms, termination };
  const notices: Serial[] = [];
  const exits: Serial[] = [];
  for (let k = 0; ; k++) {
    const noticeDate = k === 0 ? first : dateToSerial(addMonths(firstDate, k, system), system);
    if (noticeDate > terms.endDate) break;
    termination.noticeDate = noticeDate;
    const exit = exitDate(probe);
    if (exit > terms.endDate) break; // exits never move earlier as notice moves later
    notices.push(noticeDate);
    exits.push(exit);
  }
  return { notices, exits };
}

/**
 * Walks the notice months (see {@link noticeExits}) without touching money: for each, its index,
 * notice date, exit date and the number of periods begun before the exit. Returns how many there are.
 * O(1) a month: exits never move earlier as notice moves later, so the period pointer only advances.
 */
export function walkNoticeMonths(
  terms: ContractTerms,
  schedule: readonly Period[],
  visit: (index: number, noticeDate: Serial, exit: Serial, begun: number) => void,
): number {
  const { notices, exits } = noticeExits(terms);
  let begun = 0;
  exits.forEach((exit, k) => {
    while (begun < schedule.length && schedule[begun].start < exit) begun++;
    visit(k, notices[k], exit, begun);
  });
  return exits.length;
}

/**
 * The months in which notice may be served: on the earliest permitted notice date, then on each
 * monthly anniversary of it (EDATE from that date, never chained, so a 31st becomes the 30th or
 * 28th/29th of shorter months), as long as the exit it gives is within the term (on or before the end
 * date). Empty when the contract cannot end early. O(1) per month after the schedule is built: each
 * value is the cumulative payment before the last period begun, plus what that period owes.
 *
 * @example
 * // Seed: notice 2026-10-01 … 2029-10-01, 37 months; the first exits on 2026-12-30 owing 900,000,000
 * noticeMonths(seedTerms).length // 37
 */
export function noticeMonths(terms: ContractTerms, schedule: readonly Period[] = buildSchedule(terms)): NoticeMonth[] {
  const months: NoticeMonth[] = [];
  const fee = terms.termination.fee;
  walkNoticeMonths(terms, schedule, (index, noticeDate, exit, begun) => {
    let owed = fee;
    if (begun > 0) {
      owed = owed.plus(owedInPeriod(terms, schedule[begun - 1], exit));
      if (begun > 1) owed = owed.plus(schedule[begun - 2].cumulative);
    }
    months.push({ index, noticeDate, exitDate: exit, value: owed });
  });
  return months;
}
