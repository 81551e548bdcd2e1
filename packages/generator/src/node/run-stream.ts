import { Pacer } from "./pacer.js";
import { type RateDeviation, RateMeter } from "./rate-meter.js";
import { StreamError, StreamErrorCode } from "./stream-error.js";
import type { TraceChunk, TraceSink } from "./trace-chunk.js";

/** Where chunks come from: a generator in this thread, or worker threads. */
export interface ChunkProducer {
  /** The next chunk of at most `max` records (≥ 1), or `undefined` when the source has ended. */
  pull(max: number): TraceChunk | undefined | Promise<TraceChunk | undefined>;
  /** Releases threads or other resources. */
  close?(): Promise<void>;
}

/** Options of {@link runStream}. */
export interface RunStreamOptions {
  readonly producer: ChunkProducer;
  readonly sink: TraceSink;
  /** Target records per second; `undefined` streams as fast as the sink takes them. */
  readonly rate?: number;
  /** Stop after this long (ms). Default: no limit. */
  readonly durationMs?: number;
  /** Stop after this many records. Default: no limit (or the producer's end). */
  readonly count?: number;
  /** Records per chunk. Default: 1024 at full speed, about 10 ms of records when paced. */
  readonly chunkRecords?: number;
  /** Aborting stops the stream cleanly: whole records are flushed and the sink closed. */
  readonly signal?: AbortSignal;
  /** Stop as soon as the target rate cannot be kept. Default `false`. */
  readonly strict?: boolean;
  /** Warm-up excluded from the rate check (s). Default 2. */
  readonly warmupSeconds?: number;
  /** Called about once a second with the figures so far (progress display). */
  readonly onProgress?: (progress: StreamProgress) => void;
  /** Called once when the achieved rate first leaves ±2% of the target over 10 s. */
  readonly onWarning?: (message: string) => void;
  /** Monotonic clock (ms). Default `performance.now`. */
  readonly clock?: () => number;
  /** Waits (ms). Default `setTimeout`. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Live figures passed to `onProgress`. */
export interface StreamProgress {
  /** Records the destination has whole so far. */
  readonly traces: number;
  /** Bytes of those records. */
  readonly bytes: number;
  readonly elapsedMs: number;
  /** Records in the last complete second. */
  readonly lastSecondRate: number;
}

/** Why a stream ended. */
export const STOP_REASONS = [
  "count",
  "duration",
  "end",
  "signal",
  "strict",
  "reader-closed",
  "error",
] as const satisfies readonly string[];

/** One of {@link STOP_REASONS}. */
export type StopReason = (typeof STOP_REASONS)[number];

/**
 * The final accounting of a stream (also what `--stats` writes as JSON). `traces` and `bytes`
 * are what the destination confirmed (see `TraceSink`); the per-second figures count records as
 * the sink took them, which is what pacing controls (the sink's `write` waits, so the two differ
 * by at most what a sink holds unconfirmed: an HTTP sink's batches in flight, an OBS file still
 * open).
 */
export interface StreamStats {
  /** Records the destination has whole. */
  readonly traces: number;
  /** Bytes of those records (after framing, before compression). */
  readonly bytes: number;
  /** Records handed to the sink that it could not confirm (0 unless the stream failed). */
  readonly unconfirmed: number;
  readonly durationMs: number;
  /** `traces / duration`, records per second. */
  readonly meanRate: number;
  /** 99th percentile of the records taken per complete second; `null` when the run was shorter than a second. */
  readonly p99Rate: number | null;
  /** The slowest complete second; `null` when the run was shorter than a second. */
  readonly minRate: number | null;
  /** Target rate, or `null` at full speed. */
  readonly targetRate: number | null;
  /** `false` when a 10 s window left ±2% of the target after warm-up. */
  readonly keptUp: boolean;
  /** Recoverable sink errors (retried requests) plus the fatal one, if any. */
  readonly errors: number;
  readonly stoppedBy: StopReason;
  /** The fatal error's message, or `null`. */
  readonly error: string | null;
  /** Records taken by the sink in each complete second. */
  readonly perSecond: readonly number[];
}

/**
 * Pulls chunks from a producer and writes them to a sink, paced at `rate` (or flat out), until
 * the count, the duration, the producer's end or the abort signal. One write is in flight while
 * the next chunk is produced (a file's `write(2)` runs on libuv's pool while this thread
 * generates), and that write is awaited before the sink gets the next chunk, so back-pressure
 * still reaches the producer: at most two chunks exist at once, and a chunk's buffer goes back
 * to its producer only once its write resolved. Always closes the sink, so whole records are
 * flushed and framing is completed. Never throws for sink failures: they end the stream and come
 * back in `stoppedBy`/`error` (a vanished reader as `"reader-closed"`).
 *
 * @example
 * const stats = await runStream({ producer, sink: createStreamSink({ stream: process.stdout }), rate: 1000, durationMs: 60_000 });
 */
export async function runStream(options: RunStreamOptions): Promise<StreamStats> {
  const clock = options.clock ?? (() => performance.now());
  const sleep = options.sleep ?? abortableSleep(options.signal);
  const { producer, sink, rate, signal } = options;
  const meter = new RateMeter({ clock });
  const start = clock();
  const deadline =
    options.durationMs === undefined ? Number.POSITIVE_INFINITY : start + options.durationMs;
  const limit = options.count ?? Number.POSITIVE_INFINITY;
  const chunkRecords = options.chunkRecords ?? defaultChunkRecords(rate);
  const pacer = rate === undefined ? undefined : new Pacer({ rate, clock, sleep });
  let deviation: RateDeviation | undefined;
  let reportedSecond = 0;
  let stoppedBy: StopReason | undefined;
  let failure: unknown;
  /** Records taken from the producer, and handed to the sink (a write was started with them). */
  let pulled = 0;
  let handed = 0;
  let inFlight: InFlightWrite | undefined;

  const watch = (): void => {
    const second = meter.completeSeconds();
    if (second <= reportedSecond) return;
    reportedSecond = second;
    const summary = meter.summary();
    options.onProgress?.({
      traces: sink.recordsWritten,
      bytes: sink.bytesWritten,
      elapsedMs: clock() - start,
      lastSecondRate: summary.perSecond[summary.perSecond.length - 1] ?? 0,
    });
    if (rate === undefined || deviation !== undefined) return;
    deviation = meter.deviation({
      target: rate,
      warmupSeconds: options.warmupSeconds ?? 2,
      latestOnly: true,
    });
    if (deviation !== undefined) options.onWarning?.(warningOf(deviation));
  };

  /** Waits for the write in flight, then hands its chunk back and counts it. */
  const settle = async (): Promise<void> => {
    if (inFlight === undefined) return;
    const { chunk, outcome } = inFlight;
    inFlight = undefined;
    const failed = await outcome;
    if (failed !== undefined) throw failed.error;
    chunk.release?.();
    meter.add(chunk.count);
    watch();
  };

  try {
    while (stoppedBy === undefined) {
      if (signal?.aborted === true) stoppedBy = "signal";
      else if (pulled >= limit) stoppedBy = "count";
      else if (clock() >= deadline) stoppedBy = "duration";
      else if (options.strict === true && deviation !== undefined) stoppedBy = "strict";
      if (stoppedBy !== undefined) break;
      let max = Math.min(chunkRecords, limit - pulled);
      if (pacer !== undefined) {
        max = await pacer.acquire(max, deadline);
        if (max === 0) continue;
      }
      const chunk = await producer.pull(max);
      if (chunk === undefined) {
        stoppedBy = "end";
        break;
      }
      pulled += chunk.count;
      await settle();
      // Handed over before the write: a sink may keep the whole records of a write that fails.
      handed += chunk.count;
      inFlight = { chunk, outcome: outcomeOf(sink.write(chunk)) };
    }
    await settle();
  } catch (error) {
    failure = error;
  }
  try {
    await sink.close();
  } catch (error) {
    failure ??= error;
  }
  await producer.close?.();
  if (failure !== undefined) {
    stoppedBy =
      failure instanceof StreamError && failure.code === StreamErrorCode.readerClosed
        ? "reader-closed"
        : "error";
  }
  if (rate !== undefined)
    deviation ??= meter.deviation({ target: rate, warmupSeconds: options.warmupSeconds ?? 2 });
  const summary = meter.summary();
  const written = sink.recordsWritten;
  const complete = summary.perSecond.length > 0;
  return {
    traces: written,
    bytes: sink.bytesWritten,
    unconfirmed: handed - written,
    durationMs: summary.durationMs,
    meanRate: summary.durationMs > 0 ? (written * 1000) / summary.durationMs : 0,
    p99Rate: complete ? summary.p99Rate : null,
    minRate: complete ? summary.minRate : null,
    targetRate: rate ?? null,
    keptUp: deviation === undefined,
    errors: (sink.errors ?? 0) + (stoppedBy === "error" ? 1 : 0),
    stoppedBy: stoppedBy ?? "end",
    error: stoppedBy === "error" ? messageOf(failure) : null,
    perSecond: summary.perSecond,
  };
}

/** A sink write not yet awaited, with its chunk. */
interface InFlightWrite {
  readonly chunk: TraceChunk;
  /** Resolves to `undefined` when the write succeeded, or to its error. */
  readonly outcome: Promise<{ readonly error: unknown } | undefined>;
}

/**
 * A write's outcome as a promise that never rejects: its failure is held (not unhandled) while
 * the next chunk is produced, and thrown when the write is awaited.
 */
function outcomeOf(write: Promise<void> | void): Promise<{ readonly error: unknown } | undefined> {
  return Promise.resolve(write).then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
}

/**
 * Records per chunk for a rate: 1024 flat out, about 10 ms of records when paced (at least 1),
 * so timestamps stay close to the moment a record goes out.
 *
 * @example
 * defaultChunkRecords(5000); // 50
 */
export function defaultChunkRecords(rate: number | undefined): number {
  return rate === undefined ? 1024 : Math.min(1024, Math.max(1, Math.round(rate / 100)));
}

function warningOf(d: RateDeviation): string {
  const percent = ((d.achieved / d.target) * 100).toFixed(1);
  const verdict = d.achieved < d.target ? "cannot keep up" : "overshoots";
  return (
    `${verdict}: ${Math.round(d.achieved)} traces/s over ${d.windowSeconds} s from second ${d.fromSecond}, ` +
    `${percent}% of the target ${d.target}/s (allowed ±2%); the sink or the producer is the bottleneck`
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A sleep that ends early when the signal aborts, so a stop is not held up by the pacer. */
function abortableSleep(signal: AbortSignal | undefined): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise((resolve) => {
      if (signal?.aborted === true) {
        resolve();
        return;
      }
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener("abort", done, { once: true });
    });
}
