import { argName, INPUT_NAMES, InputError, InputName, INPUTS, inputValue, readInputs } from "../../src/model/inputs";
import { overridesFromInputs, withOverrides } from "../../src/model/overrides";
import { GOOGLE_SPACEX_STYLE, GPU_CAPACITY_LEASE, REFLECTION_SPACEX } from "../../src/model/templates";

describe("INPUTS", () => {
  it("declares exactly the sheet's inputs, in sheet order", () => {
    // The order the model sheet's Inputs block has had since issue 1 (modelSheet.ts input(...) calls).
    expect(INPUTS.map((d) => d.name)).toEqual([
      "Provider", "Client", "Facility", "Hardware", "StartDate", "EndDate", "Payment", "Frequency", "Escalation",
      "Timing", "Proration", "LockInMonths", "LockInLastDay", "NoticeDays", "NoticeInLockIn", "NoticeDate",
      "TerminationFee", "DiscountRate", "FundingRaised", "Valuation", "UptimeTarget", "GpuCount", "HoursPerMonth",
      // Accounting judgements, after the deal's inputs.
      "IdentifiedAsset", "SubstitutionRight", "RightToDirectUse", "WhoMayTerminate", "SignificantPenalty", "ExplicitTermEnd",
      "ElectShortTerm", "InitialDirectCosts", "IncentivesReceived", "AccountingStandard", "NoticeServedOn", "FeeIsSubstantive", "ProviderAsOf", "RateBasis",
      "ExitProbability", "ExpectedUptime", "Scenario",
      // The market (the Market block reads them).
      "SpotPrice", "SpotDate", "AnnualDecline", "Volatility", "TenantSwitchingCost", "ProviderSwitchingCost",
      // The provider's and lender's assumptions (issue 18), after the judgements.
      "ContractPricePerGpuHour", "CostPerGpu", "GpusPerRack", "KwPerRack", "Pue", "FacilityCostPerMw", "ColocationCostPerKwMonth", "CapexDate",
      "PowerPricePerMwh", "PowerEscalation", "OpexShareOfCapex", "UsefulLifeYears", "ResidualValueShare",
      "ReleaseDowntimeMonths", "Utilisation", "RenewalProbability", "MarketRatePerGpuHour", "BackstopShare",
      "DscrTarget", "LendingRate", "Ltv",
    ]);
    expect(INPUTS.map((d) => d.name)).toEqual([...INPUT_NAMES]);
  });

  it("gives every input a label and a help line; choice kinds list their words; CLI options are unique", () => {
    for (const d of INPUTS) {
      expect(d.label.length).toBeGreaterThan(0);
      expect(d.help.length).toBeGreaterThan(0);
      if (["frequency", "timing", "proration", "choice"].includes(d.kind)) expect(d.allowed?.length).toBeGreaterThan(1);
    }
    const options = INPUTS.flatMap((d) => (d.cli ? [d.cli] : []));
    expect(new Set(options).size).toBe(options.length);
    expect(INPUTS.find((d) => d.name === "Frequency")?.allowed).toEqual(["monthly", "quarterly", "semi-annual", "annual"]);
  });
});

describe("inputValue", () => {
  it("reads the seed deal as the sheet holds it", () => {
    // Seed (README): 2026-07-01 = serial 46204, 2029-12-31 = 47483, 150,000,000 a month, 8% assumed.
    const v = (name: Parameters<typeof inputValue>[0]) => inputValue(name, REFLECTION_SPACEX);
    expect(v("Provider")).toEqual({ value: "SpaceX" });
    expect(v("StartDate")).toEqual({ value: 46204 });
    expect(v("EndDate")).toEqual({ value: 47483 });
    expect(v("Payment")).toEqual({ value: 150000000 });
    expect(v("Frequency")).toEqual({ value: "monthly" });
    expect(v("LockInMonths")).toEqual({ value: 3 });
    expect(v("LockInLastDay")).toEqual({ value: null });
    expect(v("NoticeDays")).toEqual({ value: 90 });
    expect(v("NoticeInLockIn")).toEqual({ value: false });
    expect(v("NoticeDate")).toEqual({ value: null });
    expect(v("DiscountRate")).toEqual({ value: 0.08, basis: "assumed" });
    expect(v("FundingRaised")).toEqual({ value: 2130000000, basis: "reported, unverified" });
    expect(v("GpuCount")).toEqual({ value: null, basis: "not disclosed" });
    expect(v("HoursPerMonth")).toEqual({ value: 730 });
  });

  it("gives a ramp's first amount as Payment and the sheet's frequency word", () => {
    // gpu-capacity-lease: 60M a quarter from 2027-01-01 (serial 46204 + 184 days of Jul–Dec = 46388).
    expect(inputValue("Payment", GPU_CAPACITY_LEASE)).toEqual({ value: 60000000 });
    expect(inputValue("StartDate", GPU_CAPACITY_LEASE)).toEqual({ value: 46388 });
    expect(inputValue("Frequency", GPU_CAPACITY_LEASE)).toEqual({ value: "quarterly" });
    expect(inputValue("Escalation", GPU_CAPACITY_LEASE)).toEqual({ value: 0.03 });
    expect(inputValue("TerminationFee", GPU_CAPACITY_LEASE)).toEqual({ value: 50000000 });
    expect(inputValue("Frequency", { ...REFLECTION_SPACEX, terms: { ...REFLECTION_SPACEX.terms, frequency: "semiannual" } })).toEqual({
      value: "semi-annual",
    });
    // fixed-lock-in-ramp: lock-in's last day 2026-12-31; README: 46386 = 2026-12-30, so 46387.
    expect(inputValue("LockInLastDay", GOOGLE_SPACEX_STYLE)).toEqual({ value: 46387 });
    expect(inputValue("GpuCount", GOOGLE_SPACEX_STYLE)).toEqual({ value: 110000, basis: "reported" });
  });
});

