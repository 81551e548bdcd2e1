import { hex32 } from "../internal/hex.js";
import type { Actor } from "../tenant/actor.js";
import { createDataset } from "../workflows/data-workflows.js";
import { alnum20, DESCRIPTIONS, FLAVORS, resourceName } from "../workflows/names.js";
import type { Resource, SessionBuilder } from "../workflows/session-builder.js";
import { beginLabel, somePerson, strangerIp } from "./scenario-context.js";

const MINUTE = 60_000;

function deployService(s: SessionBuilder): Resource | null {
  const rng = s.rng;
  const model = s.create(
    "addModel",
    s.ids.uuid(),
    resourceName(rng, "model"),
    { version: "0.0.1" },
    { failRate: 0 },
  );
  if (model === null) return null;
  s.think();
  return s.create(
    "addService",
    s.ids.uuid(),
    resourceName(rng, "svc"),
    { modelId: model.id, flavor: rng.pick(FLAVORS.service), instances: "1" },
    { failRate: 0 },
  );
}

/** An access key is created, then used within minutes from an IP never seen before. */
export function newIpAccessKey(s: SessionBuilder): void {
  const rng = s.rng;
  const actor = somePerson(s);
  s.as(actor, "console");
  const service = deployService(s);
  if (service === null) return;
  s.wait(rng.logNormal(3 * 3_600_000, 0.5));
  beginLabel(s, {
    scenario: "new-ip-access-key",
    technique: "T1098.001",
    description: `${actor.name} created an access key that was used minutes later from a new IP.`,
    userId: actor.id,
  });
  const key = s.create(
    "addAkSk",
    s.ids.lower20(),
    `app-${service.name}`,
    { appKey: alnum20(rng) },
    { failRate: 0 },
  );
  s.wait(rng.logNormal(4 * MINUTE, 0.5));
  s.as(actor, "api", strangerIp(s), `HPUA${hex32(rng).slice(0, 16).toUpperCase()}`);
  for (let i = 3 + rng.int(6); i > 0; i--) {
    if (rng.chance(0.5))
      s.call("updateService", service, {
        args: { instances: String(rng.pick([4, 8, 16])), description: rng.pick(DESCRIPTIONS) },
      });
    else
      s.call("startOrStopService", service, { args: { status: rng.pick(["running", "stopped"]) } });
    s.wait(5_000 + rng.int(60_000));
  }
  if (key !== null && rng.chance(0.5)) s.call("deleteAkSk", key, { failRate: 0 });
  s.label = null;
}

/** Many failed labeling-console sign-ins for one worker from one IP, then a success. */
export function loginBruteForce(s: SessionBuilder): void {
  const rng = s.rng;
  s.as(somePerson(s), "console");
  const workforce = s.create(
    "createWorkforce",
    s.ids.alnum20(),
    resourceName(rng, "team"),
    { description: "labeling" },
    { failRate: 0 },
  );
  if (workforce === null) return;
  const worker = rng.pick(s.tenant.workers);
  const membership: Resource = {
    id: s.ids.alnum20(),
    name: worker.name,
    ep: workforce.ep,
    args: { email: worker.name, role: "0" },
  };
  s.call("createWorker", membership, { failRate: 0 });
  s.wait(rng.logNormal(5 * 3_600_000, 0.6));
  const ip = strangerIp(s);
  s.as(worker, "console", ip);
  beginLabel(s, {
    scenario: "login-brute-force",
    technique: "T1110.001",
    description: `Repeated failed labeling-console sign-ins for ${worker.name} from ${ip}, then a success.`,
    userId: worker.id,
  });
  for (let i = 15 + rng.int(30); i > 0; i--) {
    s.call("workerLoginLabelConsole", membership, { failRate: 1 });
    s.wait(800 + rng.int(4_000));
  }
  if (rng.chance(0.7)) {
    s.call("workerLoginLabelConsole", membership, { failRate: 0 });
    s.think(0.3);
    s.call("workerChangePassword", membership, { failRate: 0 });
  }
  s.label = null;
}

/** A user creates an IAM agency, then acts through a session of it on sensitive resources. */
export function agencyPrivilegeEscalation(s: SessionBuilder): void {
  const rng = s.rng;
  s.as(somePerson(s), "console");
  const dataset = createDataset(s);
  s.think();
  const service = deployService(s);
  s.wait(rng.logNormal(4 * 3_600_000, 0.5));
  const actor = somePerson(s);
  s.as(actor, "console", strangerIp(s));
  const suffix = alnum20(rng).slice(0, 6).toLowerCase();
  const agencyName = `modelarts_agency_${suffix}`;
  const agencyId = s.ids.hex32();
  beginLabel(s, {
    scenario: "agency-privilege-escalation",
    technique: "T1098.003",
    description: `${actor.name} created IAM agency ${agencyName} and used it to act on datasets and services.`,
    userId: actor.id,
  });
  if (!s.create("createAgency", agencyId, agencyName, { suffix }, { failRate: 0 })) return;
  s.wait(rng.logNormal(2 * MINUTE, 0.5));
  const agency: Actor = {
    kind: "agency",
    id: agencyId,
    name: `${agencyName}/${actor.name}`,
    principalUrn: `sts::${s.tenant.domainId}:assumed-agency:${agencyName}/${actor.name}`,
    principalId: `${agencyId}:${actor.name}`,
    mfa: false,
    ips: actor.ips,
    accessKeyId: null,
  };
  s.as(agency, "api", strangerIp(s));
  if (dataset !== null)
    s.call("exportDataFromDataset", dataset, { failRate: 0, args: { taskId: alnum20(rng) } });
  s.think();
  if (service !== null) {
    s.create(
      "addAkSk",
      s.ids.lower20(),
      `app-${service.name}`,
      { appKey: alnum20(rng) },
      { failRate: 0 },
    );
    s.think();
    s.call("updateService", service, {
      failRate: 0,
      args: { instances: "1", description: "maintenance" },
    });
  }
  s.label = null;
}
