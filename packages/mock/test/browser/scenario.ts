/** What the page and the test share: the store, the credentials and the requests. */

/** The store's clock. */
export const NOW = Date.UTC(2026, 5, 15, 12);

/** Two days of one generated tenant. */
export const LOAD = { seed: 3, days: 2, end: NOW } as const;

export const CREDENTIAL = { ak: "BROWSERTESTAK0000001", sk: "browser-test-secret-key" } as const;

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

/** An answer as the page saw it. */
export interface Answer {
  readonly status: number;
  readonly text: string;
}

/** Everything the page reports. */
export interface BrowserRun {
  readonly projectId: string;
  readonly pages: Answer[];
  readonly unsigned: Answer;
  readonly created: Answer;
  readonly trackers: Answer;
}
