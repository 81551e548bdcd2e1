import { parseByteSize } from "@ctsim/mock/node";
import { usageError } from "../cli-error.js";

/**
 * Parses a positive byte size such as `1048576`, `512k`, `64M`, `1G` (binary units; the syntax
 * of `parseByteSize`, which `--cache-max` uses too).
 *
 * Errors: a usage error naming `flag` when the text is not a positive size.
 *
 * @example
 * parseSize("64M", "--rotate-size"); // 67108864
 */
export function parseSize(text: string, flag: string): number {
  let bytes = Number.NaN;
  try {
    bytes = parseByteSize(text, flag);
  } catch {
    // Reported below, as a usage error.
  }
  if (!(bytes > 0))
    throw usageError(
      `${flag} must be a positive size like 1048576, 512k, 64M or 1G; got "${text}"`,
    );
  return bytes;
}
