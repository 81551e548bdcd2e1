import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { JSON_SCHEMA_DIALECT, jsonSchemaOf } from "./json-schema.js";
import { CTS_SCHEMAS, type CtsSchemaName } from "./schema-registry.js";

function fixture(file: string): Record<string, unknown> {
  const url = new URL(`../../test/fixtures/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8"));
}

/** An independent JSON Schema 2020-12 implementation checks what TypeBox emitted. */
function compile(name: CtsSchemaName) {
  return new Ajv2020({ strict: false, allErrors: true }).compile(jsonSchemaOf(name));
}

describe("jsonSchemaOf", () => {
  it.each(Object.keys(CTS_SCHEMAS) as CtsSchemaName[])(
    "%s is a self-contained 2020-12 schema",
    (name) => {
      const schema = jsonSchemaOf(name);
      expect(schema.$schema).toBe(JSON_SCHEMA_DIALECT);
      expect(schema.$id).toBe(`urn:ctsim:cts:${name}`);
      expect(JSON.stringify(schema).match(/"\$id"/g)).toHaveLength(1);
      expect(() => compile(name)).not.toThrow();
    },
  );

  it("accepts the reference examples and rejects their mutations, like the TypeBox validators", () => {
    const api = compile("ApiTrace");
    const obs = compile("ObsTrace");
    const console = fixture("reference-api-console-create-notebook.json");
    const file = fixture("reference-obs-create-notebook.json");
    expect(api(console)).toBe(true);
    expect(obs(file)).toBe(true);
    expect(api({ ...console, trace_rating: "fatal" })).toBe(false);
    expect(api({ ...console, trace_name: "9starts-with-digit" })).toBe(false);
    expect(obs({ ...file, code: "201" })).toBe(false);
  });
});
