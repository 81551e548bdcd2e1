import type { TSchema } from "@sinclair/typebox";
import { CTS_SCHEMAS, type CtsSchemaName } from "./schema-registry.js";

/** JSON Schema dialect of the emitted files. */
export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

/** A plain JSON value (what the schemas turn into once their TypeBox symbols are gone). */
export type JsonObject = { [key: string]: unknown };

/**
 * The JSON Schema (2020-12) document of a named CTS schema, self-contained: nested named schemas
 * are inlined without their own `$id`.
 *
 * @example
 * writeFileSync("ApiTrace.json", JSON.stringify(jsonSchemaOf("ApiTrace"), null, 2));
 */
export function jsonSchemaOf(name: CtsSchemaName): JsonObject {
  const body = stripNestedIds(plain(CTS_SCHEMAS[name]));
  return { $schema: JSON_SCHEMA_DIALECT, $id: `urn:ctsim:cts:${name}`, ...body };
}

/**
 * The schema as an OpenAPI 3.1 component: nested schemas that have an `$id` of a registered
 * schema become `$ref`s to `#/components/schemas/<id>`.
 */
export function componentSchemaOf(name: CtsSchemaName): JsonObject {
  const { $id: _ownId, ...body } = plain(CTS_SCHEMAS[name]);
  return referenceNested(body);
}

function plain(schema: TSchema): JsonObject {
  // TypeBox keeps its metadata under symbol keys, which JSON drops.
  return JSON.parse(JSON.stringify(schema)) as JsonObject;
}

function stripNestedIds(root: JsonObject): JsonObject {
  const { $id: _rootId, ...rest } = root;
  const strip = (node: JsonObject): JsonObject | undefined => {
    if (!("$id" in node)) return undefined;
    const { $id: _id, ...withoutId } = node;
    return rewriteNested(withoutId, strip, true) as JsonObject;
  };
  return rewriteNested(rest, strip, true) as JsonObject;
}

function referenceNested(root: JsonObject): JsonObject {
  const toRef = (node: JsonObject): JsonObject | undefined =>
    typeof node.$id === "string" && node.$id in CTS_SCHEMAS
      ? { $ref: `#/components/schemas/${node.$id}` }
      : undefined;
  return rewriteNested(root, toRef, true) as JsonObject;
}

/** Rebuilds `value`, swapping each nested object for what `replace` returns (if anything). */
function rewriteNested(
  value: unknown,
  replace: (node: JsonObject) => JsonObject | undefined,
  isRoot = false,
): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteNested(item, replace));
  if (value === null || typeof value !== "object") return value;
  const node = value as JsonObject;
  const replaced = isRoot ? undefined : replace(node);
  if (replaced) return replaced;
  return Object.fromEntries(
    Object.entries(node).map(([key, child]) => [key, rewriteNested(child, replace)]),
  );
}
