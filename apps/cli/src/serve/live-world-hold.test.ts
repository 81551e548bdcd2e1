import type { ArrivedTrace, TrackerTransfer } from "@ctsim/delivery/node";
import { LiveSource, loadGeneratedTraces, TraceStore } from "@ctsim/mock";
import { describe, expect, it } from "vitest";
import { connectLiveWorld } from "./live-world.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const END = Date.UTC(2026, 11, 5, 16);

/** A transfer that writes only when told to: its backlog is what it was given and not drained. */
function slowTransfer(): TrackerTransfer & { drain(): void; taken: string[]; mostQueued: number } {
  let queued: ArrivedTrace[] = [];
  const transfer = {
    taken: [] as string[],
    mostQueued: 0,
    get backlog() {
      return queued.length;
    },
    deliver(traces: Iterable<ArrivedTrace>) {
      queued.push(...traces);
      transfer.mostQueued = Math.max(transfer.mostQueued, queued.length);
    },
    drain() {
      transfer.taken.push(...queued.map((trace) => trace.event.traceId));
      queued = [];
    },
    advance() {},
    settled: async () => undefined,
    close: async () => ({ writers: 0, traces: 0, files: 0, records: 0, duplicates: 0, digests: 0 }),
  };
  return transfer;
}

function liveTenant(seed: number) {
  const clock = { now: END - 10 * MINUTE };
  const store = new TraceStore({ now: () => clock.now });
  loadGeneratedTraces(store, { seed, days: 1, end: END, tenants: 3 });
  return new LiveSource({ store, seed, start: clock.now, end: END });
}

describe("connectLiveWorld: a transfer that falls behind holds the live clock", () => {
  it("stops the clock while the backlog is full, and every trace still reaches the transfer once, in order", () => {
    const held = liveTenant(5);
    const free = liveTenant(5);
    const transfer = slowTransfer();
    connectLiveWorld(held, { transfer, transferBacklog: 5 });
    const freeIds: string[] = [];
    free.onVisible((traces) => freeIds.push(...traces.map((t) => t.event.traceId)));

    const target = held.now + 12 * HOUR;
    held.advance(target);
    // Stopped where the backlog filled up, short of the target.
    expect(transfer.backlog).toBeGreaterThanOrEqual(5);
    expect(held.now).toBeLessThan(target);
    const stoppedAt = held.now;
    held.advance(target);
    expect(held.now).toBe(stoppedAt);

    let stops = 0;
    while (held.now < target && stops++ < 100_000) {
      expect(transfer.backlog).toBeGreaterThanOrEqual(5);
      transfer.drain();
      held.advance(target);
    }
    expect(stops).toBeGreaterThan(5);
    transfer.drain();
    free.advance(target);
    expect(held.now).toBe(target);
    expect(transfer.taken).toEqual(freeIds);
    expect(freeIds.length).toBeGreaterThan(100);
    // Never more queued than the limit plus what one simulated minute brings.
    expect(transfer.mostQueued).toBeLessThan(5 + 60);
  });
});
