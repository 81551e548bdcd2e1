// ── Sinks ───────────────────────────────────────────────────────────────────
export { createStreamSink } from "./stream-sink.js";
export type { StreamSinkOptions } from "./stream-sink.js";
export { createFileSink } from "./file-sink.js";
export type { FileSinkOptions } from "./file-sink.js";
export { createDescriptorSink } from "./descriptor-sink.js";
export type { DescriptorSinkOptions } from "./descriptor-sink.js";
export { FramedFile } from "./framed-file.js";
export { createObsDirSink } from "./obs-dir-sink.js";
export type { ObsDirSinkOptions } from "./obs-dir-sink.js";
export { obsObjectKey } from "./obs-object-key.js";
export type { ObsObjectKeyParts } from "./obs-object-key.js";
export { createHttpSink } from "./http-sink.js";
export type { HttpSinkOptions } from "./http-sink.js";
export { backoffMs, retryAfterMs } from "./retry-after.js";
export { drained } from "./drained.js";

// ── Chunks and framing ──────────────────────────────────────────────────────
export {
  chunkOfRecords,
  countRecords,
  offsetAfterRecords,
  recordsOf,
  recordViews,
  splitChunk,
} from "./trace-chunk.js";
export { RecordBuffer } from "./record-buffer.js";
export type { TraceChunk, TraceRoute, TraceSink } from "./trace-chunk.js";
export { FRAMINGS, Framer } from "./framer.js";
export type { Framing } from "./framer.js";
export { FORMAT_LAYOUTS } from "./format-layout.js";
export type { FormatLayout } from "./format-layout.js";

// ── Producers ───────────────────────────────────────────────────────────────
export { createTraceProducer, TRACE_SHAPES } from "./trace-producer.js";
export type { TraceProducer, TraceProducerOptions, TraceShape } from "./trace-producer.js";
export { createWorkerProducer } from "./worker-producer.js";
export type { WorkerProducerOptions } from "./worker-producer.js";
export { workerShard } from "../timeline/worker-shard.js";

// ── Pacing, accounting, running ─────────────────────────────────────────────
export { Pacer } from "./pacer.js";
export type { PacerOptions } from "./pacer.js";
export { RateMeter } from "./rate-meter.js";
export type { DeviationOptions, RateDeviation, RateSummary } from "./rate-meter.js";
export { defaultChunkRecords, runStream, STOP_REASONS } from "./run-stream.js";
export type {
  ChunkProducer,
  RunStreamOptions,
  StopReason,
  StreamProgress,
  StreamStats,
} from "./run-stream.js";

// ── Errors ──────────────────────────────────────────────────────────────────
export { StreamError, StreamErrorCode, streamErrorFrom } from "./stream-error.js";
