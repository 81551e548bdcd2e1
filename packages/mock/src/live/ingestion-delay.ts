import { createPrng } from "../internal/prng.js";

/**
 * How long a trace takes from its `time` to being visible to ListTraces. CTS documents no
 * ingestion latency: this model is ctsim's own, chosen so that an API poller's windowing is put
 * to the test: most traces arrive within seconds, a tail arrives minutes late.
 */
export interface IngestionDelayModel {
  /** Shortest delay of the common case (ms). Default: 2,000. */
  readonly minMs: number;
  /** Longest delay of the common case (ms). Default: 20,000. */
  readonly maxMs: number;
  /** Share of traces in the late tail, 0–1. Default: 0.05. */
  readonly lateShare: number;
  /** Shortest delay of the late tail (ms). Default: 60,000. */
  readonly lateMinMs: number;
  /** Longest delay of the late tail (ms). Default: 600,000. */
  readonly lateMaxMs: number;
}

/** ctsim's delay model: 95% of traces 2–20 s late (most near 2 s), 5% 1–10 min late. */
export const DEFAULT_INGESTION_DELAY: IngestionDelayModel = {
  minMs: 2_000,
  maxMs: 20_000,
  lateShare: 0.05,
  lateMinMs: 60_000,
  lateMaxMs: 600_000,
};

/**
 * The ingestion delay of one trace (whole ms): a pure function of the seed and the trace's id,
 * so it does not depend on the order or the batches traces are produced in. The common case
 * leans to its short end (the square of a uniform draw); the late tail is uniform.
 *
 * @example
 * const visibleAt = trace.time + ingestionDelayMs(7, trace.traceId, DEFAULT_INGESTION_DELAY);
 */
export function ingestionDelayMs(
  seed: number,
  traceId: string,
  model: IngestionDelayModel,
): number {
  const prng = createPrng(fnv1a(traceId) ^ Math.imul(seed >>> 0, 0x9e3779b1));
  const late = prng.next() < model.lateShare;
  const u = prng.next();
  if (late) return Math.round(model.lateMinMs + (model.lateMaxMs - model.lateMinMs) * u);
  return Math.round(model.minMs + (model.maxMs - model.minMs) * u * u);
}

/** The longest delay the model gives. */
export function maxIngestionDelayMs(model: IngestionDelayModel): number {
  return model.lateShare > 0 ? Math.max(model.maxMs, model.lateMaxMs) : model.maxMs;
}

/** One line for banners: `95% 2–20 s, 5% 1–10 min`. */
export function describeIngestionDelay(model: IngestionDelayModel): string {
  const common = `${percent(1 - model.lateShare)} ${span(model.minMs, model.maxMs)}`;
  if (model.lateShare <= 0) return common;
  return `${common}, ${percent(model.lateShare)} ${span(model.lateMinMs, model.lateMaxMs)}`;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function span(from: number, to: number): string {
  const minutes = from >= 60_000 && from % 60_000 === 0 && to % 60_000 === 0;
  const unit = minutes ? 60_000 : 1000;
  return `${from / unit}–${to / unit} ${minutes ? "min" : "s"}`;
}

/** FNV-1a of a string's UTF-16 code units (ids are ASCII). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
