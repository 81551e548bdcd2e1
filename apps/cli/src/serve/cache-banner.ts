import { type CachedLoad, formatByteSize, type SnapshotCacheEntry } from "@ctsim/mock/node";

const PREFIX = "ctsim serve: snapshot cache:";

/**
 * What `ctsim serve` says on stderr about its snapshot cache once the store is ready: the
 * snapshot loaded, or derived from (an earlier window's: how long it took and what it kept,
 * dropped and generated), or being written and its size, the bytes of ctsim's files in the directory
 * against the limit, each file evicted to make room, and why a store worth caching is not
 * written (over the limit). Nothing when the cache is off or the store is too small to be
 * written (nothing on disk is read, written or removed then).
 *
 * @example io.stderr.write(cacheBanner(service.load));
 */
export function cacheBanner(load: CachedLoad): string {
  const cache = load.cache;
  if (cache === undefined || cache.bytes === undefined) return "";
  const limit = `limit ${formatByteSize(cache.maxBytes)} (--cache-max, CTSIM_CACHE_MAX)`;
  const holds = (verb: string): string =>
    `${cache.dir} ${verb} ${formatByteSize(cache.totalBytes)} of ctsim's, ${limit}`;
  const size = formatByteSize(cache.bytes);
  const lines = cache.evicted.map((entry) => `${PREFIX} ${evictedLine(entry)}`);
  const derived = load.derived;
  if (derived !== undefined) {
    const seconds = (derived.ms / 1000).toFixed(1);
    lines.push(
      `${PREFIX} derived from ${derived.file} (the window ending ${new Date(derived.end).toISOString()}) in ${seconds} s: kept ${derived.kept} traces, dropped ${derived.dropped} older, generated ${derived.added} since`,
    );
  }
  if (load.source === "loaded") {
    lines.push(`${PREFIX} loaded ${load.file} (${size}); ${holds("holds")}`);
  } else if (load.file !== undefined) {
    lines.push(`${PREFIX} writing ${load.file} (${size}); ${holds("will hold")}`);
  } else {
    lines.push(`${PREFIX} not written: ${cache.notWritten}; ${holds("holds")}`);
  }
  return `${lines.map((line) => `${line}\n`).join("")}`;
}

/** How the background write of a snapshot ended (for {@link cacheWrittenLine}). */
export interface CacheWriteOutcome {
  /** What `CachedLoad.written` resolved to. */
  readonly written: boolean;
  /** Why it failed, as `onCacheError` was told. Default: no reason given. */
  readonly error?: Error;
}

/**
 * The stderr line once the background write settles: where and how big, or that it failed.
 *
 * @example io.stderr.write(cacheWrittenLine(service.load, { written: true }));
 */
export function cacheWrittenLine(load: CachedLoad, outcome: CacheWriteOutcome): string {
  const { written, error } = outcome;
  if (written) return `${PREFIX} wrote ${load.file} (${formatByteSize(load.cache?.bytes ?? 0)})\n`;
  const why = error === undefined ? "" : `: ${error.message}`;
  return `${PREFIX} could not write ${load.file}${why} (the next start builds the store again)\n`;
}

/** `evicted F (1.34 GiB, last used …)` or, for a temporary file, what left it. */
function evictedLine(entry: SnapshotCacheEntry): string {
  const size = formatByteSize(entry.bytes);
  if (entry.kind === "temporary") {
    return `removed ${entry.file} (${size}), left by an interrupted write`;
  }
  return `evicted ${entry.file} (${size}, last used ${new Date(entry.usedAt).toISOString()}) to make room`;
}
