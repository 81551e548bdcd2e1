import type { ApiTrace } from "@ctsim/catalog";
import { encodeApiTraceJson, generateTraces } from "@ctsim/generator";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 2);

interface Parsed extends ApiTrace {
  readonly req: Record<string, unknown> | null;
  readonly res: Record<string, unknown> | null;
}

const json = (text: unknown): Record<string, unknown> | null =>
  typeof text === "string" ? (JSON.parse(text) as Record<string, unknown>) : null;

/** Two weeks of revision 2026-09-20 (ModelArts traces only), parsed as a consumer would. */
function run(seed: number): Parsed[] {
  return [
    ...generateTraces({
      seed,
      revision: "2026-09-20",
      tenants: 2,
      from: NOW - 14 * DAY,
      to: NOW,
      now: NOW,
      modelartsOnly: true,
    }),
  ].map((event) => {
    const trace = JSON.parse(encodeApiTraceJson(event)) as ApiTrace;
    return { ...trace, req: json(trace.request), res: json(trace.response) };
  });
}

const user = (t: ApiTrace): boolean => t.trace_type !== "SystemAction";
const ok = (t: ApiTrace): boolean => t.trace_rating === "normal";
const str = (v: unknown): string => String(v);

/** The traces of each resource id, in time order. */
function byResource(traces: readonly Parsed[]): Map<string, Parsed[]> {
  const map = new Map<string, Parsed[]>();
  for (const t of traces) {
    const id = t.resource_id ?? "";
    if (id === "") continue;
    const list = map.get(id) ?? [];
    list.push(t);
    map.set(id, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.time - b.time);
  return map;
}

/** Ids of the inference 2.0 deployments created in the window (by a user, successfully). */
function createdDeployments(traces: readonly Parsed[]): Set<string> {
  return new Set(
    traces
      .filter((t) => t.trace_name === "CreateDeployment" && user(t))
      .map((t) => t.resource_id ?? "")
      .filter((id) => id !== ""),
  );
}

const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe("inference 2.0 and MaaS workflows (properties over seeds, revision 2026-09-20)", () => {
  test.prop([seeds], { numRuns: 3 })(
    "deployment versions: every version read, switched to or deleted exists; the serving one is never deleted",
    (seed) => {
      const traces = run(seed);
      const deployments = createdDeployments(traces);
      let checked = 0;
      for (const [id, list] of byResource(traces)) {
        if (!deployments.has(id)) continue;
        const existing = new Set(["1"]);
        let latest = 1;
        let current = "1";
        let previous = "1";
        let updating = false;
        for (const t of list) {
          const name = t.trace_name;
          if (name === "UpdateDeployment" && ok(t)) {
            previous = current;
            latest++;
            current = String(latest);
            existing.add(current);
            updating = true;
            continue;
          }
          // An interrupted update leaves the previous version serving.
          if (name === "InterruptDeployment" && ok(t) && updating) current = previous;
          updating = false;
          if (name === "SwitchDeploymentVersion") {
            const target = str(t.req?.target_deployment_version);
            expect(existing.has(target)).toBe(true);
            expect(target).not.toBe(current);
            expect(t.req?.service_id).toBe(id);
            if (ok(t)) current = target;
          } else if (
            (name === "GetDeploymentVersion" || name === "DeleteDeploymentVersion") &&
            ok(t)
          ) {
            const version = str(t.res?.version);
            expect(existing.has(version)).toBe(true);
            if (name === "DeleteDeploymentVersion") {
              expect(version).not.toBe(current);
              existing.delete(version);
            }
          } else if (name === "ListDeploymentVersion" && ok(t)) {
            expect(t.res?.total).toBe(existing.size);
            expect(t.res?.current_version).toBe(current);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    },
  );

  test.prop([seeds], { numRuns: 3 })(
    "HPA policies: read, tuned or deleted only while one exists; reads show the last policy set",
    (seed) => {
      const traces = run(seed);
      const deployments = createdDeployments(traces);
      let checked = 0;
      for (const [id, list] of byResource(traces)) {
        if (!deployments.has(id)) continue;
        let policy: Record<string, unknown> | null = null;
        for (const t of list) {
          const name = t.trace_name;
          if (name === "CreateHpa") {
            expect(policy).toBeNull();
            if (ok(t)) policy = t.req;
          } else if (/^(GetHpaV2|ListHpaEventV2|UpdateHpa|DeleteHpa)$/.test(name)) {
            expect(policy).not.toBeNull();
            if (name === "UpdateHpa" && ok(t)) policy = t.req;
            if (name === "DeleteHpa" && ok(t)) policy = null;
            if (name === "GetHpaV2" && ok(t)) {
              expect(t.res?.min_replicas).toBe(policy?.min_replicas);
              expect(t.res?.max_replicas).toBe(policy?.max_replicas);
              checked++;
            }
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    },
  );

  test.prop([seeds], { numRuns: 3 })(
    "API keys: bound to a deployment of the window, unbound only while bound, untouched once deleted",
    (seed) => {
      const traces = run(seed);
      const deployments = createdDeployments(traces);
      let checked = 0;
      for (const list of byResource(traces).values()) {
        if (list[0]?.trace_name !== "CreateApiKeyV2") continue;
        let bound = false;
        let deleted = false;
        for (const t of list.slice(1)) {
          expect(deleted).toBe(false);
          if (t.trace_name === "BindApiKeyV2") {
            expect(deployments.has(str(t.req?.service_id))).toBe(true);
            if (ok(t)) bound = true;
          } else if (t.trace_name === "UnbindApiKeyV2") {
            expect(bound).toBe(true);
            if (ok(t)) bound = false;
            checked++;
          } else if (t.trace_name === "DeleteApiKeyV2" && ok(t)) deleted = true;
        }
      }
      expect(checked).toBeGreaterThan(0);
    },
  );

  test.prop([seeds], { numRuns: 3 })(
    "edge nodes are switched only on edge services; MaaS endpoints stop and start in turn once running",
    (seed) => {
      const traces = run(seed);
      const edge = new Set(
        traces
          .filter((t) => t.trace_name === "addService" && user(t) && t.req?.infer_type === "edge")
          .map((t) => t.resource_id ?? ""),
      );
      let checked = 0;
      for (const t of traces) {
        if (t.trace_name !== "startOrStopNodesService") continue;
        expect(edge.has(t.resource_id ?? "")).toBe(true);
        checked++;
      }
      for (const list of byResource(traces).values()) {
        if (list[0]?.trace_name !== "CreateCustomEndpoint") continue;
        let running = false;
        for (const t of list.slice(1)) {
          if (t.trace_name === "CreateCustomEndpoint" && !user(t))
            running = t.res?.status === "running";
          if (t.trace_name !== "ControlCustomEndpoint") continue;
          expect(t.req?.action).toBe(running ? "stop" : "start");
          expect(list.some((r) => !user(r) && r.res?.status === "running")).toBe(true);
          if (ok(t)) running = !running;
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(1);
    },
  );
});
