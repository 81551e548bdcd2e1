import {
  EXPLORER_PATHS,
  type ExplorerAssets,
  type ExplorerLabels,
  type ExplorerProject,
} from "./explorer-assets.js";
import { explorerHtml } from "./explorer-html.js";

/** A request the site may answer (the shape of `@ctsim/mock/node`'s `SiteRequest`). */
export interface ExplorerRequest {
  readonly method: string;
  readonly path: string;
  /** Query string, without the `?`. */
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The gateway's verdict on this request for a project's data (see `SiteRequest.authorize`). */
  authorize(projectId: string): ExplorerVerdict;
}

/** The gateway's verdict (the shape of `@ctsim/mock/node`'s `SiteVerdict`). */
export type ExplorerVerdict =
  | { readonly ok: true; readonly domainId: string }
  | { readonly ok: false; readonly response: ExplorerResponse };

/** The site's answer (the shape of `@ctsim/mock/node`'s `SiteResponse`). */
export interface ExplorerResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array;
}

/** Options of {@link explorerSite}. */
export interface ExplorerSiteOptions {
  /** The built page (from `loadExplorerAssets` of `@ctsim/explorer/node`). */
  readonly assets: ExplorerAssets;
  /** The projects the picker offers, read at each request (the service may start later). */
  readonly projects: () => readonly ExplorerProject[];
  /** The server's auth mode: the page asks for credentials of that kind. Default: `none`. */
  readonly auth?: "none" | "aksk" | "token";
  /**
   * Whether the server's history grows while the page is open (`serve --live`): the page's time
   * window then ends at the clock at each search by default. Default: `false`.
   */
  readonly live?: boolean;
  /**
   * The scenario labels of a project whose data the gateway let the caller read (`domainId`:
   * the project's account), read at each request. Default: none (the endpoint answers no
   * scenarios).
   */
  readonly labels?: (projectId: string, domainId: string) => ExplorerLabels;
}

/**
 * Nothing the page loads may come from elsewhere: scripts, styles and API calls go to this
 * origin only (no CDN, no fonts), and the browser enforces it.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * A site handler for `startMockService({ site })`: the explorer page at `/` for a browser, its
 * script, style and project list under `/_ctsim/explorer/`, and the scenario labels of a
 * project at `/_ctsim/labels?project_id=…` to a caller with the credentials the API wants for
 * that project (the gateway's refusal otherwise); `undefined` for everything else.
 *
 * `GET /` is also CTS's ListVersions: the page is served only to a request whose `Accept`
 * names `text/html` (what a browser sends when it navigates), so API clients still get the
 * versions document there.
 *
 * @example
 * const site = explorerSite({ assets: await loadExplorerAssets(), projects: () => [] });
 * await startMockService({ site });
 */
export function explorerSite(
  options: ExplorerSiteOptions,
): (request: ExplorerRequest) => ExplorerResponse | undefined {
  const { assets } = options;
  const html = explorerHtml();
  return (request) => {
    if (request.method !== "GET" && request.method !== "HEAD") return undefined;
    switch (request.path) {
      case EXPLORER_PATHS.page:
        if (!(request.headers.accept ?? "").includes("text/html")) return undefined;
        return ok("text/html; charset=utf-8", html, {
          "content-security-policy": CONTENT_SECURITY_POLICY,
        });
      case EXPLORER_PATHS.script:
        return ok("text/javascript; charset=utf-8", assets.js);
      case EXPLORER_PATHS.style:
        return ok("text/css; charset=utf-8", assets.css);
      case EXPLORER_PATHS.projects:
        return ok(
          "application/json",
          JSON.stringify({
            projects: options.projects(),
            auth: options.auth ?? "none",
            live: options.live ?? false,
          }),
        );
      case EXPLORER_PATHS.labels:
        return labelsAnswer(request, options);
      default:
        return undefined;
    }
  };
}

const NO_LABELS: ExplorerLabels = { scenarios: [], labels: [] };

/**
 * The labels of `?project_id=`, after the gateway's verdict: as the API, a caller reads only
 * the projects its credential may use, so one account never sees another's labels.
 */
function labelsAnswer(request: ExplorerRequest, options: ExplorerSiteOptions): ExplorerResponse {
  const projectId = new URLSearchParams(request.query).get("project_id") ?? "";
  if (projectId === "") {
    const error = {
      error_code: "CTSIM.0400",
      error_msg: "project_id is required: /_ctsim/labels?project_id=<a project's id>",
    };
    return { ...ok("application/json", JSON.stringify(error)), status: 400 };
  }
  const verdict = request.authorize(projectId);
  if (!verdict.ok) return verdict.response;
  const labels = options.labels?.(projectId, verdict.domainId) ?? NO_LABELS;
  return ok("application/json", JSON.stringify({ project_id: projectId, ...labels }));
}

function ok(
  type: string,
  body: string | Uint8Array,
  extra: Readonly<Record<string, string>> = {},
): ExplorerResponse {
  return {
    status: 200,
    headers: {
      "content-type": type,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      ...extra,
    },
    body,
  };
}
