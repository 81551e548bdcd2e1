import { MinHeap } from "../internal/min-heap.js";
import { keyHolders } from "../tenant/key-holders.js";
import { type KeyPolicy, keyEpochAt, keyRotation } from "../tenant/key-policy.js";
import type { Tenant } from "../tenant/tenant.js";

/** A scheduled key rotation step: a holder's new key created, or its old key deleted. */
export interface KeySlot {
  readonly time: number;
  readonly tenant: number;
  /** Index of the key's owner among the tenant's `keyHolders`. */
  readonly holder: number;
  /** `create`: key `epoch` is created; `delete`: key `epoch - 1` is deleted. */
  readonly kind: "create" | "delete";
  readonly epoch: number;
}

interface Clock {
  readonly policy: KeyPolicy;
  readonly tenant: number;
  readonly holder: number;
  /** Step number: epoch `step >> 1`, even steps create, odd ones delete. */
  step: number;
  time: number;
}

/**
 * The key rotations of every tenant's key holders in time order (see `keyRotation`): a min-heap
 * of one clock per holder (memory per holder, cost log(holders) per step), from the first step
 * at or after `from`.
 */
export class KeyClocks {
  private readonly heap = new MinHeap<Clock>(before);
  private readonly to: number;

  constructor(options: {
    readonly tenants: readonly Tenant[];
    readonly from: number;
    readonly to: number;
  }) {
    const { tenants, from, to } = options;
    this.to = to;
    tenants.forEach((tenant, index) => {
      keyHolders(tenant).forEach((actor, holder) => {
        const policy = actor.keyPolicy as KeyPolicy;
        const clock: Clock = { policy, tenant: index, holder, step: 0, time: 0 };
        let step = 2 * keyEpochAt(policy, from) - 2;
        for (set(clock, step); clock.time < from; set(clock, ++step));
        if (clock.time < to) this.heap.push(clock);
      });
    });
  }

  /** Time of the next step, or +∞ when none is left before the window end. */
  get nextTime(): number {
    return this.heap.top?.time ?? Number.POSITIVE_INFINITY;
  }

  /** Takes the next step and schedules the holder's following one. */
  take(): KeySlot {
    const clock = this.heap.top as Clock;
    const epoch = clock.step >> 1;
    const slot: KeySlot = {
      time: clock.time,
      tenant: clock.tenant,
      holder: clock.holder,
      kind: (clock.step & 1) === 0 ? "create" : "delete",
      epoch,
    };
    set(clock, clock.step + 1);
    if (clock.time >= this.to) this.heap.pop();
    else this.heap.siftTop();
    return slot;
  }
}

/**
 * Step `step` of a holder, in the rotation to key `step >> 1`: even steps create that key, odd
 * steps delete the key before it.
 */
function set(clock: Clock, step: number): void {
  clock.step = step;
  const rotation = keyRotation(clock.policy, step >> 1);
  clock.time = (step & 1) === 0 ? rotation.createAt : rotation.deleteAt;
}

/** Heap order: time, then tenant and holder (a total order, so steps come out the same way). */
function before(a: Clock, b: Clock): boolean {
  return (
    a.time < b.time ||
    (a.time === b.time && (a.tenant < b.tenant || (a.tenant === b.tenant && a.holder < b.holder)))
  );
}
