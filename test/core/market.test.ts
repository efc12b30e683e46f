import {
  breakevenPrices,
  buildSchedule,
  curveFromPoints,
  curveOfOwnPoints,
  exitOption,
  exitOutcome,
  flatCurve,
  forwardPrice,
  forwardsFromTerms,
  marketCurve,
  markToMarket,
  totalValue,
  validateTerms,
} from "../../src/core";

// Serials (1900 system): 2026-01-01 = 46023 (2026-07-01 = 46204 less Jan–Jun, 181 days); 2026-12-31 = 46387.
const JAN_2026 = 46023;
const DEC_2026 = 46387;

describe("the market curve", () => {
  it("reads linearly between points and flat outside them", () => {
    // $3.00 on 2026-01-01, $2.00 on 2027-01-01 (365 days later)
    const curve = curveFromPoints([{ date: JAN_2026, price: 3 }, { date: JAN_2026 + 365, price: 2 }]);
    expect(forwardPrice(curve, JAN_2026 - 100)).toBe(3);
    expect(forwardPrice(curve, JAN_2026 + 73)).toBeCloseTo(2.8, 12); // 3 − 73/365 = 3 − 0.2
    expect(forwardPrice(curve, JAN_2026 + 1000)).toBe(2);
    expect(forwardPrice(flatCurve(2.5), 1)).toBe(2.5);
  });

  it("refuses dates out of order and negative prices", () => {
    expect(() => curveFromPoints([{ date: 5, price: 1 }, { date: 5, price: 2 }])).toThrow(/ascending/);
    expect(() => curveFromPoints([{ date: 5, price: -1 }])).toThrow(/negative/);
    expect(() => curveFromPoints([])).toThrow(/empty/);
    expect(() => curveFromPoints([{ date: 5, price: 1 }, { date: 6, price: 1e9 }])).toThrow(/Curve row 2: a price per GPU-hour must be below 1,000,000,000/);
    expect(() => curveOfOwnPoints([{ date: 5, price: 1 }, { date: 6, price: -0.01 }])).toThrow(/Curve row 2: a price per GPU-hour cannot be negative/);
    expect(() => curveOfOwnPoints([{ date: 6, price: 1 }, { date: 5, price: 2 }])).toThrow(/row 2 \(1900-01-05\) is not after row 1/);
  });

  it("keeps a curve's own points as they are, and copies points handed in", () => {
    const points = [{ date: 5, price: 1 }, { date: 6, price: 2 }];
    expect(curveOfOwnPoints(points).points).toBe(points);
    expect(curveFromPoints(points).points).not.toBe(points);
    expect(curveFromPoints(points).points).toEqual(points);
  });

  it("MARKET_CURVE falls by the annual decline: $2.00 at 25% a year is $1.50 after 12 months, 2 × √0.75 = 1.7320508 after 6", () => {
    const curve = marketCurve(2, JAN_2026, 0.25, 13);
    expect(curve.points).toHaveLength(13);
    expect(curve.points[12]).toEqual({ date: JAN_2026 + 365, price: 1.5 });
    expect(curve.points[6].date).toBe(46204); // 2026-07-01
    expect(curve.points[6].price).toBeCloseTo(1.7320508, 7);
  });

  it("FORWARDS_FROM_TERMS: 12 months at $7.20 and 36 at $5.40 imply (5.40 × 36 − 7.20 × 12) / 24 = $4.50 for months 13–36", () => {
    const curve = forwardsFromTerms([{ months: 36, rate: 5.4 }, { months: 12, rate: 7.2 }], JAN_2026);
    // 2027-01-01 = 46388; 2029-01-01 = 47119 (365 + 366 for 2028)
    expect(curve.points).toEqual([
      { date: JAN_2026, price: 7.2 },
      { date: 46387, price: 7.2 },
      { date: 46388, price: 4.5 },
      { date: 47118, price: 4.5 },
    ]);
    expect(forwardPrice(curve, 46200)).toBe(7.2);
    expect(forwardPrice(curve, 46388 + 400)).toBe(4.5);
    expect(() => forwardsFromTerms([{ months: 12, rate: 7.2 }, { months: 24, rate: 2 }], JAN_2026)).toThrow(/negative price/);
  });
});

