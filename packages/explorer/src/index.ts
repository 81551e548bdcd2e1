/** `@ctsim/explorer`: the trace explorer page and the site handler that serves it. */

// ── Serving the page ────────────────────────────────────────────────────────
export { explorerSite } from "./site/explorer-site.js";
export type {
  ExplorerRequest,
  ExplorerResponse,
  ExplorerSiteOptions,
  ExplorerVerdict,
} from "./site/explorer-site.js";
export { EXPLORER_PATHS } from "./site/explorer-assets.js";
export type {
  ExplorerAssets,
  ExplorerLabel,
  ExplorerLabels,
  ExplorerProject,
} from "./site/explorer-assets.js";
