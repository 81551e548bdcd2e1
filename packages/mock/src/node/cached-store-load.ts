import { createHash } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import {
  type AnomalyLabel,
  encodeApiTraceJson,
  generateTraces,
  type SessionStart,
} from "@ctsim/generator";
import { batchesOptions, type LoadSummary, runOf } from "../store/load-generated-traces.js";
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
  /**
   * `loaded` from this window's snapshot, `derived` from the snapshot of an earlier window of
   * the same run (see {@link DerivedLoad}), or `built` by the generator.
   */
  readonly source: "loaded" | "derived" | "built";
  /** For a `derived` load: the snapshot it started from and what it took. */
  readonly derived: DerivedLoad | undefined;
  /** The snapshot file used or being written, if any. */
  readonly file: string | undefined;
  /** Why an existing snapshot was not used (stale, corrupt), if one was tried and refused. */
  readonly refused: string | undefined;
  /** Settles when the new snapshot is written (`true`) or was not (`false`: small, off, failed). */
  readonly written: Promise<boolean>;
  /** What the cache held and did; `undefined` when it is off. */
  readonly cache: CacheReport | undefined;
}

/**
 * A store derived from the snapshot of an earlier window of the same load (`anchor: "day"`,
 * same UTC day of the window's start): its traces before the new window dropped, the hours
 * since its end generated and appended. The result holds the same traces, in the same order,
 * as building the new window (tested).
 */
export interface DerivedLoad {
  /** The snapshot read. */
  readonly file: string;
  /** Its window's end (epoch ms). */
  readonly end: number;
  /** Traces kept from it. */
  readonly kept: number;
  /** Its traces before the new window, dropped. */
  readonly dropped: number;
  /** Traces generated for the hours since its end. */
  readonly added: number;
  /**
   * Whether the run resumed at the snapshot's end from the sessions open there (kept in the
   * snapshot), generating nothing before it; else (a snapshot without them) it was generated
   * from its anchor, the earlier traces skipped.
   */
  readonly resumed: boolean;
  /** Milliseconds the derivation took: reading, dropping, generating and indexing. */
  readonly ms: number;
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
   * windows. A later window is derived from the newest earlier one of the same run (`anchor:
   * "day"`: a window starting on the same UTC day); with another run, or the window anchor,
   * these are why a built store had a snapshot "nearly" (see the package README).
   */
  readonly otherWindows: readonly number[];
}

const require = createRequire(import.meta.url);

/**
 * Fills an empty store with a generated stretch, from a snapshot when one was written for the
 * same options, window and versions; else, with `anchor: "day"`, by deriving it from the
 * snapshot of the newest earlier window of the same run (see {@link DerivedLoad}); else by
 * generating it (in workers). A derived or built store is then written as a snapshot in the
 * background, after evicting the least recently used snapshots until the
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
      derived: undefined,
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
    const { totalBytes } = cache.list();
    return {
      count: store.size,
      projects: projectsOf(store, options),
      labels: annexOf(read.annex).labels,
      open: annexOf(read.annex).open ?? [],
      source: "loaded",
      derived: undefined,
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
  const derivation = await derive(store, options, cache, load, otherWindows);
  const derived = derivation?.derived;
  const summary =
    derivation === undefined
      ? await loadGeneratedTracesInWorkers(store, options)
      : {
          count: store.size,
          projects: projectsOf(store, options),
          labels: [],
          open: derivation.open,
        };
  const built = {
    ...summary,
    source: derived === undefined ? ("built" as const) : ("derived" as const),
    derived,
    refused,
  };
  const minimum = options.minCachedTraces ?? 50_000;
  if (summary.count < minimum) {
    const notWritten = `${summary.count} traces, under the ${minimum} worth a snapshot`;
    const { totalBytes } = cache.list();
    const cached = { ...report, otherWindows, bytes: undefined, notWritten, totalBytes };
    return { ...built, file: undefined, written: Promise.resolve(false), cache: cached };
  }
  // The labels travel in the snapshot (a store loaded from it has its ground truth too), and a
  // run that goes on past the window keeps its open sessions: the next hour resumes there.
  const annex = annexText(summary.labels, options.anchor === "day" ? summary.open : undefined);
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

/**
 * Fills the empty store from the snapshot of the newest earlier window of the same run, minus
 * its traces before the new window, plus the run's traces since its end; `undefined` (store
 * still empty) when there is none or it cannot be read (a refused one is removed).
 */
