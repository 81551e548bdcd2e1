import { generateTraces } from "@ctsim/generator";
import { type MockService, startMockService } from "@ctsim/mock/node";
import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_INGESTION_DELAY,
  ingestionDelayMs,
  maxIngestionDelayMs,
} from "../src/live/ingestion-delay.js";
import { kindOf } from "../src/store/trace-fields.js";
import { TracePoller } from "./support/trace-poller.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A weekday afternoon (UTC), so the tenant is busy. */
const START = Date.UTC(2026, 11, 2, 13, 7, 30);
const SEED = 21;
const TENANTS = 10;
/** Every tenant's traces filed under one project, so one poller sees them all. */
const PROJECT_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
/** Three hours of the tenant, polled every 45 simulated seconds. */
const SIMULATED_MS = 3 * HOUR;
const POLL_EVERY_MS = 45_000;

let service: MockService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

describe("serve --live, polled over HTTP", () => {
  it("a poller whose windows overlap by the longest delay finds every trace once; one without overlap misses late ones", async () => {
    // The clock is moved by the test (not timed): every poll meets the same world on any machine.
    let clock = START;
    service = await startMockService({
      port: 0,
      seed: SEED,
      days: 1,
      tenants: TENANTS,
      projectId: PROJECT_ID,
      cacheDir: false,
      now: () => START,
      live: { clock: () => clock, tickMs: 10 },
    });
    const live = service.live!;
    const { projectId } = service;
    const baseUrl = service.server.url;
    const lagMs = maxIngestionDelayMs(DEFAULT_INGESTION_DELAY) + 60_000;
    const careful = new TracePoller({ baseUrl, projectId, lagMs, from: live.start - 1 });
    const naive = new TracePoller({ baseUrl, projectId, lagMs: 0, from: live.start - 1 });
    let last = live.start;
    while (last < live.start + SIMULATED_MS) {
      clock += POLL_EVERY_MS;
      live.advance(clock);
      last = service.now();
      await Promise.all([careful.poll(last), naive.poll(last)]);
    }

    // What the seeded timeline says was visible by the last poll (system traces of the project):
    // the service's run starts at the UTC midnight before its history (`anchor: "day"`).
    const end = Math.ceil(START / HOUR) * HOUR;
    const expected = new Set<string>();
    for (const event of generateTraces({
      seed: SEED,
      now: end,
      from: Math.floor((end - DAY) / DAY) * DAY,
      tenants: TENANTS,
    })) {
      if (event.time >= last) break;
      if (event.time < live.start || kindOf(event) === "data") continue;
      if (event.time + ingestionDelayMs(SEED, event.traceId, DEFAULT_INGESTION_DELAY) <= last)
        expected.add(event.traceId);
    }
    expect(expected.size).toBeGreaterThan(100);

    const found = careful.stored.map((t) => t.id);
    expect(new Set(found).size).toBe(found.length);
    // Exactly the expected traces, each once (the clock stood still during each poll).
    expect(found.filter((id) => !expected.has(id))).toEqual([]);
    expect(found.filter((id) => expected.has(id)).length).toBe(expected.size);
    // The overlap did its work: traces came back and were stored once.
    expect(careful.received).toBeGreaterThan(careful.stored.length);

    const missed = [...expected].filter((id) => !naive.stored.some((t) => t.id === id));
    expect(missed.length).toBeGreaterThan(0);
    expect(naive.received).toBe(naive.stored.length);
  }, 60_000);
});
