import { type Static, Type } from "@sinclair/typebox";

/** One quota: how many of `type` exist and how many may. */
export const QuotaSchema = Type.Object(
  { type: Type.String(), used: Type.Integer({ minimum: 0 }), quota: Type.Integer({ minimum: 0 }) },
  { $id: "Quota" },
);
export type Quota = Static<typeof QuotaSchema>;

/** Response of `GET /v3/{project_id}/quotas`. */
export const ListQuotasResponseSchema = Type.Object(
  { resources: Type.Array(QuotaSchema) },
  { $id: "ListQuotasResponse" },
);
export type ListQuotasResponse = Static<typeof ListQuotasResponseSchema>;
