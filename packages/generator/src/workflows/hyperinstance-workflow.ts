import { pickServerImage, pollOperation, SUPERNODE_FLAVORS } from "./lite-server-parts.js";
import { resourceName, uuidId } from "./names.js";
import type { Resource, SessionBuilder } from "./session-builder.js";

/**
 * A Lite Server supernode (hyper instance: 8 to 48 Ascend servers bought and run as one): its
 * owner lists supernodes (administrators all of the project's), opens one and works on it: tags,
 * scaling out and in, an OS change (polled like a server's), batch actions on its servers, and
 * rarely deleting one server of it. Supernodes are bought before the session (no create
 * operation is listed for them).
 */
export function hyperinstanceWorkflow(s: SessionBuilder): void {
  const rng = s.rng;
  s.call(rng.chance(0.3) ? "listallhyperinstance" : "listbyuserhyperinstance", null, {
    args: { count: String(1 + rng.int(4)) },
  });
  s.think();
  const id = s.ids.uuid();
  const name = resourceName(rng, "supernode");
  let servers = rng.pick([8, 16, 48]);
  const hyper: Resource = {
    id,
    name,
    ep: "0",
    args: { id, name, flavor: rng.pick(SUPERNODE_FLAVORS), servers: String(servers) },
  };
  s.call("getserverhyperinstance", hyper);
  // Half the supernodes carry an owner tag already.
  let tag: string | null = rng.chance(0.5) ? "owner" : null;
  for (let step = 1 + rng.int(4); step > 0 && s.open; step--) {
    s.think(2);
    const roll = rng.next();
    if (roll < 0.22)
      s.call("getserverhyperinstance", hyper, { args: { servers: String(servers) } });
    else if (roll < 0.44) tag = tagStep(s, hyper, tag);
    else if (roll < 0.57) {
      const delta = rng.pick([8, 16]);
      const operationId = uuidId(rng);
      if (
        s.call("scaleuphyperinstanceServerHyperinstance", hyper, {
          args: { delta: String(delta), operationId },
        }) &&
        pollOperation(s, hyper, operationId, "scale_up", 1 + rng.int(2))
      )
        servers += delta;
    } else if (roll < 0.7 && servers > 8) {
      const operationId = uuidId(rng);
      if (
        s.call("scaledownhyperinstanceServerHyperinstance", hyper, {
          args: { serverId: uuidId(rng), operationId },
        })
      )
        servers -= 8;
    } else if (roll < 0.82) {
      const operationId = uuidId(rng);
      const image = pickServerImage(rng, "aarch64");
      if (
        s.call("changeoshyperinstance", hyper, {
          args: { operationId, imageId: image.id, keyPair: `KeyPair-${uuidId(rng).slice(0, 4)}` },
        })
      )
        pollOperation(s, hyper, operationId, "change_os", 1 + rng.int(3));
    } else if (roll < 0.9) {
      s.call("batchactionServer", hyper, {
        args: { action: rng.pick(["reboot", "stop", "start"]), otherId: uuidId(rng) },
      });
    } else if (servers > 8) {
      // A faulty server leaves the supernode: the trace names that server, which ends there
      // (the supernode lives on, so it cannot be the deleted resource).
      const serverId = uuidId(rng);
      const server: Resource = { ...hyper, id: serverId, args: { ...hyper.args, serverId } };
      if (s.call("deleteserverhyperinstance", server)) servers--;
    }
  }
}

/**
 * Queries the tags; adds one when none was added, else sometimes removes it. Tag changes name no
 * resource (`createtagshyperinstance` would otherwise "create" the supernode's id), as a
 * guess.
 */
function tagStep(s: SessionBuilder, hyper: Resource, tag: string | null): string | null {
  const rng = s.rng;
  s.call("querytagshyperinstance", hyper, { args: { tagKey: tag ?? "team", tagValue: "llm" } });
  s.think(0.5);
  if (tag === null) {
    const key = rng.pick(["owner", "project", "cost-center"]);
    return s.call("createtagshyperinstance", null, {
      args: { tagKey: key, tagValue: "llm" },
    })
      ? key
      : null;
  }
  if (rng.chance(0.5) && s.call("deletetagshyperinstance", null, { args: { tagKey: tag } }))
    return null;
  return tag;
}
