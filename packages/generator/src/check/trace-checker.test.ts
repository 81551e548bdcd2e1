import { describe, expect, it } from "vitest";
import consoleCreate from "../../../catalog/test/fixtures/reference-api-console-create-notebook.json" with {
  type: "json",
};
import failedJob from "../../../catalog/test/fixtures/reference-api-failed-create-job.json" with {
  type: "json",
};
import systemStop from "../../../catalog/test/fixtures/reference-api-system-stop-notebook.json" with {
  type: "json",
};
import obsCreate from "../../../catalog/test/fixtures/reference-obs-create-notebook.json" with {
  type: "json",
};
import { GeneratorError } from "../generator-error.js";
import { uuidV1 } from "../internal/uuid-v1.js";
import { CheckCode, type Violation } from "./check-code.js";
import { type CheckReport, createTraceChecker, type TraceCheckerOptions } from "./trace-checker.js";

type Rec = Record<string, unknown>;

/**
 * The reference's §8 examples carry trace ids minted ~16 h after their `time` (illustrative ids,
 * unlike Huawei's published examples): {@link idAtTime} re-mints an id at the record's time.
 */
function idAtTime(record: Rec): Rec {
  const id = record.trace_id as string;
  return { ...record, trace_id: uuidV1(record.time as number, 0, id.slice(18)) };
}

/** Reference §8 examples, in ascending time: console create, failed API create, system stop. */
const create = idAtTime(consoleCreate as Rec);
const failed = idAtTime(failedJob as Rec);
const stop = idAtTime(systemStop as Rec);
const obs = idAtTime(obsCreate as Rec);

function checkText(text: string, options?: TraceCheckerOptions): CheckReport {
  const checker = createTraceChecker(options);
  for (const [index, line] of text.split("\n").entries()) checker.check(line, index + 1);
  return checker.finish();
}

function checkRecords(records: readonly unknown[], options?: TraceCheckerOptions): CheckReport {
  return checkText(records.map((r) => JSON.stringify(r)).join("\n"), options);
}

/** The violations as `line code` pairs, the easiest form to compare. */
function found(report: CheckReport): string[] {
  return report.violations.map((v: Violation) => `${v.line} ${v.code}`);
}

const mutate = (base: Rec, change: Rec): Rec => ({ ...base, ...change });
const without = (base: Rec, key: string): Rec => {
  const copy = { ...base };
  delete copy[key];
  return copy;
};

describe("createTraceChecker on the reference examples", () => {
  it("accepts the three ListTraces examples in ascending time as NDJSON", () => {
    const report = checkRecords([create, failed, stop]);
    expect(report).toMatchObject({ records: 3, total: 0, violations: [], shape: "api" });
  });

  it("accepts the OBS-file example, detecting its shape", () => {
    const report = checkRecords([obs]);
    expect(report).toMatchObject({ records: 1, total: 0, shape: "obs" });
  });

  it("checks OBS records against ObsTrace when told to, and API records fail it", () => {
    expect(checkRecords([create], { shape: "obs" }).countsByCode[CheckCode.schemaRequired]).toBe(3);
    expect(
      checkRecords([obs], { shape: "api" }).countsByCode[CheckCode.schemaType],
    ).toBeGreaterThan(0);
  });
});

