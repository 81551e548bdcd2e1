import { describe, expect, it } from "vitest";
import { runIngesterContract } from "../runner/run-contract.js";
import type { Ingester } from "./consumer-ingest-options.js";
import { createReferenceIngester, tracesIn } from "./reference-ingester.js";

/** Stores every record it is given: counts duplicates from files, overlap and retries. */
function noDedupeIngester(): Ingester {
  const stored: string[] = [];
  return {
    ingest(delivery) {
      for (const trace of tracesIn(delivery)) stored.push(String(trace.trace_id));
    },
    stored: () => stored,
  };
}

/** Dedupes, but reads only the API and OBS channels: misses nothing, as every event is in both. */
function apiOnlyIngester(): Ingester {
  const stored = new Set<string>();
  return {
    ingest(delivery) {
      if (delivery.channel !== "api") return;
      for (const trace of tracesIn(delivery)) stored.add(String(trace.trace_id));
    },
    stored: () => [...stored],
  };
}

/** Keys SMN messages by message_id instead of trace_id: stores an event twice when it also came another way. */
function messageIdIngester(): Ingester {
  const stored = new Map<string, string>();
  return {
    ingest(delivery) {
      if (delivery.channel === "smn") {
        const id = (JSON.parse(delivery.body) as { message_id: string }).message_id;
        stored.set(id, id);
        return;
      }
      for (const trace of tracesIn(delivery))
        stored.set(String(trace.trace_id), String(trace.trace_id));
    },
    stored: () => [...stored.values()],
  };
}

describe("ingest/each-event-once", () => {
  it("passes the reference ingester", async () => {
    const report = await runIngesterContract({
      create: createReferenceIngester,
      numRuns: 60,
      seed: 7,
    });
    expect(report.results.map((r) => [r.id, r.status, r.error])).toEqual([
      ["ingest/each-event-once", "passed", null],
    ]);
  });

  it("catches an ingester that does not drop duplicates", async () => {
    const report = await runIngesterContract({ create: noDedupeIngester, numRuns: 60, seed: 7 });
    expect(report.passed).toBe(false);
    expect(report.results[0]?.error).toContain("stored more than once");
  });

  it("catches an ingester that keys notifications by message id, and passes one that reads the API only", async () => {
    const keyed = await runIngesterContract({ create: messageIdIngester, numRuns: 60, seed: 7 });
    expect(keyed.passed).toBe(false);
    expect(keyed.results[0]?.error).toMatch(/stored ids no delivery carried/);
    const apiOnly = await runIngesterContract({ create: apiOnlyIngester, numRuns: 40, seed: 7 });
    expect(apiOnly.passed).toBe(true);
  });
});
