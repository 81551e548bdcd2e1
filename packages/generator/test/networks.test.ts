import type { ApiTrace } from "@ctsim/catalog";
import {
  encodeApiTraceJson,
  encodeObsTraceJson,
  generateTraces,
  isPublicUnicastIpv4,
  SCENARIO_NAMES,
  type ScenarioName,
} from "@ctsim/generator";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { ADDRESS_RANGES, hostIn } from "../src/tenant/address-ranges.js";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 2);
const WEEK = { now: NOW, from: NOW - 7 * DAY, to: NOW };

/** The traces of a week, in the API shape. */
function week(seed: number, scenarios: readonly ScenarioName[] = []): ApiTrace[] {
  return [...generateTraces({ ...WEEK, seed, tenants: 2, scenarios: [...scenarios] })].map(
    (e) => JSON.parse(encodeApiTraceJson(e)) as ApiTrace,
  );
}

/** Distinct values of `pick` per user id. */
function perUser(traces: ApiTrace[], pick: (t: ApiTrace) => string | undefined) {
  const sets = new Map<string, Set<string>>();
  for (const t of traces) {
    const id = t.user?.id;
    const value = pick(t);
    if (id === undefined || value === undefined) continue;
    let set = sets.get(id);
    if (set === undefined) {
      set = new Set();
      sets.set(id, set);
    }
    set.add(value);
  }
  return sets;
}

describe("networks and clients", () => {
  test("every range of every country is public unicast, first and last hosts included", () => {
    for (const kinds of Object.values(ADDRESS_RANGES)) {
      for (const range of Object.values(kinds).flat()) {
        for (const n of [0, 253, 254, 1e9, 2 ** 32 - 1]) {
          expect(isPublicUnicastIpv4(hostIn(range, n)), `${range} #${n}`).toBe(true);
        }
      }
    }
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.subarray([...SCENARIO_NAMES])], {
    numRuns: 8,
  })(
    "every source_ip is public unicast, scenarios included; system actions have none",
    (seed, scenarios) => {
      for (const t of week(seed, scenarios)) {
        if (t.trace_type === "SystemAction") expect(t.source_ip).toBe("");
        else expect(isPublicUnicastIpv4(t.source_ip ?? ""), `${t.source_ip}`).toBe(true);
      }
    },
  );

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 6 })(
    "over a week a person keeps a few addresses, one API client and at most two browser versions",
    (seed) => {
      const traces = week(seed);
      const ips = perUser(traces, (t) => t.source_ip ?? undefined);
      let sizes = 0;
      for (const [id, set] of ips) {
        expect(set.size, `user ${id}: ${[...set].join(" ")}`).toBeLessThanOrEqual(7);
        sizes += set.size;
      }
      expect(sizes / ips.size).toBeLessThan(4);
      const obs = [...generateTraces({ ...WEEK, seed, tenants: 2 })].map(
        (e) => JSON.parse(encodeObsTraceJson(e)) as Record<string, unknown>,
      );
      const agents = new Map<string, Set<string>>();
      for (const record of obs) {
        // Object accesses ModelArts makes for a session carry that session's client (below).
        if (record.user === null || record.trace_type === "ObsSDK") continue;
        const user = JSON.parse(record.user as string) as { id: string };
        const id = `${user.id}/${record.trace_type as string}`;
        let set = agents.get(id);
        if (set === undefined) {
          set = new Set();
          agents.set(id, set);
        }
        set.add(record.user_agent as string);
      }
      for (const [id, set] of agents) {
        expect(set.size, `${id}: ${[...set].join(" | ")}`).toBeLessThanOrEqual(2);
      }
    },
  );

  test("console calls carry a browser agent, API calls an SDK, Terraform or CLI agent, object accesses their session's", () => {
    const obs = [...generateTraces({ ...WEEK, seed: 3 })].map(
      (e) => JSON.parse(encodeObsTraceJson(e)) as Record<string, unknown>,
    );
    const seen = new Set<string>();
    for (const record of obs) {
      if (record.trace_type === "SystemAction") {
        expect(record).not.toHaveProperty("user_agent");
        continue;
      }
      const agent = record.user_agent as string;
      const browser = /^Mozilla\/5\.0 \(/;
      const client = /^(huaweicloud-usdk-(python|go|nodejs)\/3\.0|HashiCorp Terraform|KooCLI)/;
      if (record.trace_type === "ConsoleAction" || record.trace_type === "ObsAPI") {
        expect(agent).toMatch(browser);
      } else if (record.trace_type === "ObsSDK") {
        expect(browser.test(agent) || client.test(agent), agent).toBe(true);
      } else {
        expect(agent).toMatch(client);
        seen.add(agent.split("/")[0] as string);
      }
      expect(record.domain_id).toBe(JSON.parse(record.user as string).domain.id);
      expect(record.content_length).toBe(
        Buffer.byteLength((record.request as string) ?? "", "utf8"),
      );
      expect(record.total_time).toBeGreaterThanOrEqual(20);
    }
    expect(seen.size).toBeGreaterThan(1);
  });
});
