import { gzipSync } from "node:zlib";
import { loadExplorerAssets } from "@ctsim/explorer/node";
import { expect, it } from "vitest";

/**
 * The page's whole download (script and style), gzip: 16.3 KB when this was written (Preact
 * ~4.5 KB, the signer's SHA-256/HMAC ~3 KB, the page ~8 KB). The budget leaves room to grow
 * a little; a dependency that doubles it must be a decision, not an accident.
 */
const BUDGET_GZIP_BYTES = 24 * 1024;

it(`the bundle stays within ${BUDGET_GZIP_BYTES} bytes gzip`, async () => {
  const { js, css } = await loadExplorerAssets();
  const gzip = gzipSync(js, { level: 9 }).length + gzipSync(css, { level: 9 }).length;
  console.log(`explorer bundle: ${js.length + css.length} bytes, ${gzip} bytes gzip`);
  expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  // One module, no imports left to fetch: everything the page runs is in it.
  expect(new TextDecoder().decode(js)).not.toMatch(/\bimport\s*\(|from\s*["']http/);
});
