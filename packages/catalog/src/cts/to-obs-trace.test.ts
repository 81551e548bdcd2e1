import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OBS_ONLY_FIELDS } from "./obs-only-fields.js";
import { type ApiTrace, ApiTraceSchema, ObsTraceSchema } from "./schemas/trace.js";
import { toApiTrace } from "./to-api-trace.js";
import { toObsTrace } from "./to-obs-trace.js";
import { validatorFor } from "./validators.js";

/** The constructed examples of reference §8 (8.1–8.3 API shape, 8.4 the OBS file shape). */
function load(file: string): Record<string, unknown> {
  const url = new URL(`../../test/fixtures/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8"));
}

const apiExamples = [
  "reference-api-console-create-notebook.json",
  "reference-api-failed-create-job.json",
  "reference-api-system-stop-notebook.json",
].map((file) => load(file) as ApiTrace);
const obsExample = load("reference-obs-create-notebook.json");

describe("toObsTrace and toApiTrace", () => {
  it.each(apiExamples.map((trace) => [trace.trace_name, trace] as const))(
    "turn %s into a valid OBS record and back into the same API trace",
    (_name, trace) => {
      const obs = toObsTrace(trace, { projectId: "p1", trackerName: "t1", eventType: "global" });
      expect(validatorFor("ObsTrace").issues(obs)).toEqual([]);
      expect(obs).toMatchObject({ project_id: "p1", tracker_name: "t1", event_type: "global" });
      expect(typeof obs.code).toBe("number");
      expect(obs.user === null ? null : JSON.parse(obs.user as string)).toEqual(trace.user);
      expect(toApiTrace(obs)).toEqual(trace);
    },
  );

  it("read the reference's OBS record as an API trace and write it back unchanged", () => {
    const api = toApiTrace(obsExample);
    expect(validatorFor("ApiTrace").issues(api)).toEqual([]);
    expect(api).toMatchObject({ code: "201", user: { name: "alice" } });
    for (const field of OBS_ONLY_FIELDS) expect(api).not.toHaveProperty(field);
    const placement = {
      projectId: obsExample.project_id as string,
      trackerName: obsExample.tracker_name as string,
      eventType: obsExample.event_type as string,
    };
    expect(toObsTrace(api as ApiTrace, placement)).toEqual(obsExample);
  });

  it("default the placement to the system tracker, and keep absent fields absent", () => {
    const { code: _code, user: _user, ...bare } = apiExamples[0]!;
    const obs = toObsTrace(bare, { projectId: "p1" });
    expect(obs).toMatchObject({ event_type: "system", tracker_name: "system" });
    expect(obs).not.toHaveProperty("code");
    expect(obs).not.toHaveProperty("user");
    expect(toObsTrace({ ...bare, code: "n/a" }, { projectId: "p1" }).code).toBeNull();
  });

  it("toApiTrace also reads the API reference example's shape and a broken user text", () => {
    expect(
      toApiTrace({ code: 200, request: { a: 1 }, response: [1], user: "{oops", extra: 1 }),
    ).toEqual({ code: "200", request: '{"a":1}', response: "[1]", user: null, extra: 1 });
  });

  it("write the file-only call facts the placement gives, which validate and toApiTrace drops", () => {
    const trace = apiExamples[0]!;
    const facts = {
      projectId: "p1",
      domainId: "d1",
      userAgent: "huaweicloud-usdk-python/3.0",
      contentLength: 42,
      totalTime: 180,
    };
    const obs = toObsTrace(trace, facts);
    expect(obs).toMatchObject({
      domain_id: "d1",
      user_agent: "huaweicloud-usdk-python/3.0",
      content_length: 42,
      total_time: 180,
    });
    expect(validatorFor("ObsTrace").issues(obs)).toEqual([]);
    expect(validatorFor("ObsTrace").issues({ ...obs, content_length: -1 })).not.toEqual([]);
    expect(OBS_ONLY_FIELDS).toEqual(
      expect.arrayContaining(["domain_id", "user_agent", "content_length", "total_time"]),
    );
    expect(toApiTrace(obs)).toEqual(trace);
  });

  it("list as OBS-only exactly the fields the OBS schema has and the API schema lacks", () => {
    const apiFields = Object.keys(ApiTraceSchema.properties);
    const obsOnly = Object.keys(ObsTraceSchema.properties).filter((f) => !apiFields.includes(f));
    expect([...OBS_ONLY_FIELDS]).toEqual(obsOnly);
  });

  it("accept a user with OriginUser and type, as agency sessions carry them", () => {
    const trace = apiExamples[0]!;
    const user = { ...trace.user, type: "AssumedAgency", OriginUser: '{"id":"u1","name":"alice"}' };
    expect(validatorFor("ApiTrace").issues({ ...trace, user })).toEqual([]);
    expect(
      validatorFor("ApiTrace").issues({ ...trace, user: { ...user, OriginUser: 1 } }),
    ).not.toEqual([]);
  });
});
