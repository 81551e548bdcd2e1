import { hex32 } from "../internal/hex.js";
import { DESCRIPTIONS, FLAVORS, resourceName } from "../workflows/names.js";
import type { Resource, SessionBuilder } from "../workflows/session-builder.js";
import { SURE, tenantBucket } from "./scenario-context.js";

/** A dedicated resource pool made for a scenario (its `CreatePool` trace), or `null`. */
export function createPool(s: SessionBuilder): Resource | null {
  const rng = s.rng;
  return s.create(
    "CreatePool",
    `pool-${s.ids.lower10()}`,
    resourceName(rng, "pool"),
    { flavor: rng.pick(FLAVORS.pool), nodes: "4", network: `network-${s.ids.lower10()}` },
    SURE,
  );
}

/**
 * Template values of a V2 training job (`CreateJobV2`) on `pool`, its code under `codeRoot`
 * (an OBS directory ending in `/`), its data and output in the tenant's own bucket.
 */
export function trainingJobArgs(
  s: SessionBuilder,
  pool: Resource,
  codeRoot: string,
  nodes: number,
  flavor: string,
): Record<string, string> {
  const rng = s.rng;
  const ml = tenantBucket(s, "ml");
  const run = hex32(rng).slice(0, 6);
  return {
    description: rng.pick(DESCRIPTIONS),
    nodes: String(nodes),
    flavor,
    codeDir: codeRoot,
    bootFile: `${codeRoot}${rng.pick(["train.py", "run.sh", "main.py"])}`,
    dataUrl: `/${ml}/datasets/${run}/`,
    trainUrl: `/${ml}/output/${run}/`,
    engineId: String(rng.pick([122, 130, 141, 150])),
    poolId: pool.id,
    now: String(s.time),
  };
}
