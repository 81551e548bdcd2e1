import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import {
  encodeApiTraceJson,
  encodeObsTraceJson,
  encodeTraces,
  generateTraces,
  type TraceFormat,
} from "@ctsim/generator";
import { FORMAT_LAYOUTS, type StreamStats } from "@ctsim/generator/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type ReceiverFault, startFaultReceiver } from "./support/fault-receiver.js";
import { recordsOfDocument } from "./support/framed-records.js";
import { spawnCtsim } from "./support/spawn-ctsim.js";

/**
 * End-to-end integrity: `ctsim stream` into every sink, in every format, with one and two
 * workers; what arrives at the other end (stdout, files read back, OBS objects gunzipped, the
 * bodies an HTTP receiver acknowledged) is parsed record by record and compared, bytes and
 * trace ids, with what the generator writes for the same timeline. `--no-retime` keeps the
 * generator's own times, so the bytes are comparable. The accounting in `--stats` must match
 * what arrived.
 */
const SEED = 11;
const START = Date.UTC(2026, 0, 5, 9);
const COUNT = 2500;

interface Expected {
  /** Every record's JSON text, in timeline order. */
  readonly records: readonly string[];
  /** The whole document `ctsim generate` would write in this format. */
  readonly document: string;
}

const expectedByFormat = new Map<TraceFormat, Expected>();
function expected(format: TraceFormat): Expected {
  let value = expectedByFormat.get(format);
  if (value === undefined) {
    const events = [...generateTraces({ seed: SEED, from: START, now: START, count: COUNT })];
    const encode = FORMAT_LAYOUTS[format].shape === "obs" ? encodeObsTraceJson : encodeApiTraceJson;
    value = {
      records: events.map(encode),
      document: [...encodeTraces(events, { format })].join(""),
    };
    expectedByFormat.set(format, value);
  }
  return value;
}

const traceIdOf = (record: string): string => {
  const parsed = JSON.parse(record) as { trace_id?: string; traceId?: string };
  return parsed.trace_id ?? parsed.traceId ?? "";
};
const sorted = (values: readonly string[]): string[] => [...values].sort();

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ctsim-integrity-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the stream and returns its `--stats`, after checking it succeeded. */
async function stream(args: readonly string[], workers: number, stdoutFile?: string) {
  const stats = join(dir, `stats-${Math.random().toString(36).slice(2)}.json`);
  const run = await spawnCtsim(
    [
      "stream",
      "--max",
      "--count",
      String(COUNT),
      "--seed",
      String(SEED),
      "--timeline-start",
      String(START),
      "--no-retime",
      "--workers",
      String(workers),
      "--stats",
      stats,
      ...args,
    ],
    stdoutFile === undefined ? {} : { stdoutFile },
  );
  expect(run.stderr).toMatch(/stopped by count/);
  expect(run.code).toBe(0);
  const accounting = JSON.parse(await readFile(stats, "utf8")) as StreamStats;
  expect(accounting).toMatchObject({ traces: COUNT, unconfirmed: 0, stoppedBy: "count" });
  return { run, accounting };
}

const FORMATS = ["ndjson", "json", "obs"] as const satisfies readonly TraceFormat[];
const framingOf = (format: TraceFormat) => FORMAT_LAYOUTS[format].framing;

