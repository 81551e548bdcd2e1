import { MockError, MockErrorCode } from "../mock-error.js";

/** Binary multipliers of {@link parseByteSize}'s suffixes. */
const UNITS = { "": 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 } as const satisfies Record<
  string,
  number
>;

/** Largest size accepted: beyond it the bytes stop being exact doubles. */
const MAX_BYTES = Number.MAX_SAFE_INTEGER;

/**
 * Parses a byte size: plain bytes (`1048576`) or a number with a binary suffix `K`, `M`, `G` or
 * `T` (any case, optionally followed by `B` or `iB`: `512M`, `4G`, `1.5GiB`). Units are powers
 * of 1024 (as `du -h` and the cache's own figures count), so `4G` is 4 GiB. `0` is accepted.
 * Fractions are rounded down to whole bytes.
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` naming `what` when the text is not a size.
 * @example
 * parseByteSize("512M", "--cache-max"); // 536870912
 */
export function parseByteSize(text: string, what: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(text.trim());
  const unit = (match?.[2] ?? "").toLowerCase() as keyof typeof UNITS;
  const bytes = match === null ? Number.NaN : Math.floor(Number(match[1]) * UNITS[unit]);
  if (!(bytes >= 0 && bytes <= MAX_BYTES)) {
    throw new MockError(
      MockErrorCode.invalidOption,
      `${what} must be a size like 4294967296, 512M or 4G (binary units; 0 writes nothing); got "${text}"`,
    );
  }
  return bytes;
}

/**
 * Formats a byte count for people, in binary units with three significant digits: `912 B`,
 * `72.4 MiB`, `1.34 GiB`.
 *
 * @example
 * formatByteSize(4 * 2 ** 30); // "4.00 GiB"
 */
export function formatByteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${units[unit]}`;
}
