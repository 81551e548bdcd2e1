import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { TamperLabel, TamperScenarioName } from "@ctsim/delivery";
import { createDeliverySink } from "@ctsim/delivery/node";
import { createObsDirSink, type TraceSink } from "@ctsim/generator/node";
import { Option } from "commander";
import { usageError } from "../../cli-error.js";
import { parseDuration, parsePositive, parseSeed } from "../../internal/parse-values.js";
import { readDigestKey } from "../../internal/read-digest-key.js";
import { splitTamperScenarios } from "../tamper-scenario-list.js";
import { defineSinkKind } from "./sink-kind.js";
import { prefixedPath } from "./sink-value.js";

/** Settings of `--sink dir:PATH`. */
interface DirSettings {
  readonly prefix?: string;
  readonly cycleMs?: number;
  readonly maxRecords?: number;
  /** Set with `--digests`: trace transfer with signed hourly digests (`@ctsim/delivery`). */
  readonly digests?: {
    readonly seed: number;
    /** `--digest-key PEM`; else the key derived from the seed. */
    readonly keyPath?: string;
    readonly tamper: readonly TamperScenarioName[];
    readonly labelsPath?: string;
  };
}

/** Where tamper labels go when `--labels` is not given, beside `CloudTraces/` in the directory. */
const DEFAULT_LABELS_FILE = "ctsim-labels.ndjson";

/**
 * `--sink dir:PATH`: a directory standing for an OBS bucket, laid out as CTS delivers trace
 * files (gzipped JSON arrays of OBS-shape records). With `--digests`, CTS's transfer as
 * `@ctsim/delivery` models it: seeded cadence, at-least-once duplicates, hourly signed digests,
 * the public key exported, and `tamper-*` scenarios from `--scenario` applied at the end.
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
    new Option(
      "--digests",
      "dir: CTS's transfer with hourly SHA256withRSA digest files (is_support_validate), seeded jitter and duplicates; check with ctsim verify",
    ),
    new Option(
      "--digest-key <pem>",
      "dir: RSA private key (PEM file) signing the digests (default: derived from --seed)",
    ),
    new Option(
      "--labels <file>",
      `dir: write the tamper-* scenario labels (NDJSON) here (default ${DEFAULT_LABELS_FILE} in the directory)`,
    ),
  ],
  settings: (flags) => {
    const { tamper } = splitTamperScenarios(String(flags.scenario ?? ""));
    const digests = flags.digests === true || flags.digestKey !== undefined;
    if (!digests && tamper.length > 0)
      throw usageError(`--scenario ${tamper.join(",")} needs --digests`);
    if (!digests && flags.labels !== undefined) throw usageError("--labels needs --digests");
    return {
      ...(flags.obsPrefix === undefined ? {} : { prefix: String(flags.obsPrefix) }),
      ...(flags.obsCycle === undefined
        ? {}
        : { cycleMs: parseDuration(String(flags.obsCycle), "--obs-cycle") }),
      ...(flags.obsMaxRecords === undefined
        ? {}
        : {
            maxRecords: parsePositive(String(flags.obsMaxRecords), "--obs-max-records", true),
          }),
      ...(digests
        ? {
            digests: {
              seed: parseSeed(String(flags.seed ?? "1")),
              ...(flags.digestKey === undefined ? {} : { keyPath: String(flags.digestKey) }),
              tamper,
              ...(flags.labels === undefined ? {} : { labelsPath: String(flags.labels) }),
            },
          }
        : {}),
    };
  },
  formats: ["obs"],
  routes: true,
  open: (dir, settings) => {
    const { digests, ...layout } = settings;
    if (digests === undefined) return createObsDirSink({ dir, ...layout });
    return openDeliverySink(dir, layout, digests);
  },
});

async function openDeliverySink(
  dir: string,
  layout: Omit<DirSettings, "digests">,
  digests: NonNullable<DirSettings["digests"]>,
): Promise<TraceSink> {
  const key = digests.keyPath === undefined ? undefined : await readDigestKey(digests.keyPath);
  const labels: TamperLabel[] = [];
  const sink = await createDeliverySink({
    dir,
    seed: digests.seed,
    ...layout,
    digests: key ?? true,
    tamper: digests.tamper,
    onLabel: (label) => labels.push(label),
  });
  if (digests.tamper.length === 0) return sink;
  const labelsPath = digests.labelsPath ?? join(dir, DEFAULT_LABELS_FILE);
  return {
    get recordsWritten() {
      return sink.recordsWritten;
    },
    get bytesWritten() {
      return sink.bytesWritten;
    },
    write: (chunk) => sink.write(chunk),
    async close() {
      await sink.close();
      const text = labels.map((label) => `${JSON.stringify(label)}\n`).join("");
      await writeFile(labelsPath, text).catch((error: unknown) => {
        throw new Error(`cannot write --labels ${labelsPath}: ${(error as Error).message}`);
      });
    },
  };
}
