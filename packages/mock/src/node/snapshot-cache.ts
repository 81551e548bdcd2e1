import { readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { MockError, MockErrorCode } from "../mock-error.js";
import { formatByteSize } from "./byte-size.js";
import { defaultCacheMaxBytes } from "./cache-defaults.js";

/** Options of {@link SnapshotCache}. */
export interface SnapshotCacheOptions {
  /** The directory (it need not exist; it is not created here). */
  readonly dir: string;
  /**
   * Most bytes ctsim's files may take in the directory, snapshots and temporary files of writes
   * in progress together; 0 writes nothing. Default: {@link defaultCacheMaxBytes}
   * (`$CTSIM_CACHE_MAX`, else 4 GiB).
   */
  readonly maxBytes?: number;
}

/** One of ctsim's files in the cache directory. */
export interface SnapshotCacheEntry {
  /** Its path. */
  readonly file: string;
  /** A snapshot, or the temporary file of a snapshot being written (or left by a crash). */
  readonly kind: "snapshot" | "temporary";
  readonly bytes: number;
  /** When it was last written or loaded (epoch ms: the file's mtime). */
  readonly usedAt: number;
  /** The hash of the load options it holds (its name's first part); none for older names. */
  readonly load: string | undefined;
  /** The end of the window it holds (epoch ms, from its name); none for older names. */
  readonly end: number | undefined;
  /** A temporary file whose writer is gone (no such process, or untouched for an hour). */
  readonly stale: boolean;
}

/** The cache directory's content, as far as it is ctsim's. */
export interface SnapshotCacheListing {
  readonly dir: string;
  readonly maxBytes: number;
  /** ctsim's files, least recently used first (the order eviction takes). */
  readonly entries: readonly SnapshotCacheEntry[];
  /** Their bytes together. */
  readonly totalBytes: number;
}

/** What {@link SnapshotCache.makeRoom} did. */
export interface RoomMade {
  /** Whether the new file fits now; else nothing was evicted and nothing should be written. */
  readonly fits: boolean;
  /** Why it does not fit. */
  readonly reason: string | undefined;
  /** Files removed: stale temporary files, then least recently used snapshots. */
  readonly removed: readonly SnapshotCacheEntry[];
  /** ctsim's bytes in the directory after the removals, without the new file. */
  readonly totalBytes: number;
}

const EXTENSION = ".ctsnap";
/** `<load hash>-<window end, ISO 8601 basic>.ctsnap`, or the older `<key hash>.ctsnap`. */
const SNAPSHOT_NAME = /^(?:([0-9a-f]{16})-(\d{8}T\d{6}\.\d{3}Z)|[0-9a-f]{40})\.ctsnap$/;
/** What `writeSnapshotFile` writes before renaming: `<snapshot name>.<pid>.tmp`. */
const TEMPORARY_NAME = /^(.+\.ctsnap)\.(\d+)\.tmp$/;
/** A temporary file untouched this long is left over, whatever process has its pid now. */
const STALE_AFTER_MS = 3_600_000;
/** Years a window end may have to be named (ISO 8601's four digits). */
const LAST_END = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * ctsim's store snapshots in one directory, kept under a size limit by evicting the least
 * recently used (a snapshot counts as used when written and when loaded: its mtime is set).
 * Only files named as ctsim names them are listed, counted or removed: anything else in the
 * directory is left alone and not counted.
 *
 * @example
 * const cache = new SnapshotCache({ dir: defaultCacheDir() as string, maxBytes: 2 ** 32 });
 * const room = cache.makeRoom(bytes);
 * if (room.fits) await writeSnapshotFile(store, cache.fileFor(load, end), key);
 */
export class SnapshotCache {
  readonly dir: string;
  readonly maxBytes: number;

  constructor(options: SnapshotCacheOptions) {
    const maxBytes = options.maxBytes ?? defaultCacheMaxBytes();
    if (!(Number.isSafeInteger(maxBytes) && maxBytes >= 0)) {
      throw new MockError(
        MockErrorCode.invalidOption,
        `cacheMaxBytes ${maxBytes} must be a whole number of bytes, 0 or more`,
      );
    }
    this.dir = options.dir;
    this.maxBytes = maxBytes;
  }

  /**
   * The snapshot file of a load (`load`: a hash of its options, 16 hex digits) whose window ends
   * at `end`: the name says both, so the snapshots of one load in other windows can be told.
   *
   * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` for a bad hash or an end outside years 0–9999.
   */
  fileFor(load: string, end: number): string {
    if (!/^[0-9a-f]{16}$/.test(load) || !(Number.isInteger(end) && end >= 0 && end <= LAST_END)) {
      throw new MockError(
        MockErrorCode.invalidOption,
        `a snapshot is named by a 16-hex-digit load hash and a window end in years 1970-9999; got ${load}, ${end}`,
      );
    }
    const stamp = new Date(end).toISOString().replace(/[-:]/g, "");
    return join(this.dir, `${load}-${stamp}${EXTENSION}`);
  }

  /** ctsim's files in the directory, least recently used first (empty if there is none). */
  list(): SnapshotCacheListing {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      names = [];
    }
    const now = Date.now();
    const entries: SnapshotCacheEntry[] = [];
    for (const name of names) {
      const entry = entryOf(this.dir, name, now);
      if (entry !== undefined) entries.push(entry);
    }
    entries.sort((a, b) => a.usedAt - b.usedAt || (a.file < b.file ? -1 : 1));
    const totalBytes = entries.reduce((sum, entry) => sum + entry.bytes, 0);
    return { dir: this.dir, maxBytes: this.maxBytes, entries, totalBytes };
  }

  /**
   * Marks a snapshot as just used (its mtime and atime set to now), so eviction takes it last.
   * A file that cannot be touched (read-only cache) is left as it is.
   */
  markUsed(file: string): void {
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // Only the eviction order suffers.
    }
  }

  /**
   * Makes room for a new file of `bytes`: removes stale temporary files, then the least
   * recently used snapshots until ctsim's files and the new one fit within `maxBytes`. A file
   * larger than the limit on its own, or one that would not fit even with every snapshot gone
   * (other writes in progress hold the rest), evicts nothing and does not fit.
   */
  makeRoom(bytes: number): RoomMade {
    const { entries } = this.list();
    const removed: SnapshotCacheEntry[] = [];
    const kept: SnapshotCacheEntry[] = [];
    for (const entry of entries) {
      if (entry.stale && remove(entry)) removed.push(entry);
      else kept.push(entry);
    }
    let totalBytes = kept.reduce((sum, entry) => sum + entry.bytes, 0);
    const size = formatByteSize(bytes);
    const limit = formatByteSize(this.maxBytes);
    if (bytes > this.maxBytes) {
      const reason =
        this.maxBytes === 0
          ? "the cache's limit is 0"
          : `${size} is over the cache's limit of ${limit}`;
      return { fits: false, reason, removed, totalBytes };
    }
    const evictable = kept.filter((entry) => entry.kind === "snapshot");
    const pinned = totalBytes - evictable.reduce((sum, entry) => sum + entry.bytes, 0);
    if (pinned + bytes > this.maxBytes) {
      const reason = `${size} does not fit the ${limit} limit beside the ${formatByteSize(pinned)} of other writes in progress`;
      return { fits: false, reason, removed, totalBytes };
    }
    for (const entry of evictable) {
      if (totalBytes + bytes <= this.maxBytes) break;
      if (remove(entry)) {
        removed.push(entry);
        totalBytes -= entry.bytes;
      }
    }
    if (totalBytes + bytes > this.maxBytes) {
      const reason = `${size} does not fit the ${limit} limit: files that could not be removed hold ${formatByteSize(totalBytes)}`;
      return { fits: false, reason, removed, totalBytes };
    }
    return { fits: true, reason: undefined, removed, totalBytes };
  }

  /**
   * Removes every snapshot and temporary file of ctsim's in the directory (a write still in
   * progress then fails to rename and writes nothing); other files stay.
   */
  clear(): { readonly removed: readonly SnapshotCacheEntry[]; readonly bytes: number } {
    const removed = this.list().entries.filter(remove);
    return { removed, bytes: removed.reduce((sum, entry) => sum + entry.bytes, 0) };
  }
}

