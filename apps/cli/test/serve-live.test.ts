// `ctsim serve --live`, end to end: the banner, traces appearing over HTTP as the simulated
// clock runs, a clean stop on SIGINT, and the flags' errors.
import { afterEach, describe, expect, it } from "vitest";
import { listTraceIds } from "./support/list-trace-ids.js";
import { runCtsim } from "./support/run-ctsim.js";
import { killServes, startServe } from "./support/serve-ctsim.js";

afterEach(killServes);

const PROJECT_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

describe("ctsim serve --live", () => {
  it("says live mode, speed and delay model; traces keep arriving; SIGINT stops it cleanly", async () => {
    const serve = await startServe([
      "--live",
      "--speed",
      "3000",
      "--days",
      "1",
      "--tenants",
      "8",
      "--project-id",
      PROJECT_ID,
      "--no-cache",
    ]);
    const { banner } = serve;
    expect(banner).toMatch(/^live mode: the tenant keeps going at 3000× real time from (\S+);/m);
    expect(banner).toContain(
      "ingestion delay (ctsim's model, CTS documents none): 95% 2–20 s, 5% 1–10 min",
    );
    const start = Date.parse(/ from (\S+Z);/.exec(banner)?.[1] as string);
    const url = /listening on (\S+)/.exec(banner)?.[1] as string;
    // Asked about the next day at once: only what has become visible so far is there.
    const far = start + 24 * 3_600_000;
    const first = await listTraceIds(url, PROJECT_ID, start - 1, far);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const later = await listTraceIds(url, PROJECT_ID, start - 1, far);
    expect(later.length).toBeGreaterThan(first.length);
    expect(new Set(later).size).toBe(later.length);
    for (const id of first) expect(later).toContain(id);

    const exit = new Promise<number | null>((resolve) => serve.child.once("exit", resolve));
    serve.child.kill("SIGINT");
    expect(await exit).toBe(0);
    expect(serve.stderr()).toContain("ctsim serve: stopped");
  }, 60_000);

  it("refuses --speed without --live, a speed that is not positive, and --expected-count", async () => {
    const alone = await runCtsim(["serve", "--speed", "5", "--port", "0"]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("--speed needs --live");
    const zero = await runCtsim(["serve", "--live", "--speed", "0", "--port", "0"]);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("--speed must be a positive number");
    const counted = await runCtsim(["serve", "--live", "--expected-count", "1000", "--port", "0"]);
    expect(counted.code).toBe(2);
    expect(counted.stderr).toContain("--expected-count");
  });
});
