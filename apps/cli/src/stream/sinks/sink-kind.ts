import type { TraceFormat } from "@ctsim/generator";
import type { Framing, TraceSink } from "@ctsim/generator/node";
import type { Option } from "commander";
import type { CliIo } from "../../cli-io.js";

/** What opening a sink needs besides its own settings. */
export interface SinkContext {
  /** How records are framed (from `--format`). */
  readonly framing: Framing;
  /** Where stdout goes (tests capture it). */
  readonly io: CliIo;
}

/**
 * One kind of `ctsim stream --sink`: how its value is spelled, the flags that belong to it, and
 * how to open it. Adding a sink is one file exporting a `SinkKind` and one line in
 * `SINK_KINDS`; the command, the plan and the help read everything else from there.
 */
export interface SinkKind<Target = unknown, Settings = unknown> {
  /** How `--sink` spells it, for help and messages, e.g. `file:PATH`. */
  readonly syntax: string;
  /** The target a `--sink` value names, or `undefined` when the value is not of this kind. */
  parse(value: string): Target | undefined;
  /** Flags that only apply to this kind (commander options, attribute names unique). */
  readonly flags: readonly Option[];
  /**
   * This kind's settings from the parsed flags (commander's attribute names).
   *
   * Errors: a usage error for a bad value.
   */
  settings(flags: Readonly<Record<string, unknown>>): Settings;
  /** Formats it takes (the first is its default). Default: every format, ndjson first. */
  readonly formats?: readonly TraceFormat[];
  /** Whether records must carry their OBS route (`TraceChunk.routes`). Default `false`. */
  readonly routes?: boolean;
  /**
   * Opens the destination, so that one that cannot be written fails before anything is
   * generated.
   */
  open(target: Target, settings: Settings, context: SinkContext): Promise<TraceSink>;
}

/**
 * A {@link SinkKind} with its target and settings types hidden, so kinds of different types
 * sit in one registry: `match` recognises a `--sink` value and returns what reads the flags and
 * opens the sink.
 */
export interface SinkEntry {
  readonly syntax: string;
  readonly flags: readonly Option[];
  readonly formats: readonly TraceFormat[] | undefined;
  readonly routes: boolean;
  match(
    value: string,
  ): ((flags: Readonly<Record<string, unknown>>) => PlannedSink["open"]) | undefined;
}

/**
 * Registers a kind of sink: hides its types behind {@link SinkEntry}.
 *
 * @example
 * export const fileSinkKind = defineSinkKind<string, FileSettings>({ syntax: "file:PATH", ... });
 */
export function defineSinkKind<Target, Settings>(kind: SinkKind<Target, Settings>): SinkEntry {
  return {
    syntax: kind.syntax,
    flags: kind.flags,
    formats: kind.formats,
    routes: kind.routes ?? false,
    match(value) {
      const target = kind.parse(value);
      if (target === undefined) return undefined;
      return (flags) => {
        const settings = kind.settings(flags);
        return (context) => kind.open(target, settings, context);
      };
    },
  };
}

/** A `--sink` resolved with its settings: ready to open. */
export interface PlannedSink {
  /** The registry name of its kind, e.g. `"file"`. */
  readonly kind: string;
  /** Whether records must carry their OBS route. */
  readonly routes: boolean;
  open(context: SinkContext): Promise<TraceSink>;
}
