/** One copy of the key operations page and what it is known to contain. */
export interface SeedSource {
  /** The revision (the page's "Updated on" date). */
  readonly revision: string;
  /** Path of the copy, relative to the repository root. */
  readonly file: string;
  /** Rows per table, in table order; their sum is the expected total. */
  readonly expectedRowsPerTable: readonly number[];
}

/**
 * The page copies to extract, oldest first. Row counts were read off the pages by hand; the
 * parser refuses a source whose tables do not add up to them.
 */
export const SEED_SOURCES = [
  {
    revision: "2023-11-16",
    file: "packages/catalog/sources/modelarts-cts-key-operations-2023-11-16.txt",
    expectedRowsPerTable: [42, 8, 14, 6, 11, 10, 6],
  },
  {
    revision: "2025-02-07",
    file: "packages/catalog/sources/modelarts-cts-key-operations-2025-02-07.txt",
    expectedRowsPerTable: [42, 8, 14, 6, 11, 10],
  },
] as const satisfies readonly SeedSource[];
