// The explorer with `serve --scenario` (issue 23): the page shows the ground-truth labels the
// server knows, on the histogram's timeline and as badges in the list, and filters to a
// scenario. The labels compared with are the generator's own, for the same seed and window.
import { type AnomalyLabel, generateTraces, type ScenarioName } from "@ctsim/generator";
import type { MockService } from "@ctsim/mock/node";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium } from "./support/chromium.js";
import { apiWalk, startExplorerService } from "./support/explorer-service.js";
import {
  applyFilters,
  listGeneration,
  openExplorer,
  shownIds,
  waitForList,
  windowOf,
} from "./support/page-driver.js";

const HOUR = 3_600_000;
const SEED = 11;
const DAYS = 7;
/** An attack and a benign look-alike, both of management (system) traces. */
const SCENARIOS: ScenarioName[] = ["mass-deletion", "ci-nightly-cleanup"];

/** The generator's labels for the history a service started at `start` holds. */
function generatorLabels(start: number): AnomalyLabel[] {
  const end = Math.ceil(start / HOUR) * HOUR;
  const labels: AnomalyLabel[] = [];
  const traces = generateTraces({
    seed: SEED,
    now: end,
    from: end - DAYS * 24 * HOUR,
    to: end,
    scenarios: SCENARIOS,
    onLabel: (label) => labels.push(label),
  });
  for (const _ of traces);
  return labels;
}

/** Every row's trace id and the scenario its badge names (`""`: no badge), top to bottom. */
function badges(page: Page): Promise<[string, string, string][]> {
  return page.$$eval("table.traces tbody tr", (rows) =>
    rows.map((row) => {
      const badge = row.querySelector<HTMLElement>(".badge");
      return [
        (row as HTMLElement).dataset.traceId ?? "",
        badge?.dataset.scenario ?? "",
        badge?.querySelector(".badge-kind")?.textContent ?? "",
      ];
    }),
  );
}

/** Clicks "More traces" until the list's end. */
async function pageToEnd(page: Page): Promise<void> {
  while ((await page.locator("button.more").count()) > 0) {
    const before = (await shownIds(page)).length;
    await page.locator("button.more").click();
    await page.waitForFunction(
      (n) => document.querySelectorAll("table.traces tbody tr").length > n,
      before,
    );
  }
  await page.locator(".list-status", { hasText: "end of the list" }).waitFor();
}

