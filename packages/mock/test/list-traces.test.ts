import { validatorFor } from "@ctsim/catalog";
import { type CtsBehaviour, createCtsCore, responseText, TraceStore } from "@ctsim/mock";
import { describe, expect, it } from "vitest";
import { call } from "./support/call.js";
import { apiTrace, type TraceSeed, traceUuid } from "./support/traces.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 5, 15, 12);
const PID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const PATH = `/v3/${PID}/traces`;

/** 30 traces one minute apart ending one minute before NOW (all inside the default hour). */
function setup(
  behaviour: Partial<CtsBehaviour> = {},
  extra: readonly TraceSeed[] = [],
): ReturnType<typeof createCtsCore> {
  const store = new TraceStore({ now: () => NOW });
  const seeds: TraceSeed[] = Array.from({ length: 30 }, (_, i) => ({
    id: traceUuid(i),
    time: NOW - (30 - i) * MINUTE,
    user: i % 3 === 0 ? "bob" : "alice",
    rating: i % 5 === 0 ? "warning" : "normal",
  }));
  for (const seed of [...seeds, ...extra].sort((a, b) => a.time - b.time)) {
    store.appendApiTrace(apiTrace(seed), { projectId: PID });
  }
  return createCtsCore({ store, now: () => NOW, behaviour });
}

interface Page {
  traces: { trace_id: string; time: number; user: { name: string } | null; trace_rating: string }[];
  meta_data: { count: number; marker: string | null };
}

const page = (json: unknown): Page => json as Page;
const errorCode = (json: unknown): string => (json as { error_code: string }).error_code;

