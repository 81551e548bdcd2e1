import { describe, expect, it } from "vitest";
import type { SectionContext, StatsSection } from "../stats-section.js";
import { statsTraceOf } from "../stats-trace.js";
import { activityTime } from "./activity-time.js";
import { failures } from "./failures.js";
import { lifecycleLinkage } from "./lifecycle-linkage.js";
import { operationMix } from "./operation-mix.js";
import { services } from "./services.js";
import { sourceIps } from "./source-ips.js";
import { PER_USER_CAP, users } from "./users.js";

type Rec = Record<string, unknown>;
const CONTEXT: SectionContext = { maxTracked: 100, utcOffsetMinutes: 0 };

/** Runs one section over crafted records (defaults: a successful ModelArts console trace). */
function run<R>(section: StatsSection<R>, records: readonly Rec[], context = CONTEXT): R {
  const counter = section.create(context);
  for (const record of records) {
    const trace = statsTraceOf({
      trace_name: "createNotebook",
      service_type: "ModelArts",
      trace_type: "ConsoleAction",
      trace_rating: "normal",
      code: "200",
      time: Date.UTC(2025, 5, 2, 9),
      source_ip: "124.71.93.243",
      ...record,
    });
    if (trace !== undefined) counter.add(trace);
  }
  return counter.result();
}

const body = (value: unknown): string => JSON.stringify(value);

describe("operation mix", () => {
  it("groups ModelArts operations by catalog category and others by service", () => {
    const result = run(operationMix, [
      { trace_name: "createNotebook" },
      { trace_name: "createNotebook" },
      { trace_name: "addModel" },
      { trace_name: "PutObject", service_type: "OBS" },
    ]);
    expect(result.traces).toBe(4);
    expect(result.categories.map((c) => [c.category, c.traces, c.top])).toEqual([
      ["development-environment", 2, [["createNotebook", 2]]],
      ["(OBS)", 1, [["PutObject", 1]]],
      ["model-management", 1, [["addModel", 1]]],
    ]);
  });

  it("counts names beyond the cap without tracking them", () => {
    const result = run(operationMix, [{ trace_name: "a1" }, { trace_name: "a2" }], {
      ...CONTEXT,
      maxTracked: 1,
    });
    expect(result.categories.find((c) => c.category === "(untracked names)")?.traces).toBe(1);
  });
});

describe("activity time", () => {
  it("counts hours and weekdays at the offset", () => {
    // Monday 2025-06-02 23:30 UTC is Tuesday 07:30 at UTC+8.
    const time = Date.UTC(2025, 5, 2, 23, 30);
    expect(run(activityTime, [{ time }]).byHour[23]).toBe(1);
    expect(run(activityTime, [{ time }]).byWeekday[1]).toBe(1);
    const local = run(activityTime, [{ time }], { ...CONTEXT, utcOffsetMinutes: 480 });
    expect(local.byHour[7]).toBe(1);
    expect(local.byWeekday[2]).toBe(1);
    expect(run(activityTime, [{ time: Date.UTC(2025, 5, 1) }]).weekendShare).toBe(1);
  });
});

describe("users", () => {
  it("counts each user's distinct IPs and agents, across both shapes", () => {
    const alice = { id: "u1", name: "alice" };
    const result = run(users, [
      { user: alice, source_ip: "1.1.1.1", user_agent: "Mozilla/5.0" },
      { user: alice, source_ip: "1.1.1.2", user_agent: "Mozilla/5.0" },
      { user: JSON.stringify(alice), source_ip: "1.1.1.1", user_agent: "curl/8" },
      { user: { id: "u2", name: "bob" }, source_ip: "8.8.8.8" },
      { user: null, trace_type: "SystemAction", source_ip: "" },
    ]);
    expect(result.top).toEqual([
      { user: "u1", name: "alice", traces: 3, ips: 2, userAgents: 2 },
      { user: "u2", name: "bob", traces: 1, ips: 1, userAgents: 0 },
    ]);
    expect(result).toMatchObject({ users: 2, withoutUser: 1, userAgentShare: 0.75 });
  });

  it("stops tracking at the caps and says so", () => {
    const ips = Array.from({ length: PER_USER_CAP + 5 }, (_, i) => ({
      user: { id: "u1", name: "a" },
      source_ip: `9.9.${i >> 8}.${i & 255}`,
    }));
    expect(run(users, ips).top[0]?.ips).toBe(PER_USER_CAP);
    const many = run(users, [{ user: { id: "u1" } }, { user: { id: "u2" } }], {
      ...CONTEXT,
      maxTracked: 1,
    });
    expect(many).toMatchObject({ users: 1, untrackedTraces: 1 });
  });
});

