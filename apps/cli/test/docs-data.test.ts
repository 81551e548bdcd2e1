import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createCtsCore, loadGeneratedTraces, TraceStore } from "@ctsim/mock";
import { describe, expect, it } from "vitest";
import { runCtsim } from "./support/run-ctsim.js";

// docs/data.md shows a trace as `ctsim generate` writes it and a ListTraces page as the mock
// answers it. It is rendered here from the code, so it cannot drift: the test fails when the
// file differs; `CTSIM_UPDATE_DOCS=1 npx vitest run apps/cli/test/docs-data.test.ts` rewrites it.
const DOC = fileURLToPath(new URL("../../../docs/data.md", import.meta.url));
const NOW = Date.UTC(2026, 5, 15, 12);
const GENERATE = [
  "generate",
  "--seed",
  "7",
  "--count",
  "1",
  "--modelarts-only",
  "--from",
  "2026-06-08T12:00:00Z",
  "--to",
  "2026-06-15T12:00:00Z",
];

async function traceRecord(): Promise<string> {
  const run = await runCtsim(GENERATE);
  expect(run.code).toBe(0);
  return run.stdout;
}

function listTracesPage(): { readonly target: string; readonly body: string } {
  const store = new TraceStore({ now: () => NOW });
  const { projects } = loadGeneratedTraces(store, {
    seed: 7,
    days: 7,
    modelartsOnly: true,
    end: NOW,
  });
  const core = createCtsCore({ store, now: () => NOW });
  const path = `/v3/${projects[0]}/traces`;
  const query = "trace_type=system&limit=2";
  const response = core.handle({ method: "GET", path, query, headers: {}, body: "" });
  expect(response.status).toBe(200);
  const body =
    typeof response.body === "string" ? response.body : Buffer.from(response.body).toString();
  response.release?.();
  return { target: `GET ${path}?${query}`, body };
}

const pretty = (json: string): string => JSON.stringify(JSON.parse(json), null, 2);

async function render(): Promise<string> {
  const record = await traceRecord();
  const page = listTracesPage();
  return `# What ctsim's data looks like

Rendered by \`apps/cli/test/docs-data.test.ts\` from the code (the test fails when this file
is stale), pretty-printed here; on the wire each is one line of JSON. The fields, their types
and which may be null are in the JSON Schemas (\`packages/catalog/schema/ApiTrace.json\`, served
by \`ctsim serve\` at \`/schemas/trace.json\`) and the endpoints in the OpenAPI document
([packages/catalog/openapi/cts-v3.openapi.json](../packages/catalog/openapi/cts-v3.openapi.json),
served at \`/openapi.json\`).

## A trace record, as \`ctsim generate\` writes it

\`ctsim ${GENERATE.join(" ")}\` writes one NDJSON line:

\`\`\`json
${pretty(record)}
\`\`\`

## A ListTraces page, as the mock answers it

\`${page.target}\` on the mock (seed 7, a week of ModelArts traces ending
${new Date(NOW).toISOString()}, \`auth none\`) answers 200 with:

\`\`\`json
${pretty(page.body)}
\`\`\`

\`meta_data.marker\` is the \`next\` parameter of the following page; it is \`null\` on the last
page.
`;
}

describe("docs/data.md", () => {
  it("shows what ctsim writes and the mock answers today", async () => {
    const expected = await render();
    if (process.env.CTSIM_UPDATE_DOCS === "1") writeFileSync(DOC, expected);
    expect(readFileSync(DOC, "utf8")).toBe(expected);
  });

  it("holds data that ctsim validate accepts", async () => {
    const run = await runCtsim(["validate", "-"], { stdin: await traceRecord() });
    expect(run.code).toBe(0);
    const page = await runCtsim(["validate", "-"], { stdin: listTracesPage().body });
    expect(page.code, page.stdout + page.stderr).toBe(0);
  });
});
