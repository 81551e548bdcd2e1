import { permanentAccessKey } from "../internal/access-keys.js";
import { Prng } from "../internal/prng.js";

const DAY = 86_400_000;
/** Mean life of a permanent access key; each boundary moves by up to ±15 days (60–120-day keys). */
const PERIOD = 90 * DAY;
const JITTER = 15 * DAY;

/**
 * How an identity's permanent access key rotates: key `k` (its rotation epoch) is current from
 * {@link keyEpochStart}(k) until the next epoch starts. Everything follows from `hash`, so any
 * session, the gateway's identities and the rotation traces agree on the key of any moment
 * without state. Rotating about every 90 days is ctsim's choice: IAM recommends rotating keys
 * regularly (its console flags keys older than 90 days) but never rotates them itself.
 */
export interface KeyPolicy {
  /** Per-identity hash key: key ids, epoch boundaries and rotation delays derive from it. */
  readonly hash: number;
  /** Start of epoch 0, epoch ms (the identity's phase). */
  readonly phase: number;
}

/** When a key's rotation happens around the start of its epoch (see {@link keyRotation}). */
export interface KeyRotation {
  /** The new key's `createCredential`, hours before its first use (the epoch start). */
  readonly createAt: number;
  /** The old key's `deleteCredential`, 8 to 21 days after the epoch start (its last use). */
  readonly deleteAt: number;
}

/**
 * A policy drawn from `rng`: as many draws as one access key id (16), so the tenant's other
 * draws stay as they were when keys did not rotate; hash and phase (within one period of
 * 2024-01-01) follow from them.
 */
export function drawKeyPolicy(rng: Prng): KeyPolicy {
  let hash = 0x811c9dc5;
  for (const char of permanentAccessKey(rng))
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  hash >>>= 0;
  return { hash, phase: Date.UTC(2024, 0, 1) + Prng.derive(hash, 3).int(PERIOD) };
}

/** Start of epoch `k` (an integer, negative before the phase), epoch ms. */
export function keyEpochStart(policy: KeyPolicy, k: number): number {
  const jitter = Prng.derive(policy.hash, k, 0).int(2 * JITTER) - JITTER;
  return policy.phase + k * PERIOD + jitter;
}

/** The epoch current at `time`: the last one that started at or before it. */
export function keyEpochAt(policy: KeyPolicy, time: number): number {
  let k = Math.floor((time - policy.phase) / PERIOD) + 2;
  while (keyEpochStart(policy, k) > time) k--;
  return k;
}

/** The access key id (`HPUA…`) of epoch `k`. */
export function accessKeyOf(policy: KeyPolicy, k: number): string {
  return permanentAccessKey(Prng.derive(policy.hash, k, 1));
}

/** The access key id current at `time`. */
export function accessKeyAt(policy: KeyPolicy, time: number): string {
  return accessKeyOf(policy, keyEpochAt(policy, time));
}

/**
 * The rotation that brings in key `k`: created 10 minutes to 2 days before the epoch starts,
 * and key `k - 1` deleted 8 to 21 days after it (sessions that began with the old key have
 * long ended; CI jobs pick up the new key at their next start). Delays are ctsim's choice.
 */
export function keyRotation(policy: KeyPolicy, k: number): KeyRotation {
  const rng = Prng.derive(policy.hash, k, 2);
  const start = keyEpochStart(policy, k);
  return {
    createAt: start - 600_000 - rng.int(2 * DAY),
    deleteAt: start + 8 * DAY + rng.int(13 * DAY),
  };
}
