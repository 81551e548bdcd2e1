import { NOTIFICATION_TYPES, TAG_RESOURCE_TYPES, TRACKER_TYPES } from "./enums.js";
import { componentSchemaOf, type JsonObject } from "./json-schema.js";
import { CTS_SCHEMAS, type CtsSchemaName } from "./schema-registry.js";
import { ListTracesQuerySchema } from "./schemas/list-traces.js";

/** Error statuses CTS documents for nearly every v3 API (reference §1.1). */
const ERROR_STATUSES = ["400", "401", "403", "404", "500", "503"] as const;

const ref = (name: CtsSchemaName): JsonObject => ({ $ref: `#/components/schemas/${name}` });
const json = (name: CtsSchemaName, description: string): JsonObject => ({
  description,
  content: { "application/json": { schema: ref(name) } },
});
const empty = (description: string): JsonObject => ({ description });

function errors(except: readonly string[] = []): JsonObject {
  return Object.fromEntries(
    ERROR_STATUSES.filter((status) => !except.includes(status)).map((status) => [
      status,
      { $ref: "#/components/responses/Error" },
    ]),
  );
}

function pathParam(name: string, description: string): JsonObject {
  return { name, in: "path", required: true, schema: { type: "string" }, description };
}

function queryParam(name: string, schema: JsonObject, required = false): JsonObject {
  return { name, in: "query", required, schema };
}

const projectId = pathParam("project_id", "project ID");
const domainId = pathParam("domain_id", "account (domain) ID");

function operation(
  operationId: string,
  summary: string,
  fields: { parameters?: JsonObject[]; requestBody?: CtsSchemaName; responses: JsonObject },
): JsonObject {
  return {
    operationId,
    summary,
    tags: ["CTS v3"],
    ...(fields.parameters ? { parameters: fields.parameters } : {}),
    ...(fields.requestBody
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref(fields.requestBody) } },
          },
        }
      : {}),
    responses: fields.responses,
  };
}

function listTracesParameters(): JsonObject[] {
  const properties = JSON.parse(JSON.stringify(ListTracesQuerySchema.properties)) as Record<
    string,
    JsonObject
  >;
  const required = new Set<string>(ListTracesQuerySchema.required ?? []);
  return Object.entries(properties).map(([name, schema]) =>
    queryParam(name, schema, required.has(name)),
  );
}

/**
 * The OpenAPI 3.1 document of the CTS v3 endpoints ctsim serves: traces, trackers,
 * notifications, quotas, operations, user-resources, resources, checkbucket, tracker tags,
 * configuration and versions.
 */
