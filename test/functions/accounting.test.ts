/**
 * The DEAL lease-accounting functions as Excel calls them: raw cell values in, numbers / arrays or a
 * CustomFunctions.Error out. Figures are hand-calculated (working in the comments) or published.
 */
import path from "path";
import fc from "fast-check";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as A from "../../src/functions/accounting";
import * as F from "../../src/functions/functions";
import { serialOf } from "../support/dates";
import { excelError } from "../support/excelError";

const START = serialOf("2026-07-01");
const END = serialOf("2029-12-31");
const ENFORCEABLE_END = serialOf("2026-12-29"); // the day before the earliest exit 2026-12-30 (EXIT_DATE)
const PAY = [[150_000_000]];

describe("LEASE_LIABILITY and ROU_ASSET on the seed deal, both ways", () => {
  it("enforceable term (to 2026-12-29, six payments): 735,230,259.15; asset 885,230,259.15", () => {
    // 150,000,000 × (1 − (1 + 0.08/12)^−5) / (0.08/12) = 735,230,259.1450 (bc -l): the July payment is made at commencement.
    expect(F.exitDateOf(START, END, 3, 90) - 1).toBe(ENFORCEABLE_END);
    expect(A.leaseLiability(START, ENFORCEABLE_END, PAY, 0.08)).toBe(735_230_259.15);
    expect(A.rouAsset(START, ENFORCEABLE_END, PAY, 0.08)).toBe(885_230_259.15);
  });

  it("full contract (42 months): 5,365,584,252.10; asset 5,515,584,252.10", () => {
    // 150,000,000 × (1 − (1 + 0.08/12)^−41) / (0.08/12) = 5,365,584,252.1000 (bc -l)
    expect(A.leaseLiability(START, END, PAY, 0.08)).toBe(5_365_584_252.1);
    expect(A.rouAsset(START, END, PAY, 0.08)).toBe(5_515_584_252.1);
  });

  it("differs from CONTRACT_PV, which discounts as XNPV does (8% effective a year on actual days)", () => {
    // CONTRACT_PV includes the July payment at 1.0 and uses (1.08)^(days/365); 8%/12 a month is 8.30% effective.
    expect(F.contractPv(START, END, PAY, 0.08) - 150_000_000).toBeCloseTo(5_389_137_544.34, 2);
    expect(A.leaseLiability(START, END, PAY, 0.08)).toBeLessThan(5_389_137_544.34);
  });

  it("ROU_ASSET adds initial direct costs and subtracts incentives (options at the end)", () => {
    // 885,230,259.15 + 1,000,000 − 500,000
    expect(A.rouAsset(START, ENFORCEABLE_END, PAY, 0.08, null, null, null, null, 1_000_000, 500_000)).toBe(885_730_259.15);
  });

  it("in arrears nothing is paid at commencement: the open specification's example, 328,710.16 (crbnos/carbon lease-accounting spec)", () => {
    expect(A.leaseLiability(serialOf("2027-01-01"), serialOf("2029-12-31"), [[10_000]], 0.06, null, null, "arrears")).toBe(328_710.16);
    expect(A.rouAsset(serialOf("2027-01-01"), serialOf("2029-12-31"), [[10_000]], 0.06, null, null, "arrears")).toBe(328_710.16);
  });

  it("IFRS 16 IE Example 13 with annual payments in advance: liability CU355,391, asset CU420,391", () => {
    const [start, end] = [serialOf("2020-01-01"), serialOf("2029-12-31")];
    expect(Math.round(A.leaseLiability(start, end, [[50_000]], 0.05, "annual"))).toBe(355_391);
    expect(Math.round(A.rouAsset(start, end, [[50_000]], 0.05, "annual", null, null, null, 20_000, 5_000))).toBe(420_391);
  });

  it("accepts ISO text dates, a plain number payment and blank options", () => {
    expect(A.leaseLiability("2026-07-01", "2026-12-29", 150_000_000 as never, "0.08", "", 0, null, "")).toBe(735_230_259.15);
  });
});

