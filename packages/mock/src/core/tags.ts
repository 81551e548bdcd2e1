import type {
  BatchCreateResourceTagsRequest,
  BatchDeleteResourceTagsRequest,
  ListResourcesByTagsRequest,
  TaggedResource,
  Tracker,
} from "@ctsim/catalog";
import type { Reply } from "./cts-request.js";
import type { HandlerContext } from "./handler-context.js";
import type { ProjectState } from "./project-state.js";
import { ctsError, emptyReply, jsonReply } from "./replies.js";
import { badParameter, queryParam, schemaBody } from "./request-input.js";
import { tagListProblem } from "./tag-rules.js";

/** Most resources or keys one answer lists (the paging of these APIs is not documented). */
const PAGE_MAX = 1000;

/**
 * `POST /v3/{project_id}/cts-tracker/{resource_id}/tags/create` → 200, empty. A key the tracker
 * already has gets the new value. One doc revision gives 200, others no success code.
 */
export function batchCreateTags(context: HandlerContext): Reply {
  const body = schemaBody<BatchCreateResourceTagsRequest>(
    context.request.body,
    "BatchCreateResourceTagsRequest",
  );
  if ("reply" in body) return body.reply;
  const problem = tagListProblem(body.value.tags);
  if (problem !== undefined) return ctsError("CTS.0003", `(${problem})`);
  const found = taggedTracker(context);
  if ("reply" in found) return found.reply;
  const { state, tracker } = found;
  const tags = [...(state.tags.get(tracker.id) ?? [])];
  for (const { key, value } of body.value.tags) {
    const at = tags.findIndex((tag) => tag.key === key);
    if (at === -1) tags.push({ key, value });
    else tags[at] = { key, value };
  }
  state.tags.set(tracker.id, tags);
  return emptyReply(200);
}

/**
 * `DELETE /v3/{project_id}/cts-tracker/{resource_id}/tags/delete` → 204. A tag with a `value`
 * goes only when both match; without one, by key. Tags the tracker does not have are ignored.
 */
export function batchDeleteTags(context: HandlerContext): Reply {
  const body = schemaBody<BatchDeleteResourceTagsRequest>(
    context.request.body,
    "BatchDeleteResourceTagsRequest",
  );
  if ("reply" in body) return body.reply;
  const found = taggedTracker(context);
  if ("reply" in found) return found.reply;
  const { state, tracker } = found;
  const doomed = body.value.tags;
  const kept = (state.tags.get(tracker.id) ?? []).filter(
    (tag) =>
      !doomed.some(
        (gone) => gone.key === tag.key && (gone.value === undefined || gone.value === tag.value),
      ),
  );
  if (kept.length === 0) state.tags.delete(tracker.id);
  else state.tags.set(tracker.id, kept);
  return emptyReply(204);
}

/** `GET /v3/{project_id}/cts-tracker/{resource_id}/tags` → `{tags: [{key, value}]}`. */
export function listResourceTags(context: HandlerContext): Reply {
  const found = taggedTracker(context);
  if ("reply" in found) return found.reply;
  return jsonReply(200, { tags: found.state.tags.get(found.tracker.id) ?? [] });
}

/**
 * `GET /v3/{project_id}/cts-tracker/tags` → `{tags: [{key, values}]}`: every key used on the
 * project's trackers with its distinct values, in order of first use; `limit` caps the keys.
 */
export function listProjectTags(context: HandlerContext): Reply {
  const limit = limitParam(context);
  if (typeof limit !== "number") return limit.reply;
  const state = context.projects.get(context.scopeId);
  const values = new Map<string, Set<string>>();
  for (const tracker of state.trackers) {
    for (const tag of state.tags.get(tracker.id) ?? []) {
      const seen = values.get(tag.key) ?? new Set<string>();
      seen.add(tag.value);
      values.set(tag.key, seen);
    }
  }
  const tags = [...values].slice(0, limit).map(([key, seen]) => ({ key, values: [...seen] }));
  return jsonReply(200, { tags });
}

/**
 * `POST /v3/{project_id}/cts-tracker/resource-instances/filter` → `{resources, total_count}`:
 * trackers holding every tag filter's key with one of its `values` (any value when empty), whose
 * name matches each `matches` entry (an empty value exactly, otherwise as a substring), in
 * creation order, `offset` and `limit` applied after counting. Without `tags`, every tracker.
 */
export function listResourcesByTags(context: HandlerContext): Reply {
  const body = schemaBody<ListResourcesByTagsRequest>(
    context.request.body,
    "ListResourcesByTagsRequest",
  );
  if ("reply" in body) return body.reply;
  const { tags = [], matches = [], limit = PAGE_MAX, offset = 0 } = body.value;
  const unknown = matches.find((match) => match.key !== "resource_name");
  if (unknown !== undefined) {
    return ctsError("CTS.0003", `(matches[].key must be resource_name, not "${unknown.key}")`);
  }
  // The schema holds limit ≥ 1 and offset ≥ 0 to integers; the cap is the mock's.
  if (limit > PAGE_MAX) return ctsError("CTS.0003", `(limit must be at most ${PAGE_MAX})`);
  const state = context.projects.get(context.scopeId);
  const resources: TaggedResource[] = [];
  for (const tracker of state.trackers) {
    const own = state.tags.get(tracker.id) ?? [];
    const tagged = tags.every((filter) =>
      own.some(
        (tag) =>
          tag.key === filter.key &&
          (filter.values.length === 0 || filter.values.includes(tag.value)),
      ),
    );
    const named = matches.every((match) =>
      match.value === "" ? tracker.tracker_name === "" : tracker.tracker_name.includes(match.value),
    );
    if (tagged && named) {
      resources.push({
        resource_id: tracker.id,
        resource_name: tracker.tracker_name,
        resource_detail: "",
        tags: own,
      });
    }
  }
  return jsonReply(200, {
    resources: resources.slice(offset, offset + limit),
    total_count: resources.length,
  });
}

/** The tracker a tag route names (`{resource_id}` = its id), or CTS.0214 (404). */
function taggedTracker(
  context: HandlerContext,
): { readonly state: ProjectState; readonly tracker: Tracker } | { readonly reply: Reply } {
  const state = context.projects.get(context.scopeId);
  const tracker = state.trackers.find((candidate) => candidate.id === context.pathParam);
  return tracker === undefined ? { reply: ctsError("CTS.0214") } : { state, tracker };
}

/** The `limit` query parameter: an integer from 1 to {@link PAGE_MAX}, the maximum by default. */
function limitParam(context: HandlerContext): number | { readonly reply: Reply } {
  const text = queryParam(context.query, "limit");
  if (text === undefined) return PAGE_MAX;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > PAGE_MAX) {
    return { reply: badParameter(context, `limit must be an integer from 1 to ${PAGE_MAX}`) };
  }
  return value;
}
