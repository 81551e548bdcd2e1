import type { AccountDirectory } from "../gateway/account-directory.js";
import type { MockState, ProjectStateData } from "./mock-state-data.js";

/**
 * A saved state with each project's trackers and notifications reporting the project's account,
 * as the API reports them now: files saved before accounts carry a fixed `domain_id` on their
 * trackers, and notifications without `domain_id` and `agency_name`. Projects no account has
 * are kept as they are (no request reaches them). Pure: returns a new state.
 *
 * @example core.importState(withOwners(parseMockState(json), directory))
 */
export function withOwners(state: MockState, directory: AccountDirectory): MockState {
  const projects: Record<string, ProjectStateData> = {};
  for (const [projectId, data] of Object.entries(state.projects)) {
    const domainId = directory.ownerOf(projectId);
    projects[projectId] =
      domainId === undefined
        ? data
        : {
            ...data,
            trackers: data.trackers.map((tracker) => ({ ...tracker, domain_id: domainId })),
            notifications: data.notifications.map((notification) => ({
              ...notification,
              agency_name: notification.agency_name ?? "cts_admin_trust",
              domain_id: domainId,
            })),
          };
  }
  return { projects };
}
