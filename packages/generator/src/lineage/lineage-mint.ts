import { IdMint } from "../internal/id-mint.js";
import { Prng } from "../internal/prng.js";
import { STREAM } from "../internal/streams.js";

/**
 * First session number of the lineage's mints. Timeline sessions count from 0 in arrival order
 * and never come near 2^35 (a week at the highest load has a few million), so ids minted here
 * are distinct from every session's by construction ({@link IdMint} is a bijection over
 * (session, counter)).
 */
const BASE = 2 ** 35;
const TENANT_SPAN = 2 ** 21;
const PROJECT_SPAN = 2 ** 18;

/**
 * The id mint of one lineage slot: a project's standing resources (`slot` 0) or its pipeline
 * run `slot` (1 … 2^18 - 1). Every session that needs an id of the slot builds the same mint and
 * draws in the same order, so sessions on different days agree on ids without sharing state.
 * Slots of tenants 0 … 16383 and projects 0 … 7 are disjoint.
 */
export function lineageMint(options: {
  readonly seed: number;
  readonly tenant: number;
  readonly project: number;
  readonly slot: number;
}): IdMint {
  const { seed, tenant, project, slot } = options;
  const session = BASE + tenant * TENANT_SPAN + project * PROJECT_SPAN + (slot % PROJECT_SPAN);
  return new IdMint(seed, session, Prng.derive(seed, STREAM.lineage, tenant, project, slot));
}
