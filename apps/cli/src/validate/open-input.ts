import { open } from "node:fs/promises";
import { createGunzip } from "node:zlib";
import { usageError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";

const READ_BYTES = 1 << 20;

/** A named text input: a file, or standard input for `-`. */
export interface ValidateInput {
  /** How violations name the input: the path as given, or `<stdin>`. */
  readonly name: string;
  readonly stream: NodeJS.ReadableStream;
}

/**
 * Opens `path` for reading, or standard input when it is `-`. A path ending in `.gz` (as OBS
 * trace files do: `….json.gz`) is decompressed on the fly. The file is opened here, so a path
 * that names nothing readable (missing, not a regular file, no permission) is one usage error.
 *
 * @throws CliError (usage, exit 2) when the file cannot be opened or is not a regular file
 * @example
 * const { name, stream } = await openInput("traces.ndjson", io);
 */
export async function openInput(path: string, io: CliIo): Promise<ValidateInput> {
  if (path === "-") return { name: "<stdin>", stream: io.stdin };
  const handle = await open(path, "r").catch((error: NodeJS.ErrnoException) => {
    throw usageError(
      `cannot read ${path}: ${error.code === "ENOENT" ? "no such file" : error.message}`,
    );
  });
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    throw usageError(`cannot read ${path}: not a regular file`);
  }
  // 1 MiB reads: fewer round trips to the thread pool than the default 64 KiB.
  const file = handle.createReadStream({ highWaterMark: READ_BYTES });
  return { name: path, stream: path.endsWith(".gz") ? file.pipe(createGunzip()) : file };
}
