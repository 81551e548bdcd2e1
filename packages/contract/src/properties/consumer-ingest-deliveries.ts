import {
  encodeApiTraceJson,
  encodeFunctionGraphEvent,
  encodeListTracesPage,
  encodeObsTraceJson,
  encodeSmnNotification,
  generateTraces,
  notifiedTrace,
  SMN_HEADERS,
  type TraceEvent,
} from "@ctsim/generator";
import fc from "fast-check";
import type { IngestDelivery } from "./consumer-ingest-options.js";

const NOW = Date.UTC(2025, 5, 2);
const TOPIC = "urn:smn:cn-north-4:0123456789abcdef0123456789abcdef:ctsim-contract";

/** One world: its events' ids and the deliveries that carry them, interleaved. */
export interface IngestWorld {
  readonly traceIds: readonly string[];
  readonly deliveries: readonly IngestDelivery[];
}

/**
 * Worlds of one seeded timeline delivered three ways: every event in API pages (with poller
 * overlap: a page may repeat the end of the previous one), every event in OBS trace files (some
 * events repeated in a later file: CTS's at-least-once transfer), and a subset (the configured
 * operations) as SMN messages or FunctionGraph events, some sent twice (a retry after a lost
 * answer); all deliveries in a random interleaving.
 */
export function ingestWorldArbitrary(
  maxEvents: number,
  signSmn: (stringToSign: string) => string,
): fc.Arbitrary<IngestWorld> {
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      count: fc.integer({ min: 1, max: maxEvents }),
    })
    .chain(({ seed, count }) => {
      const events = [
        ...generateTraces({ seed, count, now: NOW, from: NOW - 86_400_000, to: NOW }),
      ];
      const n = events.length;
      return fc
        .record({
          pageCuts: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, n - 1) }), {
            maxLength: 5,
          }),
          overlap: fc.integer({ min: 0, max: 3 }),
          fileCuts: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, n - 1) }), {
            maxLength: 5,
          }),
          fileDuplicates: fc.subarray(events.map((_, i) => i)),
          notified: fc.subarray(events.map((_, i) => i)),
          asFunction: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
          notifiedTwice: fc.subarray(events.map((_, i) => i)),
          order: fc.array(fc.integer(), { minLength: 64, maxLength: 64 }),
        })
        .map((choices) => world(events, choices, signSmn));
    });
}

interface Choices {
  readonly pageCuts: readonly number[];
  readonly overlap: number;
  readonly fileCuts: readonly number[];
  readonly fileDuplicates: readonly number[];
  readonly notified: readonly number[];
  readonly asFunction: readonly boolean[];
  readonly notifiedTwice: readonly number[];
  readonly order: readonly number[];
}

function world(
  events: readonly TraceEvent[],
  c: Choices,
  signSmn: (s: string) => string,
): IngestWorld {
  const deliveries: IngestDelivery[] = [];
  const pages = slices(events.length, c.pageCuts);
  pages.forEach(([from, to], index) => {
    const start = index === 0 ? from : Math.max(0, from - c.overlap);
    deliveries.push({ channel: "api", body: encodeListTracesPage(events.slice(start, to)) });
  });
  // A duplicate travels in the file after its own (or in one more file after the last).
  const files = slices(events.length, c.fileCuts);
  const contents: TraceEvent[][] = files.map(([from, to]) => events.slice(from, to));
  for (const i of c.fileDuplicates) {
    const own = files.findIndex(([from, to]) => i >= from && i < to);
    if (own + 1 === contents.length) contents.push([]);
    contents[own + 1]?.push(events[i] as TraceEvent);
  }
  contents.forEach((content, index) => {
    const body = `[${content.map(encodeObsTraceJson).join(",")}]`;
    deliveries.push({ channel: "obs", name: `trace-file-${index + 1}.json`, body });
  });
  for (const i of c.notified) {
    const trace = notifiedTrace(
      JSON.parse(encodeApiTraceJson(events[i] as TraceEvent)) as Record<string, unknown>,
    );
    const message: IngestDelivery = c.asFunction[i]
      ? { channel: "fun", body: JSON.stringify(encodeFunctionGraphEvent(trace)) }
      : smnDelivery(
          encodeSmnNotification(trace, {
            notificationId: "contract",
            topicUrn: TOPIC,
            sign: signSmn,
          }),
        );
    deliveries.push(message);
    if (c.notifiedTwice.includes(i)) deliveries.push(message);
  }
  return {
    traceIds: events.map((e) => e.traceId),
    deliveries: shuffled(deliveries, c.order),
  };
}

function smnDelivery(message: ReturnType<typeof encodeSmnNotification>): IngestDelivery {
  return {
    channel: "smn",
    headers: {
      [SMN_HEADERS.messageType]: message.type,
      [SMN_HEADERS.messageId]: message.message_id,
      [SMN_HEADERS.topicUrn]: message.topic_urn,
    },
    body: JSON.stringify(message),
  };
}

/** `[from, to)` ranges covering `0..n` cut at `cuts`. */
function slices(n: number, cuts: readonly number[]): [number, number][] {
  const bounds = [0, ...[...cuts].filter((c) => c > 0 && c < n).sort((a, b) => a - b), n];
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < bounds.length; i++)
    out.push([bounds[i] as number, bounds[i + 1] as number]);
  return out;
}

/** A permutation drawn from `keys` (sort by key, ties by position), so fast-check can shrink it. */
function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % keys.length] ?? 0, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((entry) => entry.item);
}
