import { type ContractReport, runProviderContract } from "@ctsim/contract";
import { afterEach, describe, expect, it } from "vitest";
import type { Defect } from "./support/defects.js";
import { REFERENCE_NOW } from "./support/reference-dataset.js";
import { type ReferenceProvider, startReferenceProvider } from "./support/reference-provider.js";

const credentials = { ak: "QTWAOYTTINDUT2QVKYUC", sk: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc" };
let provider: ReferenceProvider | undefined;

afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

async function runAgainst(
  defects: readonly Defect[],
  only?: readonly string[],
): Promise<ContractReport> {
  provider = await startReferenceProvider({ credentials, defects });
  return runProviderContract({
    ...(only ? { only } : {}),
    baseUrl: provider.url,
    projectId: provider.projectId,
    credentials,
    clock: () => REFERENCE_NOW,
    numRuns: 30,
    seed: 424242,
  });
}

function failed(report: ContractReport): string[] {
  return report.results
    .filter((r) => r.status === "failed")
    .map((r) => `${r.id}: ${r.error} ${r.counterexample}`);
}

describe("the provider suite", () => {
  it("passes every property against the correct reference provider", async () => {
    const report = await runAgainst([]);
    expect(failed(report)).toEqual([]);
    expect(report.results.map((r) => r.status)).not.toContain("skipped");
    expect(report.passed).toBe(true);
  });

  // Each defect, the property that must catch it, and the shape of the shrunk counterexample:
  // paging failures shrink to limit=1, model failures to the two or three commands that matter.
  it("checks token authentication too", async () => {
    provider = await startReferenceProvider({ credentials: { token: "t0k3n" } });
    const options = {
      baseUrl: provider.url,
      projectId: provider.projectId,
      clock: () => REFERENCE_NOW,
      numRuns: 10,
      seed: 1,
    };
    const good = await runProviderContract({
      ...options,
      credentials: { token: "t0k3n" },
      only: ["auth/", "limits/"],
    });
    expect(failed(good)).toEqual([]);
    const wrong = await runProviderContract({
      ...options,
      credentials: { token: "other" },
      only: ["auth/"],
    }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: "CONTRACT_SETUP" });
  });

  const cases: readonly (readonly [Defect, string, RegExp])[] = [
    ["drop-last-of-page", "paging/each-trace-once", /,1\]$/],
    ["ignore-trace-name-filter", "filters/sound-and-complete", /^\[\["trace_name","\w+"\],50\]$/],
    ["marker-off-by-one", "paging/each-trace-once", /,1\]$/],
    ["duplicate-trace", "paging/each-trace-once", /,1\]$/],
    ["ascending-order", "paging/each-trace-once", /,1\]$/],
    [
      "500-on-invalid-query",
      "errors/invalid-query-400",
      /"params":\{"trace_type":"system","limit":"0"\}/,
    ],
    ["no-retention", "time-window/retention-7-days", /^\[\d+,\d{1,3}\]$/],
    [
      "duplicate-tracker-accepted",
      "trackers/model",
      /^\[createDataTracker\(t\d, [A-Z+]+\),createDataTracker\(t\d, [A-Z+]+\) /,
    ],
    [
      "notification-quota-leak",
      "notifications/model",
      /^\[createNotification\(n\d, \w+\),deleteNotification\(n\d\),listQuotas\(\) /,
    ],
    [
      "tag-delete-ignores-value",
      "tags/model",
      /^\[setTags\(k\d="[^"]*"\),deleteTags\(k\d="[^"]*"\),(listTags|listProjectTags|filterByTag\(k\d\)) /,
    ],
  ];

  it.each(cases)(
    "catches a provider with %s in %s, with a shrunk counterexample",
    async (defect, property, shrunk) => {
      // Only the property expected to catch it runs, to keep the test fast; it is one of the suite's.
      const report = await runAgainst([defect], [property]);
      expect(report.passed).toBe(false);
      const result = report.results.find((r) => r.id === property);
      expect(result?.status).toBe("failed");
      expect(result?.counterexample).toMatch(shrunk);
      expect(result?.error).toEqual(expect.any(String));
    },
  );
});
