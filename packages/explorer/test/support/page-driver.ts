import type { Browser, Page } from "playwright-core";

/** The page's list generation: it changes each time a first page of a new query is shown. */
export async function listGeneration(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.body.dataset.listReady);
}

/** Waits until the list shows the answer to a query newer than `previous`. */
export async function waitForList(page: Page, previous: string | undefined): Promise<void> {
  await page.waitForFunction(
    (prev) =>
      document.body.dataset.listReady !== undefined && document.body.dataset.listReady !== prev,
    previous,
  );
}

/** The trace ids the list shows, top to bottom. */
export function shownIds(page: Page): Promise<string[]> {
  return page.$$eval("table.traces tbody tr", (rows) =>
    rows.map((r) => (r as HTMLElement).dataset.traceId ?? ""),
  );
}

/** Submits the filter form with these fields set (others keep their values). */
export async function applyFilters(
  page: Page,
  fields: Readonly<Record<string, string>>,
): Promise<void> {
  const before = await listGeneration(page);
  for (const [name, value] of Object.entries(fields)) {
    const field = page.locator(`form.filters [name="${name}"]`);
    if ((await field.evaluate((e) => e.tagName)) === "SELECT") await field.selectOption(value);
    else await field.fill(value);
  }
  await page.locator("form.filters [name=trace_name]").press("Enter");
  await waitForList(page, before);
}

/**
 * Drags across the histogram from `start` to `end` (fractions of its width), once its counts
 * are complete, and waits for the list of the narrowed window.
 */
export async function brushHistogram(page: Page, start: number, end: number): Promise<void> {
  await histogramCounts(page);
  const box = (await page.locator(".histogram svg").boundingBox())!;
  const before = await listGeneration(page);
  await page.mouse.move(box.x + box.width * start, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * end, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await waitForList(page, before);
}

/** The histogram's counts once its walk is complete: hour start → [normal, warning, incident]. */
export async function histogramCounts(page: Page): Promise<Record<string, number[]>> {
  await page.waitForFunction(() => {
    const status = document.querySelector(".histogram-status")?.textContent ?? "";
    return /^[\d,]+ traces$/.test(status);
  });
  return page.$$eval(".histogram-table tbody tr", (rows) =>
    Object.fromEntries(
      rows.map((r) => [
        (r as HTMLElement).dataset.hour ?? "",
        [...r.querySelectorAll("td")].map((td) => Number(td.textContent)),
      ]),
    ),
  );
}

/** The API's traces binned the way the page bins them (UTC hours; ratings in CTS's order). */
export function binByHour(
  traces: readonly { time: number; trace_rating: string }[],
): Record<string, number[]> {
  const bins: Record<string, number[]> = {};
  const order = ["normal", "warning", "incident"];
  for (const t of traces) {
    const hour = String(Math.floor(t.time / 3600_000) * 3600_000);
    bins[hour] ??= [0, 0, 0];
    bins[hour][order.indexOf(t.trace_rating)]! += 1;
  }
  return bins;
}

/** Milliseconds from navigation start to the first list shown (the page's `ctsim:first-list` mark). */
export async function firstListMs(page: Page): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName("ctsim:first-list").length > 0);
  return page.evaluate(() => performance.getEntriesByName("ctsim:first-list")[0]!.startTime);
}

/** Opens the page and records every request and page error (then wait with {@link waitForList}). */
export async function openExplorer(
  browser: Browser,
  base: string,
  viewport = { width: 1280, height: 800 },
) {
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}/`);
  return { page, requests, errors };
}

/** The window (`from`, `to`) of the page's latest ListTraces request. */
export function windowOf(requests: readonly string[]): { from: string; to: string } {
  const last = [...requests].reverse().find((u) => u.includes("/traces?"));
  const query = new URL(last!).searchParams;
  return { from: query.get("from")!, to: query.get("to")! };
}
