// Black-box: generated OBS data traces answer `trace_type=data` through the msw handlers, under
// the data trackers the project starts with; management queries do not return them.
import type { ApiTrace, Tracker } from "@ctsim/catalog";
import { createCtsHandlers, loadGeneratedTraces, TraceStore } from "@ctsim/mock";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const NOW = Date.UTC(2026, 5, 15, 12);
const DAY = 86_400_000;
const BASE = "https://cts.cn-north-4.myhuaweicloud.com";
const DATA_SOURCES = ["ObsSDK", "ObsAPI"];

function setUp(modelartsOnly: boolean) {
  const store = new TraceStore({ now: () => NOW });
  const { projects } = loadGeneratedTraces(store, { seed: 5, days: 2, modelartsOnly });
  const server = setupServer(
    ...createCtsHandlers({ store, now: () => NOW, auth: { mode: "token", tokens: ["tok"] } }),
  );
  return { server, project: projects[0] as string };
}

async function get<T>(project: string, path: string, query: Record<string, string>): Promise<T> {
  const search = new URLSearchParams(query).toString();
  const response = await fetch(`${BASE}/v3/${project}${path}?${search}`, {
    headers: { "X-Auth-Token": "tok" },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const window = { from: String(NOW - 2 * DAY), to: String(NOW), limit: "200" };

describe("data traces", () => {
  const { server, project } = setUp(false);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());

  it("come back for trace_type=data, under the data trackers the project lists", async () => {
    const { trackers } = await get<{ trackers: Tracker[] }>(project, "/trackers", {
      tracker_type: "data",
    });
    expect(trackers.map((t) => t.tracker_name).sort()).toEqual(["modelarts-data", "modelarts-ml"]);
    for (const tracker of trackers) {
      const bucket = tracker.data_bucket?.data_bucket_name as string;
      expect(bucket).toMatch(/-(data|ml)$/);
      const { traces } = await get<{ traces: ApiTrace[] }>(project, "/traces", {
        ...window,
        trace_type: "data",
        tracker_name: tracker.tracker_name,
      });
      expect(traces.length).toBeGreaterThan(0);
      for (const trace of traces) {
        expect(DATA_SOURCES).toContain(trace.trace_type);
        expect(trace.service_type).toBe("OBS");
        expect(trace.resource_id?.startsWith(`${bucket}/`)).toBe(true);
      }
    }
  });

  it("stay out of management queries, which carry IAM traces", async () => {
    const { traces } = await get<{ traces: ApiTrace[] }>(project, "/traces", {
      ...window,
      trace_type: "system",
    });
    expect(traces.some((t) => DATA_SOURCES.includes(t.trace_type))).toBe(false);
    const iam = await get<{ traces: ApiTrace[] }>(project, "/traces", {
      ...window,
      trace_type: "system",
      service_type: "IAM",
    });
    expect(iam.traces.length).toBeGreaterThan(0);
  });
});

describe("a ModelArts-only load", () => {
  const { server, project } = setUp(true);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());

  it("has no data tracker and no data traces", async () => {
    const { trackers } = await get<{ trackers: Tracker[] }>(project, "/trackers", {
      tracker_type: "data",
    });
    expect(trackers).toEqual([]);
    const { traces } = await get<{ traces: ApiTrace[] }>(project, "/traces", {
      ...window,
      trace_type: "data",
    });
    expect(traces).toEqual([]);
  });
});
