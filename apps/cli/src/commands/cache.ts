import { MockError } from "@ctsim/mock";
import {
  defaultCacheDir,
  defaultCacheMaxBytes,
  formatByteSize,
  SnapshotCache,
  type SnapshotCacheEntry,
} from "@ctsim/mock/node";
import { Command } from "commander";
import { usageError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import type { CommandFactory } from "../command-factory.js";

const OFF = "the snapshot cache is off (CTSIM_CACHE_DIR=off): nothing to show or remove\n";

/**
 * `ctsim cache list|clear`: the store snapshots `ctsim serve` keeps, in the directory it uses
 * (`$CTSIM_CACHE_DIR`, else `$XDG_CACHE_HOME/ctsim/mock`, else `~/.cache/ctsim/mock`). `list`
 * (alias `info`) prints ctsim's files there with their sizes, last use and window, their total
 * and the limit (`$CTSIM_CACHE_MAX`, else 4 GiB), as text or `--json`; `clear` removes them,
 * the temporary files of interrupted writes too. Other files in the directory are neither
 * listed, counted nor removed.
 *
 * @example
 * ctsim cache list
 * ctsim cache clear
 */
export const cacheCommand: CommandFactory = (io: CliIo): Command =>
  new Command("cache")
    .description("List or remove the store snapshots `ctsim serve` caches.")
    .addCommand(
      new Command("list")
        .alias("info")
        .description(
          "Print the cache directory, ctsim's snapshot files in it (size, last use, window end), their total and the limit.",
        )
        .option("--json", "print one JSON document")
        .action((options: { json?: true }) => {
          const cache = openCache(io);
          if (cache === undefined) {
            io.stdout.write(options.json === true ? `${JSON.stringify({ dir: null })}\n` : OFF);
            return;
          }
          const listing = cache.list();
          if (options.json === true) {
            const entries = listing.entries.map(entryJson);
            io.stdout.write(`${JSON.stringify({ ...listing, entries })}\n`);
            return;
          }
          io.stdout.write(listText(listing.dir, listing.maxBytes, listing.entries));
        }),
    )
    .addCommand(
      new Command("clear")
        .description(
          "Remove ctsim's snapshot files (and temporary files of interrupted writes) from the cache directory; nothing else.",
        )
        .action(() => {
          const cache = openCache(io);
          if (cache === undefined) {
            io.stdout.write(OFF);
            return;
          }
          const { removed, bytes } = cache.clear();
          const left = cache.list().entries.length;
          const files = `${removed.length} file${removed.length === 1 ? "" : "s"}`;
          io.stdout.write(
            `removed ${files} (${formatByteSize(bytes)}) from ${cache.dir}${left > 0 ? `; ${left} could not be removed` : ""}\n`,
          );
        }),
    );

/** The cache the environment names, or `undefined` when it is off. */
function openCache(io: CliIo): SnapshotCache | undefined {
  const dir = defaultCacheDir(io.env);
  if (dir === false) return undefined;
  try {
    return new SnapshotCache({ dir, maxBytes: defaultCacheMaxBytes(io.env) });
  } catch (error) {
    if (error instanceof MockError) throw usageError(error.message);
    throw error;
  }
}

/** An entry with its times in ISO 8601 (what `--json` prints). */
function entryJson(entry: SnapshotCacheEntry): Record<string, unknown> {
  return {
    ...entry,
    usedAt: new Date(entry.usedAt).toISOString(),
    end: entry.end === undefined ? null : new Date(entry.end).toISOString(),
    load: entry.load ?? null,
  };
}

/** The listing as a table, least recently used first (the next to be evicted). */
function listText(dir: string, maxBytes: number, entries: readonly SnapshotCacheEntry[]): string {
  const total = entries.reduce((sum, entry) => sum + entry.bytes, 0);
  const lines = [
    `directory: ${dir}`,
    `limit: ${formatByteSize(maxBytes)} (CTSIM_CACHE_MAX, or ctsim serve --cache-max)`,
  ];
  if (entries.length > 0) {
    const rows = entries.map((entry) => [
      formatByteSize(entry.bytes),
      new Date(entry.usedAt).toISOString(),
      what(entry),
      entry.file.slice(dir.length + 1),
    ]);
    const header = ["SIZE", "LAST USED", "HOLDS", "FILE"];
    const widths = header.map((title, i) =>
      Math.max(title.length, ...rows.map((row) => (row[i] as string).length)),
    );
    for (const row of [header, ...rows]) {
      lines.push(
        row
          .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] as number)))
          .join("  "),
      );
    }
  }
  const files = `${entries.length} file${entries.length === 1 ? "" : "s"}`;
  lines.push(
    `total: ${formatByteSize(total)} in ${files}, of the ${formatByteSize(maxBytes)} limit`,
  );
  return `${lines.join("\n")}\n`;
}

/** What a file holds: the window a snapshot ends at, or the state of a temporary file. */
function what(entry: SnapshotCacheEntry): string {
  if (entry.kind === "temporary") {
    return entry.stale ? "left by an interrupted write" : "a write in progress";
  }
  return entry.end === undefined
    ? "a snapshot (older name)"
    : `window ending ${new Date(entry.end).toISOString()}`;
}
