import { TRACE_FORMATS, type TraceFormat } from "@ctsim/generator";
import type { Option } from "commander";
import { usageError } from "../../cli-error.js";
import { dirSinkKind } from "./dir-sink-kind.js";
import { fileSinkKind } from "./file-sink-kind.js";
import { httpSinkKind } from "./http-sink-kind.js";
import type { PlannedSink, SinkEntry } from "./sink-kind.js";
import { stdoutSinkKind } from "./stdout-sink-kind.js";

/** Every kind of `--sink`, by name, in the order help lists them. */
export const SINK_KINDS = {
  stdout: stdoutSinkKind,
  file: fileSinkKind,
  dir: dirSinkKind,
  http: httpSinkKind,
} as const satisfies Record<string, SinkEntry>;

/** The name of a kind of sink. */
export type SinkName = keyof typeof SINK_KINDS;

const kinds = Object.entries(SINK_KINDS) as [SinkName, SinkEntry][];

/** `stdout | file:PATH | dir:PATH | http(s)://URL`, for help and messages. */
export const SINK_SYNTAX = kinds.map(([, kind]) => kind.syntax).join(" | ");

/** Every sink's own flags, for the command to register. */
export function sinkFlags(): Option[] {
  return kinds.flatMap(([, kind]) => [...kind.flags]);
}

/** A `--sink` value resolved against the registry, with the format it goes with. */
export interface SinkPlan {
  readonly sink: PlannedSink;
  readonly format: TraceFormat;
}

/**
 * Resolves `--sink` and `--format` with the flags commander parsed: finds the kind, reads its
 * own flags, refuses another kind's flags and a format the kind does not take.
 *
 * Errors: a usage error (exit 2) for an unknown spelling, a bad flag value, a flag of another
 * sink, or a format the sink does not take.
 *
 * @example
 * planSink("file:/tmp/t.ndjson", undefined, { rotateSize: "64M" }).sink.kind; // "file"
 */
export function planSink(
  value: string,
  format: string | undefined,
  flags: Readonly<Record<string, unknown>>,
): SinkPlan {
  for (const [name, kind] of kinds) {
    const read = kind.match(value);
    if (read === undefined) continue;
    for (const [other, otherKind] of kinds) {
      if (other === name) continue;
      const foreign = otherKind.flags.find((flag) => flags[flag.attributeName()] !== undefined);
      if (foreign !== undefined)
        throw usageError(`${foreign.long} only applies to ${other} sinks (${otherKind.syntax})`);
    }
    const open = read(flags);
    const formats = kind.formats ?? TRACE_FORMATS;
    const chosen = format ?? formats[0]!;
    if (!(formats as readonly string[]).includes(chosen)) {
      throw usageError(
        `${kind.syntax} sinks take --format ${formats.join(" or ")}: use --format ${formats[0]} or leave --format out (got ${chosen})`,
      );
    }
    return { sink: { kind: name, routes: kind.routes, open }, format: chosen as TraceFormat };
  }
  throw usageError(`--sink must be ${SINK_SYNTAX}; got "${value}"`);
}
