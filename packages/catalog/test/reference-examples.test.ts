import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type CtsSchemaName, SchemaIssueCode, validatorFor } from "../src/index.js";

/** The constructed example records of reference §8, copied verbatim into fixtures. */
const examples: ReadonlyArray<{ file: string; schema: CtsSchemaName }> = [
  { file: "reference-api-console-create-notebook.json", schema: "ApiTrace" },
  { file: "reference-api-failed-create-job.json", schema: "ApiTrace" },
  { file: "reference-api-system-stop-notebook.json", schema: "ApiTrace" },
  { file: "reference-obs-create-notebook.json", schema: "ObsTrace" },
];

function load(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`fixtures/${file}`, import.meta.url), "utf8"));
}

describe.each(examples)("reference example $file", ({ file, schema }) => {
  const validator = validatorFor(schema);

  it(`validates as ${schema}`, () => {
    const record = load(file);
    expect(validator.issues(record)).toEqual([]);
    expect(validator.check(record)).toBe(true);
  });

  it("rejects a wrong type with a message naming the field", () => {
    const record = { ...load(file), time: String(load(file).time) };
    const issues = validator.issues(record);
    expect(validator.check(record)).toBe(false);
    expect(issues).toContainEqual(
      expect.objectContaining({ code: SchemaIssueCode.type, path: "/time" }),
    );
    expect(issues[0]?.message).toMatch(/^time must be an integer, got "\d{13}"$/);
  });

  it("rejects a missing required field", () => {
    const { trace_id: _dropped, ...record } = load(file);
    expect(validator.issues(record)).toEqual([
      { code: SchemaIssueCode.required, path: "/trace_id", message: "trace_id is required" },
    ]);
  });

  it("rejects a value outside an enum and lists the allowed values", () => {
    const record = { ...load(file), trace_rating: "critical" };
    expect(validator.issues(record)).toEqual([
      {
        code: SchemaIssueCode.enum,
        path: "/trace_rating",
        message: 'trace_rating must be one of "normal", "warning", "incident", got "critical"',
      },
    ]);
  });
});

describe("wire shapes differ where the reference says they do", () => {
  it("the API shape wants code as text, the OBS shape as a number", () => {
    const api = load("reference-api-console-create-notebook.json");
    const obs = load("reference-obs-create-notebook.json");
    expect(validatorFor("ApiTrace").check({ ...api, code: 201 })).toBe(false);
    expect(validatorFor("ObsTrace").check({ ...obs, code: "201" })).toBe(false);
  });

  it("the OBS shape carries user as JSON text and requires event_type, project_id, tracker_name", () => {
    const obs = load("reference-obs-create-notebook.json");
    expect(validatorFor("ObsTrace").check({ ...obs, user: { name: "alice" } })).toBe(false);
    for (const field of ["event_type", "project_id", "tracker_name"]) {
      const { [field]: _dropped, ...rest } = obs;
      expect(validatorFor("ObsTrace").issues(rest)).toContainEqual(
        expect.objectContaining({ code: SchemaIssueCode.required, path: `/${field}` }),
      );
    }
  });

  it("principal_is_root_user is the string enum, not a boolean", () => {
    const api = load("reference-api-console-create-notebook.json");
    const user = { ...(api.user as object), principal_is_root_user: false };
    expect(validatorFor("ApiTrace").check({ ...api, user })).toBe(false);
  });

  it("unknown extra fields are tolerated, as the SDKs ignore them", () => {
    const api = load("reference-api-console-create-notebook.json");
    expect(validatorFor("ApiTrace").check({ ...api, some_future_field: 1 })).toBe(true);
  });
});
