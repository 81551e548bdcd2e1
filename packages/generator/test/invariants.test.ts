import { type ApiTrace, REVISIONS, validatorFor } from "@ctsim/catalog";
import { encodeApiTraceJson, encodeObsTraceJson, generateTraces } from "@ctsim/generator";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  identityViolations,
  lifecycleViolations,
  orderViolations,
  ratingViolations,
  systemActionViolations,
} from "./trace-checks.js";

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 5, 2);

const options = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  revision: fc.constantFrom(...REVISIONS),
  tenants: fc.integer({ min: 1, max: 3 }),
  users: fc.integer({ min: 1, max: 25 }),
  startHoursAgo: fc.integer({ min: 36, max: 24 * 20 }), // >= hours: the window ends by now
  hours: fc.integer({ min: 6, max: 36 }),
});

const RUNS = 12;

describe("generateTraces invariants (properties over seeds and options)", () => {
  /** Runs that produced traces: a quiet window (one person, a Saturday evening) is empty. */
  let nonEmptyRuns = 0;

  test.prop([options], { numRuns: RUNS })("every stream keeps the trace invariants", (o) => {
    const from = NOW - o.startHoursAgo * HOUR;
    const to = from + o.hours * HOUR;
    const events = [
      ...generateTraces({
        seed: o.seed,
        revision: o.revision,
        tenants: o.tenants,
        users: o.users,
        from,
        to,
        now: NOW,
      }),
    ];
    const traces = events.map((event) => JSON.parse(encodeApiTraceJson(event)));
    if (traces.length > 0) nonEmptyRuns++;
    expect(orderViolations(traces, from, Math.min(to, NOW))).toEqual([]);
    expect(ratingViolations(traces)).toEqual([]);
    expect(systemActionViolations(traces)).toEqual([]);
    expect(lifecycleViolations(traces)).toEqual([]);
    expect(identityViolations(traces)).toEqual([]);
    const api = validatorFor("ApiTrace");
    const obs = validatorFor("ObsTrace");
    for (let i = 0; i < traces.length; i++) {
      expect(api.issues(traces[i])).toEqual([]);
      const record = JSON.parse(encodeObsTraceJson(events[i] as never));
      expect(obs.issues(record)).toEqual([]);
      expect(record.code).toBe(Number(traces[i].code));
      expect(JSON.parse(record.user ?? "null")).toEqual(traces[i].user);
    }
  });

  test("most runs of the property above saw traces, so its checks were not vacuous", () => {
    expect(nonEmptyRuns).toBeGreaterThanOrEqual(RUNS / 2);
  });

  test("one person's quiet Saturday evening is an empty window, not an error", () => {
    const from = NOW - 36 * HOUR;
    const options = {
      seed: 186292138,
      revision: "2023-11-16" as const,
      tenants: 1,
      users: 1,
      now: NOW,
    };
    expect([...generateTraces({ ...options, from, to: from + 6 * HOUR })]).toEqual([]);
    expect([...generateTraces({ ...options, from, to: from + 12 * HOUR })].length).toBeGreaterThan(
      0,
    );
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 5 })(
    "the readonly fields agree with the encoded trace",
    (seed) => {
      for (const event of generateTraces({ seed, count: 300 })) {
        const t = JSON.parse(encodeApiTraceJson(event)) as ApiTrace;
        expect([t.trace_id, t.trace_name, t.trace_rating, t.trace_type, t.service_type]).toEqual([
          event.traceId,
          event.traceName,
          event.traceRating,
          event.traceType,
          event.serviceType,
        ]);
        expect([
          t.resource_type,
          t.resource_id,
          t.resource_name,
          t.code,
          t.time,
          t.record_time,
        ]).toEqual([
          event.resourceType,
          event.resourceId,
          event.resourceName,
          event.code,
          event.time,
          event.recordTime,
        ]);
        expect(t.user?.name ?? null).toBe(event.userName);
        expect(t.user?.access_key_id ?? null).toBe(event.accessKeyId);
        expect(t.enterprise_project_id).toBe(event.enterpriseProjectId);
      }
    },
  );
});

describe("identities (reference §2.2)", () => {
  const traces = [...generateTraces({ seed: 11, tenants: 2 })].map(
    (e) => JSON.parse(encodeApiTraceJson(e)) as ApiTrace,
  );

  test("console calls carry invoked_by service.console and a session context; API calls an AK", () => {
    for (const t of traces) {
      if (t.trace_type === "ConsoleAction" && t.user?.principal_urn) {
        expect(t.user.invoked_by).toEqual(["service.console"]);
        expect(t.user.session_context?.attributes.created_at).toMatch(/^\d{13}$/);
      }
      if (t.trace_type === "ApiCall") expect(t.user?.access_key_id).toMatch(/^[A-Z0-9]{20}$/);
    }
  });

  test("console sessions of IAM principals sign with a temporary HSTA key, kept for the session", () => {
    let console = 0;
    for (const t of traces) {
      if (t.trace_type !== "ConsoleAction" || !t.user?.principal_urn) continue;
      console++;
      expect(t.user.access_key_id).toMatch(/^HSTA[A-Z0-9]{16}$/);
    }
    expect(console).toBeGreaterThan(100);
  });

  test('IAM users carry type "User"; agency sessions their OriginUser; resource_account_id is the account', () => {
    let agencies = 0;
    for (const t of traces) {
      const u = t.user;
      if (!u) {
        expect(t).not.toHaveProperty("resource_account_id");
        continue;
      }
      expect(t.resource_account_id).toBe(u.domain?.id);
      if (u.principal_urn?.startsWith("iam::")) expect(u.type).toBe("User");
      if (u.principal_urn?.includes(":assumed-agency:")) {
        agencies++;
        const origin = JSON.parse(u.OriginUser ?? "null") as { name: string; domain: unknown };
        expect(u.principal_urn.endsWith(`/${origin.name}`)).toBe(true);
        expect(origin.domain).toEqual(u.domain);
      } else {
        expect(u).not.toHaveProperty("OriginUser");
      }
    }
    expect(agencies).toBeGreaterThan(0);
  });

  test('principal formats follow the identity kind; root is the string "true"', () => {
    const urns = new Set(traces.map((t) => t.user?.principal_urn?.split(":")[0] ?? "none"));
    expect(urns).toContain("iam");
    for (const t of traces) {
      const u = t.user;
      if (!u?.principal_urn) continue;
      expect(["true", "false"]).toContain(u.principal_is_root_user);
      if (u.principal_urn.includes(":user:")) {
        expect(u.principal_urn).toBe(`iam::${u.domain?.id}:user:${u.name}`);
        expect(u.principal_id).toBe(u.id);
      }
      if (u.principal_urn.includes(":assumed-agency:"))
        expect(u.principal_id).toMatch(/^[0-9a-f]{32}:/);
      if (u.principal_urn.includes(":external-user:")) expect(u.principal_id).toContain(":");
      // Root looks as Huawei shows it: the IAM user form, named after the account, flagged "true".
      expect(u.principal_is_root_user === "true").toBe(u.name === u.domain?.name);
      if (u.principal_is_root_user === "true") {
        expect(u.principal_urn).toBe(`iam::${u.domain?.id}:user:${u.domain?.name}`);
      }
    }
  });
});
