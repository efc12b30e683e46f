import fc from "fast-check";
import { Decimal, roundCents, toNumber } from "../../src/core";

describe("money", () => {
  it("rounds halves away from zero, as Excel's ROUND does", () => {
    expect(roundCents(new Decimal("2.345")).toString()).toBe("2.35");
    expect(roundCents(new Decimal("-2.345")).toString()).toBe("-2.35");
    expect(roundCents(new Decimal("140322580.6451612903")).toString()).toBe("140322580.65");
  });

  it("adds exactly where doubles do not: 0.1 + 0.2 = 0.3", () => {
    expect(new Decimal(0.1).plus(new Decimal(0.2)).toString()).toBe("0.3");
  });

  it("toNumber gives the same double as parsing the decimal's text, on any decimal", () => {
    const decimals = fc.oneof(
      fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 30 })).map(
        ([units, scale]) => new Decimal(units.toString()).dividedBy(new Decimal(10).pow(scale)),
      ),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => new Decimal(x)),
      fc.integer({ min: -1e9, max: 1e9 }).map((cents) => new Decimal(cents).dividedBy(100)),
    );
    fc.assert(
      fc.property(decimals, (x) => {
        expect(toNumber(x) === Number(x.toString())).toBe(true); // === also lets -0 match "0"
      }),
      { numRuns: 20_000 },
    );
  });
});
