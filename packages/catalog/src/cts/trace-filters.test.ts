import { describe, expect, it } from "vitest";
import { ListTracesQuerySchema } from "./schemas/list-traces.js";
import type { ApiTrace } from "./schemas/trace.js";
import { traceFilterValue } from "./trace-filter-value.js";
import {
  isNarrowingTraceFilter,
  isTraceFieldFilter,
  SYSTEM_ONLY_FILTERS,
  TRACE_FILTER_NAMES,
  TRACE_FILTERS,
} from "./trace-filters.js";

const trace: ApiTrace = {
  trace_id: "7c2d6a1e-61b3-11ef-9a41-0255ac100047",
  trace_name: "createNotebook",
  trace_rating: "normal",
  trace_type: "ConsoleAction",
  service_type: "ModelArts",
  resource_type: "Notebook",
  resource_id: "3f9c1e52-8b7d-4f0a-a1d2-6e5b4c3a2f10",
  resource_name: "notebook-llm-dev",
  time: 1724403600123,
  record_time: 1724403600456,
  enterprise_project_id: "0",
  user: { name: "alice", access_key_id: "HSTAEXAMPLE" },
};

describe("TRACE_FILTERS", () => {
  it("lists the system-only filters of reference §3, in its order", () => {
    expect(SYSTEM_ONLY_FILTERS.join(" ")).toBe(
      "service_type user resource_id resource_name resource_type trace_id trace_name trace_rating",
    );
  });

  it("gives the query schema its filter properties, in table order after the paging ones", () => {
    const properties = Object.keys(ListTracesQuerySchema.properties);
    expect(properties.slice(0, 5)).toEqual(["trace_type", "limit", "from", "to", "next"]);
    expect(properties.slice(5)).toEqual(TRACE_FILTER_NAMES);
    expect(JSON.parse(JSON.stringify(ListTracesQuerySchema.properties.trace_rating))).toEqual({
      anyOf: TRACE_FILTERS.trace_rating.values.map((value) => ({ const: value, type: "string" })),
    });
  });

  it("names tracker_name as the one placement and trace_id as the one overriding filter", () => {
    expect(TRACE_FILTER_NAMES.filter((name) => !isTraceFieldFilter(name))).toEqual([
      "tracker_name",
    ]);
    expect(TRACE_FILTER_NAMES.filter((name) => !isNarrowingTraceFilter(name))).toEqual([
      "trace_id",
    ]);
  });
});

describe("traceFilterValue", () => {
  it("reads user and access_key_id from the user, the others from the field of their name", () => {
    const values = Object.fromEntries(
      TRACE_FILTER_NAMES.filter(isTraceFieldFilter).map((name) => [
        name,
        traceFilterValue(trace, name),
      ]),
    );
    expect(values).toEqual({
      service_type: "ModelArts",
      user: "alice",
      resource_id: "3f9c1e52-8b7d-4f0a-a1d2-6e5b4c3a2f10",
      resource_name: "notebook-llm-dev",
      resource_type: "Notebook",
      trace_id: "7c2d6a1e-61b3-11ef-9a41-0255ac100047",
      trace_name: "createNotebook",
      trace_rating: "normal",
      access_key_id: "HSTAEXAMPLE",
      enterprise_project_id: "0",
    });
  });

  it("gives nothing when the trace has no user, and the stored value when a field is null", () => {
    expect(traceFilterValue({ ...trace, user: null }, "user")).toBeUndefined();
    const { user: _user, ...withoutUser } = trace;
    expect(traceFilterValue(withoutUser, "access_key_id")).toBeUndefined();
    expect(traceFilterValue({ ...trace, resource_name: null }, "resource_name")).toBeNull();
  });
});