describe.skipIf(CHROMIUM === undefined)("scenario labels in the explorer (Chromium)", () => {
  let browser: Browser;
  let service: MockService;
  let expected: AnomalyLabel[];
  /** The labels endpoint serves the occurrences starting before this (see `labelsBefore`). */
  let labelsCut = Number.POSITIVE_INFINITY;
  beforeAll(async () => {
    browser = await launchChromium();
    const start = Date.now();
    service = await startExplorerService({
      auth: "none",
      tenants: 1,
      days: DAYS,
      seed: SEED,
      scenarios: SCENARIOS,
      labelsBefore: () => labelsCut,
    });
    expected = generatorLabels(start);
  });
  afterAll(async () => {
    await service?.close();
    await browser?.close();
  });

  it("marks the occurrences on the timeline and badges exactly their traces in the list", async () => {
    const base = service.server.url;
    const pid = service.projectId;
    // The server's labels are the generator's for the same seed and window.
    const byTime = (a: AnomalyLabel, b: AnomalyLabel) => a.from - b.from;
    expect([...service.labels].sort(byTime)).toEqual([...expected].sort(byTime));
    const served = (await (await fetch(`${base}/_ctsim/labels?project_id=${pid}`)).json()) as {
      scenarios: string[];
      labels: AnomalyLabel[];
    };
    expect(served.scenarios).toEqual(SCENARIOS);
    expect(served.labels).toEqual(service.labelsOf(pid));

    const { page, requests, errors } = await openExplorer(browser, base);
    await waitForList(page, undefined);
    const window = windowOf(requests);
    const inWindow = served.labels.filter(
      (l) => l.to >= Number(window.from) && l.from <= Number(window.to),
    );
    expect(new Set(inWindow.map((l) => l.scenario))).toEqual(new Set(SCENARIOS));
    // One mark per occurrence in the window on the timeline, and each named under it.
    await page.locator(".label-mark").first().waitFor();
    const named = (selector: string) =>
      page.$$eval(selector, (buttons) =>
        buttons.map((b) => [
          (b as HTMLElement).dataset.scenario,
          Number((b as HTMLElement).dataset.from),
          `${b.getAttribute("title")} ${b.textContent}`,
        ]),
      );
    const occurrences = inWindow.map((l) => [l.scenario, l.from]);
    for (const selector of [".label-mark", ".label-chip"]) {
      const shown = await named(selector);
      expect(shown.map(([scenario, from]) => [scenario, from])).toEqual(occurrences);
      for (const [scenario, , name] of shown) expect(name).toContain(String(scenario));
    }
    expect(await page.locator(".label-chip.label-attack").count()).toBe(
      inWindow.filter((l) => !l.benign).length,
    );

    // Choosing an attack's mark opens its hours; every trace listed there carries a badge
    // exactly when a label lists it, naming that label's scenario and kind.
    const attack = inWindow.find((l) => !l.benign)!;
    const scenarioOf = new Map(served.labels.flatMap((l) => l.traceIds.map((id) => [id, l])));
    const before = await listGeneration(page);
    await page.locator(`.label-mark[data-from="${attack.from}"]`).click();
    await waitForList(page, before);
    await pageToEnd(page);
    const { from, to } = windowOf(requests);
    expect(Number(from)).toBeLessThanOrEqual(attack.from);
    expect(Number(to)).toBeGreaterThanOrEqual(attack.to);
    const listed = await apiWalk(base, pid, { trace_type: "system", from, to }, undefined);
    const rows = await badges(page);
    expect(rows.map(([id]) => id)).toEqual(listed.map((t) => t.trace_id));
    expect(rows).toEqual(
      listed.map((t) => {
        const label = scenarioOf.get(t.trace_id);
        return [
          t.trace_id,
          label?.scenario ?? "",
          label === undefined ? "" : label.benign ? "benign" : "attack",
        ];
      }),
    );
    // The occurrence's traces are all there, badged.
    const badged = new Set(rows.filter(([, scenario]) => scenario !== "").map(([id]) => id));
    for (const id of attack.traceIds) expect(badged.has(id)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reads the labels again at each search: the occurrences the server knows now show", async () => {
    const marks = (page: Page) =>
      page.$$eval(".label-mark", (b) => b.map((e) => Number((e as HTMLElement).dataset.from)));
    const markCount = (page: Page, n: number) =>
      page.waitForFunction((count) => document.querySelectorAll(".label-mark").length === count, n);
    const { page, requests, errors } = await openExplorer(browser, service.server.url);
    try {
      await waitForList(page, undefined);
      const window = windowOf(requests);
      const shown = service
        .labelsOf(service.projectId)
        .filter((l) => l.to >= Number(window.from) && l.from <= Number(window.to))
        .map((l) => l.from);
      expect(shown.length).toBeGreaterThan(2);
      await markCount(page, shown.length);
      // As a live server that has produced only the window's first occurrence: a search (the
      // same filters) shows that one only, and once the others happen, the next search shows
      // them, without reconnecting.
      labelsCut = shown[1] as number;
      await applyFilters(page, {});
      await markCount(page, 1);
      expect(await marks(page)).toEqual(shown.slice(0, 1));
      labelsCut = Number.POSITIVE_INFINITY;
      await applyFilters(page, {});
      await markCount(page, shown.length);
      expect(await marks(page)).toEqual(shown);
      expect(errors).toEqual([]);
    } finally {
      labelsCut = Number.POSITIVE_INFINITY;
      await page.close();
    }
  });

  it("filters the list to a scenario: exactly its traces, each badged", async () => {
    const base = service.server.url;
    const pid = service.projectId;
    const { page, requests, errors } = await openExplorer(browser, base);
    await waitForList(page, undefined);
    const window = windowOf(requests);
    const benign = service
      .labelsOf(pid)
      .filter((l) => l.benign && l.to >= Number(window.from) && l.from <= Number(window.to));
    expect(benign.length).toBeGreaterThan(1);
    await applyFilters(page, { scenario: "ci-nightly-cleanup" });
    const system = new Set(
      (await apiWalk(base, pid, { trace_type: "system", ...window }, undefined)).map(
        (t) => t.trace_id,
      ),
    );
    const wanted = benign.flatMap((l) => l.traceIds).filter((id) => system.has(id));
    const rows = await badges(page);
    expect(new Set(rows.map(([id]) => id))).toEqual(new Set(wanted));
    expect(rows.length).toBe(wanted.length);
    for (const [, scenario, kind] of rows)
      expect([scenario, kind]).toEqual(["ci-nightly-cleanup", "benign"]);
    // The timeline marks that scenario's occurrences only.
    const marked = await page.$$eval(".label-mark", (b) =>
      b.map((e) => (e as HTMLElement).dataset.scenario),
    );
    expect(marked).toEqual(benign.map(() => "ci-nightly-cleanup"));
    await page
      .locator(".list-status", {
        hasText: `${wanted.length} traces of ci-nightly-cleanup (${benign.length} occurrences`,
      })
      .waitFor();
    expect(errors).toEqual([]);
    await page.close();

    // With the Scenario column, a narrow window still does not scroll sideways.
    const narrow = await openExplorer(browser, base, { width: 420, height: 800 });
    await waitForList(narrow.page, undefined);
    await applyFilters(narrow.page, { scenario: "ci-nightly-cleanup" });
    const overflow = await narrow.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await narrow.page.close();
  });
});
