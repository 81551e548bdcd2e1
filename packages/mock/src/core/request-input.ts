import { type CtsSchemaName, validatorFor } from "@ctsim/catalog";
import type { Reply } from "./cts-request.js";
import type { HandlerContext } from "./handler-context.js";
import { ctsError } from "./replies.js";

/** A parsed JSON object body, or the CTS.0003 reply for an empty or invalid one. */
export function objectBody(
  body: string,
): { readonly value: Record<string, unknown> } | { readonly reply: Reply } {
  if (body.trim() === "") return { reply: ctsError("CTS.0003", "(the body is empty)") };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { reply: ctsError("CTS.0003", "(the body is not valid JSON)") };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { reply: ctsError("CTS.0003", "(the body must be a JSON object)") };
  }
  return { value: value as Record<string, unknown> };
}

/** A JSON object body valid against a catalog schema, or CTS.0003 naming the first issue. */
export function schemaBody<T>(
  body: string,
  schema: CtsSchemaName,
): { readonly value: T } | { readonly reply: Reply } {
  const parsed = objectBody(body);
  if ("reply" in parsed) return parsed;
  const issue = validatorFor(schema).issues(parsed.value, 1)[0];
  if (issue !== undefined) {
    return { reply: ctsError("CTS.0003", `(${issue.message})`) };
  }
  return { value: parsed.value as T };
}

/** A 400 for a bad query parameter, with the configured code and what was wrong. */
export function badParameter(context: HandlerContext, detail: string): Reply {
  const code = context.options.behaviour.badParameterCode;
  return ctsError(code, `(${detail})`);
}

/** The first value of a query parameter, with an empty value treated as absent. */
export function queryParam(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === "" ? undefined : value;
}
