import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { LoadedSeed } from "./loaded-seed.js";
import { parseSeed } from "./parse-seed.js";
import { SEED_SOURCES, type SeedSource } from "./seed-sources.js";

/**
 * Reads and parses the page copies, checking each against its expected revision and counts.
 *
 * @param root - The repository root the source paths are relative to.
 * @param sources - Default: {@link SEED_SOURCES}.
 * @throws {ExtractError} when a source does not parse or its counts are off.
 */
export function loadSeeds(
  root: string,
  sources: readonly SeedSource[] = SEED_SOURCES,
): readonly LoadedSeed[] {
  return sources.map(({ revision, file, expectedRowsPerTable }) => {
    const bytes = readFileSync(join(root, file));
    const seed = parseSeed(bytes.toString("utf8"), {
      sourceName: file,
      expectedUpdated: revision,
      expectedRowsPerTable,
    });
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    return { revision, file, sha256, seed };
  });
}
