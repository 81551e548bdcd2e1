import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { apiTrace, traceUuid } from "../../test/support/traces.js";
import type { FilterField } from "./trace-fields.js";
import { type TraceQuery, TraceStore } from "./trace-store.js";

const decoder = new TextDecoder();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 5, 15, 12);
const PROJECT = "p1";

interface Row {
  readonly id: string;
  readonly time: number;
  /** `record_time - time` (default 250). */
  readonly delay?: number;
  readonly project: string;
  readonly name: string;
  readonly user: string | null;
  readonly rating: "normal" | "warning" | "incident";
  readonly resourceId: string;
}

const rowArb = fc.record({
  // Some traces share a millisecond, so the order of equal times is exercised.
  time: fc.oneof(
    fc.integer({ min: NOW - 8 * DAY, max: NOW }),
    fc.constantFrom(NOW - HOUR, NOW - 2 * HOUR),
  ),
  delay: fc.nat({ max: 2 }),
  project: fc.constantFrom("p1", "p2"),
  name: fc.constantFrom("createNotebook", "deleteNotebook", "stopNotebook"),
  user: fc.constantFrom("alice", "bob", null),
  rating: fc.constantFrom("normal", "warning", "incident" as const),
  resourceId: fc.constantFrom("r1", "r2", "r3", "r4"),
});

function fill(rows: readonly Omit<Row, "id">[]): { store: TraceStore; all: Row[] } {
  const store = new TraceStore({ now: () => NOW });
  // Ids in another order than arrival (7919 is prime to 10007, so they stay distinct).
  const all = rows.map((row, i) => ({ ...row, id: traceUuid((i * 7919) % 10_007) }));
  for (const row of all) {
    store.appendApiTrace(
      {
        ...apiTrace({
          id: row.id,
          time: row.time,
          traceName: row.name,
          user: row.user,
          rating: row.rating,
          resourceId: row.resourceId,
        }),
        record_time: row.time + (row.delay ?? 250),
      },
      { projectId: row.project },
    );
  }
  return { store, all };
}

/**
 * The reference answer: filter everything, order newest first; equal times later-recorded first
 * (greater `record_time`), then greater `trace_id` (the README's "Sort key" row).
 */
function expected(all: readonly Row[], query: TraceQuery): Row[] {
  const f = query.filters ?? {};
  return all
    .map((row) => ({ row }))
    .filter(
      ({ row }) =>
        row.project === query.projectId &&
        row.time > query.after &&
        row.time < query.before &&
        row.time >= NOW - 7 * DAY &&
        (f.trace_name === undefined || row.name === f.trace_name) &&
        (f.user === undefined || row.user === f.user) &&
        (f.trace_rating === undefined || row.rating === f.trace_rating) &&
        (f.resource_id === undefined || row.resourceId === f.resource_id),
    )
    .sort(
      (a, b) =>
        b.row.time - a.row.time ||
        (b.row.delay ?? 250) - (a.row.delay ?? 250) ||
        (a.row.id < b.row.id ? 1 : a.row.id > b.row.id ? -1 : 0),
    )
    .map(({ row }) => row);
}

