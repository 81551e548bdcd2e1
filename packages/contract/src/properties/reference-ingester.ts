import type { IngestDelivery, Ingester } from "./consumer-ingest-options.js";

/** A stored event: its id and the channel that brought it first. */
export interface StoredEvent {
  readonly traceId: string;
  readonly channel: IngestDelivery["channel"];
}

/**
 * The trace records one delivery carries: a page's `traces`, a file's array, the SMN message's
 * `message` (the trace as JSON text) or the FunctionGraph event's `cts`.
 *
 * @example
 * tracesIn({ channel: "fun", body: '{"cts":{"trace_id":"t1"}}' }); // [{ trace_id: "t1" }]
 */
export function tracesIn(delivery: IngestDelivery): Record<string, unknown>[] {
  const body = JSON.parse(delivery.body) as unknown;
  switch (delivery.channel) {
    case "api":
      return (body as { traces: Record<string, unknown>[] }).traces;
    case "obs":
      return body as Record<string, unknown>[];
    case "smn":
      return [JSON.parse((body as { message: string }).message) as Record<string, unknown>];
    case "fun":
      return [(body as { cts: Record<string, unknown> }).cts];
  }
}

/**
 * An in-memory ingester that stores each event once, keyed by `trace_id`, whichever channel
 * brings it first and however often it comes again: the behaviour the ingest property asks
 * for, as a model for your own.
 *
 * @example
 * const report = await runIngesterContract({ create: createReferenceIngester });
 */
export function createReferenceIngester(): Ingester & {
  readonly events: ReadonlyMap<string, StoredEvent>;
} {
  const events = new Map<string, StoredEvent>();
  return {
    events,
    ingest(delivery) {
      for (const trace of tracesIn(delivery)) {
        const traceId = String(trace.trace_id);
        if (!events.has(traceId)) events.set(traceId, { traceId, channel: delivery.channel });
      }
    },
    stored: () => [...events.keys()],
  };
}
