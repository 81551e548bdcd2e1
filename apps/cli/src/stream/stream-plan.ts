import {
  type ScenarioName,
  type ShardSpec,
  TRACE_FORMATS,
  type TraceFormat,
} from "@ctsim/generator";
import { FORMAT_LAYOUTS, type Framing, type TraceShape } from "@ctsim/generator/node";
import { usageError } from "../cli-error.js";
import {
  parseDuration,
  parseHeader,
  parseInstant,
  parsePositive,
  parseScenarios,
  parseSeed,
  parseShard,
  parseSize,
} from "../internal/parse-values.js";
import { parseSinkSpec, type SinkSpec } from "./sink-spec.js";

/** `ctsim stream` flags as commander hands them over (strings, unvalidated). */
export interface RawStreamOptions {
  readonly rate?: string;
  readonly max?: true;
  readonly duration?: string;
  readonly count?: string;
  readonly sink: string;
  readonly format?: string;
  readonly workers: string;
  readonly shard?: string;
  readonly seed: string;
  readonly timelineStart?: string;
  /** `false` with `--no-retime`. */
  readonly retime: boolean;
  readonly scenario?: string;
  readonly stats?: string;
  readonly strict?: true;
  readonly rotateSize?: string;
  readonly rotateTime?: string;
  readonly obsPrefix?: string;
  readonly obsCycle?: string;
  readonly obsMaxRecords?: string;
  readonly batchSize?: string;
  readonly concurrency?: string;
  readonly header: readonly string[];
  readonly retries?: string;
}

/** Output formats of `--format`: the generator's. */
export const STREAM_FORMATS = TRACE_FORMATS;

/** Everything `ctsim stream` needs, validated, with defaults filled. */
export interface StreamPlan {
  /** Records per second, or `undefined` for `--max`. */
  readonly rate: number | undefined;
  readonly durationMs: number | undefined;
  readonly count: number | undefined;
  readonly sink: SinkSpec;
  readonly shape: TraceShape;
  readonly framing: Framing;
  readonly workers: number;
  readonly shard: ShardSpec;
  readonly seed: number;
  /** Epoch ms the generator's timeline starts at (`undefined`: now). */
  readonly timelineStart: number | undefined;
  /** Re-time records to now (`false`: the generator's own times, a replay). */
  readonly retime: boolean;
  readonly scenarios: readonly ScenarioName[];
  readonly statsPath: string | undefined;
  readonly strict: boolean;
  readonly rotateBytes: number | undefined;
  readonly rotateMs: number | undefined;
  readonly obsPrefix: string | undefined;
  readonly obsCycleMs: number | undefined;
  readonly obsMaxRecords: number | undefined;
  readonly batchRecords: number | undefined;
  readonly concurrency: number | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly retries: number | undefined;
}

/** Default target rate when neither `--rate` nor `--max` is given (records/s). */
export const DEFAULT_RATE = 100;

/**
 * Validates `ctsim stream` flags into a {@link StreamPlan}.
 *
 * Errors: a usage error (exit 2) for every bad value or combination.
 *
 * @example
 * resolveStreamPlan({ sink: "stdout", workers: "1", seed: "1", header: [], rate: "500" }).rate; // 500
 */
export function resolveStreamPlan(raw: RawStreamOptions): StreamPlan {
  const sink = parseSinkSpec(raw.sink);
  const format = raw.format ?? (sink.kind === "dir" ? "obs" : "ndjson");
  if (!(STREAM_FORMATS as readonly string[]).includes(format)) {
    throw usageError(`--format must be one of ${STREAM_FORMATS.join(", ")}; got "${format}"`);
  }
  if (sink.kind === "dir" && format !== "obs") {
    throw usageError(
      "dir: sinks write OBS trace files (gzipped JSON arrays of OBS-shape records): use --format obs or leave --format out",
    );
  }
  const only = <T>(
    flag: string,
    value: T | undefined,
    kinds: readonly SinkSpec["kind"][],
  ): T | undefined => {
    if (value !== undefined && !kinds.includes(sink.kind))
      throw usageError(`${flag} only applies to ${kinds.join("/")} sinks`);
    return value;
  };
  const optional = <T>(text: string | undefined, parse: (text: string) => T): T | undefined =>
    text === undefined ? undefined : parse(text);
  return {
    rate:
      raw.max === true
        ? undefined
        : raw.rate === undefined
          ? DEFAULT_RATE
          : parsePositive(raw.rate, "--rate", false),
    durationMs: optional(raw.duration, (t) => parseDuration(t, "--duration")),
    count: optional(raw.count, (t) => parsePositive(t, "--count", true)),
    sink,
    ...FORMAT_LAYOUTS[format as TraceFormat],
    workers: parsePositive(raw.workers, "--workers", true),
    shard: optional(raw.shard, parseShard) ?? { index: 0, count: 1 },
    seed: parseSeed(raw.seed),
    timelineStart: optional(raw.timelineStart, (t) => parseInstant(t, "--timeline-start")),
    retime: raw.retime !== false,
    scenarios: parseScenarios(raw.scenario ?? ""),
    statsPath: raw.stats,
    strict: raw.strict === true,
    rotateBytes: only(
      "--rotate-size",
      optional(raw.rotateSize, (t) => parseSize(t, "--rotate-size")),
      ["file"],
    ),
    rotateMs: only(
      "--rotate-time",
      optional(raw.rotateTime, (t) => parseDuration(t, "--rotate-time")),
      ["file"],
    ),
    obsPrefix: only("--obs-prefix", raw.obsPrefix, ["dir"]),
    obsCycleMs: only(
      "--obs-cycle",
      optional(raw.obsCycle, (t) => parseDuration(t, "--obs-cycle")),
      ["dir"],
    ),
    obsMaxRecords: only(
      "--obs-max-records",
      optional(raw.obsMaxRecords, (t) => parsePositive(t, "--obs-max-records", true)),
      ["dir"],
    ),
    batchRecords: only(
      "--batch-size",
      optional(raw.batchSize, (t) => parsePositive(t, "--batch-size", true)),
      ["http"],
    ),
    concurrency: only(
      "--concurrency",
      optional(raw.concurrency, (t) => parsePositive(t, "--concurrency", true)),
      ["http"],
    ),
    headers: Object.fromEntries(
      only("--header", raw.header.length === 0 ? undefined : raw.header, ["http"])?.map(
        parseHeader,
      ) ?? [],
    ),
    retries: only(
      "--retries",
      optional(raw.retries, (t) => (t === "0" ? 0 : parsePositive(t, "--retries", true))),
      ["http"],
    ),
  };
}
