import { mkdtemp, rm } from "node:fs/promises";
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
