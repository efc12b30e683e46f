/**
 * The Market blocks proved by an independent engine: deals with a curve in each of its three forms
 * (a spot price falling by a decline, term quotes, a flat price) are written to .xlsx, recalculated by
 * LibreOffice, read back by defined name and compared with the core (`marketCurve`,
 * `forwardsFromTerms`, `forwardPrice`, `periodGpuHours`, `markToMarket`, `breakevenPrices`): prices to
 * 1e-9, money to the cent. A case worked by hand pins the figures outright. Without the add-in the
 * lattice's figures read "needs the add-in"; a blank GPU count leaves every market figure "not given"
 * and every other cell of the sheet as it was. No recalculated cell may hold an error value.
 *
 * LibreOffice is required: `bash .ci/run` installs it. This test never skips.
 */
import fs from "fs";
import os from "os";
import path from "path";
import "../support/customFunctionsStub";
import {
  breakevenPrices,
  buildSchedule,
  ContractTerms,
  exitOption,
  forwardPrice,
  forwardsFromTerms,
  MarketBasis,
  MarketCurve,
  marketCurve,
  markToMarket,
  periodGpuHours,
  validateTerms,
} from "../../src/core";
import { buildModelPlan, ModelName } from "../../src/model/modelSheet";
import { MARKET_DEAL_CELLS, NEEDS_ADDIN, NOT_GIVEN } from "../../src/model/blocks/market";
import { exitOptionOf } from "../../src/functions/market";
import { withOverrides } from "../../src/model/overrides";
import { columnLetter, SheetPlan } from "../../src/model/plan";
import { DealTemplate, GOOGLE_SPACEX_STYLE, GPU_CAPACITY_LEASE, marketAssumptions, REFLECTION_SPACEX, valueAssumptions } from "../../src/model/templates";
import { serialOf } from "../support/dates";
import { CellValue, expectNoErrors, numberAt, recalculatedPlans, textAt } from "../support/xlsxValues";
import { addressesOf, addressOf, planCellAt } from "../support/planRefs";

type Cells = Map<string, CellValue>;

const seedWithGpus = withOverrides(REFLECTION_SPACEX, { gpuCount: 100_000 });

/** 12 months of 1,000 GPUs at $3.00 a GPU-hour (3 × 730 × 1,000 = 2,190,000 a month) against a flat $2.00, at 0%. */
const BY_HAND: DealTemplate = {
  ...REFLECTION_SPACEX,
  terms: { ...REFLECTION_SPACEX.terms, startDate: serialOf("2026-01-01"), endDate: serialOf("2026-12-31"), payment: 2_190_000 },
  discountRate: { value: 0, basis: "assumed" },
  gpuCount: { value: 1_000, basis: "assumed" },
  market: {
    spotPrice: { value: 2, basis: "assumed" },
    spotDate: null,
    annualDecline: null,
    volatility: { value: 0.4, basis: "assumed" },
    tenantSwitchingCost: 730_000,
    providerSwitchingCost: 1_460_000,
    termQuotes: [],
  },
};

/** The generic lease (quarterly, arrears, actual days, a ramp, escalation, a fee, notice in the lock-in) against term quotes. */
const LEASE_ON_QUOTES: DealTemplate = {
  ...GPU_CAPACITY_LEASE,
  market: {
    ...marketAssumptions(GPU_CAPACITY_LEASE),
    spotPrice: { value: null, basis: "not disclosed" },
    spotDate: serialOf("2026-10-15"),
    tenantSwitchingCost: 20_000_000,
    providerSwitchingCost: 5_000_000,
    // Out of order on purpose: the sheet sorts them.
    termQuotes: [
      { months: 36, rate: 5.4 },
      { months: 12, rate: 7.2 },
      { months: 60, rate: 4.2 },
    ],
  },
};

/** The generic lease against a spot price quoted mid-month: quarter starts fall between the curve's monthly points. */
const LEASE_ON_SPOT: DealTemplate = {
  ...GPU_CAPACITY_LEASE,
  market: { ...marketAssumptions(GPU_CAPACITY_LEASE), spotPrice: { value: 3.1, basis: "assumed" }, spotDate: serialOf("2026-12-17"), annualDecline: 0.3 },
};

