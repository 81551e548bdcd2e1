import { CTS_SCHEMAS, type CtsSchemaName, ctsOpenApiDocument, jsonSchemaOf } from "@ctsim/catalog";
import type { Artifact } from "./artifact.js";

/** Where the OpenAPI document of the served CTS v3 endpoints is checked in. */
export const OPENAPI_PATH = "packages/catalog/openapi/cts-v3.openapi.json";

const asJsonFile = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** One JSON Schema (2020-12) file per named CTS schema, under `packages/catalog/schema/`. */
export function jsonSchemaArtifacts(): Artifact[] {
  return (Object.keys(CTS_SCHEMAS) as CtsSchemaName[]).map((name) => ({
    path: `packages/catalog/schema/${name}.json`,
    render: () => asJsonFile(jsonSchemaOf(name)),
  }));
}

/** The OpenAPI 3.1 document, as a checked-in file. */
export const openApiArtifact: Artifact = {
  path: OPENAPI_PATH,
  render: () => asJsonFile(ctsOpenApiDocument()),
};
