/** `pnpm build`: writes the bundled page to dist/ui, where `loadExplorerAssets` reads it. */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { bundleExplorerUi } from "./bundle-ui.js";

const dir = fileURLToPath(new URL("../../dist/ui/", import.meta.url));
const assets = await bundleExplorerUi();
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}app.js`, assets.js);
writeFileSync(`${dir}app.css`, assets.css);
const gzip = gzipSync(assets.js).length + gzipSync(assets.css).length;
process.stdout.write(`explorer: dist/ui written, ${gzip} bytes gzip\n`);
