import type {
  ListProjectTagsResponse,
  ListResourcesByTagsResponse,
  ListResourceTagsResponse,
  ListTrackersResponse,
  ResourceTag,
} from "@ctsim/catalog";
import fc from "fast-check";
import type { CtsResponse } from "../internal/cts-client.js";
import { type ContractProperty, checkAsyncProperty } from "./contract-property.js";
import { ensure } from "./contract-violation.js";
import { expectError, expectStatus } from "./expect-response.js";
import type { ProviderContext } from "./provider-context.js";

/** The suite's own tags on the management tracker: key → value. */
type TagModel = Map<string, string>;

interface TagReal {
  readonly context: ProviderContext;
  /** The management tracker's id, whose tags the commands change. */
  readonly trackerId: string;
}

type TagCommand = fc.AsyncCommand<TagModel, TagReal>;

const KEYS = 4;
const VALUES = ["", "a", "b 1"] as const;
const keySlot = fc.nat({ max: KEYS - 1 });
const value = fc.constantFrom(...VALUES);

function keyOf(context: ProviderContext, k: number): string {
  return `${context.options.namePrefix}k${k}`;
}

function tagsPath(real: TagReal, suffix = ""): string {
  return `/v3/${real.context.client.projectId}/cts-tracker/${real.trackerId}/tags${suffix}`;
}

function command(text: string, run: (model: TagModel, real: TagReal) => Promise<void>): TagCommand {
  return { check: () => true, run, toString: () => text };
}

/** The suite's tags in an answer's list, as a map (other tags on the tracker are the user's). */
function ours(context: ProviderContext, tags: readonly ResourceTag[]): TagModel {
  const prefix = context.options.namePrefix;
  return new Map(
    tags.filter((tag) => tag.key.startsWith(prefix)).map((tag) => [tag.key, tag.value]),
  );
}

const show = (tags: TagModel): string => JSON.stringify([...tags].sort());

/** Tag create answers 200 in one doc revision and lists no code in others: 204 is taken too. */
function expectCreated(what: string, response: CtsResponse): void {
  expectStatus(what, response, response.status === 204 ? 204 : 200);
}

const set = fc
  .uniqueArray(fc.tuple(keySlot, value), { minLength: 1, maxLength: 3, selector: ([k]) => k })
  .map((pairs) =>
    command(
      `setTags(${pairs.map(([k, v]) => `k${k}=${JSON.stringify(v)}`).join(", ")})`,
      async (model, real) => {
        const tags = pairs.map(([k, v]) => ({ key: keyOf(real.context, k), value: v }));
        const response = await real.context.client.send({
          method: "POST",
          path: tagsPath(real, "/create"),
          body: { tags },
        });
        expectCreated("set tags", response);
        for (const tag of tags) model.set(tag.key, tag.value);
      },
    ),
  );

/** Deletes by key, or by key and a value that may or may not be the tag's. */
const remove = fc
  .uniqueArray(fc.tuple(keySlot, fc.option(value, { nil: undefined })), {
    minLength: 1,
    maxLength: 3,
    selector: ([k]) => k,
  })
  .map((picks) =>
    command(
      `deleteTags(${picks.map(([k, v]) => (v === undefined ? `k${k}` : `k${k}=${JSON.stringify(v)}`)).join(", ")})`,
      async (model, real) => {
        const tags = picks.map(([k, v]) =>
          v === undefined
            ? { key: keyOf(real.context, k) }
            : { key: keyOf(real.context, k), value: v },
        );
        const response = await real.context.client.send({
          method: "DELETE",
          path: tagsPath(real, "/delete"),
          body: { tags },
        });
        expectStatus("delete tags", response, 204);
        for (const tag of tags) {
          if (tag.value === undefined || model.get(tag.key) === tag.value) model.delete(tag.key);
        }
      },
    ),
  );

const list = command("listTags", async (model, real) => {
  const response = await real.context.client.send({ method: "GET", path: tagsPath(real) });
  expectStatus("list the tracker's tags", response, 200, "ListResourceTagsResponse");
  const got = ours(real.context, (response.json as ListResourceTagsResponse).tags);
  ensure(show(got) === show(model), () => `tracker tags ${show(got)}, expected ${show(model)}`);
});

