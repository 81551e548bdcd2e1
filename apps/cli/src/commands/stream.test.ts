import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { validatorFor } from "@ctsim/catalog";
import { describe, expect, test } from "vitest";
import { ctsim } from "../../test/support/run-ctsim.js";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const bin = join(repo, "apps/cli/src/bin.ts");

/** Starts `ctsim` as a real process (from source), stdout piped to the test. */
function spawnCtsim(...argv: string[]): ChildProcess {
  return spawn(process.execPath, ["--conditions=@ctsim/source", "--import", "tsx", bin, ...argv], {
    cwd: repo,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function exitOf(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal })));
}

function collect(stream: NodeJS.ReadableStream | null): () => string {
  const parts: string[] = [];
  stream?.on("data", (part: Buffer) => parts.push(part.toString()));
  return () => parts.join("");
}

describe("ctsim stream (in-process)", () => {
  test("--count N --max writes N valid ListTraces records as NDJSON and a summary on stderr", async () => {
    const { code, stdout, stderr } = await ctsim(
      "stream",
      "--max",
      "--count",
      "300",
      "--seed",
      "5",
    );
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(300);
    const validator = validatorFor("ApiTrace");
    const started = Date.now() - 60_000;
    for (const line of lines) {
      const trace = JSON.parse(line);
      expect(validator.issues(trace)).toEqual([]);
      expect(trace.time).toBeGreaterThan(started); // live: timestamps are now
    }
    expect(stderr).toMatch(/300 traces.*stopped by count/);
    expect(stderr).toContain("p99 and min n/a (under a second)"); // was "p99 0/s, min 0/s"
  });

  test("--format json is one JSON array; --stats writes the accounting", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ctsim-stream-"));
    try {
      const stats = join(dir, "stats.json");
      const { code, stdout } = await ctsim(
        "stream",
        "--max",
        "--count",
        "120",
        "--format",
        "json",
        "--stats",
        stats,
      );
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toHaveLength(120);
      const written = JSON.parse(await readFile(stats, "utf8"));
      expect(written).toMatchObject({
        traces: 120,
        bytes: Buffer.byteLength(stdout),
        stoppedBy: "count",
        errors: 0,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("dir: writes gzipped OBS-shape arrays in the CTS delivery layout", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ctsim-stream-dir-"));
    try {
      const { code } = await ctsim(
        "stream",
        "--max",
        "--count",
        "200",
        "--sink",
        `dir:${dir}`,
        "--obs-prefix",
        "acme",
      );
      expect(code).toBe(0);
      const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".json.gz"));
      expect(files.length).toBeGreaterThan(0);
      let total = 0;
      for (const file of files) {
        expect(file).toMatch(
          /^CloudTraces\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/(system|modelarts-data|modelarts-ml)\/\w+\/acme_CloudTrace_[a-z0-9-]+_\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z_[0-9a-f]{16}\.json\.gz$/,
        );
        const records = JSON.parse(
          gunzipSync(await readFile(join(dir, file))).toString(),
        ) as unknown[];
        for (const record of records) expect(validatorFor("ObsTrace").issues(record)).toEqual([]);
        total += records.length;
      }
      expect(total).toBe(200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test.each([
    [["--rate", "0"], /--rate must be a positive number/],
    [["--rate", "10", "--max"], /cannot be used with/],
    [["--sink", "ftp://x"], /--sink must be/],
    [["--shard", "3/2"], /--shard must be i\/n/],
    [["--duration", "soon"], /--duration must be a positive duration/],
    [["--sink", "dir:/tmp/x", "--format", "ndjson"], /use --format obs/],
    [["--batch-size", "10"], /only applies to http sinks/],
    [["--scenario", "nope"], /unknown --scenario nope/],
  ])("usage error %j exits 2", async (args, message) => {
    const { code, stderr } = await ctsim("stream", ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  test("an unwritable file sink (/dev/full) is a clear error and exit 1", async () => {
    const { code, stderr } = await ctsim(
      "stream",
      "--max",
      "--count",
      "20000",
      "--sink",
      "file:/dev/full",
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/no space left/);
  });

  test.each([
    ["file:/nonexistent-ctsim/traces.ndjson", "file /nonexistent-ctsim/traces.ndjson", "ENOENT"],
    ["dir:/dev/null/bucket", "dir /dev/null/bucket", "ENOTDIR"],
  ])(
    "--sink %s cannot be opened: exit 1 before streaming, naming it and the cause",
    async (sink, what, cause) => {
      const { code, stderr } = await ctsim("stream", "--max", "--count", "5", "--sink", sink);
      expect(code).toBe(1);
      expect(stderr).toContain(what);
      expect(stderr).toContain(cause);
      expect(stderr).not.toMatch(/traces,/); // no summary: nothing was streamed
    },
  );

  test("an unreachable HTTP sink is a clear error and exit 1", async () => {
    const { code, stderr } = await ctsim(
      "stream",
      "--max",
      "--count",
      "10",
      "--sink",
      "http://127.0.0.1:9/x",
      "--retries",
      "0",
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9\/x/);
  });
});

describe.concurrent("ctsim stream (a real process)", () => {
  test("SIGTERM mid-stream flushes whole records and exits 0", async () => {
    const child = spawnCtsim("stream", "--rate", "5000");
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    await new Promise<void>((ok) => {
      const poll = setInterval(() => {
        if (stdout().length > 200_000) {
          clearInterval(poll);
          ok();
        }
      }, 20);
    });
    child.kill("SIGTERM");
    const exit = await exitOf(child);
    expect(exit).toEqual({ code: 0, signal: null });
    const text = stdout();
    expect(text.endsWith("\n")).toBe(true);
    for (const line of text.slice(0, -1).split("\n")) expect(() => JSON.parse(line)).not.toThrow();
    expect(stderr()).toMatch(/stopped by signal/);
  });

  test("a reader that closes early (| head) ends it quietly with status 0", async () => {
    const child = spawnCtsim("stream", "--max");
    const stderr = collect(child.stderr);
    child.stdout?.once("data", () => child.stdout?.destroy());
    expect(await exitOf(child)).toEqual({ code: 0, signal: null });
    expect(stderr()).toBe("");
  });

  test("a slow reader slows the producer: memory stays bounded", async () => {
    const child = spawnCtsim("stream", "--max");
    const rss: number[] = [];
    let read = 0;
    const stdout = child.stdout!;
    stdout.pause();
    // Read about 200 kB/s for a few seconds while the producer could make megabytes per second.
    const reader = setInterval(() => {
      let taken = 0;
      for (let part = stdout.read() as Buffer | null; part !== null; ) {
        taken += part.length;
        part = taken < 20_000 ? (stdout.read() as Buffer | null) : null;
      }
      read += taken;
    }, 100);
    await new Promise((ok) => stdout.once("readable", ok));
    for (let i = 0; i < 8; i += 1) {
      await new Promise((ok) => setTimeout(ok, 500));
      const status = await readFile(`/proc/${child.pid}/status`, "utf8").catch(() => "");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      rss.push(kb);
    }
    clearInterval(reader);
    child.kill("SIGKILL");
    await exitOf(child);
    expect(read).toBeGreaterThan(0);
    // Unbounded queueing would add tens of MB per second; allow normal heap growth only.
    expect(Math.max(...rss) - rss[1]!).toBeLessThan(60_000);
  });

  test("--workers 2 streams the same records as one worker (content independent of worker count)", async () => {
    const run = async (workers: string): Promise<string[]> => {
      const child = spawnCtsim(
        "stream",
        "--max",
        "--count",
        "3000",
        "--workers",
        workers,
        "--seed",
        "9",
        "--shard",
        "1/2",
        "--timeline-start",
        "2025-03-01T00:00:00Z",
      );
      const stdout = collect(child.stdout);
      expect((await exitOf(child)).code).toBe(0);
      return stdout()
        .trim()
        .split("\n")
        .map((line) => {
          const t = JSON.parse(line);
          return `${t.request_id} ${t.trace_name} ${t.resource_id} ${t.record_time - t.time}`;
        })
        .sort();
    };
    const [one, two] = await Promise.all([run("1"), run("2")]);
    expect(one).toHaveLength(3000);
    expect(two).toEqual(one);
  });
});
