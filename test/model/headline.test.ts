/**
 * The headline's $/GPU-hour comes from the core's gpuHourRate: monthly-equivalent payment ÷ GPUs ÷
 * hours a month, at the peak rate.
 */
import { gpuHourRate } from "../../src/core";
import { computeHeadline } from "../../src/model/headline";
import { withOverrides } from "../../src/model/overrides";
import { GOOGLE_SPACEX_STYLE, GPU_CAPACITY_LEASE, REFLECTION_SPACEX } from "../../src/model/templates";

describe("implied $/GPU-hour in the headline figures", () => {
  it("monthly: 920,000,000 ÷ 110,000 GPUs ÷ 730 hours = 11.457036…", () => {
    expect(computeHeadline(GOOGLE_SPACEX_STYLE).gpuHourRate!.toFixed(6)).toBe("11.457036");
  });

  it("quarterly with 3% escalation: peak 120,000,000 × 1.03^4 = 135,061,057.20 a quarter; ÷ 3 ÷ 20,000 ÷ 730 = 3.083586", () => {
    const headline = computeHeadline(GPU_CAPACITY_LEASE);
    expect(headline.gpuHourRate!.toFixed(6)).toBe("3.083586");
    // The same figure as GPU_HOUR_RATE on the peak payment: one formula.
    expect(headline.gpuHourRate!.eq(gpuHourRate("135061057.20", 20_000, "quarterly", 730))).toBe(true);
  });

  it("no GPU count, or one of zero or less, gives no figure (as the sheet says 'GPU count not disclosed')", () => {
    expect(computeHeadline(REFLECTION_SPACEX).gpuHourRate).toBeNull();
    expect(computeHeadline(withOverrides(REFLECTION_SPACEX, { gpuCount: -5 })).gpuHourRate).toBeNull();
    // 150,000,000 ÷ 100,000 ÷ 730 = 2.054795
    expect(computeHeadline(withOverrides(REFLECTION_SPACEX, { gpuCount: 100_000 })).gpuHourRate!.toFixed(6)).toBe("2.054795");
  });
});
