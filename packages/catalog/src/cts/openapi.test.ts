import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { ctsOpenApiDocument } from "./openapi.js";
import { CTS_SCHEMAS } from "./schema-registry.js";
import { LIST_TRACES_LIMIT } from "./schemas/list-traces.js";

type Operation = {
  operationId: string;
  parameters?: Array<{
    name: string;
    in: string;
    required: boolean;
    schema: Record<string, unknown>;
  }>;
  responses: Record<string, unknown>;
};

function operations(): Map<string, Operation & { method: string; path: string }> {
  const doc = ctsOpenApiDocument() as { paths: Record<string, Record<string, Operation>> };
  const found = new Map<string, Operation & { method: string; path: string }>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      found.set(op.operationId, { ...op, method: method.toUpperCase(), path });
    }
  }
  return found;
}

describe("ctsOpenApiDocument", () => {
  it("is a valid OpenAPI 3.1 document whose $refs all resolve", async () => {
    const validator = new Validator();
    const result = await validator.validate(ctsOpenApiDocument());
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it("serves the v3 endpoints of reference §1.1 rows 1–23 with their methods and statuses", () => {
    const expected: Array<[string, string, string, string]> = [
      ["ListTraces", "GET", "/v3/{project_id}/traces", "200"],
      ["CreateTracker", "POST", "/v3/{project_id}/tracker", "201"],
      ["ListTrackers", "GET", "/v3/{project_id}/trackers", "200"],
      ["UpdateTracker", "PUT", "/v3/{project_id}/tracker", "200"],
      ["DeleteTracker", "DELETE", "/v3/{project_id}/trackers", "204"],
      ["CreateNotification", "POST", "/v3/{project_id}/notifications", "201"],
      ["ListNotifications", "GET", "/v3/{project_id}/notifications/{notification_type}", "200"],
      ["UpdateNotification", "PUT", "/v3/{project_id}/notifications", "200"],
      ["DeleteNotification", "DELETE", "/v3/{project_id}/notifications", "204"],
      ["ListQuotas", "GET", "/v3/{project_id}/quotas", "200"],
      ["ListOperations", "GET", "/v3/{project_id}/operations", "200"],
      ["ListUserResources", "GET", "/v3/{project_id}/user-resources", "200"],
      ["ListTraceResources", "GET", "/v3/{domain_id}/resources", "200"],
      ["CheckObsBuckets", "POST", "/v3/{domain_id}/checkbucket", "200"],
      [
        "BatchCreateResourceTags",
        "POST",
        "/v3/{project_id}/{resource_type}/{resource_id}/tags/create",
        "200",
      ],
      [
        "BatchDeleteResourceTags",
        "DELETE",
        "/v3/{project_id}/{resource_type}/{resource_id}/tags/delete",
        "204",
      ],
      ["ListResourceTags", "GET", "/v3/{project_id}/{resource_type}/{resource_id}/tags", "200"],
      ["ListProjectTags", "GET", "/v3/{project_id}/{resource_type}/tags", "200"],
      [
        "ListResourcesByTags",
        "POST",
        "/v3/{project_id}/{resource_type}/resource-instances/filter",
        "200",
      ],
      ["ShowConfiguration", "GET", "/v3/{project_id}/configuration", "200"],
      ["UpdateConfiguration", "PUT", "/v3/{project_id}/configuration", "204"],
      ["ListApiVersions", "GET", "/", "200"],
      ["ShowApiVersion", "GET", "/{version}", "200"],
    ];
    const ops = operations();
    expect([...ops.keys()].sort()).toEqual(expected.map(([id]) => id).sort());
    for (const [id, method, path, status] of expected) {
      const op = ops.get(id);
      expect({ id, method: op?.method, path: op?.path }).toEqual({ id, method, path });
      expect(Object.keys(op?.responses ?? {})).toContain(status);
    }
  });

  it("documents CTS's error statuses on every operation, and no 404 on ListTrackers", () => {
    for (const op of operations().values()) {
      expect(op.responses).toHaveProperty("500");
    }
    const traces = operations().get("ListTraces");
    expect(Object.keys(traces?.responses ?? {}).sort()).toEqual(
      ["200", "400", "401", "403", "404", "500", "503"].sort(),
    );
    expect(operations().get("ListTrackers")?.responses).not.toHaveProperty("404");
  });

  it("lists every ListTraces query parameter of reference §1.2, trace_type required, limit 1..200", () => {
    const params = operations().get("ListTraces")?.parameters ?? [];
    const query = params.filter((p) => p.in === "query");
    expect(query.map((p) => p.name).sort()).toEqual(
      [
        "trace_type",
        "limit",
        "from",
        "to",
        "next",
        "tracker_name",
        "service_type",
        "user",
        "resource_id",
        "resource_name",
        "resource_type",
        "trace_id",
        "trace_name",
        "trace_rating",
        "access_key_id",
        "enterprise_project_id",
      ].sort(),
    );
    expect(query.filter((p) => p.required).map((p) => p.name)).toEqual(["trace_type"]);
    const limit = query.find((p) => p.name === "limit")?.schema;
    expect(limit).toMatchObject({ minimum: LIST_TRACES_LIMIT.min, maximum: 200 });
  });

  it("limits {resource_type} of the tag APIs to cts-tracker and wires their bodies (§1.6, §1.7)", () => {
    const ops = operations();
    for (const id of [
      "BatchCreateResourceTags",
      "BatchDeleteResourceTags",
      "ListResourceTags",
      "ListProjectTags",
      "ListResourcesByTags",
    ]) {
      const param = ops.get(id)?.parameters?.find((p) => p.name === "resource_type");
      expect({ id, param }).toMatchObject({
        id,
        param: { in: "path", required: true, schema: { type: "string", enum: ["cts-tracker"] } },
      });
    }
    const limit = ops.get("ListProjectTags")?.parameters?.find((p) => p.name === "limit");
    expect(limit).toMatchObject({ in: "query", required: false, schema: { type: "integer" } });
    const doc = ctsOpenApiDocument() as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    const bodyOf = (path: string, method: string) =>
      JSON.stringify(doc.paths[path]?.[method]?.requestBody);
    expect(
      bodyOf("/v3/{project_id}/{resource_type}/{resource_id}/tags/delete", "delete"),
    ).toContain("#/components/schemas/BatchDeleteResourceTagsRequest");
    expect(bodyOf("/v3/{project_id}/configuration", "put")).toContain(
      "#/components/schemas/UpdateConfigurationRequest",
    );
    expect(ops.get("BatchCreateResourceTags")?.responses["200"]).toMatchObject({
      description: expect.stringContaining("unconfirmed 200 vs 204"),
    });
    const tagged = JSON.stringify(
      (ctsOpenApiDocument() as { components: { schemas: Record<string, unknown> } }).components
        .schemas.TaggedResource,
    );
    expect(tagged).toContain('"$ref":"#/components/schemas/ResourceTag"');
  });

  it("has one component per named schema, referencing nested named schemas", () => {
    const doc = ctsOpenApiDocument() as { components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.components.schemas).sort()).toEqual(Object.keys(CTS_SCHEMAS).sort());
    const trace = JSON.stringify(doc.components.schemas.ApiTrace);
    expect(trace).toContain('"$ref":"#/components/schemas/UserInfo"');
  });
});
