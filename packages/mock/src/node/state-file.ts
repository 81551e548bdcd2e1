import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseMockState } from "../core/mock-state.js";
import type { MockState } from "../core/mock-state-data.js";
import { MockError, MockErrorCode } from "../mock-error.js";
import { probeWritable } from "./write-durably.js";

/** Marks a file as ctsim's; a file without it (or of another version) is refused, not overwritten. */
const FORMAT = "ctsim-mock-state";
const VERSION = 1;

/** The journal beside a state file: the changes saved since the file was last rewritten. */
export function journalPath(path: string): string {
  return `${path}.journal`;
}

/**
 * Reads a state file and its journal (see `StateFileWriter`): the file's projects, each
 * replaced by its last line in the journal. `undefined` when neither exists yet. A last
 * journal line without its newline is a write a crash cut short (never acknowledged) and is
 * left out.
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` when they cannot be read, the file is not JSON
 *   or not a ctsim state file of this version, a journal line is not a project's state, or the
 *   state is one the API would not have let in (see `parseMockState`), naming the file and what
 *   is wrong.
 */
export function readStateFile(path: string): MockState | undefined {
  const file = readSnapshot(path);
  const journal = readJournal(journalPath(path));
  if (file === undefined && journal === undefined) return undefined;
  const projects = { ...file?.projects };
  for (const [projectId, state] of journal ?? []) projects[projectId] = state;
  try {
    return parseMockState({ projects });
  } catch (error) {
    const where = journal === undefined ? path : `${path} (with ${journalPath(path)})`;
    throw refused(where, (error as Error).message);
  }
}

function readSnapshot(path: string): { projects: Record<string, unknown> } | undefined {
  const text = readText(path);
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw refused(path, `not JSON (${(error as Error).message})`);
  }
  const file = value as { format?: unknown; version?: unknown; projects?: unknown } | null;
  if (file?.format !== FORMAT || file.version !== VERSION) {
    throw refused(path, `not a ${FORMAT} file of version ${VERSION}`);
  }
  const projects = file.projects;
  if (typeof projects !== "object" || projects === null || Array.isArray(projects)) {
    throw refused(path, "projects must be an object of project ids");
  }
  return { projects: projects as Record<string, unknown> };
}

function readJournal(path: string): [string, unknown][] | undefined {
  const text = readText(path);
  if (text === undefined) return undefined;
  const lines = text.split("\n");
  lines.pop(); // "" after the last newline, or a line a crash cut short
  return lines.map((line, index) => {
    let entry: { project?: unknown; state?: unknown } | null;
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch (error) {
      throw refused(path, `line ${index + 1} is not JSON (${(error as Error).message})`);
    }
    if (typeof entry?.project !== "string" || typeof entry.state !== "object") {
      throw refused(path, `line ${index + 1} is not {"project": id, "state": {...}}`);
    }
    return [entry.project, entry.state];
  });
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw refused(path, (error as Error).message);
  }
}

/** One journal line: a project's whole state after a change. */
export function journalLine(projectId: string, state: unknown): string {
  return `${JSON.stringify({ project: projectId, state })}\n`;
}

/** The text of a state file holding `state`. */
export function stateFileText(state: MockState): string {
  return `${JSON.stringify({ format: FORMAT, version: VERSION, ...state }, null, 2)}\n`;
}

/**
 * Checks that the state file can be written where it is: a file is created next to it
 * (`<path>.tmp`, as every write does), written, synced and removed.
 *
 * @throws {MockError} `CTSIM_MOCK_STATE_FILE` naming the file, its directory and the cause
 *   (`ENOENT`, `EACCES`, `EROFS`, `ENOSPC`, ...).
 */
export async function checkStateFileWritable(path: string): Promise<void> {
  try {
    await probeWritable(path, stateFileText({ projects: {} }));
  } catch (error) {
    throw new MockError(
      MockErrorCode.stateFile,
      `state file ${path}: cannot write in ${dirname(path)} (${(error as Error).message})`,
      { cause: error },
    );
  }
}

function refused(path: string, reason: string): MockError {
  return new MockError(MockErrorCode.invalidOption, `state file ${path}: ${reason}`);
}
