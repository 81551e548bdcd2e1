import { Prng } from "../internal/prng.js";
import { STREAM } from "../internal/streams.js";
import type { ScenarioName } from "../scenarios/scenario-registry.js";
import type { Tenant } from "../tenant/tenant.js";
import type { SessionClass } from "../workflows/workflow-mix.js";
import { type BucketRates, bucketRates } from "./arrival-rate.js";
import { KeyClocks, type KeySlot } from "./key-clocks.js";
import { PipelineClocks, type PipelineSlot } from "./pipeline-clocks.js";

const HOUR = 3_600_000;
const SCENARIO_PERIOD = 2 * 86_400_000;
/**
 * First index of key rotation sessions, which count on their own (below 2^38, the trace ids'
 * session space), so the regular sessions keep their indices with and without them.
 */
const KEY_INDEX_BASE = 2 ** 37;

/**
 * One session start: every shard walks the same sequence and expands only its own indices.
 * Plain data (JSON-safe): a resumed run takes the starts of the sessions open at its resume
 * point as such (see `TimelineOptions.resume`).
 */
export type SessionStart = Arrival;

/** One session start (see {@link SessionStart}). */
export interface Arrival {
  readonly time: number;
  /** Global session index (0-based, in arrival order). */
  readonly index: number;
  readonly tenant: number;
  readonly sessionClass: SessionClass;
  /** Set for an injected anomaly session. */
  readonly scenario: ScenarioName | null;
  /** Set for a scheduled pipeline run of one of the tenant's projects. */
  readonly pipeline?: PipelineSlot;
  /** Set for a step of a key rotation (see {@link KeyClocks}). */
  readonly key?: KeySlot;
}

interface ScenarioClock {
  readonly scenario: ScenarioName;
  readonly tenant: number;
  occurrence: number;
  time: number;
}

/**
 * The global arrival sequence: a non-homogeneous Poisson process with rates constant per hour
 * bucket (exact sampling, no thinning), merged with the anomaly occurrences, the tenants'
 * scheduled pipeline runs (see {@link PipelineClocks}) and, with `keyRotations`, their access
 * key rotations (see {@link KeyClocks}). Cheap per arrival,
 * so every shard can walk all of it.
 */
export class ArrivalStream {
  private readonly rng: Prng;
  private readonly seed: number;
  private readonly tenants: readonly Tenant[];
  private readonly load: number;
  private readonly from: number;
  private readonly to: number;
  private readonly period: number;
  private readonly clocks: ScenarioClock[];
  private readonly pipelines: PipelineClocks;
  private readonly keys: KeyClocks | null;
  private keyIndex = KEY_INDEX_BASE;
  private rates: BucketRates;
  private time: number;
  /** The next regular arrival, drawn ahead (`pendingTime` is -1 when none is drawn yet). */
  private pendingTime = -1;
  private pendingTenant = 0;
  private pendingClass: SessionClass = "human";
  private exhausted = false;
  private index = 0;

  constructor(
    seed: number,
    tenants: readonly Tenant[],
    from: number,
    to: number,
    load: number,
    scenarios: readonly ScenarioName[],
    keyRotations: boolean,
  ) {
    this.seed = seed;
    this.rng = Prng.derive(seed, STREAM.arrivals);
    this.tenants = tenants;
    this.load = load;
    this.from = from;
    this.to = to;
    this.time = from;
    this.rates = bucketRates(seed, tenants, Math.floor(from / HOUR), load);
    this.period = Math.min(SCENARIO_PERIOD, to - from);
    this.clocks = [];
    this.pipelines = new PipelineClocks({ seed, tenants, from, to });
    this.keys = keyRotations ? new KeyClocks({ tenants, from, to }) : null;
    scenarios.forEach((scenario, s) => {
      for (let tenant = 0; tenant < tenants.length; tenant++) {
        const clock = { scenario, tenant, occurrence: 0, time: 0 };
        this.schedule(clock, s);
        this.clocks.push(clock);
      }
    });
  }

  /** The next session start before the window end, or `null`. */
  next(): Arrival | null {
    if (this.pendingTime < 0 && !this.exhausted) this.exhausted = !this.nextRegular();
    let clock: ScenarioClock | null = null;
    for (const candidate of this.clocks) {
      if (candidate.time < this.to && (clock === null || candidate.time < clock.time))
        clock = candidate;
    }
    const regular = this.pendingTime >= 0;
    const keys = this.keys;
    if (keys !== null && keys.nextTime < this.to && keys.nextTime <= this.pipelines.nextTime) {
      const keyTime = keys.nextTime;
      if ((clock === null || keyTime < clock.time) && (!regular || keyTime < this.pendingTime)) {
        const key = keys.take();
        const index = this.keyIndex++;
        return {
          time: key.time,
          index,
          tenant: key.tenant,
          sessionClass: "human",
          scenario: null,
          key,
        };
      }
    }
    const pipelineTime = this.pipelines.nextTime;
    if (
      pipelineTime < this.to &&
      (clock === null || pipelineTime < clock.time) &&
      (!regular || pipelineTime < this.pendingTime)
    ) {
      const pipeline = this.pipelines.take();
      return {
        time: pipeline.time,
        index: this.index++,
        tenant: pipeline.tenant,
        sessionClass: "bot",
        scenario: null,
        pipeline,
      };
    }
    if (clock !== null && (!regular || clock.time < this.pendingTime)) {
      const arrival: Arrival = {
        time: clock.time,
        index: this.index++,
        tenant: clock.tenant,
        sessionClass: "human",
        scenario: clock.scenario,
      };
      clock.occurrence++;
      this.schedule(clock, this.clocks.indexOf(clock));
      return arrival;
    }
    if (!regular) return null;
    const time = this.pendingTime;
    this.pendingTime = -1;
    return {
      time,
      index: this.index++,
      tenant: this.pendingTenant,
      sessionClass: this.pendingClass,
      scenario: null,
    };
  }

  private schedule(clock: ScenarioClock, salt: number): void {
    const u = Prng.derive(this.seed, STREAM.scenario, salt, clock.tenant, clock.occurrence).next();
    clock.time = Math.floor(this.from + this.period * (clock.occurrence + 0.05 + 0.6 * u));
  }

  /** Draws the next regular arrival into the pending fields; `false` at the window end. */
  private nextRegular(): boolean {
    const rng = this.rng;
    for (;;) {
      const bucketEnd = (this.rates.hour + 1) * HOUR;
      const total = this.rates.total;
      const gap = total > 0 ? rng.exp(HOUR / total) : Number.POSITIVE_INFINITY;
      if (this.time + gap < bucketEnd) {
        this.time += gap;
        if (this.time >= this.to) return false;
        const roll = rng.next() * total;
        const cumulative = this.rates.cumulative;
        let slot = 0;
        while (slot < cumulative.length - 1 && (cumulative[slot] as number) <= roll) slot++;
        this.pendingTime = Math.floor(this.time);
        this.pendingTenant = slot >> 1;
        this.pendingClass = slot & 1 ? "bot" : "human";
        return true;
      }
      this.time = bucketEnd;
      if (this.time >= this.to) return false;
      this.rates = bucketRates(this.seed, this.tenants, this.rates.hour + 1, this.load);
    }
  }
}
