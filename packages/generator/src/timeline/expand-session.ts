import { rotateKey } from "../context/key-rotation.js";
import { Prng } from "../internal/prng.js";
import { STREAM } from "../internal/streams.js";
import { pipelineRun } from "../lineage/pipeline-run.js";
import { type ProjectPlan, projectsOf } from "../lineage/project-plan.js";
import { runScenario } from "../scenarios/scenario-registry.js";
import type { Tenant } from "../tenant/tenant.js";
import type { GeneratedTrace } from "../trace/generated-trace.js";
import { pipelineWorkflow } from "../workflows/pipeline-workflow.js";
import { SessionBuilder } from "../workflows/session-builder.js";
import { runRegularSession } from "../workflows/workflow-mix.js";
import type { Arrival } from "./arrival-stream.js";
import type { TimelineConfig } from "./timeline-config.js";

/**
 * Runs one session from its own PRNG stream (derived from seed and session index alone) and
 * returns its traces in time order, all at or after the arrival and before the window end.
 */
export function expandSession(
  config: TimelineConfig,
  arrival: Arrival,
  end: number,
): GeneratedTrace[] {
  const key = arrival.key;
  const s = new SessionBuilder({
    seed: config.seed,
    rng:
      key === undefined
        ? Prng.derive(config.seed, STREAM.session, arrival.index)
        : Prng.derive(
            config.seed,
            STREAM.keyRotation,
            key.tenant,
            key.holder,
            key.epoch,
            key.kind === "create" ? 0 : 1,
          ),
    tenant: config.tenants[arrival.tenant] as Tenant,
    ops: config.ops,
    context: config.context,
    sessionIndex: arrival.index,
    start: arrival.time,
    end,
  });
  const pipeline = arrival.pipeline;
  if (key !== undefined) {
    if (config.context !== null) rotateKey(s, config.context, key);
  } else if (pipeline !== undefined) {
    const plan = projectsOf({ seed: config.seed, tenant: s.tenant })[pipeline.project];
    const run = pipelineRun(plan as ProjectPlan, pipeline.run);
    if (run !== null) pipelineWorkflow(s, run);
  } else if (arrival.scenario === null) runRegularSession(s, arrival.sessionClass);
  else runScenario(s, arrival.scenario);
  return s.finish();
}
