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
  private readonly heap: Clock[] = [];
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
        if (clock.time < to) this.push(clock);
      }
    });
  }

  /** Start time of the next run, or +∞ when none is left before the window end. */
  get nextTime(): number {
    return this.heap[0]?.time ?? Number.POSITIVE_INFINITY;
  }

  /** Takes the next run and schedules the project's following one. */
  take(): PipelineSlot {
    const clock = this.heap[0] as Clock;
    const slot: PipelineSlot = {
      time: clock.time,
      tenant: clock.tenant,
      project: clock.plan.index,
      run: clock.run,
    };
    this.set(clock, clock.run + 1);
    if (clock.time >= this.to) {
      const last = this.heap.pop() as Clock;
      if (this.heap.length > 0 && last !== clock) {
        this.heap[0] = last;
        this.down(0);
      }
    } else this.down(0);
    return slot;
  }

  private set(clock: Clock, run: number): void {
    clock.run = run;
    clock.time = pipelineRun(clock.plan, run)?.publishAt ?? Number.POSITIVE_INFINITY;
  }

  private push(clock: Clock): void {
    const heap = this.heap;
    heap.push(clock);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(clock, heap[parent] as Clock)) break;
      heap[i] = heap[parent] as Clock;
      i = parent;
    }
    heap[i] = clock;
  }

  private down(start: number): void {
    const heap = this.heap;
    const clock = heap[start] as Clock;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child =
        right < heap.length && before(heap[right] as Clock, heap[left] as Clock) ? right : left;
      if (!before(heap[child] as Clock, clock)) break;
      heap[i] = heap[child] as Clock;
      i = child;
    }
    heap[i] = clock;
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
