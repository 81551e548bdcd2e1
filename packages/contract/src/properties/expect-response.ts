import { type CtsSchemaName, validatorFor } from "@ctsim/catalog";
import type { CtsResponse } from "../internal/cts-client.js";
import { ensure } from "./contract-violation.js";

/** Fails unless the response has `status` and, when given, a body valid against `schema`. */
export function expectStatus(
  what: string,
  response: CtsResponse,
  status: number,
  schema?: CtsSchemaName,
): void {
  ensure(
    response.status === status,
    () =>
      `${what}: answered ${response.status}, expected ${status}: ${response.text.slice(0, 300)}`,
  );
  if (schema === undefined) return;
  const issues = validatorFor(schema).issues(response.json, 3);
  ensure(
    response.json !== undefined && issues.length === 0,
    () =>
      `${what}: the body is not a valid ${schema}: ${issues.map((i) => `${i.path} ${i.message}`).join("; ") || response.text.slice(0, 200)}`,
  );
}

/** Fails unless the response is `status` with CTS's error body carrying `code`. */
export function expectError(
  what: string,
  response: CtsResponse,
  status: number,
  code: string,
): void {
  expectStatus(what, response, status, "ErrorBody");
  const got = (response.json as { error_code: string }).error_code;
  ensure(got === code, () => `${what}: error_code ${got}, expected ${code}`);
}
