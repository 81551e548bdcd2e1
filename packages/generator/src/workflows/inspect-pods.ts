import type { Resource, SessionBuilder } from "./session-builder.js";

/** Why a pod does not run, as its events tell (Kubernetes reasons). */
const FAILING = [
  ["CrashLoopBackOff", "BackOff"],
  ["Pending", "FailedScheduling"],
  ["ImagePullBackOff", "Failed"],
  ["Running", "Unhealthy"],
] as const;

/**
 * Looks at an inference 2.0 deployment's instances and pods. When something is wrong
 * (`failing`), the pod's events follow and a stuck pod (sometimes the whole instance) is
 * deleted so that the platform recreates it; a healthy check sometimes glances at the events.
 */
export function inspectPods(
  s: SessionBuilder,
  deployment: Resource,
  options: { readonly failing: boolean },
): void {
  const rng = s.rng;
  const instances = deployment.args.instances ?? "1";
  const instanceId = s.ids.uuid();
  // Pod names as Kubernetes makes them: the deployment's name plus a hash and a suffix.
  const podName = `${deployment.name}-${s.ids.lower10()}`;
  s.call("ListServiceV2Instances", deployment, { args: { instances, instanceId } });
  s.think(0.5);
  const [podStatus, reason] = options.failing
    ? (FAILING[rng.int(FAILING.length)] as (typeof FAILING)[number])
    : (["Running", "Started"] as const);
  s.call("ListServiceV2Pods", deployment, { args: { instances, podName, podStatus } });
  if (!options.failing && !rng.chance(0.25)) return;
  s.think(0.5);
  s.call("ListServiceV2PodEvents", deployment, {
    args: {
      podName,
      reason,
      eventType: options.failing ? "Warning" : "Normal",
      count: String(1 + rng.int(9)),
    },
  });
  if (!options.failing) return;
  s.think();
  const roll = rng.next();
  if (roll < 0.55) s.call("DeleteServiceV2Pod", deployment, { args: { podName } });
  else if (roll < 0.8) s.call("DeleteServiceV2Instance", deployment, { args: { instanceId } });
}
