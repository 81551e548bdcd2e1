import { encodeApiTraceJson, generateTraces } from "@ctsim/generator";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { loadGeneratedTraces } from "../store/load-generated-traces.js";
import { TraceStore } from "../store/trace-store.js";
import { type LiveHook, LiveSource, type LiveTrace } from "./live-source.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const END = Date.UTC(2026, 11, 5, 16);

/** A store with `days` of history ending at `END`, its clock a variable the test moves. */
function world(
  seed: number,
  options: { days?: number; retentionMs?: number; tenants?: number } = {},
) {
  const clock = { now: END - 20 * MINUTE };
  const store = new TraceStore({
    now: () => clock.now,
    ...(options.retentionMs === undefined ? {} : { retentionMs: options.retentionMs }),
  });
  const days = options.days ?? 1;
  const tenants = options.tenants ?? 1;
  loadGeneratedTraces(store, { seed, days, end: END, tenants });
  return { clock, store, days, tenants };
}

/** Every trace id the store returns for the project over `(after, before)`, walking pages. */
function visibleIds(store: TraceStore, projectId: string, after: number, before: number): string[] {
  return [
    ...kindIds(store, projectId, "system", after, before),
    ...kindIds(store, projectId, "data", after, before),
  ];
}

function kindIds(
  store: TraceStore,
  projectId: string,
  kind: "system" | "data",
  after: number,
  before: number,
): string[] {
  const ids: string[] = [];
  let olderThan: string | undefined;
  for (;;) {
    const page = store.query({
      projectId,
      kind,
      after,
      before,
      limit: 50,
      ...(olderThan === undefined ? {} : { olderThan }),
    });
    for (const record of page.traces)
      ids.push(JSON.parse(new TextDecoder().decode(record)).trace_id);
    if (!page.hasMore || page.lastTraceId === undefined) return ids;
    olderThan = page.lastTraceId;
  }
}

