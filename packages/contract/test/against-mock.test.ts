// Black-box: the kit against ctsim's own mock service, started as a real node:http server with
// two tenants behind its gateway, fed from the credentials file `ctsim serve --credentials`
// writes. The mock is a dev dependency only; src/ never imports it (see layering.test.ts).
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ContractReport,
  PROVIDER_PROPERTIES,
  providerOptionsFromCredentials,
  runProviderContract,
} from "@ctsim/contract";
import { type MockService, startMockService } from "@ctsim/mock/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const NOW = Date.UTC(2026, 2, 10, 12, 0, 0);

let service: MockService;
let dir: string;
let fromFile: ReturnType<typeof providerOptionsFromCredentials>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ctsim-contract-mock-"));
  const credentialsFile = join(dir, "credentials.json");
  service = await startMockService({
    auth: "aksk",
    tenants: 2,
    days: 7,
    expectedCount: 3000,
    port: 0,
    workers: 0,
    cacheDir: false,
    now: () => NOW,
    credentialsFile,
  });
  const document = JSON.parse(await readFile(credentialsFile, "utf8")) as unknown;
  fromFile = providerOptionsFromCredentials({ document, now: NOW });
});
afterAll(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

function failures(report: ContractReport): string[] {
  return report.results
    .filter((r) => r.status === "failed")
    .map((r) => `${r.id}: ${r.error} on ${r.counterexample}`);
}

describe("the provider suite against @ctsim/mock", () => {
  it("passes every property with AK/SK, the gateway's cases included", async () => {
    expect(fromFile.temporaryCredentials).toBeDefined();
    expect(fromFile.expiredCredentials).toBeDefined();
    expect(fromFile.secondAccount).toBeDefined();
    const report = await runProviderContract({
      ...fromFile,
      clock: () => NOW,
      numRuns: 10,
      seed: 2026,
    });
    expect(failures(report)).toEqual([]);
    expect(report.results.map((r) => r.id)).toEqual(PROVIDER_PROPERTIES.map((p) => p.id));
    expect(report.results.filter((r) => r.status === "skipped")).toEqual([]);
  });
});
