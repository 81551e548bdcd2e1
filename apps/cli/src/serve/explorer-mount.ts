import { type ExplorerProject, explorerSite } from "@ctsim/explorer";
import { loadExplorerAssets } from "@ctsim/explorer/node";
import type { ScenarioName } from "@ctsim/generator";
import type { AuthMode, MockService, SiteHandler } from "@ctsim/mock/node";

/** The explorer page for `ctsim serve`, or why it cannot be served. */
export interface ExplorerMount {
  /** The site handler to start the service with; `undefined` when the page could not be loaded. */
  readonly site: SiteHandler | undefined;
  /** Why the page is not served (e.g. the package was not built), for a warning; else `undefined`. */
  readonly problem: string | undefined;
  /** Call once the service runs: the page's project picker then lists the tenants' projects. */
  attach(service: MockService): void;
}

/**
 * Loads the explorer page (`@ctsim/explorer`) for `ctsim serve`. A page that cannot be loaded
 * (a built CLI whose explorer package was not built) is not fatal: the API is served without
 * it, and `problem` says why. With `scenarios` (`--scenario`), the site serves their labels:
 * to a reader of a project, the occurrences of its account listed there
 * (`MockService.labelsOf`). With `live` (`--live`), the page's window follows the clock.
 */
export async function explorerMount(
  auth: AuthMode,
  scenarios: readonly ScenarioName[] = [],
  live = false,
): Promise<ExplorerMount> {
  let projects: readonly ExplorerProject[] = [];
  let running: MockService | undefined;
  const labels = (projectId: string) => ({
    scenarios,
    labels: running?.labelsOf(projectId) ?? [],
  });
  const attach = (service: MockService): void => {
    running = service;
    projects = service.identities.flatMap((tenant) =>
      tenant.projects.map((p) => ({
        projectId: p.projectId,
        region: p.region,
        tenant: tenant.domainName,
      })),
    );
  };
  try {
    const assets = await loadExplorerAssets();
    return {
      site: explorerSite({ assets, projects: () => projects, auth, labels, live }),
      problem: undefined,
      attach,
    };
  } catch (error) {
    const problem = `the explorer page is not served (${(error as Error).message}); build it with 'pnpm build'`;
    return { site: undefined, problem, attach };
  }
}
