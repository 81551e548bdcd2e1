import { type ApiTrace, operationsOf } from "@ctsim/catalog";
import { encodeApiTraceJson, generateTraces } from "@ctsim/generator";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";

/**
 * The notebook and V2 training workflows of revision 2026-09-20 (issue 18): images, apps,
 * algorithms, experiments, job tags, image-saving and diagnosis tasks follow the resources they
 * name, and ids carry through from the create to every later call and to the platform's result.
 */
const REVISION = "2026-09-20" as const;

function tracesOf(seed: number): ApiTrace[] {
  return Array.from(generateTraces({ seed, revision: REVISION, count: 40_000 }), (event) =>
    JSON.parse(encodeApiTraceJson(event)),
  );
}

function body(text: string | null | undefined): Record<string, unknown> {
  return typeof text === "string" ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const ok = (t: ApiTrace): boolean => t.trace_rating === "normal" && Number(t.code) < 300;
const request = (t: ApiTrace): boolean => t.trace_type !== "SystemAction";

/** Violations of "every call in `uses` names a resource whose `create` succeeded before". */
function orphanCalls(traces: readonly ApiTrace[], create: string, uses: readonly string[]) {
  const created = new Set<string>();
  const out: string[] = [];
  let used = 0;
  for (const t of traces) {
    if (t.trace_name === create && request(t) && ok(t)) created.add(t.resource_id ?? "");
    else if (uses.includes(t.trace_name)) {
      used++;
      if (!created.has(t.resource_id ?? ""))
        out.push(`${t.trace_name} on ${t.resource_id ?? ""} before its ${create}`);
    }
  }
  // Not vacuous: 40k traces of this revision hold such calls.
  if (used === 0) out.push(`no ${uses.join("/")} at all`);
  return out;
}

describe("notebook and V2 training workflows (properties over seeds)", () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 3 })(
    "images, apps, algorithms and experiments are used only after their create",
    (seed) => {
      const traces = tracesOf(seed);
      expect(
        orphanCalls(traces, "createNotebookImage", [
          "getNotebookImage",
          "updateNotebookImage",
          "deleteNotebookImage",
        ]),
      ).toEqual([]);
      expect(
        orphanCalls(traces, "CreateAlgorithmV2", ["UpdateAlgorithmV2", "DeleteAlgorithmV2"]),
      ).toEqual([]);
      expect(
        orphanCalls(traces, "CreateExperiment", ["UpdateExperiment", "DeleteExperiment"]),
      ).toEqual([]);
      expect(orphanCalls(traces, "CreateJobV2", ["CreateJobTags", "DeleteJobTags"])).toEqual([]);
      // A created app is a NotebookApp of a notebook created before it.
      const notebooks = new Set<string>();
      for (const t of traces) {
        if (t.trace_name === "createNotebook" && ok(t)) notebooks.add(t.resource_id ?? "");
        if (t.trace_name === "createNotebookApp" && request(t)) {
          expect(notebooks.has(String(body(t.request).notebook_id))).toBe(true);
        }
      }
    },
  );

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 3 })(
    "a job's tags are removed only after being added, with the key that was added",
    (seed) => {
      const added = new Set<string>();
      for (const t of tracesOf(seed)) {
        const key = (body(t.request).tags as { key: string }[] | undefined)?.[0]?.key;
        if (t.trace_name === "CreateJobTags" && ok(t)) added.add(`${t.resource_id ?? ""}|${key}`);
        if (t.trace_name === "DeleteJobTags") {
          expect(added.has(`${t.resource_id ?? ""}|${key}`)).toBe(true);
        }
      }
      expect(added.size).toBeGreaterThan(0);
    },
  );

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 3 })(
    "diagnosis tasks are submitted for failed jobs, image-saving tasks for running ones, and each gets its result",
    (seed) => {
      const failed = new Set<string>();
      const ended = new Set<string>();
      const tasks = new Map<string, string>();
      const results = new Set<string>();
      for (const t of tracesOf(seed)) {
        if (t.trace_name === "CreateJobV2" && t.trace_type === "SystemAction") {
          ended.add(t.resource_id ?? "");
          const phase = (body(t.response).status as { phase?: string } | undefined)?.phase;
          // A failure in the job, or a node failure (an incident whose body is the platform error).
          if (phase !== "Completed") failed.add(t.resource_id ?? "");
        }
        const task =
          t.trace_name === "CreateDiagnosisTask" || t.trace_name === "CreateSaveImageTask";
        if (!task) continue;
        if (request(t)) {
          const jobId = String(body(t.response).training_job_id);
          if (!ok(t)) continue;
          if (t.trace_name === "CreateDiagnosisTask") expect(failed.has(jobId)).toBe(true);
          else expect(ended.has(jobId)).toBe(false);
          tasks.set(t.resource_id ?? "", jobId);
        } else {
          // The result names the task and its job.
          expect(tasks.get(t.resource_id ?? "")).toBe(String(body(t.response).training_job_id));
          results.add(t.resource_id ?? "");
        }
      }
      expect(failed.size).toBeGreaterThan(0);
      expect(tasks.size).toBeGreaterThan(0);
      // Every task has its result unless the window (or the session's size cap) ended first.
      expect(results.size).toBeGreaterThanOrEqual(tasks.size * 0.9);
    },
  );
});

test("six weeks at the default rate reach every notebook and training operation of 2026-09-20", () => {
  const NOW = Date.UTC(2025, 5, 2);
  const seen = new Set<string>();
  for (const event of generateTraces({
    seed: 3,
    revision: REVISION,
    from: NOW - 42 * 86_400_000,
    to: NOW,
    now: NOW,
  }))
    seen.add(event.traceName);
  const missing = operationsOf(REVISION)
    .filter((op) => op.category === "development-environment" || op.category === "training")
    .filter((op) => !seen.has(op.traceName))
    .map((op) => op.traceName);
  expect(missing).toEqual([]);
});
