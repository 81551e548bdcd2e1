import { signRequest } from "@ctsim/signer";
import { EXPLORER_PATHS, type ExplorerLabels } from "../../site/explorer-assets.js";
import type { Filters } from "../model/filters.js";
import { listQuery } from "../model/filters.js";
import type { TracePage } from "../model/trace.js";
import type { Connection } from "./connection.js";

/** An API answer that is not 2xx, with CTS's error code and message when the body has them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * GET on this page's origin (the server that served it), signed with the AK/SK entered under
 * `aksk` (`@ctsim/signer`, in the browser) or carrying the token under `token`.
 *
 * @throws {ApiError} on a non-2xx answer (naming CTS's `error_code` and `error_msg`).
 */
async function ctsGet(connection: Connection, rawPath: string, rawQuery: string): Promise<unknown> {
  const headers = authHeaders(connection, rawPath, rawQuery);
  const response = await fetch(`${rawPath}?${rawQuery}`, { headers });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body ?? {}) as { error_code?: string; error_msg?: string };
    throw new ApiError(
      response.status,
      error.error_code,
      `${response.status} ${error.error_code ?? ""} ${error.error_msg ?? text.slice(0, 200)}`.replace(
        /\s+/g,
        " ",
      ),
    );
  }
  return body;
}

function authHeaders(
  connection: Connection,
  rawPath: string,
  rawQuery: string,
): Record<string, string> {
  switch (connection.auth) {
    case "none":
      return {};
    case "token":
      return { "x-auth-token": connection.token };
    case "aksk":
      return signRequest(
        { method: "GET", rawPath, rawQuery, host: location.host },
        { ak: connection.ak, sk: connection.sk, date: Date.now() },
      );
  }
}

/** The path of ListTraces for a project. */
function tracesPath(projectId: string): string {
  return `/v3/${encodeURIComponent(projectId)}/traces`;
}

/** One ListTraces page of these filters (after `next` when given). */
export async function listTraces(
  connection: Connection,
  filters: Filters,
  limit: number,
  next?: string,
): Promise<TracePage> {
  const body = await ctsGet(
    connection,
    tracesPath(connection.projectId),
    listQuery(filters, limit, next),
  );
  return body as TracePage;
}

/**
 * The scenario labels of the connection's project (ctsim's endpoint, with the same credentials
 * as the API); no scenarios when the server generated none.
 */
export async function readLabels(connection: Connection): Promise<ExplorerLabels> {
  const query = `project_id=${encodeURIComponent(connection.projectId)}`;
  return (await ctsGet(connection, EXPLORER_PATHS.labels, query)) as ExplorerLabels;
}

/** The marker of the page after this one, or `undefined` at the end of the list. */
export function nextMarker(page: TracePage, limit: number): string | undefined {
  const marker = page.meta_data?.marker;
  if (marker === undefined || marker === null || marker === "") return undefined;
  return page.traces.length < limit ? undefined : marker;
}

/**
 * Walks ListTraces pages of these filters, newest first, handing each page over, until the end
 * or `maxPages` (then `complete` is false). `isCancelled` stops the walk between pages.
 */
export async function walkTraces(
  connection: Connection,
  filters: Filters,
  options: {
    readonly maxPages: number;
    readonly onPage: (traces: readonly TracePage["traces"][number][]) => void;
    readonly isCancelled: () => boolean;
  },
): Promise<{ readonly complete: boolean }> {
  let next: string | undefined;
  for (let pageNo = 0; pageNo < options.maxPages; pageNo++) {
    const page = await listTraces(connection, filters, WALK_LIMIT, next);
    if (options.isCancelled()) return { complete: false };
    options.onPage(page.traces);
    next = nextMarker(page, WALK_LIMIT);
    if (next === undefined) return { complete: true };
  }
  return { complete: false };
}

/** The largest page ListTraces serves (reference §1.2): walks use it to take fewest requests. */
export const WALK_LIMIT = 200;
