import { DEFAULT_REVISION, isRevision, REVISIONS, type Revision } from "@ctsim/catalog/operations";
import type { AnomalyLabel } from "../anomaly-label.js";
import { ContextOps } from "../context/context-ops.js";
import { GeneratorError } from "../generator-error.js";
import { type OpSpec, opTable } from "../operations/op-table.js";
import { isScenarioName, type ScenarioName } from "../scenarios/scenario-registry.js";
import { buildTenant } from "../tenant/build-tenant.js";
import type { Tenant } from "../tenant/tenant.js";
import type { TimelineOptions } from "../timeline-options.js";
import type { Arrival } from "./arrival-stream.js";

const DAY = 86_400_000;

/** Default injected clock: a fixed instant, so nothing depends on the wall clock. */
export const DEFAULT_NOW = Date.UTC(2025, 2, 1);

/** Options with every default filled and checked. */
export interface TimelineConfig {
  readonly seed: number;
  readonly revision: Revision;
  readonly from: number;
  /** Whether `from` was given (a `count` run may otherwise reach further back). */
  readonly fromGiven: boolean;
  /** Exclusive end; `Infinity` when open-ended. */
  readonly to: number;
  readonly count: number;
  /** Expected traces over the window (`expectedCount`), or `null` for the tenants' own rate. */
  readonly expectedCount: number | null;
  /** The window `expectedCount` is fitted over (`expectedCountWindow`, else `[from, to)`). */
  readonly fitFrom: number;
  readonly fitTo: number;
  readonly tenants: readonly Tenant[];
  readonly scenarios: readonly ScenarioName[];
  readonly shardIndex: number;
  readonly shardCount: number;
  readonly onLabel: ((label: AnomalyLabel) => void) | null;
  /** Where the run resumes and the sessions open there (`resume`), or `null`. */
  readonly resume: { readonly at: number; readonly open: readonly Arrival[] } | null;
  readonly ops: ReadonlyMap<string, OpSpec>;
  /** IAM and OBS operations, or `null` with `modelartsOnly`. */
  readonly context: ContextOps | null;
}

/** Fills defaults and validates once; throws {@link GeneratorError} naming the bad option. */
export function resolveTimelineOptions(options: TimelineOptions): TimelineConfig {
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) bad("seed", seed, "an integer");
  const revision = options.revision ?? DEFAULT_REVISION;
  if (!isRevision(revision)) bad("revision", revision, `one of ${REVISIONS.join(", ")}`);
  const now = options.now ?? DEFAULT_NOW;
  if (!Number.isFinite(now)) bad("now", now, "epoch milliseconds");
  let from: number;
  let to: number;
  if (options.from === undefined) {
    to = options.to ?? now;
    from = to - 7 * DAY;
  } else {
    from = options.from;
    to = options.to ?? Number.POSITIVE_INFINITY;
  }
  if (!Number.isFinite(from)) bad("from", from, "epoch milliseconds");
  if (!(to > from)) bad("to", to, `a time after from (${new Date(from).toISOString()})`);
  const count = options.count ?? Number.POSITIVE_INFINITY;
  if (!(count === Number.POSITIVE_INFINITY || (Number.isSafeInteger(count) && count >= 0))) {
    bad("count", count, "a non-negative integer");
  }
  const expectedCount = options.expectedCount ?? null;
  if (expectedCount !== null) {
    if (!(Number.isSafeInteger(expectedCount) && expectedCount >= 1)) {
      bad("expectedCount", expectedCount, "a positive integer");
    }
    if (options.count !== undefined) bad("expectedCount", expectedCount, "no count with it");
    if (to === Number.POSITIVE_INFINITY) {
      bad("expectedCount", expectedCount, "a finite window (give to with from)");
    }
  }
  const fit = options.expectedCountWindow ?? { from, to };
  if (options.expectedCountWindow !== undefined) {
    if (expectedCount === null) bad("expectedCountWindow", "set", "expectedCount with it");
    const shown = `${fit.from}..${fit.to}`;
    if (!(Number.isFinite(fit.from) && Number.isFinite(fit.to) && fit.to > fit.from)) {
      bad("expectedCountWindow", shown, "a finite window, to after from");
    }
    if (fit.from < from - 7 * DAY || fit.to > to + 7 * DAY) {
      bad("expectedCountWindow", shown, "a window within 7 days of the run's");
    }
  }
  const tenantCount = options.tenants ?? 1;
  if (!Number.isSafeInteger(tenantCount) || tenantCount < 1 || tenantCount > 10_000) {
    bad("tenants", tenantCount, "an integer from 1 to 10000");
  }
  const users = options.users ?? 12;
  if (!Number.isSafeInteger(users) || users < 1 || users > 10_000) {
    bad("users", users, "an integer from 1 to 10000");
  }
  const scenarios = [...new Set(options.scenarios ?? [])];
  for (const name of scenarios)
    if (!isScenarioName(name)) bad("scenarios", name, "a known scenario name");
  const shard = options.shard ?? { index: 0, count: 1 };
  if (!Number.isSafeInteger(shard.count) || shard.count < 1)
    bad("shard.count", shard.count, "an integer >= 1");
  if (!Number.isSafeInteger(shard.index) || shard.index < 0 || shard.index >= shard.count) {
    bad("shard.index", shard.index, `an integer from 0 to ${shard.count - 1}`);
  }
  const resume = options.resume ?? null;
  if (resume !== null) {
    if (!(Number.isFinite(resume.at) && resume.at >= from)) {
      bad("resume.at", resume.at, "epoch milliseconds in the window");
    }
    if (!Array.isArray(resume.open)) bad("resume.open", resume.open, "a list of session starts");
  }
  const tenants = Array.from({ length: tenantCount }, (_, index) =>
    buildTenant({ seed, index, users }),
  );
  return {
    seed: seed >>> 0,
    revision,
    from,
    fromGiven: options.from !== undefined,
    to,
    count,
    expectedCount,
    fitFrom: fit.from,
    fitTo: fit.to,
    tenants,
    scenarios,
    shardIndex: shard.index,
    shardCount: shard.count,
    onLabel: options.onLabel ?? null,
    resume,
    ops: opTable(revision),
    context: options.modelartsOnly === true ? null : new ContextOps(),
  };
}

function bad(option: string, value: unknown, expected: string): never {
  throw new GeneratorError(
    "CTSIM_GENERATOR_INVALID_OPTION",
    `Invalid timeline option ${option}: ${String(value)}. Expected ${expected}.`,
  );
}
