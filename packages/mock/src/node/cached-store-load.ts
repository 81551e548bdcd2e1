import { createHash } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { type AnomalyLabel, encodeApiTraceJson, generateTraces } from "@ctsim/generator";
import { batchesOptions, type LoadSummary } from "../store/load-generated-traces.js";
import type { TraceStore } from "../store/trace-store.js";
import { defaultCacheDir } from "./cache-defaults.js";
import {
  loadGeneratedTracesInWorkers,
  type WorkerLoadOptions,
} from "./load-generated-traces-in-workers.js";
import { SnapshotCache, type SnapshotCacheEntry } from "./snapshot-cache.js";
import {
  type EncodedSnapshot,
  encodeSnapshot,
  readSnapshotFile,
  writeEncodedSnapshot,
} from "./snapshot-file.js";

/** Options of {@link loadStoreCached}. */
export interface CachedLoadOptions extends WorkerLoadOptions {
  /** The generated stretch's end (epoch ms): part of the cache key. */
  readonly end: number;
  /** Snapshot directory, or `false` for no cache. Default: {@link defaultCacheDir}. */
  readonly cacheDir?: string | false;
  /**
   * Most bytes ctsim's snapshots (and temporary files of writes in progress) may take in the
   * directory: the least recently used are evicted to make room for a new one, and a snapshot
   * larger than the limit is not written. 0 writes nothing (existing snapshots are still read).
   * Default: `defaultCacheMaxBytes()` (`$CTSIM_CACHE_MAX`, else 4 GiB).
   */
  readonly cacheMaxBytes?: number;
  /** Loads smaller than this are not written to the cache. Default: 50,000 traces. */
  readonly minCachedTraces?: number;
  /**
   * Told when the snapshot cannot be written (full disk, no permission); the store is served
   * all the same, only the next start is slower. Default: ignored.
   */
  readonly onCacheError?: (error: Error) => void;
}

/** How a cached load went. */
export interface CachedLoad extends LoadSummary {
  /** `loaded` from a snapshot, or `built` by the generator. */
  readonly source: "loaded" | "built";
  /** The snapshot file used or being written, if any. */
  readonly file: string | undefined;
  /** Why an existing snapshot was not used (stale, corrupt), if one was tried and refused. */
  readonly refused: string | undefined;
  /** Settles when the new snapshot is written (`true`) or was not (`false`: small, off, failed). */
  readonly written: Promise<boolean>;
  /** What the cache held and did; `undefined` when it is off. */
  readonly cache: CacheReport | undefined;
}

/** What {@link loadStoreCached} found in the cache directory and did to it. */
export interface CacheReport {
  readonly dir: string;
  /** The limit (`cacheMaxBytes`). */
  readonly maxBytes: number;
  /** Size of the snapshot loaded or being written; `undefined` when there is none. */
  readonly bytes: number | undefined;
  /** Why the built store is not written (small, over the limit), if it is not. */
  readonly notWritten: string | undefined;
  /** ctsim's files removed to make room (stale temporary files, least recently used snapshots). */
  readonly evicted: readonly SnapshotCacheEntry[];
  /** Bytes of ctsim's files in the directory, counting the snapshot being written. */
  readonly totalBytes: number;
  /**
   * Window ends (epoch ms, newest first) of snapshots of the same load options for other
   * windows: with the clock in a new hour, these are why a built store had a snapshot "nearly".
   * A shifted window cannot be derived from one (see the package README), so it is generated.
   */
  readonly otherWindows: readonly number[];
}

const require = createRequire(import.meta.url);

/**
 * Fills an empty store with a generated stretch, from a snapshot when one was written for the
 * same options, window and versions, else by generating it (in workers) and then writing a
 * snapshot (with the load's scenario labels) in the background, after evicting the least recently used snapshots until the
 * directory's limit holds it (see {@link SnapshotCache}). The snapshot key holds every load
 * option, the window's end, the versions of `@ctsim/mock` and `@ctsim/generator` and a hash of
 * the first generated traces (so a changed generator invalidates snapshots even without a
 * version bump). A stale or corrupt snapshot is ignored, removed and replaced.
 *
 * @throws {MockError} as {@link loadGeneratedTracesInWorkers} does; `CTSIM_MOCK_INVALID_OPTION`
 *   for a bad `cacheMaxBytes` or an `end` outside years 1970–9999 (with a cache).
 * @example
 * const load = await loadStoreCached(store, { seed: 1, end: hourEnd, cacheMaxBytes: 2 ** 31 });
 * await load.written;
 */
