import { type Static, Type } from "@sinclair/typebox";

/**
 * CTS's error body: `{error_code, error_msg}`; API Gateway errors add `request_id`
 * (reference §4.1).
 */
export const ErrorBodySchema = Type.Object(
  {
    error_code: Type.String({ pattern: "^(CTS|APIGW|APIG)\\.[0-9]{4}$" }),
    error_msg: Type.String(),
    request_id: Type.Optional(Type.String()),
  },
  { $id: "ErrorBody" },
);
export type ErrorBody = Static<typeof ErrorBodySchema>;
