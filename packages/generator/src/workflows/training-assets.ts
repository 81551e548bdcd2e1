import { flat } from "../internal/flat.js";
import type { ProjectPlan } from "../lineage/project-plan.js";
import { DESCRIPTIONS } from "./names.js";
import type { Resource, SessionBuilder } from "./session-builder.js";

/**
 * A training experiment for the session's job (revision 2026-09-20): created with a name after
 * the project, sometimes renamed or described at once. The job created next belongs to it (its
 * id is in the job's `experimentId` value). Call only when the revision has `CreateExperiment`.
 */
export function createExperiment(s: SessionBuilder, project: ProjectPlan): Resource | null {
  const rng = s.rng;
  const experiment = s.create(
    "CreateExperiment",
    s.ids.uuid(),
    flat(`exp-${project.topic}-${s.ids.lower10().slice(0, 4)}`),
    { description: rng.pick(DESCRIPTIONS), now: String(s.time) },
  );
  if (experiment !== null && rng.chance(0.3)) {
    s.think(0.5);
    s.call("UpdateExperiment", experiment, { args: { description: rng.pick(DESCRIPTIONS) } });
  }
  s.think(0.5);
  return experiment;
}

/**
 * A custom algorithm the session's job runs (revision 2026-09-20): the project's code and boot
 * file with an engine, sometimes corrected once (its boot file or description) before the job
 * uses it. `base` holds the job's values (`codeDir`, `bootFile`, `engineId`, `now`). Call only
 * when the revision has `CreateAlgorithmV2`.
 */
export function createAlgorithm(
  s: SessionBuilder,
  project: ProjectPlan,
  base: Readonly<Record<string, string>>,
): Resource | null {
  const rng = s.rng;
  const algorithm = s.create(
    "CreateAlgorithmV2",
    s.ids.uuid(),
    flat(`algo-${project.topic}-${s.ids.lower10().slice(0, 4)}`),
    {
      description: rng.pick(DESCRIPTIONS),
      codeDir: base.codeDir ?? project.codeDir,
      bootFile: base.bootFile ?? project.bootFile,
      engineId: base.engineId ?? project.engineId,
      now: String(s.time),
    },
  );
  if (algorithm !== null && rng.chance(0.25)) {
    s.think();
    s.call("UpdateAlgorithmV2", algorithm, { args: { description: rng.pick(DESCRIPTIONS) } });
  }
  s.think(0.5);
  return algorithm;
}
