import { type ApiTrace, OBS_ONLY_FIELDS, toApiTrace, validatorFor } from "@ctsim/catalog";
import { MockError, MockErrorCode } from "../mock-error.js";
import type { TracePlacement } from "./trace-fields.js";
import type { TraceStore } from "./trace-store.js";

/**
 * Parses one NDJSON line holding a trace in either wire shape and appends it. OBS-file records
 * (numeric `code`, `user` as JSON text, `project_id`/`tracker_name`) are converted to the
 * ListTraces shape by the catalog's `toApiTrace` and filed under their own project and tracker; API-shape records go under
 * `placement`. Blank lines are skipped.
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_TRACE` naming the line and the first problem.
 * @example
 * for (const [i, line] of text.split("\n").entries()) appendTraceLine(store, line, { projectId }, i + 1);
 */
export function appendTraceLine(
  store: TraceStore,
  line: string,
  placement: TracePlacement,
  lineNumber = 1,
): void {
  if (line.trim() === "") return;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw invalid(lineNumber, `not JSON (${(error as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalid(lineNumber, "not a JSON object");
  }
  const record = value as Record<string, unknown>;
  const own = OBS_ONLY_FIELDS.some((field) => field in record)
    ? {
        projectId: typeof record.project_id === "string" ? record.project_id : placement.projectId,
        trackerName: typeof record.tracker_name === "string" ? record.tracker_name : "system",
      }
    : placement;
  const trace = toApiTrace(record);
  const issue = validatorFor("ApiTrace").issues(trace, 1)[0];
  if (issue !== undefined) throw invalid(lineNumber, issue.message);
  try {
    store.appendApiTrace(trace as ApiTrace, own);
  } catch (error) {
    throw invalid(lineNumber, (error as Error).message);
  }
}

/**
 * Appends every trace of an NDJSON text (see {@link appendTraceLine}), then compacts the store.
 * Returns how many traces were added.
 */
export function appendNdjson(store: TraceStore, text: string, placement: TracePlacement): number {
  const before = store.size;
  for (const [i, line] of text.split("\n").entries())
    appendTraceLine(store, line, placement, i + 1);
  store.compact();
  return store.size - before;
}

function invalid(lineNumber: number, why: string): MockError {
  return new MockError(
    MockErrorCode.invalidTrace,
    `line ${lineNumber}: ${why}; expected one trace object per line`,
  );
}