describe("reading inputs into overrides", () => {
  it("names inputs in messages as the DEAL functions name their arguments", () => {
    expect(["DiscountRate", "LockInMonths", "NoticeInLockIn", "StartDate", "HoursPerMonth"].map((n) => argName(n as InputName))).toEqual([
      "discount_rate", "lock_in_months", "notice_in_lock_in", "start_date", "hours_per_month",
    ]);
  });

  it("reads text as each input's kind and maps every input to its place in the template", () => {
    const values = readInputs({
      Provider: "Acme", Client: "Beta", Facility: "Site 1", Hardware: "H200",
      StartDate: "2027-01-01", EndDate: "2031-12-31", Payment: "60,000,000", Frequency: "semi-annual", Escalation: "3%",
      Timing: "arrears", Proration: "actual", LockInMonths: "12", LockInLastDay: "", NoticeDays: "180", NoticeInLockIn: "TRUE",
      NoticeDate: "", TerminationFee: "50,000,000", DiscountRate: "0.1", FundingRaised: "", Valuation: "25,000,000,000",
      UptimeTarget: "99.5%", GpuCount: "20,000", HoursPerMonth: "730",
    });
    const deal = withOverrides(REFLECTION_SPACEX, overridesFromInputs(values));
    // 2027-01-01 = 46388 and 2031-12-31 = 46388 + 5 × 365 + 1 (2028 is a leap year) - 1 = 48213.
    expect(deal.terms).toEqual({
      startDate: 46388, endDate: 48213, payment: 60_000_000, frequency: "semiannual", escalation: 0.03, timing: "arrears",
      proration: "actual", lockInMonths: 12, lockInLastDay: null, noticeDays: 180, noticeDuringLockIn: true, noticeDate: null,
      terminationFee: 50_000_000,
    });
    expect(deal).toMatchObject({
      provider: "Acme", client: "Beta", facility: "Site 1", hardware: "H200", hoursPerMonth: 730,
      discountRate: { value: 0.1, basis: "assumed" },
      fundingRaised: { value: null, basis: "not disclosed" }, // given blank
      // The seed's reported valuation given again unchanged keeps its basis (a form sends every field back).
      valuation: { value: 25_000_000_000, basis: "reported" },
      uptimeTarget: { value: 0.995, basis: "assumed" },
      gpuCount: { value: 20_000, basis: "assumed" },
    });
    // Round trip: the sheet's values of the new deal are the ones given.
    expect(inputValue("Frequency", deal)).toEqual({ value: "semi-annual" });
    expect(inputValue("Valuation", deal)).toEqual({ value: 25_000_000_000, basis: "reported" });
  });

  it("reads the provider's assumptions by kind, blank as not given, and holds them as assumed", () => {
    const values = readInputs({ CostPerGpu: "$60,000", GpusPerRack: "72", Pue: "1.2", PowerEscalation: "3%", Ltv: "", CapexDate: "2026-07-01" });
    expect(values).toEqual({ CostPerGpu: 60_000, GpusPerRack: 72, Pue: 1.2, PowerEscalation: 0.03, Ltv: null, CapexDate: 46204 });
    const deal = withOverrides(REFLECTION_SPACEX, overridesFromInputs(values));
    expect(inputValue("CostPerGpu", deal)).toEqual({ value: 60_000, basis: "assumed" });
    expect(inputValue("Ltv", deal)).toEqual({ value: null });
    expect(inputValue("LendingRate", deal)).toEqual({ value: null }); // never given: not given, no number borrowed
    expect(inputValue("CapexDate", REFLECTION_SPACEX)).toEqual({ value: null });
    expect(() => readInputs({ GpusPerRack: "72.5" })).toThrow(InputError);
    expect(argName("DscrTarget")).toBe("dscr");
    expect(argName("LendingRate")).toBe("annual_rate");
  });

  it("leaves inputs not given as the template has them, and says which input it refused", () => {
    expect(overridesFromInputs(readInputs({ EndDate: "2029-06-30" }))).toEqual({ terms: { endDate: 47299 } });
    let refused: unknown;
    try {
      readInputs({ EndDate: "2029-06-30", DiscountRate: "8" });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(InputError);
    expect(refused).toMatchObject({ input: "DiscountRate", kind: "value", message: "discount_rate 8 is ambiguous: write 8% or 0.08." });
  });
});
