import { request } from "node:http";
import { validatorFor } from "@ctsim/catalog";
import { createCtsCore, TraceStore } from "@ctsim/mock";
import { type CtsServer, startCtsServer } from "@ctsim/mock/node";
import { afterEach, describe, expect, it } from "vitest";
import { apiTrace, traceUuid } from "./support/traces.js";

const PID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const NOW = Date.UTC(2026, 5, 15, 12);
let server: CtsServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function store(): TraceStore {
  const s = new TraceStore({ now: () => NOW });
  for (let i = 0; i < 25; i++)
    s.appendApiTrace(apiTrace({ id: traceUuid(i), time: NOW - (25 - i) * 1000 }), {
      projectId: PID,
    });
  return s;
}

describe("startCtsServer", () => {
  it("serves ListTraces over HTTP with the core's status, headers and body", async () => {
    server = await startCtsServer({ store: store(), now: () => NOW });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${server.url}/v3/${PID}/traces?trace_type=system&limit=5`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    expect(response.headers.get("content-type")).toBe("application/json;charset=UTF-8");
    const body = (await response.json()) as { traces: unknown[]; meta_data: { marker: string } };
    expect(validatorFor("ListTracesResponse").issues(body)).toEqual([]);
    expect(body.meta_data.marker).toBe(traceUuid(20));
  });

  it("reads bodies, answers 204 without a body, and 404s unknown routes as JSON", async () => {
    server = await startCtsServer({ now: () => NOW });
    const created = await fetch(`${server.url}/v3/${PID}/tracker`, {
      method: "POST",
      headers: { "content-type": "application/json;charset=UTF-8" },
      body: JSON.stringify({
        tracker_type: "data",
        tracker_name: "d1",
        data_bucket: { data_bucket_name: "b", data_event: ["READ"] },
      }),
    });
    expect(created.status).toBe(201);
    const deleted = await fetch(`${server.url}/v3/${PID}/trackers?tracker_name=d1`, {
      method: "DELETE",
    });
    expect([deleted.status, await deleted.text()]).toEqual([204, ""]);
    const missing = await fetch(`${server.url}/nothing/here`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error_code: string }).error_code).toBe("APIGW.0101");
  });

  it("drops connections and delays answers when faults say so", async () => {
    server = await startCtsServer({ faults: "quotas:drop=1;trackers:latency=150" });
    await expect(fetch(`${server.url}/v3/${PID}/quotas`)).rejects.toThrow();
    const started = performance.now();
    const slow = await fetch(`${server.url}/v3/${PID}/trackers`);
    expect(slow.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("keeps tracker state consistent under concurrent writes", async () => {
    const core = createCtsCore({ now: () => NOW });
    server = await startCtsServer({ core });
    const url = server.url;
    const create = (name: string, bucket: string): Promise<Response> =>
      fetch(`${url}/v3/${PID}/tracker`, {
        method: "POST",
        body: JSON.stringify({
          tracker_type: "data",
          tracker_name: name,
          data_bucket: { data_bucket_name: bucket, data_event: ["WRITE"] },
        }),
      });
    const same = await Promise.all(Array.from({ length: 30 }, () => create("dup", "bucket-dup")));
    const distinct = await Promise.all(
      Array.from({ length: 60 }, (_, i) => create(`t${i}`, `bucket-${i}`)),
    );
    const deletes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${url}/v3/${PID}/trackers?tracker_name=t${i}`, { method: "DELETE" }),
      ),
    );
    expect(same.filter((r) => r.status === 201)).toHaveLength(1);
    expect(distinct.every((r) => r.status === 201)).toBe(true);
    expect(deletes.every((r) => r.status === 204)).toBe(true);
    const list = (await (await fetch(`${url}/v3/${PID}/trackers?tracker_type=data`)).json()) as {
      trackers: { tracker_name: string }[];
    };
    const names = list.trackers.map((t) => t.tracker_name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(41);
    const quotas = (await (await fetch(`${url}/v3/${PID}/quotas`)).json()) as {
      resources: { type: string; used: number }[];
    };
    expect(quotas.resources.find((q) => q.type === "data_tracker")?.used).toBe(41);
  });

  it("closes gracefully: an in-flight request completes, new connections are refused", async () => {
    server = await startCtsServer({ faults: "quotas:latency=200" });
    const url = server.url;
    const inFlight = fetch(`${url}/v3/${PID}/quotas`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = server.close();
    server = undefined;
    expect((await inFlight).status).toBe(200);
    await closing;
    await expect(fetch(`${url}/v3/${PID}/quotas`)).rejects.toThrow();
  });

  // Page bodies come from a pool and are reused once sent: a body the socket has not yet taken
  // (a slow reader) must not be handed to the next page. Each page here is ~12 MB, more than
  // loopback's socket buffers hold, so most of it waits in the server while others are answered.
  it("sends every page intact while slow readers hold earlier pages", async () => {
    const s = new TraceStore({ now: () => NOW });
    const users = ["u0", "u1", "u2", "u3"];
    for (let i = 0; i < 800; i++) {
      const user = users[i % users.length]!;
      const trace = apiTrace({ id: traceUuid(i), time: NOW - (800 - i) * 1000, user });
      s.appendApiTrace({ ...trace, request: user.repeat(15_000) }, { projectId: PID });
    }
    server = await startCtsServer({ store: s, now: () => NOW });
    const url = (user: string) =>
      `${server!.url}/v3/${PID}/traces?trace_type=system&limit=200&user=${user}`;
    const expected = new Map<string, string>();
    for (const user of users) expected.set(user, await (await fetch(url(user))).text());
    const slow = users.map((user) => readSlowly(url(user), 300));
    const fast = await Promise.all(users.map(async (user) => (await fetch(url(user))).text()));
    const late = await Promise.all(slow);
    // Compared as booleans: a failure should not print 12 MB bodies.
    const intact = (bodies: string[]) => bodies.map((body, i) => body === expected.get(users[i]!));
    expect(intact(late)).toEqual([true, true, true, true]);
    expect(intact(fast)).toEqual([true, true, true, true]);
  });

  it("offers requests to a site handler first, outside the gateway, and passes the rest on", async () => {
    const seen: string[] = [];
    server = await startCtsServer({
      store: store(),
      now: () => NOW,
      auth: { mode: "token", tokens: [] },
      site: (request) => {
        seen.push(`${request.method} ${request.path} ${request.headers["x-probe"] ?? ""}`);
        return request.path === "/page"
          ? { status: 200, headers: { "content-type": "text/plain" }, body: "a page" }
          : undefined;
      },
    });
    const page = await fetch(`${server.url}/page?x=1`, { headers: { "x-probe": "p" } });
    expect([page.status, await page.text()]).toEqual([200, "a page"]);
    // Not the site's: the gateway answers it (here: no token) in CTS's shape.
    const api = await fetch(`${server.url}/v3/${PID}/traces?trace_type=system`);
    expect(api.status).toBe(401);
    expect(((await api.json()) as { error_code: string }).error_code).toMatch(/^APIGW\./);
    expect(seen).toEqual(["GET /page p", `GET /v3/${PID}/traces `]);
  });

  it("rejects a bad port with a MockError", async () => {
    await expect(startCtsServer({ port: 70000 })).rejects.toThrow(/port 70000/);
  });
});

/** GETs `url`, waits `pauseMs` after the headers before reading the body, and returns it. */
function readSlowly(url: string, pauseMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      res.pause();
      const chunks: Buffer[] = [];
      setTimeout(() => {
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        res.resume();
      }, pauseMs);
    })
      .on("error", reject)
      .end();
  });
}
