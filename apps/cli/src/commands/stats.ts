import { formatCorpusStats } from "@ctsim/generator";
import { Command } from "commander";
import { usageError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import type { CommandFactory } from "../command-factory.js";
import { parseInteger } from "../internal/parse-values.js";
import { readCorpusStats } from "../stats/read-corpus-stats.js";
import { openInput } from "../validate/open-input.js";

interface StatsOptions {
  readonly utcOffset: string;
  readonly maxTracked: string;
  readonly json?: true;
}

/**
 * `ctsim stats FILE|-`: the realism report of a corpus of CTS traces (the framings and shapes
 * `ctsim validate` reads): operation mix per category, traces per hour and weekday, users with
 * their IP and agent counts, failures by code, lifecycle linkage, data and IAM shares, source IP
 * classes. Text by default, one JSON document with `--json`.
 *
 * @example
 * ctsim generate --seed 7 | ctsim stats --utc-offset +8 -
 */
export const statsCommand: CommandFactory = (io: CliIo): Command =>
  new Command("stats")
    .description(
      "Print what a reviewer needs to trust a corpus of CTS traces (NDJSON, JSON array, ListTraces pages or OBS files).",
    )
    .argument("<file>", "file to read, or - for standard input")
    .option("--utc-offset <hours>", "local time for hours and weekdays, e.g. +8 or -5:30", "0")
    .option(
      "--max-tracked <n>",
      "distinct users, IPs, names and ids each section tracks (the rest are only counted)",
      "10000",
    )
    .option("--json", "print the report as JSON")
    .action(async (file: string, options: StatsOptions) => {
      const utcOffsetMinutes = parseUtcOffset(options.utcOffset);
      const maxTracked = parseInteger(options.maxTracked, "--max-tracked", 1);
      const input = await openInput(file, io);
      const stats = await readCorpusStats(input, { utcOffsetMinutes, maxTracked });
      io.stdout.write(
        options.json === true
          ? `${JSON.stringify({ file: input.name, ...stats })}\n`
          : formatCorpusStats(stats),
      );
    });

/** `+8`, `-5:30`, `0` → minutes east of UTC (within ±14 h). */
function parseUtcOffset(text: string): number {
  const match = /^([+-]?)(\d{1,2})(?::([0-5]\d))?$/.exec(text.trim());
  const minutes = match === null ? Number.NaN : Number(match[2]) * 60 + Number(match[3] ?? 0);
  if (!(minutes <= 14 * 60))
    throw usageError(`--utc-offset must be hours like +8 or -5:30 (within ±14), got ${text}`);
  return match?.[1] === "-" ? -minutes : minutes;
}
