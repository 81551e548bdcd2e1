import { describe, expect, it } from "vitest";
import { TRACE_SOURCES } from "../cts/enums.js";
import { CONTEXT_OPERATIONS, findContextOperation } from "./context-operations.js";

describe("context operations", () => {
  it("names each trace once", () => {
    const names = CONTEXT_OPERATIONS.map((op) => op.traceName);
    expect(new Set(names).size).toBe(names.length);
  });

  it("keeps data traces to OBS objects with data trace sources, and IAM global", () => {
    for (const op of CONTEXT_OPERATIONS) {
      expect(op.traceTypes.every((type) => TRACE_SOURCES.includes(type))).toBe(true);
      if (op.tracker === "data") {
        expect(op.service).toBe("OBS");
        expect(op.traceTypes).toEqual(["ObsSDK", "ObsAPI"]);
      } else {
        expect(op.traceTypes).not.toContain("ObsSDK");
      }
      if (op.service === "IAM") expect(op.eventType).toBe("global");
    }
  });

  it("finds an operation by trace name", () => {
    expect(findContextOperation("login")?.service).toBe("IAM");
    expect(findContextOperation("GET.OBJECT")?.tracker).toBe("data");
    expect(findContextOperation("createNotebook")).toBeUndefined();
  });
});
