import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scoreTimeline } from "@ctsim/detect";
import { EXAMPLE_RULES_DIR, loadRulesDir } from "@ctsim/detect/node";
import { SCENARIO_NAMES } from "@ctsim/generator";
import { afterAll, describe, expect, it } from "vitest";

/** The precision the README documents for the example rules: each scenario at least this. */
const DOCUMENTED_PRECISION = 0.6;
const NOW = Date.UTC(2026, 11, 1);
const WEEK = 7 * 86_400_000;
/** The six scenarios this rule set was written for (h-scen's newer ones bring their own rules). */
const EXISTING = [
  "agency-privilege-escalation",
  "login-brute-force",
  "mass-deletion",
  "new-ip-access-key",
  "off-hours-export",
  "tracker-tampering",
] as const;

const dir = mkdtempSync(join(tmpdir(), "ctsim-detect-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const timeline = (seed: number) => ({
  seed,
  scenarios: EXISTING.filter((s) => (SCENARIO_NAMES as readonly string[]).includes(s)),
  now: NOW,
  from: NOW - WEEK,
  to: NOW,
});

describe("the example rules", () => {
  it.each([1, 2, 3, 7, 8])(
    "catch every existing scenario with recall 1 (seed %i)",
    async (seed) => {
      const rules = await loadRulesDir(EXAMPLE_RULES_DIR);
      const report = scoreTimeline({ rules, timeline: timeline(seed) });
      for (const id of EXISTING) {
        const row = report.scenarios.find((s) => s.scenario === id);
        expect(row?.occurrences, id).toBeGreaterThan(0);
        expect(row?.recall, id).toBe(1);
        expect(row?.precision ?? 0, id).toBeGreaterThanOrEqual(DOCUMENTED_PRECISION);
      }
    },
  );

  it("lose recall when a rule is weakened", async () => {
    cpSync(EXAMPLE_RULES_DIR, dir, { recursive: true });
    const file = join(dir, "mass-deletion.yml");
    writeFileSync(file, readFileSync(file, "utf8").replace("gte: 3", "gte: 40"));
    const report = scoreTimeline({ rules: await loadRulesDir(dir), timeline: timeline(7) });
    const row = report.scenarios.find((s) => s.scenario === "mass-deletion");
    expect(row?.recall).toBe(0);
    expect(row?.missedOccurrences.length).toBe(row?.occurrences);
  });
});
