import { validatorFor } from "@ctsim/catalog";
import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { generatedTraceArbitrary } from "./generated-trace.js";

describe("generatedTraceArbitrary", () => {
  test.prop([generatedTraceArbitrary()], { numRuns: 30 })(
    "gives ListTraces-shape traces",
    (trace) => {
      expect(validatorFor("ApiTrace").issues(trace)).toEqual([]);
    },
  );

  test.prop([generatedTraceArbitrary({ shape: "obs" })], { numRuns: 30 })(
    "gives OBS-shape traces",
    (trace) => {
      expect(validatorFor("ObsTrace").issues(trace)).toEqual([]);
    },
  );
});
