import { asyncResult } from "./async-result.js";
import { hyperinstanceWorkflow } from "./hyperinstance-workflow.js";
import { pickServerImage, pollOperation, SERVER_FLAVORS, serverArch } from "./lite-server-parts.js";
import { resourceName, uuidId } from "./names.js";
import type { Resource, SessionBuilder } from "./session-builder.js";

const MINUTE = 60_000;

/**
 * A Lite Server session (bare-metal AI servers, revision 2026-09-20). Three in ten manage a
 * supernode ({@link hyperinstanceWorkflow}); the others list their servers, then either buy a
 * new one (flavors and images looked up first; the platform reports when it is up) or work on
 * one they already run: reads and status syncs, volumes, a public IP, jobs, reboots, stop/start,
 * an OS change or reinstall (stopped first, then polled with `getoperationServer`), a rename,
 * batch actions; sometimes the server is deleted (its volume detached first). Runs only where
 * the revision records Lite Server operations.
 */
export function liteServerWorkflow(s: SessionBuilder): void {
  const rng = s.rng;
  if (rng.chance(0.3)) {
    hyperinstanceWorkflow(s);
    return;
  }
  s.call(rng.chance(0.7) ? "listServer" : "listbyuserServer", null, {
    args: { count: String(1 + rng.int(12)) },
  });
  s.think();
  const server = rng.chance(0.35) ? newServer(s) : runningServer(s);
  if (server !== null) manageServer(s, server);
}

/** Looks up flavors and images, sometimes plugins and a RoCE network, and creates a server. */
function newServer(s: SessionBuilder): Resource | null {
  const rng = s.rng;
  const flavor = rng.pick(SERVER_FLAVORS);
  const arch = serverArch(flavor);
  s.call("listflavorsServer", null, { args: { flavor, arch } });
  s.think();
  const image = pickServerImage(rng, arch);
  s.call("listimagesServerImage", null, {
    args: { ...image.args, count: String(4 + rng.int(20)) },
  });
  if (rng.chance(0.5)) {
    s.think(0.5);
    s.call("getimageServerImage", image);
  }
  if (rng.chance(0.25)) {
    s.think();
    s.call("listpluginsPlugin", null, {
      args: {
        plugin: rng.pick(["npu-driver", "roce-tools", "node-exporter"]),
        pluginVersion: "1.2.0",
      },
    });
  }
  // Servers for distributed training share a RoCE network, created once before them.
  if (rng.chance(0.2)) {
    s.think();
    const roceName = `roce-${s.ids.lower10()}`;
    s.create("createrocenetworkServerRoceNetwork", s.ids.uuid(), roceName, {
      cidr: `10.${rng.int(256)}.0.0/16`,
    });
  }
  s.think();
  const server = s.create("createServer", s.ids.uuid(), resourceName(rng, "server"), {
    flavor,
    arch,
    imageId: image.id,
    imageName: image.name,
  });
  if (server === null) return null;
  s.wait(rng.logNormal(15 * MINUTE, 0.5));
  return asyncResult(s, "createServer", server, { failRate: 0.05 }) === "ok" ? server : null;
}

/** A server bought before the session (its creation is outside the session). */
function runningServer(s: SessionBuilder): Resource {
  const rng = s.rng;
  const id = s.ids.uuid();
  const name = resourceName(rng, "server");
  const flavor = rng.pick(SERVER_FLAVORS);
  const arch = serverArch(flavor);
  const image = pickServerImage(rng, arch);
  return {
    id,
    name,
    ep: "0",
    args: { id, name, flavor, arch, imageId: image.id, imageName: image.name },
  };
}

/** Works on a server step by step; the server runs at the start. */
function manageServer(s: SessionBuilder, server: Resource): void {
  const rng = s.rng;
  let running = true;
  let volumeId: string | null = null;
  let publicIp = false;
  let job: Resource | null = null;
  for (let step = 1 + rng.int(5); step > 0 && s.open; step--) {
    s.think(2);
    const status = running ? "RUNNING" : "STOPPED";
    const roll = rng.next();
    if (roll < 0.28) s.call("getServer", server, { args: { status } });
    else if (roll < 0.36) s.call("syncServer", server, { args: { status } });
    else if (roll < 0.46) volumeId = volumeStep(s, server, volumeId);
    else if (roll < 0.53) publicIp = publicIpStep(s, server, publicIp);
    else if (roll < 0.63) job = jobStep(s, server, job);
    else if (roll < 0.68) s.call("updateServer", server);
    else if (roll < 0.75) {
      if (running) s.call("rebootServer", server, { args: { operationId: uuidId(rng) } });
      else running = s.call("startServer", server, { args: { operationId: uuidId(rng) } });
    } else if (roll < 0.83) running = osStep(s, server, running);
    else if (roll < 0.94) {
      const operationId = uuidId(rng);
      if (running) running = !s.call("stopServer", server, { args: { operationId } });
      else running = s.call("startServer", server, { args: { operationId } });
    } else {
      // From the server list: the same action on this server and another one.
      const action: string = running ? rng.pick(["reboot", "stop"]) : "start";
      if (s.call("batchactionServer", server, { args: { action, otherId: uuidId(rng) } }))
        running = action !== "stop";
    }
  }
  if (job !== null && rng.chance(0.4) && s.open) {
    s.think();
    s.call("deletejobsServer", job);
  }
  if (rng.chance(0.15) && s.open) {
    s.think();
    const operationId = uuidId(rng);
    if (
      volumeId !== null &&
      !s.call("detachvolumeServer", server, { args: { volumeId, operationId } })
    )
      return;
    if (running && !s.call("stopServer", server, { args: { operationId: uuidId(rng) } })) return;
    s.think(0.5);
    s.call("deleteServer", server);
  }
}

