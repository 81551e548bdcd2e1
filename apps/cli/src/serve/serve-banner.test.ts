import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMockService } from "@ctsim/mock/node";
import { afterAll, describe, expect, it } from "vitest";
import { cacheBanner } from "./cache-banner.js";
import { SIGN_COMMAND, serveBanner, signCommandOf } from "./serve-banner.js";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 5, 15, 11, 30);
const cacheDir = mkdtempSync(join(tmpdir(), "ctsim-serve-banner-"));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** The banner of a service started at `now` (over the 50,000 traces that are cached). */
async function bannerAt(now: number): Promise<{ origin: string; cache: string }> {
  const service = await startMockService({
    port: 0,
    now: () => now,
    expectedCount: 60_000,
    workers: 0,
    cacheDir,
  });
  try {
    const banner = serveBanner(service, { seconds: 1, now });
    return {
      origin: /ready in 1\.0 s: (.*)/.exec(banner)?.[1] as string,
      cache: cacheBanner(service.load),
    };
  } finally {
    await service.close();
  }
}

describe("the serve banner's store origin", () => {
  it("says the store was derived from the snapshot of an earlier hour, and how long it took", async () => {
    const first = await bannerAt(T0);
    expect(first.origin).toMatch(/^built by the generator, writing the snapshot /);
    // Later in the same hour: the same window, from the snapshot.
    expect((await bannerAt(T0 + 20 * 60_000)).origin).toMatch(/^loaded from the snapshot /);
    const moved = await bannerAt(T0 + HOUR);
    expect(moved.origin).toMatch(
      /^derived in \d+\.\d s from the snapshot of the window ending 2026-06-15T12:00:00\.000Z \(\S+-20260615T120000\.000Z\.ctsnap: \d+ traces kept, \d+ older dropped, \d+ generated since\), writing the snapshot .*-20260615T130000\.000Z\.ctsnap$/,
    );
    expect(moved.cache).toMatch(
      /^ctsim serve: snapshot cache: derived from \S+-20260615T120000\.000Z\.ctsnap \(the window ending 2026-06-15T12:00:00\.000Z\) in \d+\.\d s: kept \d+ traces, dropped \d+ older, generated \d+ since\nctsim serve: snapshot cache: writing .* will hold [\d.]+ MiB of ctsim's/,
    );
  });

  it("says why a window of another run is built anew, naming the window cached", async () => {
    // 23:10: the week ends at midnight and starts on Tuesday the 9th, a day after the others.
    const moved = await bannerAt(Date.UTC(2026, 5, 15, 23, 10));
    expect(moved.origin).toMatch(
      /^built by the generator \(no snapshot for this window; this load is cached for the window ending 2026-06-15T13:00:00\.000Z and 1 more, from another run: a window is derived only from one starting on the same UTC day, of a week or without --expected-count, and without --scenario\), writing the snapshot .*-20260616T000000\.000Z\.ctsnap$/,
    );
  });
});

describe("the serve banner's explorer and labels lines", () => {
  it("names the page's URL when the explorer is served, and the labels of --scenario", async () => {
    const service = await startMockService({
      port: 0,
      now: () => T0,
      cacheDir: false,
      scenarios: ["mass-deletion", "ci-nightly-cleanup"],
    });
    try {
      const { url } = service.server;
      const banner = serveBanner(service, { seconds: 1, now: T0, explorer: true });
      expect(banner).toContain(`\nexplorer: ${url}/ (the trace explorer: open it in a browser)\n`);
      const attacks = service.labels.filter((l) => !l.benign).length;
      expect(attacks).toBeGreaterThan(0);
      expect(service.labels.length).toBeGreaterThan(attacks);
      expect(banner).toContain(
        `\nlabels: ${service.labels.length} scenario occurrences (${attacks} attacks, ${service.labels.length - attacks} benign), ctsim's ground truth, not a CTS API: ${url}/_ctsim/labels?project_id=${service.projectId} (the API's credentials)\n`,
      );
      // Without the page (not built), neither line: nothing serves them.
      const bare = serveBanner(service, { seconds: 1, now: T0 });
      expect(bare).not.toMatch(/^explorer: |^labels: /m);
    } finally {
      await service.close();
    }
  });

  it("has no labels line without scenarios", async () => {
    const service = await startMockService({ port: 0, days: 1, now: () => T0, cacheDir: false });
    try {
      const banner = serveBanner(service, { seconds: 1, now: T0, explorer: true });
      expect(banner).toMatch(/^explorer: http:\/\/127\.0\.0\.1:\d+\/ /m);
      expect(banner).not.toMatch(/^labels: /m);
    } finally {
      await service.close();
    }
  });
});

describe("signCommandOf", () => {
  it("signs through pnpm from the sources, else with the binary that runs, quoted for sh", () => {
    expect(signCommandOf("/repo/apps/cli/src/bin.ts")).toBe(SIGN_COMMAND);
    expect(signCommandOf(undefined)).toBe(SIGN_COMMAND);
    expect(signCommandOf("/p/node_modules/.bin/ctsim")).toBe("'/p/node_modules/.bin/ctsim' sign");
    expect(signCommandOf("/it's/ctsim")).toBe("'/it'\\''s/ctsim' sign");
  });
});
