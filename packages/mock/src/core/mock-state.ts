import { type Notification, type Tracker, validatorFor } from "@ctsim/catalog";
import { MockError, MockErrorCode } from "../mock-error.js";

/** One project's trackers and key event notifications, in creation order. */
export interface ProjectStateData {
  readonly trackers: readonly Tracker[];
  readonly notifications: readonly Notification[];
}

/**
 * What the mock's API writes, as plain JSON-safe data: the trackers and notifications of every
 * project touched so far (traces are the store's). See `CtsCore.exportState`.
 */
export interface MockState {
  readonly projects: Readonly<Record<string, ProjectStateData>>;
}

/**
 * Checks that `value` (e.g. parsed JSON) is a {@link MockState}: every tracker and notification
 * valid against CTS's schema, at most one system tracker per project.
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` naming the first bad path.
 * @example
 * core.importState(parseMockState(JSON.parse(text)));
 */
export function parseMockState(value: unknown): MockState {
  const projects = isObject(value) ? value.projects : undefined;
  if (!isObject(projects)) bad("projects", "must be an object of project ids");
  for (const [projectId, project] of Object.entries(projects)) {
    const at = `projects.${projectId}`;
    if (!isObject(project)) bad(at, "must be an object");
    checkAll(project.trackers, `${at}.trackers`, "Tracker");
    checkAll(project.notifications, `${at}.notifications`, "Notification");
    const trackers = project.trackers as Tracker[];
    if (trackers.filter((tracker) => tracker.tracker_type === "system").length > 1) {
      bad(`${at}.trackers`, "holds more than one system tracker");
    }
  }
  return value as unknown as MockState;
}

function checkAll(items: unknown, at: string, schema: "Tracker" | "Notification"): void {
  if (!Array.isArray(items)) bad(at, "must be an array");
  const validator = validatorFor(schema);
  items.forEach((item, index) => {
    const [issue] = validator.issues(item, 1);
    if (issue !== undefined) bad(`${at}[${index}]${issue.path}`, issue.message);
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function bad(path: string, problem: string): never {
  throw new MockError(MockErrorCode.invalidOption, `mock state: ${path} ${problem}`);
}
