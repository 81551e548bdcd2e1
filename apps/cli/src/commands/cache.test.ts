import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TraceStore } from "@ctsim/mock";
import { loadStoreCached } from "@ctsim/mock/node";
import { afterAll, describe, expect, it } from "vitest";
import { runCtsim } from "../../test/support/run-ctsim.js";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 5, 15, 12);
const root = mkdtempSync(join(tmpdir(), "ctsim-cache-command-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Two snapshots (hours 0 and 1 of a small load), a dead writer's temporary file and foreign files. */
async function filledCache(
  name: string,
): Promise<{ dir: string; ours: string[]; foreign: string[] }> {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const hours of [0, 1]) {
    const end = T0 + hours * HOUR;
    const load = await loadStoreCached(new TraceStore({ now: () => end }), {
      seed: 3,
      days: 1,
      workers: 0,
      end,
      cacheDir: dir,
      minCachedTraces: 0,
    });
    expect(await load.written).toBe(true);
  }
  const [first] = readdirSync(dir);
  const dead = spawnSync(process.execPath, ["-e", ""]).pid;
  writeFileSync(join(dir, `${first}.${dead}.tmp`), "cut short");
  const foreign = ["notes.txt", "mine.ctsnap", "backup.ctsnap.tmp"];
  for (const file of foreign) writeFileSync(join(dir, file), `kept: ${file}`);
  const ours = readdirSync(dir).filter((file) => !foreign.includes(file));
  return { dir, ours, foreign };
}

const bytesOf = (dir: string, files: readonly string[]): number =>
  files.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);

describe("ctsim cache", () => {
  it("lists ctsim's files in CTSIM_CACHE_DIR with sizes, windows, total and CTSIM_CACHE_MAX, then clears only them", async () => {
    const { dir, ours, foreign } = await filledCache("list-clear");
    expect(ours).toHaveLength(3);
    const env = { CTSIM_CACHE_DIR: dir, CTSIM_CACHE_MAX: "1G" };
    const json = await runCtsim(["cache", "list", "--json"], { env });
    expect(json.code).toBe(0);
    const listing = JSON.parse(json.stdout) as {
      dir: string;
      maxBytes: number;
      totalBytes: number;
      entries: { file: string; kind: string; bytes: number; end: string | null; stale: boolean }[];
    };
    expect(listing.dir).toBe(dir);
    expect(listing.maxBytes).toBe(2 ** 30);
    expect(listing.totalBytes).toBe(bytesOf(dir, ours));
    expect(listing.entries.map((entry) => entry.file).sort()).toEqual(
      ours.map((file) => join(dir, file)).sort(),
    );
    expect(
      listing.entries
        .filter((entry) => entry.kind === "snapshot")
        .map((entry) => entry.end)
        .sort(),
    ).toEqual(["2026-06-15T12:00:00.000Z", "2026-06-15T13:00:00.000Z"]);
    expect(listing.entries.find((entry) => entry.kind === "temporary")?.stale).toBe(true);

    const text = await runCtsim(["cache", "info"], { env });
    expect(text.stdout).toContain(`directory: ${dir}\nlimit: 1.00 GiB`);
    expect(text.stdout).toContain("window ending 2026-06-15T13:00:00.000Z");
    expect(text.stdout).toContain("left by an interrupted write");
    expect(text.stdout).toMatch(/\ntotal: \d+\.\d+ MiB in 3 files, of the 1\.00 GiB limit\n$/);
    for (const file of foreign) expect(text.stdout).not.toContain(file);

    const cleared = await runCtsim(["cache", "clear"], { env });
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toMatch(
      new RegExp(`^removed 3 files \\(\\d+\\.\\d+ MiB\\) from ${dir}\\n$`),
    );
    expect(readdirSync(dir).sort()).toEqual([...foreign].sort());
    const empty = await runCtsim(["cache", "list"], { env });
    expect(empty.stdout).toContain("total: 0 B in 0 files");
  });

  it("finds the directory as serve does: XDG_CACHE_HOME/ctsim/mock; off with CTSIM_CACHE_DIR=off", async () => {
    const xdg = join(root, "xdg");
    const listed = await runCtsim(["cache", "list"], { env: { XDG_CACHE_HOME: xdg } });
    expect(listed.stdout).toContain(`directory: ${join(xdg, "ctsim", "mock")}\nlimit: 4.00 GiB`);
    const off = await runCtsim(["cache", "clear"], { env: { CTSIM_CACHE_DIR: "off" } });
    expect([off.code, off.stdout]).toEqual([0, expect.stringMatching(/cache is off/)]);
    const bad = await runCtsim(["cache", "list"], { env: { CTSIM_CACHE_MAX: "lots" } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/CTSIM_CACHE_MAX must be a size like/);
  });
});
