import { LIST_TRACES_LIMIT, TRACE_RETENTION_MS, validatorFor } from "@ctsim/catalog";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { invalidTraceArbitrary } from "./invalid-trace.js";
import {
  invalidListTracesQueryArbitrary,
  listTracesQueryArbitrary,
  toQueryParams,
} from "./list-traces-query.js";
import { notificationRequestArbitrary } from "./notification.js";
import {
  bucketNameArbitrary,
  dataTrackerRequestArbitrary,
  trackerNameArbitrary,
} from "./tracker.js";

const now = Date.UTC(2026, 2, 10, 12);

describe("ListTraces query arbitraries", () => {
  test.prop([listTracesQueryArbitrary({ now })])(
    "valid queries pass the ListTracesQuery schema and the window rules",
    (query) => {
      expect(validatorFor("ListTracesQuery").issues(query)).toEqual([]);
      if (query.from !== undefined && query.to !== undefined) {
        expect(query.from).toBeLessThan(query.to);
        expect(query.from).toBeGreaterThan(now - TRACE_RETENTION_MS);
        expect(query.to).toBeLessThanOrEqual(now);
      }
      expect(Object.values(toQueryParams(query)).every((v) => typeof v === "string")).toBe(true);
    },
  );

  test.prop([invalidListTracesQueryArbitrary({ now })])(
    "invalid queries break exactly the rule they name",
    ({ kind, params }) => {
      const limit = params.limit;
      const isInteger = limit !== undefined && /^-?\d+$/.test(limit);
      switch (kind) {
        case "limit-below-min":
          expect(Number(limit)).toBeLessThan(LIST_TRACES_LIMIT.min);
          break;
        case "limit-above-max":
          expect(Number(limit)).toBeGreaterThan(LIST_TRACES_LIMIT.max);
          break;
        case "limit-not-an-integer":
          expect(isInteger).toBe(false);
          break;
        case "from-not-a-number":
          expect(params.from).not.toMatch(/^\d+$/);
          break;
        case "to-not-a-number":
          expect(params.to).not.toMatch(/^\d+$/);
          break;
        case "from-after-to":
          expect(Number(params.from)).toBeGreaterThan(Number(params.to));
          break;
        case "trace-type-unknown":
          expect(["system", "data"]).not.toContain(params.trace_type);
          break;
        case "trace-rating-unknown":
          expect(["normal", "warning", "incident"]).not.toContain(params.trace_rating);
          break;
      }
      expect(params.trace_id).toBeUndefined();
    },
  );

  test.prop([invalidListTracesQueryArbitrary({ now, kinds: ["from-after-to"] })])(
    "kinds restricts what is produced",
    ({ kind }) => {
      expect(kind).toBe("from-after-to");
    },
  );
});

describe("tracker and notification arbitraries", () => {
  test.prop([trackerNameArbitrary()])("tracker names follow CTS.0203 and CTS.0207", (name) => {
    expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/);
    expect(["system", "system-trace"]).not.toContain(name);
  });

  test.prop([bucketNameArbitrary({ namePrefix: "ct-" })])(
    "bucket names follow CTS.0231",
    (name) => {
      expect(name).toMatch(/^[a-z0-9][a-z0-9.-]{2,62}$/);
    },
  );

  test.prop([dataTrackerRequestArbitrary({ namePrefix: "ct-" })])(
    "data tracker bodies are valid create requests",
    (body) => {
      expect(validatorFor("CreateTrackerRequest").issues(body)).toEqual([]);
      expect(body.tracker_type).toBe("data");
      expect(body.tracker_name.startsWith("ct-")).toBe(true);
      expect(body.data_bucket?.data_event?.length).toBeGreaterThan(0);
      if (body.obs_info)
        expect(body.obs_info.bucket_name).not.toBe(body.data_bucket?.data_bucket_name);
    },
  );

  test.prop([notificationRequestArbitrary({ namePrefix: "ct-", projectId: "p1" })])(
    "notification bodies are valid create requests",
    (body) => {
      expect(validatorFor("CreateNotificationRequest").issues(body)).toEqual([]);
      expect(body.topic_id).toMatch(/^urn:smn:[a-z0-9-]+:p1:[a-z][a-z0-9_-]+$/);
      expect(body.operation_type === "customized").toBe(body.operations !== undefined);
      const users = (body.notify_user_list ?? []).reduce(
        (n, group) => n + group.user_list.length,
        0,
      );
      expect(users).toBeLessThanOrEqual(50);
      for (const rule of body.filter?.rule ?? [])
        expect(rule).toMatch(/^(code|trace_rating|trace_type|api_version) (=|!=) \S+$/);
    },
  );
});

describe("invalid trace arbitrary", () => {
  test.prop([invalidTraceArbitrary()], { numRuns: 200 })(
    "is valid in neither wire shape",
    ({ record }) => {
      expect(validatorFor("ApiTrace").check(record)).toBe(false);
      expect(validatorFor("ObsTrace").check(record)).toBe(false);
    },
  );

  it("covers every kind", () => {
    const kinds = new Set(
      fc.sample(invalidTraceArbitrary(), { numRuns: 200, seed: 1 }).map((t) => t.kind),
    );
    expect([...kinds].sort()).toEqual(["missing-required-field", "not-an-object", "wrong-type"]);
  });
});
