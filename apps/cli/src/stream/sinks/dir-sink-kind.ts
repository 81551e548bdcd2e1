import { createObsDirSink } from "@ctsim/generator/node";
import { Option } from "commander";
import { parseDuration, parsePositive } from "../../internal/parse-values.js";
import { defineSinkKind } from "./sink-kind.js";
import { prefixedPath } from "./sink-value.js";

/** Settings of `--sink dir:PATH`. */
interface DirSettings {
  readonly prefix?: string;
  readonly cycleMs?: number;
  readonly maxRecords?: number;
}

/**
 * `--sink dir:PATH`: a directory standing for an OBS bucket, laid out as CTS delivers trace
 * files (gzipped JSON arrays of OBS-shape records).
 */
export const dirSinkKind = defineSinkKind<string, DirSettings>({
  syntax: "dir:PATH",
  parse: (value) => prefixedPath(value, "dir"),
  flags: [
    new Option("--obs-prefix <name>", "dir: the tracker's file_prefix_name (default ctsim)"),
    new Option(
      "--obs-cycle <time>",
      "dir: transfer cycle of trace time, one file per cycle (default 5m)",
    ),
    new Option(
      "--obs-max-records <n>",
      "dir: split a cycle's file after this many records (default 10000)",
    ),
  ],
  settings: (flags) => ({
    ...(flags.obsPrefix === undefined ? {} : { prefix: String(flags.obsPrefix) }),
    ...(flags.obsCycle === undefined
      ? {}
      : { cycleMs: parseDuration(String(flags.obsCycle), "--obs-cycle") }),
    ...(flags.obsMaxRecords === undefined
      ? {}
      : {
          maxRecords: parsePositive(String(flags.obsMaxRecords), "--obs-max-records", true),
        }),
  }),
  formats: ["obs"],
  routes: true,
  open: (dir, settings) => createObsDirSink({ dir, ...settings }),
});
