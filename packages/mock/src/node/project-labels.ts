import type { AnomalyLabel, TenantIdentity } from "@ctsim/generator";
import type { TraceStore } from "../store/trace-store.js";

/**
 * The labels a project's reader may see: the occurrences of the project's own account with a
 * trace the project lists now (filed under it, within retention, visible). Another account's
 * occurrences never show, even where `projectId` put every trace under one project.
 *
 * @example
 * projectLabels(service.labels, identities, store, projectId)
 */
export function projectLabels(
  labels: readonly AnomalyLabel[],
  identities: readonly TenantIdentity[],
  store: TraceStore,
  projectId: string,
): AnomalyLabel[] {
  const owner = identities.find((tenant) =>
    tenant.projects.some((project) => project.projectId === projectId),
  );
  if (owner === undefined) return [];
  return labels.filter(
    (label) =>
      label.domainId === owner.domainId &&
      label.traceIds.some((id) => store.findRecord(projectId, id) !== undefined),
  );
}