/** The entry of `name` if it is one of ctsim's regular files. */
function entryOf(dir: string, name: string, now: number): SnapshotCacheEntry | undefined {
  const temporary = TEMPORARY_NAME.exec(name);
  const snapshotName = temporary === null ? name : (temporary[1] as string);
  const snapshot = SNAPSHOT_NAME.exec(snapshotName);
  if (snapshot === null) return undefined;
  const file = join(dir, name);
  let stats: { isFile(): boolean; size: number; mtimeMs: number };
  try {
    stats = statSync(file);
  } catch {
    return undefined;
  }
  if (!stats.isFile()) return undefined;
  const stamp = snapshot[2];
  const end =
    stamp === undefined
      ? undefined
      : Date.parse(
          `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13)}`,
        );
  const stale =
    temporary !== null &&
    (now - stats.mtimeMs > STALE_AFTER_MS || !processAlive(Number(temporary[2])));
  return {
    file,
    kind: temporary === null ? "snapshot" : "temporary",
    bytes: stats.size,
    usedAt: stats.mtimeMs,
    load: snapshot[1],
    end: Number.isNaN(end) ? undefined : end,
    stale,
  };
}

/** Whether a process of that id runs (on this machine; one of another user's counts too). */
function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  // 0 and negative ids name process groups.
  if (!(Number.isSafeInteger(pid) && pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes one file; `false` if it could not be (already gone counts as removed). */
function remove(entry: SnapshotCacheEntry): boolean {
  try {
    rmSync(entry.file, { force: true });
    return true;
  } catch {
    return false;
  }
}