describe("LiveSource", () => {
  test.prop(
    [
      fc.integer({ min: 1, max: 1000 }),
      fc.array(fc.integer({ min: 1, max: 40 * MINUTE }), { minLength: 1, maxLength: 40 }),
    ],
    { numRuns: 6 },
  )(
    "produces the generator's timeline from the start on, whatever the clock's steps",
    (seed, steps) => {
      const { clock, store, days } = world(seed);
      const live = new LiveSource({ store, seed, days, start: clock.now, end: END });
      const produced: LiveTrace[] = [];
      live.onProduced((traces) => produced.push(...traces));
      for (const step of steps) {
        clock.now += step;
        live.advance(clock.now);
      }
      // The same run as the history's, left open: its traces of [start, clock] in order.
      const expected: string[] = [];
      for (const event of generateTraces({ seed, now: END, from: END - days * DAY })) {
        if (event.time > clock.now) break;
        if (event.time >= live.start) expected.push(encodeApiTraceJson(event));
      }
      // Equal times are stored in the store's order, not the generator's: compare as sets there.
      expect(produced.map((t) => t.json).sort()).toEqual(expected.slice().sort());
      const times = produced.map((t) => t.event.time);
      expect(times).toEqual(times.slice().sort((a, b) => a - b));
      expect(live.produced).toBe(expected.length);
    },
  );

  /**
   * Moves the clock by `steps`, checking after each that ListTraces shows exactly the traces
   * whose visibleAt has come; returns whether a trace was ever seen in flight (produced, not
   * yet visible).
   */
  function walkVisibility(seed: number, steps: readonly number[]): boolean {
    const { clock, store, days } = world(seed);
    const projectId = store.projects().keys().next().value as string;
    const live = new LiveSource({ store, seed, days, start: clock.now, end: END });
    const all: LiveTrace[] = [];
    live.onProduced((traces) => all.push(...traces));
    let sawLate = false;
    for (const step of steps) {
      clock.now += step;
      live.advance(clock.now);
      const expected = all
        .filter((t) => t.visibleAt <= clock.now && t.projectId === projectId)
        .map((t) => t.event.traceId);
      const shown = visibleIds(store, projectId, live.start - 1, clock.now + DAY);
      expect(shown.sort()).toEqual(expected.sort());
      if (all.some((t) => t.event.time <= clock.now && t.visibleAt > clock.now)) sawLate = true;
      for (const t of all) {
        const found = store.findById(t.projectId, t.event.traceId) !== undefined;
        expect(found).toBe(t.visibleAt <= clock.now);
      }
    }
    expect(live.visible + live.pending).toBe(live.produced);
    return sawLate;
  }

  test.prop(
    [
      fc.integer({ min: 1, max: 1000 }),
      fc.array(fc.integer({ min: 1, max: 10 * MINUTE }), { minLength: 1, maxLength: 30 }),
    ],
    { numRuns: 6 },
  )(
    "ListTraces shows exactly the traces whose visibleAt has come, even asked about the future",
    (seed, steps) => {
      walkVisibility(seed, steps);
    },
  );

  // A run of long steps can see no trace in flight at any step (seen: 10 steps of 15 s–6.5 min
  // over a sparse tenant), so late traces are made certain here: 5-second steps over two hours,
  // against ingestion delays of 2 s and more.
  it("shows no trace before its visibleAt while traces are in flight", () => {
    expect(
      walkVisibility(
        7,
        Array.from({ length: 1440 }, () => 5_000),
      ),
    ).toBe(true);
  });

  it("tells onVisible each trace once, in visibility order, when ListTraces already shows it", () => {
    const seed = 11;
    const { clock, store, days, tenants } = world(seed, { tenants: 3 });
    const live = new LiveSource({ store, seed, days, tenants, start: clock.now, end: END });
    const seen: LiveTrace[] = [];
    let last = Number.NEGATIVE_INFINITY;
    live.onVisible((traces, at) => {
      expect(at).toBeGreaterThan(last);
      last = at;
      for (const trace of traces) {
        expect(trace.visibleAt).toBe(at);
        expect(store.findById(trace.projectId, trace.event.traceId)).toBe(trace.json);
      }
      seen.push(...traces);
    });
    for (let i = 0; i < 600; i++) {
      clock.now += 37_000;
      live.advance(clock.now);
    }
    expect(seen.length).toBe(live.visible);
    expect(new Set(seen.map((t) => t.event.traceId)).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(50);
    // Visibility order differs from time order: late arrivals come after younger traces.
    const times = seen.map((t) => t.event.time);
    expect(times).not.toEqual(times.slice().sort((a, b) => a - b));
  });

  it("reports a throwing listener and carries on", () => {
    const seed = 12;
    const { clock, store, days } = world(seed);
    const errors: [unknown, LiveHook][] = [];
    const live = new LiveSource({
      store,
      seed,
      days,
      start: clock.now,
      end: END,
      onListenerError: (error, hook) => errors.push([error, hook]),
    });
    let calls = 0;
    live.onVisible(() => {
      throw new Error("receiver down");
    });
    const unsubscribe = live.onProduced(() => {
      throw new Error("producer hook down");
    });
    live.onVisible((traces) => {
      calls += traces.length;
    });
    clock.now += 2 * HOUR;
    live.advance(clock.now);
    expect(calls).toBe(live.visible);
    expect(calls).toBeGreaterThan(0);
    expect(
      errors.some(([e, hook]) => hook === "visible" && (e as Error).message === "receiver down"),
    ).toBe(true);
    expect(errors.some(([, hook]) => hook === "produced")).toBe(true);
    unsubscribe();
    const before = errors.filter(([, hook]) => hook === "produced").length;
    clock.now += HOUR;
    live.advance(clock.now);
    expect(errors.filter(([, hook]) => hook === "produced").length).toBe(before);
  });

  it("keeps the store within the retention window over a long run", () => {
    const seed = 13;
    const retentionMs = DAY;
    const { clock, store, days } = world(seed, { retentionMs });
    const live = new LiveSource({ store, seed, days, start: clock.now, end: END });
    const times: number[] = [];
    for (const event of generateTraces({ seed, now: END, from: END - days * DAY, to: live.start }))
      times.push(event.time);
    live.onProduced((traces) => {
      for (const t of traces) times.push(t.event.time);
    });
    for (let i = 0; i < 4 * 24; i++) {
      clock.now += HOUR;
      live.advance(clock.now);
      const cutoff = clock.now - retentionMs;
      // Within the window plus the hour since the last check, plus 1/32 of the store.
      const kept = times.filter((t) => t >= cutoff - HOUR).length;
      expect(store.size).toBeLessThanOrEqual(Math.ceil(kept * (33 / 32)) + live.pending + 1);
    }
    expect(live.pruned).toBeGreaterThan(0);
    expect(store.size).toBeLessThan(times.length);
  });

  it("refuses a start after the history's end", () => {
    const { store } = world(1);
    expect(() => new LiveSource({ store, start: END + 1, end: END })).toThrow(/must not be after/);
  });
});

describe("LiveSource.holdWhile", () => {
  /** What the hooks saw: each visible call's instant and trace ids, and the clock after each advance. */
  function observe(live: LiveSource): { visible: string[]; clocks: number[] } {
    const seen = { visible: [] as string[], clocks: [] as number[] };
    live.onVisible((traces, at) =>
      seen.visible.push(`${at}:${traces.map((t) => t.event.traceId).join(",")}`),
    );
    return seen;
  }

  test.prop(
    [
      fc.integer({ min: 1, max: 1000 }),
      fc.array(fc.integer({ min: 1, max: 30 * MINUTE }), { minLength: 1, maxLength: 20 }),
      fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }),
    ],
    { numRuns: 5 },
  )(
    "held or not, the same traces become visible at the same instants, in the same order; the clock stops only on a hold",
    (seed, steps, pattern) => {
      const free = world(seed);
      const held = world(seed);
      const freeLive = new LiveSource({ store: free.store, seed, start: free.clock.now, end: END });
      const heldLive = new LiveSource({ store: held.store, seed, start: held.clock.now, end: END });
      const freeSeen = observe(freeLive);
      const heldSeen = observe(heldLive);
      let calls = 0;
      let holding = false;
      heldLive.holdWhile(() => {
        holding = pattern[calls++ % pattern.length] === true && calls < 400;
        return holding;
      });
      for (const step of steps) {
        free.clock.now += step;
        held.clock.now += step;
        freeLive.advance(free.clock.now);
        heldLive.advance(held.clock.now);
        // Short of the clock only when the last look at the hold found it on.
        if (heldLive.now < held.clock.now) expect(holding).toBe(true);
      }
      // Released, it catches up to the same state.
      heldLive.advance(held.clock.now + 1);
      freeLive.advance(free.clock.now + 1);
      heldLive.holdWhile(() => false);
      calls = 10_000;
      heldLive.advance(held.clock.now + 2);
      freeLive.advance(free.clock.now + 2);
      expect(heldLive.now).toBe(freeLive.now);
      expect(heldSeen.visible).toEqual(freeSeen.visible);
    },
  );

  it("moves one simulated minute at a time while no hold is on, and resumes where it stopped", () => {
    const { clock, store } = world(3);
    const live = new LiveSource({ store, seed: 3, start: clock.now, end: END });
    let looks = 0;
    let holdFrom = 3;
    const release = live.holdWhile(() => ++looks >= holdFrom);
    const start = live.now;
    live.advance(start + HOUR);
    // Two looks found no hold: two steps of a minute; the third found one.
    expect(live.now).toBe(start + 2 * MINUTE);
    live.advance(start + 2 * HOUR);
    expect(live.now).toBe(start + 2 * MINUTE);
    holdFrom = Number.POSITIVE_INFINITY;
    live.advance(start + 2 * HOUR);
    expect(live.now).toBe(start + 2 * HOUR);
    release();
    live.advance(start + 3 * HOUR);
    expect(live.now).toBe(start + 3 * HOUR);
  });
});