describe("failures", () => {
  it("counts failures by code, including warnings with 2xx", () => {
    const result = run(failures, [
      {},
      { code: "400", trace_rating: "warning" },
      { code: "400", trace_rating: "warning" },
      { code: "200", trace_rating: "warning" },
      { code: 500, trace_rating: "incident" },
    ]);
    expect(result.byCode.map((c) => [c.code, c.traces])).toEqual([
      ["400", 2],
      ["200", 1],
      ["500", 1],
    ]);
    expect(result).toMatchObject({
      traces: 5,
      failedWith2xx: 1,
      byRating: { incident: 1, normal: 1, warning: 3 },
    });
  });
});

describe("lifecycle linkage", () => {
  const publish = {
    trace_name: "publishDatasetVersion",
    resource_id: "ds-1",
    response: body({ version_id: "ver-9" }),
    request: body({ export_path: "/bucket/datasets/ds-1/ver-9/" }),
  };
  const job = (request: unknown, extra: Rec = {}): Rec => ({
    trace_name: "createModelArtsTrainJob",
    resource_id: "1016302",
    resource_name: "train-a",
    request: body(request),
    ...extra,
  });
  const model = (request: unknown): Rec => ({ trace_name: "addModel", request: body(request) });

  it("links jobs to published versions and models to jobs, by id or path", () => {
    const result = run(lifecycleLinkage, [
      publish,
      job({ inputs: [{ dataset_id: "ds-1", dataset_version_id: "ver-9" }] }),
      job({ config: { data_url: "/bucket/datasets/ds-1/ver-9/train/", train_url: "/b/out/a/" } }),
      job({ config: { data_url: "/bucket/raw/", train_url: "/b/out/c/" } }, { resource_id: "7" }),
      model({ source_location: "/b/out/a/V0001/model/" }),
      model({ source_job_id: "1016302" }),
      model({ source_location: "/b/elsewhere/" }),
    ]);
    expect(result).toMatchObject({
      publishedVersions: 1,
      trainingJobs: 3,
      jobsReadingPublishedData: 2,
      models: 3,
      modelsFromTraining: 2,
      capped: false,
    });
  });

  it("needs the publication and the job earlier, and successful", () => {
    const result = run(lifecycleLinkage, [
      job({ dataset_version_id: "ver-9", train_url: "/b/out/a/" }),
      publish,
      { ...job({ train_url: "/b/out/x/" }), trace_rating: "warning", resource_id: "" },
      model({ source_location: "/b/out/x/V0001/" }),
    ]);
    expect(result).toMatchObject({
      trainingJobs: 1,
      jobsReadingPublishedData: 0,
      models: 1,
      modelsFromTraining: 0,
    });
  });
});

describe("services", () => {
  it("gives the data (OBS) and IAM shares", () => {
    const result = run(services, [
      {},
      { service_type: "OBS", trace_type: "ObsSDK" },
      { service_type: "IAM", trace_type: "ConsoleAction" },
      { service_type: "IAM" },
    ]);
    expect(result).toMatchObject({ dataShare: 0.25, iamShare: 0.5 });
    expect(result.byTraceType).toEqual({ ConsoleAction: 3, ObsSDK: 1 });
  });
});

describe("source IPs", () => {
  it("classes addresses and lists the non-public ones", () => {
    const result = run(sourceIps, [
      { source_ip: "124.71.93.243" },
      { source_ip: "127.109.246.181" },
      { source_ip: "227.183.16.147" },
      { source_ip: "254.97.201.194" },
      { source_ip: "" },
    ]);
    expect(result.byClass).toEqual({
      loopback: 1,
      multicast: 1,
      none: 1,
      public: 1,
      reserved: 1,
    });
    expect(result.publicShare).toBe(0.25);
    expect(result.distinct).toBe(4);
    expect(result.topNonPublic).toHaveLength(3);
  });
});
