// Copied into a scratch project outside the workspace, where @ctsim/* come from the packed
// tarballs (built JavaScript and types): what a user's integration test does with them.
import { TRACE_QUERY_FILTERS } from "@ctsim/contract";
import { tenantIdentities } from "@ctsim/generator";
import { createCtsHandlers, identityGateway, loadGeneratedTraces, TraceStore } from "@ctsim/mock";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, expect, it } from "vitest";

interface TracePage {
  readonly traces: readonly { readonly trace_id: string; readonly time: number }[];
  readonly meta_data: { readonly count: number; readonly marker: string | null };
}

const DAY = 86_400_000;
const now = Date.UTC(2026, 5, 15, 12);
const store = new TraceStore({ now: () => now });
loadGeneratedTraces(store, { seed: 7, days: 7 });
const identities = tenantIdentities({ seed: 7, now });
const server = setupServer(
  ...createCtsHandlers({
    store,
    now: () => now,
    ...identityGateway({ identities, auth: "none" }),
    faults: "traces:fail-page=2:503",
  }),
);
const project = identities[0]?.projects[0]?.projectId as string;
const base = `https://cts.cn-north-4.myhuaweicloud.com/v3/${project}/traces`;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

it("pages a day of traces with next, recovering from the injected 503", async () => {
  const window = `trace_type=system&limit=50&from=${now - DAY}&to=${now}`;
  const ids: string[] = [];
  let marker: string | null = null;
  let pages = 0;
  let retried = 0;
  do {
    const response: Response = await fetch(`${base}?${window}${marker ? `&next=${marker}` : ""}`);
    if (response.status === 503) {
      retried++;
      continue;
    }
    expect(response.status).toBe(200);
    const page = (await response.json()) as TracePage;
    for (const trace of page.traces) {
      expect(trace.time).toBeGreaterThanOrEqual(now - DAY);
      expect(trace.time).toBeLessThanOrEqual(now);
      ids.push(trace.trace_id);
    }
    marker = page.meta_data.marker;
    pages++;
  } while (marker !== null);
  expect(retried).toBe(1);
  expect(pages).toBeGreaterThan(2);
  expect(new Set(ids).size).toBe(ids.length);
});

it("answers a bad query with CTS.0300", async () => {
  const response = await fetch(`${base}?trace_type=system&limit=0`);
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error_code: string; error_msg: string };
  expect(body.error_code).toBe("CTS.0300");
});

it("exposes the contract kit's filters", () => {
  expect(TRACE_QUERY_FILTERS.length).toBeGreaterThan(0);
});
