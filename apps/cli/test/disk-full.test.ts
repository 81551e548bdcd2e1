import { mkdir, mkdtemp, open, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { encodeApiTraceJson, encodeObsTraceJson, generateTraces } from "@ctsim/generator";
import { FORMAT_LAYOUTS, type StreamStats } from "@ctsim/generator/node";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { recordsOfDocument } from "./support/framed-records.js";
import { mountSmallDisk, type SmallDisk } from "./support/small-disk.js";
import { type SpawnOptions, spawnCtsim } from "./support/spawn-ctsim.js";

/**
 * A destination that fills up: `generate` and `stream` must end with exit 1 and a message
 * naming the destination and the cause, leave only whole records (a closed JSON array, no
 * partial OBS object), and report as written exactly what the destination holds. Two ways to
 * fill it: a 2 MiB tmpfs (real ENOSPC; needs root, skipped with a message elsewhere) and a file
 * size limit (`ulimit -f`: a short write, then EFBIG), which works for any user.
 */
const DISK_KIB = 2048;
const GENERATE = ["--count", "3000", "--seed", "4", "--now", "2026-01-01T00:00:00Z"];
const SEED = 9;
const START = Date.UTC(2026, 0, 5, 9);
const STREAM = [
  "--max",
  "--count",
  "5000",
  "--seed",
  String(SEED),
  "--timeline-start",
  String(START),
  "--no-retime",
];

interface FullDisk {
  readonly name: string;
  /** The cause the message must name. */
  readonly cause: RegExp;
  /** How to run ctsim so that a file stops growing at about `kib` KiB. */
  spawn(kib: number): SpawnOptions;
  /** Why the machine cannot run it, or `undefined`. */
  skip?: string | undefined;
  dir: string;
}

let tmpfs: SmallDisk | string = "not mounted yet";
const disks: FullDisk[] = [
  { name: `a ${DISK_KIB} KiB tmpfs`, cause: /ENOSPC/, spawn: () => ({}), dir: "" },
  {
    name: "a file size limit",
    cause: /EFBIG|too large/,
    spawn: (kib) => ({ fileSizeLimitKiB: kib }),
    dir: "",
  },
];
let scratch = "";

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "ctsim-disk-full-"));
  tmpfs = mountSmallDisk(DISK_KIB);
  disks[0]!.skip = typeof tmpfs === "string" ? tmpfs : undefined;
  if (typeof tmpfs === "string") console.warn(`disk-full tests on tmpfs skipped: ${tmpfs}`);
  else disks[0]!.dir = tmpfs.dir;
  disks[1]!.dir = join(scratch, "limited");
});
afterAll(async () => {
  if (typeof tmpfs !== "string") tmpfs.remove();
  await rm(scratch, { recursive: true, force: true });
});

/** The generator's records for the stream above, in order. */
function streamedRecords(shape: "api" | "obs"): string[] {
  const encode = shape === "obs" ? encodeObsTraceJson : encodeApiTraceJson;
  return [...generateTraces({ seed: SEED, from: START, now: START, count: 5000 })].map(encode);
}

/** What `ctsim generate` writes without a full disk, per format. */
const fullOutputs = new Map<string, string[]>();
async function generated(format: "ndjson" | "json" | "obs"): Promise<string[]> {
  let records = fullOutputs.get(format);
  if (records === undefined) {
    const run = await spawnCtsim(["generate", ...GENERATE, "--format", format]);
    records = recordsOfDocument(run.stdout.toString(), FORMAT_LAYOUTS[format].framing, "reference");
    fullOutputs.set(format, records);
  }
  return records;
}

const writtenWhole = (stderr: string): number =>
  Number(/\((\d+) traces written whole before it\)/.exec(stderr)?.[1] ?? -1);

