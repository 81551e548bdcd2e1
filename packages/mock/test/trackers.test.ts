import { validatorFor } from "@ctsim/catalog";
import { createCtsCore } from "@ctsim/mock";
import { describe, expect, it } from "vitest";
import { call } from "./support/call.js";

const PID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const NOW = Date.UTC(2026, 5, 15, 12);
const core = (buckets?: string[]): ReturnType<typeof createCtsCore> =>
  createCtsCore({ now: () => NOW, ...(buckets ? { buckets } : {}) });
const dataTracker = (name: string, bucket = "tracked-bucket", events = ["WRITE"]): object => ({
  tracker_type: "data",
  tracker_name: name,
  data_bucket: { data_bucket_name: bucket, data_event: events },
});
const codeOf = (json: unknown): string => (json as { error_code: string }).error_code;

describe("trackers", () => {
  it("starts every project with an enabled system tracker that validates", () => {
    const answer = call(core(), "GET", `/v3/${PID}/trackers`);
    const trackers = (answer.json as { trackers: unknown[] }).trackers;
    expect(trackers).toHaveLength(1);
    expect(validatorFor("ListTrackersResponse").issues(answer.json)).toEqual([]);
    expect(trackers[0]).toMatchObject({
      tracker_type: "system",
      tracker_name: "system",
      status: "enabled",
      project_id: PID,
    });
  });

  it.each([
    ["tracker_type not system/data", { tracker_type: "mgmt", tracker_name: "system" }, "CTS.0202"],
    [
      "system tracker named otherwise",
      { tracker_type: "system", tracker_name: "main" },
      "CTS.0204",
    ],
    ["data tracker named system", dataTracker("system"), "CTS.0207"],
    ["data tracker name starting with _", dataTracker("_bad"), "CTS.0203"],
    ["data tracker name over 32 chars", dataTracker("a".repeat(33)), "CTS.0203"],
    [
      "data_bucket on a system tracker",
      { tracker_type: "system", tracker_name: "system", data_bucket: {} },
      "CTS.0206",
    ],
    ["second system tracker", { tracker_type: "system", tracker_name: "system" }, "CTS.0201"],
    ["data tracker without bucket", { tracker_type: "data", tracker_name: "d1" }, "CTS.0210"],
    ["empty data_event", dataTracker("d1", "b1", []), "CTS.0219"],
    ["data_event DELETE", dataTracker("d1", "b1", ["DELETE"]), "CTS.0225"],
    [
      "bad transfer bucket name",
      { ...dataTracker("d1"), obs_info: { bucket_name: "Bad_Bucket" } },
      "CTS.0231",
    ],
    [
      "bad file prefix",
      { ...dataTracker("d1"), obs_info: { bucket_name: "logs", file_prefix_name: "a/b" } },
      "CTS.0218",
    ],
    [
      "transfer into the tracked bucket",
      { ...dataTracker("d1", "same-bucket"), obs_info: { bucket_name: "same-bucket" } },
      "CTS.0213",
    ],
    [
      "encryption without kms_id",
      { tracker_type: "system", tracker_name: "system", is_support_trace_files_encryption: true },
      "CTS.0221",
    ],
    ["wrong field type", { ...dataTracker("d1"), is_lts_enabled: "yes" }, "CTS.0003"],
    ["body that is an array", [], "CTS.0003"],
    ["body that is not JSON", "{tracker", "CTS.0003"],
  ])("rejects %s with %s", (_why, body, code) => {
    const answer = call(core(), "POST", `/v3/${PID}/tracker`, { body });
    expect(answer.status).toBe(400);
    expect(codeOf(answer.json)).toBe(code);
    expect(validatorFor("ErrorBody").issues(answer.json)).toEqual([]);
  });

  it("creates a tracker enabled whatever status the create body carries (only UpdateTracker sets it; found by the fuzz test)", () => {
    const body = { ...dataTracker("d9"), status: "paused" };
    const created = call(core(["tracked-bucket"]), "POST", `/v3/${PID}/tracker`, { body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ tracker_name: "d9", status: "enabled" });
    expect(validatorFor("Tracker").issues(created.json)).toEqual([]);
  });

  it("creates data trackers (201), refuses duplicates, bucket clashes and unknown buckets", () => {
    const c = core(["tracked-bucket", "other"]);
    const created = call(c, "POST", `/v3/${PID}/tracker`, { body: dataTracker("d1") });
    expect(created.status).toBe(201);
    expect(validatorFor("Tracker").issues(created.json)).toEqual([]);
    expect(created.json).not.toHaveProperty("group_id");
    expect(created.json).toMatchObject({
      tracker_name: "d1",
      data_bucket: { data_bucket_name: "tracked-bucket", data_event: ["WRITE"] },
    });
    expect(
      codeOf(call(c, "POST", `/v3/${PID}/tracker`, { body: dataTracker("d1", "other") }).json),
    ).toBe("CTS.0208");
    expect(codeOf(call(c, "POST", `/v3/${PID}/tracker`, { body: dataTracker("d2") }).json)).toBe(
      "CTS.0209",
    );
    expect(
      call(c, "POST", `/v3/${PID}/tracker`, { body: dataTracker("d3", "tracked-bucket", ["READ"]) })
        .status,
    ).toBe(201);
    expect(
      codeOf(call(c, "POST", `/v3/${PID}/tracker`, { body: dataTracker("d4", "missing") }).json),
    ).toBe("CTS.0211");
    const creating = {
      ...dataTracker("d5", "other", ["WRITE"]),
      obs_info: { bucket_name: "tracked-bucket", is_obs_created: true },
    };
    expect(codeOf(call(c, "POST", `/v3/${PID}/tracker`, { body: creating }).json)).toBe("CTS.0215");
  });

  it("counts trackers in quotas and stops at 100 data trackers with CTS.0200", () => {
    const c = core();
    for (let i = 0; i < 100; i++) {
      expect(
        call(c, "POST", `/v3/${PID}/tracker`, { body: dataTracker(`t${i}`, `bucket-${i}`) }).status,
      ).toBe(201);
    }
    expect(
      codeOf(call(c, "POST", `/v3/${PID}/tracker`, { body: dataTracker("t100", "bucket-x") }).json),
    ).toBe("CTS.0200");
    const quotas = call(c, "GET", `/v3/${PID}/quotas`);
    expect(validatorFor("ListQuotasResponse").issues(quotas.json)).toEqual([]);
    expect((quotas.json as { resources: unknown[] }).resources).toEqual([
      { type: "system_tracker", used: 1, quota: 1 },
      { type: "data_tracker", used: 100, quota: 100 },
      { type: "smn_notification", used: 0, quota: 100 },
    ]);
  });

  it("updates with an empty 200, validates status, refuses bucket changes and unknown trackers", () => {
    const c = core();
    call(c, "POST", `/v3/${PID}/tracker`, { body: dataTracker("d1") });
    const disable = call(c, "PUT", `/v3/${PID}/tracker`, {
      body: { ...dataTracker("d1"), status: "disabled" },
    });
    expect(disable.status).toBe(200);
    expect(disable.raw.body).toBe("");
    const listed = call(c, "GET", `/v3/${PID}/trackers`, { query: { tracker_name: "d1" } })
      .json as { trackers: { status: string }[] };
    expect(listed.trackers.map((t) => t.status)).toEqual(["disabled"]);
    expect(
      codeOf(
        call(c, "PUT", `/v3/${PID}/tracker`, { body: { ...dataTracker("d1"), status: "paused" } })
          .json,
      ),
    ).toBe("CTS.0205");
    expect(
      codeOf(call(c, "PUT", `/v3/${PID}/tracker`, { body: dataTracker("d1", "elsewhere") }).json),
    ).toBe("CTS.0212");
    const missing = call(c, "PUT", `/v3/${PID}/tracker`, { body: dataTracker("nope") });
    expect([missing.status, codeOf(missing.json)]).toEqual([404, "CTS.0214"]);
    const terraformDisable = {
      tracker_type: "system",
      tracker_name: "system",
      status: "disabled",
      agency_name: "cts_admin_trust",
    };
    expect(call(c, "PUT", `/v3/${PID}/tracker`, { body: terraformDisable }).status).toBe(200);
  });

  it("lists by name and type; an unknown name is an empty list", () => {
    const c = core();
    call(c, "POST", `/v3/${PID}/tracker`, { body: dataTracker("d1") });
    const list = (q: Record<string, string>): number =>
      (call(c, "GET", `/v3/${PID}/trackers`, { query: q }).json as { trackers: unknown[] }).trackers
        .length;
    expect(list({})).toBe(2);
    expect(list({ tracker_type: "data" })).toBe(1);
    expect(list({ tracker_name: "ghost" })).toBe(0);
    expect(
      codeOf(call(c, "GET", `/v3/${PID}/trackers`, { query: { tracker_type: "x" } }).json),
    ).toBe("CTS.0202");
  });

  it("deletes one tracker, all data trackers, or the system tracker (204), 404 CTS.0214 for unknown", () => {
    const c = core();
    for (const name of ["d1", "d2", "d3"])
      call(c, "POST", `/v3/${PID}/tracker`, { body: dataTracker(name, `b-${name}`) });
    expect(call(c, "DELETE", `/v3/${PID}/trackers`, { query: { tracker_name: "d1" } }).status).toBe(
      204,
    );
    expect(
      codeOf(call(c, "DELETE", `/v3/${PID}/trackers`, { query: { tracker_name: "d1" } }).json),
    ).toBe("CTS.0214");
    expect(call(c, "DELETE", `/v3/${PID}/trackers`).status).toBe(204);
    const left = call(c, "GET", `/v3/${PID}/trackers`).json as {
      trackers: { tracker_type: string }[];
    };
    expect(left.trackers.map((t) => t.tracker_type)).toEqual(["system"]);
    expect(
      call(c, "DELETE", `/v3/${PID}/trackers`, {
        query: { tracker_type: "system", tracker_name: "system" },
      }).status,
    ).toBe(204);
    expect(
      call(c, "POST", `/v3/${PID}/tracker`, {
        body: { tracker_type: "system", tracker_name: "system" },
      }).status,
    ).toBe(201);
  });

  it("keeps trackers per project", () => {
    const c = core();
    call(c, "POST", `/v3/${PID}/tracker`, { body: dataTracker("d1") });
    const other = call(c, "GET", "/v3/other-project/trackers").json as { trackers: unknown[] };
    expect(other.trackers).toHaveLength(1);
  });
});
