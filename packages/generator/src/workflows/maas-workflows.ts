import { asyncResult } from "./async-result.js";
import { DESCRIPTIONS, resourceName } from "./names.js";
import type { Resource, SessionBuilder } from "./session-builder.js";

const MINUTE = 60_000;

/** MaaS's preset models a tenant activates and calls (names as the MaaS console shows them). */
const MODELS = ["DeepSeek-V3", "DeepSeek-R1", "Qwen3-32B", "Qwen2.5-72B-Instruct", "GLM-4-9B"];
const METRICS = ["req_count", "token_count", "first_token_latency", "error_rate"];
/** Version of MaaS's service statement (our guess at its label). */
const STATEMENT = "2026-06";

/**
 * MaaS (model as a service, revision 2026-09-20). At the console: sometimes the service
 * statement is signed and model services activated first (see below), then the service list
 * across regions, then one task: an API key, an own model service (create, metrics, scale,
 * moderation, sometimes delete) or a custom endpoint (create, rate limit, stop/start). API
 * callers (bots) poll the metrics of the preset services they call.
 *
 * Signing: the statement is signed once per account before first use and again when it
 * changes; which session is the first would need state across sessions, so a small share of
 * console sessions (6%) signs, standing for new users and statement updates (our assumption).
 */
export function maasWorkflow(s: SessionBuilder): void {
  const rng = s.rng;
  if (s.mode === "api") {
    s.call("ListUserInferV2ServicesByRegions", null, { args: { count: String(1 + rng.int(6)) } });
    for (let n = 1 + rng.int(4); n > 0 && s.open; n--) {
      s.think();
      queryMetrics(s, preset(rng.pick(MODELS)));
    }
    return;
  }
  const signs = rng.chance(0.06);
  if (signs) {
    s.call("SignDisclaimer", null, { args: { statement: STATEMENT } });
    s.think();
  }
  if (signs ? rng.chance(0.8) : rng.chance(0.08)) {
    s.call("ActivateModelServices", preset(rng.pick(MODELS)));
    s.think();
  }
  s.call("ListUserInferV2ServicesByRegions", null, { args: { count: String(rng.int(6)) } });
  s.think();
  const roll = rng.next();
  if (roll < 0.35) apiKey(s);
  else if (roll < 0.65) ownService(s);
  else if (roll < 0.85) customEndpoint(s);
  else queryMetrics(s, preset(rng.pick(MODELS)));
}

/** A preset model service, addressed by its model name (our assumption for its id). */
function preset(model: string): Resource {
  return { id: model, name: model, ep: "0", args: { id: model, name: model, modelName: model } };
}

function queryMetrics(s: SessionBuilder, service: Resource): void {
  const rng = s.rng;
  s.call("QueryServiceMetrics", service, {
    args: {
      metric: rng.pick(METRICS),
      period: String(rng.pick([60, 300, 3600])),
      count: String(rng.pick([24, 60, 168])),
    },
  });
}

/** Creates an API key; sometimes renames it, and sometimes deletes it (a test key). */
function apiKey(s: SessionBuilder): void {
  const rng = s.rng;
  const key = s.create("CreateApiKey", s.ids.uuid(), resourceName(rng, "key"), {
    description: rng.pick(DESCRIPTIONS),
  });
  if (key === null) return;
  if (rng.chance(0.3)) {
    s.think();
    s.call("UpdateApiKey", key, { args: { description: rng.pick(DESCRIPTIONS) } });
  }
  if (rng.chance(0.25)) {
    s.think(2);
    s.call("DeleteApiKey", key);
  }
}

/** An own (dedicated) model service: create, wait for it, then a few steps. */
function ownService(s: SessionBuilder): void {
  const rng = s.rng;
  const service = s.create("CreateService", s.ids.uuid(), resourceName(rng, "maas"), {
    modelName: rng.pick(MODELS),
    instances: String(rng.pick([1, 1, 2])),
    description: rng.pick(DESCRIPTIONS),
  });
  if (service === null) return;
  s.wait(rng.logNormal(10 * MINUTE, 0.5));
  if (asyncResult(s, "CreateService", service, { failRate: 0.06 }) !== "ok") {
    s.think();
    if (rng.chance(0.7)) s.call("DeleteService", service);
    return;
  }
  for (let step = rng.int(5); step > 0 && s.open; step--) {
    s.wait(rng.logNormal(6 * MINUTE, 1));
    const roll = rng.next();
    if (roll < 0.5) queryMetrics(s, service);
    else if (roll < 0.75)
      s.call("UpdateService", service, {
        args: { instances: String(rng.pick([1, 2, 4])), description: rng.pick(DESCRIPTIONS) },
      });
    else s.call("UpdateModeration", service, { args: { moderation: String(rng.chance(0.7)) } });
  }
  if (rng.chance(0.25)) {
    s.think();
    s.call("DeleteService", service);
  }
}

/** A custom endpoint of a preset model: create, then tune its rate limit or stop/start it. */
function customEndpoint(s: SessionBuilder): void {
  const rng = s.rng;
  const endpoint = s.create("CreateCustomEndpoint", s.ids.uuid(), resourceName(rng, "ep"), {
    modelName: rng.pick(MODELS),
    rpm: String(rng.pick([60, 300, 1000])),
    description: rng.pick(DESCRIPTIONS),
  });
  if (endpoint === null) return;
  s.wait(rng.logNormal(2 * MINUTE, 0.5));
  if (asyncResult(s, "CreateCustomEndpoint", endpoint, { failRate: 0.04 }) !== "ok") return;
  let running = true;
  for (let step = rng.int(4); step > 0 && s.open; step--) {
    s.wait(rng.logNormal(5 * MINUTE, 1));
    const roll = rng.next();
    if (roll < 0.35) queryMetrics(s, endpoint);
    else if (roll < 0.6)
      s.call("UpdateCustomEndpoint", endpoint, {
        args: { rpm: String(rng.pick([60, 300, 1000, 3000])), description: rng.pick(DESCRIPTIONS) },
      });
    else {
      const args = running
        ? { action: "stop", status: "stopping" }
        : { action: "start", status: "starting" };
      if (s.call("ControlCustomEndpoint", endpoint, { args })) running = !running;
    }
  }
}
