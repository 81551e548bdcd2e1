import type { TraceEvent } from "../trace-event.js";
import { asGenerated } from "./as-generated.js";
import { encodeApiTraceJson, encodeGenerated } from "./encode-api-trace-json.js";
import { encodeObsTraceJson } from "./encode-obs-trace-json.js";

/**
 * Text formats of a trace stream: `ndjson` (one ListTraces-shape trace per line), `json` (one
 * JSON array of ListTraces-shape traces) and `obs` (one JSON array of OBS-file-shape records,
 * the content of a decompressed trace file).
 */
export const TRACE_FORMATS = ["ndjson", "json", "obs"] as const;

/** One of {@link TRACE_FORMATS}. */
export type TraceFormat = (typeof TRACE_FORMATS)[number];

/** Options of {@link encodeTraces}. */
export interface EncodeTracesOptions {
  /** Output format. Default: `"ndjson"`. */
  readonly format?: TraceFormat;
  /** Characters per yielded chunk (at least; one trace is never split). Default: `65536`. */
  readonly chunkChars?: number;
}

/**
 * Encodes a trace stream as text chunks of about `chunkChars` characters, lazily (constant
 * memory): write each chunk to a sink, awaiting back-pressure between chunks. The text does not
 * depend on the chunk size.
 *
 * @example
 * for (const chunk of encodeTraces(generateTraces({ count: 1000 }), { format: "json" })) {
 *   await write(chunk);
 * }
 */
export function* encodeTraces(
  events: Iterable<TraceEvent>,
  options: EncodeTracesOptions = {},
): Generator<string, void, undefined> {
  const format = options.format ?? "ndjson";
  const chunkChars = options.chunkChars ?? 65_536;
  let buffer = "";
  if (format === "ndjson") {
    for (const event of events) {
      buffer += encodeGenerated(asGenerated(event), true);
      if (buffer.length >= chunkChars) {
        yield buffer;
        buffer = "";
      }
    }
  } else {
    const encode = format === "obs" ? encodeObsTraceJson : encodeApiTraceJson;
    let separator = "[\n";
    for (const event of events) {
      buffer += separator + encode(event);
      separator = ",\n";
      if (buffer.length >= chunkChars) {
        yield buffer;
        buffer = "";
      }
    }
    buffer += separator === "[\n" ? "[]\n" : "\n]\n";
  }
  if (buffer.length > 0) yield buffer;
}

/**
 * One ListTraces response page (reference §8.5): `{"traces":[…],"meta_data":{"count":n,"marker":…}}`.
 * `marker` defaults to the last trace's id (`null` for an empty page).
 *
 * @example
 * const page = encodeListTracesPage([...generateTraces({ count: 10 })]);
 */
export function encodeListTracesPage(
  events: readonly TraceEvent[],
  marker?: string | null,
): string {
  let text = '{"traces":[';
  for (let i = 0; i < events.length; i++) {
    if (i > 0) text += ",";
    text += encodeApiTraceJson(events[i] as TraceEvent);
  }
  const last = events[events.length - 1];
  const mark = marker === undefined ? (last === undefined ? null : last.traceId) : marker;
  return `${text}],"meta_data":{"count":${events.length},"marker":${mark === null ? "null" : JSON.stringify(mark)}}}`;
}
