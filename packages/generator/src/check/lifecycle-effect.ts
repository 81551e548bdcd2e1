/** What a trace does to the resource it names: brings it into being, ends it, or uses it. */
export type LifecycleEffect = "create" | "delete" | "use";

/** Verb prefixes (lower case, separators removed) that create the resource the trace names. */
const CREATE_VERBS = ["create", "add", "publish", "register"] as const;
/** Verb prefixes that delete it; longer ones first so `batchDelete` wins over nothing. */
const DELETE_VERBS = ["batchdelete", "delete", "remove"] as const;

/**
 * Derives a trace's effect on its resource from the trace name, a heuristic over the catalog's
 * naming: the name must be a create verb (`create`, `add`, `publish`, `register`) or a delete
 * verb (`delete`, `batchDelete`, `remove`) followed by the resource type itself (case and `_`,
 * `-`, `.` ignored; a plural `s` allowed). So `createNotebook` on `Notebook` and `addService` on
 * `service` create, `deleteDataset` on `Dataset` deletes, but `deleteDatasetVersion`,
 * `deleteLabel` or `createWorkforceTask` on a `Dataset` only use the dataset, and
 * `createClusterResult` (the later result of `createCluster`) uses the cluster. Anything the
 * rule cannot tie to the resource counts as a use, which can only make the checker miss a
 * violation, never invent one.
 *
 * @example
 * lifecycleEffectOf("createNotebook", "Notebook"); // "create"
 * lifecycleEffectOf("deleteLabel", "Dataset");     // "use"
 */
export function lifecycleEffectOf(traceName: string, resourceType: string): LifecycleEffect {
  const name = normalize(traceName);
  const type = normalize(resourceType);
  if (type === "") return "use";
  for (const verb of DELETE_VERBS) {
    if (name.startsWith(verb) && namesType(name.slice(verb.length), type)) return "delete";
  }
  for (const verb of CREATE_VERBS) {
    if (name.startsWith(verb) && namesType(name.slice(verb.length), type)) return "create";
  }
  return "use";
}

function namesType(noun: string, type: string): boolean {
  return noun === type || noun === `${type}s`;
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[-_.]/g, "");
}
