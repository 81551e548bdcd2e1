import {
  type CreateNotificationRequest,
  DEFAULT_REVISION,
  FILTER_CONDITIONS,
  operationsOf,
  type Revision,
  TRACE_RATINGS,
} from "@ctsim/catalog";
import fc from "fast-check";

/** Options of {@link notificationRequestArbitrary}. */
export interface NotificationArbitraryOptions {
  /** Prefix of every notification name. Default `""`. */
  readonly namePrefix?: string;
  /** Project in the SMN topic URN. Default `"0123456789abcdef0123456789abcdef"`. */
  readonly projectId?: string;
  /** Catalog revision the customized operations come from. Default: `DEFAULT_REVISION`. */
  readonly revision?: Revision;
}

/** A notification name: the prefix, then 1–24 of `[A-Za-z0-9_-]` (CTS documents no rule). */
export function notificationNameArbitrary(
  options: Pick<NotificationArbitraryOptions, "namePrefix"> = {},
): fc.Arbitrary<string> {
  const prefix = options.namePrefix ?? "";
  return fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/).map((tail) => `${prefix}${tail}`);
}

/** A filter rule of the grammar `"<field> <op> <value>"` (reference §6.3). */
export function notificationRuleArbitrary(): fc.Arbitrary<string> {
  const op = fc.constantFrom("=", "!=");
  return fc.oneof(
    fc
      .tuple(op, fc.constantFrom("200", "201", "400", "403", "500"))
      .map(([o, v]) => `code ${o} ${v}`),
    fc.tuple(op, fc.constantFrom(...TRACE_RATINGS)).map(([o, v]) => `trace_rating ${o} ${v}`),
    fc
      .tuple(op, fc.constantFrom("ConsoleAction", "ApiCall", "SystemAction"))
      .map(([o, v]) => `trace_type ${o} ${v}`),
    fc.tuple(op, fc.constantFrom("v1", "v2")).map(([o, v]) => `api_version ${o} ${v}`),
  );
}

/**
 * A valid CreateNotification body with an SMN topic (reference §1.4, §6.3): `complete`, or
 * `customized` with operations grouped by resource type from the catalog; at most 10 user groups
 * and 50 users; an optional filter of valid rules.
 *
 * @example
 * fc.sample(notificationRequestArbitrary({ namePrefix: "ct-" }), 1)[0].topic_id; // "urn:smn:…"
 */
export function notificationRequestArbitrary(
  options: NotificationArbitraryOptions = {},
): fc.Arbitrary<CreateNotificationRequest> {
  const projectId = options.projectId ?? "0123456789abcdef0123456789abcdef";
  const byType = new Map<string, string[]>();
  for (const row of operationsOf(options.revision ?? DEFAULT_REVISION)) {
    byType.set(row.resourceType, [...(byType.get(row.resourceType) ?? []), row.traceName]);
  }
  const operation = fc.constantFrom(...byType.entries()).chain(([resourceType, names]) =>
    fc.subarray(names, { minLength: 1 }).map((trace_names) => ({
      service_type: "ModelArts",
      resource_type: resourceType,
      trace_names,
    })),
  );
  const users = fc.array(
    fc.record({
      user_group: fc.stringMatching(/^[a-z][a-z0-9_-]{2,15}$/),
      user_list: fc.array(fc.stringMatching(/^[a-z][a-z0-9_-]{2,15}$/), {
        minLength: 1,
        maxLength: 5,
      }),
    }),
    { maxLength: 10 },
  );
  const filter = fc.record({
    condition: fc.constantFrom(...FILTER_CONDITIONS),
    is_support_filter: fc.boolean(),
    rule: fc.array(notificationRuleArbitrary(), { minLength: 1, maxLength: 5 }),
  });
  return fc
    .record(
      {
        notification_name: notificationNameArbitrary(options),
        customized: fc.option(fc.array(operation, { minLength: 1, maxLength: 3 }), {
          nil: undefined,
        }),
        notify_user_list: users,
        topic: fc.stringMatching(/^[a-z][a-z0-9_-]{2,20}$/),
        region: fc.constantFrom("cn-north-4", "ap-southeast-1", "af-south-1"),
        agency: fc.boolean(),
        filter,
      },
      { requiredKeys: ["notification_name", "topic", "region", "agency"] },
    )
    .map(
      ({ customized, topic, region, agency, ...rest }): CreateNotificationRequest => ({
        ...rest,
        operation_type: customized === undefined ? "complete" : "customized",
        ...(customized === undefined ? {} : { operations: customized }),
        topic_id: `urn:smn:${region}:${projectId}:${topic}`,
        ...(agency ? { agency_name: "cts_admin_trust" as const } : {}),
      }),
    );
}
