import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Where `ctsim serve` publishes the OpenAPI document and the records' JSON Schemas. */
export const DOCUMENT_PATHS = {
  openapi: "/openapi.json",
  trace: "/schemas/trace.json",
  obsTrace: "/schemas/obs-trace.json",
} as const;

/**
 * The documents `ctsim serve` answers without credentials, read from `@ctsim/catalog`'s files:
 * the OpenAPI 3.1 document of the CTS v3 endpoints at `/openapi.json`, every JSON Schema of
 * the catalog at `/schemas/<Name>.json` (`ApiTrace.json`, `ListTracesResponse.json`, ...), and
 * the two trace records under short names, `/schemas/trace.json` (the API shape) and
 * `/schemas/obs-trace.json` (the OBS-file shape).
 */
export function publishedDocuments(): Map<string, string> {
  const catalogDir = dirname(createRequire(import.meta.url).resolve("@ctsim/catalog/package.json"));
  const read = (...path: string[]): string => readFileSync(join(catalogDir, ...path), "utf8");
  const documents = new Map<string, string>([
    [DOCUMENT_PATHS.openapi, read("openapi", "cts-v3.openapi.json")],
    [DOCUMENT_PATHS.trace, read("schema", "ApiTrace.json")],
    [DOCUMENT_PATHS.obsTrace, read("schema", "ObsTrace.json")],
  ]);
  for (const file of readdirSync(join(catalogDir, "schema")).filter((f) => f.endsWith(".json"))) {
    documents.set(`/schemas/${file}`, read("schema", file));
  }
  return documents;
}
