import type { Notification, Tracker } from "@ctsim/catalog";
import { createCtsCore, MockError, type MockState, parseMockState } from "@ctsim/mock";
import { describe, expect, it } from "vitest";
import { call } from "./support/call.js";

const PID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const NOW = Date.UTC(2026, 5, 15, 12);
const TRACKERS = `/v3/${PID}/trackers`;
const dataTracker = (name: string, bucket = "tracked-bucket"): object => ({
  tracker_type: "data",
  tracker_name: name,
  data_bucket: { data_bucket_name: bucket, data_event: ["WRITE"] },
});
const idsOf = (json: unknown): string[] =>
  (json as { trackers: { id: string }[] }).trackers.map((tracker) => tracker.id);

/** A fresh core's default system tracker (its project is created by the first request). */
function systemTracker(): Tracker {
  const core = createCtsCore({ now: () => NOW });
  call(core, "GET", TRACKERS);
  return core.exportState().projects[PID]?.trackers[0] as Tracker;
}

describe("the core's state (trackers, notifications, tags and configuration)", () => {
  it("calls onStateChange after each successful write, and only then", () => {
    let changes = 0;
    const core = createCtsCore({ now: () => NOW, onStateChange: () => changes++ });
    const steps: [string, string, object | undefined, number][] = [
      ["GET", `/v3/${PID}/traces`, undefined, 0],
      ["GET", TRACKERS, undefined, 0],
      ["POST", `/v3/${PID}/tracker`, dataTracker("d1"), 1],
      ["POST", `/v3/${PID}/tracker`, dataTracker("_bad"), 1], // CTS.0203: nothing changed
      ["PUT", `/v3/${PID}/tracker`, { ...dataTracker("d1"), status: "disabled" }, 2],
      [
        "POST",
        `/v3/${PID}/notifications`,
        { notification_name: "n1", operation_type: "complete" },
        3,
      ],
      ["GET", `/v3/${PID}/notifications/smn`, undefined, 3],
    ];
    for (const [method, path, body, expected] of steps) {
      call(core, method, path, body === undefined ? {} : { body });
      expect([method, path, changes]).toEqual([method, path, expected]);
    }
    call(core, "DELETE", `/v3/${PID}/trackers`, {
      query: { tracker_name: "d1", tracker_type: "data" },
    });
    expect(changes).toBe(4);
  });

  it("restores exported state in a new core, whose new ids do not repeat the old ones", () => {
    const before = createCtsCore({ now: () => NOW });
    call(before, "POST", `/v3/${PID}/tracker`, { body: dataTracker("d1") });
    call(before, "POST", `/v3/${PID}/notifications`, {
      body: { notification_name: "n1", operation_type: "complete" },
    });
    const saved = JSON.parse(JSON.stringify(before.exportState())) as MockState;
    const after = createCtsCore({ now: () => NOW });
    after.importState(saved);
    const listed = call(after, "GET", TRACKERS).json;
    expect(listed).toEqual(call(before, "GET", TRACKERS).json);
    expect(call(after, "GET", `/v3/${PID}/notifications/smn`).json).toEqual(
      call(before, "GET", `/v3/${PID}/notifications/smn`).json,
    );
    // Same seed: without a new id sequence, the next id would be the first one minted before.
    expect(
      call(after, "POST", `/v3/${PID}/tracker`, { body: dataTracker("d2", "b2") }).status,
    ).toBe(201);
    const ids = idsOf(call(after, "GET", TRACKERS).json);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  it("counts tag and configuration writes as changes, and tag queries (a POST among them) not", () => {
    let changes = 0;
    const core = createCtsCore({ now: () => NOW, onStateChange: () => changes++ });
    call(core, "POST", `/v3/${PID}/tracker`, { body: dataTracker("d1") });
    const id = idsOf(call(core, "GET", TRACKERS).json)[1] as string;
    const tags = `/v3/${PID}/cts-tracker/${id}/tags`;
    const steps: [string, string, object | undefined, number][] = [
      ["POST", `${tags}/create`, { tags: [{ key: "env", value: "prod" }] }, 2],
      ["POST", `${tags}/create`, { tags: [{ key: "_sys_x", value: "" }] }, 2], // refused
      ["GET", tags, undefined, 2],
      ["GET", `/v3/${PID}/cts-tracker/tags`, undefined, 2],
      ["POST", `/v3/${PID}/cts-tracker/resource-instances/filter`, {}, 2],
      ["DELETE", `${tags}/delete`, { tags: [{ key: "env" }] }, 3],
      ["PUT", `/v3/${PID}/configuration`, { is_support_read_only: true }, 4],
      ["PUT", `/v3/${PID}/configuration`, { is_support_read_only: 1 }, 4], // refused
      ["GET", `/v3/${PID}/configuration`, undefined, 4],
    ];
    for (const [method, path, body, expected] of steps) {
      call(core, method, path, body === undefined ? {} : { body });
      expect([method, path, changes]).toEqual([method, path, expected]);
    }
  });

  it("restores tags and configuration, and reads states saved before they existed", () => {
    const before = createCtsCore({ now: () => NOW });
    call(before, "POST", `/v3/${PID}/tracker`, { body: dataTracker("d1") });
    const id = idsOf(call(before, "GET", TRACKERS).json)[1] as string;
    const tags = `/v3/${PID}/cts-tracker/${id}/tags`;
    call(before, "POST", `${tags}/create`, { body: { tags: [{ key: "env", value: "prod" }] } });
    call(before, "PUT", `/v3/${PID}/configuration`, {
      body: { is_sync_global_trace: true, support_read_only_services: ["ECS"] },
    });
    const saved = JSON.parse(JSON.stringify(before.exportState())) as MockState;
    const after = createCtsCore({ now: () => NOW });
    after.importState(saved);
    expect(call(after, "GET", tags).json).toEqual({ tags: [{ key: "env", value: "prod" }] });
    expect(call(after, "GET", `/v3/${PID}/configuration`).json).toEqual(
      call(before, "GET", `/v3/${PID}/configuration`).json,
    );
    const { tags: _tags, configuration: _configuration, ...older } = saved.projects[PID]!;
    after.importState({ projects: { [PID]: older } });
    expect(call(after, "GET", tags).json).toEqual({ tags: [] });
    expect(call(after, "GET", `/v3/${PID}/configuration`).json).toMatchObject({
      is_sync_global_trace: false,
    });
  });

  it("refuses a state that is not CTS's, naming where", () => {
    const core = createCtsCore({ now: () => NOW });
    const bad = (state: unknown): void => core.importState(state as MockState);
    expect(() => bad({})).toThrow(/mock state: projects must be an object/);
    expect(() => bad({ projects: { [PID]: { trackers: [{}], notifications: [] } } })).toThrow(
      new RegExp(`mock state: projects\\.${PID}\\.trackers\\[0\\]/`),
    );
    expect(() => bad({ projects: { [PID]: { trackers: [] } } })).toThrow(MockError);
    const tracker = systemTracker();
    const project = (extra: object): unknown => ({
      projects: { [PID]: { trackers: [tracker], notifications: [], ...extra } },
    });
    expect(() => bad(project({ tags: { nope: [{ key: "k", value: "v" }] } }))).toThrow(
      new RegExp(`mock state: projects\\.${PID}\\.tags\\.nope names no tracker`),
    );
    expect(() => bad(project({ tags: { [tracker.id]: [{ key: "_sys_k", value: "v" }] } }))).toThrow(
      /must not start with _sys_/,
    );
    expect(() => bad(project({ tags: { [tracker.id]: [{ key: 1 }] } }))).toThrow(
      new RegExp(`tags\\.${tracker.id}\\[0\\]`),
    );
    expect(() => bad(project({ configuration: { is_sync_global_trace: "no" } }))).toThrow(
      /configuration/,
    );
    // Nothing was imported by the refused calls: the project still gets its default tracker.
    expect(idsOf(call(core, "GET", TRACKERS).json)).toHaveLength(1);
  });

  it("refuses a state holding what the API refuses, naming where and the API's code", () => {
    const core = createCtsCore({ now: () => NOW });
    call(core, "POST", `/v3/${PID}/tracker`, { body: dataTracker("d1", "b1") });
    call(core, "POST", `/v3/${PID}/notifications`, {
      body: { notification_name: "n1", operation_type: "complete" },
    });
    const valid = core.exportState();
    expect(parseMockState(valid)).toEqual(valid);
    const [system, d1] = valid.projects[PID]!.trackers as [Tracker, Tracker];
    const [n1] = valid.projects[PID]!.notifications as [Notification];
    const other = "1".repeat(32);
    const refusals: [string, Tracker[], Notification[], RegExp][] = [
      [
        "a notification twice",
        [system],
        [n1, { ...n1, notification_id: "n2-id" }],
        /notifications\[1\] repeats the name "n1" \(the API refuses it: CTS\.0400 "NotificationV3 name is existed already\."\)/,
      ],
      [
        "a repeated notification id",
        [system],
        [n1, { ...n1, notification_name: "n2" }],
        /notifications\[1\]\.notification_id repeats/,
      ],
      [
        "a tracker twice",
        [system, d1, { ...d1, id: "d2-id" }],
        [],
        /trackers\[2\] repeats the data tracker "d1" \(the API refuses it: CTS\.0208/,
      ],
      [
        "two management trackers",
        [system, { ...system, id: "s2-id" }],
        [],
        /trackers\[1\] repeats the system tracker "system" \(the API refuses it: CTS\.0201/,
      ],
      [
        "a repeated tracker id",
        [system, { ...d1, id: system.id }],
        [],
        /trackers\[1\]\.id repeats/,
      ],
      [
        "another project's tracker",
        [system, { ...d1, project_id: other }],
        [],
        /trackers\[1\]\.project_id is not the project's id/,
      ],
      ["a bad tracker name", [system, { ...d1, tracker_name: "_d" }], [], /CTS\.0203/],
      ["a data tracker named system", [system, { ...d1, tracker_name: "system" }], [], /CTS\.0207/],
      [
        "a data tracker without operations",
        [system, { ...d1, data_bucket: { data_bucket_name: "b1", data_event: [] } }],
        [],
        /CTS\.0219/,
      ],
      [
        "a data tracker without a bucket",
        [system, { ...d1, data_bucket: { data_event: ["READ"] } }],
        [],
        /CTS\.0210/,
      ],
      [
        "two trackers of one bucket's writes",
        [system, d1, { ...d1, id: "d2-id", tracker_name: "d2" }],
        [],
        /trackers\[2\] records operations on b1 that "d1" records \(the API refuses it: CTS\.0209/,
      ],
      [
        "a bad transfer bucket",
        [system, { ...d1, obs_info: { bucket_name: "Bad_Bucket" } }],
        [],
        /CTS\.0231/,
      ],
      [
        "a management tracker with a data bucket",
        [{ ...system, data_bucket: { data_bucket_name: "b9" } }],
        [],
        /CTS\.0206/,
      ],
      [
        "more data trackers than the quota",
        [
          system,
          ...Array.from({ length: 101 }, (_, i) => ({
            ...d1,
            id: `d${i}`,
            tracker_name: `d${i}`,
            data_bucket: { data_bucket_name: `b${i}`, data_event: ["WRITE" as const] },
          })),
        ],
        [],
        /trackers holds more than 100 data trackers \(the API refuses it: CTS\.0200/,
      ],
      [
        "too many users notified",
        [system],
        [
          {
            ...n1,
            notify_user_list: [
              { user_group: "g", user_list: Array.from({ length: 51 }, (_, i) => `u${i}`) },
            ],
          },
        ],
        /notifications\[0\] notify_user_list names 51 users; at most 50 are allowed \(the API refuses it: CTS\.0003/,
      ],
      [
        "a type its topic does not give",
        [system],
        [{ ...n1, notification_type: "fun" }],
        /notification_type fun, which its topic_id does not give/,
      ],
      [
        "enabled without a topic",
        [system],
        [{ ...n1, status: "enabled" }],
        /is enabled without a topic_id/,
      ],
    ];
    for (const [what, trackers, notifications, message] of refusals) {
      const state = { projects: { [PID]: { trackers, notifications } } };
      expect(() => parseMockState(state), what).toThrow(message);
    }
    const organization = { ...system, is_organization_tracker: true };
    const twoOrganizations = {
      projects: {
        [PID]: { trackers: [organization], notifications: [] },
        [other]: {
          trackers: [{ ...organization, id: "o2", project_id: other }],
          notifications: [],
        },
      },
    };
    expect(() => parseMockState(twoOrganizations)).toThrow(
      new RegExp(
        `projects\\.${other}\\.trackers\\[0\\] is a second organization tracker \\(the API refuses it: CTS\\.0229`,
      ),
    );
  });

  it("accepts what updates can make that creates cannot (transfer to the tracked bucket, a cleared kms_id)", () => {
    const core = createCtsCore({ now: () => NOW });
    call(core, "POST", `/v3/${PID}/tracker`, { body: dataTracker("d1", "bucket-1") });
    const update = (body: object): number =>
      call(core, "PUT", `/v3/${PID}/tracker`, {
        body: { ...dataTracker("d1", "bucket-1"), ...body },
      }).status;
    expect(update({ data_bucket: undefined, obs_info: { bucket_name: "bucket-1" } })).toBe(200);
    expect(update({ is_support_trace_files_encryption: true, kms_id: "k" })).toBe(200);
    expect(update({ kms_id: "" })).toBe(200);
    const state = JSON.parse(JSON.stringify(core.exportState())) as MockState;
    expect(parseMockState(state)).toEqual(state);
  });
});