describe("ListTraces", () => {
  it("reuses a page's memory once the transport releases it, and not before", () => {
    const core = setup();
    const get = (limit: string) =>
      call(core, "GET", PATH, { query: { trace_type: "system", limit } }).raw;
    const first = get("20");
    const second = get("20");
    const bytes = (r: typeof first) => r.body as Uint8Array;
    expect(bytes(second).buffer).not.toBe(bytes(first).buffer);
    first.release?.();
    const third = get("19");
    expect(bytes(third).buffer).toBe(bytes(first).buffer);
    // The reused memory holds exactly the new page.
    expect(page(JSON.parse(responseText(third))).traces.map((t) => t.trace_id)).toEqual(
      Array.from({ length: 19 }, (_, i) => traceUuid(29 - i)),
    );
  });

  it("answers 10 traces newest first by default, with count, marker and a valid body", () => {
    const answer = call(setup(), "GET", PATH, { query: { trace_type: "system" } });
    expect(answer.status).toBe(200);
    expect(validatorFor("ListTracesResponse").issues(answer.json)).toEqual([]);
    const { traces, meta_data } = page(answer.json);
    expect(traces.map((t) => t.trace_id)).toEqual(
      Array.from({ length: 10 }, (_, i) => traceUuid(29 - i)),
    );
    expect(meta_data).toEqual({ count: 10, marker: traceUuid(20) });
    expect(answer.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
    expect(answer.headers["content-type"]).toBe("application/json;charset=UTF-8");
  });

  it("pages with next until a null marker, losing and repeating nothing", () => {
    const core = setup();
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const query: Record<string, string> = { trace_type: "system", limit: "7" };
      if (next !== null) query.next = next;
      const p = page(call(core, "GET", PATH, { query }).json);
      seen.push(...p.traces.map((t) => t.trace_id));
      next = p.meta_data.marker;
    } while (next !== null);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => traceUuid(29 - i)));
  });

  it("keeps the marker on the last page when markerOnLastPage is chosen", () => {
    const p = page(
      call(setup({ markerOnLastPage: true }), "GET", PATH, { query: { limit: "200" } }).json,
    );
    expect(p.meta_data).toEqual({ count: 30, marker: traceUuid(0) });
  });

  it("defaults the window to the last hour and excludes older traces", () => {
    const core = setup({}, [{ id: "old", time: NOW - 2 * HOUR }]);
    const p = page(call(core, "GET", PATH, { query: { limit: "200" } }).json);
    expect(p.traces.map((t) => t.trace_id)).not.toContain("old");
    const wide = page(
      call(core, "GET", PATH, { query: { limit: "200", from: String(NOW - 3 * HOUR) } }).json,
    );
    expect(wide.traces.map((t) => t.trace_id)).toContain("old");
  });

  it("excludes traces exactly at from and to (exclusive bounds), includes them when inclusive", () => {
    const from = String(NOW - 20 * MINUTE);
    const to = String(NOW - 10 * MINUTE);
    const ids = (core: ReturnType<typeof setup>): string[] =>
      page(call(core, "GET", PATH, { query: { from, to, limit: "200" } }).json).traces.map(
        (t) => t.trace_id,
      );
    expect(ids(setup())).toHaveLength(9);
    expect(ids(setup({ windowBounds: "inclusive" }))).toHaveLength(11);
  });

  it("never shows traces older than 7 days, clamping or rejecting an older from", () => {
    const core = setup({}, [{ id: "ancient", time: NOW - 8 * DAY }]);
    const from = String(NOW - 9 * DAY);
    const p = page(call(core, "GET", PATH, { query: { from, limit: "200" } }).json);
    expect(p.traces.map((t) => t.trace_id)).not.toContain("ancient");
    expect(p.traces).toHaveLength(30);
    const rejecting = setup({ outsideRetention: "reject" });
    expect(call(rejecting, "GET", PATH, { query: { from } }).status).toBe(400);
  });

  it.each([
    ["limit", "0"],
    ["limit", "201"],
    ["limit", "ten"],
    ["limit", "1.5"],
    ["from", "yesterday"],
    ["to", "-5"],
    ["trace_type", "management"],
    ["trace_rating", "fatal"],
  ])("rejects %s=%s with 400 CTS.0300", (name, value) => {
    const answer = call(setup(), "GET", PATH, { query: { [name]: value } });
    expect(answer.status).toBe(400);
    expect(errorCode(answer.json)).toBe("CTS.0300");
    expect(validatorFor("ErrorBody").issues(answer.json)).toEqual([]);
  });

  it("rejects from later than to", () => {
    const answer = call(setup(), "GET", PATH, {
      query: { from: String(NOW), to: String(NOW - HOUR) },
    });
    expect(answer.status).toBe(400);
  });

  it("clamps the limit when asked to, and reports bad parameters with CTS.0003 when chosen", () => {
    const clamped = page(
      call(setup({ limitOutOfRange: "clamp" }), "GET", PATH, { query: { limit: "500" } }).json,
    );
    expect(clamped.traces).toHaveLength(30);
    const other = call(setup({ badParameterCode: "CTS.0003" }), "GET", PATH, {
      query: { limit: "0" },
    });
    expect(errorCode(other.json)).toBe("CTS.0003");
  });

  it("treats a missing trace_type as system unless it is required", () => {
    expect(call(setup(), "GET", PATH).status).toBe(200);
    expect(call(setup({ requireTraceType: true }), "GET", PATH).status).toBe(400);
  });

  it("ANDs filters", () => {
    const query = { user: "bob", trace_rating: "warning", limit: "200" };
    const p = page(call(setup(), "GET", PATH, { query }).json);
    // bob: i % 3 == 0; warning: i % 5 == 0 → i ∈ {0, 15}
    expect(p.traces.map((t) => t.trace_id)).toEqual([traceUuid(15), traceUuid(0)]);
  });

  it("lets trace_id override every other filter and the window", () => {
    const query = {
      trace_id: traceUuid(3),
      user: "nobody",
      from: String(NOW - MINUTE),
      limit: "1",
    };
    const p = page(call(setup(), "GET", PATH, { query }).json);
    expect(p.traces.map((t) => t.trace_id)).toEqual([traceUuid(3)]);
    expect(p.meta_data.marker).toBeNull();
    const windowed = setup({ traceIdIgnoresWindow: false });
    expect(page(call(windowed, "GET", PATH, { query }).json).traces).toHaveLength(0);
  });

  it("scopes traces to the project in the path", () => {
    const p = page(call(setup(), "GET", "/v3/another-project/traces").json);
    expect(p).toEqual({ traces: [], meta_data: { count: 0, marker: null } });
  });

  it("ignores system-only filters for data traces, or rejects them when chosen", () => {
    const store = new TraceStore({ now: () => NOW });
    store.appendApiTrace(apiTrace({ id: "d1", time: NOW - MINUTE, source: "ObsAPI" }), {
      projectId: PID,
      trackerName: "obs-tracker",
    });
    const core = createCtsCore({ store, now: () => NOW });
    const query = { trace_type: "data", user: "nobody" };
    expect(page(call(core, "GET", PATH, { query }).json).traces).toHaveLength(1);
    const system = page(call(core, "GET", PATH, { query: { trace_type: "system" } }).json);
    expect(system.traces).toHaveLength(0);
    const byTracker = { trace_type: "data", tracker_name: "other" };
    expect(page(call(core, "GET", PATH, { query: byTracker }).json).traces).toHaveLength(0);
    const strict = createCtsCore({
      store,
      now: () => NOW,
      behaviour: { systemOnlyFiltersWithData: "reject" },
    });
    expect(call(strict, "GET", PATH, { query }).status).toBe(400);
  });

  it("answers an empty last page with a null marker for an unknown marker", () => {
    const p = page(call(setup(), "GET", PATH, { query: { next: "not-a-trace" } }).json);
    expect(p).toEqual({ traces: [], meta_data: { count: 0, marker: null } });
  });
});
