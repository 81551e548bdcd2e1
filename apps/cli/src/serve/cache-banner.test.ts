import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMockService } from "@ctsim/mock/node";
import { afterAll, describe, expect, it } from "vitest";
import { cacheBanner } from "./cache-banner.js";

const HOUR = 3_600_000;
/** Monday 2026-06-15, 21:30 UTC: the week's window ends at 22:00 and starts on Monday the 8th. */
const T0 = Date.UTC(2026, 5, 15, 21, 30);
const root = mkdtempSync(join(tmpdir(), "ctsim-cache-banner-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Window end of a snapshot's name, as hours after T0's (22:00). */
function hourOf(file: string): number {
  const stamp = /-(\d{8}T\d{6}\.\d{3}Z)\.ctsnap$/.exec(file)?.[1] as string;
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13)}`;
  return (Date.parse(iso) - (T0 + HOUR / 2)) / HOUR;
}

describe("ctsim serve's snapshot cache as the clock moves across hours", () => {
  it("stays within --cache-max after every start, evicts the least recently used as it says, and derives each new hour of a run", async () => {
    const dir = mkdtempSync(join(root, "cache-"));
    writeFileSync(join(dir, "notes.txt"), "a user's file: neither counted nor removed");
    /** Starts the service at `now` under `limit` and returns what it says on stderr. */
    const startAt = async (now: number, limit: number) => {
      const service = await startMockService({
        port: 0,
        now: () => now,
        expectedCount: 60_000, // over the 50,000 traces from which a store is cached
        workers: 0,
        cacheDir: dir,
        cacheMaxBytes: limit,
      });
      await service.close(); // waits for the snapshot's write
      return { load: service.load, stderr: cacheBanner(service.load) };
    };
    const ctsimFiles = () => readdirSync(dir).filter((name) => name !== "notes.txt");
    const ctsimBytes = () =>
      ctsimFiles().reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
    const cachedHours = () =>
      ctsimFiles()
        .map(hourOf)
        .sort((a, b) => a - b);

    // The first start measures a snapshot: then any two fit under the limit, no three.
    const first = await startAt(T0, 2 ** 40);
    const size = first.load.cache?.bytes as number;
    const limit = Math.floor(2.5 * size);
    expect(first.load.source).toBe("built");
    // [clock, where the store comes from, derived from (hour), evicted (hours), cached after]
    type Step = [number, "built" | "derived" | "loaded", number | null, number[], number[]];
    const steps: Step[] = [
      [T0 + HOUR, "derived", 0, [], [0, 1]],
      [T0 + 15 * 60_000, "loaded", null, [], [0, 1]], // hour 0 is now the most recently used
      // 00:00 the next day: the window starts on Tuesday, another run: built.
      [T0 + 2 * HOUR, "built", null, [1], [0, 2]],
      [T0 + 3 * HOUR, "derived", 2, [0], [2, 3]],
      [T0 + 4 * HOUR, "derived", 3, [2], [3, 4]],
      [T0 + 3 * HOUR + 60_000, "loaded", null, [], [3, 4]],
      // Derived from hour 4, which is then the least recently used and goes.
      [T0 + 5 * HOUR, "derived", 4, [4], [3, 5]],
    ];
    for (const [now, source, from, evicted, after] of steps) {
      const { load, stderr } = await startAt(now, limit);
      const where = `at ${new Date(now).toISOString()}`;
      expect(ctsimBytes(), where).toBeLessThanOrEqual(limit);
      expect(load.source, where).toBe(source);
      expect(cachedHours(), where).toEqual(after);
      const lines = stderr.trimEnd().split("\n");
      const said = lines.flatMap((line) => {
        const file = /^ctsim serve: snapshot cache: evicted (\S+) \(.*\) to make room$/.exec(line);
        return file === null ? [] : [hourOf(file[1] as string)];
      });
      expect(said, where).toEqual(evicted);
      const derived = lines.find((line) => line.includes(" derived from "));
      if (from === null) {
        expect(derived, where).toBeUndefined();
      } else {
        expect(derived, where).toMatch(
          /^ctsim serve: snapshot cache: derived from \S+ \(the window ending \S+Z\) in \d+\.\d s: kept \d+ traces, dropped \d+ older, generated \d+ since$/,
        );
        expect(hourOf(/derived from (\S+)/.exec(derived as string)?.[1] as string), where).toBe(
          from,
        );
      }
      expect(lines.at(-1), where).toMatch(
        new RegExp(`${dir} (will hold|holds) [\\d.]+ MiB of ctsim's, limit [\\d.]+ MiB`),
      );
    }
    expect(readdirSync(dir)).toContain("notes.txt");
  });
});
