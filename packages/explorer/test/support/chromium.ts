import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/**
 * A Chromium to drive: `$CTSIM_CHROMIUM`, else Debian's or a system Chrome; `undefined` when
 * there is none (the browser tests are then skipped, and say so, unless
 * `CTSIM_REQUIRE_CHROMIUM=1`, which makes a missing Chromium a failure).
 */
export const CHROMIUM = [
  process.env.CTSIM_CHROMIUM,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
].find((path) => path !== undefined && path !== "" && existsSync(path));

if (CHROMIUM === undefined) {
  if (process.env.CTSIM_REQUIRE_CHROMIUM === "1") {
    throw new Error(
      "CTSIM_REQUIRE_CHROMIUM=1 but no Chromium found (apt-get install chromium, or set CTSIM_CHROMIUM)",
    );
  }
  console.warn(
    "explorer browser tests skipped: no Chromium (apt-get install chromium, or set CTSIM_CHROMIUM)",
  );
}

/** Launches the Chromium found, headless (a tool's own browser download is not used). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM!,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
}
