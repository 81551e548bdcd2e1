import type { ApiTrace } from "@ctsim/catalog";

/** Trace fields a notification filter rule may test (reference §6.3). */
export const FILTER_RULE_FIELDS = [
  "api_version",
  "code",
  "trace_rating",
  "trace_type",
  "resource_id",
  "resource_name",
] as const satisfies readonly (keyof ApiTrace)[];

/** One of {@link FILTER_RULE_FIELDS}. */
export type FilterRuleField = (typeof FILTER_RULE_FIELDS)[number];

/** A parsed filter rule: `"<field> <op> <value>"`. */
export interface FilterRule {
  readonly field: FilterRuleField;
  readonly op: "=" | "!=";
  readonly value: string;
}

const RULE = new RegExp(`^(${FILTER_RULE_FIELDS.join("|")}) (=|!=) (.+)$`);

/**
 * Parses a filter rule such as `"code != 200"`, or returns `undefined` when it does not follow
 * the grammar (field, one space, `=` or `!=`, one space, a value).
 *
 * @example
 * parseFilterRule("trace_type != ApiCall"); // { field: "trace_type", op: "!=", value: "ApiCall" }
 */
export function parseFilterRule(rule: string): FilterRule | undefined {
  const match = RULE.exec(rule);
  if (match === null) return undefined;
  const [, field, op, value = ""] = match;
  return { field: field as FilterRuleField, op: op as "=" | "!=", value };
}

/**
 * Whether a trace satisfies one rule: `=` compares the field's text with the value exactly,
 * `!=` is its negation, so a trace without the field (or with `null`) fails `=` and passes `!=`
 * (CTS's handling of absent fields is unconfirmed). `code` is compared as text (`"200"`).
 *
 * @example
 * ruleHolds({ field: "code", op: "!=", value: "200" }, trace);
 */
export function ruleHolds(rule: FilterRule, trace: ApiTrace): boolean {
  const actual = trace[rule.field];
  const equal = actual !== undefined && actual !== null && String(actual) === rule.value;
  return rule.op === "=" ? equal : !equal;
}
