/**
 * The capacity behind a contract (issue 18 §1): from the payment and either the GPU count or the
 * price per GPU-hour, the GPUs, racks, IT load, facility load, energy a month and revenue per unit of
 * power. Figures are doubles (physical quantities and ratios, not money owed); a figure that needs an
 * assumption not given is null ("not given"), never a borrowed number.
 */
import { numError } from "../errors";
import { MONTHS_PER_PERIOD, type Frequency } from "../terms";

/** Hours in a month, the one convention of the repository (gpuHourRate, HoursPerMonth): 8,760 ÷ 12. */
export const HOURS_PER_MONTH = 730;

/** What the capacity is computed from. */
export interface CapacityInput {
  /** The payment per period (a number of money). */
  readonly payment: number;
  /** Months per period from the frequency: the payment per month is payment ÷ months per period. */
  readonly frequency: Frequency;
  /** Exactly one of `gpus` and `pricePerGpuHour`. */
  readonly gpus?: number;
  readonly pricePerGpuHour?: number;
  readonly gpusPerRack?: number | null;
  readonly kwPerRack?: number | null;
  readonly pue?: number | null;
  /** Default {@link HOURS_PER_MONTH}. */
  readonly hoursPerMonth?: number;
}

/** The capacity figures; null: an assumption it needs is not given. */
export interface Capacity {
  readonly paymentPerMonth: number;
  readonly gpus: number;
  readonly pricePerGpuHour: number;
  readonly racks: number | null;
  /** IT (critical) load: racks × kW per rack. */
  readonly itLoadKw: number | null;
  /** Facility load: IT load × PUE. */
  readonly facilityLoadKw: number | null;
  /** Facility load × hours a month ÷ 1,000. */
  readonly energyMwhPerMonth: number | null;
  /** Payment per month × 12 ÷ IT load in MW (revenue per MW of critical IT load a year). */
  readonly revenuePerMwYear: number | null;
  /** Payment per month ÷ IT load in kW. */
  readonly revenuePerKwMonth: number | null;
}

const positive = (value: number, what: string) => {
  if (!(value > 0) || !Number.isFinite(value)) throw numError(`${what} must be greater than zero.`);
  return value;
};

/**
 * The GPUs a payment buys at a price per GPU-hour: payment per month ÷ (hours a month × price) —
 * the inverse of {@link gpuHourRate} (src/core/valuation.ts), with the same 730 hours a month.
 *
 * @example
 * gpusAtPrice(150_000_000, "monthly", 5) // 41095.890410958906 = 150,000,000 ÷ (730 × 5)
 */
export function gpusAtPrice(payment: number, frequency: Frequency, pricePerGpuHour: number, hoursPerMonth = HOURS_PER_MONTH): number {
  positive(pricePerGpuHour, "The price per GPU-hour");
  return positive(payment, "The payment") / MONTHS_PER_PERIOD[frequency] / (positive(hoursPerMonth, "Hours per month") * pricePerGpuHour);
}

/**
 * The capacity behind a payment. Racks are not rounded (570.8 racks of 72 for 41,095.9 GPUs: the
 * contract's capacity, not a build plan). Revenue per MW and per kW are on the IT (critical) load, as
 * colocation and data-centre capacity are priced.
 *
 * @example
 * const c = capacity({ payment: 150e6, frequency: "monthly", pricePerGpuHour: 5, gpusPerRack: 72, kwPerRack: 135, pue: 1.2 });
 * c.gpus // 41095.89… ; c.racks // 570.776… ; c.itLoadKw // 77054.79… ; c.facilityLoadKw // 92465.75…
 * c.energyMwhPerMonth // 67500 = 92,465.75 kW × 730 h ÷ 1,000
 */
export function capacity(input: CapacityInput): Capacity {
  const hours = positive(input.hoursPerMonth ?? HOURS_PER_MONTH, "Hours per month");
  const paymentPerMonth = positive(input.payment, "The payment") / MONTHS_PER_PERIOD[input.frequency];
  const byGpus = input.gpus !== undefined;
  if (byGpus === (input.pricePerGpuHour !== undefined)) throw numError("Give either the GPU count or the price per GPU-hour, not both.");
  const gpus = byGpus ? positive(input.gpus!, "The GPU count") : gpusAtPrice(input.payment, input.frequency, input.pricePerGpuHour!, hours);
  const pricePerGpuHour = byGpus ? paymentPerMonth / gpus / hours : input.pricePerGpuHour!;
  const given = (v: number | null | undefined, what: string) => (v === null || v === undefined ? null : positive(v, what));
  const perRack = given(input.gpusPerRack, "GPUs per rack");
  const kwPerRack = given(input.kwPerRack, "kW per rack");
  const pue = given(input.pue, "The PUE");
  if (pue !== null && pue < 1) throw numError("The PUE must be at least 1 (facility load ÷ IT load).");
  const racks = perRack === null ? null : gpus / perRack;
  const itLoadKw = racks === null || kwPerRack === null ? null : racks * kwPerRack;
  const facilityLoadKw = itLoadKw === null || pue === null ? null : itLoadKw * pue;
  return {
    paymentPerMonth,
    gpus,
    pricePerGpuHour,
    racks,
    itLoadKw,
    facilityLoadKw,
    energyMwhPerMonth: facilityLoadKw === null ? null : (facilityLoadKw * hours) / 1000,
    revenuePerMwYear: itLoadKw === null ? null : (paymentPerMonth * 12) / (itLoadKw / 1000),
    revenuePerKwMonth: itLoadKw === null ? null : paymentPerMonth / itLoadKw,
  };
}
