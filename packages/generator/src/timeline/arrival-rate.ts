import { hashUnit } from "../internal/prng.js";
import { STREAM } from "../internal/streams.js";
import type { Tenant } from "../tenant/tenant.js";

const HOUR = 3_600_000;

/** Share of peak activity by local hour of a working day: a morning and an afternoon hump. */
const DIURNAL = [
  0.03, 0.02, 0.015, 0.015, 0.02, 0.04, 0.1, 0.3, 0.7, 1, 1, 0.9, 0.55, 0.8, 1, 1, 0.9, 0.7, 0.45,
  0.35, 0.3, 0.22, 0.12, 0.06,
] as const;
/** Weekly factor by local day (0 = Sunday). */
const WEEKLY = [0.12, 1, 1, 1, 1, 0.9, 0.18] as const;
/** Human sessions per person per hour at peak. */
const PEOPLE_PEAK = 0.55;
/** Bot sessions per bot per hour (flat, with a nightly batch at 02:00 local). */
const BOT_RATE = 0.35;
/** Share of (tenant, hour) buckets with a burst, and the burst multiplier. */
const BURST_SHARE = 0.04;
const BURST_FACTOR = 5;

/** Arrival rates of one hour bucket: per tenant and class, cumulative, per hour. */
export interface BucketRates {
  readonly hour: number;
  /** Cumulative rates: entry 2k is tenant k's humans, 2k+1 its bots. */
  readonly cumulative: Float64Array;
  readonly total: number;
}

/**
 * Session arrival rates (per hour) of an hour bucket for every tenant: people follow a diurnal
 * and weekly curve in the tenant's timezone with seeded bursts; bots run around the clock.
 */
export function bucketRates(
  seed: number,
  tenants: readonly Tenant[],
  hour: number,
  load: number,
): BucketRates {
  const cumulative = new Float64Array(tenants.length * 2);
  let total = 0;
  for (let k = 0; k < tenants.length; k++) {
    const tenant = tenants[k] as Tenant;
    const local = hour + tenant.utcOffsetMinutes / 60;
    const hourOfDay = ((local % 24) + 24) % 24;
    const day = (((Math.floor(local / 24) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    const burst = hashUnit(seed, STREAM.burst, k, hour) < BURST_SHARE ? BURST_FACTOR : 1;
    const people = tenant.people.length + tenant.federated.length;
    const human = people * PEOPLE_PEAK * (DIURNAL[hourOfDay] ?? 0) * (WEEKLY[day] ?? 0) * burst;
    const bot = tenant.bots.length * BOT_RATE * (hourOfDay === 2 ? 3 : 1);
    total += human * load;
    cumulative[2 * k] = total;
    total += bot * load;
    cumulative[2 * k + 1] = total;
  }
  return { hour, cumulative, total };
}

/** Expected number of sessions in `[from, to)` at load 1 (used to size `count` runs). */
export function expectedSessions(
  seed: number,
  tenants: readonly Tenant[],
  from: number,
  to: number,
): number {
  let sum = 0;
  for (const [hour, ms] of hourSpans(from, to)) {
    sum += (bucketRates(seed, tenants, hour, 1).total * ms) / HOUR;
  }
  return sum;
}

/** {@link expectedSessions} by session class (used to size `expectedCount` runs). */
export function expectedSessionsByClass(
  seed: number,
  tenants: readonly Tenant[],
  from: number,
  to: number,
): { readonly human: number; readonly bot: number } {
  let human = 0;
  let bot = 0;
  for (const [hour, ms] of hourSpans(from, to)) {
    const share = ms / HOUR;
    const { cumulative } = bucketRates(seed, tenants, hour, 1);
    for (let k = 0; k < tenants.length; k++) {
      const before = k === 0 ? 0 : (cumulative[2 * k - 1] as number);
      human += ((cumulative[2 * k] as number) - before) * share;
      bot += ((cumulative[2 * k + 1] as number) - (cumulative[2 * k] as number)) * share;
    }
  }
  return { human, bot };
}

/** Each hour bucket overlapping `[from, to)`, with the milliseconds of the overlap. */
function* hourSpans(from: number, to: number): Generator<readonly [hour: number, ms: number]> {
  for (let hour = Math.floor(from / HOUR); hour * HOUR < to; hour++) {
    yield [hour, Math.min(to, (hour + 1) * HOUR) - Math.max(from, hour * HOUR)];
  }
}
