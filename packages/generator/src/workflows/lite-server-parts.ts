import type { Prng } from "../internal/prng.js";
import { uuidId } from "./names.js";
import type { Resource, SessionBuilder } from "./session-builder.js";

/** Lite Server flavors (Ascend Snt9b servers are Arm, GPU servers x86). */
export const SERVER_FLAVORS = ["ma.snt9b.8xlarge", "ma.snt9b3.48xlarge", "ma.gpu.a100.8"] as const;

/** Supernode flavors (Ascend Snt9b3 supernodes of 8 to 48 servers). */
export const SUPERNODE_FLAVORS = ["ma.snt9b3.48xlarge.super", "ma.snt9b3.8xlarge.super"] as const;

const IMAGES = {
  aarch64: ["EulerOS-2.10-Arm-64bit-snt9b", "HCE-2.0-Arm-64bit-snt9b3", "Ubuntu-22.04-Arm-snt9b"],
  x86_64: ["Ubuntu-22.04-x86-cuda12.2", "EulerOS-2.10-x86-64bit-cuda11.8"],
} as const;

/** The CPU architecture of a server flavor. */
export function serverArch(flavor: string): "aarch64" | "x86_64" {
  return flavor.includes("gpu") ? "x86_64" : "aarch64";
}

/**
 * A public server image for the architecture, as a resource (the image id is random: images are
 * not resources of the timeline).
 */
export function pickServerImage(rng: Prng, arch: string): Resource {
  const names: readonly string[] = arch === "x86_64" ? IMAGES.x86_64 : IMAGES.aarch64;
  const id = uuidId(rng);
  const name = rng.pick(names);
  return { id, name, ep: "0", args: { id, name, imageId: id, imageName: name, arch } };
}

/**
 * Polls a long server operation with `getoperationServer` `polls` times, minutes apart; the last
 * poll tells the end (5% failed). Returns whether it succeeded.
 */
export function pollOperation(
  s: SessionBuilder,
  res: Resource,
  operationId: string,
  operationType: string,
  polls: number,
): boolean {
  const rng = s.rng;
  let ok = true;
  for (let poll = 1; poll <= polls; poll++) {
    s.wait(rng.logNormal(4 * 60_000, 0.6));
    const last = poll === polls;
    ok = !last || !rng.chance(0.05);
    const phase = last ? (ok ? "SUCCESS" : "FAILED") : "RUNNING";
    s.call("getoperationServer", res, { args: { operationId, operationType, phase } });
  }
  return ok;
}
