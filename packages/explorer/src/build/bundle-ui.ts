import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { ExplorerAssets } from "../site/explorer-assets.js";

/** The page's entry point. */
const ENTRY = fileURLToPath(new URL("../ui/main.tsx", import.meta.url));

/**
 * Bundles the page with esbuild into one minified ES module and one style sheet, in memory.
 * Workspace packages are read from source (`@ctsim/source`), so the bundle never depends on
 * their builds.
 *
 * @throws when the sources do not compile (esbuild's error, naming the file and line).
 */
export async function bundleExplorerUi(): Promise<ExplorerAssets> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    outdir: "out",
    entryNames: "app",
    format: "esm",
    platform: "browser",
    target: "chrome111",
    minify: true,
    legalComments: "none",
    jsx: "automatic",
    jsxImportSource: "preact",
    conditions: ["@ctsim/source"],
    logLevel: "silent",
  });
  const file = (extension: string): Uint8Array => {
    const output = result.outputFiles.find((f) => f.path.endsWith(extension));
    if (output === undefined) throw new Error(`esbuild produced no ${extension} file`);
    return output.contents;
  };
  return { js: file(".js"), css: file(".css") };
}
