/** The built page: what {@link explorerSite} serves. */
export interface ExplorerAssets {
  /** The page's script (one ES module, minified). */
  readonly js: Uint8Array;
  /** The page's style sheet. */
  readonly css: Uint8Array;
}

/** One project the page offers in its picker. */
export interface ExplorerProject {
  /** The project id: the `{project_id}` of the API paths. */
  readonly projectId: string;
  /** Its region, e.g. `cn-north-4`. */
  readonly region: string;
  /** The account (tenant) name it belongs to. */
  readonly tenant: string;
}

/** Where the page's files sit on the server: outside every CTS path. */
export const EXPLORER_PATHS = {
  page: "/",
  script: "/_ctsim/explorer/app.js",
  style: "/_ctsim/explorer/app.css",
  projects: "/_ctsim/explorer/projects.json",
} as const satisfies Record<string, string>;