describe("mark to market", () => {
  // $3.00 a GPU-hour for 1,000 GPUs: 3 × 730 × 1,000 = 2,190,000 a month.
  const terms = validateTerms({ startDate: JAN_2026, endDate: DEC_2026, payment: 2_190_000 });
  const basis = { gpus: 1000, hoursPerMonth: 730, discountRate: 0 };

  it("golden: 12 months × 730 h × 1,000 GPUs × ($3.00 − $2.00) = 8,760,000 at 0%", () => {
    expect(markToMarket(terms, basis, flatCurve(2)).toString()).toBe("8760000");
  });

  it("is the tenant's loss: negative when the market is above the contract (12 × 730,000 × −0.50 = −4,380,000)", () => {
    expect(markToMarket(terms, basis, flatCurve(3.5)).toString()).toBe("-4380000");
  });

  it("counts only payments after as_of: at the close of 2026-06-30 six months remain, 6 × 730,000 = 4,380,000", () => {
    expect(markToMarket(terms, basis, flatCurve(2), 46203).toString()).toBe("4380000");
  });

  it("discounts as XNPV from as_of: one month paid the next day at 10% is 730,000 × 1.1^(−1/365) = 729,809.40", () => {
    const one = validateTerms({ startDate: JAN_2026, endDate: JAN_2026 + 30, payment: 2_190_000 });
    // 1.1^(−1/365) = exp(−0.0953101798/365) = exp(−0.000261123780) = 0.99973891031; × 730,000 = 729,809.405
    expect(markToMarket(one, { ...basis, discountRate: 0.1 }, flatCurve(2)).toFixed(2)).toBe("729809.40");
  });
});

describe("break-even prices", () => {
  // 24 months (2026-01-01 to 2027-12-31 = 46752) at $3.00 for 1,000 GPUs, lock-in 12 months, no
  // notice period: the first notice is 2027-01-01 (46388 = 46023 + 365) and exits then, forgoing
  // 12 × 2,190,000 = 26,280,000 for 12 × 730,000 = 8,760,000 GPU-hours.
  const terms = validateTerms({ startDate: JAN_2026, endDate: 46752, payment: 2_190_000, lockInMonths: 12 });
  const basis = { gpus: 1000, hoursPerMonth: 730, discountRate: 0 };

  it("without costs or a fee, both parties are indifferent at the contract price", () => {
    const rows = breakevenPrices(terms, basis, 0, 0);
    expect(rows).toHaveLength(12); // notice on 2027-01-01 … 2027-12-01
    expect(rows[0]).toEqual({ noticeDate: 46388, exitDate: 46388, tenantBelow: 3, providerAbove: 3 });
  });

  it("switching costs and the fee widen the band: (26,280,000 − 438,000 − 876,000) / 8,760,000 = 2.85; (26,280,000 + 438,000 + 1,752,000) / 8,760,000 = 3.25", () => {
    const withFee = validateTerms({ startDate: JAN_2026, endDate: 46752, payment: 2_190_000, lockInMonths: 12, terminationFee: 438_000 });
    const [first] = breakevenPrices(withFee, basis, 876_000, 1_752_000);
    expect(first.tenantBelow).toBe(2.85);
    expect(first.providerAbove).toBe(3.25);
  });
});

