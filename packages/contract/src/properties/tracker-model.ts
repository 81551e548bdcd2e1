import { DATA_EVENTS, type ListQuotasResponse, type ListTrackersResponse } from "@ctsim/catalog";
import fc from "fast-check";
import { type ContractProperty, checkAsyncProperty } from "./contract-property.js";
import { ensure } from "./contract-violation.js";
import { expectError, expectStatus } from "./expect-response.js";
import type { ProviderContext } from "./provider-context.js";

/** What the suite believes the provider's trackers are. */
interface TrackerModel {
  systemExists: boolean;
  /** Data trackers the suite did not create (never touched). */
  readonly others: number;
  readonly dataQuota: number;
  /** Data trackers the suite created: slot → status (slot k is named `<prefix>t<k>`). */
  readonly ours: Map<number, string>;
}

/** The provider, and a counter that keeps tracked bucket names unique. */
interface TrackerReal {
  readonly context: ProviderContext;
  readonly run: number;
  buckets: number;
}

type TrackerCommand = fc.AsyncCommand<TrackerModel, TrackerReal>;

const SLOTS = 3;
const slot = fc.nat({ max: SLOTS - 1 });

function nameOf(real: TrackerReal, k: number): string {
  return `${real.context.options.namePrefix}t${k}`;
}

function paths(real: TrackerReal): { tracker: string; trackers: string; quotas: string } {
  const base = `/v3/${real.context.client.projectId}`;
  return { tracker: `${base}/tracker`, trackers: `${base}/trackers`, quotas: `${base}/quotas` };
}

/** A command from a description and a body; `toString` is what counterexamples print. */
function command(
  text: string,
  check: (model: Readonly<TrackerModel>) => boolean,
  run: (model: TrackerModel, real: TrackerReal) => Promise<void>,
): TrackerCommand {
  return { check, run, toString: () => text };
}

const createData = fc
  .tuple(slot, fc.subarray([...DATA_EVENTS], { minLength: 1 }), fc.boolean())
  .map(([k, events, lts]) =>
    command(
      `createDataTracker(t${k}, ${events.join("+")})`,
      () => true,
      async (model, real) => {
        const name = nameOf(real, k);
        real.buckets += 1;
        const bucket =
          `${real.context.options.namePrefix}b${real.run}-${real.buckets}`.toLowerCase();
        const body = {
          tracker_type: "data",
          tracker_name: name,
          is_lts_enabled: lts,
          data_bucket: { data_bucket_name: bucket, data_event: events },
        };
        const response = await real.context.client.send({
          method: "POST",
          path: paths(real).tracker,
          body,
        });
        if (model.ours.has(k))
          return expectError(`create duplicate ${name}`, response, 400, "CTS.0208");
        if (model.others + model.ours.size >= model.dataQuota)
          return expectError(`create ${name} over quota`, response, 400, "CTS.0200");
        expectStatus(`create ${name}`, response, 201, "Tracker");
        const created = response.json as {
          tracker_name: string;
          tracker_type: string;
          status: string;
        };
        ensure(
          created.tracker_name === name && created.tracker_type === "data",
          () =>
            `create ${name}: answered tracker ${created.tracker_name} (${created.tracker_type})`,
        );
        model.ours.set(k, created.status);
      },
    ),
  );

const createSystem = fc.constantFrom("system", "System", "management", "system-trace").map((name) =>
  command(
    `createSystemTracker(${name})`,
    (model) => model.systemExists || name !== "system",
    async (_model, real) => {
      const response = await real.context.client.send({
        method: "POST",
        path: paths(real).tracker,
        body: { tracker_type: "system", tracker_name: name },
      });
      if (name === "system")
        expectError("create a second management tracker", response, 400, "CTS.0201");
      else expectError(`create management tracker named ${name}`, response, 400, "CTS.0204");
    },
  ),
);

