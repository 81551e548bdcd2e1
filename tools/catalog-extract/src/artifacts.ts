import type { Artifact } from "./artifact.js";
import { loadSeeds } from "./load-seeds.js";
import type { LoadedSeed } from "./loaded-seed.js";
import { OPERATIONS_MODULE_PATH, renderOperationsModule } from "./render-operations-module.js";
import { REPO_ROOT } from "./repo-root.js";
import { jsonSchemaArtifacts, openApiArtifact } from "./schema-artifacts.js";

let cachedSeeds: readonly LoadedSeed[] | undefined;

/** The parsed sources, read once and shared by every artifact. */
function seeds(): readonly LoadedSeed[] {
  cachedSeeds ??= loadSeeds(REPO_ROOT);
  return cachedSeeds;
}

/** Every file `pnpm catalog:extract` writes and `pnpm catalog:check` verifies; one line each. */
export const ARTIFACTS: readonly Artifact[] = [
  { path: OPERATIONS_MODULE_PATH, render: () => renderOperationsModule(seeds()) },
  ...jsonSchemaArtifacts(),
  openApiArtifact,
];