export async function loadStoreCached(
  store: TraceStore,
  options: CachedLoadOptions,
): Promise<CachedLoad> {
  const dir = options.cacheDir ?? defaultCacheDir();
  if (dir === false) {
    const summary = await loadGeneratedTracesInWorkers(store, options);
    const written = Promise.resolve(false);
    return {
      ...summary,
      source: "built",
      file: undefined,
      refused: undefined,
      written,
      cache: undefined,
    };
  }
  const cache = new SnapshotCache({
    dir,
    ...(options.cacheMaxBytes === undefined ? {} : { maxBytes: options.cacheMaxBytes }),
  });
  const { key, load } = keyOf(options);
  const file = cache.fileFor(load, options.end);
  const read = readSnapshotFile(store, file, key);
  const report = { dir, maxBytes: cache.maxBytes, evicted: [], otherWindows: [] };
  if (read.loaded) {
    cache.markUsed(file);
    const projects =
      options.projectId === undefined
        ? [...store.projects()].sort((a, b) => b[1] - a[1]).map(([id]) => id)
        : [options.projectId];
    const { totalBytes } = cache.list();
    return {
      count: store.size,
      projects,
      labels: read.annex === undefined ? [] : (JSON.parse(read.annex) as AnomalyLabel[]),
      source: "loaded",
      file,
      refused: undefined,
      written: Promise.resolve(false),
      cache: { ...report, bytes: read.bytes, notWritten: undefined, totalBytes },
    };
  }
  const refused = read.reason === "no snapshot" ? undefined : read.reason;
  // A refused file of this very name can never be loaded: it only holds space.
  if (refused !== undefined) rmSync(file, { force: true });
  const otherWindows = cache
    .list()
    .entries.flatMap((entry) =>
      entry.kind === "snapshot" && entry.load === load && entry.end !== undefined
        ? [entry.end]
        : [],
    )
    .sort((a, b) => b - a);
  const summary = await loadGeneratedTracesInWorkers(store, options);
  const built = { ...summary, source: "built" as const, refused };
  const minimum = options.minCachedTraces ?? 50_000;
  if (summary.count < minimum) {
    const notWritten = `${summary.count} traces, under the ${minimum} worth a snapshot`;
    const { totalBytes } = cache.list();
    const cached = { ...report, otherWindows, bytes: undefined, notWritten, totalBytes };
    return { ...built, file: undefined, written: Promise.resolve(false), cache: cached };
  }
  // The labels travel in the snapshot: a store loaded from it has its ground truth too.
  const annex = summary.labels.length === 0 ? undefined : JSON.stringify(summary.labels);
  const snapshot = encodeSnapshot(store, key, annex);
  const room = cache.makeRoom(snapshot.bytes);
  const cached = {
    ...report,
    otherWindows,
    bytes: snapshot.bytes,
    notWritten: room.reason,
    evicted: room.removed,
    totalBytes: room.totalBytes + (room.fits ? snapshot.bytes : 0),
  };
  if (!room.fits) {
    return { ...built, file: undefined, written: Promise.resolve(false), cache: cached };
  }
  const written = persist(snapshot, file, options.onCacheError);
  return { ...built, file, written, cache: cached };
}

async function persist(
  snapshot: EncodedSnapshot,
  file: string,
  onError: ((error: Error) => void) | undefined,
): Promise<boolean> {
  try {
    mkdirSync(dirname(file), { recursive: true });
    await writeEncodedSnapshot(snapshot, file);
    return true;
  } catch (error) {
    // A cache that cannot be written only costs the next start its speed-up.
    onError?.(error instanceof Error ? error : new Error(String(error)));
    return false;
  }
}

/**
 * Everything the stored content depends on, as one string (`key`, checked against the
 * snapshot's header), and a hash of the same without the window (`load`, the first part of the
 * file's name, so snapshots of one load in other windows can be told apart).
 */
function keyOf(options: CachedLoadOptions): { key: string; load: string } {
  const generated = batchesOptions(options, options.end);
  const sample = createHash("sha256");
  let taken = 0;
  for (const event of generateTraces(generated.timeline)) {
    sample.update(encodeApiTraceJson(event));
    if (++taken === 64) break;
  }
  // The window (now, from, to) becomes its span: the name carries the end.
  const { now, from, to, ...timeline } = generated.timeline;
  const versions = {
    mock: (require("../../package.json") as { version: string }).version,
    generator: (require("@ctsim/generator/package.json") as { version: string }).version,
    // Equal-time order of the store (snapshots written before it changed hold another).
    order: "time, record_time, trace_id time, trace_id",
  };
  const windowless = { ...generated, timeline: { ...timeline, span: (to ?? 0) - (from ?? 0) } };
  const load = createHash("sha256")
    .update(JSON.stringify({ ...versions, load: windowless }))
    .digest("hex")
    .slice(0, 16);
  const key = JSON.stringify({ ...versions, sample: sample.digest("hex"), load: generated });
  return { key, load };
}
