import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { smnStringToSign } from "@ctsim/generator";
import { verifySmnSignature } from "@ctsim/mock/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ctsim } from "../../test/support/run-ctsim.js";

interface Arrival {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly status: number;
}

let dir: string;
let history: string;
let traces: Record<string, unknown>[];
const servers: Server[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ctsim-notify-"));
  history = join(dir, "history.ndjson");
  const generated = await ctsim(
    "generate",
    "--count",
    "40",
    "--seed",
    "4",
    "--now",
    "2025-06-02T00:00:00Z",
  );
  expect(generated.code).toBe(0);
  await writeFile(history, generated.stdout);
  traces = generated.stdout
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
});

afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise<void>((r) => server.close(() => r()));
  await rm(dir, { recursive: true, force: true });
});

/** A receiver answering 500 to the first `failFirst` arrivals of each body, then 204. */
async function receiver(failFirst: number): Promise<{ url: string; arrivals: Arrival[] }> {
  const arrivals: Arrival[] = [];
  const seen = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const n = (seen.get(body) ?? 0) + 1;
      seen.set(body, n);
      const status = n <= failFirst ? 500 : 204;
      arrivals.push({ headers: request.headers, body, status });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, arrivals };
}

describe("ctsim notify", () => {
  it("replays a history: every trace of the listed operations reaches a failing-then-healthy receiver exactly once, signed", async () => {
    const { url, arrivals } = await receiver(2);
    const names = [
      ...new Set(traces.map((t) => `${t.service_type}/${t.resource_type}/${t.trace_name}`)),
    ].slice(0, 3);
    const expected = traces.filter((t) =>
      names.includes(`${t.service_type}/${t.resource_type}/${t.trace_name}`),
    );
    const logFile = join(dir, "deliveries.ndjson");
    const run = await ctsim(
      "notify",
      "--replay",
      history,
      "--to",
      url,
      "--operations",
      names.join(","),
      "--retry-base",
      "1ms",
      "--log",
      logFile,
    );
    expect(run.stderr).toContain(`${expected.length} delivered, 0 failed`);
    expect(run.code).toBe(0);
    const accepted = arrivals
      .filter((a) => a.status === 204)
      .map((a) => JSON.parse(a.body) as Record<string, string>);
    // Exactly once each, in history order, with the trace inside as ListTraces shows it.
    expect(
      accepted.map((m) => (JSON.parse(m.message ?? "") as { trace_id: string }).trace_id),
    ).toEqual(expected.map((t) => t.trace_id));
    for (const message of accepted) {
      expect(verifySmnSignature(smnStringToSign(message as never), message.signature ?? "")).toBe(
        true,
      );
      expect(expected).toContainEqual(JSON.parse(message.message ?? ""));
    }
    expect(arrivals).toHaveLength(expected.length * 3);
    const log = (await readFile(logFile, "utf8"))
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { outcome: string });
    expect(log).toHaveLength(expected.length * 3);
    expect(log.filter((e) => e.outcome === "delivered")).toHaveLength(expected.length);
  });

  it("sends FunctionGraph CTS events with --format fun, and every trace with no operations (complete)", async () => {
    const { url, arrivals } = await receiver(0);
    const run = await ctsim("notify", "--replay", history, "--to", url, "--format", "fun");
    expect(run.code).toBe(0);
    const events = arrivals.map((a) => JSON.parse(a.body) as { cts: Record<string, unknown> });
    expect(events.map((e) => e.cts.trace_id)).toEqual(traces.map((t) => t.trace_id));
    for (const e of events) expect(typeof e.cts.code).toBe("number");
    // The delivery log went to stdout: one delivered line per trace.
    expect(run.stdout.trimEnd().split("\n")).toHaveLength(traces.length);
  });

  it("fires only what the filter lets through", async () => {
    const { url, arrivals } = await receiver(0);
    const run = await ctsim(
      "notify",
      "--replay",
      history,
      "--to",
      url,
      "--filter",
      "trace_rating != normal",
    );
    expect(run.code).toBe(0);
    const fired = arrivals.map(
      (a) =>
        (JSON.parse((JSON.parse(a.body) as { message: string }).message) as { trace_id: string })
          .trace_id,
    );
    expect(fired).toEqual(traces.filter((t) => t.trace_rating !== "normal").map((t) => t.trace_id));
  });

  it("exits 1 naming the URL and the cause when the receiver is never up", async () => {
    const { url } = await receiver(0);
    const server = servers.pop();
    await new Promise<void>((r) => server?.close(() => r()));
    const run = await ctsim(
      "notify",
      "--replay",
      history,
      "--to",
      url,
      "--max-attempts",
      "2",
      "--retry-base",
      "1ms",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${traces.length} of ${traces.length} messages were not delivered`,
    );
    expect(run.stderr).toContain(`to ${url}: connection refused (ECONNREFUSED) after 2 attempts`);
  });

  it("refuses bad notifications and bad input with a message", async () => {
    const bad = await ctsim(
      "notify",
      "--replay",
      history,
      "--to",
      "http://127.0.0.1:9/",
      "--notifications",
      '{"notification_name":"x","operation_type":"customized","topic_id":"urn:smn:r:p:t"}',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("operations are required");
    await writeFile(join(dir, "broken.ndjson"), '{"trace_id":"a"}\nnot json\n');
    const broken = await ctsim(
      "notify",
      "--replay",
      join(dir, "broken.ndjson"),
      "--to",
      "http://127.0.0.1:9/",
      "--max-attempts",
      "1",
    );
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("broken.ndjson:1: not a valid trace");
    await writeFile(join(dir, "broken.ndjson"), `${JSON.stringify(traces[0])}\nnot json\n`);
    const second = await ctsim(
      "notify",
      "--replay",
      join(dir, "broken.ndjson"),
      "--to",
      "http://127.0.0.1:9/",
      "--max-attempts",
      "1",
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("broken.ndjson:2: not JSON");
    expect(second.stderr).toContain("1 traces fired 1 messages");
  });
});
