import type { Actor } from "../tenant/actor.js";
import { keyHolders } from "../tenant/key-holders.js";
import { accessKeyOf, type KeyPolicy } from "../tenant/key-policy.js";
import type { CallMode } from "../tenant/user-render.js";
import type { ContextHost } from "./context-host.js";
import type { ContextOps } from "./context-ops.js";

/** One step of an access key rotation (the timeline's `KeySlot`). */
export interface KeyRotationStep {
  /** Index of the key's owner among the tenant's `keyHolders`. */
  readonly holder: number;
  /** `create`: key `epoch` is created; `delete`: key `epoch - 1` is deleted. */
  readonly kind: "create" | "delete";
  readonly epoch: number;
}

/** What a rotation needs from a session: the context host and an identity switch. */
export interface KeyRotationHost extends ContextHost {
  as(actor: Actor, mode: CallMode): void;
}

/**
 * One step of a permanent access key's rotation, done at the console (which signs the
 * creator in first): `createCredential` of the new key or `deleteCredential` of the old one.
 * A person manages their own keys; a bot's keys are managed by the tenant's first person, its
 * administrator (ctsim's choice). The trace's resource is the IAM user who owns the key (id)
 * and the access key id (name): no source shows the resource or the bodies of these traces,
 * and the catalog's context operations carry no bodies (ctsim's choice).
 */
export function rotateKey(host: KeyRotationHost, ops: ContextOps, step: KeyRotationStep): void {
  const holder = keyHolders(host.tenant)[step.holder] as Actor;
  const creator = holder.kind === "console" ? holder : (host.tenant.people[0] as Actor);
  host.as(creator, "console");
  host.time += 15_000 + host.rng.int(75_000);
  const policy = holder.keyPolicy as KeyPolicy;
  const create = step.kind === "create";
  const ak = accessKeyOf(policy, create ? step.epoch : step.epoch - 1);
  const op = ops.op(create ? "createCredential" : "deleteCredential");
  host.record(op, holder.id, ak, "ConsoleAction", host.time, true);
}
