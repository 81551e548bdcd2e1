import { CONTEXT_OPERATIONS, operationsOf, REVISIONS } from "@ctsim/catalog";
import {
  type AnomalyLabel,
  encodeApiTraceJson,
  generateTraces,
  SCENARIO_NAMES,
  type TraceEvent,
} from "@ctsim/generator";
import { describe, expect, test } from "vitest";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 2);

describe("catalog coverage", () => {
  test.each(REVISIONS)("revision %s: every trace emitted is one the catalog lists", (revision) => {
    const names = new Set(operationsOf(revision).map((op) => op.traceName));
    const context = new Set(CONTEXT_OPERATIONS.map((op) => `${op.service}/${op.traceName}`));
    const services = new Set<string>();
    const foreign = new Set<string>();
    let count = 0;
    for (const event of generateTraces({
      seed: 5,
      revision,
      from: NOW - 14 * DAY,
      to: NOW,
      now: NOW,
    })) {
      count++;
      services.add(event.serviceType);
      const listed =
        event.serviceType === "ModelArts"
          ? names.has(event.traceName)
          : context.has(`${event.serviceType}/${event.traceName}`);
      if (!listed) foreign.add(`${event.serviceType}/${event.traceName}`);
    }
    expect(count).toBeGreaterThan(1_000);
    expect([...foreign]).toEqual([]);
    expect([...services].sort()).toEqual(["IAM", "ModelArts", "OBS"]);
  });

  test.each(REVISIONS)(
    "every operation of revision %s appears in a default-rate run",
    (revision) => {
      const seen = new Set<string>();
      for (const event of generateTraces({
        seed: 3,
        revision,
        from: NOW - 42 * DAY,
        to: NOW,
        now: NOW,
        tenants: 2,
      })) {
        seen.add(event.traceName);
      }
      const missing = operationsOf(revision)
        .filter((op) => !seen.has(op.traceName))
        .map((op) => op.traceName);
      expect(missing).toEqual([]);
    },
  );

  test("2025-02-07 has no pool or network operations; 2023-11-16 does", () => {
    const names = (revision: "2023-11-16" | "2025-02-07"): Set<string> =>
      new Set(
        [...generateTraces({ seed: 9, revision, from: NOW - 14 * DAY, to: NOW, now: NOW })].map(
          (e) => e.traceName,
        ),
      );
    expect(names("2025-02-07").has("CreatePoolV2")).toBe(false);
    expect(names("2023-11-16").has("CreatePoolV2")).toBe(true);
  });

  test("an asynchronous create is followed minutes later by its system result trace", () => {
    const events = [...generateTraces({ seed: 4, from: NOW - 21 * DAY, to: NOW, now: NOW })];
    const created = new Map<string, number>();
    let results = 0;
    for (const e of events) {
      if (e.traceName === "createCluster" && e.traceRating === "normal")
        created.set(e.resourceId, e.time);
      if (e.traceName === "createClusterResult") {
        results++;
        expect(e.traceType).toBe("SystemAction");
        const at = created.get(e.resourceId);
        expect(at).toBeDefined();
        expect(e.time - (at as number)).toBeGreaterThan(60_000);
      }
    }
    expect(results).toBeGreaterThan(0);
  });
});

describe("anomaly scenarios", () => {
  test.each(SCENARIO_NAMES)(
    "%s: labels point at emitted traces and are never inside them",
    (scenario) => {
      const labels: AnomalyLabel[] = [];
      const events: TraceEvent[] = [
        ...generateTraces({
          seed: 8,
          scenarios: [scenario],
          from: NOW - 7 * DAY,
          to: NOW,
          now: NOW,
          onLabel: (l) => labels.push(l),
        }),
      ];
      const byId = new Map(events.map((e) => [e.traceId, e]));
      expect(labels.length).toBeGreaterThan(0);
      for (const label of labels) {
        expect(label.scenario).toBe(scenario);
        expect(label.technique).toMatch(/^T\d{4}(\.\d{3})?$/);
        expect(label.traceIds.length).toBeGreaterThan(0);
        for (const id of label.traceIds) {
          const event = byId.get(id);
          expect(event).toBeDefined();
          expect((event as TraceEvent).time).toBeGreaterThanOrEqual(label.from);
          expect((event as TraceEvent).time).toBeLessThanOrEqual(label.to);
          expect((event as TraceEvent).domainId).toBe(label.domainId);
        }
      }
      for (const event of events.slice(0, 2_000))
        expect(encodeApiTraceJson(event)).not.toContain(scenario);
    },
  );

  test("tracker tampering produces CTS's own tracker traces (reference §1.5)", () => {
    const cts = [
      ...generateTraces({
        seed: 8,
        scenarios: ["tracker-tampering"],
        from: NOW - 7 * DAY,
        to: NOW,
        now: NOW,
      }),
    ].filter((e) => e.serviceType === "CTS");
    expect(cts.some((e) => e.traceName === "updateTracker" && e.resourceType === "tracker")).toBe(
      true,
    );
    expect(cts.some((e) => e.traceName === "deleteTracker" && e.resourceType === "tracker")).toBe(
      true,
    );
  });

  test("login brute force is a burst of 401 warnings on the labeling console", () => {
    const labels: AnomalyLabel[] = [];
    const events = [
      ...generateTraces({
        seed: 2,
        scenarios: ["login-brute-force"],
        from: NOW - 7 * DAY,
        to: NOW,
        now: NOW,
        onLabel: (l) => labels.push(l),
      }),
    ];
    const label = labels[0] as AnomalyLabel;
    const mine = events.filter((e) => label.traceIds.includes(e.traceId));
    const failures = mine.filter(
      (e) => e.traceName === "workerLoginLabelConsole" && e.code === "401",
    );
    expect(failures.length).toBeGreaterThanOrEqual(15);
    expect(failures.every((e) => e.traceRating === "warning")).toBe(true);
    expect(label.to - label.from).toBeLessThan(2 * 3_600_000);
  });

  test("scenarios are off by default", () => {
    const labels: AnomalyLabel[] = [];
    const events = [
      ...generateTraces({
        seed: 8,
        from: NOW - 7 * DAY,
        to: NOW,
        now: NOW,
        onLabel: (l) => labels.push(l),
      }),
    ];
    expect(labels).toEqual([]);
    expect(events.some((e) => e.serviceType === "CTS")).toBe(false);
  });
});
