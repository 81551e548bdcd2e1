import { hex32 } from "../internal/hex.js";
import { createDataset } from "../workflows/data-workflows.js";
import type { Resource } from "../workflows/session-builder.js";
import type { Scenario } from "./scenario.js";
import { nextLocalHour, SURE, somePerson, tenantBucket } from "./scenario-context.js";

const HOUR = 3_600_000;

/**
 * Benign look-alike of `foreign-bucket-export` and `off-hours-export`: an administrator exports
 * several datasets at once into the tenant's own bucket (an archive), at the console, in
 * working hours, from their usual address.
 */
export const adminOwnBucketExport: Scenario = {
  id: "admin-own-bucket-export",
  description:
    "An administrator exports several datasets into the account's own archive bucket in working hours from their usual address (benign).",
  techniques: ["T1537"],
  benign: true,
  play(s, label) {
    const rng = s.rng;
    const owner = somePerson(s);
    s.as(owner, "console");
    const datasets: Resource[] = [];
    for (let i = 2 + rng.int(3); i > 0; i--) {
      const ds = createDataset(s);
      if (ds !== null) datasets.push(ds);
      s.think();
    }
    if (datasets.length === 0) return;
    s.time = nextLocalHour(s, s.time, 10) + rng.int(6 * HOUR);
    const admin = somePerson(s);
    s.as(admin, "console");
    const archive = `/${tenantBucket(s, "ml")}/archive/${new Date(s.time).toISOString().slice(0, 10)}`;
    label({
      description: `${admin.name} exported ${datasets.length} datasets to the account's archive ${archive}/.`,
      userId: admin.id,
    });
    for (const ds of datasets) {
      s.call("exportDataFromDataset", ds, {
        ...SURE,
        args: { taskId: hex32(rng).slice(0, 20), exportPath: `${archive}/${ds.name}/` },
      });
      s.think(0.5);
    }
  },
};
