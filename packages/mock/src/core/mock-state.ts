import { type CtsSchemaName, type ResourceTag, type Tracker, validatorFor } from "@ctsim/catalog";
import { MockError, MockErrorCode } from "../mock-error.js";
import type { MockState } from "./mock-state-data.js";
import { stateProblem } from "./state-rules.js";
import { tagListProblem } from "./tag-rules.js";

/**
 * Checks that `value` (e.g. parsed JSON) is a {@link MockState} the API could have produced:
 * every tracker, notification, tag and configuration valid against CTS's schemas, tags only on
 * the project's trackers, and nothing the API refuses (see `stateProblem`: e.g. two
 * notifications of one name, which CreateNotification refuses with CTS.0400).
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
    if (project.tags !== undefined) checkTags(project.tags, `${at}.tags`, trackers);
    if (project.configuration !== undefined) {
      checkOne(project.configuration, `${at}.configuration`, "CtsConfiguration");
    }
  }
  const state = value as unknown as MockState;
  const broken = stateProblem(state);
  if (broken !== undefined) bad(broken.path, broken.problem);
  return state;
}

function checkAll(items: unknown, at: string, schema: CtsSchemaName): void {
  if (!Array.isArray(items)) bad(at, "must be an array");
  items.forEach((item, index) => {
    checkOne(item, `${at}[${index}]`, schema);
  });
}

function checkOne(item: unknown, at: string, schema: CtsSchemaName): void {
  const [issue] = validatorFor(schema).issues(item, 1);
  if (issue !== undefined) bad(`${at}${issue.path}`, issue.message);
}

function checkTags(tags: unknown, at: string, trackers: readonly Tracker[]): void {
  if (!isObject(tags)) bad(at, "must be an object of tracker ids");
  for (const [trackerId, list] of Object.entries(tags)) {
    if (!trackers.some((tracker) => tracker.id === trackerId)) {
      bad(`${at}.${trackerId}`, "names no tracker of the project");
    }
    checkAll(list, `${at}.${trackerId}`, "ResourceTag");
    const problem = tagListProblem(list as ResourceTag[]);
    if (problem !== undefined) bad(`${at}.${trackerId}`, problem);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function bad(path: string, problem: string): never {
  throw new MockError(MockErrorCode.invalidOption, `mock state: ${path} ${problem}`);
}
