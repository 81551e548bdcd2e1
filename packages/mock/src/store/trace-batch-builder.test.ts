import { encodeApiTraceJson, generateTraces } from "@ctsim/generator";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { apiTrace, storeOrder } from "../../test/support/traces.js";
import { loadGeneratedTraces } from "./load-generated-traces.js";
import { encodeStoreSnapshot } from "./store-snapshot.js";
import type { TraceBatch } from "./trace-batch.js";
import { type BatchBuffers, newBatchBuffers, TraceBatchBuilder } from "./trace-batch-builder.js";
import { FILTER_FIELDS, filterValueOf, indexableOf } from "./trace-fields.js";
import { TraceStore } from "./trace-store.js";

const NOW = Date.UTC(2026, 5, 15, 12);
const decoder = new TextDecoder();

function recordsOf(batch: TraceBatch): string[] {
  return Array.from(batch.ends, (end, i) =>
    decoder.decode(batch.bytes.subarray(i === 0 ? 0 : batch.ends[i - 1]!, end)),
  );
}

/**
 * The store's content as snapshot bytes, with the records in one chunk (`add()` and the bulk
 * path cut chunks at different places) and without the trace-id table (its slot layout depends
 * on its growth history; compared by lookups instead).
 */
function contentOf(store: TraceStore): Buffer {
  const state = store.exportState();
  const { chunks, firsts, offsets } = state.records;
  const records = chunks.flatMap((chunk, c) => {
    const to = firsts[c + 1] ?? offsets.length;
    return Array.from({ length: to - firsts[c]! }, (_, i) =>
      chunk.subarray(
        offsets[firsts[c]! + i]!,
        i + 1 < to - firsts[c]! ? offsets[firsts[c]! + i + 1]! : chunk.length,
      ),
    );
  });
  const starts = new Int32Array(records.length);
  for (let i = 1; i < records.length; i++) starts[i] = starts[i - 1]! + records[i - 1]!.length;
  const single = { chunks: [Buffer.concat(records)], firsts: [0], offsets: starts };
  return Buffer.concat(
    encodeStoreSnapshot({ ...state, records: single, ids: new Int32Array(1) }, "k"),
  );
}

describe("TraceBatchBuilder", () => {
  test.prop([
    fc.array(fc.nat(900), { minLength: 1, maxLength: 40 }),
    fc.integer({ min: 1, max: 6 }),
  ])(
    "emits a batch early when the next record does not fit its bytes, and gives an oversized record a buffer of its own",
    (nameLengths, batchTraces) => {
      const byteRoom = 1500;
      const batches: { records: string[]; shared: boolean }[] = [];
      const builder = new TraceBatchBuilder({
        batchTraces,
        // Small byte buffers: a record of more than 500 characters (3 bytes each at worst) fits alone.
        nextBuffers: (n): BatchBuffers => ({
          ...newBatchBuffers(n),
          bytes: new Uint8Array(byteRoom),
        }),
        onBatch: (batch) =>
          batches.push({
            records: recordsOf(batch),
            shared: batch.bytes.buffer.byteLength === byteRoom,
          }),
      });
      const jsons = nameLengths.map((length, i) => {
        const trace = apiTrace({
          id: `id-${i}`,
          time: NOW - 1000 + i,
          resourceName: "n".repeat(length),
        });
        const json = JSON.stringify(trace);
        builder.push(indexableOf(trace, { projectId: "p" }), json, "p");
        return json;
      });
      builder.end();
      expect(batches.flatMap((batch) => batch.records)).toEqual(jsons);
      for (const batch of batches) {
        expect(batch.records.length).toBeGreaterThan(0);
        expect(batch.records.length).toBeLessThanOrEqual(batchTraces);
        const room = batch.records.reduce((sum, json) => sum + json.length * 3, 0);
        // A buffer of its own only when the batch starts with a record a whole buffer could not hold.
        if (!batch.shared) expect(batch.records[0]!.length * 3).toBeGreaterThan(byteRoom);
        else expect(room - batch.records.at(-1)!.length * 3).toBeLessThanOrEqual(byteRoom);
      }
    },
  );
});

describe("TraceBatchBuilder key columns", () => {
  it("hold, after the project and the kind, each indexed filter's value in FILTER_FIELDS order", () => {
    const events = [...generateTraces({ seed: 3, count: 300 })].sort(storeOrder);
    const fields = FILTER_FIELDS.length + 2;
    // Ids count up per field across batches: each batch's newKeys continue one dictionary.
    const dictionary: string[][] = Array.from({ length: fields }, () => []);
    const values: (string | null)[][] = [];
    const builder = new TraceBatchBuilder({
      batchTraces: 64,
      onBatch: (batch) => {
        for (const [f, keys] of batch.newKeys.entries()) dictionary[f]!.push(...keys);
        for (let i = 0; i < batch.count; i++) {
          values.push(
            FILTER_FIELDS.map((_, f) => {
              const id = batch.keys[i * fields + 2 + f]!;
              return id < 0 ? null : dictionary[2 + f]![id]!;
            }),
          );
        }
      },
    });
    for (const event of events) builder.push(event, encodeApiTraceJson(event), event.projectId);
    builder.end();
    expect(values).toEqual(
      events.map((event) => FILTER_FIELDS.map((field) => filterValueOf(event, field) ?? null)),
    );
  });
});

describe("loadGeneratedTraces", () => {
  it("stores what one add() per generated trace in (time, record_time, trace_id) order stores, though its batches share one set of arrays", () => {
    const options = { seed: 11, days: 7, tenants: 2 };
    const store = new TraceStore({ now: () => NOW });
    const { count } = loadGeneratedTraces(store, options);
    expect(count).toBeGreaterThan(3 * 2048);

    const reference = new TraceStore({ now: () => NOW });
    const events = [
      ...generateTraces({ seed: 11, now: NOW, from: NOW - 7 * 86_400_000, to: NOW, tenants: 2 }),
    ];
    events.sort(storeOrder);
    for (const event of events) reference.add(event, encodeApiTraceJson(event));
    reference.compact();
    expect(contentOf(store).equals(contentOf(reference))).toBe(true);
    for (const event of events.slice(0, 50)) {
      expect(store.findById(event.projectId, event.traceId)).toBe(encodeApiTraceJson(event));
    }
  });
});
