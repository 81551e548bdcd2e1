import { validatorFor } from "@ctsim/catalog";
import { type ContractReport, runConsumerContract } from "@ctsim/contract";
import { describe, expect, it } from "vitest";

/** A careful normaliser: validates either shape, maps it, reports bad records as Errors. */
function normalise(record: unknown): unknown {
  const api = validatorFor("ApiTrace");
  const obs = validatorFor("ObsTrace");
  if (!api.check(record) && !obs.check(record)) return new Error("not a CTS trace");
  const trace = record as { trace_id: string; trace_name: string; time: number; user?: unknown };
  const user =
    typeof trace.user === "string"
      ? (JSON.parse(trace.user) as { name?: string })
      : (trace.user as { name?: string } | null | undefined);
  return {
    id: trace.trace_id,
    action: trace.trace_name,
    at: new Date(trace.time).toISOString(),
    actor: user?.name ?? "system",
  };
}

const failedIds = (report: ContractReport): string[] =>
  report.results.filter((r) => r.status === "failed").map((r) => r.id);
const run = (
  consume: (trace: unknown) => unknown,
  invalid?: "return" | "throw" | "either",
): Promise<ContractReport> =>
  runConsumerContract({ consume, numRuns: 40, seed: 7, ...(invalid ? { invalid } : {}) });

describe("the consumer suite", () => {
  it("passes a careful consumer", async () => {
    const report = await run(normalise, "return");
    expect(failedIds(report)).toEqual([]);
    expect(report.results).toHaveLength(5);
  });

  it("passes an async consumer that rejects invalid records", async () => {
    const report = await run(async (record) => {
      const out = normalise(record);
      if (out instanceof Error) throw out;
      return out;
    }, "throw");
    expect(failedIds(report)).toEqual([]);
  });

  it("catches a consumer that assumes every trace has a user", async () => {
    const report = await run((record) => {
      const out = normalise(record);
      return out instanceof Error
        ? out
        : {
            ...(out as object),
            domain: (record as { user: { domain: { name: string } } }).user.domain.name,
          };
    });
    expect(failedIds(report)).toContain("consumer/accepts-valid");
  });

  it("catches a consumer that only understands the API shape", async () => {
    const report = await run((record) =>
      validatorFor("ApiTrace").check(record) ? normalise(record) : new Error("unknown shape"),
    );
    expect(failedIds(report)).toContain("consumer/accepts-valid");
  });

  it("catches a consumer that needs optional fields", async () => {
    const report = await run((record) => {
      const out = normalise(record);
      if (
        !(out instanceof Error) &&
        typeof (record as { resource_id?: unknown }).resource_id !== "string"
      )
        return new Error("no resource_id");
      return out;
    });
    expect(failedIds(report)).toContain("consumer/tolerates-missing-optional");
  });

  it("catches a consumer that rejects unknown fields", async () => {
    const known = new Set([
      "trace_id",
      "trace_name",
      "trace_rating",
      "trace_type",
      "service_type",
      "resource_type",
      "resource_id",
      "resource_name",
      "time",
      "record_time",
      "user",
      "source_ip",
      "request",
      "response",
      "code",
      "api_version",
      "message",
      "request_id",
      "location_info",
      "endpoint",
      "resource_url",
      "enterprise_project_id",
      "resource_account_id",
      "read_only",
      "operation_id",
      "event_type",
      "project_id",
      "tracker_name",
      "domain_id",
      "user_agent",
      "content_length",
      "total_time",
    ]);
    const report = await run((record) => {
      const out = normalise(record);
      if (!(out instanceof Error) && Object.keys(record as object).some((key) => !known.has(key)))
        return new Error("unknown field");
      return out;
    });
    expect(failedIds(report)).toEqual(["consumer/tolerates-unknown-fields"]);
  });

  it("catches a consumer that loses the trace id", async () => {
    const report = await run((record) => {
      const out = normalise(record);
      return out instanceof Error ? out : { ...(out as object), id: "constant" };
    });
    expect(failedIds(report)).toEqual(["consumer/keeps-trace-id"]);
  });

  it("catches a consumer that crashes, or passes garbage through, on invalid records", async () => {
    const crashes = await run(
      (record) =>
        (record as { trace_name: { length: number } }).trace_name.length > 0 && normalise(record),
    );
    expect(failedIds(crashes)).toContain("consumer/reports-invalid");
    const passesThrough = await run((record) => record);
    expect(failedIds(passesThrough)).toEqual(["consumer/reports-invalid"]);
    const throwsStrings = await run((record) => {
      if (normalise(record) instanceof Error) throw "bad record";
      return normalise(record);
    });
    expect(failedIds(throwsStrings)).toEqual(["consumer/reports-invalid"]);
  });

  it("holds a consumer to the configured way of reporting", async () => {
    const throwing = (record: unknown): unknown => {
      const out = normalise(record);
      if (out instanceof Error) throw out;
      return out;
    };
    expect(failedIds(await run(throwing, "return"))).toEqual(["consumer/reports-invalid"]);
    expect(failedIds(await run(normalise, "throw"))).toEqual(["consumer/reports-invalid"]);
  });
});
