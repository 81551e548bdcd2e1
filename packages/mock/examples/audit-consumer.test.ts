import { encodeApiTraceJson, generateTraces } from "@ctsim/generator";
import { createCtsHandlers, TraceStore } from "@ctsim/mock";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeOrder } from "../test/support/traces.js";
import { findDeletions } from "./audit-consumer.js";

const NOW = Date.UTC(2026, 5, 15, 12);
const DAY = 86_400_000;
const BASE = "https://cts.cn-north-4.myhuaweicloud.com";
const events = [
  ...generateTraces({ seed: 11, now: NOW, from: NOW - 3 * DAY, to: NOW, count: 3000 }),
];
const store = new TraceStore({ now: () => NOW });
for (const event of events) store.add(event, encodeApiTraceJson(event));
store.compact();
const projectId = events[0]!.projectId;
const server = setupServer(
  ...createCtsHandlers({
    store,
    now: () => NOW,
    auth: { mode: "token", tokens: ["audit-token"] },
    faults: "traces:fail-page=2:503:2,duplicates=0.5,throttle=0.1",
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

describe("audit consumer against setupServer", () => {
  it("finds exactly the deletions of the window despite throttling, 503s and duplicates", async () => {
    const from = NOW - 2 * DAY;
    const found = await findDeletions({
      baseUrl: BASE,
      projectId,
      from,
      to: NOW,
      headers: { "X-Auth-Token": "audit-token" },
    });
    // Newest first; traces with the same time come later-recorded first.
    const truth = events
      .filter(
        (e) =>
          e.projectId === projectId &&
          e.time > from &&
          e.time < NOW &&
          /^delete/i.test(e.traceName),
      )
      .sort((a, b) => storeOrder(b, a));
    expect(truth.length).toBeGreaterThan(0);
    expect(found.map((d) => d.traceId)).toEqual(truth.map((e) => e.traceId));
    expect(found[0]).toEqual({
      traceId: truth[0]!.traceId,
      traceName: truth[0]!.traceName,
      resourceName: truth[0]!.resourceName,
      user: truth[0]!.userName,
      time: truth[0]!.time,
    });
  });

  it("surfaces an authentication failure instead of retrying it", async () => {
    const attempt = findDeletions({
      baseUrl: BASE,
      projectId,
      from: NOW - DAY,
      to: NOW,
      headers: { "X-Auth-Token": "wrong" },
    });
    await expect(attempt).rejects.toThrow(/401 APIGW.0301/);
  });
});
