import { MinHeap } from "../internal/min-heap.js";
import { pipelineRun, runIndexAt } from "../lineage/pipeline-run.js";
import { type ProjectPlan, projectsOf } from "../lineage/project-plan.js";
import type { Tenant } from "../tenant/tenant.js";

/** A scheduled pipeline run: which tenant, project and run, and when it starts. */
export interface PipelineSlot {
  readonly time: number;
  readonly tenant: number;
  readonly project: number;
  readonly run: number;
}

interface Clock {
  readonly plan: ProjectPlan;
  tenant: number;
  run: number;
  time: number;
}

/**
 * The pipeline runs of every tenant's projects in time order: a min-heap of one clock per
 * project (memory per project, cost log(projects) per run), from the first run that publishes
 * at or after `from`.
 */
export class PipelineClocks {
  private readonly heap = new MinHeap<Clock>(before);
  private readonly to: number;

  constructor(options: {
    readonly seed: number;
    readonly tenants: readonly Tenant[];
    readonly from: number;
    readonly to: number;
  }) {
    const { seed, tenants, from, to } = options;
    this.to = to;
    tenants.forEach((tenant, index) => {
      for (const plan of projectsOf({ seed, tenant })) {
        const clock: Clock = { plan, tenant: index, run: 0, time: 0 };
        let k = Math.max(plan.firstRun, runIndexAt(plan, from));
        while ((pipelineRun(plan, k)?.publishAt ?? Number.POSITIVE_INFINITY) < from) k++;
        this.set(clock, k);
        if (clock.time < to) this.heap.push(clock);
      }
    });
  }

  /** Start time of the next run, or +∞ when none is left before the window end. */
  get nextTime(): number {
    return this.heap.top?.time ?? Number.POSITIVE_INFINITY;
  }

  /** Takes the next run and schedules the project's following one. */
  take(): PipelineSlot {
    const clock = this.heap.top as Clock;
    const slot: PipelineSlot = {
      time: clock.time,
      tenant: clock.tenant,
      project: clock.plan.index,
      run: clock.run,
    };
    this.set(clock, clock.run + 1);
    if (clock.time >= this.to) this.heap.pop();
    else this.heap.siftTop();
    return slot;
  }

  private set(clock: Clock, run: number): void {
    clock.run = run;
    clock.time = pipelineRun(clock.plan, run)?.publishAt ?? Number.POSITIVE_INFINITY;
  }
}

/** Heap order: time, then tenant and project (a total order, so runs come out the same way). */
function before(a: Clock, b: Clock): boolean {
  return (
    a.time < b.time ||
    (a.time === b.time &&
      (a.tenant < b.tenant || (a.tenant === b.tenant && a.plan.index < b.plan.index)))
  );
}
