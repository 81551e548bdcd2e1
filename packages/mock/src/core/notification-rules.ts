import { TRACE_RATINGS } from "@ctsim/catalog";
import { parseFilterRule } from "../notify/filter-rule.js";

/** Most users a notification may notify across its groups (reference §6.3). */
const MAX_NOTIFIED_USERS = 50;
const RULE_SOURCES = ["ConsoleAction", "ApiCall", "SystemAction"];

/**
 * Checks the parts of a notification body the schema cannot: name length, operations for
 * `customized`, the user cap, the topic URN and the filter rule grammar. Returns what is wrong,
 * or `undefined`.
 */
export function notificationBodyProblem(body: {
  readonly notification_name: string;
  readonly operation_type: string;
  readonly operations?: readonly unknown[];
  readonly notify_user_list?: readonly { readonly user_list: readonly string[] }[];
  readonly topic_id?: string;
  readonly filter?: { readonly rule: readonly string[] };
}): string | undefined {
  const name = body.notification_name;
  if (name.length < 1 || name.length > 64) return "notification_name must have 1 to 64 characters";
  if (body.operation_type === "customized" && (body.operations?.length ?? 0) === 0) {
    return "operations are required when operation_type is customized";
  }
  const users = (body.notify_user_list ?? []).reduce(
    (sum, group) => sum + group.user_list.length,
    0,
  );
  if (users > MAX_NOTIFIED_USERS)
    return `notify_user_list names ${users} users; at most 50 are allowed`;
  if (body.topic_id !== undefined && !/^urn:(smn|fss):[^:]+:[^:]+:.+$/.test(body.topic_id)) {
    return "topic_id must be an SMN topic URN (urn:smn:...) or a FunctionGraph URN (urn:fss:...)";
  }
  for (const rule of body.filter?.rule ?? []) {
    const problem = ruleProblem(rule);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** `smn` for SMN topics, `fun` for FunctionGraph functions (derived from `topic_id`). */
export function notificationTypeOf(topicId: string | undefined): "smn" | "fun" {
  return topicId?.startsWith("urn:fss:") === true ? "fun" : "smn";
}

function ruleProblem(rule: string): string | undefined {
  const parsed = parseFilterRule(rule);
  if (parsed === undefined)
    return `filter rule ${JSON.stringify(rule)} must read "<field> = <value>" or "<field> != <value>"`;
  const { field, value } = parsed;
  const ok =
    field === "trace_rating"
      ? (TRACE_RATINGS as readonly string[]).includes(value)
      : field === "trace_type"
        ? RULE_SOURCES.includes(value)
        : field === "api_version"
          ? /^[A-Za-z0-9_.-]{1,64}$/.test(value)
          : value.length <= (field === "resource_id" ? 350 : 256);
  return ok ? undefined : `filter rule ${JSON.stringify(rule)} has an invalid value for ${field}`;
}
