import { ListTracesQuerySchema, validatorFor } from "@ctsim/catalog";
import {
  createCtsCore,
  type MockState,
  parseMockState,
  responseText,
  TraceStore,
} from "@ctsim/mock";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { loadGeneratedTraces } from "../src/store/load-generated-traces.js";

const NOW = Date.UTC(2026, 5, 15, 12);
const store = new TraceStore({ now: () => NOW });
const { projects } = loadGeneratedTraces(store, { seed: 3, days: 1, expectedCount: 400 });
const PID = projects[0]!;
/** Successful writes (tracker, notification, tag, configuration) during the fuzz. */
let writes = 0;
const core = createCtsCore({
  store,
  now: () => NOW,
  buckets: ["logs", "tracked"],
  onStateChange: () => writes++,
});
/** The project's management tracker, so that tag requests also reach an existing tracker. */
const SYSTEM_TRACKER = (
  JSON.parse(responseText(core.handle(get(`/v3/${PID}/trackers`)))) as {
    trackers: { id: string }[];
  }
).trackers[0]?.id as string;

function get(path: string): Parameters<typeof core.handle>[0] {
  return { method: "GET", path, query: "", headers: {}, body: "" };
}

const anyText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("", "system", "data", "0", "-1", "201", "%zz", "a".repeat(70)),
);
const numberText = fc.oneof(
  fc.integer({ min: NOW - 9 * 86_400_000, max: NOW + 3_600_000 }).map(String),
  fc.integer({ min: -5, max: 300 }).map(String),
  anyText,
);
const queryArb = fc.dictionary(
  fc.constantFrom(
    ...Object.keys(ListTracesQuerySchema.properties),
    "tracker_type",
    "notification_name",
    "notification_id",
    "limit",
    "junk",
  ),
  fc.oneof(
    numberText,
    fc.constantFrom("system", "data", "normal", "warning", "incident", "ModelArts", "smn"),
  ),
  { maxKeys: 6 },
);
const trackerArb = fc.record(
  {
    tracker_type: fc.oneof(fc.constantFrom("system", "data"), anyText),
    tracker_name: fc.oneof(fc.constantFrom("system", "d1", "d2", "_x"), anyText),
    status: fc.constantFrom("enabled", "disabled", "paused"),
    is_lts_enabled: fc.oneof(fc.boolean(), anyText),
    obs_info: fc.record(
      {
        bucket_name: fc.constantFrom("logs", "Bad", "tracked"),
        is_obs_created: fc.boolean(),
        file_prefix_name: anyText,
      },
      { requiredKeys: [] },
    ),
    data_bucket: fc.record(
      {
        data_bucket_name: fc.constantFrom("tracked", "logs", "", "nope"),
        data_event: fc.array(fc.constantFrom("WRITE", "READ", "X"), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
    is_support_trace_files_encryption: fc.boolean(),
    kms_id: anyText,
  },
  { requiredKeys: [] },
);
const notificationArb = fc.record(
  {
    notification_id: anyText,
    notification_name: fc.oneof(fc.constantFrom("n1", "n2"), anyText),
    operation_type: fc.constantFrom("complete", "customized", "other"),
    status: fc.constantFrom("enabled", "disabled", "x"),
    topic_id: fc.constantFrom(
      `urn:smn:cn-north-4:${PID}:t`,
      `urn:fss:cn-north-4:${PID}:function:default:f`,
      "bad",
    ),
    operations: fc.array(
      fc.record({
        service_type: anyText,
        resource_type: anyText,
        trace_names: fc.array(anyText, { maxLength: 2 }),
      }),
      { maxLength: 2 },
    ),
    filter: fc.record({
      condition: fc.constantFrom("AND", "OR", "XOR"),
      is_support_filter: fc.boolean(),
      rule: fc.array(fc.constantFrom("code != 200", "trace_rating = normal", "x y z"), {
        maxLength: 2,
      }),
    }),
  },
  { requiredKeys: [] },
);
const tagArb = fc.record(
  { key: fc.oneof(fc.constantFrom("env", "_sys_x", " env", "a#b", ""), anyText), value: anyText },
  { requiredKeys: ["key"] },
);
const tagBodyArb = fc.record(
  {
    tags: fc.array(
      fc.oneof(tagArb, fc.record({ key: anyText, values: fc.array(anyText, { maxLength: 2 }) })),
      { maxLength: 3 },
    ),
    matches: fc.array(
      fc.record({ key: fc.constantFrom("resource_name", "resource_id"), value: anyText }),
      { maxLength: 2 },
    ),
    limit: fc.integer({ min: -1, max: 1001 }),
    offset: fc.integer({ min: -1, max: 3 }),
    is_sync_global_trace: fc.oneof(fc.boolean(), anyText),
    support_read_only_services: fc.array(anyText, { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const bodyArb = fc.oneof(
  trackerArb.map((b) => JSON.stringify(b)),
  tagBodyArb.map((b) => JSON.stringify(b)),
  notificationArb.map((b) => JSON.stringify(b)),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 30 }),
  fc.constant(""),
);
const routeArb = fc.oneof(
  fc.constantFrom(
    ["GET", `/v3/${PID}/traces`],
    ["GET", `/v3/${PID}/traces`],
    ["GET", `/v3/${PID}/traces`],
    ["POST", `/v3/${PID}/tracker`],
    ["PUT", `/v3/${PID}/tracker`],
    ["GET", `/v3/${PID}/trackers`],
    ["DELETE", `/v3/${PID}/trackers`],
    ["POST", `/v3/${PID}/notifications`],
    ["PUT", `/v3/${PID}/notifications`],
    ["DELETE", `/v3/${PID}/notifications`],
    ["GET", `/v3/${PID}/notifications/smn`],
    ["GET", `/v3/${PID}/notifications/x`],
    ["GET", `/v3/${PID}/quotas`],
    ["GET", `/v3/${PID}/operations`],
    ["GET", `/v3/${PID}/user-resources`],
    ["GET", "/v3/dom/resources"],
    ["POST", "/v3/dom/checkbucket"],
    ["POST", `/v3/${PID}/cts-tracker/${SYSTEM_TRACKER}/tags/create`],
    ["DELETE", `/v3/${PID}/cts-tracker/${SYSTEM_TRACKER}/tags/delete`],
    ["GET", `/v3/${PID}/cts-tracker/${SYSTEM_TRACKER}/tags`],
    ["POST", `/v3/${PID}/cts-tracker/unknown-id/tags/create`],
    ["GET", `/v3/${PID}/cts-tracker/tags`],
    ["POST", `/v3/${PID}/cts-tracker/resource-instances/filter`],
    ["GET", `/v3/${PID}/configuration`],
    ["PUT", `/v3/${PID}/configuration`],
    ["GET", "/"],
    ["GET", "/v1.0"],
  ),
  fc.tuple(fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "get"), fc.webPath()),
);

/** The schema a successful answer of each route must satisfy. */
function successSchema(method: string, rawPath: string): Parameters<typeof validatorFor>[0] {
  const path = rawPath.length > 1 ? rawPath.replace(/\/$/, "") : rawPath;
  if (path.endsWith("/traces")) return "ListTracesResponse";
  if (path.endsWith("/tracker") && method === "POST") return "Tracker";
  if (path.endsWith("/trackers") && method === "GET") return "ListTrackersResponse";
  if (path.endsWith("/notifications") && method !== "DELETE") return "Notification";
  if (path.includes("/notifications/")) return "ListNotificationsResponse";
  if (path.endsWith("/quotas")) return "ListQuotasResponse";
  if (path.endsWith("/operations")) return "ListOperationsResponse";
  if (path.endsWith("/user-resources")) return "ListUserResourcesResponse";
  if (path.endsWith("/resources")) return "ListTraceResourcesResponse";
  if (path.endsWith("/checkbucket")) return "CheckObsBucketsResponse";
  if (path.endsWith("/cts-tracker/tags")) return "ListProjectTagsResponse";
  if (path.endsWith("/tags")) return "ListResourceTagsResponse";
  if (path.endsWith("/filter")) return "ListResourcesByTagsResponse";
  if (path.endsWith("/configuration")) return "CtsConfiguration";
  return path === "/" || path === "" ? "ListVersionsResponse" : "ShowVersionResponse";
}

describe("fuzz", () => {
  test.prop([routeArb, queryArb, bodyArb], { numRuns: 10_000 })(
    "every request gets a CTS-shaped answer: no throw, no 5xx, errors and bodies valid",
    ([method, path], query, body) => {
      const response = core.handle({
        method,
        path,
        query: new URLSearchParams(query).toString(),
        headers: {},
        body,
      });
      expect(response.status).toBeLessThan(500);
      expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
      if (response.body === "") {
        expect([200, 204]).toContain(response.status);
        return;
      }
      const json: unknown = JSON.parse(responseText(response));
      if (response.status >= 400) {
        expect(validatorFor("ErrorBody").issues(json)).toEqual([]);
      } else {
        expect(validatorFor(successSchema(method.toUpperCase(), path)).issues(json)).toEqual([]);
      }
    },
  );

  it("leaves a state that parseMockState accepts: a state file refuses only what the API does", () => {
    const state = JSON.parse(JSON.stringify(core.exportState())) as MockState;
    // The fuzz got writes through (else this would prove nothing).
    expect(writes).toBeGreaterThan(100);
    expect(parseMockState(state)).toEqual(state);
  });
});
