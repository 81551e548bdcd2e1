import { type Static, Type } from "@sinclair/typebox";

/**
 * A tag key (reference §1.6): not empty, at most 128 Unicode characters. The character rules are
 * described, not enforced: CTS checks them itself and answers with its own error.
 */
const TagKey = Type.String({
  minLength: 1,
  maxLength: 128,
  description:
    "tag key: 1–128 Unicode characters; letters, digits, spaces and _ . : / = + - @; must not start with _sys_ nor start or end with a space",
});

/** A tag value (reference §1.6): at most 255 characters, may be empty. */
const TagValue = Type.String({
  maxLength: 255,
  description: "tag value: 0–255 characters; letters, digits, spaces and _ . : / = + - @",
});

/** A tag of a tracker: `{key, value}` (reference §1.6). */
export const ResourceTagSchema = Type.Object(
  { key: TagKey, value: TagValue },
  { $id: "ResourceTag", description: "A tag of a CTS resource (a tracker)." },
);
export type ResourceTag = Static<typeof ResourceTagSchema>;

/**
 * Body of `POST /v3/{project_id}/{resource_type}/{resource_id}/tags/create`. The success status
 * is unconfirmed: one doc revision says 200, others list none (reference uncertainty 10).
 */
export const BatchCreateResourceTagsRequestSchema = Type.Object(
  { tags: Type.Array(ResourceTagSchema) },
  { $id: "BatchCreateResourceTagsRequest", description: "Tags to add to a tracker." },
);
export type BatchCreateResourceTagsRequest = Static<typeof BatchCreateResourceTagsRequestSchema>;

/** Body of `DELETE /v3/{project_id}/{resource_type}/{resource_id}/tags/delete`. */
export const BatchDeleteResourceTagsRequestSchema = Type.Object(
  {
    tags: Type.Array(
      Type.Object({
        key: TagKey,
        value: Type.Optional(
          Type.String({
            maxLength: 255,
            description: "with a value the tag is deleted by key and value, without by key alone",
          }),
        ),
      }),
    ),
  },
  { $id: "BatchDeleteResourceTagsRequest", description: "Tags to remove from a tracker." },
);
export type BatchDeleteResourceTagsRequest = Static<typeof BatchDeleteResourceTagsRequestSchema>;

/**
 * Response of `GET /v3/{project_id}/{resource_type}/{resource_id}/tags` (not in the SDK; from
 * Terraform).
 */
export const ListResourceTagsResponseSchema = Type.Object(
  { tags: Type.Array(ResourceTagSchema) },
  { $id: "ListResourceTagsResponse", description: "The tags of one tracker." },
);
export type ListResourceTagsResponse = Static<typeof ListResourceTagsResponseSchema>;

/** A tag key used in the project, with every value it has there. */
export const ProjectTagSchema = Type.Object(
  { key: Type.String(), values: Type.Array(Type.String()) },
  { $id: "ProjectTag", description: "A tag key of the project's trackers and its values." },
);
export type ProjectTag = Static<typeof ProjectTagSchema>;

/** Response of `GET /v3/{project_id}/{resource_type}/tags` (not in the SDK; from Terraform). */
export const ListProjectTagsResponseSchema = Type.Object(
  { tags: Type.Array(ProjectTagSchema) },
  { $id: "ListProjectTagsResponse", description: "The tag keys of the project's trackers." },
);
export type ListProjectTagsResponse = Static<typeof ListProjectTagsResponseSchema>;

/**
 * Body of `POST /v3/{project_id}/{resource_type}/resource-instances/filter` (not in the SDK; from
 * Terraform). The paging fields `limit` and `offset` are unconfirmed (reference uncertainty 10).
 */
export const ListResourcesByTagsRequestSchema = Type.Object(
  {
    tags: Type.Optional(
      Type.Array(
        Type.Object({
          key: Type.String(),
          values: Type.Array(Type.String(), {
            description: "values of the key that match (any of them)",
          }),
        }),
      ),
    ),
    matches: Type.Optional(
      Type.Array(
        Type.Object({
          key: Type.String({ description: 'only "resource_name" is documented' }),
          value: Type.String({ description: "empty: exact match; otherwise fuzzy match" }),
        }),
      ),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, description: "page size (unconfirmed; Terraform sends 1000)" }),
    ),
    offset: Type.Optional(
      Type.Integer({ minimum: 0, description: "index of the first resource (unconfirmed)" }),
    ),
  },
  { $id: "ListResourcesByTagsRequest", description: "Filter of trackers by tags and name." },
);
export type ListResourcesByTagsRequest = Static<typeof ListResourcesByTagsRequestSchema>;

/** A tracker found by ListResourcesByTags. */
export const TaggedResourceSchema = Type.Object(
  {
    resource_id: Type.String({ description: "tracker ID" }),
    resource_name: Type.String({ description: "tracker name" }),
    resource_detail: Type.String({ description: "details of the resource; content undocumented" }),
    tags: Type.Array(ResourceTagSchema),
  },
  { $id: "TaggedResource", description: "A tracker with its tags." },
);
export type TaggedResource = Static<typeof TaggedResourceSchema>;

/**
 * Response of `POST /v3/{project_id}/{resource_type}/resource-instances/filter`. `total_count`
 * is unconfirmed (the reference lists only `resources`).
 */
export const ListResourcesByTagsResponseSchema = Type.Object(
  {
    resources: Type.Array(TaggedResourceSchema),
    total_count: Type.Integer({
      minimum: 0,
      description: "number of matching resources (unconfirmed paging field)",
    }),
  },
  { $id: "ListResourcesByTagsResponse", description: "Trackers matching the filter." },
);
export type ListResourcesByTagsResponse = Static<typeof ListResourcesByTagsResponseSchema>;