describe("LEASE_ACCOUNTING", () => {
  it("spills a header and one row per period: Period, Date, Payment, Interest, Liability, ROU asset, Lease cost", () => {
    const rows = A.leaseAccountingTable(START, ENFORCEABLE_END, PAY, 0.08);
    expect(rows[0]).toEqual(["Period", "Date", "Payment", "Interest", "Liability", "ROU asset", "Lease cost"]);
    expect(rows).toHaveLength(7);
    // Interest 735,230,259.15 × 0.08/12 = 4,901,535.06; liability 735,230,259.15 + 4,901,535.06 (July was paid at commencement);
    // depreciation 885,230,259.15 / 6 = 147,538,376.53; asset 885,230,259.15 − 147,538,376.53; cost = interest + depreciation.
    expect(rows[1]).toEqual([1, serialOf("2026-07-31"), 150_000_000, 4_901_535.06, 740_131_794.21, 737_691_882.62, 152_439_911.59]);
    // August: (740,131,794.21 − 150,000,000) × 0.08/12 = 3,934,211.961 → 3,934,211.96
    expect(rows[2][3]).toBe(3_934_211.96);
    expect(rows[6][1]).toBe(ENFORCEABLE_END);
    expect(rows[6][4]).toBe(0);
    expect(rows[6][5]).toBe(0);
  });

  it("a fresh header each call (a caller may edit the spilled array)", () => {
    const a = A.leaseAccountingTable(START, ENFORCEABLE_END, PAY, 0.08);
    a[0][0] = "changed";
    expect(A.leaseAccountingTable(START, ENFORCEABLE_END, PAY, 0.08)[0][0]).toBe("Period");
  });

  it("asc842-operating: one straight-line cost of 150,000,000 a month, the asset the balancing figure", () => {
    const rows = A.leaseAccountingTable(START, ENFORCEABLE_END, PAY, 0.08, "asc842-operating");
    expect(rows.slice(1).map((r) => r[6])).toEqual(Array(6).fill(150_000_000));
    // Level payments in advance: asset = liability + prepaid rent 0 at each close.
    expect(rows.slice(1).every((r) => r[4] === r[5])).toBe(true);
    expect(A.leaseAccountingTable(START, ENFORCEABLE_END, PAY, 0.08, "operating")).toEqual(rows);
  });

  it("asc842-finance has the IFRS 16 shape; short-term is expense only and refused past 12 months", () => {
    expect(A.leaseAccountingTable(START, END, PAY, 0.08, "asc842-finance")).toEqual(A.leaseAccountingTable(START, END, PAY, 0.08));
    const short = A.leaseAccountingTable(START, ENFORCEABLE_END, PAY, 0.08, "short-term");
    expect(short.slice(1).map((r) => r.slice(3))).toEqual(Array(6).fill([0, 0, 0, 150_000_000]));
    const refused = excelError(() => A.leaseAccountingTable(START, END, PAY, 0.08, "short-term"));
    expect(refused.code).toBe("#VALUE!");
    expect(refused.message).toMatch(/12 months or less/);
  });

  it("the full term: 42 rows, first interest 35,770,561.68, total cost = total payments", () => {
    const rows = A.leaseAccountingTable(START, END, PAY, 0.08, "ifrs16");
    expect(rows).toHaveLength(43);
    expect(rows[1][3]).toBe(35_770_561.68); // 5,365,584,252.10 × 0.08/12
    const total = rows.slice(1).reduce((s, r) => s + Math.round((r[6] as number) * 100), 0) / 100;
    expect(total).toBe(6_300_000_000);
  });
});

describe("MATURITY_TABLE", () => {
  it("full term at commencement: four years of payments, total 6.15bn, less imputed interest, the liability", () => {
    expect(A.maturityTable(START, END, PAY, 0.08)).toEqual([
      ["Year 1 (2026-07-02 to 2027-07-01)", 1_800_000_000],
      ["Year 2 (2027-07-02 to 2028-07-01)", 1_800_000_000],
      ["Year 3 (2028-07-02 to 2029-07-01)", 1_800_000_000],
      ["Year 4 (2029-07-02 to 2030-07-01)", 750_000_000],
      ["Year 5 (2030-07-02 to 2031-07-01)", 0],
      ["Thereafter", 0],
      ["Total undiscounted payments", 6_150_000_000],
      ["Less imputed interest", -784_415_747.9], // 6,150,000,000 − 5,365,584,252.10
      ["Lease liability", 5_365_584_252.1],
    ]);
  });

  it("enforceable term: five payments of 150,000,000 in year 1, liability 735,230,259.15", () => {
    const table = A.maturityTable(START, ENFORCEABLE_END, PAY, 0.08);
    expect(table[0][1]).toBe(750_000_000);
    expect(table[6][1]).toBe(750_000_000);
    expect(table[7][1]).toBe(-14_769_740.85);
    expect(table[8][1]).toBe(735_230_259.15);
  });

  it("as of a reporting date (option at the end): 2026-12-31 on the full term — Jul to Dec paid and closed", () => {
    const table = A.maturityTable(START, END, PAY, 0.08, null, null, null, null, serialOf("2026-12-31"));
    expect(table[0][0]).toBe("Year 1 (2027-01-01 to 2027-12-31)");
    expect(table[6][1]).toBe(36 * 150_000_000);
    expect(Math.round(((table[6][1] as number) + (table[7][1] as number)) * 100)).toBe(Math.round((table[8][1] as number) * 100));
    // The liability at 2026-12-31 is the December close of LEASE_ACCOUNTING.
    expect(table[8][1]).toBe(A.leaseAccountingTable(START, END, PAY, 0.08)[6][4]);
    expect(excelError(() => A.maturityTable(START, END, PAY, 0.08, null, null, null, null, serialOf("2026-06-30"))).code).toBe("#NUM!");
  });
});