const createDataNamedSystem = fc.constant(
  command(
    "createDataTracker(system)",
    () => true,
    async (_model, real) => {
      const body = {
        tracker_type: "data",
        tracker_name: "system",
        data_bucket: {
          data_bucket_name: `${real.context.options.namePrefix}sys`,
          data_event: ["WRITE"],
        },
      };
      const response = await real.context.client.send({
        method: "POST",
        path: paths(real).tracker,
        body,
      });
      expectError("create a data tracker named system", response, 400, "CTS.0207");
    },
  ),
);

const update = fc.tuple(slot, fc.constantFrom("enabled", "disabled")).map(([k, status]) =>
  command(
    `updateTracker(t${k}, ${status})`,
    () => true,
    async (model, real) => {
      const name = nameOf(real, k);
      const response = await real.context.client.send({
        method: "PUT",
        path: paths(real).tracker,
        body: { tracker_type: "data", tracker_name: name, status },
      });
      if (!model.ours.has(k))
        return expectError(`update missing ${name}`, response, 404, "CTS.0214");
      expectStatus(`update ${name}`, response, 200);
      model.ours.set(k, status);
    },
  ),
);

const updateBadStatus = fc
  .tuple(slot, fc.constantFrom("paused", "error", "ENABLED", "on"))
  .map(([k, status]) =>
    command(
      `updateTracker(t${k}, ${status})`,
      (model) => model.ours.has(k),
      async (_model, real) => {
        const name = nameOf(real, k);
        const response = await real.context.client.send({
          method: "PUT",
          path: paths(real).tracker,
          body: { tracker_type: "data", tracker_name: name, status },
        });
        expectError(`update ${name} to status ${status}`, response, 400, "CTS.0205");
      },
    ),
  );

const remove = slot.map((k) =>
  command(
    `deleteTracker(t${k})`,
    () => true,
    async (model, real) => {
      const name = nameOf(real, k);
      const response = await real.context.client.send({
        method: "DELETE",
        path: paths(real).trackers,
        query: { tracker_name: name, tracker_type: "data" },
      });
      if (!model.ours.has(k))
        return expectError(`delete missing ${name}`, response, 404, "CTS.0214");
      expectStatus(`delete ${name}`, response, 204);
      model.ours.delete(k);
    },
  ),
);

const list = fc.option(slot, { nil: undefined }).map((k) =>
  command(
    k === undefined ? "listTrackers()" : `listTrackers(t${k})`,
    () => true,
    async (model, real) => {
      const query = k === undefined ? undefined : { tracker_name: nameOf(real, k) };
      const response = await real.context.client.send({
        method: "GET",
        path: paths(real).trackers,
        ...(query ? { query } : {}),
      });
      expectStatus("list trackers", response, 200, "ListTrackersResponse");
      const { trackers } = response.json as ListTrackersResponse;
      const prefix = real.context.options.namePrefix;
      const ours = trackers.filter(
        (t) => t.tracker_type === "data" && t.tracker_name.startsWith(prefix),
      );
      const expected = [...model.ours]
        .map(([slot, status]): [string, string] => [nameOf(real, slot), status])
        .filter(([name]) => query === undefined || name === query.tracker_name);
      const describe = (pairs: [string, string][]): string => JSON.stringify(pairs.sort());
      ensure(
        describe(ours.map((t) => [t.tracker_name, t.status])) === describe(expected),
        () =>
          `listed ${describe(ours.map((t) => [t.tracker_name, t.status]))}, expected ${describe(expected)}`,
      );
      if (query)
        ensure(
          trackers.length === ours.length,
          () => `tracker_name=${query.tracker_name} also listed other trackers`,
        );
      else {
        const system = trackers.filter((t) => t.tracker_type === "system").length;
        ensure(
          system === (model.systemExists ? 1 : 0),
          () => `listed ${system} management trackers`,
        );
        const others = trackers.filter((t) => t.tracker_type === "data").length - ours.length;
        ensure(
          others === model.others,
          () => `listed ${others} other data trackers, ${model.others} before the run`,
        );
      }
    },
  ),
);

