import { type ExplorerProject, explorerSite } from "@ctsim/explorer";
import { loadExplorerAssets } from "@ctsim/explorer/node";
import type { AuthMode, MockService, SiteHandler } from "@ctsim/mock/node";

/**
 * The explorer page for `ctsim serve`: a site handler to start the service with, and `attach`
 * to call once it runs, so the page's project picker lists the tenants' projects.
 */
export async function explorerMount(
  auth: AuthMode,
): Promise<{ readonly site: SiteHandler; attach(service: MockService): void }> {
  let projects: readonly ExplorerProject[] = [];
  const site = explorerSite({ assets: await loadExplorerAssets(), projects: () => projects, auth });
  return {
    site,
    attach(service) {
      projects = service.identities.flatMap((tenant) =>
        tenant.projects.map((p) => ({
          projectId: p.projectId,
          region: p.region,
          tenant: tenant.domainName,
        })),
      );
    },
  };
}
