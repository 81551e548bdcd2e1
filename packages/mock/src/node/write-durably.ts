import { open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Writes `text` to `path` whole or not at all: through `<path>.tmp`, synced, renamed over `path`,
 * then the directory synced, so a crash leaves the old file or the new one, never a part. A
 * failure removes the temporary file (on a full disk it would hold space) and rejects with the
 * file system's error (`ENOENT`, `EACCES`, `ENOSPC`, ...).
 *
 * @example await writeDurably("state.json", text);
 */
export async function writeDurably(path: string, text: string): Promise<void> {
  const temporary = `${path}.tmp`;
  try {
    const handle = await open(temporary, "w");
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    // On a full disk, the partial file would hold space the next write needs.
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
  await syncDirectory(dirname(path));
}

/**
 * Makes a new name or a rename in `dir` durable (Windows cannot open a directory, nor needs to).
 *
 * @example await syncDirectory(dirname(path));
 */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === "win32") return;
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Checks that `path` can be written where it is: `<path>.tmp` (as {@link writeDurably} uses) is
 * created, written, synced and removed.
 *
 * @throws the file system's error (`ENOENT`, `EACCES`, `EROFS`, `ENOSPC`, ...).
 * @example await probeWritable("creds.json");
 */
export async function probeWritable(path: string, text = "{}\n"): Promise<void> {
  const probe = `${path}.tmp`;
  const handle = await open(probe, "w");
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rm(probe);
}