describe("exit options on the lattice", () => {
  // The seed: 2026-07-01 to 2029-12-31, 150,000,000 a month, lock-in 3 months, 90 days' notice.
  // 100,000 GPUs: the contract price is 150,000,000 / 100,000 / 730 = $2.0547945 a GPU-hour.
  const seed = { startDate: 46204, endDate: 47483, payment: 150_000_000, lockInMonths: 3, noticeDays: 90 };
  const terms = validateTerms(seed);
  const basis = { gpus: 100_000, hoursPerMonth: 730, discountRate: 0.08 };
  const price = 150_000_000 / 100_000 / 730;
  const contractValue = totalValue(buildSchedule(terms)).toNumber(); // CONTRACT_VALUE: 6,300,000,000
  const exitValue = exitOutcome(terms).value.toNumber(); // EXIT_VALUE: 900,000,000

  it("volatility 0, market at the contract price, positive switching costs: no one leaves", () => {
    const r = exitOption({ terms, basis, curve: flatCurve(price), volatility: 0, tenantSwitchingCost: 1e6, providerSwitchingCost: 1e6 });
    expect(r.expectedPayments.toNumber()).toBe(contractValue);
    expect(contractValue).toBe(6_300_000_000);
    expect([r.tenantOption, r.providerOption, r.tenantOwn, r.providerOwn]).toEqual([0, 0, 0, 0]);
    expect(r.probabilityEarly).toBe(0);
    expect(r.expectedExitDate).toBe(47484);
  });

  it("volatility 0, market at half the contract price: the tenant leaves at the first opportunity (EXIT_VALUE)", () => {
    const r = exitOption({ terms, basis, curve: flatCurve(price / 2), volatility: 0, tenantSwitchingCost: 1e6, providerSwitchingCost: 1e6 });
    expect(r.expectedPayments.toNumber()).toBe(exitValue);
    expect(exitValue).toBe(900_000_000);
    expect(r.probabilityTenant).toBe(1);
    expect(r.months[0].tenantNotice).toBe(1);
    expect(r.expectedExitDate).toBe(46386); // 2026-10-01 + 90 days = 2026-12-30
    expect(r.tenantOwn).toBeGreaterThan(0);
  });

  it("with a fee, the tenant's early exit owes EXIT_VALUE with the fee", () => {
    const withFee = validateTerms({ ...seed, terminationFee: 50_000_000 });
    const r = exitOption({ terms: withFee, basis, curve: flatCurve(price / 2), volatility: 0 });
    expect(r.expectedPayments.toNumber()).toBe(exitOutcome(withFee).value.toNumber());
    expect(r.expectedPayments.toNumber()).toBe(950_000_000);
  });

  it("volatility 0, market at twice the contract price, a small provider cost: the provider leaves at the first opportunity", () => {
    const r = exitOption({ terms, basis, curve: flatCurve(price * 2), volatility: 0, tenantSwitchingCost: 1e6, providerSwitchingCost: 1e5 });
    expect(r.expectedPayments.toNumber()).toBe(exitValue);
    expect(r.probabilityProvider).toBe(1);
    expect(r.providerOwn).toBeGreaterThan(0);
  });

  // An illustrative falling market: spot at the contract price, 25% a year lower.
  const falling = marketCurve(price, 46204, 0.25, 48);
  const costs = { tenantSwitchingCost: 200_000_000, providerSwitchingCost: 200_000_000 };

  it("each party's own right is worth at least 0 and does not fall as volatility rises", () => {
    let previous = { tenant: 0, provider: 0 };
    for (const volatility of [0, 0.1, 0.2, 0.4, 0.8, 1.5]) {
      const r = exitOption({ terms, basis, curve: falling, volatility, ...costs });
      expect(r.tenantOwn).toBeGreaterThanOrEqual(previous.tenant);
      expect(r.providerOwn).toBeGreaterThanOrEqual(previous.provider);
      previous = { tenant: r.tenantOwn, provider: r.providerOwn };
    }
    expect(previous.provider).toBeGreaterThan(0);
    expect(previous.tenant).toBeGreaterThan(0);
  });

  it("under joint play the expected payments lie between EXIT_VALUE and CONTRACT_VALUE, and the probabilities add up", () => {
    for (const volatility of [0, 0.3, 0.6]) {
      const r = exitOption({ terms, basis, curve: falling, volatility, ...costs });
      expect(r.expectedPayments.toNumber()).toBeGreaterThanOrEqual(exitValue);
      expect(r.expectedPayments.toNumber()).toBeLessThanOrEqual(contractValue);
      const noticed = r.months.reduce((sum, m) => sum + m.tenantNotice + m.providerNotice, 0);
      expect(noticed).toBeCloseTo(r.probabilityEarly, 9);
      expect(r.probabilityTenant + r.probabilityProvider).toBeCloseTo(r.probabilityEarly, 9);
    }
  });

  it.each([
    ["flat at the contract price", flatCurve(price)],
    ["falling 10% a year", marketCurve(price, 46204, 0.1, 48)],
  ])("refining the lattice (twice the default steps) moves each option value by under 0.5%: market %s", (_name, curve) => {
    const coarse = exitOption({ terms, basis, curve, volatility: 0.4, ...costs });
    const fine = exitOption({ terms, basis, curve, volatility: 0.4, ...costs, stepsPerMonth: 16 });
    for (const key of ["tenantOption", "providerOption", "tenantOwn", "providerOwn"] as const) {
      expect(Math.abs(coarse[key])).toBeGreaterThan(1e8); // a real option, not noise
      expect(Math.abs(fine[key] - coarse[key]) / Math.abs(fine[key])).toBeLessThan(0.005);
    }
  });
});
