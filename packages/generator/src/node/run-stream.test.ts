import { describe, expect, test } from "vitest";
import { type ChunkProducer, runStream } from "./run-stream.js";
import { StreamError, StreamErrorCode } from "./stream-error.js";
import { chunkOfRecords, type TraceChunk, type TraceSink } from "./trace-chunk.js";

/** A producer of numbered records, optionally finite. */
function numbers(total = Number.POSITIVE_INFINITY): ChunkProducer {
  let next = 0;
  return {
    pull(max: number): TraceChunk | undefined {
      const records: string[] = [];
      while (records.length < max && next < total) records.push(`{"n":${next++}}`);
      return records.length === 0 ? undefined : chunkOfRecords(records);
    },
  };
}

function memorySink(
  fail?: (writes: number) => Error | undefined,
): TraceSink & { text: string; closed: boolean } {
  let writes = 0;
  const sink = {
    text: "",
    closed: false,
    recordsWritten: 0,
    bytesWritten: 0,
    write(chunk: TraceChunk): void {
      writes += 1;
      const error = fail?.(writes);
      if (error !== undefined) throw error;
      sink.text += Buffer.from(chunk.bytes).toString("utf8");
      sink.recordsWritten += chunk.count;
      sink.bytesWritten += chunk.bytes.length;
    },
    async close(): Promise<void> {
      sink.closed = true;
    },
  };
  return sink;
}

/** Virtual time: sleeping advances it. */
function virtualTime(): {
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  spend: (ms: number) => void;
} {
  let now = 0;
  const spend = (ms: number): void => {
    now += Math.max(ms, 0.01);
  };
  return { clock: () => now, sleep: async (ms) => spend(ms), spend };
}

describe("runStream", () => {
  test("stops at the count exactly, with whole records, and closes the sink", async () => {
    const sink = memorySink();
    const stats = await runStream({ producer: numbers(), sink, count: 2500, chunkRecords: 1000 });
    expect(stats).toMatchObject({ traces: 2500, stoppedBy: "count", errors: 0, targetRate: null });
    expect(
      sink.text
        .split("\n")
        .slice(0, -1)
        .map((l) => JSON.parse(l).n),
    ).toEqual(Array.from({ length: 2500 }, (_, i) => i));
    expect(sink.closed).toBe(true);
  });

  test("paced: the achieved rate over virtual time is the target and the check passes", async () => {
    const time = virtualTime();
    const stats = await runStream({
      producer: numbers(),
      sink: memorySink(),
      rate: 2000,
      durationMs: 30_000,
      ...time,
    });
    expect(stats.stoppedBy).toBe("duration");
    expect(stats.keptUp).toBe(true);
    expect(stats.perSecond.slice(1).every((n) => n === 2000)).toBe(true);
    expect(Math.abs(stats.traces - 60_000)).toBeLessThanOrEqual(20);
  });

  test("a producer slower than the target gets a warning and keptUp false; strict stops early", async () => {
    const time = virtualTime();
    const slow: ChunkProducer = {
      pull: (max) => {
        time.spend(max * 1.1); // 1.1 ms per record: about 909/s, below the 1000/s target
        return chunkOfRecords(Array.from({ length: max }, () => "{}"));
      },
    };
    const warnings: string[] = [];
    const stats = await runStream({
      producer: slow,
      sink: memorySink(),
      rate: 1000,
      durationMs: 60_000,
      strict: true,
      onWarning: (w) => warnings.push(w),
      ...time,
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/cannot keep up/);
    expect(stats).toMatchObject({ keptUp: false, stoppedBy: "strict" });
    expect(stats.durationMs).toBeLessThan(20_000);
  });

  test("an abort stops cleanly and a sink failure is reported, never thrown", async () => {
    const controller = new AbortController();
    const sink = memorySink((writes) => {
      if (writes === 3) controller.abort();
      return undefined;
    });
    const stopped = await runStream({
      producer: numbers(),
      sink,
      signal: controller.signal,
      chunkRecords: 10,
    });
    expect(stopped).toMatchObject({ stoppedBy: "signal", traces: 30 });

    const failing = memorySink((writes) =>
      writes === 2 ? new StreamError(StreamErrorCode.writeFailed, "disk full") : undefined,
    );
    const failed = await runStream({ producer: numbers(), sink: failing, chunkRecords: 10 });
    expect(failed).toMatchObject({ stoppedBy: "error", error: "disk full", errors: 1, traces: 10 });
    expect(failing.closed).toBe(true);

    const gone = memorySink(() => new StreamError(StreamErrorCode.readerClosed, "EPIPE"));
    expect(await runStream({ producer: numbers(), sink: gone })).toMatchObject({
      stoppedBy: "reader-closed",
    });
  });

  test("ends with the producer; under a second there is no per-second figure to report", async () => {
    expect(await runStream({ producer: numbers(42), sink: memorySink() })).toMatchObject({
      traces: 42,
      unconfirmed: 0,
      stoppedBy: "end",
      p99Rate: null,
      minRate: null,
    });
  });
});
