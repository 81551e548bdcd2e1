import type { ApiTrace } from "@ctsim/catalog";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { apiTrace } from "../../test/support/traces.js";
import { BatchMerger } from "./batch-merger.js";
import { encodeStoreSnapshot } from "./store-snapshot.js";
import type { TraceBatch } from "./trace-batch.js";
import { TraceBatchBuilder } from "./trace-batch-builder.js";
import { indexableOf } from "./trace-fields.js";
import { TraceStore } from "./trace-store.js";

const NOW = Date.UTC(2026, 5, 15, 12);

interface Row {
  readonly trace: ApiTrace;
  readonly project: string;
  readonly tracker: string;
  readonly stream: number;
}

/** Traces crowded into a few milliseconds, so many share a `time`. */
const rowsArb = fc
  .array(
    fc.record({
      time: fc.integer({ min: NOW - 40, max: NOW - 1 }),
      project: fc.constantFrom("p1", "p2"),
      name: fc.constantFrom("createNotebook", "deleteNotebook", "putObject"),
      user: fc.constantFrom("alice", "bob", null),
      resourceId: fc.constantFrom("r1", "r2", "r3"),
      data: fc.boolean(),
      delay: fc.nat(2),
      stream: fc.nat(3),
    }),
    { maxLength: 200 },
  )
  .map((rows) =>
    rows.map(
      (row, i): Row => ({
        trace: {
          ...apiTrace({
            id: `${(i * 7919) % 1000}-${i}`,
            time: row.time,
            traceName: row.name,
            user: row.user,
            resourceId: row.resourceId,
            ...(row.data ? { source: "ObsSDK" as const } : {}),
          }),
          record_time: row.time + row.delay,
        },
        project: row.project,
        tracker: row.data ? "bucket-tracker" : "system",
        stream: row.stream,
      }),
    ),
  );

function byTimeThenId(a: Row, b: Row): number {
  const x = a.trace.trace_id;
  const y = b.trace.trace_id;
  return (
    a.trace.time - b.trace.time ||
    a.trace.record_time - b.trace.record_time ||
    (x < y ? -1 : x > y ? 1 : 0)
  );
}

/** The store filled one trace at a time, in (time, record_time, trace_id) order: the reference. */
function oneByOne(rows: readonly Row[]): TraceStore {
  const store = new TraceStore({ now: () => NOW });
  for (const row of [...rows].sort(byTimeThenId)) {
    store.appendApiTrace(row.trace, { projectId: row.project, trackerName: row.tracker });
  }
  store.compact();
  return store;
}

/** The store filled through batches from `streams` producers, delivered in a shuffled interleaving. */
function merged(
  rows: readonly Row[],
  streams: number,
  batchTraces: number,
  order: number[],
  keyWindow = 16_384,
): TraceStore {
  const store = new TraceStore({ now: () => NOW });
  const merger = new BatchMerger(store, streams);
  const queues: TraceBatch[][] = Array.from({ length: streams }, () => []);
  for (let s = 0; s < streams; s++) {
    const builder = new TraceBatchBuilder({
      batchTraces,
      keyWindow,
      onBatch: (batch) => queues[s]!.push(batch),
    });
    const mine = rows.filter((row) => row.stream % streams === s);
    // Time order only: equal-time traces arrive in any order and the builder sorts them.
    for (const row of mine.sort((a, b) => a.trace.time - b.trace.time)) {
      const placement = { projectId: row.project, trackerName: row.tracker };
      builder.push(indexableOf(row.trace, placement), JSON.stringify(row.trace), row.project);
    }
    builder.end();
  }
  for (let turn = 0; queues.some((queue) => queue.length > 0); turn++) {
    let s = order[turn % order.length]! % streams;
    while (queues[s]!.length === 0) s = (s + 1) % streams;
    const batch = queues[s]!.shift()!;
    merger.push(s, batch);
    if (queues[s]!.length === 0) merger.end(s);
    merger.drain();
  }
  for (let s = 0; s < streams; s++) merger.end(s);
  merger.drain();
  expect(merger.count).toBe(rows.length);
  store.compact();
  return store;
}

function snapshotBytes(store: TraceStore, withIds: boolean): Uint8Array {
  const state = store.exportState();
  // The trace-id table's slot layout depends on its growth history; compare it by lookups instead.
  return Buffer.concat(
    encodeStoreSnapshot(withIds ? state : { ...state, ids: new Int32Array(1) }, "k"),
  );
}

describe("BatchMerger", () => {
  test.prop(
    [
      rowsArb,
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 9 }),
      fc.array(fc.nat(7), { minLength: 1, maxLength: 5 }),
      fc.integer({ min: 1, max: 4 }),
    ],
    {
      numRuns: 60,
    },
  )(
    "stores what one-by-one appends in (time, record_time, trace_id) order store, whatever the producers, batches and producer dictionary windows",
    (rows, streams, batchTraces, order, keyWindow) => {
      const reference = oneByOne(rows);
      const store = merged(rows, streams, batchTraces, order, keyWindow);
      expect(Buffer.compare(snapshotBytes(store, false), snapshotBytes(reference, false))).toBe(0);
      for (const row of rows) {
        expect(store.findById(row.project, row.trace.trace_id)).toBe(JSON.stringify(row.trace));
      }
      // Producers never change the bulk store's bytes, trace-id table included.
      expect(
        Buffer.compare(snapshotBytes(store, true), snapshotBytes(merged(rows, 1, 64, [0]), true)),
      ).toBe(0);
    },
  );
});
