/**
 * `pnpm bench` (packages/explorer): first paint of the trace list against a 1M-trace store, in
 * Chromium. Prints the time from navigation start to the first list shown (the page's
 * `ctsim:first-list` mark) and to the complete first ListTraces answer; asserts nothing.
 * The store is built once and then loaded from the snapshot cache (~1.4 GB of disk and memory).
 *
 * CTSIM_BENCH_TRACES overrides the store's size (default 1,000,000).
 */
import { CHROMIUM, launchChromium } from "../test/support/chromium.js";
import { startExplorerService } from "../test/support/explorer-service.js";
import { firstListMs, waitForList } from "../test/support/page-driver.js";

const traces = Number(process.env.CTSIM_BENCH_TRACES ?? 1_000_000);
if (CHROMIUM === undefined) {
  process.stderr.write(
    "explorer bench: no Chromium (apt-get install chromium, or set CTSIM_CHROMIUM)\n",
  );
  process.exit(1);
}
const started = performance.now();
const service = await startExplorerService({
  auth: "none",
  tenants: 1,
  days: 7,
  seed: 1,
  expectedCount: traces,
  cache: true,
});
const ready = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `store: ${service.traceCount.toLocaleString("en")} traces (${service.load.source}, ${ready} s)\n`,
);
const browser = await launchChromium();
try {
  for (let run = 1; run <= 3; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${service.server.url}/`);
    await waitForList(page, undefined);
    process.stdout.write(
      `run ${run}: first list painted ${(await firstListMs(page)).toFixed(0)} ms after navigation start\n`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await service.close();
}