async function derive(
  store: TraceStore,
  options: CachedLoadOptions,
  cache: SnapshotCache,
  load: string,
  windows: readonly number[],
): Promise<{ derived: DerivedLoad; open: readonly SessionStart[] } | undefined> {
  // Scenario labels are not derived (the ledger of occurrences in progress is not kept): a
  // load with scenarios is built.
  if (options.anchor !== "day" || (options.scenarios?.length ?? 0) > 0) return undefined;
  const started = performance.now();
  const days = options.days ?? 7;
  const startOf = (end: number): number => end - days * DAY_MS;
  const run = runOf("day", startOf(options.end), options.end, days);
  const end = windows.find(
    (other) => other < options.end && runOf("day", startOf(other), other, days).from === run.from,
  );
  if (end === undefined) return undefined;
  const file = cache.fileFor(load, end);
  const read = readSnapshotFile(store, file, keyOf({ ...options, end }).key);
  if (!read.loaded) {
    if (read.reason !== "no snapshot") rmSync(file, { force: true });
    return undefined;
  }
  const dropped = store.dropBefore(startOf(options.end));
  const kept = store.size;
  const open = annexOf(read.annex).open;
  // Resumed, only the hours since are generated: fewer traces than a worker's start is worth.
  const added = await loadGeneratedTracesInWorkers(store, {
    ...options,
    since: end,
    ...(open === undefined ? {} : { openAtSince: open, workers: 0 }),
  });
  const ms = performance.now() - started;
  const resumed = open !== undefined;
  const derived = { file, end, kept, dropped, added: added.count, resumed, ms };
  return { derived, open: added.open };
}

/** A snapshot's annex: `{"labels": [...], "open": [...]}`, each part only when there is one. */
function annexText(
  labels: readonly AnomalyLabel[],
  open: readonly SessionStart[] | undefined,
): string | undefined {
  if (labels.length === 0 && open === undefined) return undefined;
  return JSON.stringify({
    ...(labels.length === 0 ? {} : { labels }),
    ...(open === undefined ? {} : { open }),
  });
}

/**
 * What a snapshot's annex holds: its load's labels, and the run's open sessions (`undefined`
 * when it has none or they do not look like session starts: the run is then generated from
 * its anchor). The annex is checksummed with the snapshot.
 */
function annexOf(annex: string | undefined): {
  labels: readonly AnomalyLabel[];
  open: readonly SessionStart[] | undefined;
} {
  if (annex === undefined) return { labels: [], open: undefined };
  const parsed = JSON.parse(annex) as { labels?: AnomalyLabel[]; open?: unknown };
  return { labels: parsed.labels ?? [], open: sessionStarts(parsed.open) };
}

function sessionStarts(open: unknown): readonly SessionStart[] | undefined {
  if (!Array.isArray(open)) return undefined;
  const valid = open.every((start: Partial<SessionStart> | null) => {
    if (typeof start !== "object" || start === null) return false;
    const { time, index, tenant, sessionClass } = start;
    return (
      Number.isFinite(time) &&
      Number.isSafeInteger(index) &&
      Number.isSafeInteger(tenant) &&
      (sessionClass === "human" || sessionClass === "bot")
    );
  });
  return valid ? (open as SessionStart[]) : undefined;
}

/** The projects of a store not filled by a merger, most traces first (then by id). */
function projectsOf(store: TraceStore, options: CachedLoadOptions): string[] {
  if (options.projectId !== undefined) return [options.projectId];
  return [...store.projects()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([id]) => id);
}

const DAY_MS = 86_400_000;

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
  // The window (now, from, to, the kept stretch, the rate's window) becomes its spans: the
  // name carries the end.
  const { now, from, to, expectedCountWindow, ...timeline } = generated.timeline;
  const { keep, ...rest } = generated;
  const versions = {
    mock: (require("../../package.json") as { version: string }).version,
    generator: (require("@ctsim/generator/package.json") as { version: string }).version,
    // Equal-time order of the store (snapshots written before it changed hold another).
    order: "time, record_time, trace_id time, trace_id",
  };
  const spans =
    keep === undefined
      ? { span: (to ?? 0) - (from ?? 0) }
      : { span: (to ?? 0) - (from ?? 0), kept: keep.to - keep.from, anchor: options.anchor };
  const windowless = { ...rest, timeline: { ...timeline, ...spans } };
  const load = createHash("sha256")
    .update(JSON.stringify({ ...versions, load: windowless }))
    .digest("hex")
    .slice(0, 16);
  const key = JSON.stringify({ ...versions, sample: sample.digest("hex"), load: generated });
  return { key, load };
}
