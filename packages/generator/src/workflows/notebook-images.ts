import { flat } from "../internal/flat.js";
import type { ProjectPlan } from "../lineage/project-plan.js";
import { asyncResult } from "./async-result.js";
import { DESCRIPTIONS, uuidId } from "./names.js";
import type { Resource, SessionBuilder } from "./session-builder.js";

const MINUTE = 60_000;
/** A preset (built-in) notebook image, listed first on the create page. */
const PRESET_IMAGE = "pytorch_2.1.0-cuda_12.1-py_3.10-ubuntu_22.04";

/**
 * The notebook's create page (revision 2026-09-20): the image list, sometimes the "my images"
 * tab (image groups), and rarely the registration of a custom image pushed to SWR (the
 * `createNotebookImage` trace also records registrations). Returns the registered image when it
 * became usable, which the new notebook then runs, else `null`. Call only when the revision has
 * `listNotebookImage`.
 */
export function pickNotebookImage(s: SessionBuilder, project: ProjectPlan): Resource | null {
  const rng = s.rng;
  const namespace = s.tenant.domainName;
  s.call("listNotebookImage", null, {
    args: {
      total: String(20 + rng.int(30)),
      imageId: uuidId(rng),
      imageName: PRESET_IMAGE,
      imageType: "BUILD_IN",
    },
  });
  s.think(0.4);
  if (!rng.chance(0.3)) return null;
  s.call("listNotebookImageGroups", null, {
    args: { total: String(1 + rng.int(4)), imageName: `${project.topic}-env`, namespace },
  });
  s.think(0.5);
  if (!rng.chance(0.08)) return null;
  const image = s.create("createNotebookImage", s.ids.uuid(), flat(`${project.topic}-custom`), {
    namespace,
    tag: `v${1 + rng.int(9)}.${rng.int(10)}`,
    origin: "CUSTOMIZE",
    description: rng.pick(DESCRIPTIONS),
    region: s.region.info.name,
  });
  if (image === null) return null;
  // Registration checks the SWR image; it becomes usable within a minute or two.
  s.wait(30_000 + rng.int(90_000));
  const end = asyncResult(s, "createNotebookImage", image, { failRate: 0.04 });
  s.call("getNotebookImage", image, { args: { status: end === "ok" ? "ACTIVE" : "ERROR" } });
  s.think(0.5);
  return end === "ok" ? image : null;
}

/**
 * Saves a running notebook as a container image (revision 2026-09-20): the save request, the
 * console syncing the image's status while it is built, the platform's result, then the image in
 * the list and its detail page; a failed image is often deleted, a good one rarely (replaced by
 * a later save). Call only when the revision has `createNotebookImage`.
 */
export function saveNotebookImage(
  s: SessionBuilder,
  notebook: Resource,
  project: ProjectPlan,
): void {
  const rng = s.rng;
  const date = new Date(s.time).toISOString().slice(0, 10).replaceAll("-", "");
  const image = s.create("createNotebookImage", s.ids.uuid(), flat(`${project.topic}-env`), {
    namespace: s.tenant.domainName,
    tag: flat(`${date}-${notebook.name.slice(-4)}`),
    origin: "IMAGE_SAVE",
    description: rng.pick(DESCRIPTIONS),
    notebookId: notebook.id,
    region: s.region.info.name,
  });
  if (image === null) return;
  // Saving takes minutes (the instance's disk is committed and pushed to SWR); the console
  // refreshes the image's status meanwhile.
  for (let sync = 1 + rng.int(3); sync > 0 && s.open; sync--) {
    s.wait(rng.logNormal(3 * MINUTE, 0.6));
    s.call("updateNotebookImage", image, { args: { status: "CREATING" } });
  }
  s.wait(rng.logNormal(4 * MINUTE, 0.6));
  const end = asyncResult(s, "createNotebookImage", image, { failRate: 0.06 });
  s.think(0.5);
  s.call("listNotebookImage", null, {
    args: {
      total: String(2 + rng.int(12)),
      imageId: image.id,
      imageName: image.name,
      imageType: "DEDICATED",
    },
  });
  s.think(0.3);
  s.call("getNotebookImage", image, { args: { status: end === "ok" ? "ACTIVE" : "ERROR" } });
  if (rng.chance(end === "ok" ? 0.05 : 0.5)) {
    s.think();
    s.call("deleteNotebookImage", image);
  }
}