const quotas = fc.constant(
  command(
    "listQuotas()",
    () => true,
    async (model, real) => {
      const response = await real.context.client.send({ method: "GET", path: paths(real).quotas });
      expectStatus("list quotas", response, 200, "ListQuotasResponse");
      const { resources } = response.json as ListQuotasResponse;
      const used = (type: string): number | undefined =>
        resources.find((r) => r.type === type)?.used;
      ensure(
        used("data_tracker") === model.others + model.ours.size,
        () =>
          `data_tracker used ${used("data_tracker")}, but ${model.others + model.ours.size} exist`,
      );
      ensure(
        used("system_tracker") === (model.systemExists ? 1 : 0),
        () => `system_tracker used ${used("system_tracker")}`,
      );
    },
  ),
);

/** Deletes every data tracker whose name starts with the suite's prefix. */
async function removeOurTrackers(context: ProviderContext): Promise<void> {
  const base = `/v3/${context.client.projectId}`;
  const response = await context.client.send({ method: "GET", path: `${base}/trackers` });
  const trackers = (response.json as Partial<ListTrackersResponse> | undefined)?.trackers ?? [];
  for (const tracker of trackers) {
    if (
      tracker.tracker_type === "data" &&
      tracker.tracker_name.startsWith(context.options.namePrefix)
    ) {
      await context.client.send({
        method: "DELETE",
        path: `${base}/trackers`,
        query: { tracker_name: tracker.tracker_name, tracker_type: "data" },
      });
    }
  }
}

async function initialModel(context: ProviderContext): Promise<TrackerModel> {
  const base = `/v3/${context.client.projectId}`;
  const listed = await context.client.send({ method: "GET", path: `${base}/trackers` });
  expectStatus("list trackers before the run", listed, 200, "ListTrackersResponse");
  const quotas = await context.client.send({ method: "GET", path: `${base}/quotas` });
  expectStatus("list quotas before the run", quotas, 200, "ListQuotasResponse");
  const { trackers } = listed.json as ListTrackersResponse;
  const dataQuota = (quotas.json as ListQuotasResponse).resources.find(
    (r) => r.type === "data_tracker",
  )?.quota;
  ensure(dataQuota !== undefined, () => "quotas list no data_tracker");
  return {
    systemExists: trackers.some((t) => t.tracker_type === "system"),
    others: trackers.filter((t) => t.tracker_type === "data").length,
    dataQuota,
    ours: new Map(),
  };
}

/**
 * Trackers behave as a model: random sequences of create/update/delete/list/quota commands agree
 * with an in-memory model, including CTS.0201, 0204, 0205, 0207, 0208, 0214 and the quotas.
 * Only trackers named with the suite's prefix are created, and they are deleted afterwards.
 */
export const trackersFollowModel: ContractProperty<ProviderContext> = {
  id: "trackers/model",
  title: "trackers follow the model: create, update, delete, list, quotas and their error codes",
  appliesTo: (context) => !context.options.readOnly,
  check: (context, settings) => {
    let runs = 0;
    const commands = fc.commands(
      // Creation weighs double so that sequences often reuse a name.
      [
        createData,
        createData,
        createSystem,
        createDataNamedSystem,
        update,
        updateBadStatus,
        remove,
        list,
        quotas,
      ],
      { maxCommands: 15 },
    );
    return checkAsyncProperty(
      fc.asyncProperty(commands, async (cmds) => {
        await removeOurTrackers(context);
        const model = await initialModel(context);
        runs += 1;
        try {
          await fc.asyncModelRun(() => ({ model, real: { context, run: runs, buckets: 0 } }), cmds);
        } finally {
          await removeOurTrackers(context);
        }
      }),
      settings,
    );
  },
};
