import type { ApiTrace, Notification } from "@ctsim/catalog";
import { parseFilterRule, ruleHolds } from "./filter-rule.js";

/** What matching needs beyond the notification and the trace. */
export interface MatchingOptions {
  /**
   * IAM groups a user belongs to, by user name: a `notify_user_list` group with an empty
   * `user_list` stands for all of its members. Default: no user is known to be in any group (the
   * mock has no IAM), so only users listed by name match.
   */
  readonly groupsOf?: (userName: string) => readonly string[];
}

/**
 * Whether a key event notification fires for a trace (reference §1.4, §6.3), in this order:
 * - it is `enabled` and has a `topic_id` (a notification without a destination sends nothing);
 * - `operation_type` `complete` fires for every trace (every operation ctsim records is one of a
 *   service connected to CTS); `operations` and `notify_user_list` are then ignored, as the API
 *   says they are "not needed" (whether CTS applies them when given is unconfirmed);
 * - `customized` fires when one entry of `operations` names the trace's `service_type` and
 *   `resource_type` and lists its `trace_name` (exact, case-sensitive), and, when
 *   `notify_user_list` names any group or user, the trace's `user.name` is listed or in a listed
 *   group (system actions, without a user, then never fire);
 * - a `filter` with `is_support_filter` true and rules must hold: all rules with `AND`, one with
 *   `OR` (rules that do not parse, which the API refuses, never hold).
 *
 * @example
 * notificationFires(notification, trace); // true or false
 */
export function notificationFires(
  notification: Notification,
  trace: ApiTrace,
  options: MatchingOptions = {},
): boolean {
  if (notification.status !== "enabled" || notification.topic_id === undefined) return false;
  if (notification.operation_type === "customized") {
    if (!operationListed(notification, trace)) return false;
    if (!userListed(notification, trace, options)) return false;
  }
  return filterHolds(notification, trace);
}

/**
 * The notifications among `notifications` that fire for `trace`, in their order.
 *
 * @example
 * notificationsFiredBy(trace, state.notifications).map((n) => n.notification_id);
 */
export function notificationsFiredBy(
  trace: ApiTrace,
  notifications: readonly Notification[],
  options: MatchingOptions = {},
): Notification[] {
  return notifications.filter((notification) => notificationFires(notification, trace, options));
}

function operationListed(notification: Notification, trace: ApiTrace): boolean {
  return (notification.operations ?? []).some(
    (operation) =>
      operation.service_type === trace.service_type &&
      operation.resource_type === trace.resource_type &&
      operation.trace_names.includes(trace.trace_name),
  );
}

function userListed(
  notification: Notification,
  trace: ApiTrace,
  options: MatchingOptions,
): boolean {
  const groups = notification.notify_user_list ?? [];
  if (groups.length === 0) return true;
  const name = trace.user?.name;
  if (name === undefined) return false;
  const memberOf = options.groupsOf?.(name) ?? [];
  return groups.some(
    (group) =>
      group.user_list.includes(name) ||
      (group.user_list.length === 0 && memberOf.includes(group.user_group)),
  );
}

function filterHolds(notification: Notification, trace: ApiTrace): boolean {
  const filter = notification.filter;
  if (filter === undefined || !filter.is_support_filter || filter.rule.length === 0) return true;
  const holds = (text: string): boolean => {
    const rule = parseFilterRule(text);
    return rule !== undefined && ruleHolds(rule, trace);
  };
  return filter.condition === "OR" ? filter.rule.some(holds) : filter.rule.every(holds);
}
