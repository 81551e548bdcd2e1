import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { spawnCtsim } from "./support/spawn-ctsim.js";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const CTSIM = [
  process.execPath,
  "--conditions=@ctsim/source",
  "--import",
  "tsx",
  "apps/cli/src/bin.ts",
];
const GENERATE = ["generate", "--seed", "5", "--count", "20000", "--now", "2026-01-01T00:00:00Z"];

/** What a shell pipeline `ctsim … | reader` did: ctsim's exit status and stderr. */
interface PipedRun {
  readonly code: number;
  readonly stderr: string;
}

/**
 * Runs `ctsim argv redirect | reader` in bash, so ctsim's standard output is a real FIFO (Node's own
 * `spawn` pipes are socket pairs); `reader` is a shell command. Resolves with ctsim's status.
 */
function pipeInto(argv: readonly string[], reader: string, redirect = ""): Promise<PipedRun> {
  const script = `"$@" ${redirect} | ${reader}; echo "status=\${PIPESTATUS[0]}" >&2`;
  const child = spawn("bash", ["-c", script, "bash", ...CTSIM, ...argv], {
    cwd: repo,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const stderr: Buffer[] = [];
  child.stderr.on("data", (part: Buffer) => stderr.push(part));
  return new Promise((done) =>
    child.on("close", () => {
      const text = Buffer.concat(stderr).toString();
      const status = /status=(\d+)\n$/.exec(text);
      done({ code: Number(status?.[1] ?? -1), stderr: text.replace(/status=\d+\n$/, "") });
    }),
  );
}

describe("standard output into a shell pipe (a FIFO, written from the thread pool)", () => {
  let dir: string;
  let expected: Buffer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ctsim-pipe-"));
    const reference = join(dir, "reference.ndjson");
    const run = await spawnCtsim(GENERATE, { stdoutFile: reference });
    expect(run.code).toBe(0);
    expected = await readFile(reference);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("a fast and a slow reader get every byte a file gets", async () => {
    const fast = join(dir, "fast.ndjson");
    const slow = join(dir, "slow.ndjson");
    const runs = await Promise.all([
      pipeInto(GENERATE, `cat > ${fast}`),
      // The reader starts late and reads in small pieces: ctsim's writes block and resume.
      pipeInto(GENERATE, `{ sleep 1; dd bs=4096 status=none; } > ${slow}`),
    ]);
    for (const run of runs) expect(run).toEqual({ code: 0, stderr: "" });
    expect((await readFile(fast)).equals(expected)).toBe(true);
    expect((await readFile(slow)).equals(expected)).toBe(true);
    expect(expected.length).toBeGreaterThan(20_000_000);
  });

  test("a reader that quits early ends generate quietly (exit 0, no message)", async () => {
    const head = join(dir, "head.ndjson");
    const run = await pipeInto(
      ["generate", "--seed", "5", "--count", "5000000"],
      `head -c 100000 > ${head}`,
    );
    expect(run).toEqual({ code: 0, stderr: "" });
    const text = (await readFile(head)).toString("utf8");
    expect(text).toHaveLength(100_000);
    const whole = text.slice(0, text.lastIndexOf("\n")).split("\n");
    expect(whole.length).toBeGreaterThan(50);
    for (const record of whole) expect(typeof JSON.parse(record).trace_id).toBe("string");
  });

  test("stream --max into a pipe: every record whole and parseable, as many as asked", async () => {
    const out = join(dir, "stream.ndjson");
    const run = await pipeInto(
      ["stream", "--max", "--count", "7000", "--seed", "5"],
      `cat > ${out}`,
    );
    expect(run.code).toBe(0);
    const text = (await readFile(out)).toString("utf8");
    expect(text.endsWith("\n")).toBe(true);
    const records = text.slice(0, -1).split("\n");
    expect(records).toHaveLength(7000);
    for (const record of records) expect(typeof JSON.parse(record).trace_id).toBe("string");
  });
  test("a reader gone before anything is written: help and generate end quietly, exit 0", async () => {
    // `true` exits at once: every write of ctsim meets a closed pipe (EPIPE).
    for (const argv of [
      ["serve", "--help"],
      ["--help"],
      ["generate", "--count", "10", "--format", "json"],
    ]) {
      const run = await pipeInto(argv, "true");
      expect({ argv, ...run }).toEqual({ argv, code: 0, stderr: "" });
    }
  });
  test("validate whose reader closed goes on checking: the status still tells the input had violations", async () => {
    const bad = join(dir, "bad.ndjson");
    const text = expected
      .toString("utf8")
      .replaceAll('"trace_rating":"normal"', '"trace_rating":"bogus"');
    await writeFile(bad, text);
    const run = await pipeInto(["validate", "--max-errors", "100000", bad], "true");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^ctsim: .*bad\.ndjson: 20000 records, \d+ violations \(schema\.enum \d+\)\n$/,
    );
  });
  test("a closed reader of standard error does not change the status either", async () => {
    const good = join(dir, "good.ndjson");
    await writeFile(good, expected.subarray(0, expected.indexOf(10, 50_000) + 1));
    // 2>&1 >/dev/null: standard error into the pipe, standard output away.
    const run = await pipeInto(["validate", good], "true", "2>&1 >/dev/null");
    expect(run).toEqual({ code: 0, stderr: "" });
  });
});
