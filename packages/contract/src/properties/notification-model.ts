import type {
  CreateNotificationRequest,
  ListNotificationsResponse,
  ListQuotasResponse,
  Notification,
} from "@ctsim/catalog";
import fc from "fast-check";
import { notificationRequestArbitrary } from "../arbitraries/notification.js";
import { type ContractProperty, checkAsyncProperty } from "./contract-property.js";
import { ensure } from "./contract-violation.js";
import { expectError, expectStatus } from "./expect-response.js";
import type { ProviderContext } from "./provider-context.js";

/** What the suite believes about the notifications it created. */
interface NotificationModel {
  /** `smn_notification` quota use before the run. */
  readonly baseline: number;
  readonly quota: number;
  /** Slot k (named `<prefix>n<k>`) → id and status. */
  readonly ours: Map<number, { id: string; status: string; body: CreateNotificationRequest }>;
}

interface NotificationReal {
  readonly context: ProviderContext;
}

type NotificationCommand = fc.AsyncCommand<NotificationModel, NotificationReal>;

const SLOTS = 3;
const slot = fc.nat({ max: SLOTS - 1 });

function nameOf(real: NotificationReal, k: number): string {
  return `${real.context.options.namePrefix}n${k}`;
}

function path(real: NotificationReal, suffix = ""): string {
  return `/v3/${real.context.client.projectId}/notifications${suffix}`;
}

function command(
  text: string,
  check: (model: Readonly<NotificationModel>) => boolean,
  run: (model: NotificationModel, real: NotificationReal) => Promise<void>,
): NotificationCommand {
  return { check, run, toString: () => text };
}

function create(
  bodies: fc.Arbitrary<CreateNotificationRequest>,
): fc.Arbitrary<NotificationCommand> {
  return fc.tuple(slot, bodies).map(([k, generated]) =>
    command(
      `createNotification(n${k}, ${generated.operation_type})`,
      (model) => model.baseline + model.ours.size < model.quota,
      async (model, real) => {
        const name = nameOf(real, k);
        const body = { ...generated, notification_name: name };
        const response = await real.context.client.send({ method: "POST", path: path(real), body });
        if (model.ours.has(k))
          return expectError(`create duplicate ${name}`, response, 400, "CTS.0400");
        expectStatus(`create ${name}`, response, 201, "Notification");
        const created = response.json as Notification;
        ensure(
          created.notification_name === name,
          () => `create ${name}: answered ${created.notification_name}`,
        );
        ensure(
          created.notification_type === "smn",
          () => `create ${name}: an SMN topic gave notification_type ${created.notification_type}`,
        );
        model.ours.set(k, { id: created.notification_id, status: created.status, body });
      },
    ),
  );
}

const update = fc.tuple(slot, fc.constantFrom("enabled", "disabled")).map(([k, status]) =>
  command(
    `updateNotification(n${k}, ${status})`,
    (model) => model.ours.has(k),
    async (model, real) => {
      const mine = model.ours.get(k);
      if (!mine) return;
      const body = { ...mine.body, notification_id: mine.id, status };
      const response = await real.context.client.send({ method: "PUT", path: path(real), body });
      expectStatus(`update ${body.notification_name}`, response, 200, "Notification");
      const updated = response.json as Notification;
      ensure(
        updated.status === status && updated.notification_id === mine.id,
        () => `update: answered ${updated.notification_id} with status ${updated.status}`,
      );
      model.ours.set(k, { ...mine, status });
    },
  ),
);

const remove = slot.map((k) =>
  command(
    `deleteNotification(n${k})`,
    (model) => model.ours.has(k),
    async (model, real) => {
      const mine = model.ours.get(k);
      if (!mine) return;
      const response = await real.context.client.send({
        method: "DELETE",
        path: path(real),
        query: { notification_id: mine.id },
      });
      expectStatus(`delete ${nameOf(real, k)}`, response, 204);
      model.ours.delete(k);
    },
  ),
);

