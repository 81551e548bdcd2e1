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
  private readonly heap: Clock[] = [];
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
        if (clock.time < to) this.push(clock);
      });
    });
  }

  /** Time of the next step, or +∞ when none is left before the window end. */
  get nextTime(): number {
    return this.heap[0]?.time ?? Number.POSITIVE_INFINITY;
  }

  /** Takes the next step and schedules the holder's following one. */
  take(): KeySlot {
    const clock = this.heap[0] as Clock;
    const epoch = clock.step >> 1;
    const slot: KeySlot = {
      time: clock.time,
      tenant: clock.tenant,
      holder: clock.holder,
      kind: (clock.step & 1) === 0 ? "create" : "delete",
      epoch,
    };
    set(clock, clock.step + 1);
    if (clock.time >= this.to) {
      const last = this.heap.pop() as Clock;
      if (this.heap.length > 0 && last !== clock) {
        this.heap[0] = last;
        this.down(0);
      }
    } else this.down(0);
    return slot;
  }

  private push(clock: Clock): void {
    const heap = this.heap;
    let i = heap.push(clock) - 1;
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