describe("each violation kind, with its line", () => {
  const cases: [string, readonly unknown[], string[]][] = [
    ["a line that is not JSON", [create, "{not json}", stop], ["2 json.parse"]],
    ["a value that is not an object", [create, 42], ["2 input.format"]],
    ["a missing trace_id", [without(create, "trace_id")], ["1 schema.required"]],
    ["a rating outside the enum", [mutate(create, { trace_rating: "ok" })], ["1 schema.enum"]],
    ["a numeric code in the API shape", [mutate(create, { code: 201 })], ["1 schema.type"]],
    [
      "a trace name breaking CTS's rule",
      [mutate(create, { trace_name: "1create" })],
      ["1 trace.name"],
    ],
    ["a repeated trace_id", [create, failed, failed], ["3 trace.duplicate-id"]],
    ["a code that is not a status", [mutate(create, { code: "abc" })], ["1 trace.code"]],
    ["a 4xx rated normal", [mutate(failed, { trace_rating: "normal" })], ["1 trace.code-rating"]],
    ["a 2xx rated warning", [mutate(create, { trace_rating: "warning" })], ["1 trace.code-rating"]],
    [
      "a 5xx rated normal",
      [mutate(failed, { code: "503", trace_rating: "normal" })],
      ["1 trace.code-rating"],
    ],
    [
      "a 4xx rated incident",
      [mutate(failed, { trace_rating: "incident" })],
      ["1 trace.code-rating"],
    ],
    ["time going backwards", [failed, create], ["2 trace.order"]],
    [
      "record_time before time",
      [mutate(create, { record_time: 1724403600000 })],
      ["1 trace.record-time"],
    ],
    [
      "a SystemAction with a user",
      [mutate(stop, { user: create.user })],
      ["1 trace.system-action"],
    ],
    [
      "a SystemAction with a source IP",
      [mutate(stop, { source_ip: "10.0.0.1" })],
      ["1 trace.system-action"],
    ],
    [
      "a user id with another name",
      [create, mutate(failed, { user: { ...(create.user as Rec), name: "mallory" } })],
      ["2 identity.user"],
    ],
    [
      "a user id in another domain",
      [
        create,
        mutate(failed, { user: { ...(create.user as Rec), domain: { id: "other", name: "x" } } }),
      ],
      ["2 identity.user"],
    ],
    [
      "a domain id with another name",
      [
        create,
        mutate(failed, {
          user: {
            ...(failed.user as Rec),
            domain: { id: "0d1c2b3a49586776f5e4d3c2b1a09f8e", name: "evil" },
          },
        }),
      ],
      ["2 identity.domain"],
    ],
    [
      "a resource used before its create",
      [idAtTime(mutate(stop, { time: 1724403500000, record_time: 1724403500001 })), create],
      ["2 lifecycle.before-create"],
    ],
    [
      "a resource used after its delete",
      [create, mutate(create, { trace_id: "d", trace_name: "deleteNotebook", code: "204" }), stop],
      ["3 lifecycle.after-delete"],
    ],
    [
      "a request that is not JSON text (issue 18 item 1)",
      [mutate(create, { request: '{"config":{"engine_id":},"workspace_id":"0"}' })],
      ["1 trace.body-json"],
    ],
    [
      "a response that is not JSON text",
      [mutate(create, { response: '{"status":1,"create_time":,"version_id":}' })],
      ["1 trace.body-json"],
    ],
    [
      "a trace in the future (2100, after the wall clock)",
      [idAtTime(mutate(create, { time: 4102444800000, record_time: 4102444800001 }))],
      ["1 trace.future"],
    ],
    [
      "a trace id minted 16 hours after the trace",
      [mutate(create, { trace_id: (consoleCreate as Rec).trace_id })],
      ["1 trace.id-time"],
    ],
    [
      "a trace id minted before the trace",
      [mutate(create, { trace_id: uuidV1((create.time as number) - 1, 0, "-9a41-0255ac100047") })],
      ["1 trace.id-time"],
    ],
  ];
  it.each(cases)("reports %s", (_name, records, expected) => {
    const lines = records.map((r) => (typeof r === "string" ? r : JSON.stringify(r)));
    expect(found(checkText(lines.join("\n")))).toEqual(expected);
  });

  it("allows 5xx rated warning or incident, 3xx rated normal and a missing or null code", () => {
    const records = [
      mutate(failed, { trace_id: "a", code: "500", trace_rating: "incident" }),
      mutate(failed, { trace_id: "b", code: "502", trace_rating: "warning" }),
      mutate(failed, { trace_id: "c", code: "302", trace_rating: "normal" }),
      mutate(without(failed, "code"), { trace_id: "d" }),
      mutate(failed, { trace_id: "e", code: null }),
    ];
    expect(found(checkRecords(records))).toEqual([]);
  });

  it("accepts empty and absent bodies, and ids up to a second after record_time", () => {
    const late = uuidV1((create.record_time as number) + 1000, 9_999, "-9a41-0255ac100047");
    expect(found(checkRecords([mutate(create, { request: "", response: null })]))).toEqual([]);
    expect(found(checkRecords([mutate(create, { trace_id: late })]))).toEqual([]);
    const later = uuidV1((create.record_time as number) + 1001, 0, "-9a41-0255ac100047");
    expect(found(checkRecords([mutate(create, { trace_id: later })]))).toEqual(["1 trace.id-time"]);
  });

  it("judges the future against the now it is given (a generated fixture's now)", () => {
    const at = create.record_time as number;
    expect(found(checkRecords([create], { now: at }))).toEqual([]);
    expect(found(checkRecords([create], { now: at - 1 }))).toEqual(["1 trace.future"]);
    expect(() => createTraceChecker({ now: Number.NaN })).toThrow(GeneratorError);
  });

  it("allows equal times, and any order with order: any", () => {
    expect(checkRecords([create, mutate(stop, { time: create.time })]).total).toBe(0);
    expect(checkRecords([failed, create], { order: "any" }).total).toBe(0);
    expect(found(checkRecords([create, failed], { order: "descending" }))).toEqual([
      "2 trace.order",
    ]);
  });

  it("ignores failed creates and deletes for lifecycles", () => {
    const deleteNotebook = { trace_name: "deleteNotebook", code: "204" };
    const records = [
      mutate(create, { trace_id: "1", code: "400", trace_rating: "warning" }), // failed create
      mutate(create, { trace_id: "2" }), // its retry: the real create, not a use-before-create
      mutate(create, { trace_id: "3", ...deleteNotebook, code: "409", trace_rating: "warning" }),
      mutate(stop, { trace_id: "4" }), // still alive: the delete failed
    ];
    expect(found(checkRecords(records))).toEqual([]);
  });

  it("runs lifecycles backwards in a descending stream", () => {
    const del = mutate(create, {
      trace_id: "del",
      trace_name: "deleteNotebook",
      code: "204",
      time: 1724409000000,
      record_time: 1724409000001,
    });
    expect(found(checkRecords([del, stop, create], { order: "descending" }))).toEqual([]);
    const stopAfterDelete = idAtTime(
      mutate(stop, { time: 1724409500000, record_time: 1724409500001 }),
    );
    const stopBeforeCreate = idAtTime(
      mutate(stop, { time: 1724403000000, record_time: 1724403000001 }),
    );
    expect(found(checkRecords([stopAfterDelete, del, create], { order: "descending" }))).toEqual([
      "2 lifecycle.after-delete",
    ]);
    expect(found(checkRecords([del, create, stopBeforeCreate], { order: "descending" }))).toEqual([
      "3 lifecycle.before-create",
    ]);
  });

  it("checks every record of a ListTraces page, newest first by default", () => {
    const page = {
      traces: [stop, failed, create],
      meta_data: { count: 3, marker: create.trace_id },
    };
    expect(checkRecords([page])).toMatchObject({ records: 3, total: 0 });
    const ascending = checkRecords([{ ...page, traces: [create, failed, stop] }]);
    // create, then a later stop, read newest first: the stop came before the create
    expect(found(ascending)).toEqual([
      "1 trace.order",
      "1 trace.order",
      "1 lifecycle.before-create",
    ]);
    expect(ascending.violations.map((v) => v.message.slice(0, 10))).toEqual([
      "traces[1]:",
      "traces[2]:",
      "traces[2]:",
    ]);
    expect(ascending.violations[0]).toMatchObject({
      line: 1,
      code: CheckCode.order,
      traceId: failed.trace_id,
    });
  });

  it("reports an OBS user that is not JSON text of an object, and checks its fields", () => {
    const report = checkRecords([
      mutate(obs, { trace_id: "1", user: "{not json" }),
      mutate(obs, { trace_id: "2", user: "[1]" }),
      mutate(obs, { trace_id: "3", user: '{"name":1}' }),
    ]);
    expect(found(report)).toEqual(["1 trace.user-json", "2 trace.user-json", "3 schema.type"]);
  });

  it("reads identities out of OBS user text", () => {
    const renamed = mutate(obs, {
      trace_id: "2",
      user: (obs.user as string).replace("alice", "eve"),
    });
    expect(found(checkRecords([obs, renamed]))).toEqual(["2 identity.user"]);
  });
});

describe("report", () => {
  it("keeps the first maxViolations, counts and streams all of them", () => {
    const streamed: Violation[] = [];
    const records = Array.from({ length: 5 }, () => mutate(create, { code: "abc" }));
    const report = checkRecords(records, {
      maxViolations: 2,
      onViolation: (v) => streamed.push(v),
    });
    expect(report.violations).toHaveLength(2);
    expect(streamed).toHaveLength(9); // 5 bad codes + 4 repeated ids
    expect(report.total).toBe(9);
    expect(report.countsByCode).toEqual({ "trace.code": 5, "trace.duplicate-id": 4 });
    expect(streamed[1]).toEqual({
      line: 2,
      code: "trace.duplicate-id",
      message: `trace_id ${create.trace_id} was already seen on line 1`,
      traceId: create.trace_id,
    });
  });

  it("rejects options outside their documented values", () => {
    expect(() => createTraceChecker({ order: "sideways" as "any" })).toThrow(GeneratorError);
    expect(() => createTraceChecker({ shape: "xml" as "api" })).toThrow(GeneratorError);
    expect(() => createTraceChecker({ maxViolations: -1 })).toThrow(GeneratorError);
  });
});
