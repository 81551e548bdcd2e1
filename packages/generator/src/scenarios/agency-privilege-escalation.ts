import type { Actor } from "../tenant/actor.js";
import { createDataset } from "../workflows/data-workflows.js";
import { alnum20 } from "../workflows/names.js";
import type { Scenario } from "./scenario.js";
import { deployService, SURE, somePerson, strangerIp } from "./scenario-context.js";

const MINUTE = 60_000;
const _HOUR = 3_600_000;

/** A user creates an IAM agency, then acts through a session of it on sensitive resources. */
export const agencyPrivilegeEscalation: Scenario = {
  id: "agency-privilege-escalation",
  description:
    "A user creates an IAM agency, then acts through a session of it on sensitive resources.",
  techniques: ["T1098.003"],
  benign: false,
  play(s, label) {
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
    label({
      description: `${actor.name} created IAM agency ${agencyName} and used it to act on datasets and services.`,
      userId: actor.id,
    });
    if (!s.create("createAgency", agencyId, agencyName, { suffix }, SURE)) return;
    s.wait(rng.logNormal(2 * MINUTE, 0.5));
    const agency: Actor = {
      kind: "agency",
      id: agencyId,
      name: `${agencyName}/${actor.name}`,
      principalUrn: `sts::${s.tenant.domainId}:assumed-agency:${agencyName}/${actor.name}`,
      principalId: `${agencyId}:${actor.name}`,
      mfa: false,
      net: actor.net,
      keyPolicy: null,
      origin: actor,
    };
    s.as(agency, "api", strangerIp(s));
    if (dataset !== null)
      s.call("exportDataFromDataset", dataset, { ...SURE, args: { taskId: alnum20(rng) } });
    s.think();
    if (service !== null) {
      s.create("addAkSk", s.ids.lower20(), `app-${service.name}`, { appKey: alnum20(rng) }, SURE);
      s.think();
      s.call("updateService", service, {
        ...SURE,
        args: { instances: "1", description: "maintenance" },
      });
    }
  },
};