describe("errors", () => {
  it("#VALUE! with a plain message for a missing or malformed argument; #NUM! for an impossible one", () => {
    expect(excelError(() => A.leaseLiability(START, END, PAY, null)).message).toBe("discount_rate is missing: give a rate such as 8% or 0.08.");
    const standard = excelError(() => A.leaseAccountingTable(START, END, PAY, 0.08, "gaap"));
    expect(standard.code).toBe("#VALUE!");
    expect(standard.message).toMatch(/standard must be "ifrs16"/);
    expect(excelError(() => A.leaseLiability(START, END, PAY, -1)).code).toBe("#NUM!");
    expect(excelError(() => A.leaseLiability(END, START, PAY, 0.08)).code).toBe("#NUM!");
    expect(excelError(() => A.rouAsset(START, END, PAY, 0.08, null, null, null, null, -5)).code).toBe("#NUM!");
    // Incentives above 885,230,259.15 would make the seed's asset negative.
    expect(excelError(() => A.rouAsset(START, ENFORCEABLE_END, PAY, 0.08, null, null, null, null, null, 900_000_000)).code).toBe("#NUM!");
    // 1,050% a year is beyond the 1,000% limit; a bare 10.5 is refused as ambiguous by the rate rule (README).
    expect(excelError(() => A.leaseLiability(START, END, PAY, "1050%")).code).toBe("#NUM!");
    expect(excelError(() => A.leaseLiability(START, END, PAY, 10.5)).message).toBe("discount_rate 10.5 is ambiguous: write 10.5% or 0.105.");
    expect(excelError(() => A.rouAsset(START, END, PAY, 0.08, null, null, null, null, null, "lots")).code).toBe("#VALUE!");
    expect(excelError(() => A.maturityTable("soon", END, PAY, 0.08)).message).toBe('start_date must be a date, not the text "soon".');
  });
});

describe("metadata of the accounting functions", () => {
  it("keeps the leading arguments and the shared option order, new options at the end; help links to the lower-case id", async () => {
    const result = await generateCustomFunctionsMetadata([path.resolve("src/functions/accounting.ts")], true);
    expect(result.errors).toEqual([]);
    const functions: { id: string; helpUrl?: string; parameters: { name: string; optional?: boolean; description?: string }[]; result: { dimensionality?: string } }[] =
      JSON.parse(result.metadataJson).functions;
    const names = (id: string) => functions.find((f) => f.id === id)!.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    const shared = ["start_date", "end_date", "payment", "discount_rate", "[frequency]", "[escalation]", "[timing]", "[proration]"];
    // Issue 16 §5 added the rate basis and the termination fee, at the end of each.
    const added = ["[rate_basis]", "[termination_fee]"];
    expect(names("LEASE_LIABILITY")).toEqual([...shared, ...added]);
    expect(names("ROU_ASSET")).toEqual([...shared, "[initial_direct_costs]", "[incentives]", ...added]);
    expect(names("LEASE_ACCOUNTING")).toEqual([...shared.slice(0, 4), "[standard]", ...shared.slice(4), ...added]);
    expect(names("MATURITY_TABLE")).toEqual([...shared, "[as_of_date]", ...added]);
    for (const f of functions) {
      expect(f.helpUrl).toBe(`https://localhost:3000/help.html#${f.id.toLowerCase()}`);
      for (const p of f.parameters) expect(p.description).toBeTruthy();
    }
    expect(functions.find((f) => f.id === "LEASE_ACCOUNTING")!.result.dimensionality).toBe("matrix");
    expect(functions.find((f) => f.id === "MATURITY_TABLE")!.result.dimensionality).toBe("matrix");
  });
});

