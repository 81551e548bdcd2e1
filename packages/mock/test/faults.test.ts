import { createCtsCore, MockError, parseFaultSpec, TraceStore } from "@ctsim/mock";
import { describe, expect, it } from "vitest";
import { call } from "./support/call.js";
import { apiTrace, traceUuid } from "./support/traces.js";

const PID = "p";
const NOW = Date.UTC(2026, 5, 15, 12);
const PATH = `/v3/${PID}/traces`;

function store(count = 50): TraceStore {
  const s = new TraceStore({ now: () => NOW });
  for (let i = 0; i < count; i++)
    s.appendApiTrace(apiTrace({ id: traceUuid(i), time: NOW - (count - i) * 1000 }), {
      projectId: PID,
    });
  return s;
}

/** Walks every page with limit 10, retrying failed pages; returns ids and statuses seen. */
function walk(core: ReturnType<typeof createCtsCore>): { ids: string[]; statuses: number[] } {
  const ids: string[] = [];
  const statuses: number[] = [];
  let next: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const query: Record<string, string> = { limit: "10", ...(next === null ? {} : { next }) };
    const answer = call(core, "GET", PATH, { query });
    statuses.push(answer.status);
    if (answer.status !== 200) continue;
    const page = answer.json as {
      traces: { trace_id: string }[];
      meta_data: { marker: string | null };
    };
    ids.push(...page.traces.map((t) => t.trace_id));
    next = page.meta_data.marker;
    if (next === null) break;
  }
  return { ids, statuses };
}

describe("fault spec", () => {
  it("parses routes, items and defaults", () => {
    expect(parseFaultSpec("traces:latency=20-80,fail-page=3:503;throttle=0.05")).toEqual({
      traces: { latency: { minMs: 20, maxMs: 80 }, failPage: { page: 3, status: 503, times: 1 } },
      "*": { throttle: 0.05 },
    });
    expect(parseFaultSpec("drop=1,duplicates=0.5,error=0,latency=7,fail-page=2:500:4")).toEqual({
      "*": {
        drop: 1,
        duplicates: 0.5,
        error: 0,
        latency: { minMs: 7, maxMs: 7 },
        failPage: { page: 2, status: 500, times: 4 },
      },
    });
  });

  it.each(["latency=abc", "throttle=2", "nope=1", "ghosts:drop=0.1", "fail-page=0", "latency=9-3"])(
    "rejects %s with a MockError naming the syntax",
    (spec) => {
      expect(() => parseFaultSpec(spec)).toThrow(MockError);
      expect(() => parseFaultSpec(spec)).toThrow(/Syntax/);
    },
  );
});

describe("faults", () => {
  it("fails page N once with the chosen 5xx; a retry then completes the walk", () => {
    const core = createCtsCore({
      store: store(),
      now: () => NOW,
      faults: "traces:fail-page=3:503",
    });
    const { ids, statuses } = walk(core);
    expect(statuses).toEqual([200, 200, 503, 200, 200, 200]);
    expect(new Set(ids).size).toBe(50);
  });

  it("repeats the previous page's last trace when duplicates are on (at-least-once)", () => {
    const core = createCtsCore({ store: store(), now: () => NOW, faults: "traces:duplicates=1" });
    const { ids } = walk(core);
    expect(ids).toHaveLength(54);
    expect(new Set(ids).size).toBe(50);
  });

  it("throttles with 429 APIGW.0308 and request_id", () => {
    const answer = call(createCtsCore({ faults: "throttle=1" }), "GET", `/v3/${PID}/quotas`);
    expect(answer.status).toBe(429);
    expect(answer.json).toMatchObject({
      error_code: "APIGW.0308",
      request_id: answer.headers["x-request-id"],
    });
  });

  it("asks the transport for latency within range and drops, only on configured routes", () => {
    const core = createCtsCore({ faults: "quotas:latency=5-9,drop=1" });
    for (let i = 0; i < 20; i++) {
      const fault = call(core, "GET", `/v3/${PID}/quotas`).raw.fault;
      expect(fault?.drop).toBe(true);
      expect(fault?.delayMs).toBeGreaterThanOrEqual(5);
      expect(fault?.delayMs).toBeLessThanOrEqual(9);
    }
    expect(call(core, "GET", `/v3/${PID}/trackers`).raw.fault).toBeUndefined();
  });

  it("draws the same faults for the same seed and different ones for another", () => {
    const statuses = (seed: number): number[] => {
      const core = createCtsCore({ seed, faults: "error=0.5" });
      return Array.from({ length: 40 }, () => call(core, "GET", `/v3/${PID}/quotas`).status);
    };
    expect(statuses(7)).toEqual(statuses(7));
    expect(statuses(7)).not.toEqual(statuses(8));
    expect(new Set(statuses(7))).toEqual(new Set([200, 500]));
  });
});