describe.each([1, 2])(
  "ctsim stream --workers %i: every record arrives whole, exactly once",
  (workers) => {
    test.each(FORMATS)("stdout (a pipe), --format %s: the generator's bytes", async (format) => {
      const { run, accounting } = await stream(["--format", format], workers);
      const text = run.stdout.toString("utf8");
      expect(recordsOfDocument(text, framingOf(format), "stdout")).toEqual(
        expected(format).records,
      );
      expect(text).toBe(expected(format).document);
      expect(accounting.bytes).toBe(run.stdout.length);
    });

    test.each(FORMATS)("stdout redirected to a file, --format %s", async (format) => {
      const path = join(dir, `stdout-${workers}.${format}`);
      const { accounting } = await stream(["--format", format], workers, path);
      const bytes = await readFile(path);
      expect(bytes.toString("utf8")).toBe(expected(format).document);
      expect(accounting.bytes).toBe(bytes.length);
    });

    test.each(FORMATS)("file: with size rotation, --format %s", async (format) => {
      const base = join(dir, `rotating-${workers}-${format}`, "traces");
      await mkdir(join(base, ".."));
      const { accounting } = await stream(
        ["--format", format, "--sink", `file:${base}`, "--rotate-size", "400k"],
        workers,
      );
      const names = (await readdir(join(base, ".."))).filter((name) => name.startsWith("traces"));
      const order = (name: string): number =>
        name === "traces" ? Number.POSITIVE_INFINITY : Number(name.split(".")[1]);
      names.sort((a, b) => order(a) - order(b));
      expect(names.length).toBeGreaterThan(3);
      const records: string[] = [];
      let bytes = 0;
      for (const name of names) {
        const file = await readFile(join(base, "..", name));
        expect(file.length).toBeLessThanOrEqual(400 * 1024);
        bytes += file.length;
        records.push(...recordsOfDocument(file.toString("utf8"), framingOf(format), name));
      }
      expect(records).toEqual(expected(format).records);
      expect(accounting.bytes).toBe(bytes);
    });

    test("dir: (OBS trace files), --format obs: every object whole, no partial files", async () => {
      const root = join(dir, `obs-${workers}`);
      const { accounting } = await stream(
        ["--sink", `dir:${root}`, "--obs-max-records", "400"],
        workers,
      );
      const files = (await readdir(root, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => relative(root, join(entry.parentPath, entry.name)));
      expect(files.filter((name) => !name.endsWith(".json.gz"))).toEqual([]);
      const records: string[] = [];
      let bytes = 0;
      for (const name of files) {
        const text = gunzipSync(await readFile(join(root, name))).toString("utf8");
        bytes += Buffer.byteLength(text);
        const inFile = recordsOfDocument(text, "array", name);
        expect(inFile.length).toBeLessThanOrEqual(400);
        records.push(...inFile);
      }
      expect(sorted(records)).toEqual(sorted(expected("obs").records));
      expect(sorted(records.map(traceIdOf))).toEqual(
        sorted(expected("obs").records.map(traceIdOf)),
      );
      expect(accounting.bytes).toBe(bytes);
    });

    test.each(FORMATS)(
      "http: a receiver that is slow, answers 429/503 and drops connections, --format %s",
      async (format) => {
        // A fixed schedule: about a third of the requests misbehave, never twice in a row.
        const faults: readonly ReceiverFault[] = [
          "ok",
          "503",
          "slow",
          "drop-after-body",
          "ok",
          "429",
          "drop-at-once",
          "ok",
          "slow",
        ];
        const receiver = await startFaultReceiver((n) => faults[n % faults.length]!);
        try {
          const { accounting } = await stream(
            [
              "--format",
              format,
              "--sink",
              receiver.url,
              "--batch-size",
              "150",
              "--concurrency",
              "3",
              "--retries",
              "8",
            ],
            workers,
          );
          const { records: want } = expected(format);
          const indexOf = new Map(want.map((record, index) => [record, index]));
          const bodies = receiver.acknowledged.map(({ body, contentType }, n) => {
            expect(contentType).toBe(
              format === "ndjson" ? "application/x-ndjson" : "application/json",
            );
            const records = recordsOfDocument(
              body.toString("utf8"),
              framingOf(format),
              `body ${n}`,
            );
            return { first: indexOf.get(records[0]!) ?? -1, records, bytes: body.length };
          });
          bodies.sort((a, b) => a.first - b.first);
          const received = bodies.flatMap((body) => body.records);
          // Exactly once and whole: a lost batch or a resent acknowledged one would show here.
          expect(received).toEqual(want);
          expect(sorted(received.map(traceIdOf))).toEqual(sorted(want.map(traceIdOf)));
          expect(accounting.bytes).toBe(bodies.reduce((sum, body) => sum + body.bytes, 0));
          expect(accounting.errors).toBeGreaterThan(0); // the faults did happen and were retried
          for (const fault of ["slow", "429", "503", "drop-after-body", "drop-at-once"] as const) {
            expect(receiver.faults[fault], fault).toBeGreaterThan(0);
          }
        } finally {
          await receiver.close();
        }
      },
    );
  },
);
