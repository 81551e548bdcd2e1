import type {
  ListNotificationsResponse,
  ListQuotasResponse,
  ListTrackersResponse,
} from "@ctsim/catalog";
import { type CtsClient, type CtsResponse, createCtsClient } from "../internal/cts-client.js";
import { ensure } from "./contract-violation.js";
import { expectStatus } from "./expect-response.js";
import type { ProviderContext } from "./provider-context.js";

/** A project whose state the suite can read with a credential of its own account. */
interface Watch {
  readonly label: string;
  readonly client: CtsClient;
}

/** What a project holds: trackers by `type/name`, notification ids, and quota use (sorted lines). */
interface ProjectState {
  readonly trackers: ReadonlyMap<string, { readonly type: string; readonly name: string }>;
  readonly notifications: ReadonlySet<string>;
  readonly quotas: readonly string[];
}

/** A request's answer, and every change it made to the watched projects (undone since). */
export interface ObservedEffects {
  readonly response: CtsResponse;
  /** E.g. `second account's project: new tracker data/ctsim-contract-x`; empty when none. */
  readonly changes: readonly string[];
}

/** The own project, and the second account's project when the options name one. */
function watches(context: ProviderContext): Watch[] {
  const own: Watch = { label: "own project", client: context.client };
  const second = context.options.secondAccount;
  if (!second) return [own];
  const client = createCtsClient({
    ...context.options,
    projectId: second.projectId,
    credentials: second.credentials,
  });
  return [own, { label: "second account's project", client }];
}

async function readState(watch: Watch): Promise<ProjectState> {
  const { client, label } = watch;
  const get = async (suffix: string, schema: Parameters<typeof expectStatus>[3]) => {
    const response = await client.send({ method: "GET", path: `/v3/${client.projectId}${suffix}` });
    expectStatus(`reading the ${label} (GET ${suffix})`, response, 200, schema);
    return response.json;
  };
  const { trackers } = (await get("/trackers", "ListTrackersResponse")) as ListTrackersResponse;
  const notifications = new Set<string>();
  for (const type of ["smn", "fun"]) {
    const listed = (await get(
      `/notifications/${type}`,
      "ListNotificationsResponse",
    )) as ListNotificationsResponse;
    for (const n of listed.notifications) notifications.add(n.notification_id);
  }
  const { resources } = (await get("/quotas", "ListQuotasResponse")) as ListQuotasResponse;
  return {
    trackers: new Map(
      trackers.map(
        (t) =>
          [
            `${t.tracker_type}/${t.tracker_name}`,
            { type: t.tracker_type, name: t.tracker_name },
          ] as const,
      ),
    ),
    notifications,
    quotas: resources.map((r) => `${r.type} used ${r.used}`).sort(),
  };
}

/** Describes what changed from `before` to `after`, and deletes what was created. */
async function undo(watch: Watch, before: ProjectState, after: ProjectState): Promise<string[]> {
  const { client, label } = watch;
  const base = `/v3/${client.projectId}`;
  const changes: string[] = [];
  for (const [key, tracker] of after.trackers) {
    if (before.trackers.has(key)) continue;
    changes.push(`${label}: new tracker ${tracker.type}/${tracker.name}`);
    await client.send({
      method: "DELETE",
      path: `${base}/trackers`,
      query: { tracker_name: tracker.name, tracker_type: tracker.type },
    });
  }
  for (const id of after.notifications) {
    if (before.notifications.has(id)) continue;
    changes.push(`${label}: new notification ${id}`);
    await client.send({
      method: "DELETE",
      path: `${base}/notifications`,
      query: { notification_id: id },
    });
  }
  for (const key of before.trackers.keys())
    if (!after.trackers.has(key)) changes.push(`${label}: tracker ${key} is gone`);
  for (const id of before.notifications)
    if (!after.notifications.has(id)) changes.push(`${label}: notification ${id} is gone`);
  if (changes.length === 0 && before.quotas.join() !== after.quotas.join())
    changes.push(
      `${label}: quotas went from ${before.quotas.join(", ")} to ${after.quotas.join(", ")}`,
    );
  return changes;
}

/**
 * Sends a request that must change nothing, reading the trackers, notifications and quotas of
 * the own project (and of the second account's, when given) before and after it. Whatever it
 * created is deleted again, so a broken provider does not fill up its quotas.
 *
 * @throws {ContractViolation} when a watched project cannot be read (not 200 with a valid body).
 */
export async function observeEffects(
  context: ProviderContext,
  send: () => Promise<CtsResponse>,
): Promise<ObservedEffects> {
  const watched = watches(context);
  const before = await Promise.all(watched.map(readState));
  const response = await send();
  const changes: string[] = [];
  for (const [i, watch] of watched.entries()) {
    const after = await readState(watch);
    changes.push(...(await undo(watch, before[i] as ProjectState, after)));
  }
  return { response, changes };
}

/** Fails, naming `what`, when the request changed any watched project. */
export function expectNoChanges(what: string, effects: ObservedEffects): void {
  ensure(
    effects.changes.length === 0,
    () => `${what} changed state: ${effects.changes.join("; ")}`,
  );
}
