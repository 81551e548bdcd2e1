import { operationsOf } from "@ctsim/catalog";
import { encodeApiTraceJson, generateTraces, type TraceEvent } from "@ctsim/generator";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 2);
const REVISION = "2026-09-20";
const CATEGORIES = new Set(["lite-server", "resource-management", "ai-gallery"]);
const NAMES = new Set(
  operationsOf(REVISION)
    .filter((op) => CATEGORIES.has(op.category))
    .map((op) => op.traceName),
);

/** The traces of the three categories in a run (time order within each session's resources). */
function traces(seed: number): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (const e of generateTraces({ seed, revision: REVISION, count: 60_000, tenants: 2 }))
    if (e.serviceType === "ModelArts" && NAMES.has(e.traceName)) out.push(e);
  return out.sort((a, b) => a.time - b.time);
}

/** A field of a trace's request or response body, parsed (`undefined` without a body). */
function body(e: TraceEvent, field: "request" | "response"): Record<string, unknown> | undefined {
  const text = (JSON.parse(encodeApiTraceJson(e)) as Record<string, unknown>)[field];
  return typeof text === "string" ? (JSON.parse(text) as Record<string, unknown>) : undefined;
}

const ok = (e: TraceEvent): boolean => e.traceRating === "normal" && e.traceType !== "SystemAction";

describe("Lite Server, pool and AI Gallery workflows (revision 2026-09-20)", () => {
  test("every operation of the three categories appears in six weeks (seed 3, default rate)", () => {
    const seen = new Set<string>();
    for (const e of generateTraces({
      seed: 3,
      revision: REVISION,
      from: NOW - 42 * DAY,
      to: NOW,
      now: NOW,
    }))
      seen.add(e.traceName);
    expect([...NAMES].filter((name) => !seen.has(name))).toEqual([]);
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 3 })(
    "servers: volumes detach after their attach, OS changes on stopped servers, polled operations and jobs exist",
    (seed) => {
      const attached = new Map<string, string>();
      const stopped = new Set<string>();
      const operations = new Set<string>();
      const jobs = new Map<string, "live" | "deleted">();
      const problems: string[] = [];
      let checked = 0;
      for (const e of traces(seed)) {
        const id = e.resourceId;
        const request = body(e, "request");
        const response = ok(e) ? body(e, "response") : undefined;
        switch (e.traceName) {
          case "attachvolumeServer":
            if (ok(e)) attached.set(id, String(request?.volume_id));
            break;
          case "detachvolumeServer":
            checked++;
            if (attached.get(id) !== request?.volume_id)
              problems.push(`${id} detaches ${String(request?.volume_id)} never attached`);
            if (ok(e)) attached.delete(id);
            break;
          case "stopServer":
            if (ok(e)) stopped.add(id);
            break;
          case "startServer":
          case "rebootServer":
            if (ok(e)) stopped.delete(id);
            break;
          case "batchactionServer":
            if (ok(e) && request?.action === "stop") stopped.add(id);
            else if (ok(e)) stopped.delete(id);
            break;
          case "changeosServer":
          case "reinstallosServer":
            checked++;
            if (!stopped.has(id)) problems.push(`${e.traceName} on running server ${id}`);
            break;
          case "getoperationServer": {
            if (!ok(e)) break;
            checked++;
            const operation = `${id}/${String(body(e, "response")?.operation_id)}`;
            if (!operations.has(operation)) problems.push(`polls unknown operation ${operation}`);
            break;
          }
          case "createjobServer":
            if (ok(e)) jobs.set(id, "live");
            break;
          case "getjobServer":
          case "updatejobServer":
          case "deletejobsServer":
            checked++;
            if (jobs.get(id) !== "live") problems.push(`${e.traceName} on job ${id} not live`);
            if (e.traceName === "deletejobsServer" && ok(e)) jobs.set(id, "deleted");
            break;
        }
        if (typeof response?.operation_id === "string" && e.traceName !== "getoperationServer")
          operations.add(`${id}/${response.operation_id}`);
      }
      expect(checked).toBeGreaterThan(20);
      expect(problems.slice(0, 5)).toEqual([]);
    },
  );

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 3 })(
    "pools: batch node operations name the same few nodes of a project pool in every session",
    (seed) => {
      const nodesOf = new Map<string, Set<string>>();
      let checked = 0;
      for (const e of traces(seed)) {
        if (!/^Batch(Reboot|Bind|Migrate)PoolNodes$|^CreateNcclTestJob$/.test(e.traceName))
          continue;
        const request = body(e, "request");
        const names = (request?.nodeNames ?? request?.migrateNodeNames) as string[];
        const pool =
          e.traceName === "CreateNcclTestJob" ? String(request?.pool_name) : e.resourceId;
        const set = nodesOf.get(pool) ?? new Set<string>();
        for (const name of names) {
          expect(name).toMatch(/^os-node-created-[a-z0-9]{5}$/);
          set.add(name);
          checked++;
        }
        nodesOf.set(pool, set);
      }
      expect(checked).toBeGreaterThan(10);
      // Project pools have 4 nodes: sessions days apart name the same ones.
      for (const set of nodesOf.values()) expect(set.size).toBeLessThanOrEqual(4);
    },
  );

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 3 })(
    "gallery: an asset is unstarred only after it was starred",
    (seed) => {
      const starred = new Set<string>();
      let checked = 0;
      for (const e of traces(seed)) {
        if (e.traceName === "star_content" && ok(e)) starred.add(e.resourceId);
        if (e.traceName === "cancel_star_content") {
          checked++;
          expect(starred.has(e.resourceId)).toBe(true);
        }
      }
      expect(checked).toBeGreaterThan(0);
    },
  );
});
