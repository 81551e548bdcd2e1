import { SchemaIssueCode } from "@ctsim/catalog/wire";

/**
 * Stable codes of the violations a trace checker reports. Schema violations reuse the catalog's
 * `schema.*` codes, except a `trace_name` that breaks CTS's naming rule, which gets its own code.
 */
export const CheckCode = {
  /** A value is not valid JSON (or a line-delimited record does not end on its line). */
  jsonParse: "json.parse",
  /** The input's framing is wrong: not an object where a trace belongs, stray characters. */
  inputFormat: "input.format",
  /** Schema: a field the trace must have is missing. */
  schemaRequired: SchemaIssueCode.required,
  /** Schema: a field has the wrong JSON type. */
  schemaType: SchemaIssueCode.type,
  /** Schema: a field is outside its closed set of values. */
  schemaEnum: SchemaIssueCode.enum,
  /** Schema: a string does not match its pattern. */
  schemaPattern: SchemaIssueCode.pattern,
  /** Schema: a number or length is out of range. */
  schemaRange: SchemaIssueCode.range,
  /** Schema: any other mismatch. */
  schemaOther: SchemaIssueCode.other,
  /** `trace_name` is not 1–64 characters of `[0-9A-Za-z._-]` starting with a letter. */
  traceName: "trace.name",
  /** A `trace_id` seen before in the same input. */
  duplicateId: "trace.duplicate-id",
  /** `code` is not an HTTP status (100–599). */
  code: "trace.code",
  /** `code` and `trace_rating` disagree (2xx/3xx normal, 4xx warning, 5xx warning or incident). */
  codeRating: "trace.code-rating",
  /** `time` breaks the expected order (ascending, descending). */
  order: "trace.order",
  /** `record_time` is earlier than `time`. */
  recordTime: "trace.record-time",
  /** `request` or `response` is text but not JSON text. */
  bodyJson: "trace.body-json",
  /** `time` or `record_time` is later than the checker's `now`. */
  future: "trace.future",
  /** A v1 `trace_id` carries a time before `time` or well after `record_time`. */
  traceIdTime: "trace.id-time",
  /** A `SystemAction` trace has a user or a source IP. */
  systemAction: "trace.system-action",
  /** An OBS-shape `user` is not JSON text of a UserInfo object. */
  userJson: "trace.user-json",
  /** A resource is used before the trace that creates it. */
  beforeCreate: "lifecycle.before-create",
  /** A resource is used after the trace that deletes it. */
  afterDelete: "lifecycle.after-delete",
  /** A user id appears with a different user name or domain. */
  identityUser: "identity.user",
  /** A domain id appears with a different domain name. */
  identityDomain: "identity.domain",
} as const satisfies Record<string, string>;

/** One of the values of {@link CheckCode}. */
export type CheckCode = (typeof CheckCode)[keyof typeof CheckCode];

/** One broken rule, where it was found, and the trace it belongs to when known. */
export interface Violation {
  /** 1-based line where the offending record (or text) starts. */
  readonly line: number;
  readonly code: CheckCode;
  readonly message: string;
  readonly traceId?: string;
}
