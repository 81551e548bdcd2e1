/** Kinds of schema violations, stable for tests and tools. */
export const SchemaIssueCode = {
  required: "schema.required",
  type: "schema.type",
  enum: "schema.enum",
  pattern: "schema.pattern",
  range: "schema.range",
  other: "schema.other",
} as const satisfies Record<string, string>;
export type SchemaIssueCode = (typeof SchemaIssueCode)[keyof typeof SchemaIssueCode];
