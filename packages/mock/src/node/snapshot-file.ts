import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { decodeStoreSnapshot, encodeStoreSnapshot } from "../store/store-snapshot.js";
import type { TraceStore } from "../store/trace-store.js";

/** What {@link readSnapshotFile} did. */
export type SnapshotReadResult =
  | { readonly loaded: true; readonly bytes: number; readonly note: string | undefined }
  | { readonly loaded: false; readonly reason: string };

/**
 * Fills an empty store from a snapshot file written by {@link writeSnapshotFile} for the same
 * `key`. A missing, stale (other key), truncated or corrupt file leaves the store empty and says
 * why; it never throws for the file's content.
 *
 * @example
 * const result = readSnapshotFile(store, file, key);
 * if (!result.loaded) loadGeneratedTraces(store, options);
 */
export function readSnapshotFile(store: TraceStore, file: string, key: string): SnapshotReadResult {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return { loaded: false, reason: "no snapshot" };
  }
  try {
    const size = fstatSync(fd).size;
    // A fresh buffer starts 8-byte aligned, so the snapshot's arrays are views into it.
    const bytes = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const read = readSync(fd, bytes, at, Math.min(size - at, 1 << 30), at);
      if (read === 0) break;
      at += read;
    }
    const state = decodeStoreSnapshot(bytes.subarray(0, at), key);
    if (typeof state === "string") return { loaded: false, reason: state };
    store.importState(state);
    return { loaded: true, bytes: size, note: state.note };
  } catch (error) {
    return { loaded: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    closeSync(fd);
  }
}

/** A store's snapshot, encoded and not yet written (its parts are views of the store's arrays). */
export interface EncodedSnapshot {
  /** The file's bytes, in order. */
  readonly parts: readonly Uint8Array[];
  /** Their total length: the file's size. */
  readonly bytes: number;
}

/**
 * Encodes the store's snapshot for `key` (and `note`, read back by {@link readSnapshotFile})
 * without writing it, so its size is known before anything is written (the snapshot cache
 * makes room first). The parts are views of the store's
 * arrays: the store must not change until they are written.
 *
 * @example
 * const snapshot = encodeSnapshot(store, key);
 * if (snapshot.bytes <= room) await writeEncodedSnapshot(snapshot, file);
 */
export function encodeSnapshot(store: TraceStore, key: string, note?: string): EncodedSnapshot {
  const parts = encodeStoreSnapshot(store.exportState(), key, note);
  return { parts, bytes: parts.reduce((sum, part) => sum + part.length, 0) };
}

/**
 * Writes the store's snapshot for `key` to `file`, through a temporary file renamed into place,
 * so a reader never sees a half-written snapshot. The writes run off the main thread; the store
 * must not change until the promise settles. Resolves to the bytes written.
 *
 * @throws the file system's error when the file cannot be written (the temporary file is removed).
 * @example
 * await writeSnapshotFile(store, "/tmp/store.ctsnap", key);
 */
export async function writeSnapshotFile(
  store: TraceStore,
  file: string,
  key: string,
): Promise<number> {
  return writeEncodedSnapshot(encodeSnapshot(store, key), file);
}

/**
 * Writes an {@link encodeSnapshot} result to `file` through `<file>.<pid>.tmp` renamed into
 * place (the snapshot cache counts such temporary files, and removes them once their process is
 * gone). Resolves to the bytes written.
 *
 * @throws the file system's error when the file cannot be written (the temporary file is removed).
 * @example
 * await writeEncodedSnapshot(encodeSnapshot(store, key), file);
 */
export async function writeEncodedSnapshot(
  snapshot: EncodedSnapshot,
  file: string,
): Promise<number> {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, "w");
  try {
    for (const part of snapshot.parts) {
      let at = 0;
      while (at < part.length) at += (await handle.write(part, at, part.length - at)).bytesWritten;
    }
    await handle.close();
    await rename(temporary, file);
    return snapshot.bytes;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}
