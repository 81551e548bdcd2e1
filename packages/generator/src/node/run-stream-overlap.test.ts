import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type ChunkProducer, runStream } from "./run-stream.js";
import { StreamError, StreamErrorCode } from "./stream-error.js";
import { chunkOfRecords, recordsOf, type TraceChunk, type TraceSink } from "./trace-chunk.js";

/** What the stream did, in order, as the producer and the sink saw it. */
interface Ledger {
  /** Chunks pulled and not yet released. */
  alive: number;
  mostAlive: number;
  /** Writes started and not yet settled. */
  writing: number;
  mostWriting: number;
  /** Pulls made while a write was in flight. */
  overlapped: number;
  /** Chunks released while their write was unsettled, or after it failed. */
  badReleases: number;
  /** How each chunk's write settled, by its bytes. */
  readonly settled: WeakMap<Uint8Array, "ok" | "failed">;
}

/** A producer of numbered records whose chunks report their release to the ledger. */
function numbered(ledger: Ledger, total: number): ChunkProducer {
  let next = 0;
  return {
    pull(max: number): TraceChunk | undefined {
      if (next >= total) return undefined;
      const records: string[] = [];
      while (records.length < max && next < total) records.push(`{"n":${next++}}`);
      if (ledger.writing > 0) ledger.overlapped += 1;
      ledger.alive += 1;
      ledger.mostAlive = Math.max(ledger.mostAlive, ledger.alive);
      const chunk = chunkOfRecords(records);
      const release = (): void => {
        if (ledger.settled.get(chunk.bytes) !== "ok") ledger.badReleases += 1;
        ledger.alive -= 1;
      };
      return { ...chunk, release };
    },
  };
}

/**
 * A sink whose writes settle after `delays[i]` turns of the event loop (0: synchronously), the
 * `failAt`-th (1-based) rejecting. It keeps the text of every write that succeeded.
 */
function slowSink(ledger: Ledger, delays: readonly number[], failAt: number) {
  let writes = 0;
  const sink = {
    text: "",
    recordsWritten: 0,
    bytesWritten: 0,
    write(chunk: TraceChunk): Promise<void> | void {
      writes += 1;
      const delay = delays[(writes - 1) % delays.length] ?? 0;
      const fails = writes === failAt;
      const settle = (): void => {
        if (fails) {
          ledger.settled.set(chunk.bytes, "failed");
          throw new StreamError(StreamErrorCode.writeFailed, `write ${writes} failed`);
        }
        sink.text += Buffer.from(chunk.bytes).toString("utf8");
        sink.recordsWritten += chunk.count;
        sink.bytesWritten += chunk.bytes.length;
        ledger.settled.set(chunk.bytes, "ok");
      };
      if (delay === 0) return settle();
      ledger.writing += 1;
      ledger.mostWriting = Math.max(ledger.mostWriting, ledger.writing);
      return turns(delay).then(() => {
        ledger.writing -= 1;
        settle();
      });
    },
    async close(): Promise<void> {},
  } satisfies TraceSink & { text: string };
  return sink;
}

function turns(n: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number): void => {
      if (left === 0) resolve();
      else setImmediate(() => step(left - 1));
    };
    step(n);
  });
}

function freshLedger(): Ledger {
  return {
    alive: 0,
    mostAlive: 0,
    writing: 0,
    mostWriting: 0,
    overlapped: 0,
    badReleases: 0,
    settled: new WeakMap(),
  };
}

describe("runStream with a write in flight", () => {
  test("produces the next chunk while the previous one is being written", async () => {
    const ledger = freshLedger();
    const sink = slowSink(ledger, [2], 0);
    const stats = await runStream({ producer: numbered(ledger, 100), sink, chunkRecords: 10 });
    expect(stats).toMatchObject({ traces: 100, stoppedBy: "end", unconfirmed: 0 });
    // Every pull but the first came while the previous chunk's write was in flight.
    expect(ledger.overlapped).toBe(9);
    expect(ledger.mostWriting).toBe(1);
  });

  test.prop(
    [
      fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: 1, max: 64 }),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 0, max: 12 }),
      fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
    ],
    { numRuns: 200 },
  )(
    "one write at a time, two chunks at most, a buffer released only after its write, every record once and in order",
    async (total, chunkRecords, delays, failAt, count) => {
      const ledger = freshLedger();
      const sink = slowSink(ledger, delays, failAt);
      const stats = await runStream({
        producer: numbered(ledger, total),
        sink,
        chunkRecords,
        ...(count === undefined ? {} : { count }),
      });
      expect(ledger.mostWriting).toBeLessThanOrEqual(1);
      expect(ledger.mostAlive).toBeLessThanOrEqual(2);
      expect(ledger.badReleases).toBe(0);
      const wanted = Math.min(total, count ?? Number.POSITIVE_INFINITY);
      const written = recordsOf({ bytes: Buffer.from(sink.text), count: 0 }).map(
        (record) => (JSON.parse(record) as { n: number }).n,
      );
      expect(written).toEqual(Array.from({ length: written.length }, (_, i) => i));
      expect(stats.traces).toBe(written.length);
      const writes = Math.ceil(wanted / chunkRecords);
      if (failAt >= 1 && failAt <= writes) {
        expect(stats).toMatchObject({ stoppedBy: "error", error: `write ${failAt} failed` });
        expect(written.length).toBe((failAt - 1) * chunkRecords);
        // The failed chunk was handed over; the one produced meanwhile was not.
        expect(stats.unconfirmed).toBe(Math.min(chunkRecords, wanted - written.length));
      } else {
        expect(stats).toMatchObject({ traces: wanted, unconfirmed: 0, errors: 0 });
        expect(ledger.alive).toBe(0);
      }
    },
  );
});
