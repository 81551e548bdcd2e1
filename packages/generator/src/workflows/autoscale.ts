import type { Resource, SessionBuilder } from "./session-builder.js";

/** An HPA (autoscaling) policy of a deployment, as template values. */
export type HpaPolicy = Readonly<Record<string, string>>;

/**
 * One autoscaling step on an inference 2.0 deployment: without a policy, create one (returned
 * when created); with one, mostly read it or its scaling events, sometimes tune or delete it.
 * Returns the deployment's policy after the step (`null`: none).
 */
export function autoscale(
  s: SessionBuilder,
  deployment: Resource,
  hpa: HpaPolicy | null,
): HpaPolicy | null {
  const rng = s.rng;
  if (hpa === null) {
    const policy = drawPolicy(s);
    if (!s.call("CreateHpa", deployment, { args: policy })) return null;
    // The console shows the new policy; people often open it to check.
    if (!rng.chance(0.4)) return policy;
    s.think(0.5);
    s.call("GetHpaV2", deployment, { args: policy });
    // Seen on the page, the range or target gets corrected at once.
    if (!rng.chance(0.2)) return policy;
    s.think();
    const fixed = drawPolicy(s);
    return s.call("UpdateHpa", deployment, { args: fixed }) ? fixed : policy;
  }
  const roll = rng.next();
  if (roll < 0.3) {
    s.call("GetHpaV2", deployment, { args: hpa });
    return hpa;
  }
  if (roll < 0.55) {
    const up = rng.chance(0.6);
    const from = 1 + rng.int(3);
    s.call("ListHpaEventV2", deployment, {
      args: {
        count: String(1 + rng.int(20)),
        scaleType: up ? "ScaleUp" : "ScaleDown",
        from: String(from),
        to: String(up ? from + 1 : Math.max(1, from - 1)),
      },
    });
    return hpa;
  }
  if (roll < 0.85) {
    const policy = drawPolicy(s);
    return s.call("UpdateHpa", deployment, { args: policy }) ? policy : hpa;
  }
  return s.call("DeleteHpa", deployment) ? null : hpa;
}

function drawPolicy(s: SessionBuilder): HpaPolicy {
  const rng = s.rng;
  const min = 1 + rng.int(2);
  const metric = rng.pick(["cpu", "memory", "npu"]);
  return {
    minReplicas: String(min),
    maxReplicas: String(min + 1 + rng.int(6)),
    metric,
    target: String(rng.pick([50, 60, 70, 80])),
  };
}