/** Attaches a volume when none is, else detaches it or looks at the server; returns the attached volume. */
function volumeStep(s: SessionBuilder, server: Resource, volumeId: string | null): string | null {
  const rng = s.rng;
  if (volumeId === null) {
    const id = uuidId(rng);
    const operationId = uuidId(rng);
    if (!s.call("attachvolumeServer", server, { args: { volumeId: id, operationId } })) return null;
    if (rng.chance(0.5)) pollOperation(s, server, operationId, "attach_volume", 1);
    return id;
  }
  if (rng.chance(0.5)) {
    return s.call("detachvolumeServer", server, { args: { volumeId, operationId: uuidId(rng) } })
      ? null
      : volumeId;
  }
  s.call("getServer", server, { args: { status: "RUNNING" } });
  return volumeId;
}

/** Lists the public IPs and binds one, once; returns whether one is bound. */
function publicIpStep(s: SessionBuilder, server: Resource, bound: boolean): boolean {
  const rng = s.rng;
  const args = {
    publicIpId: uuidId(rng),
    publicIp: `${rng.pick([119, 124, 139, 159])}.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`,
  };
  s.call("listpublicipServer", server, { args });
  if (bound) return true;
  s.think();
  return s.call("bindpublicipServer", server, { args });
}

/**
 * Creates a job on the server (the job is the resource of its traces, the server in its body),
 * or follows, edits and deletes the one it has; returns the job.
 */
function jobStep(s: SessionBuilder, server: Resource, job: Resource | null): Resource | null {
  const rng = s.rng;
  if (job === null) {
    if (rng.chance(0.4)) {
      s.call("listjobsServer", server, { args: { jobId: uuidId(rng), jobStatus: "SUCCESS" } });
      s.think(0.5);
    }
    const jobType = rng.pick(["driver_upgrade", "health_check", "npu_diagnosis"]);
    const created = s.create("createjobServer", s.ids.uuid(), `${jobType}-${server.name}`, {
      jobType,
      serverId: server.id,
    });
    if (created === null) return null;
    s.wait(rng.logNormal(2 * MINUTE, 0.6));
    s.call("getjobServer", created, { args: { jobStatus: "RUNNING" } });
    if (rng.chance(0.3)) {
      s.think();
      s.call("updatejobServer", created);
    }
    return created;
  }
  const roll = rng.next();
  if (roll < 0.35)
    s.call("listjobsServer", server, { args: { jobId: job.id, jobStatus: "SUCCESS" } });
  else if (roll < 0.6) s.call("getjobServer", job, { args: { jobStatus: "SUCCESS" } });
  else if (roll < 0.75) s.call("updatejobServer", job);
  else if (s.call("deletejobsServer", job)) return null;
  return job;
}

/**
 * Changes or reinstalls the OS: the server must be stopped (stopped first), the operation is
 * long and asynchronous (polled with `getoperationServer`), and the server runs again after it.
 * Returns whether the server runs.
 */
function osStep(s: SessionBuilder, server: Resource, running: boolean): boolean {
  const rng = s.rng;
  if (running) {
    if (!s.call("stopServer", server, { args: { operationId: uuidId(rng) } })) return true;
    s.wait(rng.logNormal(MINUTE, 0.5));
  }
  const change = rng.chance(0.6);
  const image = change ? pickServerImage(rng, server.args.arch ?? "aarch64") : null;
  const operationId = uuidId(rng);
  const ok = s.call(change ? "changeosServer" : "reinstallosServer", server, {
    args: {
      operationId,
      keyPair: `KeyPair-${uuidId(rng).slice(0, 4)}`,
      ...(image === null ? {} : { imageId: image.id }),
    },
  });
  if (!ok) return false;
  return pollOperation(
    s,
    server,
    operationId,
    change ? "change_os" : "reinstall_os",
    1 + rng.int(3),
  );
}
