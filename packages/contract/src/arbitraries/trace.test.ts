import { operationsOf, toApiTrace, toObsTrace, validatorFor } from "@ctsim/catalog";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { apiTraceArbitrary, obsTraceArbitrary } from "./trace.js";

describe("trace arbitraries", () => {
  test.prop([apiTraceArbitrary()])("API-shape traces pass the ApiTrace schema", (trace) => {
    expect(validatorFor("ApiTrace").issues(trace)).toEqual([]);
  });

  test.prop([obsTraceArbitrary()])("OBS-shape traces pass the ObsTrace schema", (trace) => {
    expect(validatorFor("ObsTrace").issues(trace)).toEqual([]);
  });

  test.prop([apiTraceArbitrary()])("records a catalog operation, consistently", (trace) => {
    const recorded = operationsOf().some(
      (row) => row.traceName === trace.trace_name && row.resourceType === trace.resource_type,
    );
    expect(recorded).toBe(true);
    expect(trace.record_time).toBeGreaterThanOrEqual(trace.time);
    if (trace.trace_type === "SystemAction") expect(trace.user).toBeNull();
    if (trace.code !== undefined && trace.trace_rating === "normal")
      expect(trace.code).toMatch(/^2/);
  });

  test.prop([apiTraceArbitrary({ timeRange: { min: 1_724_403_600_000, max: 1_724_403_700_000 } })])(
    "trace_id is a v1 UUID whose timestamp is time",
    (trace) => {
      const [low = "", mid = "", high = ""] = trace.trace_id.split("-");
      expect(high[0]).toBe("1");
      const ticks = BigInt(`0x${high.slice(1)}${mid}${low}`);
      expect(Number(ticks / 10_000n - 12_219_292_800_000n)).toBe(trace.time);
    },
  );

  test.prop([apiTraceArbitrary(), fc.string()])(
    "toObsTrace keeps the user as JSON text",
    (trace, projectId) => {
      const obs = toObsTrace(trace, { projectId });
      expect(obs.project_id).toBe(projectId);
      expect(obs.user === null || obs.user === undefined ? obs.user : JSON.parse(obs.user)).toEqual(
        trace.user,
      );
    },
  );

  test.prop([apiTraceArbitrary(), fc.string()])(
    "toApiTrace gives back the API trace toObsTrace converted",
    (trace, projectId) => {
      expect(toApiTrace(toObsTrace(trace, { projectId }))).toEqual(trace);
    },
  );
});