describe.each(disks)("on $name", (disk) => {
  beforeEach(async (context) => {
    if (disk.skip !== undefined) context.skip();
    // Empty, whether it is a mount point (which stays) or a plain directory.
    await mkdir(disk.dir, { recursive: true });
    for (const name of await readdir(disk.dir)) await rm(join(disk.dir, name), { recursive: true });
  });

  test.each(["ndjson", "json", "obs"] as const)(
    "generate --out (%s): exit 1, whole records, the count it reports",
    async (format) => {
      const out = join(disk.dir, `traces.${format}`);
      const run = await spawnCtsim(
        ["generate", ...GENERATE, "--format", format, "--out", out],
        disk.spawn(DISK_KIB),
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`file ${out}`);
      expect(run.stderr).toMatch(disk.cause);
      const records = recordsOfDocument(
        await readFile(out, "utf8"),
        FORMAT_LAYOUTS[format].framing,
        out,
      );
      expect(records.length).toBeGreaterThan(0);
      expect(records.length).toBe(writtenWhole(run.stderr));
      expect(records).toEqual((await generated(format)).slice(0, records.length));
    },
  );

  test("generate > file (stdout redirected), --format json: the array is closed", async () => {
    const out = join(disk.dir, "stdout.json");
    const run = await spawnCtsim(["generate", ...GENERATE, "--format", "json"], {
      ...disk.spawn(DISK_KIB),
      stdoutFile: out,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/stdout: write failed/);
    expect(run.stderr).toMatch(disk.cause);
    const records = recordsOfDocument(await readFile(out, "utf8"), "array", out);
    expect(records.length).toBe(writtenWhole(run.stderr));
    expect(records).toEqual((await generated("json")).slice(0, records.length));
  });

  test("generate --labels: a labels file that cannot be written whole fails the command", async () => {
    const labels = join(disk.dir, "labels.ndjson");
    // A full tmpfs (labels take whole pages, so none fit), or 3 KiB under the limit (some fit).
    if (disk.name.includes("tmpfs")) await fill(disk.dir);
    const run = await spawnCtsim(
      [
        "generate",
        ...GENERATE,
        "--scenario",
        "mass-deletion,login-brute-force",
        // As many labels as before the IAM and OBS context, so that some overflow the limit.
        "--modelarts-only",
        "--labels",
        labels,
      ],
      disk.spawn(3),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`file ${labels}`);
    expect(run.stderr).toMatch(disk.cause);
    const kept = recordsOfDocument(await readFile(labels, "utf8"), "lines", labels);
    const [, written, all] = /\((\d+) of (\d+) labels written whole\)/.exec(run.stderr) ?? [];
    expect(Number(written)).toBe(kept.length);
    expect(Number(all)).toBeGreaterThan(kept.length);
  });

  test("stream --sink file: with rotation: whole files, --stats counts what they hold", async () => {
    const path = join(disk.dir, "live.ndjson");
    const stats = join(scratch, "file-stats.json");
    const run = await spawnCtsim(
      ["stream", ...STREAM, "--sink", `file:${path}`, "--rotate-size", "512k", "--stats", stats],
      disk.spawn(300),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`file ${path}`);
    expect(run.stderr).toMatch(disk.cause);
    const names = (await readdir(disk.dir)).filter((name) => name.startsWith("live.ndjson"));
    const order = (name: string): number =>
      name === "live.ndjson" ? Number.POSITIVE_INFINITY : Number(name.split(".").pop());
    const records: string[] = [];
    for (const name of names.sort((a, b) => order(a) - order(b)))
      records.push(
        ...recordsOfDocument(await readFile(join(disk.dir, name), "utf8"), "lines", name),
      );
    const accounting = JSON.parse(await readFile(stats, "utf8")) as StreamStats;
    expect(accounting).toMatchObject({ stoppedBy: "error", traces: records.length });
    expect(accounting.unconfirmed).toBeGreaterThan(0);
    expect(records).toEqual(streamedRecords("api").slice(0, records.length));
  });

  test("stream --sink dir: no partial object, exit 1 with a message, --stats written", async () => {
    const root = join(disk.dir, "bucket");
    const stats = join(scratch, "dir-stats.json");
    const run = await spawnCtsim(
      ["stream", ...STREAM, "--sink", `dir:${root}`, "--obs-max-records", "1000", "--stats", stats],
      disk.spawn(4),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`dir ${root}`);
    expect(run.stderr).toMatch(disk.cause);
    const files = (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)));
    expect(files.filter((name) => !name.endsWith(".json.gz"))).toEqual([]);
    const records: string[] = [];
    for (const name of files)
      records.push(
        ...recordsOfDocument(
          gunzipSync(await readFile(join(root, name))).toString(),
          "array",
          name,
        ),
      );
    const accounting = JSON.parse(await readFile(stats, "utf8")) as StreamStats;
    expect(accounting).toMatchObject({ stoppedBy: "error", traces: records.length });
    expect(accounting.unconfirmed).toBeGreaterThan(0);
    const expected = new Set(streamedRecords("obs"));
    expect(records.every((record) => expected.has(record))).toBe(true);
  });

  test("stream > file (stdout redirected), --format json: the array is closed", async () => {
    const out = join(disk.dir, "stream.json");
    const stats = join(scratch, "stdout-stats.json");
    const run = await spawnCtsim(["stream", ...STREAM, "--format", "json", "--stats", stats], {
      ...disk.spawn(DISK_KIB),
      stdoutFile: out,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/stdout: write failed/);
    const records = recordsOfDocument(await readFile(out, "utf8"), "array", out);
    const accounting = JSON.parse(await readFile(stats, "utf8")) as StreamStats;
    expect(accounting.traces).toBe(records.length);
    expect(records).toEqual(streamedRecords("api").slice(0, records.length));
  });
});

/** Fills a directory's filesystem to the last byte. */
async function fill(dir: string): Promise<void> {
  const file = await open(join(dir, "filler"), "w");
  try {
    const block = Buffer.alloc(64 * 1024, 0x61);
    for (;;) await file.write(block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  } finally {
    await file.close();
  }
}
