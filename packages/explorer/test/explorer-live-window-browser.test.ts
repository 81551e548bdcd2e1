// The explorer against `serve --live`: the time window follows the clock at each search, so a
// live server's new traces show; against a fixed history it stays where it was set. Checked on
// the ListTraces requests the page sends.
import type { MockService } from "@ctsim/mock/node";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium } from "./support/chromium.js";
import { startExplorerService } from "./support/explorer-service.js";
import {
  applyFilters,
  brushHistogram,
  openExplorer,
  waitForList,
  windowOf,
} from "./support/page-driver.js";

type Window = { from: number; to: number };

/** The window of the page's latest ListTraces request, as numbers. */
function lastWindow(requests: readonly string[]): Window {
  const { from, to } = windowOf(requests);
  return { from: Number(from), to: Number(to) };
}

/** Runs a search with the form as it is (Enter), after the clock moved on a little. */
async function searchLater(page: Page): Promise<void> {
  await page.waitForTimeout(1100);
  await applyFilters(page, {});
}

const untilNow = (page: Page) => page.locator("form.filters [name=until_now]");

describe.skipIf(CHROMIUM === undefined)("the explorer's window and the clock (Chromium)", () => {
  let browser: Browser;
  let live: MockService;
  let fixed: MockService;
  beforeAll(async () => {
    browser = await launchChromium();
    const history = { auth: "none" as const, tenants: 1, days: 1, seed: 5 };
    live = await startExplorerService({ ...history, live: true });
    fixed = await startExplorerService(history);
  });
  afterAll(async () => {
    await live?.close();
    await fixed?.close();
    await browser?.close();
  });

  it("against a live server, each search ends the window now, as long as it was", async () => {
    const { page, requests, errors } = await openExplorer(browser, live.server.url);
    await waitForList(page, undefined);
    expect(await untilNow(page).isChecked()).toBe(true);
    expect(await page.locator("form.filters [name=to]").isDisabled()).toBe(true);
    const first = lastWindow(requests);
    await searchLater(page);
    const second = lastWindow(requests);
    expect(second.to).toBeGreaterThanOrEqual(first.to + 1000);
    expect(second.to - second.from).toBe(first.to - first.from);

    // A start set by hand is kept: the window runs from there to the clock.
    const start = Math.floor((second.to - 6 * 3_600_000) / 60_000) * 60_000;
    await page.waitForTimeout(1100);
    await applyFilters(page, { from: new Date(start).toISOString().slice(0, 16) });
    const third = lastWindow(requests);
    expect(third.from).toBe(start);
    expect(third.to).toBeGreaterThanOrEqual(second.to + 1000);

    // Unticked, the window stays where the last search put it.
    await untilNow(page).setChecked(false);
    await searchLater(page);
    expect(lastWindow(requests)).toEqual(third);
    await searchLater(page);
    expect(lastWindow(requests)).toEqual(third);

    // A stretch of the past chosen on the timeline is not moved by the next search.
    await untilNow(page).setChecked(true);
    await searchLater(page);
    await brushHistogram(page, 0.3, 0.6);
    const chosen = lastWindow(requests);
    expect(await untilNow(page).isChecked()).toBe(false);
    await searchLater(page);
    expect(lastWindow(requests)).toEqual(chosen);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("against a fixed history, the window stays where it was set", async () => {
    const { page, requests, errors } = await openExplorer(browser, fixed.server.url);
    await waitForList(page, undefined);
    expect(await untilNow(page).isChecked()).toBe(false);
    const first = lastWindow(requests);
    await searchLater(page);
    expect(lastWindow(requests)).toEqual(first);
    expect(errors).toEqual([]);
    await page.close();
  });
});