export function ctsOpenApiDocument(): JsonObject {
  const stringEnum = (values: readonly string[]): JsonObject => ({ type: "string", enum: values });
  const resourceType = {
    ...pathParam("resource_type", "resource type of the tag APIs: only cts-tracker"),
    schema: stringEnum(TAG_RESOURCE_TYPES),
  };
  const resourceId = pathParam("resource_id", "tracker ID");
  return {
    openapi: "3.1.0",
    info: {
      title: "Huawei Cloud Cloud Trace Service (CTS) API v3, as served by ctsim",
      version: "3.0.0",
      description:
        "Endpoints of CTS v3 reproduced by the ctsim mock. Facts and unconfirmed behaviour are listed in the @ctsim/catalog README.",
    },
    servers: [
      {
        url: "https://cts.{region}.myhuaweicloud.com",
        variables: { region: { default: "cn-north-4" } },
      },
    ],
    security: [{ token: [] }, { aksk: [] }],
    paths: {
      "/": {
        get: operation("ListApiVersions", "List API versions", {
          responses: {
            "200": json("ListVersionsResponse", "API versions"),
            ...errors(["400", "401", "403", "503"]),
          },
        }),
      },
      "/{version}": {
        get: operation("ShowApiVersion", "Show one API version", {
          parameters: [pathParam("version", "version ID, e.g. v3")],
          responses: {
            "200": json("ShowVersionResponse", "the version"),
            ...errors(["400", "401", "403", "503"]),
          },
        }),
      },
      "/v3/{project_id}/traces": {
        get: operation("ListTraces", "Query traces of the last 7 days, newest first", {
          parameters: [projectId, ...listTracesParameters()],
          responses: { "200": json("ListTracesResponse", "a page of traces"), ...errors() },
        }),
      },
      "/v3/{project_id}/tracker": {
        post: operation("CreateTracker", "Create a tracker", {
          parameters: [projectId],
          requestBody: "CreateTrackerRequest",
          responses: { "201": json("Tracker", "the created tracker"), ...errors() },
        }),
        put: operation("UpdateTracker", "Modify a tracker", {
          parameters: [projectId],
          requestBody: "UpdateTrackerRequest",
          responses: { "200": empty("updated; empty body"), ...errors() },
        }),
      },
      "/v3/{project_id}/trackers": {
        get: operation("ListTrackers", "Query trackers", {
          parameters: [
            projectId,
            queryParam("tracker_name", { type: "string" }),
            queryParam("tracker_type", stringEnum(TRACKER_TYPES)),
          ],
          responses: { "200": json("ListTrackersResponse", "the trackers"), ...errors(["404"]) },
        }),
        delete: operation("DeleteTracker", "Delete trackers", {
          parameters: [
            projectId,
            queryParam("tracker_name", { type: "string" }),
            queryParam("tracker_type", stringEnum(TRACKER_TYPES)),
          ],
          responses: { "204": empty("deleted"), ...errors() },
        }),
      },
      "/v3/{project_id}/notifications": {
        post: operation("CreateNotification", "Create a key event notification", {
          parameters: [projectId],
          requestBody: "CreateNotificationRequest",
          responses: { "201": json("Notification", "the created notification"), ...errors() },
        }),
        put: operation("UpdateNotification", "Modify a key event notification", {
          parameters: [projectId],
          requestBody: "UpdateNotificationRequest",
          responses: { "200": json("Notification", "the updated notification"), ...errors() },
        }),
        delete: operation("DeleteNotification", "Delete key event notifications", {
          parameters: [
            projectId,
            queryParam(
              "notification_id",
              { type: "string", description: "comma-separated IDs" },
              true,
            ),
          ],
          responses: { "204": empty("deleted"), ...errors() },
        }),
      },
      "/v3/{project_id}/notifications/{notification_type}": {
        get: operation("ListNotifications", "Query key event notifications", {
          parameters: [
            projectId,
            {
              ...pathParam("notification_type", "smn or fun"),
              schema: stringEnum(NOTIFICATION_TYPES),
            },
            queryParam("notification_name", { type: "string" }),
          ],
          responses: { "200": json("ListNotificationsResponse", "the notifications"), ...errors() },
        }),
      },
      "/v3/{project_id}/quotas": {
        get: operation("ListQuotas", "Query tenant quotas", {
          parameters: [projectId],
          responses: { "200": json("ListQuotasResponse", "the quotas"), ...errors() },
        }),
      },
      "/v3/{project_id}/operations": {
        get: operation("ListOperations", "Query the operations CTS records", {
          parameters: [
            projectId,
            queryParam("service_type", { type: "string" }),
            queryParam("resource_type", { type: "string", description: "requires service_type" }),
          ],
          responses: {
            "200": json("ListOperationsResponse", "operations per resource type"),
            ...errors(),
          },
        }),
      },
      "/v3/{project_id}/user-resources": {
        get: operation("ListUserResources", "Query users seen in traces of the last 30 days", {
          parameters: [projectId],
          responses: { "200": json("ListUserResourcesResponse", "user names"), ...errors() },
        }),
      },
      "/v3/{domain_id}/resources": {
        get: operation("ListTraceResources", "Query resource types per service", {
          parameters: [domainId],
          responses: { "200": json("ListTraceResourcesResponse", "resource types"), ...errors() },
        }),
      },
      "/v3/{domain_id}/checkbucket": {
        post: operation("CheckObsBuckets", "Check OBS buckets for trace transfer", {
          parameters: [domainId],
          requestBody: "CheckObsBucketsRequest",
          responses: {
            "200": json("CheckObsBucketsResponse", "one result per bucket"),
            ...errors(),
          },
        }),
      },
      "/v3/{project_id}/{resource_type}/{resource_id}/tags/create": {
        post: operation("BatchCreateResourceTags", "Add tags to a tracker", {
          parameters: [projectId, resourceType, resourceId],
          requestBody: "BatchCreateResourceTagsRequest",
          responses: {
            "200": empty(
              "created; empty body (one doc revision says 200, others list no code: unconfirmed 200 vs 204)",
            ),
            ...errors(),
          },
        }),
      },
      "/v3/{project_id}/{resource_type}/{resource_id}/tags/delete": {
        delete: operation("BatchDeleteResourceTags", "Remove tags from a tracker", {
          parameters: [projectId, resourceType, resourceId],
          requestBody: "BatchDeleteResourceTagsRequest",
          responses: { "204": empty("deleted"), ...errors() },
        }),
      },
      "/v3/{project_id}/{resource_type}/{resource_id}/tags": {
        get: operation("ListResourceTags", "Query the tags of a tracker (not in the SDK)", {
          parameters: [projectId, resourceType, resourceId],
          responses: { "200": json("ListResourceTagsResponse", "the tracker's tags"), ...errors() },
        }),
      },
      "/v3/{project_id}/{resource_type}/tags": {
        get: operation("ListProjectTags", "Query the tag keys of the project (not in the SDK)", {
          parameters: [
            projectId,
            resourceType,
            queryParam("limit", { type: "integer", description: "page size" }),
          ],
          responses: {
            "200": json("ListProjectTagsResponse", "tag keys with their values"),
            ...errors(),
          },
        }),
      },
      "/v3/{project_id}/{resource_type}/resource-instances/filter": {
        post: operation("ListResourcesByTags", "Query trackers by tags (not in the SDK)", {
          parameters: [projectId, resourceType],
          requestBody: "ListResourcesByTagsRequest",
          responses: {
            "200": json(
              "ListResourcesByTagsResponse",
              "matching trackers (paging fields limit, offset and total_count unconfirmed)",
            ),
            ...errors(),
          },
        }),
      },
      "/v3/{project_id}/configuration": {
        get: operation("ShowConfiguration", "Query the CTS configuration (not in the SDK)", {
          parameters: [projectId],
          responses: { "200": json("CtsConfiguration", "the configuration"), ...errors() },
        }),
        put: operation("UpdateConfiguration", "Modify the CTS configuration (not in the SDK)", {
          parameters: [projectId],
          requestBody: "UpdateConfigurationRequest",
          responses: { "204": empty("updated; empty body"), ...errors() },
        }),
      },
    },
    components: {
      schemas: Object.fromEntries(
        (Object.keys(CTS_SCHEMAS) as CtsSchemaName[]).map((name) => [
          name,
          componentSchemaOf(name),
        ]),
      ),
      responses: {
        Error: {
          description: "CTS or API Gateway error",
          headers: { "X-Request-Id": { schema: { type: "string" } } },
          content: { "application/json": { schema: ref("ErrorBody") } },
        },
      },
      securitySchemes: {
        token: { type: "apiKey", in: "header", name: "X-Auth-Token", description: "IAM token" },
        aksk: {
          type: "apiKey",
          in: "header",
          name: "Authorization",
          description:
            "SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<h1;h2>, Signature=<hex>, with X-Sdk-Date",
        },
      },
    },
  };
}
