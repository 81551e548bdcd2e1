import type { ScenarioName, ShardSpec } from "@ctsim/generator";
import { FORMAT_LAYOUTS, type Framing, type TraceShape } from "@ctsim/generator/node";
import { usageError } from "../cli-error.js";
import {
  parseDuration,
  parseInstant,
  parsePositive,
  parseScenarios,
  parseSeed,
  parseShard,
} from "../internal/parse-values.js";
import type { PlannedSink } from "./sinks/sink-kind.js";
import { planSink } from "./sinks/sink-registry.js";
import { splitTamperScenarios } from "./tamper-scenario-list.js";

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
  readonly modelartsOnly?: true;
  readonly stats?: string;
  readonly strict?: true;
  /** The sinks' own flags (see `SINK_KINDS`), by commander attribute name. */
  readonly [sinkFlag: string]: unknown;
}

/** Everything `ctsim stream` needs, validated, with defaults filled. */
export interface StreamPlan {
  /** Records per second, or `undefined` for `--max`. */
  readonly rate: number | undefined;
  readonly durationMs: number | undefined;
  readonly count: number | undefined;
  /** The destination, resolved with its own flags. */
  readonly sink: PlannedSink;
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
  /** ModelArts traces only (`--modelarts-only`). */
  readonly modelartsOnly: boolean;
  readonly statsPath: string | undefined;
  readonly strict: boolean;
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
  const { sink, format } = planSink(raw.sink, raw.format, raw);
  const { tamper, rest } = splitTamperScenarios(raw.scenario ?? "");
  if (tamper.length > 0 && sink.kind !== "dir")
    throw usageError(`--scenario ${tamper.join(",")} needs --sink dir:PATH --digests`);
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
    ...FORMAT_LAYOUTS[format],
    workers: parsePositive(raw.workers, "--workers", true),
    shard: optional(raw.shard, parseShard) ?? { index: 0, count: 1 },
    seed: parseSeed(raw.seed),
    timelineStart: optional(raw.timelineStart, (t) => parseInstant(t, "--timeline-start")),
    retime: raw.retime !== false,
    // tamper-* names belong to the dir sink (read from the same flag by its settings).
    scenarios: parseScenarios(rest),
    modelartsOnly: raw.modelartsOnly === true,
    statsPath: raw.stats,
    strict: raw.strict === true,
  };
}
