import type { TraceSource } from "@ctsim/catalog";
import type { Prng } from "../internal/prng.js";
import type { OpSpec } from "../operations/op-table.js";
import type { Actor } from "../tenant/actor.js";
import type { Tenant } from "../tenant/tenant.js";
import type { CallMode } from "../tenant/user-render.js";

/** What the context traces need from a session (the generator's `SessionBuilder` is one). */
export interface ContextHost {
  readonly rng: Prng;
  /** Session clock, epoch ms. */
  time: number;
  readonly tenant: Tenant;
  /** The acting identity. */
  readonly who: Actor;
  /** How it calls. */
  readonly mode: CallMode;
  /** Time of the session's latest trace so far (the clock when it has none). */
  readonly lastTime: number;
  /**
   * Records one trace of `op` at `at` as the acting identity (its `user` and source IP), on
   * the resource `id`/`name`; `central` files it in the tenant's first region, where global
   * services such as IAM are recorded.
   */
  record(
    op: OpSpec,
    id: string,
    name: string,
    traceType: TraceSource,
    at: number,
    central: boolean,
  ): void;
}
