import { type ApiTrace, type Notification, TRACE_RATINGS, TRACE_SOURCES } from "@ctsim/catalog";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { FILTER_RULE_FIELDS, type FilterRuleField } from "./filter-rule.js";
import { notificationFires, notificationsFiredBy } from "./notification-matching.js";

// Small pools, so that operations, users and rules hit traces often.
const NAMES = ["createNotebook", "deleteNotebook", "login"];
const SERVICES = ["ModelArts", "IAM"];
const RESOURCES = ["Notebook", "user"];
const USERS = ["alice", "bob", "carol"];
const VALUES: Record<FilterRuleField, readonly string[]> = {
  api_version: ["v1", "v2"],
  code: ["200", "201", "403", "500"],
  trace_rating: TRACE_RATINGS,
  trace_type: ["ConsoleAction", "ApiCall", "SystemAction"],
  resource_id: ["r1", "r2"],
  resource_name: ["nb-a", "nb-b"],
};

const traceArb = fc.record({
  trace_id: fc.uuid(),
  trace_name: fc.constantFrom(...NAMES),
  trace_rating: fc.constantFrom(...TRACE_RATINGS),
  trace_type: fc.constantFrom(...TRACE_SOURCES),
  service_type: fc.constantFrom(...SERVICES),
  resource_type: fc.constantFrom(...RESOURCES),
  resource_id: fc.option(fc.constantFrom(...VALUES.resource_id)),
  resource_name: fc.constantFrom(...VALUES.resource_name),
  api_version: fc.option(fc.constantFrom(...VALUES.api_version)),
  code: fc.constantFrom(...VALUES.code),
  time: fc.constant(1_724_403_600_123),
  record_time: fc.constant(1_724_403_600_123),
  user: fc.option(fc.record({ name: fc.constantFrom(...USERS) })),
}) as fc.Arbitrary<ApiTrace>;

interface Rule {
  readonly field: FilterRuleField;
  readonly op: "=" | "!=";
  readonly value: string;
}

const ruleArb: fc.Arbitrary<Rule> = fc.constantFrom(...FILTER_RULE_FIELDS).chain((field) =>
  fc.record({
    field: fc.constant(field),
    op: fc.constantFrom("=" as const, "!=" as const),
    value: fc.constantFrom(...VALUES[field]),
  }),
);

const operationsArb = fc.array(
  fc.record({
    service_type: fc.constantFrom(...SERVICES),
    resource_type: fc.constantFrom(...RESOURCES),
    trace_names: fc.subarray(NAMES),
  }),
  { maxLength: 3 },
);

function notificationArb(overrides: Partial<Notification> = {}): fc.Arbitrary<Notification> {
  return fc
    .record({
      notification_id: fc.uuid(),
      operation_type: fc.constantFrom("complete" as const, "customized" as const),
      operations: operationsArb,
      notify_user_list: fc.array(
        fc.record({ user_group: fc.constantFrom("admins", "ops"), user_list: fc.subarray(USERS) }),
        { maxLength: 2 },
      ),
      status: fc.constantFrom("enabled" as const, "disabled" as const),
      topic_id: fc.option(fc.constant("urn:smn:cn-north-4:p1:audit"), { nil: undefined }),
      filter: fc.option(
        fc.record({
          condition: fc.constantFrom("AND" as const, "OR" as const),
          is_support_filter: fc.boolean(),
          rules: fc.array(ruleArb, { maxLength: 4 }),
        }),
        { nil: undefined },
      ),
    })
    .map(({ filter, topic_id, ...rest }) => ({
      notification_name: "n",
      notification_type: "smn" as const,
      project_id: "p1",
      create_time: 0,
      ...rest,
      ...(topic_id === undefined ? {} : { topic_id }),
      ...(filter === undefined
        ? {}
        : {
            filter: {
              condition: filter.condition,
              is_support_filter: filter.is_support_filter,
              rule: filter.rules.map((r) => `${r.field} ${r.op} ${r.value}`),
            },
          }),
      ...overrides,
    }));
}

