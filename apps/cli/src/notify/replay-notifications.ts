import { type Notification, type NotificationType, validatorFor } from "@ctsim/catalog";
import { notificationBodyProblem } from "@ctsim/mock";
import { usageError } from "../cli-error.js";

/** Topic of the notification `ctsim notify` makes from `--operations`/`--filter`, by format. */
const REPLAY_TOPICS = {
  smn: "urn:smn:cn-north-4:ctsim:ctsim-notify",
  fun: "urn:fss:cn-north-4:ctsim:function:default:ctsim-notify",
} as const satisfies Record<NotificationType, string>;

/**
 * The notifications a replay fires: those given as JSON (one notification or request body, an
 * array of them, or a ListNotifications answer `{notifications: [...]}`), each checked as
 * `POST /notifications` would check it; missing ids, status and type are filled (ids
 * `replay-1`, ...; `enabled`; type from `topic_id`, or `format`). Without JSON, one notification
 * from `--operations` (comma-separated `service/resource_type/trace_name`: `customized`) or, if
 * none, `complete`, with the `--filter` rules.
 *
 * @throws CliError (usage) naming the notification and what is wrong.
 * @example
 * replayNotifications({ operations: "ModelArts/Notebook/deleteNotebook", filters: [], format: "smn" });
 */
export function replayNotifications(input: {
  readonly json?: string;
  readonly operations?: string;
  readonly filters: readonly string[];
  readonly condition?: "AND" | "OR";
  readonly format: NotificationType;
}): Notification[] {
  if (input.json !== undefined) {
    if (input.operations !== undefined || input.filters.length > 0)
      throw usageError("give --notifications, or --operations/--filter, not both");
    return fromJson(input.json, input.format);
  }
  const body = {
    notification_name: "ctsim-notify",
    operation_type: input.operations === undefined ? "complete" : "customized",
    ...(input.operations === undefined ? {} : { operations: parseOperations(input.operations) }),
    topic_id: REPLAY_TOPICS[input.format],
    ...(input.filters.length === 0
      ? {}
      : {
          filter: {
            condition: input.condition ?? "AND",
            is_support_filter: true,
            rule: [...input.filters],
          },
        }),
  };
  return [checked(body, 0, input.format)];
}

function fromJson(text: string, format: NotificationType): Notification[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    throw usageError(`--notifications is not JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(parsed)
    ? parsed
    : typeof parsed === "object" &&
        parsed !== null &&
        Array.isArray((parsed as { notifications?: unknown }).notifications)
      ? (parsed as { notifications: unknown[] }).notifications
      : [parsed];
  if (list.length === 0) throw usageError("--notifications lists no notification");
  return list.map((item, index) => checked(item, index, format));
}

function checked(item: unknown, index: number, format: NotificationType): Notification {
  const where = `--notifications[${index}]`;
  if (typeof item !== "object" || item === null || Array.isArray(item))
    throw usageError(`${where} must be a notification object`);
  const record = item as Record<string, unknown>;
  const {
    notification_id,
    notification_type,
    status,
    project_id,
    create_time,
    domain_id,
    ...body
  } = record;
  const issue = validatorFor("CreateNotificationRequest").issues(body, 1)[0];
  if (issue !== undefined) throw usageError(`${where}: ${issue.message}`);
  const problem = notificationBodyProblem(body as Parameters<typeof notificationBodyProblem>[0]);
  if (problem !== undefined) throw usageError(`${where}: ${problem}`);
  const topic = typeof body.topic_id === "string" ? body.topic_id : undefined;
  if (topic === undefined) throw usageError(`${where} has no topic_id: it would send nothing`);
  const notification = {
    ...body,
    notification_id: typeof notification_id === "string" ? notification_id : `replay-${index + 1}`,
    notification_type: topic.startsWith("urn:fss:")
      ? "fun"
      : topic.startsWith("urn:smn:")
        ? "smn"
        : format,
    status: status === "disabled" ? "disabled" : "enabled",
    project_id: typeof project_id === "string" ? project_id : "*",
    create_time: typeof create_time === "number" ? create_time : 0,
  };
  return notification as Notification;
}

function parseOperations(text: string): NonNullable<Notification["operations"]> {
  const byResource = new Map<
    string,
    { service_type: string; resource_type: string; trace_names: string[] }
  >();
  for (const item of text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")) {
    const parts = item.split("/");
    const [service_type, resource_type, trace_name] = parts;
    if (parts.length !== 3 || !service_type || !resource_type || !trace_name)
      throw usageError(
        `--operations: "${item}" must read service/resource_type/trace_name, e.g. ModelArts/Notebook/deleteNotebook`,
      );
    const key = `${service_type}/${resource_type}`;
    const entry = byResource.get(key) ?? { service_type, resource_type, trace_names: [] };
    entry.trace_names.push(trace_name);
    byResource.set(key, entry);
  }
  if (byResource.size === 0) throw usageError("--operations names no operation");
  return [...byResource.values()];
}
