import { createCtsHandlers, TraceStore } from "@ctsim/mock";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTrace, traceUuid } from "./support/traces.js";

const PID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const NOW = Date.UTC(2026, 5, 15, 12);
const BASE = "https://cts.cn-north-4.myhuaweicloud.com";
const store = new TraceStore({ now: () => NOW });
for (let i = 0; i < 12; i++)
  store.appendApiTrace(apiTrace({ id: traceUuid(i), time: NOW - (12 - i) * 1000 }), {
    projectId: PID,
  });
const server = setupServer(
  ...createCtsHandlers({
    store,
    now: () => NOW,
    auth: { mode: "token", tokens: ["tok"] },
    faults: "notifications:drop=1",
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

describe("createCtsHandlers", () => {
  it("answers intercepted fetches through the core", async () => {
    const response = await fetch(`${BASE}/v3/${PID}/traces?limit=5`, {
      headers: { "X-Auth-Token": "tok" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    const body = (await response.json()) as { meta_data: { count: number } };
    expect(body.meta_data.count).toBe(5);
  });

  // Page bodies are pooled and released as soon as the Response is built: each Response must
  // hold its own copy, or reading an earlier page after a later one would show the later bytes.
  it("keeps each page intact while later pages are answered", async () => {
    const page = (limit: number) =>
      fetch(`${BASE}/v3/${PID}/traces?limit=${limit}`, { headers: { "X-Auth-Token": "tok" } });
    const first = await page(6);
    const second = await page(5);
    const ids = async (response: Response) =>
      ((await response.json()) as { traces: { trace_id: string }[] }).traces.map((t) => t.trace_id);
    expect(await ids(second)).toEqual([11, 10, 9, 8, 7].map(traceUuid));
    expect(await ids(first)).toEqual([11, 10, 9, 8, 7, 6].map(traceUuid));
  });

  it("passes headers and bodies to auth and handlers", async () => {
    const denied = await fetch(`${BASE}/v3/${PID}/quotas`);
    expect(denied.status).toBe(401);
    const created = await fetch(`${BASE}/v3/${PID}/tracker`, {
      method: "POST",
      headers: { "X-Auth-Token": "tok" },
      body: JSON.stringify({
        tracker_type: "data",
        tracker_name: "d1",
        data_bucket: { data_bucket_name: "b", data_event: ["WRITE"] },
      }),
    });
    expect(created.status).toBe(201);
    const versions = await fetch(`${BASE}/`);
    expect(
      ((await versions.json()) as { versions: { links: { href: string } }[] }).versions[0]?.links
        .href,
    ).toBe(`${BASE}/v1.0/`);
  });

  it("turns a dropped connection into a network error", async () => {
    await expect(
      fetch(`${BASE}/v3/${PID}/notifications/smn`, { headers: { "X-Auth-Token": "tok" } }),
    ).rejects.toThrow();
  });
});
