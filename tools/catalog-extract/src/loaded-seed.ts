import type { ParsedSeed } from "./parse-seed.js";

/** A parsed page copy together with where it came from. */
export interface LoadedSeed {
  /** The revision (the page's "Updated on" date). */
  readonly revision: string;
  /** Path of the copy, relative to the repository root. */
  readonly file: string;
  /** SHA-256 (hex) of the file's bytes. */
  readonly sha256: string;
  readonly seed: ParsedSeed;
}
