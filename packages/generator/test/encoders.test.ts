import { validatorFor } from "@ctsim/catalog";
import {
  encodeApiTraceJson,
  encodeListTracesPage,
  encodeTraces,
  GeneratorError,
  generateTraces,
  retime,
  type TraceEvent,
} from "@ctsim/generator";
import { describe, expect, test } from "vitest";

const events: TraceEvent[] = [...generateTraces({ seed: 21, count: 500 })];

function uuidTime(id: string): number {
  const ticks =
    (BigInt(Number.parseInt(id.slice(15, 18), 16) * 65536 + Number.parseInt(id.slice(9, 13), 16)) <<
      32n) +
    BigInt(Number.parseInt(id.slice(0, 8), 16));
  return Number(ticks / 10000n) - 12219292800000;
}

describe("encoders", () => {
  test("ndjson is one ListTraces trace per line", () => {
    const lines = [...encodeTraces(events)].join("").split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((l) => JSON.parse(l).trace_id)).toEqual(events.map((e) => e.traceId));
  });

  test("json and obs formats are JSON arrays; obs records validate as ObsTrace", () => {
    const json = JSON.parse(
      [...encodeTraces(events, { format: "json", chunkChars: 1000 })].join(""),
    );
    expect(json).toEqual(events.map((e) => JSON.parse(encodeApiTraceJson(e))));
    const obs = JSON.parse([...encodeTraces(events, { format: "obs" })].join(""));
    const validate = validatorFor("ObsTrace");
    for (const record of obs) {
      expect(validate.issues(record)).toEqual([]);
      // IAM is a global service; OBS data traces are kept by the tenant's data trackers.
      expect(record.event_type).toBe(record.service_type === "IAM" ? "global" : "system");
      const data = record.trace_type === "ObsSDK" || record.trace_type === "ObsAPI";
      expect(record.tracker_name).toMatch(data ? /^modelarts-(data|ml)$/ : /^system$/);
      expect(typeof record.code).toBe("number");
    }
    expect(JSON.parse([...encodeTraces([], { format: "json" })].join(""))).toEqual([]);
  });

  test("a ListTraces page validates and its marker defaults to the last trace id", () => {
    const page = JSON.parse(encodeListTracesPage(events.slice(0, 10)));
    expect(validatorFor("ListTracesResponse").issues(page)).toEqual([]);
    expect(page.meta_data).toEqual({ count: 10, marker: events[9]?.traceId });
    expect(JSON.parse(encodeListTracesPage([])).meta_data).toEqual({ count: 0, marker: null });
  });

  test("record_time equals time; trace ids are v1 UUIDs a few ms after it, as in Huawei's examples", () => {
    for (const e of events) {
      expect(e.traceId).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(e.recordTime).toBe(e.time);
      const lead = uuidTime(e.traceId) - e.recordTime;
      expect(lead).toBeGreaterThanOrEqual(1);
      expect(lead).toBeLessThan(100);
    }
  });

  test("retime moves a trace: record_time and the id's time follow the new time", () => {
    const original = events[3] as TraceEvent;
    const moved = retime(original, original.time + 123_456);
    expect(moved.time).toBe(original.time + 123_456);
    expect(moved.recordTime).toBe(moved.time);
    expect(uuidTime(moved.traceId) - moved.time).toBe(uuidTime(original.traceId) - original.time);
    expect(moved.traceId.slice(18)).toBe(original.traceId.slice(18));
    const a = JSON.parse(encodeApiTraceJson(moved));
    const b = JSON.parse(encodeApiTraceJson(original));
    expect({ ...a, time: 0, record_time: 0, trace_id: "" }).toEqual({
      ...b,
      time: 0,
      record_time: 0,
      trace_id: "",
    });
  });

  test("encoders refuse events they did not make", () => {
    const foreign = { ...(events[0] as TraceEvent) } as TraceEvent;
    expect(() => encodeApiTraceJson(foreign)).toThrow(GeneratorError);
  });
});

describe("options", () => {
  test.each([
    [{ shard: { index: 2, count: 2 } }, "shard.index"],
    [{ count: -1 }, "count"],
    [{ tenants: 0 }, "tenants"],
    [{ from: 10, to: 5 }, "to"],
    [{ revision: "2024-01-01" as never }, "revision"],
    [{ scenarios: ["nope" as never] }, "scenarios"],
  ])("%j is rejected with a coded error naming %s", (options, name) => {
    expect(() => generateTraces(options)).toThrow(
      expect.objectContaining({
        code: "CTSIM_GENERATOR_INVALID_OPTION",
        message: expect.stringContaining(name),
      }),
    );
  });

  test("the default window is the 7 days before now, never after now", () => {
    const now = Date.UTC(2025, 0, 15);
    const times = [...generateTraces({ seed: 1, now })].map((e) => e.time);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now - 7 * 86_400_000);
    expect(Math.max(...times)).toBeLessThan(now);
  });

  test("a count keeps a given window, and without one reaches back at a capped rate", () => {
    const now = Date.UTC(2025, 0, 15);
    const week = 7 * 86_400_000;
    const span = (count: number, from?: number) => {
      let min = Number.POSITIVE_INFINITY;
      let n = 0;
      // ModelArts only: the golden reach-back figures below predate the IAM and OBS context.
      for (const e of generateTraces({
        seed: 1,
        now,
        count,
        modelartsOnly: true,
        ...(from === undefined ? {} : { from }),
      })) {
        min = Math.min(min, e.time);
        n++;
      }
      return { n, weeks: (now - min) / week };
    };
    // 200k traces need ~67× a default week: a given week keeps them, at a raised rate.
    const given = span(200_000, now - week);
    expect(given.n).toBe(200_000);
    expect(given.weeks).toBeLessThanOrEqual(1);
    // Without `from` the rate stops at its cap and the window grows with the count.
    const one = span(200_000);
    const two = span(400_000);
    expect([one.n, two.n]).toEqual([200_000, 400_000]);
    expect(one.weeks).toBeGreaterThan(1.2);
    expect(two.weeks / one.weeks).toBeGreaterThan(1.7);
    expect(two.weeks / one.weeks).toBeLessThan(2.3);
  });

  test("a large count stays in the past and reaches further back", () => {
    const now = Date.UTC(2025, 0, 15);
    let n = 0;
    let max = 0;
    for (const e of generateTraces({ seed: 1, now, count: 20_000, users: 2 })) {
      n++;
      max = Math.max(max, e.time);
    }
    expect(n).toBe(20_000);
    expect(max).toBeLessThan(now);
  });
});
