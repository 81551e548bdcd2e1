import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encodeApiTraceJson, generateTraces } from "@ctsim/generator";
import { afterEach, describe, expect, it } from "vitest";
import { createCtsCore } from "../../core/cts-core.js";
import { responseText } from "../../core/cts-request.js";
import { createCoreNotifier } from "./core-notifier.js";

const NOW = Date.UTC(2025, 5, 2);
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise<void>((r) => s.close(() => r()));
});

function api(core: ReturnType<typeof createCtsCore>, method: string, path: string, body?: unknown) {
  const response = core.handle({
    method,
    path,
    query: "",
    headers: { "content-type": "application/json" },
    body: body === undefined ? "" : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: JSON.parse(responseText(response) || "null") as Record<string, unknown>,
  };
}

describe("createCoreNotifier", () => {
  it("fires notifications created through the API for traces that come after, and none before", async () => {
    const bodies: string[] = [];
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (c: Buffer) => {
        body += c.toString();
      });
      request.on("end", () => {
        bodies.push(body);
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    servers.push(server);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const core = createCtsCore({ now: () => NOW });
    const projectId = "p1";
    const { notifier, queue } = createCoreNotifier(core, { endpoints: { smn: url, fun: url } });
    const traces = [
      ...generateTraces({ seed: 2, count: 10, now: NOW, from: NOW - 86_400_000, to: NOW }),
    ].map((e) => ({
      projectId,
      trace: JSON.parse(encodeApiTraceJson(e)) as Record<string, unknown>,
    }));

    expect(notifier.onTraces(traces.slice(0, 5))).toBe(0);
    const created = api(core, "POST", `/v3/${projectId}/notifications`, {
      notification_name: "all",
      operation_type: "complete",
      topic_id: "urn:fss:cn-north-4:p1:function:default:audit",
    });
    expect(created.status).toBe(201);
    expect(notifier.onTraces(traces.slice(5))).toBe(5);
    const summary = await queue.settled();
    expect(summary).toMatchObject({ messages: 5, delivered: 5, failed: 0 });
    expect(
      bodies.map((b) => (JSON.parse(b) as { cts: { trace_id: string } }).cts.trace_id),
    ).toEqual(traces.slice(5).map((t) => t.trace.trace_id));
    // Another project's traces are not matched by p1's notification.
    expect(notifier.onTraces(traces.map((t) => ({ ...t, projectId: "p2" })))).toBe(0);
  });
});
