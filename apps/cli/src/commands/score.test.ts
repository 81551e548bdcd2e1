import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ScoreReport } from "@ctsim/detect";
import { EXAMPLE_RULES_DIR } from "@ctsim/detect/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ctsim, runCtsim } from "../../test/support/run-ctsim.js";

const NOW = "2026-12-01T00:00:00Z";
const SCENARIOS =
  "mass-deletion,off-hours-export,new-ip-access-key,login-brute-force,agency-privilege-escalation,tracker-tampering";
const dir = mkdtempSync(join(tmpdir(), "ctsim-score-"));
const traces = join(dir, "traces.ndjson");
const labels = join(dir, "labels.ndjson");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const generated = await ctsim(
    "generate",
    "--now",
    NOW,
    "--seed",
    "7",
    "--scenario",
    SCENARIOS,
    "--labels",
    labels,
    "--out",
    traces,
    "--workers",
    "1",
  );
  expect(generated.code).toBe(0);
});

describe("ctsim score", () => {
  it("scores the example rules over generated files: recall 1, --fail-under passes", async () => {
    const run = await ctsim(
      "score",
      "--traces",
      traces,
      "--labels",
      labels,
      "--json",
      "--fail-under",
      "recall=1",
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ScoreReport;
    const labelCount = readFileSync(labels, "utf8").trim().split("\n").length;
    expect(report.traces).toBe(readFileSync(traces, "utf8").trim().split("\n").length);
    expect(report.labels.malicious).toBe(labelCount);
    // Every rule's scenario is scored, also those absent from this corpus (their alerts are all
    // false positives, e.g. inference-api-key-hijack's on regular agency sessions).
    const scored = report.scenarios.filter((s) => s.occurrences > 0);
    expect(scored.map((s) => s.scenario)).toEqual(SCENARIOS.split(",").sort());
    for (const s of scored) {
      expect(s.recall).toBe(1);
      expect(s.precision).toBeGreaterThanOrEqual(0.6);
    }
    expect(report.totals.occurrences).toBe(labelCount);
  });

  it("reads the traces from standard input and prints the table", async () => {
    const run = await runCtsim(["score", "--traces", "-", "--labels", labels], {
      stdin: readFileSync(traces, "utf8"),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+ traces, 20 malicious occurrences/);
    expect(run.stdout).toMatch(/^mass-deletion\s+3\s+3\s+0\s/m);
    expect(run.stdout).toContain("total: recall 1.000");
  });

  it("fails --fail-under (exit 1) when a weakened rule drops recall", async () => {
    const rules = join(dir, "weak-rules");
    cpSync(EXAMPLE_RULES_DIR, rules, { recursive: true });
    const file = join(rules, "tracker-tampering.yml");
    writeFileSync(
      file,
      readFileSync(file, "utf8")
        .replace("- deleteTracker\n", "")
        .replace("- deleteNotification\n", "- deleteNothing\n")
        .replace("request.status: disabled", "request.status: never"),
    );
    const run = await ctsim(
      "score",
      "--rules",
      rules,
      "--traces",
      traces,
      "--labels",
      labels,
      "--fail-under",
      "recall=0.9",
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^tracker-tampering\s+3\s+0\s+3\s/m);
    expect(run.stderr).toContain("--fail-under recall=0.9: 1 failure(s)");
    expect(run.stderr).toContain(
      "tracker-tampering: recall 0.000 < 0.9 (3 of 3 occurrences missed)",
    );
  });

  it("refuses a rule with an unsupported construct, naming it and the file (exit 1)", async () => {
    const rules = join(dir, "refused-rules");
    cpSync(EXAMPLE_RULES_DIR, rules, { recursive: true });
    writeFileSync(
      join(rules, "encoded.yml"),
      "title: encoded\ndetection:\n  s:\n    request|base64offset|contains: evil\n  condition: s\n",
    );
    const run = await ctsim("score", "--rules", rules, "--seed", "1", "--count", "100");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${join(rules, "encoded.yml")}: unsupported Sigma construct modifier |base64offset`,
    );
    expect(run.stdout).toBe("");
  });

  it("generates on the fly from a seed: the same options give the same report", async () => {
    const args = [
      "score",
      "--seed",
      "3",
      "--scenario",
      "mass-deletion,tracker-tampering",
      "--days",
      "3",
      "--json",
    ];
    const first = await ctsim(...args);
    const second = await ctsim(...args);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const report = JSON.parse(first.stdout) as ScoreReport;
    const rows = report.scenarios.filter((s) => s.occurrences > 0).map((s) => s.scenario);
    expect(rows).toEqual(["mass-deletion", "tracker-tampering"]);
  });

  it("ends with exit 1 naming the file and line of a record that is not a trace or label", async () => {
    const broken = join(dir, "broken.ndjson");
    writeFileSync(broken, `${readFileSync(traces, "utf8").split("\n")[0]}\n{"trace_id":\n`);
    const run = await ctsim("score", "--traces", broken, "--labels", labels);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${broken}:2: not a trace`);
    const badLabels = join(dir, "bad-labels.ndjson");
    writeFileSync(badLabels, '{"scenario":"x"}\n');
    const labelRun = await ctsim("score", "--traces", traces, "--labels", badLabels);
    expect(labelRun.code).toBe(1);
    expect(labelRun.stderr).toContain(`${badLabels}:1: not an anomaly label`);
  });

  it("exits 2 on bad usage", async () => {
    expect((await ctsim("score", "--traces", traces)).code).toBe(2);
    expect((await ctsim("score", "--seed", "1", "--traces", traces, "--labels", labels)).code).toBe(
      2,
    );
    expect((await ctsim("score", "--seed", "1", "--fail-under", "recall=2")).code).toBe(2);
    expect((await ctsim("score", "--traces", join(dir, "missing"), "--labels", labels)).code).toBe(
      2,
    );
  });
});
