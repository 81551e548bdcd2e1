/**
 * Runs in Chromium (bundled by `set-up-worker.test.ts`): builds a generated store in the page,
 * serves it with `setupWorker` and talks to it with `fetch` as a browser audit tool would,
 * signing with AK/SK. Leaves what it saw in `window.ctsResult` for the test to compare with the
 * same requests answered in Node.
 */
import { createCtsHandlers, loadGeneratedTraces, TraceStore } from "@ctsim/mock";
import { setupWorker } from "msw/browser";
import { type BrowserRun, CREDENTIAL, HOST, LOAD, NOW, runScenario } from "./scenario.js";

async function run(): Promise<BrowserRun> {
  const store = new TraceStore({ now: () => NOW });
  const { projects } = loadGeneratedTraces(store, LOAD);
  const projectId = projects[0]!;
  const auth = { mode: "aksk", credentials: [CREDENTIAL] } as const;
  const worker = setupWorker(...createCtsHandlers({ store, now: () => NOW, auth }));
  await worker.start({ quiet: true, onUnhandledRequest: "bypass" });
  const answers = await runScenario(projectId, async ({ method, path, query, headers, body }) => {
    const url = `https://${HOST}${path}${query === "" ? "" : `?${query}`}`;
    const response = await fetch(url, { method, headers, ...(body === "" ? {} : { body }) });
    return { status: response.status, text: await response.text() };
  });
  worker.stop();
  return { projectId, ...answers };
}

(window as unknown as { ctsResult: Promise<BrowserRun | { error: string }> }).ctsResult =
  run().catch((error: unknown) => ({
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  }));
