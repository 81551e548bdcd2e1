import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CorpusStats } from "@ctsim/generator";
import { afterAll, describe, expect, it } from "vitest";
import { ctsim, runCtsim } from "../../test/support/run-ctsim.js";

const NOW = "2025-06-02T00:00:00Z";
const dir = mkdtempSync(join(tmpdir(), "ctsim-stats-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("ctsim stats", () => {
  it("reports a generated corpus as JSON that adds up", async () => {
    const out = join(dir, "week.ndjson");
    const generated = await ctsim(
      "generate",
      "--now",
      NOW,
      "--seed",
      "3",
      "--count",
      "5000",
      "--scenario",
      "mass-deletion",
      "--out",
      out,
    );
    expect(generated.code).toBe(0);
    const run = await ctsim("stats", "--json", "--utc-offset", "+8", out);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CorpusStats & { file: string };
    const { operations, activity, users, failures, lifecycle, services, sourceIps } =
      report.sections;
    expect(report).toMatchObject({ file: out, records: 5000, unreadable: 0 });
    const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
    expect(sum(operations.categories.map((c) => c.traces))).toBe(5000);
    expect(operations.categories.map((c) => c.category)).toContain("training");
    expect(sum(activity.byHour)).toBe(5000);
    expect(sum(activity.byWeekday)).toBe(5000);
    expect(activity.utcOffsetMinutes).toBe(480);
    expect(users.users).toBeGreaterThan(3);
    expect(users.top[0]?.traces).toBeGreaterThan(0);
    expect(sum(Object.values(failures.byRating))).toBe(5000);
    expect(failures.byCode.length).toBeGreaterThan(0);
    expect(lifecycle.trainingJobs).toBeGreaterThan(0);
    expect(lifecycle.models).toBeGreaterThan(0);
    expect(sum(Object.values(services.byService))).toBe(5000);
    expect(sum(Object.values(sourceIps.byClass))).toBe(5000);
  });

  it("prints text from standard input, in the OBS shape too", async () => {
    const obs = await ctsim("generate", "--now", NOW, "--count", "300", "--format", "obs");
    const run = await runCtsim(["stats", "-"], { stdin: obs.stdout });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^300 traces/);
    expect(run.stdout).toContain("## Source IP classes");
  });

  it("exits 2 on a bad flag or a missing file", async () => {
    expect((await ctsim("stats", "--utc-offset", "+15", "-")).code).toBe(2);
    expect((await ctsim("stats", "--max-tracked", "0", "-")).code).toBe(2);
    expect((await ctsim("stats", join(dir, "missing.ndjson"))).code).toBe(2);
  });
});
