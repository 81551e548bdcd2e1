import type { Artifact } from "./artifact.js";
import { assembleRevision } from "./assemble-revision.js";
import { builtFromSeed } from "./built-from-seed.js";
import type { BuiltRevision } from "./built-revision.js";
import { REVISION_PLANS } from "./current-sources.js";
import { loadCurrentSources } from "./load-current-sources.js";
import { loadSeeds } from "./load-seeds.js";
import { OPERATIONS_MODULE_PATH, renderOperationsModule } from "./render-operations-module.js";
import { REPO_ROOT } from "./repo-root.js";
import { jsonSchemaArtifacts, openApiArtifact } from "./schema-artifacts.js";

let cachedRevisions: readonly BuiltRevision[] | undefined;

/**
 * Every revision, read and built once and shared by every artifact: the seed pages, then the
 * revisions assembled from today's TSVs (which may keep rows of the seeds).
 */
export function builtRevisions(): readonly BuiltRevision[] {
  if (cachedRevisions === undefined) {
    const built = loadSeeds(REPO_ROOT).map(builtFromSeed);
    const tsvs = loadCurrentSources(REPO_ROOT);
    for (const plan of REVISION_PLANS) {
      built.push(assembleRevision({ plan, tsvs, earlier: built }));
    }
    cachedRevisions = built;
  }
  return cachedRevisions;
}

/** Every file `pnpm catalog:extract` writes and `pnpm catalog:check` verifies; one line each. */
export const ARTIFACTS: readonly Artifact[] = [
  { path: OPERATIONS_MODULE_PATH, render: () => renderOperationsModule(builtRevisions()) },
  ...jsonSchemaArtifacts(),
  openApiArtifact,
];
