import type { Revision } from "@ctsim/catalog/operations";
import type { BuiltRevision } from "./built-revision.js";
import type { LoadedSeed } from "./loaded-seed.js";

/**
 * A seed page as a {@link BuiltRevision}: its tables as they are (rows without traits, so the
 * rows render exactly as before), every category `complete` (the copy is the whole page).
 */
export function builtFromSeed(loaded: LoadedSeed): BuiltRevision {
  const { revision, file, sha256, seed } = loaded;
  return {
    revision: revision as Revision,
    updated: seed.updated,
    cloud: "huawei-cloud",
    sourceFile: file,
    sha256,
    sources: [{ file, sha256 }],
    tables: seed.tables,
    coverage: seed.tables.map(({ table, category, rows }) => ({
      category,
      coverage: "complete",
      rows: rows.length,
      keptRows: 0,
      note: `Table ${table} of the key operations page (complete).`,
    })),
  };
}
