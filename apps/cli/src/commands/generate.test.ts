import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SCENARIO_NAMES, scenarioInfo } from "@ctsim/generator";
import { describe, expect, it } from "vitest";
import { ctsim } from "../../test/support/run-ctsim.js";

const NOW = "2025-03-01T00:00:00Z";

describe("ctsim generate", () => {
  it("writes a week of NDJSON ending at --now, the same bytes every run", async () => {
    const a = await ctsim("generate", "--now", NOW, "--seed", "5");
    const b = await ctsim("generate", "--now", NOW, "--seed", "5");
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const traces = a.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(traces.length).toBeGreaterThan(500);
    const end = Date.parse(NOW);
    for (const t of traces) {
      expect(t.time).toBeGreaterThanOrEqual(end - 7 * 86_400_000);
      expect(t.time).toBeLessThan(end);
    }
  });

  it("carries IAM and OBS traces by default; --modelarts-only keeps ModelArts traces only", async () => {
    const services = async (...flags: string[]) => {
      const { code, stdout } = await ctsim("generate", "--now", NOW, "--count", "3000", ...flags);
      expect(code).toBe(0);
      const lines = stdout.trimEnd().split("\n");
      return new Set(
        lines.map((line) => (JSON.parse(line) as { service_type: string }).service_type),
      );
    };
    expect([...(await services())].sort()).toEqual(["IAM", "ModelArts", "OBS"]);
    expect([...(await services("--modelarts-only"))]).toEqual(["ModelArts"]);
  });

  it("with --from alone writes the history from there up to --now (not an endless stream)", async () => {
    const from = "2025-02-27T00:00:00Z";
    const { code, stdout } = await ctsim("generate", "--now", NOW, "--from", from);
    expect(code).toBe(0);
    const times = stdout
      .trimEnd()
      .split("\n")
      .map((line) => (JSON.parse(line) as { time: number }).time);
    expect(times.length).toBeGreaterThan(100);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse(from));
    expect(Math.max(...times)).toBeLessThan(Date.parse(NOW));
  });

  it("with --expected-count fills the window to --now with about that many traces", async () => {
    const from = "2025-02-22T00:00:00Z";
    const args = ["generate", "--now", NOW, "--from", from, "--seed", "3"];
    const timesOf = (stdout: string): number[] =>
      stdout
        .trimEnd()
        .split("\n")
        .map((line) => (JSON.parse(line) as { time: number }).time);
    const expected = timesOf((await ctsim(...args, "--expected-count", "20000")).stdout);
    expect(expected.length).toBeGreaterThan(20_000 * 0.85);
    expect(expected.length).toBeLessThan(20_000 * 1.15);
    expect(expected[expected.length - 1]).toBeGreaterThan(Date.parse(NOW) - 3 * 3_600_000);
    // --count stops at exactly N, before the window ends.
    const counted = timesOf((await ctsim(...args, "--count", "20000")).stdout);
    expect(counted).toHaveLength(20_000);
    expect(counted[counted.length - 1]).toBeLessThan(Date.parse(NOW) - 12 * 3_600_000);
  });

  it("honours --count, --format json, --shard, --revision and --tenants", async () => {
    const { code, stdout } = await ctsim(
      "generate",
      "--now",
      NOW,
      "--count",
      "50",
      "--format",
      "json",
      "--shard",
      "1/3",
      "--revision",
      "2023-11-16",
      "--tenants",
      "2",
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(50);
  });

  it("writes labels and output files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ctsim-generate-"));
    const out = join(dir, "traces.json");
    const labels = join(dir, "labels.ndjson");
    const { code } = await ctsim(
      "generate",
      "--now",
      NOW,
      "--scenario",
      "mass-deletion,tracker-tampering",
      "--labels",
      labels,
      "--format",
      "obs",
      "--out",
      out,
    );
    expect(code).toBe(0);
    const records = JSON.parse(readFileSync(out, "utf8")) as { trace_id: string }[];
    const ids = new Set(records.map((r) => r.trace_id));
    const written = readFileSync(labels, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(written.map((l) => l.scenario)).toEqual(
      expect.arrayContaining(["mass-deletion", "tracker-tampering"]),
    );
    for (const label of written) for (const id of label.traceIds) expect(ids.has(id)).toBe(true);
  });

  it("--scenario all: every scenario labelled with its techniques and benign flag, every labelled trace in the output", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ctsim-generate-all-"));
    const labels = join(dir, "labels.ndjson");
    const { code, stdout } = await ctsim(
      "generate",
      "--now",
      NOW,
      "--seed",
      "3",
      "--scenario",
      "all",
      "--labels",
      labels,
    );
    expect(code).toBe(0);
    const ids = new Set(
      stdout
        .trimEnd()
        .split("\n")
        .map((line) => (JSON.parse(line) as { trace_id: string }).trace_id),
    );
    const written = readFileSync(labels, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(new Set(written.map((l) => l.scenario)).size).toBe(SCENARIO_NAMES.length);
    for (const label of written) {
      const info = scenarioInfo(label.scenario);
      expect(label.techniques).toEqual(info.techniques);
      expect(label.technique).toBe(info.techniques[0]);
      expect(label.benign).toBe(info.benign);
      for (const id of label.traceIds) expect(ids.has(id)).toBe(true);
    }
  });

  it("writes the same bytes and labels whatever --workers (lanes merged in the timeline's order)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ctsim-generate-workers-"));
    const run = async (workers: string, format: string) => {
      const labels = join(dir, `labels-${workers}-${format}.ndjson`);
      const { code, stdout, stderr } = await ctsim(
        "generate",
        "--now",
        NOW,
        "--seed",
        "11",
        "--count",
        "6000",
        "--scenario",
        "mass-deletion,login-brute-force,tracker-tampering,iam-brute-force,ci-nightly-cleanup",
        "--labels",
        labels,
        "--format",
        format,
        "--workers",
        workers,
      );
      expect(stderr).toBe("");
      expect(code).toBe(0);
      return { stdout, labels: readFileSync(labels, "utf8") };
    };
    for (const format of ["ndjson", "obs"]) {
      const one = await run("1", format);
      expect(one.labels.length).toBeGreaterThan(0);
      for (const workers of ["2", "3"]) expect(await run(workers, format)).toEqual(one);
    }
  });

  it.each([
    [["--count", "-3"], "--count"],
    [["--expected-count", "0"], "--expected-count"],
    [["--expected-count", "10", "--count", "10"], "no count"],
    [["--from", "yesterday"], "--from"],
    [["--shard", "2/2"], "--shard"],
    [["--scenario", "heist"], "heist"],
    [["--tenants", "0"], "--tenants"],
    [["--workers", "0"], "--workers"],
    [["--from", "2025-02-02T00:00:00Z", "--to", "2025-02-01T00:00:00Z"], "to"],
    [["--now", "2025-02-01T00:00:00Z", "--from", "2025-02-02T00:00:00Z"], "to"],
    [["--format", "xml"], "xml"],
  ])("rejects %j with exit code 2 and a message", async (args, mention) => {
    const { code, stderr } = await ctsim("generate", ...args);
    expect(code).toBe(2);
    expect(stderr).toContain(mention);
  });
});

