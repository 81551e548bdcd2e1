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

/** The labels a service serves: the load's, then the occurrences live mode adds. */
export interface ServedLabels {
  /** Every label, the load's first; grows in live mode. */
  readonly list: readonly AnomalyLabel[];
  /** Adds an occurrence unless it is there already (the live run tells the history's again). */
  add(label: AnomalyLabel): void;
}

/**
 * Starts the served labels from the load's.
 *
 * @example
 * const labels = servedLabels(load.labels);
 * new LiveSource({ ..., onLabel: (label) => labels.add(label) });
 */
export function servedLabels(initial: readonly AnomalyLabel[]): ServedLabels {
  const list = [...initial];
  const keyOf = (label: AnomalyLabel): string => `${label.scenario}\u0000${label.traceIds[0]}`;
  const known = new Set(list.map(keyOf));
  return {
    list,
    add(label) {
      const key = keyOf(label);
      if (known.has(key)) return;
      known.add(key);
      list.push(label);
    },
  };
}
