import { alnum20, DESCRIPTIONS, FLAVORS, resourceName } from "./names.js";
import type { Resource, SessionBuilder } from "./session-builder.js";

/**
 * AI Gallery: publish an asset and its versions, edit it, and the social actions of other
 * users on assets (subscribe, like/unlike, favourite (2026-09-20)/unfavourite), activities,
 * profile updates.
 */
export function galleryWorkflow(s: SessionBuilder): void {
  const rng = s.rng;
  const bucket = `${s.tenant.domainName}-ml`;
  if (rng.chance(0.1)) {
    s.call("update_user", null, { args: { nickname: s.who.name.split(/[.@]/)[0] ?? "user" } });
    s.think();
  }
  let asset: Resource | null = null;
  if (rng.chance(0.5)) {
    asset = s.create("create_content", s.ids.uuid(), resourceName(rng, "asset"), {
      contentType: rng.pick(["model", "dataset", "notebook", "algorithm"]),
      description: rng.pick(DESCRIPTIONS),
      version: "1.0.0",
      trainUrl: `/${bucket}/gallery/`,
    });
  } else {
    // Someone else's asset: its creation happened outside this account's audit trail.
    const id = s.ids.uuid();
    const name = resourceName(rng, "asset");
    asset = { id, name, ep: "0", args: { id, name, version: "1.0.0" } };
  }
  if (asset === null) return;
  for (let step = 1 + rng.int(5); step > 0 && s.open; step--) {
    s.think();
    const roll = rng.next();
    if (roll < 0.2)
      s.call("modify_content", asset, { args: { description: rng.pick(DESCRIPTIONS) } });
    else if (roll < 0.35) {
      const id = s.ids.uuid();
      const version = `1.${1 + rng.int(9)}.0`;
      s.call("add_version", {
        id,
        name: asset.name,
        ep: asset.ep,
        args: { ...asset.args, id, version },
      });
    } else if (roll < 0.55)
      s.call("subscription_content", asset, { args: { subscriptionId: alnum20(rng) } });
    else if (roll < 0.75) {
      if (s.call("like_content", asset) && rng.chance(0.3)) {
        s.think();
        s.call("cancel_like_content", asset);
      }
    } else if (roll < 0.85) {
      if (!s.has("star_content")) s.call("cancel_star_content", asset);
      // Today's revision records adding to favourites too: star, sometimes unstar later.
      else if (s.call("star_content", asset) && rng.chance(0.25)) {
        s.think();
        s.call("cancel_star_content", asset);
      }
    } else {
      const activity = s.create("publish_activity", s.ids.uuid(), resourceName(rng, "activity"), {
        now: String(s.time),
        flavor: rng.pick(FLAVORS.notebook),
      });
      if (activity !== null) {
        s.think();
        s.call("regist_activity", activity);
      }
    }
  }
}