/** The seed against a flat market (no decline), and in the downside scenario (its own decline, 35%). */
const SEED_FLAT: DealTemplate = { ...seedWithGpus, market: { ...marketAssumptions(seedWithGpus), spotPrice: { value: 1.75, basis: "assumed" }, annualDecline: null } };
const SEED_DOWNSIDE = withOverrides(seedWithGpus, { scenario: "downside" });

/** A ramp and a lock-in to a fixed last day (110,000 GPUs, reported), against a flat $2.40: EXIT_OPTION takes lock-in months, not a day. */
const FIXED_LOCK_IN: DealTemplate = {
  ...GOOGLE_SPACEX_STYLE,
  market: { ...marketAssumptions(GOOGLE_SPACEX_STYLE), spotPrice: { value: 2.4, basis: "assumed" } },
};

const CASES: [string, DealTemplate][] = [
  ["by hand: 12 months, 1,000 GPUs, $3.00 against a flat $2.00, 0%", BY_HAND],
  ["seed, 100,000 GPUs, $2.10 falling 25% a year (docs/market.md)", seedWithGpus],
  ["seed, downside scenario: the curve falls by the scenario's 35%", SEED_DOWNSIDE],
  ["seed against a flat $1.75", SEED_FLAT],
  ["generic lease against term quotes", LEASE_ON_QUOTES],
  ["generic lease against a spot price quoted mid-month", LEASE_ON_SPOT],
  ["a ramp and a fixed-date lock-in against a flat $2.40", FIXED_LOCK_IN],
];
const SEED_WITHOUT_GPUS = REFLECTION_SPACEX;

