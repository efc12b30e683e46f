/**
 * The provider's and the lender's economics (issue 18), against figures worked by hand (the working
 * in the comments) and an XIRR written here independently of the core's.
 */
import {
  capacity,
  collateralAtDrawdown,
  debtCapacity,
  debtMonths,
  edate,
  exitProbabilities,
  exitShares,
  gpuHourRate,
  gpusAtPrice,
  gpusOf,
  lenderView,
  repaymentPath,
  straightLineValue,
  monthsBetween,
  paybackMonth,
  providerAssumptionsOf,
  providerEconomics,
  validateTerms,
  xirr,
  xnpv,
  type DatedFlow,
  type ProviderAssumptions,
} from "../../src/core";
import { withOverrides } from "../../src/model/overrides";
import { GPU_CAPACITY_LEASE, PROVIDER_VIEWS, REFLECTION_SPACEX, REFLECTION_SPACEX_PROVIDER } from "../../src/model/templates";

/** An independent XIRR: Excel's definition Σ v (1 + r)^(−days/365) = 0, solved by bisection in plain arithmetic. */
function referenceXirr(flows: readonly { date: number; amount: number }[]): number {
  const value = (r: number) => flows.reduce((s, f) => s + f.amount / (1 + r) ** ((f.date - flows[0].date) / 365), 0);
  let lo = -0.99;
  let hi = 100;
  for (let i = 0; i < 300; i++) {
    const mid = (lo + hi) / 2;
    if (value(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe("capacity (issue 18 §1)", () => {
  it("gives the GPUs and racks behind 150,000,000 a month at $5.00 a GPU-hour", () => {
    // By hand: 150,000,000 ÷ (730 h × 5.00) = 150,000,000 ÷ 3,650 = 41,095.890…; ÷ 72 a rack = 570.776… racks.
    const c = capacity({ payment: 150_000_000, frequency: "monthly", pricePerGpuHour: 5, gpusPerRack: 72, kwPerRack: 135, pue: 1.2 });
    expect(c.gpus).toBeCloseTo(41_095.89, 2);
    expect(c.racks).toBeCloseTo(570.78, 2);
    // 570.776… × 135 kW = 77,054.79 kW IT; × 1.2 = 92,465.75 kW facility; × 730 h ÷ 1,000 = 67,500 MWh a month
    // (exactly: 150e6 ÷ 3,650 ÷ 72 × 135 × 1.2 × 730 ÷ 1,000 = 150e6 × 135 × 1.2 ÷ (5 × 72 × 1,000) = 67,500).
    expect(c.itLoadKw).toBeCloseTo(77_054.79, 2);
    expect(c.facilityLoadKw).toBeCloseTo(92_465.75, 2);
    expect(c.energyMwhPerMonth).toBeCloseTo(67_500, 6);
    // Revenue per IT MW-year: 150e6 × 12 ÷ 77.05479 MW = 23,360,000 (= 1.8e9 × 5 × 72 ÷ 135 ÷ 1,000 × 1,000 ÷ 0.73… by hand:
    // 1,800,000,000 ÷ 77.0547945 = 23,360,000.0); per IT kW-month: 150e6 ÷ 77,054.79 = 1,946.67.
    expect(c.revenuePerMwYear).toBeCloseTo(23_360_000, 2);
    expect(c.revenuePerKwMonth).toBeCloseTo(1_946.67, 2);
  });

  it("gives the price from the GPUs with GPU_HOUR_RATE's one formula, and leaves figures without their assumption not given", () => {
    // 150,000,000 ÷ 100,000 GPUs ÷ 730 h = 2.0548 a GPU-hour, as gpuHourRate (the repository's one formula).
    const c = capacity({ payment: 150_000_000, frequency: "monthly", gpus: 100_000 });
    expect(c.pricePerGpuHour).toBeCloseTo(2.054795, 6);
    expect(c.pricePerGpuHour).toBeCloseTo(gpuHourRate(150_000_000, 100_000, "monthly", 730).toNumber(), 12);
    expect(c.racks).toBeNull();
    expect(c.energyMwhPerMonth).toBeNull();
    // A quarterly 450,000,000 is 150,000,000 a month: the same GPUs.
    expect(gpusAtPrice(450_000_000, "quarterly", 5)).toBeCloseTo(41_095.89, 2);
    expect(() => capacity({ payment: 1, frequency: "monthly" })).toThrow("either the GPU count or the price");
    expect(() => capacity({ payment: 1, frequency: "monthly", gpus: 1, pue: 0.9 })).toThrow("PUE must be at least 1");
  });
});

describe("returns on dated flows", () => {
  it("XIRR and XNPV follow Excel's definition: 365-day years from the first date", () => {
    // −100 on 2026-07-01, +110 on 2027-07-01 (365 days): 10%.
    const flows = [{ date: 46204, amount: -100 }, { date: 46569, amount: 110 }];
    expect(xirr(flows)).toBeCloseTo(0.1, 10);
    expect(xnpv(0.1, flows)).toBeCloseTo(0, 10);
    // An irregular case against the independent solver.
    const messy = [{ date: 46204, amount: -1000 }, { date: 46250, amount: 300 }, { date: 46400, amount: 420 }, { date: 46700, amount: 500 }];
    expect(xirr(messy)).toBeCloseTo(referenceXirr(messy), 9);
    expect(() => xirr([{ date: 46204, amount: 100 }, { date: 46569, amount: 110 }])).toThrow("both a payment out and a receipt");
  });

  it("counts the payback month from the start", () => {
    const starts = [46204, 46235, 46266, 46296];
    // −100 then +40 a month (the first on the start day): −60, −20, +20 → the third month.
    const flows: DatedFlow[] = [{ date: 46204, amount: -100 }, { date: 46204, amount: 40 }, { date: 46235, amount: 40 }, { date: 46266, amount: 40 }];
    expect(paybackMonth(flows, starts)).toBe(3);
    expect(paybackMonth(flows.slice(0, 3), starts)).toBeNull();
  });
});

describe("debt capacity (issue 18 §3)", () => {
  // Month-ends from 2026-07-31 (EDATE from the 31st keeps month-ends): t = 1, 2, 3, … months.
  const monthEnds = (n: number) => Array.from({ length: n }, (_, k) => edate(46234, k));
  const cfads = (n: number) => Array<number>(n).fill(97_500_000); // 65% of 150,000,000

  it("sizes 6 firm months and 42 months of CFADS at DSCR 1.30 and 10% a year (the issue's golden figures)", () => {
    // Debt service a month = 97,500,000 ÷ 1.30 = 75,000,000; r = 0.10 ÷ 12 = 0.0083333…
    // 6 months: 75,000,000 × (1 − 1.0083333^−6) ÷ 0.0083333 = 75,000,000 × 5.828823838… = 437,161,287.69
    //   (1.0083333^6 = 1.0510533…, 1 − 1 ÷ 1.0510533 = 0.0485735…, ÷ 0.0083333 = 5.82882…).
    // 42 months: 75,000,000 × (1 − 1.0083333^−42) ÷ 0.0083333 = 75,000,000 × 35.3147007… = 2,648,602,552.79.
    // The 90-day exit clause (6 firm months of 42) cuts debt capacity by 2,648.6 ÷ 437.2 = 6.06 times.
    const six = debtCapacity({ cfads: cfads(6), dates: monthEnds(6), dscr: 1.3, annualRate: 0.1 });
    const all = debtCapacity({ cfads: cfads(42), dates: monthEnds(42), dscr: 1.3, annualRate: 0.1 });
    expect(six).toEqual({ amount: 437_161_287.69, sculpted: 437_161_287.69, ltvLimit: null, binding: "DSCR" });
    expect(all.amount).toBe(2_648_602_552.79);
    expect(all.amount / six.amount).toBeCloseTo(6.06, 2);
  });

  it("takes the smaller of the sculpted amount and LTV × collateral, and says which binds", () => {
    const six = { cfads: cfads(6), dates: monthEnds(6), dscr: 1.3, annualRate: 0.1 };
    // 70% × 500,000,000 = 350,000,000 < 437,161,287.69: the collateral binds.
    expect(debtCapacity({ ...six, ltv: 0.7, collateral: 500_000_000 })).toEqual({ amount: 350_000_000, sculpted: 437_161_287.69, ltvLimit: 350_000_000, binding: "LTV" });
    // 70% × 1,000,000,000 = 700,000,000 > the sculpted amount: the cash flow binds.
    expect(debtCapacity({ ...six, ltv: 0.7, collateral: 1e9 })).toMatchObject({ amount: 437_161_287.69, binding: "DSCR" });
    expect(() => debtCapacity({ ...six, ltv: 0.7 })).toThrow("or neither");
  });

  it("counts time in months from a drawdown one period before the first date; irregular dates by days in the month", () => {
    expect(debtMonths(monthEnds(3))).toEqual([1, 2, 3]);
    // Quarterly month-ends: 2026-09-30, 12-31, 2027-03-31 → 3, 6, 9 months (a month-end counts to month-ends).
    expect(debtMonths([46295, 46387, 46477])).toEqual([3, 6, 9]);
    // 2026-07-01 to 2026-07-16: 15 of July's 31 days.
    expect(monthsBetween(46204, 46219)).toBeCloseTo(15 / 31, 12);
    // Two quarterly CFADS of 130 at DSCR 1.3, 12% a year (1% a month): 100 ÷ 1.01^3 + 100 ÷ 1.01^6
    // = 100 ÷ 1.030301 + 100 ÷ 1.061520150601 = 97.059014 + 94.204524 = 191.26.
    expect(debtCapacity({ cfads: [130, 130], dates: [46295, 46387], dscr: 1.3, annualRate: 0.12 }).amount).toBe(191.26);
    // A single date: one month from the drawdown, 100 ÷ 1.01 = 99.01.
    expect(debtCapacity({ cfads: [130], dates: [46295], dscr: 1.3, annualRate: 0.12 }).amount).toBe(99.01);
    expect(() => debtCapacity({ cfads: [-1, 2], dates: [46234, 46265], dscr: 1.3, annualRate: 0.1 })).toThrow("negative");
  });
});

describe("the provider's economics (issue 18 §2)", () => {
  // A small case. 12 months from 2026-07-01 at 30,000 a month; lock-in 6 months, 30 days' notice:
  // notice on the first day gives an exit on max(2026-07-01 + 30, 2027-01-01) … the committed exit is
  // 2027-01-31 (exitDate), so the months begun before it, July to January, are owed: 7 months.
  const terms = validateTerms({ startDate: 46204, endDate: 46568, payment: 30_000, frequency: "monthly", lockInMonths: 6, noticeDays: 30 });
  // 10 GPUs at 60,000 = capex 600,000; one rack of 10 kW, PUE 1: 10 kW × 730 h = 7.3 MWh a month × 100 = 730
  // of power a month at full use; other opex 2% × 600,000 ÷ 12 = 1,000 a month; 3 years = 36 months;
  // residual 10% = 60,000 on 2029-06-30; re-let at 2.50 × 80% × 10 GPUs × 730 h = 14,600 a month after 2 months.
  const base: ProviderAssumptions = {
    gpus: 10, costPerGpu: 60_000, gpusPerRack: 10, kwPerRack: 10, pue: 1, powerPricePerMwh: 100, powerEscalation: 0,
    opexShareOfCapex: 0.02, usefulLifeYears: 3, residualValueShare: 0.1, releaseDowntimeMonths: 2, utilisation: 0.8,
    renewalProbability: 0.5, marketRatePerGpuHour: 2.5,
  };
  const start = 46204;
  const monthFlows = (ebitda: (m: number) => number) => [
    { date: start, amount: -600_000 },
    ...Array.from({ length: 36 }, (_, m) => ({ date: edate(start, m), amount: ebitda(m) })),
    { date: 47299, amount: 60_000 },
  ];

  it("as signed: the contract, then half renews and half is re-let after the downtime", () => {
    // Months 1–12: 30,000 − 730 − 1,000 = 28,270.
    // Months 13–14: renewed half 15,000 − 365 power − 1,000 = 13,635 (the re-let half is down).
    // Months 15–36: 15,000 + 7,300 re-let − (365 + 0.5 × 0.8 × 730 = 292) power − 1,000 = 20,643.
    const hand = (m: number) => (m < 12 ? 28_270 : m < 14 ? 13_635 : 20_643);
    const e = providerEconomics(terms, base, "signed", { discountRate: 0.1 });
    expect(e.capex.toNumber()).toBe(600_000);
    expect(e.residual.toNumber()).toBe(60_000);
    expect(e.months.map((r) => r.ebitda.toNumber())).toEqual(Array.from({ length: 36 }, (_, m) => hand(m)));
    // Depreciation (600,000 − 60,000) ÷ 36 = 15,000 a month.
    expect(e.months[0].depreciation.toNumber()).toBe(15_000);
    // Yield on cost: 12 × 28,270 ÷ 600,000 = 0.5654.
    expect(e.yieldOnCost).toBeCloseTo(0.5654, 12);
    // Payback: −600,000 + 12 × 28,270 + 2 × 13,635 = −233,490; 233,490 ÷ 20,643 = 11.3 → 12 more months: month 26.
    expect(e.paybackMonth).toBe(26);
    expect(e.irr!).toBeCloseTo(referenceXirr(monthFlows(hand)), 9);
    // Year 1 margin: 28,270 ÷ 30,000 = 0.94233…
    expect(e.years[0].margin).toBeCloseTo(0.942333, 6);
  });

  it("to the committed exit: 7 months, 2 months down, then re-let in full", () => {
    // Months 1–7: 28,270; 8–9: −1,000 (opex only); 10–36: 14,600 − 0.8 × 730 − 1,000 = 13,016.
    const hand = (m: number) => (m < 7 ? 28_270 : m < 9 ? -1_000 : 13_016);
    const e = providerEconomics(terms, base, "committed");
    expect(e.months.map((r) => r.ebitda.toNumber())).toEqual(Array.from({ length: 36 }, (_, m) => hand(m)));
    expect(e.irr!).toBeCloseTo(referenceXirr(monthFlows(hand)), 9);
    expect(e.npv).toBeNull();
  });

  it("expected: re-leasing after an exit raises the provider's IRR by what the hand-built flows give", () => {
    // The exits and their probabilities at 30% a year (exitProbabilities, the value bridge's weights):
    // five notice months, each exit early (no renewal, all re-let after 2 months), and no notice (the
    // natural end: half renews, half re-let). Per month, by hand from the shares:
    //   revenue = 30,000 × (under contract + renewed) + 14,600 × re-let,
    //   power = 730 × (under contract + renewed + 0.8 × re-let), EBITDA = revenue − power − 1,000.
    const odds = exitProbabilities(terms, 0.3);
    const served = (exit: number) => Array.from({ length: 36 }, (_, m) => edate(start, m)).filter((d) => d < exit).length;
    const scenarios = [
      ...odds.months.map((k) => ({ w: k.probability.toNumber(), served: served(k.exitDate), renew: 0 })),
      { w: odds.never.toNumber(), served: 12, renew: 0.5 },
    ];
    // Exits 2027-01-31, 03-03, 03-31, 05-01, 05-31 (notice + 30 days): months begun before each, from July:
    // 7 (to January), 9 (to March), 9, 10 (to April), 11 (to May); no notice: all 12.
    expect(odds.months.map((k) => k.exitDate)).toEqual([46418, 46449, 46477, 46508, 46538]);
    expect(scenarios.map((s) => s.served)).toEqual([7, 9, 9, 10, 11, 12]);
    const handEbitda = (releasing: boolean) => (m: number) => {
      let revenue = 0;
      let power = 0;
      for (const s of scenarios) {
        const onContract = m < s.served ? 1 : 0;
        const renewed = m >= s.served ? s.renew : 0;
        const relet = releasing && m >= s.served + 2 ? 1 - s.renew : 0;
        revenue += s.w * (30_000 * (onContract + renewed) + 14_600 * relet);
        power += s.w * 730 * (onContract + renewed + 0.8 * relet);
      }
      return revenue - power - 1_000;
    };
    const withReleasing = providerEconomics(terms, base, "expected", { annualExitProbability: 0.3 });
    // Without re-leasing: nothing re-let (utilisation 0), still half renewing at the natural end.
    const without = providerEconomics(terms, { ...base, utilisation: 0 }, "expected", { annualExitProbability: 0.3 });
    const handWith = referenceXirr(monthFlows(handEbitda(true)));
    const handWithout = referenceXirr(monthFlows(handEbitda(false)));
    expect(withReleasing.irr!).toBeCloseTo(handWith, 9);
    expect(without.irr!).toBeCloseTo(handWithout, 9);
    // The direction and size: re-leasing adds handWith − handWithout (about 24 points here).
    expect(withReleasing.irr! - without.irr!).toBeCloseTo(handWith - handWithout, 9);
    expect(withReleasing.irr! - without.irr!).toBeGreaterThan(0.2);
    // The expected IRR lies between the committed and the signed.
    const signed = providerEconomics(terms, base, "signed").irr!;
    const committed = providerEconomics(terms, base, "committed").irr!;
    expect(withReleasing.irr!).toBeGreaterThan(Math.min(signed, committed));
    expect(withReleasing.irr!).toBeLessThan(Math.max(signed, committed));
  });

  it("refuses assumptions not given, naming them, and needs re-leasing's only when the life outlasts the exit", () => {
    expect(() => providerEconomics(terms, { ...base, powerPricePerMwh: null, pue: undefined }, "signed")).toThrow("Not given: pue, power_price_per_mwh");
    expect(() => providerEconomics(terms, { ...base, marketRatePerGpuHour: null }, "signed")).toThrow("Not given: market_rate_per_gpu_hour");
    // A one-year life ends with the contract: no re-leasing needed.
    const noRelease = { ...base, usefulLifeYears: 1, marketRatePerGpuHour: null, utilisation: null, renewalProbability: null, releaseDowntimeMonths: null };
    expect(providerEconomics(terms, noRelease, "signed").months).toHaveLength(12);
    expect(() => providerEconomics(terms, base, "expected")).toThrow("Not given: annual_exit_probability");
  });

  it("takes the value bridge's expected SLA credits off the contract's revenue (issue 18 §2: an operating cost)", () => {
    // A 10% credit share: each month under contract loses 10% × 30,000 = 3,000: 28,270 − 3,000 = 25,270.
    // Renewed and re-let months carry no credits (the contract's SLA ends with it): as without credits.
    const hand = (m: number) => (m < 12 ? 25_270 : m < 14 ? 13_635 : 20_643);
    const e = providerEconomics(terms, { ...base, slaCreditShare: 0.1 }, "signed");
    expect(e.months.map((r) => r.ebitda.toNumber())).toEqual(Array.from({ length: 36 }, (_, m) => hand(m)));
    expect(e.months[0].slaCredits.toNumber()).toBe(3_000);
    // Year 1 revenue 12 × (30,000 − 3,000) = 324,000.
    expect(e.years[0].revenue.toNumber()).toBe(324_000);
    expect(() => providerEconomics(terms, { ...base, slaCreditShare: 1.5 }, "signed")).toThrow("SLA credit share");
  });

  it("reads a deal's SLA credit share from its value bridge: expected uptime against the tiers", () => {
    // The GPU lease's provider view expects 99.5% uptime: below the typical 99.9% tier (10%), not below 99% (25%).
    const lease = PROVIDER_VIEWS.find((t) => t.id.startsWith(GPU_CAPACITY_LEASE.id))!;
    expect(providerAssumptionsOf(lease).slaCreditShare).toBe(0.1);
    // The seed expects 99.9%: not below the 99.9% tier, no credit.
    expect(providerAssumptionsOf(REFLECTION_SPACEX_PROVIDER).slaCreditShare).toBe(0);
    // Its downside scenario expects 99.5%: 10%.
    expect(providerAssumptionsOf(withOverrides(REFLECTION_SPACEX_PROVIDER, { scenario: "downside" })).slaCreditShare).toBe(0.1);
  });

  it("puts the termination fee in the month of an early exit", () => {
    const withFee = validateTerms({ startDate: 46204, endDate: 46568, payment: 30_000, frequency: "monthly", lockInMonths: 6, noticeDays: 30, terminationFee: 50_000 });
    // The exit day 2027-01-31 is in month 7 (2027-01-01 to 01-31): 28,270 + 50,000 = 78,270.
    expect(providerEconomics(withFee, base, "committed").months[6].ebitda.toNumber()).toBe(78_270);
    expect(exitShares(46204, 4, 46266, true, 0.5, 1)).toEqual({ contract: [1, 1, 0, 0], renewed: [0, 0, 0.5, 0.5], relet: [0, 0, 0, 0.5], fee: [0, 0, 0, 0] });
  });
});

describe("the lender's view (issue 18 §3)", () => {
  // The seed: 2026-07-01 to 2029-12-31, 150,000,000 a month, lock-in 3 months, 90 days' notice: the
  // committed exit is 2026-12-30, so July to December (6 months) are firm; the contract runs 42 months.
  const seed = validateTerms({ startDate: 46204, endDate: 47483, payment: 150_000_000, frequency: "monthly", lockInMonths: 3, noticeDays: 90 });
  // Assumptions that leave CFADS = 65% of the payment, by hand: capex 100,000 GPUs × 63,000 = 6,300,000,000;
  // other opex 10% of it a year = 52,500,000 a month; power at 0 a MWh; EBITDA 150,000,000 − 52,500,000 = 97,500,000.
  const a: ProviderAssumptions = {
    gpus: 100_000, costPerGpu: 63_000, gpusPerRack: 72, kwPerRack: 135, pue: 1.2, powerPricePerMwh: 0, powerEscalation: 0,
    opexShareOfCapex: 0.1, usefulLifeYears: 4, residualValueShare: 0.1, releaseDowntimeMonths: 3, utilisation: 0.8,
    renewalProbability: 0, marketRatePerGpuHour: 1,
  };

  it("sizes the firm 6 months against the whole 42: the clause's cost in debt", () => {
    const view = lenderView(seed, a, { dscr: 1.3, annualRate: 0.1 });
    expect(view.firm.map((r) => r.cfads)).toEqual(Array(6).fill(97_500_000));
    expect(view.firm[0].date).toBe(46234); // 2026-07-31: debt service at the month's end
    // The golden figures worked above (debt capacity): 437,161,287.69 and 2,648,602,552.79.
    expect(view.toExit.amount).toBe(437_161_287.69);
    expect(view.toEnd.amount).toBe(2_648_602_552.79);
    expect(view.clauseCost).toBe(2_211_441_265.1);
    // LTV 5% of the collateral at drawdown (capex 6,300,000,000, spent at the start) = 315,000,000 binds.
    expect(lenderView(seed, a, { dscr: 1.3, annualRate: 0.1, ltv: 0.05 }).toExit).toMatchObject({ amount: 315_000_000, binding: "LTV" });
  });

  it("values the collateral at drawdown as the GPU capex (not the facility) on the residual-value curve", () => {
    // With an owned facility at 10,000,000 a MW the capex grows, the collateral does not: GPUs 100,000 × 63,000
    // = 6,300,000,000. Bought a year before the drawdown (2025-07-01 → 2026-07-01: 12 of 48 months), residual
    // 10%: 6,300,000,000 × (1 − 0.9 × 12 ÷ 48) = 6,300,000,000 × 0.775 = 4,882,500,000.
    const owned = { ...a, facilityCostPerMw: 10_000_000, capexDate: 45839 };
    const view = lenderView(seed, owned, { dscr: 1.3, annualRate: 0.1, ltv: 0.05 });
    expect(view.collateral).toBe(4_882_500_000);
    // LTV 5% of it = 244,125,000 binds (the cash flow, less the facility's opex, supports about 353 million).
    expect(view.toExit).toMatchObject({ amount: 244_125_000, binding: "LTV" });
    // Bought at the start: new, 6,300,000,000.
    expect(lenderView(seed, { ...a, facilityCostPerMw: 10_000_000 }, { dscr: 1.3, annualRate: 0.1, ltv: 0.05 }).collateral).toBe(6_300_000_000);
    expect(collateralAtDrawdown(2.1e9, 0.1, 60, 45839, 46204)).toBeCloseTo(1_722_000_000, 4);
  });

  it("counts a backstopped share of the later obligations as firm", () => {
    // Half of months 7–42 backstopped: 437,161,287.69 + ½ × (2,648,602,552.79 − 437,161,287.69)
    // = 437,161,287.69 + 1,105,720,632.55 = 1,542,881,920.24 (to a cent: each total is rounded once).
    const view = lenderView(seed, a, { dscr: 1.3, annualRate: 0.1, backstopShare: 0.5 });
    expect(view.firm).toHaveLength(42);
    expect(view.firm[6]).toMatchObject({ firmShare: 0.5, cfads: 48_750_000 });
    expect(Math.abs(view.toExit.amount - 1_542_881_920.24)).toBeLessThanOrEqual(0.01);
  });

  it("repays the sculpted amount exactly at a constant DSCR, and a level loan shows its DSCR and LTV path", () => {
    const view = lenderView(seed, a, { dscr: 1.3, annualRate: 0.1 });
    const cf = view.firm.map((r) => r.cfads);
    const dates = view.firm.map((r) => r.date);
    const sculpted = repaymentPath(view.toExit.amount, cf, dates, 0.1, "sculpted", 1.3);
    // 97,500,000 ÷ 1.3 = 75,000,000 each month; the first month's interest 437,161,287.69 × 0.1 ÷ 12 = 3,643,010.73.
    expect(sculpted[0].interest).toBeCloseTo(3_643_010.73, 2);
    for (const row of sculpted) expect(row.payment).toBeCloseTo(75_000_000, 1);
    expect(sculpted[5].closing).toBe(0);
    // Level on equal CFADS is the same payment; LTV on a straight-line collateral: capex 6,300,000,000 less
    // (6,300,000,000 − 630,000,000) ÷ 48 = 118,125,000 a month.
    const level = repaymentPath(view.toExit.amount, cf, dates, 0.1, "level", 1.3, (d) => straightLineValue(6.3e9, 6.3e8, 48, monthsBetween(46204, d + 1)));
    expect(level[0].payment).toBeCloseTo(75_000_000, 1);
    expect(Math.min(...level.map((r) => r.dscr!))).toBeCloseTo(1.3, 6);
    // After July: balance 437,161,287.69 + 3,643,010.73 − 75,000,000 = 365,804,298.42 on a collateral of
    // 6,300,000,000 − 118,125,000 = 6,181,875,000: LTV 0.059174…
    expect(level[0].ltv).toBeCloseTo(365_804_298.42 / 6_181_875_000, 9);
    expect(straightLineValue(600_000, 60_000, 36, 12)).toBe(420_000);
  });
});

describe("a deal's provider assumptions", () => {
  it("are the held values, the GPU count and hours a month; a template without them gives none", () => {
    const deal = withOverrides(REFLECTION_SPACEX, { terms: {}, gpuCount: 41_096, providerAssumptions: { costPerGpu: 60_000, pue: 1.2 } });
    expect(providerAssumptionsOf(deal)).toMatchObject({ gpus: 41_096, hoursPerMonth: 730, costPerGpu: 60_000, pue: 1.2, kwPerRack: null });
    expect(providerAssumptionsOf(REFLECTION_SPACEX).costPerGpu).toBeNull();
  });

  it("give the GPUs from the contract price per GPU-hour when the count is blank; the count wins when both are given", () => {
    const seed = validateTerms(REFLECTION_SPACEX_PROVIDER.terms);
    const a = providerAssumptionsOf(REFLECTION_SPACEX_PROVIDER);
    expect([a.gpus, a.contractPricePerGpuHour]).toEqual([null, 5]);
    // 150,000,000 ÷ (730 × 5.00) = 150,000,000 ÷ 3,650 = 41,095.890410958904…; × 60,000 = 2,465,753,424.66 of GPUs.
    expect(gpusOf(seed, a).toNumber()).toBeCloseTo(41_095.8904109589, 9);
    expect(providerEconomics(seed, a, "signed").gpuCapex.toFixed(2)).toBe("2465753424.66");
    expect(gpusOf(seed, { ...a, gpus: 40_000 }).toNumber()).toBe(40_000);
    expect(() => gpusOf(seed, { ...a, contractPricePerGpuHour: null })).toThrow("Not given: gpus (or contract_price_per_gpu_hour)");
  });
});
