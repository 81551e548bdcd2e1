import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { DeliveryError, DeliveryErrorCode } from "../delivery-error.js";

/** One object to put into the bucket directory. */
export interface ObjectWrite {
  /** Object key under the bucket directory. */
  readonly key: string;
  readonly bytes: Uint8Array;
}

let serial = 0;

/**
 * Writes objects of the bucket directory, each whole or not at all: into hidden `.partial` files
 * beside their targets, fsynced, renamed, then each directory fsynced once, so a reader (or a
 * crash) never sees part of a trace file or a digest. The objects of one batch (a transfer
 * cycle's files, a digest and its signature) are written concurrently, so their fsyncs overlap.
 * A failure removes the partial files and rejects with a {@link DeliveryError} naming the path
 * and the file system's cause.
 *
 * @example await writeObjects("/srv/bucket", [{ key: "CloudTraces/…/x.json.gz", bytes }]);
 */
export async function writeObjects(root: string, objects: readonly ObjectWrite[]): Promise<void> {
  const staged = objects.map((o) => {
    const path = join(root, o.key);
    serial += 1;
    return { path, partial: join(dirname(path), `.${process.pid}-${serial}.partial`), ...o };
  });
  const results = await Promise.allSettled(staged.map((s) => stage(s.path, s.partial, s.bytes)));
  const failed = results.findIndex((r) => r.status === "rejected");
  if (failed >= 0) {
    await Promise.all(staged.map((s) => rm(s.partial, { force: true }).catch(() => undefined)));
    throw writeFailed(staged[failed]!.path, (results[failed] as PromiseRejectedResult).reason);
  }
  for (const s of staged) {
    await rename(s.partial, s.path).catch(async (error: unknown) => {
      await rm(s.partial, { force: true }).catch(() => undefined);
      throw writeFailed(s.path, error);
    });
  }
  const dirs = [...new Set(staged.map((s) => dirname(s.path)))];
  await Promise.all(
    dirs.map((dir) =>
      syncDirectory(dir).catch((error: unknown) => {
        throw writeFailed(dir, error);
      }),
    ),
  );
}

/** {@link writeObjects} for one object. */
export function writeObject(root: string, key: string, bytes: Uint8Array): Promise<void> {
  return writeObjects(root, [{ key, bytes }]);
}

async function stage(path: string, partial: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(partial, "w");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A {@link DeliveryError} naming the path that could not be written and why. */
export function writeFailed(path: string, error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const hint =
    code === "EACCES" || code === "EPERM" || code === "EROFS"
      ? " (permission denied: check the directory's permissions)"
      : code === "ENOSPC"
        ? " (no space left on the device)"
        : "";
  return new DeliveryError(
    DeliveryErrorCode.writeFailed,
    `cannot write ${path}: ${error instanceof Error ? error.message : String(error)}${hint}`,
    { cause: error },
  );
}

/** Makes new names in `dir` durable (Windows neither can open a directory nor needs to). */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === "win32") return;
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