const projectKeys = command("listProjectTags", async (model, real) => {
  const response = await real.context.client.send({
    method: "GET",
    path: `/v3/${real.context.client.projectId}/cts-tracker/tags`,
  });
  expectStatus("list the project's tag keys", response, 200, "ListProjectTagsResponse");
  const listed = new Map(
    (response.json as ListProjectTagsResponse).tags.map((tag) => [tag.key, tag.values]),
  );
  for (const [key, tagValue] of model) {
    ensure(
      listed.get(key)?.includes(tagValue) === true,
      () => `project tag keys: ${key}=${JSON.stringify(tagValue)} missing`,
    );
  }
  for (let k = 0; k < KEYS; k++) {
    const key = keyOf(real.context, k);
    ensure(
      model.has(key) || !listed.has(key),
      () => `project tag keys list ${key}, which no tracker has`,
    );
  }
});

/** Filtering by one of the suite's keys finds the tracker exactly when it holds that tag. */
const filter = fc.tuple(keySlot, fc.option(value, { nil: undefined })).map(([k, wanted]) =>
  command(
    `filterByTag(k${k}${wanted === undefined ? "" : `=${JSON.stringify(wanted)}`})`,
    async (model, real) => {
      const key = keyOf(real.context, k);
      const response = await real.context.client.send({
        method: "POST",
        path: `/v3/${real.context.client.projectId}/cts-tracker/resource-instances/filter`,
        body: { tags: [{ key, values: wanted === undefined ? [] : [wanted] }] },
      });
      expectStatus("filter trackers by tag", response, 200, "ListResourcesByTagsResponse");
      const found = (response.json as ListResourcesByTagsResponse).resources.some(
        (resource) => resource.resource_id === real.trackerId,
      );
      const expected = model.has(key) && (wanted === undefined || model.get(key) === wanted);
      ensure(
        found === expected,
        () =>
          `filter by ${key}=${wanted ?? "*"}: tracker ${found ? "found" : "missing"} with tags ${show(model)}`,
      );
    },
  ),
);

const unknownTracker = command("setTags(unknown tracker)", async (_model, real) => {
  const response = await real.context.client.send({
    method: "POST",
    path: `/v3/${real.context.client.projectId}/cts-tracker/00000000-0000-0000-0000-000000000000/tags/create`,
    body: { tags: [{ key: keyOf(real.context, 0), value: "a" }] },
  });
  expectError("tag an unknown tracker", response, 404, "CTS.0214");
});

async function managementTrackerId(context: ProviderContext): Promise<string> {
  const response = await context.client.send({
    method: "GET",
    path: `/v3/${context.client.projectId}/trackers`,
    query: { tracker_type: "system" },
  });
  expectStatus("list the management tracker", response, 200, "ListTrackersResponse");
  const tracker = (response.json as ListTrackersResponse).trackers[0];
  ensure(tracker !== undefined, () => "the project has no management tracker to tag");
  return tracker.id;
}

/** Deletes every tag key the suite may have set (by key: whatever their values). */
async function removeOurTags(context: ProviderContext, trackerId: string): Promise<void> {
  const tags = Array.from({ length: KEYS }, (_, k) => ({ key: keyOf(context, k) }));
  const response = await context.client.send({
    method: "DELETE",
    path: `/v3/${context.client.projectId}/cts-tracker/${trackerId}/tags/delete`,
    body: { tags },
  });
  expectStatus("remove the suite's tags", response, 204);
}

/**
 * Tracker tags behave as a model: random sequences of set (an existing key takes the new value),
 * delete (by key, or by key and value), list, project keys and filter-by-tag commands agree with
 * an in-memory model; tagging an unknown tracker is CTS.0214. The tags are set on the management
 * tracker, only with keys named with the suite's prefix, and removed afterwards.
 */
export const tagsFollowModel: ContractProperty<ProviderContext> = {
  id: "tags/model",
  title: "tracker tags follow the model: set, delete, list, project keys, filter and CTS.0214",
  appliesTo: (context) => !context.options.readOnly,
  check: (context, settings) => {
    const commands = fc.commands(
      [
        set,
        set,
        remove,
        fc.constant(list),
        fc.constant(projectKeys),
        filter,
        fc.constant(unknownTracker),
      ],
      { maxCommands: 15 },
    );
    return checkAsyncProperty(
      fc.asyncProperty(commands, async (cmds) => {
        const trackerId = await managementTrackerId(context);
        await removeOurTags(context, trackerId);
        try {
          await fc.asyncModelRun(() => ({ model: new Map(), real: { context, trackerId } }), cmds);
        } finally {
          await removeOurTags(context, trackerId);
        }
      }),
      settings,
    );
  },
};
