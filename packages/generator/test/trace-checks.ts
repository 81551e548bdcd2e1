import type { ApiTrace } from "@ctsim/catalog";

/**
 * Invariants every generated stream must keep, written from the issue and reference (§2), not
 * from the generator's code. Each returns the list of violations (empty when fine).
 */

/**
 * Creating operations; `createClusterResult` and a create's `SystemAction` trace report a
 * create's result (CTS records asynchronous operations twice), they create nothing; tag
 * operations (`CreateJobTags`, `DeleteJobTags`) name the tagged resource, which they neither
 * create nor delete, and operations on a part of an inference 2.0 deployment (its HPA policy,
 * versions, pods, instances) name the deployment (resource type `serviceV2`), and IAM's access
 * key operations (`createCredential`, `deleteCredential`) name the key's owner (a `user`).
 */
const CREATE = /^(create|add|publish_activity)(?!.*(Result|Tags)$)(?!(Hpa|Credential)$)/i;
const DELETE =
  /^(delete|batchdelete)(?!.*Tags$)(?!(Hpa|DeploymentVersion|ServiceV2Pod|ServiceV2Instance|Credential)$)/i;

/**
 * Rating agrees with the status: 2xx/3xx normal, 4xx warning, 5xx warning or incident; a 2xx is
 * `warning` only when its response carries the error (`error_code`), as Huawei's example shows.
 */
export function ratingViolations(traces: readonly ApiTrace[]): string[] {
  const out: string[] = [];
  for (const t of traces) {
    const code = Number(t.code);
    const ok =
      code < 400
        ? t.trace_rating === "normal" ||
          (code < 300 &&
            t.trace_rating === "warning" &&
            String(t.response).includes('"error_code"'))
        : code < 500
          ? t.trace_rating === "warning"
          : t.trace_rating !== "normal";
    if (typeof t.code !== "string" || !ok)
      out.push(`${t.trace_id}: code ${t.code} rated ${t.trace_rating}`);
  }
  return out;
}

/** SystemAction traces have no user and an empty source IP; the others have both. */
export function systemActionViolations(traces: readonly ApiTrace[]): string[] {
  const out: string[] = [];
  for (const t of traces) {
    const system = t.trace_type === "SystemAction";
    if (system && (t.user !== null || t.source_ip !== ""))
      out.push(`${t.trace_id}: SystemAction with a user or IP`);
    if (!system && (t.user === null || t.user === undefined || !t.source_ip))
      out.push(`${t.trace_id}: ${t.trace_type} without user or IP`);
  }
  return out;
}

/**
 * Lifecycles: a create never names an id already seen (nothing used before it exists), and
 * nothing names an id after a successful delete of it.
 */
export function lifecycleViolations(traces: readonly ApiTrace[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const deleted = new Set<string>();
  for (const t of traces) {
    const id = t.resource_id;
    if (!id) continue;
    const key = `${t.service_type}|${id}`;
    if (deleted.has(key)) out.push(`${t.trace_id}: ${t.trace_name} on ${id} after its delete`);
    const creates = CREATE.test(t.trace_name) && t.trace_type !== "SystemAction";
    if (creates && t.trace_rating === "normal" && seen.has(key)) {
      out.push(`${t.trace_id}: ${t.trace_name} creates ${id}, which was used before`);
    }
    seen.add(key);
    if (DELETE.test(t.trace_name) && Number(t.code) < 300) deleted.add(key);
  }
  return out;
}

/** A user id always comes with the same name and domain. */
export function identityViolations(traces: readonly ApiTrace[]): string[] {
  const out: string[] = [];
  const known = new Map<string, string>();
  for (const t of traces) {
    const user = t.user;
    if (!user?.id) continue;
    const identity = `${user.name}|${user.domain?.id}|${user.domain?.name}`;
    const before = known.get(user.id);
    if (before === undefined) known.set(user.id, identity);
    else if (before !== identity)
      out.push(`${t.trace_id}: user ${user.id} was ${before}, now ${identity}`);
  }
  return out;
}

/** Ascending `time`, `record_time >= time`, every time in `[from, to)`, unique trace ids. */
export function orderViolations(traces: readonly ApiTrace[], from: number, to: number): string[] {
  const out: string[] = [];
  const ids = new Set<string>();
  let last = Number.NEGATIVE_INFINITY;
  for (const t of traces) {
    if (t.time < last) out.push(`${t.trace_id}: time ${t.time} before ${last}`);
    last = t.time;
    if (t.time < from || t.time >= to)
      out.push(`${t.trace_id}: time ${t.time} outside [${from}, ${to})`);
    if (t.record_time < t.time) out.push(`${t.trace_id}: record_time before time`);
    if (ids.has(t.trace_id)) out.push(`${t.trace_id}: duplicate trace id`);
    ids.add(t.trace_id);
  }
  return out;
}