describe("random valid terms: spilled arrays hold only finite numbers and text, and tie out", () => {
  it("LEASE_ACCOUNTING runs off to zero; MATURITY_TABLE ties to LEASE_LIABILITY", () => {
    fc.assert(
      fc.property(
        fc.record({
          start: fc.integer({ min: serialOf("1990-01-01"), max: serialOf("2080-12-31") }),
          days: fc.integer({ min: 0, max: 10 * 366 }),
          payment: fc.oneof(fc.integer({ min: 1, max: 2_000_000_000 }), fc.double({ min: 0.01, max: 1e9, noNaN: true })),
          rate: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
          standard: fc.constantFrom("ifrs16", "asc842-finance", "asc842-operating", null),
          frequency: fc.constantFrom("monthly", "quarterly", "semi-annual", "annual", 12, 4, null),
          escalation: fc.oneof(fc.constant(null), fc.double({ min: -0.2, max: 0.25, noNaN: true })),
          timing: fc.constantFrom("advance", "arrears", null),
          proration: fc.constantFrom("full", "actual", null),
        }),
        (t) => {
          const end = t.start + t.days;
          const pay = [[t.payment]];
          const rows = A.leaseAccountingTable(t.start, end, pay, t.rate, t.standard, t.frequency, t.escalation, t.timing, t.proration);
          const clean = (cells: unknown[][]) =>
            cells.every((row) => row.every((c) => (typeof c === "number" && Number.isFinite(c)) || typeof c === "string"));
          if (!clean(rows)) return false;
          const last = rows[rows.length - 1];
          if (last[4] !== 0 || last[5] !== 0) return false;
          const table = A.maturityTable(t.start, end, pay, t.rate, t.frequency, t.escalation, t.timing, t.proration);
          if (!clean(table) || table.length !== 9) return false;
          const cents = (x: unknown) => Math.round((x as number) * 100);
          const liability = A.leaseLiability(t.start, end, pay, t.rate, t.frequency, t.escalation, t.timing, t.proration);
          return cents(table[8][1]) === cents(liability) && cents(table[6][1]) + cents(table[7][1]) === cents(liability);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("rate_basis (issue 16 §5): periodic (default), effective, actual/365", () => {
  // IFRS 16 IE Example 13's lessee, paid quarterly — the "quarterly version" IFRScommunity discounts on actual days
  // (cited in issue 16 §5; the page itself was not in the reference store): 50,000 a quarter in advance for two
  // years from 2021-01-01, 5% a year. The first payment is made at commencement; seven remain.
  const Q_START = serialOf("2021-01-01");
  const Q_END = serialOf("2022-12-31");
  const Q_PAY = [[50_000]];

  it("periodic: 50,000 × (1/1.0125 + … + 1/1.0125⁷) = 333,136.29 (by hand, 50 digits: 333,136.2923735…)", () => {
    expect(A.leaseLiability(Q_START, Q_END, Q_PAY, 0.05, "quarterly")).toBe(333_136.29);
    expect(A.leaseLiability(Q_START, Q_END, Q_PAY, 0.05, "quarterly", null, null, null, "periodic")).toBe(333_136.29);
  });

  it("actual/365: Σ 50,000 × 1.05^(−d/365), d = 90, 181, 273, 365, 455, 546, 638 days = 333,477.18 (by hand: 333,477.1823955…)", () => {
    expect(A.leaseLiability(Q_START, Q_END, Q_PAY, 0.05, "quarterly", null, null, null, "actual/365")).toBe(333_477.18);
    expect(A.leaseLiability(Q_START, Q_END, Q_PAY, 0.05, "quarterly", null, null, null, "Actual/365")).toBe(333_477.18);
    // The schedule on that basis runs off: the first quarter (90 days) accrues (1.05^(90/365) − 1) × 333,477.18
    // = 0.0121031083929… × 333,477.18 = 4,036.1104… → 4,036.11 (by hand, 40 digits).
    const rows = A.leaseAccountingTable(Q_START, Q_END, Q_PAY, 0.05, null, "quarterly", null, null, null, "actual/365");
    expect(rows).toHaveLength(9);
    expect(rows[1][3]).toBe(4_036.11);
    expect(rows[8][4]).toBe(0);
    expect(rows[7][4]).toBe(50_000); // the last payment, made the next day
  });

  it("effective on the seed's full term: 150,000,000 × Σ 1.08^(−k/12), k = 1…41 = 5,390,552,254.09 (periodic: 5,365,584,252.10)", () => {
    // By hand (50 digits): 5,390,552,254.0861…; the periodic figure is the golden above.
    expect(A.leaseLiability(START, END, PAY, 0.08, null, null, null, null, "effective")).toBe(5_390_552_254.09);
    expect(A.leaseLiability(START, END, PAY, 0.08)).toBe(5_365_584_252.1);
    expect(A.rouAsset(START, END, PAY, 0.08, null, null, null, null, null, null, "effective")).toBe(5_540_552_254.09);
    const table = A.maturityTable(START, END, PAY, 0.08, null, null, null, null, null, "effective");
    expect(table[8][1]).toBe(5_390_552_254.09);
    expect(table[7][1]).toBe(-759_447_745.91); // 6,150,000,000 − 5,390,552,254.09
  });

  it("refuses another word by name", () => {
    const e = excelError(() => A.leaseLiability(START, END, PAY, 0.08, null, null, null, null, "monthly"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/rate_basis/);
  });
});

describe("termination_fee as a lease payment (IFRS 16.27(e)), the last argument", () => {
  it("the enforceable term with a 10,000,000 fee on 2026-12-30: 744,839,429.01 (core golden: 735,230,259.145 + 10,000,000 / (1 + 0.08/12)^6)", () => {
    expect(A.leaseLiability(START, ENFORCEABLE_END, PAY, 0.08, null, null, null, null, null, 10_000_000)).toBe(744_839_429.01);
    expect(A.rouAsset(START, ENFORCEABLE_END, PAY, 0.08, null, null, null, null, 0, 0, null, 10_000_000)).toBe(894_839_429.01);
    const rows = A.leaseAccountingTable(START, ENFORCEABLE_END, PAY, 0.08, null, null, null, null, null, null, 10_000_000);
    expect(rows[6][2]).toBe(160_000_000); // the last period pays its 150,000,000 and the fee
    expect(rows[6][4]).toBe(0);
    const table = A.maturityTable(START, ENFORCEABLE_END, PAY, 0.08, null, null, null, null, null, null, 10_000_000);
    expect(table[6][1]).toBe(760_000_000); // five payments and the fee
    expect(table[8][1]).toBe(744_839_429.01);
    expect(excelError(() => A.leaseLiability(START, ENFORCEABLE_END, PAY, 0.08, null, null, null, null, null, -1)).code).toBe("#NUM!");
  });
});

describe("as-of dates at the end of Excel's calendar are refused with a reason, not a bare #NUM!", () => {
  it("MATURITY_TABLE as of 9999-12-31 (its years would end in 10000-…)", () => {
    const e = excelError(() => A.maturityTable(START, END, PAY, 0.08, null, null, null, null, serialOf("9999-12-31")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/9999-12-31/);
    // As of 9994-12-30 the fifth year ends on 9999-12-30: within the calendar, and nothing is left to pay.
    expect(A.maturityTable(START, END, PAY, 0.08, null, null, null, null, serialOf("9994-12-30"))[6][1]).toBe(0);
  });
});

describe("exact at the validation's limits (issue 16 §6), as Excel calls them", () => {
  it('=DEAL.LEASE_ACCOUNTING(46204,47483,150000000,"1000%"): row 41\'s interest is 68,181,818.18; MATURITY_TABLE as of 2029-10-31 ties', () => {
    // Two payments remain after October 2029: 150,000,000 + 150,000,000 / (1 + 10/12) = 231,818,181.82 (hand);
    // November pays 150,000,000 on its first day and accrues (231,818,181.82 − 150,000,000) × 10/12 = 68,181,818.18.
    const rows = A.leaseAccountingTable(46204, 47483, [[150_000_000]], "1000%");
    expect(rows[40][4]).toBe(231_818_181.82);
    expect(rows[41][3]).toBe(68_181_818.18);
    expect(rows[41][4]).toBe(150_000_000);
    expect(rows[42][3]).toBe(0);
    expect(rows[42][4]).toBe(0);
    const table = A.maturityTable(46204, 47483, [[150_000_000]], "1000%", null, null, null, null, serialOf("2029-10-31"));
    expect(table[0][1]).toBe(300_000_000); // both within year 1
    expect(table[6][1]).toBe(300_000_000);
    expect(table[7][1]).toBe(-68_181_818.18);
    expect(table[8][1]).toBe(231_818_181.82);
  });
});
