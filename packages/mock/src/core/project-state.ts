import type { CtsConfiguration, Notification, ResourceTag, Tracker } from "@ctsim/catalog";
import type { MockState, ProjectStateData } from "./mock-state-data.js";

/** What CTS reports for a project whose configuration was never set (reference §1.7). */
export function defaultConfiguration(): CtsConfiguration {
  return {
    is_sync_global_trace: false,
    is_support_read_only: false,
    support_read_only_services: [],
  };
}

/** Trackers, key event notifications, tracker tags and the trace configuration of one project. */
export class ProjectState {
  /** Trackers in creation order; at most one `system` tracker. */
  trackers: Tracker[] = [];
  /** Notifications in creation order. */
  notifications: Notification[] = [];
  /** Each tagged tracker's tags (by tracker id), in the order their keys were first set. */
  tags = new Map<string, ResourceTag[]>();
  /** Traces configuration (`/v3/{project_id}/configuration`). */
  configuration: CtsConfiguration = defaultConfiguration();

  systemTracker(): Tracker | undefined {
    return this.trackers.find((tracker) => tracker.tracker_type === "system");
  }

  dataTrackers(): Tracker[] {
    return this.trackers.filter((tracker) => tracker.tracker_type === "data");
  }

  /** Removes trackers, and their tags with them. */
  removeTrackers(doomed: readonly Tracker[]): void {
    this.trackers = this.trackers.filter((tracker) => !doomed.includes(tracker));
    for (const tracker of doomed) this.tags.delete(tracker.id);
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

  /** A project's state if it was touched, without creating it. */
  peek(projectId: string): ProjectState | undefined {
    return this.projects.get(projectId);
  }

  /** Every project touched so far. */
  all(): IterableIterator<ProjectState> {
    return this.projects.values();
  }

  /** Every project's trackers, notifications, tags and configuration (copies). */
  exportState(): MockState {
    const projects: Record<string, ProjectStateData> = {};
    for (const [projectId, state] of this.projects) {
      projects[projectId] = {
        trackers: [...state.trackers],
        notifications: [...state.notifications],
        tags: Object.fromEntries([...state.tags].map(([id, tags]) => [id, [...tags]])),
        configuration: structuredClone(state.configuration),
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
      for (const [id, tags] of Object.entries(data.tags ?? {})) project.tags.set(id, [...tags]);
      project.configuration = structuredClone(data.configuration ?? defaultConfiguration());
      this.projects.set(projectId, project);
    }
  }
}
