import { type CtsCore, type CtsResponse, responseText } from "@ctsim/mock";

/** A core response with its body parsed (`undefined` for an empty body). */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly json: unknown;
  readonly raw: CtsResponse;
}

/** Calls the core like an HTTP client would. */
export function call(
  core: CtsCore,
  method: string,
  path: string,
  init: {
    query?: Record<string, string> | string;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Answer {
  const query =
    typeof init.query === "string" ? init.query : new URLSearchParams(init.query ?? {}).toString();
  const body =
    init.body === undefined
      ? ""
      : typeof init.body === "string"
        ? init.body
        : JSON.stringify(init.body);
  const raw = core.handle({ method, path, query, headers: init.headers ?? {}, body });
  return {
    status: raw.status,
    headers: raw.headers,
    json: raw.body === "" ? undefined : JSON.parse(responseText(raw)),
    raw,
  };
}
