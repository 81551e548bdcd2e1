/** `@ctsim/explorer/node`: the built page's files (Node only). */
import { readFile } from "node:fs/promises";
import type { ExplorerAssets } from "../site/explorer-assets.js";

/**
 * Reads the page built by `pnpm build` (dist/ui). Inside the repository, the `@ctsim/source`
 * condition resolves this entry to one that bundles the sources instead.
 *
 * @throws when dist/ui is missing (the package was not built).
 * @example
 * const site = explorerSite({ assets: await loadExplorerAssets(), projects: () => [] });
 */
export async function loadExplorerAssets(): Promise<ExplorerAssets> {
  const dir = new URL("../ui/", import.meta.url);
  const [js, css] = await Promise.all([
    readFile(new URL("app.js", dir)),
    readFile(new URL("app.css", dir)),
  ]);
  return { js, css };
}
