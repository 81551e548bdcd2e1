import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type MockService, startMockService } from "@ctsim/mock/node";
import { afterAll, afterEach, describe, expect, it } from "vitest";

const HOUR = 3_600_000;
const START = Date.UTC(2026, 11, 2, 13, 7, 30);
const PROJECT_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const dir = mkdtempSync(join(tmpdir(), "ctsim-live-"));
const services: MockService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every system trace id of `(from, to)` over HTTP, walking `next`. */
async function listIds(service: MockService, from: number, to: number): Promise<string[]> {
  const ids: string[] = [];
  let marker: string | null = null;
  do {
    const query = new URLSearchParams({ trace_type: "system", from: `${from}`, to: `${to}` });
    if (marker !== null) query.set("next", marker);
    const response = await fetch(`${service.server.url}/v3/${PROJECT_ID}/traces?${query}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      traces: { trace_id: string }[];
      meta_data: { marker: string | null };
    };
    ids.push(...page.traces.map((t) => t.trace_id));
    marker = page.meta_data.marker;
  } while (marker !== null);
  return ids;
}

/** A live service whose clock stands still (the test drives the live source by hand). */
async function frozen(options: { cacheDir: string | false; tenants: number; days: number }) {
  const service = await startMockService({
    port: 0,
    seed: 5,
    projectId: PROJECT_ID,
    now: () => START,
    live: { speed: 1e-9 },
    ...options,
  });
  services.push(service);
  return service;
}

describe("live mode in startMockService", () => {
  it("continues a history loaded from the snapshot cache as it continues a generated one", async () => {
    const cacheDir = join(dir, "cache");
    // ~57,000 traces: over the cache's 50,000-trace threshold.
    const built = await frozen({ cacheDir, tenants: 9, days: 7 });
    expect(built.load.source).toBe("built");
    expect(await built.load.written).toBe(true);
    const loaded = await frozen({ cacheDir, tenants: 9, days: 7 });
    expect(loaded.load.source).toBe("loaded");
    // Nothing from the start on is visible yet, even the stored history of [start, hour end).
    const far = START + 48 * HOUR;
    for (const service of [built, loaded]) {
      expect(await listIds(service, START - 1, far)).toEqual([]);
    }
    for (const service of [built, loaded]) service.live!.advance(START + 2 * HOUR);
    const a = await listIds(built, START - HOUR, far);
    const b = await listIds(loaded, START - HOUR, far);
    expect(a.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
    expect(built.live!.visible).toBe(loaded.live!.visible);
  }, 120_000);

  it("reports a listener that throws and keeps serving", async () => {
    const errors: string[] = [];
    const service = await startMockService({
      port: 0,
      seed: 6,
      days: 1,
      tenants: 3,
      projectId: PROJECT_ID,
      cacheDir: false,
      now: () => START,
      live: {
        speed: 1e-9,
        onListenerError: (error, hook) => errors.push(`${hook}: ${(error as Error).message}`),
      },
    });
    services.push(service);
    const seen: string[] = [];
    service.live!.onVisible(() => {
      throw new Error("webhook down");
    });
    service.live!.onVisible((traces) => seen.push(...traces.map((t) => t.event.traceId)));
    service.live!.advance(START + HOUR);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toBe("visible: webhook down");
    const ids = await listIds(service, START - 1, START + HOUR);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(seen).toContain(id);
  });
});
