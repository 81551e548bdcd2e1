/** What the page and the test share: the store, the credentials and the requests, in order. */
import { signRequest } from "@ctsim/mock";

/** The store's clock. */
export const NOW = Date.UTC(2026, 5, 15, 12);

/** Two days of one generated tenant. */
export const LOAD = { seed: 3, days: 2, end: NOW, modelartsOnly: true } as const;

export const CREDENTIAL = { ak: "BROWSERTESTAK0000001", sk: "browser-test-secret-key" } as const;

/** The host the requests go to (and are signed for). */
export const HOST = "cts.cn-north-4.myhuaweicloud.com";

/** A data tracker created through the browser. */
export const TRACKER = {
  tracker_type: "data",
  tracker_name: "browser-data",
  data_bucket: { data_bucket_name: "audit-bucket", data_event: ["READ", "WRITE"] },
} as const;

const WINDOW = `from=${NOW - 2 * 86_400_000}&to=${NOW}`;

/** ListTraces queries, each paged to the end: everything, one filter, and an invalid limit. */
export const PAGE_QUERIES = [
  `trace_type=system&limit=200&${WINDOW}`,
  `trace_type=system&trace_rating=warning&limit=50&${WINDOW}`,
  `trace_type=system&limit=500&${WINDOW}`,
] as const;

/** An answer as the client saw it. */
export interface Answer {
  readonly status: number;
  readonly text: string;
}

/** One request on the wire: method, path, query (no `?`), headers and body. */
export interface WireRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Sends a request (through `fetch` in the page, through the core in Node). */
export type Transport = (request: WireRequest) => Answer | Promise<Answer>;

/** Every answer of the scenario. */
export interface ScenarioAnswers {
  /** The pages of every query of {@link PAGE_QUERIES}, in order. */
  readonly pages: Answer[];
  /** How many of `pages` belong to the first query (the whole window). */
  readonly firstQueryPages: number;
  readonly unsigned: Answer;
  readonly created: Answer;
  readonly trackers: Answer;
}

/** Everything the page reports. */
export interface BrowserRun extends ScenarioAnswers {
  readonly projectId: string;
}

/**
 * The scenario's requests, AK/SK-signed unless said otherwise, in order: every page of
 * {@link PAGE_QUERIES} (following `next` markers), an unsigned ListTraces, then creating and
 * listing {@link TRACKER}.
 */
export async function runScenario(projectId: string, send: Transport): Promise<ScenarioAnswers> {
  const call = async (method: string, path: string, query = "", body = "", signed = true) => {
    const plain: Record<string, string> = body === "" ? {} : { "content-type": "application/json" };
    const headers = signed
      ? signRequest(
          { method, rawPath: path, rawQuery: query, headers: plain, body, host: HOST },
          { ...CREDENTIAL, date: NOW },
        )
      : plain;
    return send({ method, path, query, headers, body });
  };
  const pages: Answer[] = [];
  let firstQueryPages = 0;
  for (const query of PAGE_QUERIES) {
    let marker: string | null = null;
    do {
      const next: string = marker === null ? "" : `&next=${encodeURIComponent(marker)}`;
      const answer = await call("GET", `/v3/${projectId}/traces`, `${query}${next}`);
      pages.push(answer);
      marker =
        answer.status === 200
          ? (JSON.parse(answer.text) as { meta_data: { marker: string | null } }).meta_data.marker
          : null;
    } while (marker !== null);
    if (query === PAGE_QUERIES[0]) firstQueryPages = pages.length;
  }
  return {
    pages,
    firstQueryPages,
    unsigned: await call("GET", `/v3/${projectId}/traces`, "trace_type=system", "", false),
    created: await call("POST", `/v3/${projectId}/tracker`, "", JSON.stringify(TRACKER)),
    trackers: await call("GET", `/v3/${projectId}/trackers`, "tracker_type=data"),
  };
}
