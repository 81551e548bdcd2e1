import type { CtsConfiguration, Notification, ResourceTag, Tracker } from "@ctsim/catalog";

/** One project's trackers and notifications (in creation order), tags and configuration. */
export interface ProjectStateData {
  readonly trackers: readonly Tracker[];
  readonly notifications: readonly Notification[];
  /** Each tagged tracker's tags, by tracker id. Absent in states saved before tags: none. */
  readonly tags?: Readonly<Record<string, readonly ResourceTag[]>>;
  /** Absent in states saved before it: every switch off. */
  readonly configuration?: CtsConfiguration;
}

/**
 * What the mock's API writes, as plain JSON-safe data: the trackers, notifications, tracker
 * tags and configuration of every project touched so far (traces are the store's). See
 * `CtsCore.exportState`.
 */
export interface MockState {
  readonly projects: Readonly<Record<string, ProjectStateData>>;
}