describe("ctsim generate as a process", () => {
  const bin = fileURLToPath(new URL("../bin.ts", import.meta.url));
  const run = (args: string[]) =>
    spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=@ctsim/source", bin, "generate", ...args],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
  const rssOf = (pid: number): number => {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  };

  it.each([
    ["--out in a missing directory", ["--out", "/nonexistent-ctsim/x.ndjson"], "ENOENT"],
    ["--out naming a directory", ["--out", tmpdir()], "EISDIR"],
    [
      "--labels in a missing directory",
      ["--scenario", "mass-deletion", "--labels", "/nonexistent-ctsim/labels.ndjson"],
      "ENOENT",
    ],
  ])("%s fails at once with exit 1, however small the output", async (_, flags, cause) => {
    const run = await ctsim("generate", "--count", "5", "--now", NOW, ...flags);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`file ${flags.at(-1)}`);
    expect(run.stderr).toContain(cause);
    expect(run.stdout).toBe(""); // nothing generated before the outputs were open
  });

  it("respects back-pressure: a stalled reader does not grow the writer's memory", async () => {
    const child = run(["--now", NOW, "--count", "300000"]);
    const stderr: string[] = [];
    child.stderr.on("data", (d: Buffer) => stderr.push(d.toString()));
    let bytes = 0;
    let newlines = 0;
    const first = new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
    });
    await first;
    child.stdout.pause();
    const before = rssOf(child.pid as number);
    await new Promise((r) => setTimeout(r, 2_500));
    const during = rssOf(child.pid as number);
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr.join("")).toBe("");
    expect(code).toBe(0);
    expect(newlines).toBe(300_000);
    expect(bytes).toBeGreaterThan(300_000 * 500);
    // Without back-pressure the stalled 2.5 s would queue tens of MB of unflushed writes.
    expect(during - before).toBeLessThan(40 * 1024 * 1024);
  }, 120_000);

  it("ends quietly with exit 0 when the reader closes the pipe (| head)", async () => {
    const child = run(["--now", NOW, "--count", "200000"]);
    const stderr: string[] = [];
    child.stderr.on("data", (d: Buffer) => stderr.push(d.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(stderr.join("")).toBe("");
  }, 60_000);
});
