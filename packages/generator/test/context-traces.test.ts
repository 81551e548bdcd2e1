import { type ApiTrace, validatorFor } from "@ctsim/catalog";
import { encodeApiTraceJson, generateTraces, type TimelineOptions } from "@ctsim/generator";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 2);
const SIGN_INS = new Set(["login", "tenantLoginBySamlSuccess", "switchRole"]);
const DATA_SOURCES = new Set(["ObsSDK", "ObsAPI"]);

/** Traces grouped by session: a session's trace ids share their last 17 characters. */
function sessions(options: TimelineOptions): Map<string, ApiTrace[]> {
  const bySession = new Map<string, ApiTrace[]>();
  for (const event of generateTraces(options)) {
    const trace = JSON.parse(encodeApiTraceJson(event)) as ApiTrace;
    const key = trace.trace_id.slice(-17);
    let list = bySession.get(key);
    if (list === undefined) {
      list = [];
      bySession.set(key, list);
    }
    list.push(trace);
  }
  return bySession;
}

/** Every string value of a JSON text that starts with `/`: the OBS paths a body names. */
function pathsOf(json: string | null | undefined, into: string[]): void {
  if (json == null) return;
  const walk = (value: unknown): void => {
    if (typeof value === "string" && value.startsWith("/")) into.push(value);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(JSON.parse(json));
}

const week = (seed: number): TimelineOptions => ({
  seed,
  now: NOW,
  from: NOW - 2 * DAY,
  to: NOW,
  tenants: 2,
});

describe("IAM and OBS context", () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 4 })(
    "an IAM sign-in by the same identity precedes each console session's first trace",
    (seed) => {
      let checked = 0;
      for (const traces of sessions(week(seed)).values()) {
        const firstConsole = new Map<string, number>();
        for (const t of traces) {
          const name = t.user?.name;
          if (t.service_type !== "ModelArts" || t.trace_type !== "ConsoleAction") continue;
          if (name == null || !t.user?.principal_urn) continue; // labeling workers: no IAM user
          if (!firstConsole.has(name)) firstConsole.set(name, t.time);
        }
        for (const [name, first] of firstConsole) {
          const signIn = traces.find(
            (t) => t.service_type === "IAM" && SIGN_INS.has(t.trace_name) && t.user?.name === name,
          );
          expect(signIn, `${name} signs in`).toBeDefined();
          expect(signIn?.time).toBeLessThan(first);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    },
  );

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 4 })(
    "every OBS data trace is an object under a path a ModelArts trace of its session names",
    (seed) => {
      let data = 0;
      for (const traces of sessions(week(seed)).values()) {
        const paths: string[] = [];
        for (const t of traces) if (t.service_type === "ModelArts") pathsOf(t.request, paths);
        for (const t of traces) {
          if (!DATA_SOURCES.has(t.trace_type)) continue;
          data++;
          expect(t.service_type).toBe("OBS");
          expect(t.resource_type).toBe("object");
          const object = `/${t.resource_id}`;
          expect(
            paths.some((p) => (p.endsWith("/") ? object.startsWith(p) : object === p)),
            object,
          ).toBe(true);
        }
      }
      expect(data).toBeGreaterThan(0);
    },
  );

  test("the new traces validate as ApiTrace; IAM and OBS each have their service_type", () => {
    const validate = validatorFor("ApiTrace");
    const services = new Set<string>();
    for (const event of generateTraces({ seed: 3, count: 5_000, now: NOW })) {
      if (event.serviceType === "ModelArts") continue;
      services.add(event.serviceType);
      expect(validate.issues(JSON.parse(encodeApiTraceJson(event)))).toEqual([]);
    }
    expect([...services].sort()).toEqual(["IAM", "OBS"]);
  });

  test("modelartsOnly keeps ModelArts traces only", () => {
    const services = new Set<string>();
    for (const event of generateTraces({ seed: 3, count: 5_000, now: NOW, modelartsOnly: true })) {
      services.add(event.serviceType);
    }
    expect([...services]).toEqual(["ModelArts"]);
  });
});
