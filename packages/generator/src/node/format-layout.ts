import type { TraceFormat } from "../encode/encode-traces.js";
import type { Framing } from "./framer.js";
import type { TraceShape } from "./trace-producer.js";

/** How a chunked stream lays out one of the generator's text formats. */
export interface FormatLayout {
  /** Record shape the producer encodes. */
  readonly shape: TraceShape;
  /** How a sink frames the records. */
  readonly framing: Framing;
}

/**
 * Each `TraceFormat` as a producer shape and a sink framing, so a chunked stream writes the
 * same bytes as `encodeTraces` for the same records.
 *
 * @example
 * const { shape, framing } = FORMAT_LAYOUTS.json; // "api", "array"
 */
export const FORMAT_LAYOUTS = {
  ndjson: { shape: "api", framing: "lines" },
  json: { shape: "api", framing: "array" },
  obs: { shape: "obs", framing: "array" },
} as const satisfies Record<TraceFormat, FormatLayout>;
