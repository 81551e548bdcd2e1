import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { DeliveryError, DeliveryErrorCode } from "../delivery-error.js";

let serial = 0;

/**
 * Writes one object of the bucket directory whole or not at all: into a hidden `.partial` file
 * beside it, fsynced, renamed to `root/key`, then the directory fsynced, so a reader (or a crash)
 * never sees part of a trace file or a digest. A failure removes the partial file and rejects
 * with a {@link DeliveryError} naming the path and the file system's cause.
 *
 * @example await writeObject("/srv/bucket", "CloudTraces/…/x.json.gz", bytes);
 */
export async function writeObject(root: string, key: string, bytes: Uint8Array): Promise<void> {
  const path = join(root, key);
  const dir = dirname(path);
  serial += 1;
  const partial = join(dir, `.${process.pid}-${serial}.partial`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(partial, "w");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, path);
    await syncDirectory(dir);
  } catch (error) {
    await rm(partial, { force: true }).catch(() => undefined);
    throw writeFailed(path, error);
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

/** Makes a new name in `dir` durable (Windows neither can open a directory nor needs to). */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === "win32") return;
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
