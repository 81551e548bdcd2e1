import { DESCRIPTIONS, FLAVORS, resourceName } from "../workflows/names.js";
import type { Scenario } from "./scenario.js";
import { SURE, somePerson } from "./scenario-context.js";

const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * Benign look-alike of `notebook-startup-backdoor`: a notebook's owner, from their usual
 * address at the console, adds their own SSH key pair for their office address and a startup
 * script that installs the project's requirements, then restarts the notebook.
 */
export const notebookStartupSetup: Scenario = {
  id: "notebook-startup-setup",
  description:
    "A notebook's owner adds their SSH key pair for their own address and a startup script installing requirements, then restarts it (benign).",
  techniques: ["T1098.004", "T1059.004"],
  benign: true,
  play(s, label) {
    const rng = s.rng;
    const owner = somePerson(s);
    s.as(owner, "console");
    const notebook = s.create(
      "createNotebook",
      s.ids.uuid(),
      resourceName(rng, "notebook"),
      { flavor: rng.pick(FLAVORS.notebook), duration: String(8 * HOUR) },
      SURE,
    );
    if (notebook === null) return;
    s.wait(rng.logNormal(40 * MINUTE, 0.5));
    label({
      description: `${owner.name} added their SSH key pair and a requirements startup script to notebook ${notebook.name}.`,
      userId: owner.id,
    });
    const from = owner.net.fixed[0] ?? owner.net.vpn;
    s.call("updateNotebook#ssh", notebook, {
      ...SURE,
      args: {
        description: rng.pick(DESCRIPTIONS),
        keyPair: `KeyPair-${owner.name.split(".")[0] ?? "dev"}`,
        allowedIp: from === "" ? "" : `${from}/32`,
        hookMode: "SYNC",
        script: rng.pick([
          "pip install -r /home/ma-user/work/requirements.txt",
          "conda env update -f /home/ma-user/work/environment.yml",
          "bash /home/ma-user/work/setup/init_env.sh",
        ]),
        status: "RUNNING",
      },
    });
    s.think();
    s.call("stopNotebook", notebook, SURE);
    s.wait(rng.logNormal(2 * MINUTE, 0.4));
    s.call("startNotebook", notebook, { ...SURE, args: { duration: String(8 * HOUR) } });
  },
};
