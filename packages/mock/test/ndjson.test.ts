import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeApiTraceJson, encodeObsTraceJson, generateTraces } from "@ctsim/generator";
import { appendNdjson, MockError, TraceStore } from "@ctsim/mock";
import { loadNdjsonFile } from "@ctsim/mock/node";
import { describe, expect, it } from "vitest";
import { storeOrder } from "./support/traces.js";

const decoder = new TextDecoder();
const NOW = Date.UTC(2026, 5, 15, 12);
const events = [
  ...generateTraces({
    seed: 5,
    now: NOW,
    from: NOW - 86_400_000,
    to: NOW,
    count: 60,
    modelartsOnly: true,
  }),
];
const projectId = events[0]!.projectId;

function idsOf(store: TraceStore): string[] {
  const page = store.query({
    projectId,
    kind: "system",
    filters: { tracker_name: "system" },
    after: 0,
    before: NOW,
    limit: 200,
  });
  return page.traces.map(
    (record) => (JSON.parse(decoder.decode(record)) as { trace_id: string }).trace_id,
  );
}

describe("NDJSON loading", () => {
  it("loads the API shape under the given project and OBS-file records under their own", () => {
    const api = new TraceStore({ now: () => NOW });
    const obs = new TraceStore({ now: () => NOW });
    const apiText = events.map(encodeApiTraceJson).join("\n");
    const obsText = `${[...events].reverse().map(encodeObsTraceJson).join("\n")}\n`;
    expect(appendNdjson(api, apiText, { projectId })).toBe(60);
    expect(appendNdjson(obs, obsText, { projectId: "ignored: OBS records carry project_id" })).toBe(
      60,
    );
    // Newest first; equal times later-recorded first, then the greater trace_id.
    const newestFirst = (a: (typeof events)[number], b: (typeof events)[number]): number =>
      storeOrder(b, a);
    const expected = [...events].sort(newestFirst).map((e) => e.traceId);
    expect(idsOf(api)).toEqual(expected);
    const ownProject = [...events].filter((e) => e.projectId === projectId);
    expect(ownProject.length).toBeLessThan(60);
    expect(idsOf(obs)).toEqual(ownProject.sort(newestFirst).map((e) => e.traceId));
    const first = api.findById(projectId, events[0]!.traceId)!;
    expect(JSON.parse(first)).toEqual(JSON.parse(encodeApiTraceJson(events[0]!)));
  });

  it("streams a file and names the bad line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ctsim-mock-"));
    const good = join(dir, "good.ndjson");
    writeFileSync(good, `${events.slice(0, 10).map(encodeApiTraceJson).join("\n")}\n\n`);
    const store = new TraceStore({ now: () => NOW });
    expect(await loadNdjsonFile(store, good, { projectId })).toBe(10);
    const bad = join(dir, "bad.ndjson");
    writeFileSync(bad, `${encodeApiTraceJson(events[0]!)}\n{"trace_id":"x"}\n`);
    const failure = loadNdjsonFile(new TraceStore({ now: () => NOW }), bad, { projectId });
    await expect(failure).rejects.toThrow(MockError);
    await expect(
      loadNdjsonFile(new TraceStore({ now: () => NOW }), bad, { projectId }),
    ).rejects.toThrow(/line 2/);
  });
});
