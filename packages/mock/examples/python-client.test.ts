import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { encodeApiTraceJson, generateTraces } from "@ctsim/generator";
import { TraceStore } from "@ctsim/mock";
import { type CtsServer, startCtsServer } from "@ctsim/mock/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const script = fileURLToPath(new URL("./python/cts_client.py", import.meta.url));
const AK = "HPUAEXAMPLEAK0000001";
const SK = "cTsImExAmPlEsEcReTkEy0123456789abcdefGHI";
const DAY = 86_400_000;

// The Python client signs with the wall clock, so the server runs on it too.
const now = Date.now();
const events = [
  ...generateTraces({
    seed: 21,
    now,
    from: now - 6 * DAY,
    to: now,
    count: 1500,
    modelartsOnly: true,
  }),
];
const projectId = events[0]!.projectId;
const ours = events.filter((e) => e.projectId === projectId);
let server: CtsServer;

beforeAll(async () => {
  const store = new TraceStore();
  for (const event of events) store.add(event, encodeApiTraceJson(event));
  store.compact();
  server = await startCtsServer({
    store,
    auth: { mode: "aksk", credentials: [{ ak: AK, sk: SK }] },
  });
});
afterAll(() => server.close());

describe("Python client (standard library) against startCtsServer with AK/SK", () => {
  it("signs the published test vector correctly", async () => {
    const { stdout } = await run("python3", [script, "--self-test"]);
    expect(JSON.parse(stdout)).toEqual({ self_test: "ok" });
  });

  it("pages through every trace of the project with signed requests", async () => {
    const { stdout } = await run("python3", [script, server.url, projectId, AK, SK, "200"]);
    const result = JSON.parse(stdout) as {
      traces: number;
      pages: number;
      first: string;
      users: string[];
    };
    // Traces of one instant are listed in the store's order (record_time, trace_id), not the
    // generator's: the first page opens with one of the newest instant's.
    const newestTime = Math.max(...ours.map((e) => e.time));
    const newest = ours.filter((e) => e.time === newestTime).map((e) => e.traceId);
    const users = [
      ...new Set(ours.flatMap((e) => (e.userName === null ? [] : [e.userName]))),
    ].sort();
    expect(result).toEqual({
      traces: ours.length,
      pages: Math.ceil(ours.length / 200),
      first: expect.toBeOneOf(newest),
      users,
    });
  });

  it("is refused with APIGW.0301 when the SK is wrong", async () => {
    const failure = run("python3", [script, server.url, projectId, AK, "wrong-secret"]);
    await expect(failure).rejects.toThrow(/401 APIGW.0301/);
  });
});