const filtersArb = fc.record(
  {
    trace_name: fc.constantFrom("createNotebook", "deleteNotebook", "nope"),
    user: fc.constantFrom("alice", "bob"),
    trace_rating: fc.constantFrom("normal", "warning", "incident"),
    resource_id: fc.constantFrom("r1", "r2", "r3"),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Partial<Record<FilterField, string>>>;

describe("TraceStore", () => {
  test.prop(
    [
      fc.array(rowArb, { maxLength: 300 }),
      filtersArb,
      fc.integer({ min: 1, max: 25 }),
      fc.integer({ min: NOW - 9 * DAY, max: NOW }),
      fc.boolean(),
    ],
    { numRuns: 150 },
  )(
    "paging with markers returns exactly the matching traces, newest first, once each",
    (rows, filters, limit, after, compactFirst) => {
      const { store, all } = fill(rows);
      if (compactFirst) store.compact();
      const base = { projectId: PROJECT, kind: "system" as const, filters, after, before: NOW + 1 };
      const want = expected(all, { ...base, limit });
      const got: string[] = [];
      let marker: string | undefined;
      for (let pages = 0; pages < 1000; pages++) {
        const page = store.query({ ...base, limit, ...(marker ? { olderThan: marker } : {}) });
        expect(page.traces.length).toBeLessThanOrEqual(limit);
        got.push(
          ...page.traces.map(
            (record) => (JSON.parse(decoder.decode(record)) as { trace_id: string }).trace_id,
          ),
        );
        if (!page.hasMore) break;
        expect(page.traces).toHaveLength(limit);
        marker = page.lastTraceId;
      }
      expect(got).toEqual(want.map((row) => row.id));
    },
  );

  it("answers equal times later-recorded first, whatever the arrival or trace_id order", () => {
    const store = new TraceStore({ now: () => NOW });
    const time = NOW - HOUR;
    const add = (id: string, delay: number): void =>
      store.appendApiTrace(
        { ...apiTrace({ id, time }), record_time: time + delay },
        { projectId: PROJECT },
      );
    add(traceUuid(9), 5); // recorded last: first in the answer, though appended first
    add(traceUuid(1), 0);
    add(traceUuid(3), 2);
    add(traceUuid(2), 2); // same record_time as the one before: the greater trace_id first
    const page = store.query({
      projectId: PROJECT,
      kind: "system",
      filters: {},
      after: 0,
      before: NOW + 1,
      limit: 10,
    });
    const ids = page.traces.map(
      (record) => (JSON.parse(decoder.decode(record)) as { trace_id: string }).trace_id,
    );
    expect(ids).toEqual([traceUuid(9), traceUuid(3), traceUuid(2), traceUuid(1)]);
  });

  it("answers equal record times by the time of their v1 trace ids, not by the ids' text", () => {
    const store = new TraceStore({ now: () => NOW });
    const time = NOW - HOUR;
    // time_low a0000000 of time_mid 0000 is earlier than time_low 10000000 of time_mid 0001.
    const earlier = "a0000000-0000-1000-8000-000000000001";
    const later = "10000000-0001-1000-8000-000000000002";
    store.appendApiTrace(apiTrace({ id: later, time }), { projectId: PROJECT });
    store.appendApiTrace(apiTrace({ id: earlier, time }), { projectId: PROJECT });
    const page = store.query({
      projectId: PROJECT,
      kind: "system",
      filters: {},
      after: 0,
      before: NOW + 1,
      limit: 10,
    });
    const ids = page.traces.map(
      (record) => (JSON.parse(decoder.decode(record)) as { trace_id: string }).trace_id,
    );
    expect(ids).toEqual([later, earlier]);
  });

  it("finds a trace by id only inside its project and the retention window", () => {
    const { store } = fill([
      { time: NOW - HOUR, project: "p1", name: "a", user: "u", rating: "normal", resourceId: "r" },
      {
        time: NOW - 8 * DAY,
        project: "p1",
        name: "a",
        user: "u",
        rating: "normal",
        resourceId: "r",
      },
    ]);
    expect(store.findById("p1", traceUuid(0))).toContain(traceUuid(0));
    expect(store.findById("p2", traceUuid(0))).toBeUndefined();
    expect(store.findById("p1", traceUuid(1))).toBeUndefined();
    expect(store.findById("p1", "missing")).toBeUndefined();
  });

  it("finds a record by id inside a time window, bounds excluded, from the time it keeps", () => {
    const time = NOW - HOUR;
    const { store } = fill([
      { time, project: "p1", name: "a", user: "u", rating: "normal", resourceId: "r" },
    ]);
    const find = (after: number, before: number): string | undefined => {
      const record = store.findRecord("p1", traceUuid(0), { after, before });
      return record === undefined ? undefined : JSON.parse(decoder.decode(record)).trace_id;
    };
    expect(find(time - 1, time + 1)).toBe(traceUuid(0));
    expect(find(time, time + 1)).toBeUndefined();
    expect(find(time - 1, time)).toBeUndefined();
    expect(store.findRecord("p2", traceUuid(0), { after: time - 1, before: time + 1 })).toBe(
      undefined,
    );
  });

  it("drops expired traces on prune and keeps answering", () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({
      time: NOW - (i % 2 === 0 ? 8 * DAY : HOUR) + i,
      project: "p1",
      name: "a",
      user: "u",
      rating: "normal" as const,
      resourceId: "r",
    }));
    const { store, all } = fill(rows);
    store.prune();
    expect(store.size).toBe(25);
    const page = store.query({
      projectId: "p1",
      kind: "system",
      after: 0,
      before: NOW + 1,
      limit: 100,
    });
    expect(page.traces).toHaveLength(25);
    expect(store.findById("p1", all[1]!.id)).toBeDefined();
  });

  it("sheds expired traces by itself as a live store keeps appending", () => {
    let clock = 0;
    const store = new TraceStore({ now: () => clock, retentionMs: 1000 });
    for (let i = 0; i < 70_000; i++) {
      clock = i;
      store.add(
        {
          traceId: `t-${i}`,
          traceName: "createNotebook",
          traceRating: "normal",
          traceType: "ApiCall",
          serviceType: "ModelArts",
          resourceType: "Notebook",
          userName: null,
          accessKeyId: null,
          time: i,
          projectId: "p",
          trackerName: "system",
        },
        `{"trace_id":"t-${i}","time":${i}}`,
      );
    }
    expect(store.size).toBeLessThan(10_000);
    expect(store.findById("p", "t-69999")).toBeDefined();
    const page = store.query({
      projectId: "p",
      kind: "system",
      after: 0,
      before: clock + 1,
      limit: 200,
    });
    expect(decoder.decode(page.traces[0])).toContain("t-69999");
  });

  it("rejects a trace_id that would need escaping", () => {
    const store = new TraceStore({ now: () => NOW });
    expect(() =>
      store.appendApiTrace(apiTrace({ id: 'a"b', time: NOW }), { projectId: "p" }),
    ).toThrow(/trace_id/);
  });

  it("separates data traces from management traces", () => {
    const store = new TraceStore({ now: () => NOW });
    store.appendApiTrace(apiTrace({ id: "d1", time: NOW - 10, source: "ObsSDK" }), {
      projectId: "p",
      trackerName: "bucket-tracker",
    });
    store.appendApiTrace(apiTrace({ id: "s1", time: NOW - 5 }), { projectId: "p" });
    const q = { projectId: "p", after: 0, before: NOW + 1, limit: 10 };
    expect(store.query({ ...q, kind: "data" }).traces).toHaveLength(1);
    expect(
      store.query({ ...q, kind: "system", filters: { tracker_name: "system" } }).traces,
    ).toHaveLength(1);
  });
});
