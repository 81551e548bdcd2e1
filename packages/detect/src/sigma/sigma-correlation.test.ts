import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { TraceView } from "../trace/trace-view.js";
import { runCorrelation } from "./sigma-correlation.js";

/** Brute force: does some event have ≥ n matching events of its group in the timespan before it? */
function expected(
  events: readonly { time: number; group: string; match: boolean }[],
  n: number,
  span: number,
): boolean {
  return events.some(
    (e, i) =>
      e.match &&
      events
        .slice(0, i + 1)
        .filter((o) => o.match && o.group === e.group && e.time - o.time <= span).length >= n,
  );
}

const eventsArb = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 0, max: 120 }),
      group: fc.constantFrom("a", "b"),
      match: fc.boolean(),
    }),
    { maxLength: 60 },
  )
  .map((list) => {
    let time = 0;
    return list.map(({ gap, group, match }) => {
      time += gap;
      return { time, group, match };
    });
  });

describe("event_count correlation", () => {
  test.prop([eventsArb, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 300 })])(
    "alerts exactly when some group has gte N matching events within the timespan",
    (events, n, span) => {
      const run = runCorrelation({
        type: "event_count",
        bases: [(t) => t.record.match === true],
        groupBy: [["g"]],
        timespanMs: span,
        condition: { gte: n },
      });
      const alerts = events.flatMap((e, i) =>
        run.onTrace(new TraceView({ trace_id: `t${i}`, time: e.time, g: e.group, match: e.match })),
      );
      expect(alerts.length > 0).toBe(expected(events, n, span));
      // Every alert covers only matching traces of one group, the newest being the one raised at.
      for (const alert of alerts) {
        const covered = alert.traceIds.map((id) => events[Number(id.slice(1))]!);
        expect(covered.every((e) => e.match)).toBe(true);
        expect(new Set(covered.map((e) => e.group)).size).toBe(1);
        expect(covered.at(-1)!.time).toBe(alert.time);
      }
    },
  );

  test.prop([
    fc.array(fc.constantFrom("x", "y", "z", "w"), { maxLength: 30 }),
    fc.integer({ min: 1, max: 4 }),
  ])("value_count counts distinct values in the window", (values, n) => {
    const run = runCorrelation({
      type: "value_count",
      bases: [() => true],
      groupBy: [],
      timespanMs: 1_000_000,
      condition: { gte: n },
      field: ["v"],
    });
    const raised = values.map(
      (v, i) => run.onTrace(new TraceView({ trace_id: `t${i}`, time: i, v })).length > 0,
    );
    raised.forEach((r, i) => {
      expect(r).toBe(new Set(values.slice(0, i + 1)).size >= n);
    });
  });
});
