import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";
import { encodeApiTraceJson, generateTraces } from "@ctsim/generator";
import { batchesOptions, type LoadSummary } from "../store/load-generated-traces.js";
import type { TraceStore } from "../store/trace-store.js";
import {
  loadGeneratedTracesInWorkers,
  type WorkerLoadOptions,
} from "./load-generated-traces-in-workers.js";
import { readSnapshotFile, writeSnapshotFile } from "./snapshot-file.js";

/** Options of {@link loadStoreCached}. */
export interface CachedLoadOptions extends WorkerLoadOptions {
  /** The generated stretch's end (epoch ms): part of the cache key. */
  readonly end: number;
  /** Snapshot directory, or `false` for no cache. Default: {@link defaultCacheDir}. */
  readonly cacheDir?: string | false;
  /** Loads smaller than this are not written to the cache. Default: 50,000 traces. */
  readonly minCachedTraces?: number;
  /** Snapshots kept in the directory (the newest). Default: 3. */
  readonly keepSnapshots?: number;
}

/** How a cached load went. */
export interface CachedLoad extends LoadSummary {
  /** `loaded` from a snapshot, or `built` by the generator. */
  readonly source: "loaded" | "built";
  /** The snapshot file used or written, if any. */
  readonly file: string | undefined;
  /** Why an existing snapshot was not used (stale, corrupt), if one was tried and refused. */
  readonly refused: string | undefined;
  /** Settles when the new snapshot is written (`true`) or was not (`false`: small, off, failed). */
  readonly written: Promise<boolean>;
}

const SNAPSHOT_EXTENSION = ".ctsnap";
const require = createRequire(import.meta.url);

/**
 * The default snapshot directory: `$CTSIM_CACHE_DIR`, else `$XDG_CACHE_HOME/ctsim/mock`, else
 * `~/.cache/ctsim/mock`; `CTSIM_CACHE_DIR=off` means no cache (returns `false`).
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | false {
  const dir = env.CTSIM_CACHE_DIR;
  if (dir === "off") return false;
  if (dir !== undefined && dir !== "") return dir;
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "ctsim", "mock");
}

/**
 * Fills an empty store with a generated stretch, from a snapshot when one was written for the
 * same options and versions, else by generating it (in workers) and then writing a snapshot in
 * the background. The snapshot key holds every load option, the window's end, the versions of
 * `@ctsim/mock` and `@ctsim/generator` and a hash of the first generated traces (so a changed
 * generator invalidates snapshots even without a version bump). A stale or corrupt snapshot
 * is ignored and replaced.
 *
 * @throws {MockError} as {@link loadGeneratedTracesInWorkers} does.
 * @example
 * const load = await loadStoreCached(store, { seed: 1, end: hourEnd });
 * await load.written;
 */
export async function loadStoreCached(
  store: TraceStore,
  options: CachedLoadOptions,
): Promise<CachedLoad> {
  const dir = options.cacheDir ?? defaultCacheDir();
  const key = dir === false ? "" : keyOf(options);
  const file =
    dir === false
      ? undefined
      : join(
          dir,
          `${createHash("sha256").update(key).digest("hex").slice(0, 40)}${SNAPSHOT_EXTENSION}`,
        );
  const read = file === undefined ? undefined : readSnapshotFile(store, file, key);
  if (read?.loaded === true) {
    const projects =
      options.projectId === undefined
        ? [...store.projects()].sort((a, b) => b[1] - a[1]).map(([id]) => id)
        : [options.projectId];
    const written = Promise.resolve(false);
    return { count: store.size, projects, source: "loaded", file, refused: undefined, written };
  }
  const refused = read === undefined || read.reason === "no snapshot" ? undefined : read.reason;
  const summary = await loadGeneratedTracesInWorkers(store, options);
  const cached = file !== undefined && summary.count >= (options.minCachedTraces ?? 50_000);
  const written = cached
    ? persist(store, file, key, options.keepSnapshots ?? 3)
    : Promise.resolve(false);
  return { ...summary, source: "built", file: cached ? file : undefined, refused, written };
}

async function persist(
  store: TraceStore,
  file: string,
  key: string,
  keep: number,
): Promise<boolean> {
  try {
    mkdirSync(join(file, ".."), { recursive: true });
    await writeSnapshotFile(store, file, key);
    evict(join(file, ".."), keep);
    return true;
  } catch {
    // A cache that cannot be written only costs the next start its speed-up.
    return false;
  }
}

/** Removes all but the `keep` newest snapshots of the directory. */
function evict(dir: string, keep: number): void {
  const snapshots = readdirSync(dir)
    .filter((name) => name.endsWith(SNAPSHOT_EXTENSION))
    .map((name) => ({ path: join(dir, name), time: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of snapshots.slice(keep)) rmSync(old.path, { force: true });
}

/** Everything the stored content depends on, as one string. */
function keyOf(options: CachedLoadOptions): string {
  const generated = batchesOptions(options, options.end);
  const sample = createHash("sha256");
  let taken = 0;
  for (const event of generateTraces(generated.timeline)) {
    sample.update(encodeApiTraceJson(event));
    if (++taken === 64) break;
  }
  return JSON.stringify({
    mock: (require("../../package.json") as { version: string }).version,
    generator: (require("@ctsim/generator/package.json") as { version: string }).version,
    sample: sample.digest("hex"),
    // Equal-time order of the store (snapshots written before it changed hold another).
    order: "time, record_time, trace_id time, trace_id",
    load: generated,
  });
}
