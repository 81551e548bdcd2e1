/**
 * Runs in Chromium (bundled by `set-up-worker.test.ts`): builds a generated store in the page,
 * serves it with `setupWorker` and talks to it with `fetch` as a browser audit tool would,
 * signing with AK/SK. Leaves what it saw in `window.ctsResult` for the test to compare with the
 * same requests answered in Node.
 */
import { createCtsHandlers, loadGeneratedTraces, signRequest, TraceStore } from "@ctsim/mock";
import { setupWorker } from "msw/browser";
import { type BrowserRun, CREDENTIAL, LOAD, NOW, PAGE_QUERIES, TRACKER } from "./scenario.js";

const BASE = "https://cts.cn-north-4.myhuaweicloud.com";

async function call(method: string, path: string, query = "", body = "", signed = true) {
  const url = new URL(`${BASE}${path}${query === "" ? "" : `?${query}`}`);
  const headers: Record<string, string> = body === "" ? {} : { "content-type": "application/json" };
  const sent = signed
    ? signRequest(
        { method, rawPath: url.pathname, rawQuery: query, headers, body, host: url.host },
        { ...CREDENTIAL, date: NOW },
      )
    : headers;
  const response = await fetch(url, { method, headers: sent, ...(body === "" ? {} : { body }) });
  return { status: response.status, text: await response.text() };
}

async function run(): Promise<BrowserRun> {
  const store = new TraceStore({ now: () => NOW });
  const { projects } = loadGeneratedTraces(store, LOAD);
  const projectId = projects[0]!;
  const auth = { mode: "aksk", credentials: [CREDENTIAL] } as const;
  const worker = setupWorker(...createCtsHandlers({ store, now: () => NOW, auth }));
  await worker.start({ quiet: true, onUnhandledRequest: "bypass" });
  const pages: BrowserRun["pages"] = [];
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
  }
  const unsigned = await call("GET", `/v3/${projectId}/traces`, "trace_type=system", "", false);
  const created = await call("POST", `/v3/${projectId}/tracker`, "", JSON.stringify(TRACKER));
  const trackers = await call("GET", `/v3/${projectId}/trackers`, "tracker_type=data");
  worker.stop();
  return { projectId, pages, unsigned, created, trackers };
}

(window as unknown as { ctsResult: Promise<BrowserRun | { error: string }> }).ctsResult =
  run().catch((error: unknown) => ({
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  }));
