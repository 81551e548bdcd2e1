import { mkdtemp, rm } from "node:fs/promises";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadGeneratedTraces, TraceStore } from "@ctsim/mock";
import { type CtsServer, startCtsServer, startMockService } from "@ctsim/mock/node";
import { afterEach, describe, expect, it } from "vitest";
import { runCtsim } from "../../test/support/run-ctsim.js";

const PROJECT = "0a1b2c3d4e5f40718293a4b5c6d7e8f9";
const credentials = { ak: "QTWAOYTTINDUT2QVKYUC", sk: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc" };
let server: CtsServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function startMock(faults?: string): Promise<CtsServer> {
  const store = new TraceStore();
  loadGeneratedTraces(store, { seed: 3, days: 2, expectedCount: 600, projectId: PROJECT });
  server = await startCtsServer({
    store,
    auth: { mode: "aksk", credentials: [credentials] },
    ...(faults ? { faults } : {}),
  });
  return server;
}

describe("ctsim contract", () => {
  it("--credentials: passes every property against `ctsim serve`'s gateway, its cases included", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ctsim-contract-"));
    const credentialsFile = join(dir, "credentials.json");
    const service = await startMockService({
      auth: "aksk",
      tenants: 2,
      days: 2,
      expectedCount: 600,
      port: 0,
      workers: 0,
      cacheDir: false,
      credentialsFile,
    });
    try {
      const run = await runCtsim([
        "contract",
        "--credentials",
        credentialsFile,
        "--runs",
        "4",
        "--seed",
        "5",
      ]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^PASS paging\/each-trace-once {2}walking all pages/m);
      for (const id of [
        "bad-credentials-401",
        "unsigned-body-hash",
        "foreign-project",
        "expired-temporary",
        "token-wrong-ak",
      ])
        expect(run.stdout).toMatch(new RegExp(`^PASS auth/${id} `, "m"));
      expect(run.stdout).toMatch(/^PASS tags\/model /m);
      expect(run.stdout).toMatch(/^(\d+) properties: \1 passed, 0 failed$/m);
      expect(run.stdout).not.toMatch(/^SKIP /m);
    } finally {
      await service.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [["--credentials", "/nonexistent/creds.json"], /cannot read --credentials/],
    [["--credentials", "/dev/null", "--ak", "A"], /leave out --project-id, --ak, --sk and --token/],
    [[], /give --base-url \(or --credentials FILE\)/],
  ])("usage error: %j", async (argv, message) => {
    const run = await runCtsim(["contract", ...argv]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("exits 1 and prints the counterexample when a property fails", async () => {
    const { url } = await startMock("traces:duplicates=1");
    const run = await runCtsim([
      "contract",
      "--base-url",
      url,
      "--project-id",
      PROJECT,
      "--ak",
      credentials.ak,
      "--sk",
      credentials.sk,
      "--runs",
      "5",
      "--seed",
      "5",
      "--only",
      "paging/",
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAIL paging\/each-trace-once /m);
    expect(run.stdout).toMatch(/^ {5}counterexample: \[/m);
    expect(run.stdout).toMatch(/^ {5}replay: --seed 5 --only paging\/each-trace-once$/m);
    expect(run.stderr).toMatch(/failed/);
  });

  it("exits 1 with a clear message when nothing answers", async () => {
    const run = await runCtsim(["contract", "--base-url", "http://127.0.0.1:1", "--runs", "1"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/got no answer/);
  });

  it.each([
    [["contract"], /--base-url/],
    [["contract", "--base-url", "http://x", "--ak", "AK"], /--ak and --sk go together/],
    [
      ["contract", "--base-url", "http://x", "--ak", "AK", "--sk", "SK", "--token", "T"],
      /either --ak\/--sk or --token/,
    ],
    [["contract", "--base-url", "http://x", "--runs", "0"], /--runs must be an integer >= 1/],
    [["contract", "--base-url", "http://x", "--seed", "abc"], /--seed must be an integer/],
    [["contract", "--base-url", "not a url"], /not an absolute URL/],
  ])("exits 2 on usage errors: %j", async (argv, message) => {
    const run = await runCtsim(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe("ctsim contract: trust gaps", () => {
  it("fails against a project with no traces, and says so, unless --allow-empty", async () => {
    server = await startCtsServer({
      store: new TraceStore(),
      auth: { mode: "aksk", credentials: [credentials] },
    });
    const argv = ["contract", "--base-url", server.url, "--project-id", PROJECT];
    const keys = ["--ak", credentials.ak, "--sk", credentials.sk, "--runs", "2", "--seed", "1"];
    const empty = await runCtsim([...argv, ...keys]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/has no traces from .* or pass --allow-empty/);
    const allowed = await runCtsim([...argv, ...keys, "--allow-empty", "--only", "paging/"]);
    expect(allowed.stderr).toBe("");
    expect(allowed.code).toBe(0);
  });

  it("retries a 429 or 503 with Retry-After, counts the retries, and still passes", async () => {
    const { url } = await startMock();
    // Every 4th request is refused once, alternately 503 and 429, as a throttling gateway would.
    const proxy = await refusingProxy(url, (n) => n % 4 === 0, 40);
    try {
      const run = await runCtsim([
        "contract",
        "--base-url",
        proxy.url,
        "--project-id",
        PROJECT,
        "--ak",
        credentials.ak,
        "--sk",
        credentials.sk,
        "--runs",
        "3",
        "--seed",
        "5",
        "--read-only",
        // This bare server serves any project id: the gateway's own cases are for `ctsim serve`.
        "--only",
        "paging/,filters/,limits/,invalid-queries/",
      ]);
      expect(run.stderr, run.stdout).toBe("");
      expect(run.code).toBe(0);
      expect(proxy.refused()).toBeGreaterThan(0);
      expect(run.stdout).toContain(
        `${proxy.refused()} requests were sent again after a 429 or 503 with Retry-After`,
      );
    } finally {
      await proxy.close();
    }
  });

  it("gives up after 3 retries of one request: the run ends with its answer", async () => {
    const { url } = await startMock();
    const proxy = await refusingProxy(url, () => true, Number.POSITIVE_INFINITY);
    try {
      const run = await runCtsim([
        "contract",
        "--base-url",
        proxy.url,
        "--project-id",
        PROJECT,
        "--ak",
        credentials.ak,
        "--sk",
        credentials.sk,
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/reference ListTraces walk failed.*503|429/);
      expect(proxy.refused()).toBe(4);
    } finally {
      await proxy.close();
    }
  });
});

/**
 * An HTTP proxy in front of `target` that answers the requests `refuse(n)` picks (n counts
 * from 1), up to `limit` of them, with a CTS-shaped 503 or 429 and `Retry-After: 0`.
 */
async function refusingProxy(
  target: string,
  refuse: (n: number) => boolean,
  limit: number,
): Promise<{ url: string; refused(): number; close(): Promise<void> }> {
  let seen = 0;
  let refused = 0;
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      seen++;
      if (refused < limit && refuse(seen)) {
        refused++;
        const status = refused % 2 === 0 ? 429 : 503;
        res.writeHead(status, { "content-type": "application/json", "retry-after": "0" });
        res.end(JSON.stringify({ error_code: "APIGW.0308", error_msg: "throttled" }));
        return;
      }
      // Forwarded byte for byte, the Host header included: it is part of what was signed.
      const upstream = new URL(target);
      const forward = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on("error", () => res.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    refused: () => refused,
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  };
}
