import { hex4 } from "../internal/hex.js";
import { pickProject, projectsOf } from "../lineage/project-plan.js";
import { DESCRIPTIONS, FLAVORS, uuidId } from "./names.js";
import { pickNotebookImage, saveNotebookImage } from "./notebook-images.js";
import type { Resource, SessionBuilder } from "./session-builder.js";

const HOUR = 3_600_000;

/** Trace names of a notebook's life on Huawei Cloud and on Open Telekom Cloud. */
const HUAWEI = {
  create: "createNotebook",
  open: "openNotebook",
  start: "startNotebook",
  stop: "stopNotebook",
  delete: "deleteNotebook",
} as const;
const OTC = {
  create: "create_instance",
  open: "openNotebook",
  start: "change_instance_status",
  stop: "change_instance_status",
  delete: "delete_instance",
} as const;

/**
 * Notebook lifecycle on one of the tenant's projects (named after it: its code goes to the
 * project's `code_dir`, which the project's training jobs run): create, open, work (update, switch CodeLab spec, stop/start), then delete
 * or leave it running until the system stops it when its duration ends.
 */
export function notebookWorkflow(s: SessionBuilder): void {
  const rng = s.rng;
  const hours = rng.pick([1, 2, 4, 8]);
  const project = pickProject(projectsOf({ seed: s.seed, tenant: s.tenant }), rng.next());
  const name = `notebook-${project.topic}-${hex4(rng.u32() >>> 16)}`;
  // The Open Telekom Cloud variant records notebooks as instances with its own trace names.
  const nb = s.has("create_instance") ? OTC : HUAWEI;
  // Today's revision records reads: the list page, then the instance's detail page.
  let customImage: Resource | null = null;
  if (s.has("listNotebook")) {
    // Revision 2026-09-20: admins (the root user, agency sessions) and a few people switch the
    // list to every user's instances; some filter it by tag; the create page lists images.
    if (s.has("listallNotebook") && (ADMINS.has(s.who.kind) || rng.chance(0.06))) {
      s.call("listallNotebook", null, { args: { total: String(3 + rng.int(40)) } });
    } else s.call("listNotebook", null);
    s.think(0.3);
    if (s.has("listCombineTmsTag") && rng.chance(0.2)) {
      s.call("listCombineTmsTag", null, {
        args: { topic: project.topic, owner: project.owner.name },
      });
      s.think(0.3);
    }
    if (s.has("listNotebookImage")) customImage = pickNotebookImage(s, project);
  }
  const notebook = s.create(nb.create, s.ids.uuid(), name, {
    flavor: rng.pick(FLAVORS.notebook),
    imageId: customImage?.id ?? uuidId(rng),
    duration: String(hours * HOUR),
    description: rng.pick(DESCRIPTIONS),
    status: "RUNNING",
  });
  if (notebook === null) return;
  s.wait(60_000 + rng.int(120_000));
  let running = true;
  let runningSince = s.time;
  let app: Resource = {
    id: s.ids.uuid(),
    name: `codelab-${notebook.name}`,
    ep: notebook.ep,
    args: { ...notebook.args },
  };
  let appAlive = true;
  s.call(nb.open, notebook);
  if (s.has("getNotebook")) s.call("getNotebook", notebook);
  if (s.has("listNotebookTmsTag") && rng.chance(0.2)) {
    s.think(0.3);
    s.call("listNotebookTmsTag", notebook, { args: { topic: project.topic } });
  }
  if (s.has("createNotebookApp")) {
    const created = notebookApps(s, notebook, app);
    if (created !== null) app = created;
  }
  for (let step = rng.int(6); step > 0 && s.open; step--) {
    s.think(4);
    const roll = rng.next();
    if (running && roll < 0.3) {
      if (s.call(nb.stop, notebook, { args: { action: "stop" } })) running = false;
    } else if (!running && roll < 0.6) {
      if (s.call(nb.start, notebook, { args: { action: "start" } })) {
        running = true;
        runningSince = s.time;
      }
    } else if (roll < 0.75) {
      s.call("updateNotebook", notebook, {
        args: { flavor: rng.pick(FLAVORS.notebook), status: running ? "RUNNING" : "STOPPED" },
      });
    } else if (appAlive && roll < 0.88) {
      s.call("updateNotebookApp", app, { args: { flavor: rng.pick(FLAVORS.notebook) } });
    } else if (running) {
      s.call(nb.open, notebook);
      if (s.has("getNotebook")) s.call("getNotebook", notebook);
    }
  }
  s.think(2);
  // Revision 2026-09-20: the environment is saved as an image before the instance goes away.
  if (running && s.has("createNotebookImage") && rng.chance(0.15)) {
    saveNotebookImage(s, notebook, project);
    s.think();
  }
  if (appAlive && rng.chance(0.15)) {
    if (s.call("deleteNotebookApp", app)) appAlive = false;
    s.think();
  }
  if (rng.chance(0.35)) {
    if (running) s.call(nb.stop, notebook, { args: { action: "stop" } });
    s.think();
    s.call(nb.delete, notebook);
  } else if (running) {
    // Left running: the instance stops itself when its duration runs out.
    const stopAt = Math.max(s.time + 60_000, runningSince + hours * HOUR);
    s.system(nb.stop, notebook, { at: stopAt, failRate: 0.002, args: { action: "stop" } });
  }
}

/** Identities that see every user's notebooks (`listallNotebook`). */
const ADMINS: ReadonlySet<string> = new Set(["root", "agency"]);

/** Apps a NotebookApp instance runs (guessed: the console's app launcher). */
const APP_TYPES = ["vscode", "tensorboard", "mindinsight"] as const;

/**
 * NotebookApp instances of a running notebook (revision 2026-09-20): the instance's app list and
 * the CodeLab app's detail page (`current`) are frequent; sometimes a new app instance is created, its status read
 * once it has started. Returns the created app (the session's later app calls use it), else
 * `null`.
 */
function notebookApps(s: SessionBuilder, notebook: Resource, current: Resource): Resource | null {
  const rng = s.rng;
  if (rng.chance(0.4)) {
    s.think(0.5);
    s.call("listNotebookApp", notebook, {
      args: { total: String(1 + rng.int(3)), appId: current.id, appType: "codelab" },
    });
    if (rng.chance(0.5)) {
      s.think(0.3);
      s.call("getNotebookApp", current, { args: { appType: "codelab", notebookId: notebook.id } });
    }
  }
  if (!rng.chance(0.25)) return null;
  s.think(0.5);
  const appType = rng.pick(APP_TYPES);
  const app = s.create("createNotebookApp", s.ids.uuid(), `${appType}-${notebook.name}`, {
    appType,
    notebookId: notebook.id,
    flavor: notebook.args.flavor ?? "",
  });
  if (app === null) return null;
  // Creating an app instance is asynchronous: its status is read once it has started.
  s.wait(20_000 + rng.int(60_000));
  s.call("getNotebookApp", app);
  return app;
}
