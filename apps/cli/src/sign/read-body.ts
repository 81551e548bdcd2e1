import { readFile } from "node:fs/promises";
import { usageError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";

/**
 * Reads a request body from `path`, or from standard input for `-`, as UTF-8 text: the signer
 * hashes text, and a body that is not UTF-8 would be signed as different bytes than it is sent.
 *
 * @throws CliError (usage, exit 2) when the file cannot be read or is not UTF-8 text
 * @example
 * const body = await readBody("tracker.json", io);
 */
export async function readBody(path: string, io: CliIo): Promise<string> {
  const name = path === "-" ? "standard input" : path;
  const bytes =
    path === "-"
      ? await readAll(io.stdin)
      : await readFile(path).catch((error: NodeJS.ErrnoException) => {
          throw usageError(
            `--data-file: cannot read ${path}: ${error.code === "ENOENT" ? "no such file" : error.message}`,
          );
        });
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw usageError(
      `--data-file: ${name} is not UTF-8 text; ctsim sign signs text bodies (CTS takes JSON)`,
    );
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(typeof part === "string" ? Buffer.from(part) : part);
  return Buffer.concat(parts);
}
