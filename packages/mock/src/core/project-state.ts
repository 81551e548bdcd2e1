import type { Notification, Tracker } from "@ctsim/catalog";
import type { MockState, ProjectStateData } from "./mock-state.js";

/** Trackers and key event notifications of one project. */
export class ProjectState {
  /** Trackers in creation order; at most one `system` tracker. */
  trackers: Tracker[] = [];
  /** Notifications in creation order. */
  notifications: Notification[] = [];

  systemTracker(): Tracker | undefined {
    return this.trackers.find((tracker) => tracker.tracker_type === "system");
  }

  dataTrackers(): Tracker[] {
    return this.trackers.filter((tracker) => tracker.tracker_type === "data");
  }
}

/**
 * Per-project state, created on first use. Every change happens inside one synchronous request
 * handler, so concurrent requests can never interleave half-done writes.
 */
export class ProjectRegistry {
  private readonly projects = new Map<string, ProjectState>();

  constructor(private readonly create: (projectId: string) => ProjectState) {}

  get(projectId: string): ProjectState {
    let state = this.projects.get(projectId);
    if (state === undefined) {
      state = this.create(projectId);
      this.projects.set(projectId, state);
    }
    return state;
  }

  /** Every project touched so far. */
  all(): IterableIterator<ProjectState> {
    return this.projects.values();
  }

  /** Every project's trackers and notifications (copies of the lists). */
  exportState(): MockState {
    const projects: Record<string, ProjectStateData> = {};
    for (const [projectId, state] of this.projects) {
      projects[projectId] = {
        trackers: [...state.trackers],
        notifications: [...state.notifications],
      };
    }
    return { projects };
  }

  /**
   * Replaces every project's state with `state` (checked by the caller). A project it holds is
   * not created again, so it gets no new default system tracker.
   */
  importState(state: MockState): void {
    this.projects.clear();
    for (const [projectId, data] of Object.entries(state.projects)) {
      const project = new ProjectState();
      project.trackers = [...data.trackers];
      project.notifications = [...data.notifications];
      this.projects.set(projectId, project);
    }
  }
}
