import type { ShardSpec } from "../timeline-options.js";

/**
 * The shard worker `worker` (of `workers`) runs so that the workers of machine shard `i/n`
 * together produce exactly that machine's sessions: shard `i + n·w` of `n·N`. A session index
 * `s` with `s ≡ i + n·w (mod n·N)` satisfies `s ≡ i (mod n)`, and every such `s` falls in
 * exactly one worker, so the content does not depend on the worker count.
 *
 * @example
 * workerShard({ index: 1, count: 3 }, 2, 1); // { index: 4, count: 6 }
 */
export function workerShard(machine: ShardSpec, workers: number, worker: number): ShardSpec {
  return { index: machine.index + machine.count * worker, count: machine.count * workers };
}