const work = fs.mkdtempSync(path.join(os.tmpdir(), "deal-market-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const plans = CASES.map(([, deal]) => buildModelPlan(deal));
const blankPlan = buildModelPlan(SEED_WITHOUT_GPUS);
let recalculated: Cells[] = [];
let blankCells: Cells;

beforeAll(async () => {
  const all = await recalculatedPlans([...plans, blankPlan], work);
  recalculated = all.slice(0, plans.length);
  blankCells = all[plans.length];
}, 300_000);

/** Whole months from one serial's month to another's, independently of the sheet: (years × 12) + months. */
function monthsBetween(from: number, to: number): number {
  const a = new Date((from - 25_569) * 86_400_000);
  const b = new Date((to - 25_569) * 86_400_000);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
}

/** The core's curve for a deal as the Market block reads it: quotes if any, else the spot price falling by the decline in use. */
function coreCurve(deal: DealTemplate, terms: ContractTerms): MarketCurve {
  const market = marketAssumptions(deal);
  const quotedOn = market.spotDate ?? terms.startDate;
  if (market.termQuotes.length > 0) return forwardsFromTerms(market.termQuotes, quotedOn);
  const value = valueAssumptions(deal);
  const decline = value.scenarios.find((s) => s.name === value.scenario)?.marketDecline ?? market.annualDecline ?? 0;
  // One point a month from the quote date to the month after the end.
  return marketCurve(market.spotPrice.value!, quotedOn, decline, monthsBetween(quotedOn, terms.endDate) + 2);
}

const within = (actual: number, expected: number, tolerance: number) => Math.abs(actual - expected) <= tolerance;

/** A recalculated cell as Excel hands it to a custom function. */
function cellJs(cell: CellValue | undefined): unknown {
  if (!cell || cell.type === "empty") return null;
  if (cell.type === "number") return cell.number;
  if (cell.type === "boolean") return cell.number === 1;
  return cell.text;
}

/** A name's value, or a range `A:B` between two names (the bounding rectangle, as Excel's range operator gives), as a 2-D array. */
function argument(plan: SheetPlan<string>, cells: Cells, text: string): unknown {
  const corners = text.split(":").flatMap((name) => plan.refs[name].replace(/\$/g, "").split(":"));
  const parsed = corners.map((ref) => /([A-Z]+)(\d+)/.exec(ref)!).map(([, c, r]) => ({ c: [...c].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1, r: Number(r) }));
  if (parsed.length === 1) return cellJs(cells.get(corners[0]));
  const [c1, c2] = [Math.min(...parsed.map((p) => p.c)), Math.max(...parsed.map((p) => p.c))];
  const [r1, r2] = [Math.min(...parsed.map((p) => p.r)), Math.max(...parsed.map((p) => p.r))];
  return Array.from({ length: r2 - r1 + 1 }, (_, i) => Array.from({ length: c2 - c1 + 1 }, (_, j) => cellJs(cells.get(`${columnLetter(c1 + j)}${r1 + i}`))));
}

/**
 * What a lattice cell shows with the add-in loaded: its DEAL.EXIT_OPTION call made through the real
 * custom function, with the arguments read from the recalculated sheet, and the row it takes.
 */
function withAddIn(plan: SheetPlan<string>, cells: Cells, name: ModelName): unknown {
  const formula = cellAtName(plan, name).formula!;
  const m = /INDEX\(DEAL\.EXIT_OPTION\(([^)]*)\),(\d+),2\)/.exec(formula)!;
  const args = m[1].split(",").map((arg) => argument(plan, cells, arg));
  return (exitOptionOf as (...a: unknown[]) => unknown[][])(...args)[Number(m[2]) - 1][1];
}

function cellAtName(plan: SheetPlan<string>, name: string) {
  return planCellAt(plan, addressOf(plan, name));
}

describe.each(CASES.map(([label], i) => [label, i] as const))("%s", (_label, i) => {
  const deal = CASES[i][1];
  const plan = plans[i];
  const terms = validateTerms(deal.terms);
  const schedule = buildSchedule(terms);
  const market = marketAssumptions(deal);
  const basis: MarketBasis = { gpus: deal.gpuCount.value!, hoursPerMonth: deal.hoursPerMonth, discountRate: deal.discountRate.value! };
  const curve = coreCurve(deal, terms);
  const cells = () => recalculated[i];
  const at = (name: ModelName) => numberAt(cells(), addressOf(plan, name));
  const column = (name: ModelName) => addressesOf(plan, name);

  it("recalculates without an error value", () => expectNoErrors(cells()));

  it("lays out the core's curve: the same dates, prices to 1e-9, nothing after the last point", () => {
    const [dates, prices] = (["MarketCurveDate", "MarketCurvePrice"] as const).map(column);
    expect(at("MarketCurvePoints")).toBe(curve.points.length);
    curve.points.forEach((point, k) => {
      const price = numberAt(cells(), prices[k]);
      expect({ k, date: numberAt(cells(), dates[k]), close: within(price, point.price, 1e-9) }).toEqual({ k, date: point.date, close: true });
    });
    expect(textAt(cells(), dates[curve.points.length])).toBe("");
  });

  it("prices each period's GPU-hours at the curve on its start (FORWARD_PRICE) and marks the contract to market to the cent", () => {
    const [hours, contract, price, mark] = (["MarketGpuHours", "MarketContractPrice", "MarketPrice", "MarketPeriodMark"] as const).map(column);
    schedule.forEach((period, k) => {
      const h = periodGpuHours(terms, period, basis);
      const actual = { k, hours: numberAt(cells(), hours[k]), contract: numberAt(cells(), contract[k]), price: numberAt(cells(), price[k]) };
      expect({ k, hours: within(actual.hours, h, 1e-6), contract: within(actual.contract, period.payment.toNumber() / h, 1e-9) }).toEqual({ k, hours: true, contract: true });
      expect({ k, price: actual.price, close: within(actual.price, forwardPrice(curve, period.start), 1e-9) }).toEqual({ k, price: actual.price, close: true });
    });
    expect(textAt(cells(), mark[schedule.length])).toBe("");
    expect(at("MarketMark")).toBeCloseTo(markToMarket(terms, basis, curve).toNumber(), 2);
    expect(at("MarketTenantMark")).toBeCloseTo(-markToMarket(terms, basis, curve).toNumber(), 2);
  });

  it("gives each notice month's break-even prices (BREAKEVEN_PRICE), 'never' where nothing is left after the exit", () => {
    const rows = breakevenPrices(terms, basis, market.tenantSwitchingCost, market.providerSwitchingCost, schedule);
    const [notice, tenant, provider] = (["NoticeMonthDate", "MarketTenantBelow", "MarketProviderAbove"] as const).map(column);
    expect(rows.length).toBeGreaterThan(0);
    rows.forEach((row, k) => {
      expect(numberAt(cells(), notice[k])).toBe(row.noticeDate);
      for (const [address, expected] of [
        [tenant[k], row.tenantBelow],
        [provider[k], row.providerAbove],
      ] as const) {
        if (Number.isFinite(expected)) expect({ k, close: within(numberAt(cells(), address), expected, 1e-9) }).toEqual({ k, close: true });
        else expect({ k, text: textAt(cells(), address) }).toEqual({ k, text: "never" });
      }
    });
    expect(textAt(cells(), tenant[rows.length])).toBe("");
    expect(at("MarketTenantWalksBelow")).toBe(rows[0].tenantBelow);
    expect(at("MarketProviderWalksAbove")).toBe(rows[0].providerAbove);
  });

  it("says the lattice's figures need the add-in, in the Market block and the value bridge", () => {
    const lattice: ModelName[] = [
      "MarketLatticeStatus", "MarketTenantOption", "MarketProviderOption", "MarketTenantOwn", "MarketProviderOwn", "MarketProbabilityEarly",
      "MarketProbabilityTenant", "MarketProbabilityProvider", "MarketExpectedExit", "MarketExpectedPayments", "MarketExpectedValue",
    ];
    // EXIT_OPTION takes lock-in months: a lock-in to a fixed last day is not passed to it.
    const status = deal.terms.lockInLastDay ? "not for a fixed-date lock-in" : NEEDS_ADDIN;
    for (const name of lattice) expect({ name, text: textAt(cells(), addressOf(plan, name)) }).toEqual({ name, text: status });
    expect([...lattice].sort()).toEqual([...MARKET_DEAL_CELLS].sort());
  });

  it("with the add-in loaded, gives the core's exit options on the sheet's curve and the market inputs", () => {
    if (deal.terms.lockInLastDay) {
      expect(textAt(cells(), addressOf(plan, "MarketTenantOption"))).toBe("not for a fixed-date lock-in"); // the status, whatever the add-in
      return;
    }
    const value = valueAssumptions(deal);
    const row = value.scenarios.find((s) => s.name === value.scenario);
    const input = {
      terms,
      basis,
      curve,
      volatility: market.volatility.value!,
      tenantSwitchingCost: market.tenantSwitchingCost,
      providerSwitchingCost: market.providerSwitchingCost,
    };
    const r = exitOption(input, schedule);
    const expected: [ModelName, number][] = [
      ["MarketTenantOption", r.tenantOption],
      ["MarketProviderOption", r.providerOption],
      ["MarketTenantOwn", r.tenantOwn],
      ["MarketProviderOwn", r.providerOwn],
      ["MarketProbabilityEarly", r.probabilityEarly],
      ["MarketProbabilityTenant", r.probabilityTenant],
      ["MarketProbabilityProvider", r.probabilityProvider],
      ["MarketExpectedExit", r.expectedExitDate],
      ["MarketExpectedPayments", r.expectedPayments.toNumber()],
    ];
    for (const [name, figure] of expected) expect({ name, value: withAddIn(plan, cells(), name) }).toEqual({ name, value: figure });
    // The bridge's: under the scenario in use (its end date and discount rate).
    const endDate = Math.min(row?.endDate ?? terms.endDate, terms.endDate);
    const scenarioTerms = validateTerms({ ...deal.terms, endDate });
    const scenario = exitOption({ ...input, terms: scenarioTerms, basis: { ...basis, discountRate: row?.discountRate ?? basis.discountRate } });
    expect(withAddIn(plan, cells(), "MarketExpectedValue")).toBe(scenario.expectedPayments.toNumber());
  });
});

describe("by hand", () => {
  const plan = plans[0];
  const at = (name: ModelName) => numberAt(recalculated[0], addressOf(plan, name));

  it("marks 12 × 730 × 1,000 × ($3.00 − $2.00) = 8,760,000 in the provider's favour", () => {
    expect(at("MarketMark")).toBe(8_760_000);
    expect(at("MarketTenantMark")).toBe(-8_760_000);
    expect(at("MarketContractPriceAtStart")).toBeCloseTo(3, 12);
    expect(at("MarketPriceAtStart")).toBe(2);
  });

  it("walks at the first notice (2026-04-01, exit 2026-06-30, July–December forgone) below (13,140,000 − 730,000) / 4,380,000 and above (13,140,000 + 1,460,000) / 4,380,000", () => {
    // Six months of 2,190,000 = 13,140,000 forgone; six months of 730,000 GPU-hours = 4,380,000.
    expect(at("MarketTenantWalksBelow")).toBe(2.8333); // 12,410,000 / 4,380,000 = 2.83333…
    expect(at("MarketProviderWalksAbove")).toBe(3.3333); // 14,600,000 / 4,380,000 = 3.33333…
  });
});

describe("without a GPU count", () => {
  const givenPlan = plans[1];

  it("leaves every market figure 'not given' and every per-period market cell blank", () => {
    const figures: ModelName[] = ["MarketMark", "MarketTenantMark", "MarketTenantWalksBelow", "MarketProviderWalksAbove", "MarketContractPriceAtStart", "MarketLatticeStatus", "MarketExpectedPayments", "MarketExpectedValue"];
    for (const name of figures) expect({ name, text: textAt(blankCells, addressOf(blankPlan, name)) }).toEqual({ name, text: NOT_GIVEN });
    for (const name of ["MarketGpuHours", "MarketPrice", "MarketPeriodMark", "MarketTenantBelow"] as const) {
      expect({ name, texts: [...new Set(addressesOf(blankPlan, name).map((a) => textAt(blankCells, a)))] }).toEqual({ name, texts: [""] });
    }
    expectNoErrors(blankCells);
  });

  it("changes no other figure of the sheet", () => {
    expect(blankPlan.refs).toEqual(givenPlan.refs);
    const excluded = new Set<string>();
    for (const n of blankPlan.names) if (n.name.startsWith("Market")) addressesOf(blankPlan as SheetPlan<string>, n.name).forEach((a) => excluded.add(a));
    // The GPU count itself and its basis note, and the Summary's $/GPU-hour that reads it.
    for (const name of ["GpuCount", "GpuHourRate"] as const) {
      const address = addressOf(blankPlan, name);
      excluded.add(address);
      excluded.add(address.replace(/^[A-Z]+/, (c) => String.fromCharCode(c.charCodeAt(0) + 1)));
    }
    // The provider's capacity reads the GPU count too (its other assumptions blank: its outputs stay "not given"),
    // and DEAL.PROVIDER_IRR's assumptions range restates it.
    for (const name of ["ProviderGpus", "ProviderGpuHourPrice", "ProviderMissing", "ProviderIrrArgs"] as const) addressesOf(blankPlan, name).forEach((a) => excluded.add(a));
    const given = recalculated[1];
    const differing = [...given].filter(([address, cell]) => !excluded.has(address) && JSON.stringify(cell) !== JSON.stringify(blankCells.get(address)));
    expect(differing.map(([address]) => address)).toEqual([]);
    expect(numberAt(blankCells, addressOf(blankPlan, "TotalValue"))).toBe(6_300_000_000);
  });
});

describe("the Market checks", () => {
  const text = (i: number, name: ModelName) => textAt(recalculated[i], addressOf(plans[i], name));

  it("say the seed's curve covers the term and its decline is below 100%", () => {
    expect([text(1, "MarketCurveForm"), text(1, "MarketCurveCheck"), text(1, "MarketDeclineCheck")]).toEqual(["spot", "the curve covers the term", "below 100% a year"]);
  });

  it("say term quotes ending before the term leave the curve flat after them, the quotes in order once sorted", () => {
    // The 60-month quote from 2026-10-15 ends on 2031-10-14, before the lease's end, 2031-12-31.
    expect([text(4, "MarketCurveForm"), text(4, "MarketCurveCheck"), text(4, "MarketQuotesCheck")]).toEqual([
      "terms",
      "NOTE: the curve ends before the term: flat after its last point",
      "quotes in order",
    ]);
  });
});