const list = fc.option(slot, { nil: undefined }).map((k) =>
  command(
    k === undefined ? "listNotifications(smn)" : `listNotifications(smn, n${k})`,
    () => true,
    async (model, real) => {
      const query = k === undefined ? undefined : { notification_name: nameOf(real, k) };
      const response = await real.context.client.send({
        method: "GET",
        path: path(real, "/smn"),
        ...(query ? { query } : {}),
      });
      expectStatus("list notifications", response, 200, "ListNotificationsResponse");
      const { notifications } = response.json as ListNotificationsResponse;
      const prefix = real.context.options.namePrefix;
      const listed = notifications
        .filter((n) => n.notification_name.startsWith(prefix))
        .map((n) => `${n.notification_name}:${n.notification_id}:${n.status}`)
        .sort();
      const expected = [...model.ours]
        .map(([slotK, n]) => `${nameOf(real, slotK)}:${n.id}:${n.status}`)
        .filter((entry) => query === undefined || entry.startsWith(`${query.notification_name}:`))
        .sort();
      ensure(
        JSON.stringify(listed) === JSON.stringify(expected),
        () => `listed ${JSON.stringify(listed)}, expected ${JSON.stringify(expected)}`,
      );
      if (query)
        ensure(
          notifications.length === listed.length,
          () => `notification_name=${query.notification_name} also listed others`,
        );
    },
  ),
);

const quotas = fc.constant(
  command(
    "listQuotas()",
    () => true,
    async (model, real) => {
      const response = await real.context.client.send({
        method: "GET",
        path: `/v3/${real.context.client.projectId}/quotas`,
      });
      expectStatus("list quotas", response, 200, "ListQuotasResponse");
      const used = (response.json as ListQuotasResponse).resources.find(
        (r) => r.type === "smn_notification",
      )?.used;
      ensure(
        used === model.baseline + model.ours.size,
        () => `smn_notification used ${used}, expected ${model.baseline + model.ours.size}`,
      );
    },
  ),
);

async function removeOurNotifications(context: ProviderContext): Promise<void> {
  const base = `/v3/${context.client.projectId}/notifications`;
  for (const type of ["smn", "fun"]) {
    const response = await context.client.send({ method: "GET", path: `${base}/${type}` });
    const listed =
      (response.json as Partial<ListNotificationsResponse> | undefined)?.notifications ?? [];
    const ids = listed
      .filter((n) => n.notification_name.startsWith(context.options.namePrefix))
      .map((n) => n.notification_id);
    if (ids.length > 0)
      await context.client.send({
        method: "DELETE",
        path: base,
        query: { notification_id: ids.join(",") },
      });
  }
}

async function initialModel(context: ProviderContext): Promise<NotificationModel> {
  const response = await context.client.send({
    method: "GET",
    path: `/v3/${context.client.projectId}/quotas`,
  });
  expectStatus("list quotas before the run", response, 200, "ListQuotasResponse");
  const quota = (response.json as ListQuotasResponse).resources.find(
    (r) => r.type === "smn_notification",
  );
  ensure(quota !== undefined, () => "quotas list no smn_notification");
  return { baseline: quota.used, quota: quota.quota, ours: new Map() };
}

/**
 * Key event notifications behave as a model: create (CTS.0400 on a duplicate name), update,
 * delete, list (all and by name) and the `smn_notification` quota agree with an in-memory model.
 * Only notifications named with the suite's prefix are created, and they are deleted afterwards.
 */
export const notificationsFollowModel: ContractProperty<ProviderContext> = {
  id: "notifications/model",
  title: "notifications follow the model: create, update, delete, list, quotas and CTS.0400",
  appliesTo: (context) => !context.options.readOnly,
  check: (context, settings) => {
    const bodies = notificationRequestArbitrary({ projectId: context.client.projectId });
    // Creation weighs double so that sequences often reuse a name.
    const commands = fc.commands([create(bodies), create(bodies), update, remove, list, quotas], {
      maxCommands: 15,
    });
    return checkAsyncProperty(
      fc.asyncProperty(commands, async (cmds) => {
        await removeOurNotifications(context);
        const model = await initialModel(context);
        try {
          await fc.asyncModelRun(() => ({ model, real: { context } }), cmds);
        } finally {
          await removeOurNotifications(context);
        }
      }),
      settings,
    );
  },
};
