import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createCtsCore, loadGeneratedTraces, responseText, TraceStore } from "@ctsim/mock";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import {
  type Answer,
  type BrowserRun,
  CREDENTIAL,
  HOST,
  LOAD,
  NOW,
  runScenario,
  type ScenarioAnswers,
  TRACKER,
} from "./scenario.js";

/**
 * A Chromium to drive: `$CTSIM_CHROMIUM`, else Debian's or a system Chrome. Without one the
 * test is skipped (and says so), unless CTSIM_REQUIRE_CHROMIUM=1: install Debian's `chromium`
 * package to run it.
 */
const CHROMIUM = [
  process.env.CTSIM_CHROMIUM,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
].find((path) => path !== undefined && path !== "" && existsSync(path));
// CI sets CTSIM_REQUIRE_CHROMIUM=1 (.ci/run installs Debian's chromium first): a missing browser
// then fails the run instead of skipping the test.
if (CHROMIUM === undefined && process.env.CTSIM_REQUIRE_CHROMIUM === "1") {
  throw new Error(
    "CTSIM_REQUIRE_CHROMIUM=1 but no Chromium: apt-get install chromium, or set CTSIM_CHROMIUM",
  );
}
if (CHROMIUM === undefined) {
  console.warn(
    "setupWorker browser test skipped: no Chromium (apt-get install chromium, or set CTSIM_CHROMIUM)",
  );
}

let server: Server | undefined;
afterAll(() => server?.close());

describe.skipIf(CHROMIUM === undefined)("createCtsHandlers in Chromium (setupWorker)", () => {
  it("answers signed pages, errors and tracker writes byte for byte as the core does in Node", async () => {
    const url = await servePage();
    const browser = await chromium.launch({
      executablePath: CHROMIUM!,
      headless: true,
      args: ["--no-sandbox"],
    });
    let run: BrowserRun | { error: string };
    try {
      const page = await browser.newPage();
      await page.goto(url);
      run = await page.evaluate(
        () =>
          (window as unknown as { ctsResult: Promise<BrowserRun | { error: string }> }).ctsResult,
      );
    } finally {
      await browser.close();
    }
    if ("error" in run) throw new Error(`in the page: ${run.error}`);

    const expected = await answersInNode(run.projectId);
    const statuses = (answers: readonly Answer[]) => answers.map((a) => a.status);
    // Walked to the end: every trace of the window once, then a filter, then limit 500 refused.
    expect(statuses(run.pages)).toEqual(statuses(expected.pages));
    expect(run.pages.map((a) => a.text)).toEqual(expected.pages.map((a) => a.text));
    const ids = run.pages
      .slice(0, expected.firstQueryPages)
      .flatMap((a) => (JSON.parse(a.text) as { traces: { trace_id: string }[] }).traces)
      .map((t) => t.trace_id);
    expect(ids.length).toBeGreaterThan(300);
    expect(new Set(ids).size).toBe(ids.length);
    expect(run.pages.at(-1)!.status).toBe(400);
    expect([run.unsigned.status, JSON.parse(run.unsigned.text).error_code]).toEqual([
      401,
      "APIGW.0301",
    ]);
    expect(run.unsigned).toEqual(expected.unsigned);
    expect(run.created.status).toBe(201);
    expect(run.created).toEqual(expected.created);
    expect(
      JSON.parse(run.trackers.text).trackers.map((t: { tracker_name: string }) => t.tracker_name),
    ).toEqual([TRACKER.tracker_name]);
    expect(run.trackers).toEqual(expected.trackers);
  });
});

/** The page's requests, in the same order, answered by a core in this process. */
function answersInNode(projectId: string): Promise<ScenarioAnswers> {
  const store = new TraceStore({ now: () => NOW });
  loadGeneratedTraces(store, LOAD);
  const core = createCtsCore({
    store,
    now: () => NOW,
    auth: { mode: "aksk", credentials: [CREDENTIAL] },
  });
  return runScenario(projectId, (request) => {
    const response = core.handle({ ...request, headers: { ...request.headers, host: HOST } });
    return { status: response.status, text: responseText(response) };
  });
}

/** Bundles the page for the browser and serves it with msw's service worker script. */
async function servePage(): Promise<string> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL("./page-entry.ts", import.meta.url))],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "chrome120",
    conditions: ["@ctsim/source"],
    logLevel: "silent",
  });
  const files = new Map<string, { type: string; body: string | Uint8Array }>([
    [
      "/",
      { type: "text/html", body: '<!doctype html><script type="module" src="/page.js"></script>' },
    ],
    ["/page.js", { type: "text/javascript", body: bundle.outputFiles[0]!.contents }],
    [
      "/mockServiceWorker.js",
      {
        type: "text/javascript",
        body: readFileSync(fileURLToPath(import.meta.resolve("msw/mockServiceWorker.js")), "utf8"),
      },
    ],
  ]);
  server = createServer((req, res) => {
    const file = files.get(req.url ?? "/");
    if (file === undefined) res.writeHead(404).end();
    else res.writeHead(200, { "content-type": file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`;
}