/** The filter's meaning, computed from the rule objects rather than from their text. */
function referenceFilter(notification: Notification, trace: ApiTrace): boolean {
  const filter = notification.filter;
  if (filter === undefined || !filter.is_support_filter || filter.rule.length === 0) return true;
  const results = filter.rule.map((text) => {
    const [field, op, ...rest] = text.split(" ");
    const value = rest.join(" ");
    const actual = (trace as unknown as Record<string, unknown>)[field ?? ""];
    const same = typeof actual === "string" && actual === value;
    return op === "=" ? same : !same;
  });
  return filter.condition === "AND" ? !results.includes(false) : results.includes(true);
}

function referenceOperation(notification: Notification, trace: ApiTrace): boolean {
  const keys = new Set(
    (notification.operations ?? []).flatMap((o) =>
      o.trace_names.map((name) => `${o.service_type}/${o.resource_type}/${name}`),
    ),
  );
  return keys.has(`${trace.service_type}/${trace.resource_type}/${trace.trace_name}`);
}

function referenceUser(notification: Notification, trace: ApiTrace): boolean {
  const listed = (notification.notify_user_list ?? []).flatMap((g) => g.user_list);
  const anyGroup = (notification.notify_user_list ?? []).length > 0;
  if (!anyGroup) return true;
  return trace.user?.name !== undefined && listed.includes(trace.user.name);
}

describe("notificationFires", () => {
  test.prop([notificationArb({ status: "disabled" }), traceArb])(
    "a disabled notification never fires",
    (notification, trace) => {
      expect(notificationFires(notification, trace)).toBe(false);
    },
  );

  test.prop([notificationArb(), traceArb])(
    "a notification without a topic never fires",
    (notification, trace) => {
      const { topic_id: _, ...withoutTopic } = notification;
      expect(notificationFires(withoutTopic, trace)).toBe(false);
    },
  );

  test.prop([notificationArb({ operation_type: "complete", status: "enabled" }), traceArb])(
    "complete, enabled and unfiltered fires for every trace, whatever its operations and user list",
    (notification, trace) => {
      const { filter: _, ...unfiltered } = notification;
      fc.pre(notification.topic_id !== undefined);
      expect(notificationFires(unfiltered, trace)).toBe(true);
    },
  );

  test.prop([notificationArb({ status: "enabled" }), traceArb], { numRuns: 500 })(
    "fires exactly when the reference semantics say: operation listed, user listed, filter AND/OR",
    (notification, trace) => {
      fc.pre(notification.topic_id !== undefined);
      const expected =
        (notification.operation_type === "complete" ||
          (referenceOperation(notification, trace) && referenceUser(notification, trace))) &&
        referenceFilter(notification, trace);
      expect(notificationFires(notification, trace)).toBe(expected);
    },
  );

  test.prop([notificationArb({ status: "enabled" }), traceArb])(
    "a filter that is switched off changes nothing",
    (notification, trace) => {
      const { filter, ...unfiltered } = notification;
      fc.pre(filter !== undefined);
      const off = { ...notification, filter: { ...filter, is_support_filter: false } };
      expect(notificationFires(off, trace)).toBe(notificationFires(unfiltered, trace));
    },
  );

  test.prop([fc.array(notificationArb(), { maxLength: 6 }), traceArb])(
    "notificationsFiredBy keeps exactly the firing ones, in order",
    (notifications, trace) => {
      expect(notificationsFiredBy(trace, notifications)).toEqual(
        notifications.filter((n) => notificationFires(n, trace)),
      );
    },
  );

  it("a group without listed users matches its members through groupsOf", () => {
    const notification: Notification = {
      notification_id: "n1",
      notification_name: "n",
      notification_type: "smn",
      operation_type: "customized",
      operations: [{ service_type: "IAM", resource_type: "user", trace_names: ["login"] }],
      notify_user_list: [{ user_group: "admins", user_list: [] }],
      status: "enabled",
      topic_id: "urn:smn:r:p:t",
      project_id: "p1",
      create_time: 0,
    };
    const trace = {
      trace_id: "t",
      trace_name: "login",
      trace_rating: "normal",
      trace_type: "ConsoleAction",
      service_type: "IAM",
      resource_type: "user",
      time: 0,
      record_time: 0,
      user: { name: "alice" },
    } satisfies ApiTrace;
    expect(notificationFires(notification, trace)).toBe(false);
    expect(notificationFires(notification, trace, { groupsOf: () => ["admins"] })).toBe(true);
    expect(notificationFires(notification, { ...trace, user: null })).toBe(false);
  });
});
