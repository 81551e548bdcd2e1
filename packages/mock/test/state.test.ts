import { createCtsCore, MockError, type MockState } from "@ctsim/mock";
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

describe("the core's state (trackers and notifications)", () => {
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

  it("refuses a state that is not CTS's, naming where", () => {
    const core = createCtsCore({ now: () => NOW });
    const bad = (state: unknown): void => core.importState(state as MockState);
    expect(() => bad({})).toThrow(/mock state: projects must be an object/);
    expect(() => bad({ projects: { [PID]: { trackers: [{}], notifications: [] } } })).toThrow(
      new RegExp(`mock state: projects\\.${PID}\\.trackers\\[0\\]/`),
    );
    expect(() => bad({ projects: { [PID]: { trackers: [] } } })).toThrow(MockError);
    // Nothing was imported by the refused calls: the project still gets its default tracker.
    expect(idsOf(call(core, "GET", TRACKERS).json)).toHaveLength(1);
  });
});
