import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { apiTrace, traceUuid } from "../../test/support/traces.js";
import { TraceStore } from "./trace-store.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 5, 1);
/** A body long enough that a few thousand traces fill several arena chunks. */
const PADDING = "x".repeat(900);

describe("TraceStore.prune in place", () => {
  test.prop(
    [
      fc.array(fc.integer({ min: 1, max: 2 * DAY }), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 200, max: 1500 }),
    ],
    { numRuns: 6 },
  )(
    "after each prune, exactly the traces within retention remain, byte for byte, over many chunks",
    (steps, perStep) => {
      let now = START;
      const store = new TraceStore({ now: () => now, retentionMs: DAY });
      const kept: { id: string; time: number; json: string; project: string }[] = [];
      let n = 0;
      for (const step of steps) {
        // Traces spread over the step's span, in time order, two projects.
        for (let i = 0; i < perStep; i++) {
          const time = now + Math.floor((step * i) / perStep);
          const id = traceUuid(n);
          const project = n % 3 === 0 ? "p2" : "p1";
          const trace = { ...apiTrace({ id, time, resourceName: `${PADDING}${n}` }) };
          store.appendApiTrace(trace, { projectId: project });
          kept.push({ id, time, json: JSON.stringify(trace), project });
          n++;
        }
        now += step;
        store.prune();
        const cutoff = store.retentionCutoff();
        const alive = kept.filter((t) => t.time >= cutoff);
        expect(store.size).toBe(alive.length);
        for (const t of kept) {
          expect(store.findById(t.project, t.id)).toBe(t.time >= cutoff ? t.json : undefined);
        }
        for (const project of ["p1", "p2"]) {
          const ids: string[] = [];
          let olderThan: string | undefined;
          for (;;) {
            const page = store.query({
              projectId: project,
              kind: "system",
              after: 0,
              before: now + DAY,
              limit: 97,
              ...(olderThan === undefined ? {} : { olderThan }),
            });
            for (const r of page.traces) ids.push(JSON.parse(new TextDecoder().decode(r)).trace_id);
            if (!page.hasMore || page.lastTraceId === undefined) break;
            olderThan = page.lastTraceId;
          }
          const expected = alive.filter((t) => t.project === project).reverse();
          expect(ids).toEqual(expected.map((t) => t.id));
        }
        // A snapshot of the pruned store reads back the same.
        const copy = new TraceStore({ now: () => now, retentionMs: DAY });
        copy.importState(store.exportState());
        for (const t of alive) expect(copy.findById(t.project, t.id)).toBe(t.json);
      }
    },
  );
});
