import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { apiTrace, traceUuid } from "../../test/support/traces.js";
import { TraceStore } from "./trace-store.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 5, 15, 12);
const PROJECT = "p1";

/** Every id a project's pages return over the whole retention, walking the markers. */
function walk(store: TraceStore, limit: number): string[] {
  const ids: string[] = [];
  let olderThan: string | undefined;
  for (;;) {
    const page = store.query({
      projectId: PROJECT,
      kind: "system",
      after: 0,
      before: NOW + DAY,
      limit,
      ...(olderThan === undefined ? {} : { olderThan }),
    });
    for (const record of page.traces) {
      ids.push(JSON.parse(new TextDecoder().decode(record)).trace_id);
    }
    if (!page.hasMore || page.lastTraceId === undefined) return ids;
    olderThan = page.lastTraceId;
  }
}

describe("TraceStore.hide / reveal", () => {
  test.prop([
    fc.array(
      fc.record({
        time: fc.integer({ min: NOW - 8 * DAY, max: NOW }),
        hidden: fc.boolean(),
        revealed: fc.boolean(),
      }),
      { minLength: 1, maxLength: 80 },
    ),
    fc.integer({ min: 1, max: 7 }),
    fc.boolean(),
  ])("queries, lookups and pruning see exactly the traces not hidden", (rows, limit, prune) => {
    const store = new TraceStore({ now: () => NOW });
    const all = rows.map((row, i) => ({ ...row, id: traceUuid(i) }));
    for (const row of all) {
      store.appendApiTrace(apiTrace({ id: row.id, time: row.time, user: "alice" }), {
        projectId: PROJECT,
      });
    }
    for (const row of all) if (row.hidden) expect(store.hide(row.id)).toBe(true);
    if (prune) store.prune();
    const cutoff = store.retentionCutoff();
    for (const row of all) {
      if (row.hidden && row.revealed)
        expect(store.reveal(row.id)).toBe(!prune || row.time >= cutoff);
    }
    const shown = all.filter((r) => (!r.hidden || r.revealed) && r.time >= cutoff);
    expect(walk(store, limit).sort()).toEqual(shown.map((r) => r.id).sort());
    for (const row of all) {
      const visible = (!row.hidden || row.revealed) && row.time >= cutoff;
      expect(store.findById(PROJECT, row.id) !== undefined).toBe(visible);
    }
    expect(store.distinctValues("user", PROJECT)).toEqual(shown.length > 0 ? ["alice"] : []);
    expect(store.hiddenCount).toBe(
      all.filter((r) => r.hidden && !r.revealed && (!prune || r.time >= cutoff)).length,
    );
  });

  it("does not re-sort the store: hiding and revealing keep positions", () => {
    const store = new TraceStore({ now: () => NOW });
    store.appendApiTrace(apiTrace({ id: traceUuid(1), time: NOW - 2 }), { projectId: PROJECT });
    store.appendApiTrace(apiTrace({ id: traceUuid(2), time: NOW - 1 }), { projectId: PROJECT });
    expect(store.hide(traceUuid(2))).toBe(true);
    expect(store.hide("missing")).toBe(false);
    expect(walk(store, 10)).toEqual([traceUuid(1)]);
    expect(store.reveal(traceUuid(2))).toBe(true);
    expect(store.reveal(traceUuid(2))).toBe(false);
    expect(walk(store, 10)).toEqual([traceUuid(2), traceUuid(1)]);
  });
});
