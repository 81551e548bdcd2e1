import { type ApiTrace, toApiTrace, toObsTrace } from "@ctsim/catalog";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { SCENARIO_NAMES } from "../scenarios/scenario-registry.js";
import { generateTraces } from "../timeline/generate-traces.js";
import { asGenerated } from "./as-generated.js";
import { encodeApiTraceJson } from "./encode-api-trace-json.js";
import { encodeObsTraceJson } from "./encode-obs-trace-json.js";

const NOW = Date.UTC(2025, 5, 2);

// The OBS encoder is hand-written for speed; this pins it to the catalog's one API ↔ OBS mapping.
describe("encodeObsTraceJson", () => {
  test.prop(
    [
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.subarray([...SCENARIO_NAMES]),
      fc.integer({ min: 1, max: 3 }),
    ],
    { numRuns: 12 },
  )(
    "writes what the catalog's toObsTrace makes of the API record, with the event's placement and call facts, and toApiTrace reads it back",
    (seed, scenarios, tenants) => {
      const options = { seed, scenarios, tenants, now: NOW, from: NOW - 86_400_000, to: NOW };
      for (const event of generateTraces({ ...options, count: 400 })) {
        const api = JSON.parse(encodeApiTraceJson(event)) as ApiTrace;
        const obs = JSON.parse(encodeObsTraceJson(event)) as unknown;
        const generated = asGenerated(event);
        const user = generated.user;
        const placement = {
          projectId: event.projectId,
          trackerName: event.trackerName,
          eventType: event.eventType,
          domainId: event.domainId,
          ...(user === null
            ? {}
            : {
                userAgent: user.userAgent,
                contentLength: Buffer.byteLength(api.request ?? "", "utf8"),
                totalTime: generated.totalTime,
              }),
        };
        expect(obs).toStrictEqual(toObsTrace(api, placement));
        expect(toApiTrace(obs as Record<string, unknown>)).toStrictEqual(api);
      }
    },
  );
});
