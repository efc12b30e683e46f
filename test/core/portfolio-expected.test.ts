/**
 * One expected model: the portfolio's Expected (BACKLOG, PORTFOLIO) and EXPECTED_VALUE
 * (valueBridge.expectedValue) share the notice opportunities and stop rule (noticeExits), the weights
 * (noticeWeights), the proration of a cut period (prorate) and the fee weighting. The proof: for
 * random single-deal registers with as_of = the deal's start, the years of BACKLOG's Expected add up
 * to EXPECTED_VALUE — to the cent, but for the per-year rounding: BACKLOG rounds each year to the cent
 * and EXPECTED_VALUE the total once, so the two may differ by at most half a cent per year plus half a
 * cent (|Σ round(E_y) − round(Σ E_y)| ≤ 0.005 × years + 0.005); the test asserts that bound and that
 * most deals agree exactly.
 */
import { Decimal, dealBacklog, expectedValue, noticeExits, noticeWeights, readRegister } from "../../src/core";
import { RANDOM_HEADER, randomRow, randomSource } from "../support/randomRegister";

const NOTICE_DATE = RANDOM_HEADER.indexOf("Notice date");
const PROBABILITY = RANDOM_HEADER.indexOf("Annual exit probability");

test("for 400 random single-deal registers (as_of = start), Σ years of Expected = EXPECTED_VALUE within the per-year rounding bound", () => {
  const rand = randomSource(424242);
  let exact = 0;
  let deals = 0;
  let worst = 0;
  while (deals < 400) {
    const row = randomRow(rand, { ramps: true });
    row[NOTICE_DATE] = ""; // a given notice date is notice served: expected = committed (EXPECTED_VALUE has no notice date)
    row[PROBABILITY] = String([0.05, 0.2, 0.5, 0.9, 0.999][deals % 5]);
    let deal;
    try {
      deal = readRegister([RANDOM_HEADER, row]).deals[0];
    } catch {
      continue;
    }
    deals++;
    const backlog = dealBacklog(deal, { asOf: deal.terms.startDate - 1 });
    const years = backlog.expected.length;
    const ev = expectedValue(deal.terms, new Decimal(deal.exitProbability));
    const gap = backlog.totalExpected.minus(ev).abs().toNumber();
    worst = Math.max(worst, gap);
    expect({ row, gap: gap <= 0.005 * years + 0.005 + 1e-9 }).toEqual({ row, gap: true });
    if (gap === 0) exact++;
  }
  expect(exact).toBeGreaterThan(deals * 0.5);
  // The worst case seen, for the record (the bound above is what is promised).
  expect(worst).toBeLessThanOrEqual(0.05);
});

test("the two share one set of notice opportunities and weights", () => {
  const deal = readRegister(
    [RANDOM_HEADER, ["A", "2026-07-31", "2029-12-30", "150000000", "", "", "", "actual", "3", "", "90", "", "", "1000", "", "0.2"]],
  ).deals[0];
  const { exits, notices } = noticeExits(deal.terms);
  expect(notices[0]).toBe(46326); // 2026-10-31, the lock-in's end
  expect(notices[1]).toBe(46356); // 2026-11-30: EDATE from the first date, never chained
  expect(exits[0]).toBe(46326 + 90);
  const { q, stay } = noticeWeights(new Decimal("0.2"));
  expect(1 - stay ** 12).toBeCloseTo(0.2, 14);
  expect(q + stay).toBeCloseTo(1, 15);
});
