import { homedir } from "node:os";
import { join } from "node:path";
import { parseByteSize } from "./byte-size.js";

/**
 * The snapshot cache's default limit: 4 GiB. A snapshot takes ~1,480 bytes a trace (measured:
 * 87 MiB for 61,623 traces, 1.39 GiB for the 1,004,902 traces of `ctsim serve --expected-count
 * 1000000`; ~70 MiB at the 50,000 traces below which nothing is written), so the limit holds two
 * 1M-trace stores (two option sets, or the hour before and this one; a third is written only
 * after the least recently used goes) and about fifty of the smallest. It stays under the ~4.3
 * GB the three snapshots kept before the limit existed could take, and is a small share of a
 * developer's disk.
 */
export const DEFAULT_CACHE_MAX_BYTES = 4 * 2 ** 30;

/**
 * The default snapshot directory: `$CTSIM_CACHE_DIR`, else `$XDG_CACHE_HOME/ctsim/mock`, else
 * `~/.cache/ctsim/mock`; `CTSIM_CACHE_DIR=off` means no cache (returns `false`).
 *
 * @example
 * const dir = defaultCacheDir(); // "/home/me/.cache/ctsim/mock"
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | false {
  const dir = env.CTSIM_CACHE_DIR;
  if (dir === "off") return false;
  if (dir !== undefined && dir !== "") return dir;
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "ctsim", "mock");
}

/**
 * The default limit of the snapshot directory: `$CTSIM_CACHE_MAX` (a size as
 * {@link parseByteSize} reads it: `512M`, `4G`, bytes; `0` writes nothing), else
 * {@link DEFAULT_CACHE_MAX_BYTES} (4 GiB).
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` when `CTSIM_CACHE_MAX` is not a size.
 * @example
 * defaultCacheMaxBytes({ CTSIM_CACHE_MAX: "1G" }); // 1073741824
 */
export function defaultCacheMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.CTSIM_CACHE_MAX;
  if (text === undefined || text.trim() === "") return DEFAULT_CACHE_MAX_BYTES;
  return parseByteSize(text, "CTSIM_CACHE_MAX");
}
