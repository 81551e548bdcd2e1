import { explorerSite } from "@ctsim/explorer";
import { loadExplorerAssets } from "@ctsim/explorer/node";
import type { ScenarioName } from "@ctsim/generator";
import {
  type AuthMode,
  defaultCacheDir,
  type MockService,
  startMockService,
} from "@ctsim/mock/node";
import { signRequest } from "@ctsim/signer";

/** A mock service with the explorer mounted, as `ctsim serve` mounts it. */
export async function startExplorerService(options: {
  readonly auth: AuthMode;
  readonly tenants: number;
  readonly days: number;
  readonly seed: number;
  readonly expectedCount?: number;
  /** Use the default snapshot cache (as `ctsim serve` does). Default: no cache. */
  readonly cache?: boolean;
  /** Labelled scenarios in the history (`serve --scenario`). Default: none. */
  readonly scenarios?: readonly ScenarioName[];
  /**
   * The labels endpoint answers only the occurrences that start before this instant (read at
   * each request), as a live server has produced only those so far. Default: all of them.
   */
  readonly labelsBefore?: () => number;
  /** The page is told the history grows (`serve --live`). Default: `false`. */
  readonly live?: boolean;
}): Promise<MockService> {
  let service: MockService | undefined;
  const scenarios = options.scenarios ?? [];
  const site = explorerSite({
    assets: await loadExplorerAssets(),
    auth: options.auth,
    live: options.live ?? false,
    labels: (projectId) => {
      const before = options.labelsBefore?.() ?? Number.POSITIVE_INFINITY;
      const labels = (service?.labelsOf(projectId) ?? []).filter((label) => label.from < before);
      return { scenarios, labels };
    },
    projects: () =>
      (service?.identities ?? []).flatMap((t) =>
        t.projects.map((p) => ({ projectId: p.projectId, region: p.region, tenant: t.domainName })),
      ),
  });
  service = await startMockService({
    port: 0,
    seed: options.seed,
    days: options.days,
    tenants: options.tenants,
    auth: options.auth,
    ...(options.cache === true ? { cacheDir: defaultCacheDir(process.env) } : { cacheDir: false }),
    site,
    ...(options.expectedCount === undefined ? {} : { expectedCount: options.expectedCount }),
    ...(scenarios.length === 0 ? {} : { scenarios }),
  });
  return service;
}

/** Credentials for direct API calls (none, an AK/SK or a token the server accepts). */
export type ApiCredentials =
  | { readonly ak: string; readonly sk: string }
  | { readonly token: string }
  | undefined;

/** A ListTraces page as the API answers it: the parsed body and its raw text. */
export interface ApiPage {
  readonly text: string;
  readonly traces: { trace_id: string; time: number; trace_rating: string; [k: string]: unknown }[];
  readonly marker: string | null;
}

/** One direct ListTraces call (signed when credentials are given), outside the browser. */
export async function apiPage(
  base: string,
  projectId: string,
  query: Readonly<Record<string, string | number>>,
  credentials: ApiCredentials,
): Promise<ApiPage> {
  const rawPath = `/v3/${projectId}/traces`;
  const rawQuery = Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join("&");
  const headers =
    credentials === undefined
      ? {}
      : "token" in credentials
        ? { "x-auth-token": credentials.token }
        : signRequest(
            { method: "GET", rawPath, rawQuery, host: new URL(base).host },
            { ...credentials, date: Date.now() },
          );
  const response = await fetch(`${base}${rawPath}?${rawQuery}`, { headers });
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status} ${text}`);
  const body = JSON.parse(text) as {
    traces: ApiPage["traces"];
    meta_data: { marker: string | null };
  };
  return { text, traces: body.traces, marker: body.meta_data.marker };
}

/** Every trace of a query, walking `next` to the end. */
export async function apiWalk(
  base: string,
  projectId: string,
  query: Readonly<Record<string, string | number>>,
  credentials: ApiCredentials,
): Promise<ApiPage["traces"]> {
  const all: ApiPage["traces"] = [];
  let next: string | undefined;
  for (;;) {
    const page = await apiPage(
      base,
      projectId,
      { ...query, limit: 200, ...(next === undefined ? {} : { next }) },
      credentials,
    );
    all.push(...page.traces);
    if (page.marker === null || page.traces.length < 200) return all;
    next = page.marker;
  }
}