describe("fault and paging wiring", () => {
  /** One answer as `status[:traces][/delay[x]]` (`x`: dropped). */
  function describeAnswer(answer: ReturnType<typeof call>): string {
    const fault = answer.raw.fault;
    const count =
      answer.status === 200 && answer.json !== undefined && "traces" in (answer.json as object)
        ? `:${(answer.json as { traces: unknown[] }).traces.length}`
        : "";
    const transport = fault === undefined ? "" : `/${fault.delayMs}${fault.drop ? "x" : ""}`;
    return `${answer.status}${count}${transport}`;
  }

  it("injects the same faults on the same requests for a seed (pinned sequence)", () => {
    const core = createCtsCore({
      store: store(),
      now: () => NOW,
      seed: 1,
      faults:
        "traces:fail-page=2:503:2,duplicates=0.5,latency=0-9;*:throttle=0.3,error=0.2,drop=0.2",
    });
    const seen: string[] = [];
    let next: string | null = null;
    for (let guard = 0; guard < 40; guard++) {
      const query: Record<string, string> = { limit: "5", ...(next === null ? {} : { next }) };
      const answer = call(core, "GET", PATH, { query });
      seen.push(describeAnswer(answer));
      seen.push(describeAnswer(call(core, "GET", `/v3/${PID}/quotas`)));
      if (answer.status !== 200) continue;
      next = (answer.json as { meta_data: { marker: string | null } }).meta_data.marker;
      if (next === null) break;
    }
    // Page 2 fails twice with 503, continuation pages repeat a trace (6), quotas draw from the
    // same seeded sequence: throttled, failed, dropped (`/0x`).
    expect(seen.join(" ")).toBe(
      "200:5/3 200 503/7 500 503/5 429/0x 200:6/3 429 200:5 429 200:6/4 500 200:6/6 500 " +
        "200:5/7 200/0x 200:6/3 429 200:6/3 200/0x 200:6/6 500/0x 200:6/6 200",
    );
  });

  it("fails pages only on routes that have pages", () => {
    const core = createCtsCore({ store: store(), now: () => NOW, faults: "fail-page=1:503:3" });
    expect(call(core, "GET", `/v3/${PID}/quotas`).status).toBe(200);
    expect(call(core, "GET", `/v3/${PID}/trackers`).status).toBe(200);
    expect(call(core, "GET", PATH, { query: { limit: "10" } }).status).toBe(503);
  });

  it("numbers pages per marker, so interleaved walks each fail on their own page 3", () => {
    const core = createCtsCore({
      store: store(),
      now: () => NOW,
      faults: "traces:fail-page=3:500:2",
    });
    /** Requests one page of a walk with page size `limit`: its status and marker. */
    const page = (limit: string, next?: string): { status: number; marker: string } => {
      const answer = call(core, "GET", PATH, {
        query: { limit, ...(next === undefined ? {} : { next }) },
      });
      const json = answer.json as { meta_data?: { marker: string } };
      return { status: answer.status, marker: json.meta_data?.marker ?? "" };
    };
    const a2 = page("10", page("10").marker);
    const b2 = page("7", page("7").marker);
    expect([a2.status, b2.status]).toEqual([200, 200]);
    expect(page("10", a2.marker).status).toBe(500);
    expect(page("7", b2.marker).status).toBe(500);
    const a3 = page("10", a2.marker);
    expect(a3.status).toBe(200);
    expect(page("10", a3.marker).status).toBe(200);
  });
});
