/**
 * `@ctsim/explorer/node` under the `@ctsim/source` condition (tests, `pnpm ctsim`): the page is
 * bundled from its sources at first use, so nothing waits for a build or serves a stale one.
 */
import { bundleExplorerUi } from "../build/bundle-ui.js";
import type { ExplorerAssets } from "../site/explorer-assets.js";

let bundled: Promise<ExplorerAssets> | undefined;

/** Bundles the page from source once per process (see `./index.ts` for the built variant). */
export function loadExplorerAssets(): Promise<ExplorerAssets> {
  bundled ??= bundleExplorerUi();
  return bundled;
}
