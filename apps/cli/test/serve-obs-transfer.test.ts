// `ctsim serve --live --obs-dir`, end to end: trace files and signed digests appear as the
// simulated clock runs, `ctsim verify` passes on them, every trace they hold is one the API
// lists, SIGINT delivers the open cycle; and the flags' errors.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { listTraceIds } from "./support/list-trace-ids.js";
import { runCtsim } from "./support/run-ctsim.js";
import { killServes, startServe } from "./support/serve-ctsim.js";

afterEach(killServes);

const PROJECT_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const BUCKET = "audit-archive";

async function traceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && /CloudTrace_.*\.json\.gz$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe("ctsim serve --live --obs-dir", () => {
  it("writes trace files and signed digests that verify and hold only traces the API lists", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ctsim-obs-"));
    try {
      const serve = await startServe([
        "--live",
        "--speed",
        "3000",
        "--days",
        "1",
        "--project-id",
        PROJECT_ID,
        "--no-cache",
        "--obs-dir",
        dir,
        "--obs-bucket",
        BUCKET,
        "--obs-prefix",
        "acme",
        "--digests",
      ]);
      const url = /listening on (\S+)/.exec(serve.banner)?.[1] as string;
      const start = Date.parse(/ from (\S+Z);/.exec(serve.banner)?.[1] as string);
      expect(serve.stderr()).toContain(
        `the first tenant's system trackers start with bucket ${BUCKET}`,
      );
      // The API says what the transfer does: the tracker has the bucket.
      const tracker = (await (
        await fetch(`${url}/v3/${PROJECT_ID}/trackers?tracker_name=system`)
      ).json()) as {
        trackers: {
          obs_info: { bucket_name: string; file_prefix_name: string };
          is_support_validate: boolean;
        }[];
      };
      expect(tracker.trackers[0]?.obs_info).toMatchObject({
        bucket_name: BUCKET,
        file_prefix_name: "acme",
      });
      expect(tracker.trackers[0]?.is_support_validate).toBe(true);
      // ~2 simulated hours.
      while ((await traceFiles(join(dir, BUCKET))).length < 4)
        await new Promise((r) => setTimeout(r, 200));
      await new Promise((r) => setTimeout(r, 2500));
      const listed = new Set(await listTraceIds(url, PROJECT_ID, start, start + 2 * 86_400_000));
      const exit = new Promise<number | null>((resolve) => serve.child.once("exit", resolve));
      serve.child.kill("SIGINT");
      expect(await exit).toBe(0);
      expect(serve.stderr()).toMatch(/OBS transfer: \d+ traces in \d+ files/);

      const files = await traceFiles(join(dir, BUCKET));
      expect(files.every((f) => /\/acme_CloudTrace_cn-north-4_/.test(f))).toBe(true);
      const inFiles = new Set<string>();
      for (const file of files) {
        for (const record of JSON.parse(gunzipSync(await readFile(file)).toString()) as {
          trace_id: string;
        }[])
          inFiles.add(record.trace_id);
      }
      // Every trace the API listed before the stop is in a file (the stop delivers the open cycle).
      const missing = [...listed].filter((id) => !inFiles.has(id));
      expect(missing).toEqual([]);

      const verified = await runCtsim(["verify", join(dir, BUCKET)]);
      expect(verified.code, verified.stdout + verified.stderr).toBe(0);
      expect(verified.stdout).toMatch(/digest files valid in \d+ chains/);
      expect(verified.stdout).toContain("no failures");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it("refuses --obs-dir without --live, --obs-bucket without --obs-dir, a bucket CTS refuses, an unwritable directory", async () => {
    const fixed = await runCtsim(["serve", "--port", "0", "--obs-dir", "/tmp/x"]);
    expect(fixed.code).toBe(2);
    expect(fixed.stderr).toContain("--obs-dir needs --live");
    const bucket = await runCtsim(["serve", "--port", "0", "--live", "--obs-bucket", "abc-bucket"]);
    expect(bucket.code).toBe(2);
    expect(bucket.stderr).toContain("--obs-bucket needs --obs-dir");
    const dir = await mkdtemp(join(tmpdir(), "ctsim-obs-"));
    try {
      const bad = await runCtsim([
        "serve",
        "--port",
        "0",
        "--live",
        "--no-cache",
        "--obs-dir",
        dir,
        "--obs-bucket",
        "B!",
      ]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("CTS.0231");
      const file = join(dir, "a-file");
      await writeFile(file, "");
      const notDir = await runCtsim([
        "serve",
        "--port",
        "0",
        "--live",
        "--obs-dir",
        join(file, "obs"),
      ]);
      expect(notDir.code).toBe(1);
      expect(notDir.stderr).toContain(`cannot write --obs-dir ${join(file, "obs")}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
