import { CONTEXT_OPERATIONS, type ContextOperation } from "@ctsim/catalog/context";
import { type OpSpec, spec } from "../operations/op-table.js";

/**
 * Console routes and api versions of the IAM and OBS operations: ctsim's choice (no example
 * shows `resource_url` or `api_version` of an IAM or OBS trace).
 */
const PLACE = {
  IAM: { apiVersion: "v3", route: "iam/users", path: "/iam" },
  OBS: { apiVersion: "v1", route: "obs/manager/buckets", path: "/obs" },
} as const;

/** Operations that only read, for `read_only` (ctsim's reading of the names: no example shows it). */
const READS = /^(?:GET\.|HEAD\.|list)/;

/**
 * The catalog's IAM and OBS operations as the generator emits them ({@link OpSpec}s without
 * bodies or failures). Data traces are kept by a data tracker, so an OBS data operation has one
 * spec per tracker name, made on first use: a timeline names few trackers.
 */
export class ContextOps {
  /** Per trace name, the specs by tracker name: nested maps, so a lookup builds no key string. */
  private readonly specs = new Map<string, Map<string, OpSpec>>();

  /** The spec of `traceName` (an operation of the catalog's `CONTEXT_OPERATIONS`). */
  op(traceName: string, trackerName = "system"): OpSpec {
    let byTracker = this.specs.get(traceName);
    if (byTracker === undefined) {
      byTracker = new Map();
      this.specs.set(traceName, byTracker);
    }
    let found = byTracker.get(trackerName);
    if (found === undefined) {
      const row = CONTEXT_OPERATIONS.find((candidate) => candidate.traceName === traceName);
      if (row === undefined) throw new Error(`no context operation ${traceName}`);
      found = specOf(row, trackerName);
      byTracker.set(trackerName, found);
    }
    return found;
  }
}

function specOf(row: ContextOperation, trackerName: string): OpSpec {
  const place = PLACE[row.service];
  return spec(
    row.traceName,
    row.resourceType,
    row.service,
    place.apiVersion,
    place.route,
    place.path,
    READS.test(row.traceName),
    {
      successCode: row.code,
      failRate: 0,
      eventType: row.eventType,
      trackerName: row.tracker === "data" ? trackerName : "system",
    },
  );
}
