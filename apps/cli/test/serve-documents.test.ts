import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { killServes, startServe } from "./support/serve-ctsim.js";

// The documents a client needs to talk to `ctsim serve`, served over HTTP outside the gateway:
// the same bytes as @ctsim/catalog's files, with no credentials, while the API still wants them.
const catalogDir = dirname(createRequire(import.meta.url).resolve("@ctsim/catalog/package.json"));
const catalogFile = (...path: string[]): string => readFileSync(join(catalogDir, ...path), "utf8");

afterEach(() => killServes());

describe("ctsim serve publishes its API description", () => {
  it("serves /openapi.json and the records' JSON Schemas without credentials under --auth aksk", async () => {
    const { banner } = await startServe(["--days", "1", "--no-cache", "--auth", "aksk"]);
    const [, url] = /^API: (http:\/\/\S+)\/openapi\.json/m.exec(banner) ?? [];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const openapi = await fetch(`${url}/openapi.json`);
    expect(openapi.status).toBe(200);
    expect(openapi.headers.get("content-type")).toMatch(/^application\/json/);
    const text = await openapi.text();
    expect(text).toBe(catalogFile("openapi", "cts-v3.openapi.json"));
    const document = JSON.parse(text) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(document.paths)).toContain("/v3/{project_id}/traces");

    const trace = await fetch(`${url}/schemas/trace.json`);
    expect(trace.status).toBe(200);
    expect(await trace.text()).toBe(catalogFile("schema", "ApiTrace.json"));
    const obs = await fetch(`${url}/schemas/obs-trace.json`);
    expect(await obs.text()).toBe(catalogFile("schema", "ObsTrace.json"));
    const page = await fetch(`${url}/schemas/ListTracesResponse.json`);
    expect(await page.text()).toBe(catalogFile("schema", "ListTracesResponse.json"));

    const head = await fetch(`${url}/openapi.json`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBe(Buffer.byteLength(text));
    expect(await head.text()).toBe("");

    // The API itself still asks for a signature, and an unknown schema is CTS's 404, not a file.
    const project = /^project id: (\S+)/m.exec(banner)?.[1] as string;
    const unsigned = await fetch(`${url}/v3/${project}/traces`);
    expect(unsigned.status).toBe(401);
    const missing = await fetch(`${url}/schemas/nope.json`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toHaveProperty("error_code");
  }, 120_000);
});
