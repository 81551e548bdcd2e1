import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CURRENT_SOURCE_DIR, TSV_ROW_COUNTS } from "./current-sources.js";
import { ExtractError, ExtractErrorCode } from "./extract-error.js";
import { type ParsedTsv, parseSourceTsv } from "./parse-source-tsv.js";

/** A parsed TSV with where it came from. */
export interface LoadedTsv {
  /** File name within {@link CURRENT_SOURCE_DIR}. */
  readonly name: string;
  /** Path relative to the repository root. */
  readonly file: string;
  /** SHA-256 (hex) of the file's bytes. */
  readonly sha256: string;
  readonly tsv: ParsedTsv;
}

/**
 * Reads and parses every TSV of {@link CURRENT_SOURCE_DIR}, each checked against its row count.
 *
 * @param root - The repository root.
 * @param counts - Default: {@link TSV_ROW_COUNTS}.
 * @throws {ExtractError} when a file does not parse, its count is off, a listed file is missing
 *   or a `.tsv` in the folder is not listed.
 */
export function loadCurrentSources(
  root: string,
  counts: Readonly<Record<string, number>> = TSV_ROW_COUNTS,
): ReadonlyMap<string, LoadedTsv> {
  const present = readdirSync(join(root, CURRENT_SOURCE_DIR)).filter((n) => n.endsWith(".tsv"));
  const unlisted = present.filter((name) => !Object.hasOwn(counts, name));
  if (unlisted.length > 0) {
    throw new ExtractError(
      ExtractErrorCode.malformedSource,
      `${CURRENT_SOURCE_DIR}: ${unlisted.join(", ")} not listed in TSV_ROW_COUNTS (tools/catalog-extract/src/current-sources.ts); add each with its row count.`,
    );
  }
  const loaded = new Map<string, LoadedTsv>();
  for (const [name, expectedRows] of Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = `${CURRENT_SOURCE_DIR}/${name}`;
    const bytes = readFileSync(join(root, file));
    const tsv = parseSourceTsv(bytes.toString("utf8"), { sourceName: file, expectedRows });
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    loaded.set(name, { name, file, sha256, tsv });
  }
  return loaded;
}
