import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { DetectionRule } from "../rules/detection-rule.js";
import { readLabel, type ScoreLabel } from "./score-label.js";
import { score } from "./scorer.js";

/** A rule alerting on every trace whose id passes `keep`. */
function ruleOn(
  id: string,
  scenarios: string[],
  keep: (traceId: string) => boolean,
): DetectionRule {
  return {
    id,
    title: id,
    scenarios,
    create: () => ({
      onTrace: (t) => (keep(t.traceId) ? [{ traceIds: [t.traceId], time: t.time }] : []),
      finish: () => [],
    }),
  };
}

const corpus = fc
  .record({
    traces: fc.integer({ min: 1, max: 40 }),
    labels: fc.array(
      fc.record({
        scenario: fc.constantFrom("s1", "s2", "benign-1"),
        picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ traces, labels }) => {
    const records = Array.from({ length: traces }, (_, i) => ({
      trace_id: `t${i}`,
      time: i * 1000,
    }));
    const scoreLabels: ScoreLabel[] = labels.map(({ scenario, picks }) => {
      const ids = [...new Set(picks.map((p) => p % traces))].sort((a, b) => a - b);
      return readLabel(
        {
          scenario,
          technique: "T1",
          benign: scenario.startsWith("benign"),
          description: scenario,
          traceIds: ids.map((i) => `t${i}`),
          from: (ids[0] ?? 0) * 1000,
          to: (ids.at(-1) ?? 0) * 1000,
        },
        "test",
      );
    });
    return { records, labels: scoreLabels };
  });

describe("score", () => {
  test.prop([corpus])("a rule alerting on every trace has recall 1 with time to detect 0", (c) => {
    const report = score({
      rules: [ruleOn("all", [], () => true)],
      traces: c.records,
      labels: c.labels,
    });
    for (const s of report.scenarios) {
      if (s.occurrences === 0) continue;
      expect(s.recall).toBe(1);
      expect(s.timeToDetectMs).toEqual({ mean: 0, max: 0 });
    }
    expect(report.rules[0]?.alerts).toBe(c.records.length);
  });

  test.prop([corpus])("a rule that never alerts has recall 0 and no precision", (c) => {
    const report = score({
      rules: [ruleOn("none", ["s1", "s2"], () => false)],
      traces: c.records,
      labels: c.labels,
    });
    for (const s of report.scenarios) {
      expect(s.precision).toBeNull();
      expect(s.recall).toBe(s.occurrences === 0 ? null : 0);
    }
  });

  test.prop([corpus, fc.func(fc.boolean())])(
    "TP + FP = alerts, TP + FN = occurrences, and the report is the same twice",
    (c, keep) => {
      const rules = [
        ruleOn("r1", ["s1"], (id) => keep(id)),
        ruleOn("r2", ["s2"], (id) => !keep(id)),
      ];
      const report = score({ rules, traces: c.records, labels: c.labels });
      for (const s of report.scenarios) {
        expect(s.truePositiveAlerts + s.falsePositiveAlerts).toBe(s.alerts);
        expect(s.detected + s.missed).toBe(s.occurrences);
        expect(s.missedOccurrences).toHaveLength(s.missed);
      }
      const again = score({ rules, traces: c.records, labels: c.labels });
      expect(JSON.stringify(again)).toBe(JSON.stringify(report));
    },
  );

  it("lists alerts on benign look-alikes as false positives with their trace ids", () => {
    const labels = [
      readLabel({ scenario: "s1", technique: "T1", traceIds: ["t1"], from: 1000, to: 1000 }, "l1"),
      readLabel(
        {
          scenario: "ci-cleanup",
          technique: "T1",
          benign: true,
          traceIds: ["t2", "t3"],
          from: 2000,
          to: 3000,
        },
        "l2",
      ),
    ];
    const traces = [0, 1, 2, 3, 4].map((i) => ({ trace_id: `t${i}`, time: i * 1000 + 500 }));
    const report = score({ rules: [ruleOn("r", ["s1"], (id) => id !== "t0")], traces, labels });
    const s1 = report.scenarios.find((s) => s.scenario === "s1")!;
    expect(s1).toMatchObject({
      occurrences: 1,
      detected: 1,
      alerts: 4,
      truePositiveAlerts: 1,
      falsePositiveAlerts: 3,
    });
    expect(s1.precision).toBe(0.25);
    expect(s1.timeToDetectMs).toEqual({ mean: 500, max: 500 });
    expect(s1.benignFalsePositives).toEqual([
      { rule: "r", lookAlike: "ci-cleanup", traceIds: ["t2", "t3"] },
    ]);
    expect(s1.otherFalsePositives).toEqual({ alerts: 1, sampleTraceIds: ["t4"] });
    expect(labels[0]).toMatchObject({ benign: false, techniques: ["T1"] });
    expect(report.scenarios.map((s) => s.scenario)).toEqual(["s1"]);
  });
});
