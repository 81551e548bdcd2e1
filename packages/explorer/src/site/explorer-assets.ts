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

/**
 * Where the page's files sit on the server: outside every CTS path. `labels` is ctsim's
 * ground truth of the scenarios in the history (`?project_id=…`, with the API's credentials),
 * not a CTS API.
 */
export const EXPLORER_PATHS = {
  page: "/",
  script: "/_ctsim/explorer/app.js",
  style: "/_ctsim/explorer/app.css",
  projects: "/_ctsim/explorer/projects.json",
  labels: "/_ctsim/labels",
} as const satisfies Record<string, string>;

/**
 * One labelled scenario occurrence, as the labels endpoint sends it: the generator's
 * `AnomalyLabel` (ground truth, never inside a trace).
 */
export interface ExplorerLabel {
  /** Scenario id, e.g. `mass-deletion`. */
  readonly scenario: string;
  /** The main ATT&CK technique. */
  readonly technique: string;
  readonly techniques: readonly string[];
  /** A benign look-alike (not an attack). */
  readonly benign: boolean;
  readonly description: string;
  /** The account it happened in. */
  readonly domainId: string;
  readonly userId: string | null;
  /** The traces of the occurrence, in time order. */
  readonly traceIds: readonly string[];
  /** Time of its first and last trace, epoch ms. */
  readonly from: number;
  readonly to: number;
}

/** The labels endpoint's answer. */
export interface ExplorerLabels {
  /** The scenarios the server generated (empty: it knows no labels). */
  readonly scenarios: readonly string[];
  /** The occurrences whose traces are in the project, by first trace time. */
  readonly labels: readonly ExplorerLabel[];
}
