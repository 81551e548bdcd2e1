import { createFileSink } from "@ctsim/generator/node";
import { Option } from "commander";
import { parseSize } from "../../internal/parse-size.js";
import { parseDuration } from "../../internal/parse-values.js";
import { defineSinkKind } from "./sink-kind.js";
import { prefixedPath } from "./sink-value.js";

/** Settings of `--sink file:PATH`. */
interface FileSettings {
  readonly rotateBytes?: number;
  readonly rotateMs?: number;
}

/** `--sink file:PATH`: a file, rotated by size and/or age to `PATH.1`, `PATH.2`, ... */
export const fileSinkKind = defineSinkKind<string, FileSettings>({
  syntax: "file:PATH",
  parse: (value) => prefixedPath(value, "file"),
  flags: [
    new Option("--rotate-size <size>", "file: rotate before the file passes this size (e.g. 64M)"),
    new Option("--rotate-time <time>", "file: rotate files older than this (e.g. 5m)"),
  ],
  settings: (flags) => ({
    ...(flags.rotateSize === undefined
      ? {}
      : { rotateBytes: parseSize(String(flags.rotateSize), "--rotate-size") }),
    ...(flags.rotateTime === undefined
      ? {}
      : { rotateMs: parseDuration(String(flags.rotateTime), "--rotate-time") }),
  }),
  open: (path, settings, { framing }) => createFileSink({ path, framing, ...settings }),
});
