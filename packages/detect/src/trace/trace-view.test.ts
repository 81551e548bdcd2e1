import { describe, expect, it } from "vitest";
import { TraceView } from "./trace-view.js";

describe("TraceView", () => {
  const line = JSON.stringify({
    trace_id: "id-1",
    time: 5,
    user: { name: "alice", domain: { id: "d1" }, invoked_by: ["service.console", "x"] },
    request: JSON.stringify({
      status: "disabled",
      config: [{ model_id: "m1" }, { model_id: "m2" }],
    }),
    response: "not json",
    source_ip: null,
  });
  const view = TraceView.fromLine(line);

  it("reads dotted paths into nested objects and flattens arrays", () => {
    expect(view.values(["user", "domain", "id"])).toEqual(["d1"]);
    expect(view.values(["user", "invoked_by"])).toEqual(["service.console", "x"]);
    expect(view.traceId).toBe("id-1");
    expect(view.time).toBe(5);
  });

  it("reads inside request/response JSON text, through arrays", () => {
    expect(view.values(["request", "status"])).toEqual(["disabled"]);
    expect(view.values(["request", "config", "model_id"])).toEqual(["m1", "m2"]);
    expect(view.values(["response", "anything"])).toEqual([]);
    expect(typeof view.values(["request"])[0]).toBe("string");
  });

  it("tells absent ([]) from null ([null])", () => {
    expect(view.values(["source_ip"])).toEqual([null]);
    expect(view.values(["nothing", "here"])).toEqual([]);
  });

  it("refuses a line that is not a JSON object", () => {
    expect(() => TraceView.fromLine("[1]")).toThrow(SyntaxError);
    expect(() => TraceView.fromLine("{")).toThrow(SyntaxError);
  });
});
