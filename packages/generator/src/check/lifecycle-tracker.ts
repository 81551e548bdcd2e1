import { CheckCode } from "./check-code.js";
import { lifecycleEffectOf } from "./lifecycle-effect.js";

/** A lifecycle rule a trace broke. */
export interface LifecycleProblem {
  readonly code: typeof CheckCode.beforeCreate | typeof CheckCode.afterDelete;
  readonly message: string;
}

// States, kept with the line they were entered on as `line * 4 + state` in one number. Reversed,
// CREATED means "its delete was seen" and DELETED "its create was seen".
const PRE_EXISTING = 0; // first seen without a create: assumed to exist before the input
const CREATED = 1;
const DELETED = 2;

/**
 * Follows every resource (`resource_type` + `resource_id`) through one input and reports uses
 * before its create and after its delete. Memory: one map entry per distinct resource.
 *
 * Rules: only successful (`normal`) creates and deletes change state (see
 * {@link lifecycleEffectOf} for which traces create or delete); a resource first seen without a
 * create is assumed to exist already, and a later successful create of it is a use before create;
 * every trace on a deleted resource is a use after delete, except a successful create, which
 * brings it back (resources named by a reusable name, such as trackers, are re-created).
 *
 * @example
 * const lifecycle = new LifecycleTracker();
 * lifecycle.observe("Notebook", "nb-1", "deleteNotebook", true, 1); // undefined
 * lifecycle.observe("Notebook", "nb-1", "stopNotebook", true, 2);   // { code: "lifecycle.after-delete", … }
 */
export class LifecycleTracker {
  readonly #states = new Map<string, number>();

  /** Number of distinct resources seen. */
  get size(): number {
    return this.#states.size;
  }

  /**
   * Records one trace on a resource; returns the rule it breaks, if any. With `reversed` (a
   * stream in descending time), the rules run backwards: a delete is met first and a create
   * last, so their roles swap, and so do the codes reported.
   */
  observe(
    resourceType: string,
    resourceId: string,
    traceName: string,
    succeeded: boolean,
    line: number,
    reversed = false,
  ): LifecycleProblem | undefined {
    const effect = lifecycleEffectOf(traceName, resourceType);
    const opens = reversed ? "delete" : "create";
    const key = `${resourceType}\u0000${resourceId}`;
    const previous = this.#states.get(key);
    const changes = succeeded && effect !== "use";
    if (previous === undefined) {
      // A failed create leaves no trace of the resource: the retry that succeeds is its creation.
      if (effect === "create" && !succeeded) return undefined;
      this.#states.set(
        key,
        line * 4 + (changes ? (effect === opens ? CREATED : DELETED) : PRE_EXISTING),
      );
      return undefined;
    }
    const state = previous % 4;
    const since = (previous - state) / 4;
    const resource = `${resourceType} ${resourceId}`;
    if (state === DELETED) {
      if (changes && effect === opens) {
        this.#states.set(key, line * 4 + CREATED);
        return undefined;
      }
      return reversed
        ? {
            code: CheckCode.beforeCreate,
            message: `${traceName} uses ${resource} before it is created on line ${since}`,
          }
        : {
            code: CheckCode.afterDelete,
            message: `${traceName} uses ${resource} after it was deleted on line ${since}`,
          };
    }
    if (!changes) return undefined;
    if (effect !== opens) {
      this.#states.set(key, line * 4 + DELETED);
      return undefined;
    }
    if (state === PRE_EXISTING) {
      this.#states.set(key, line * 4 + CREATED);
      return reversed
        ? {
            code: CheckCode.afterDelete,
            message: `${traceName} deletes ${resource}, which is used after it on line ${since}`,
          }
        : {
            code: CheckCode.beforeCreate,
            message: `${traceName} creates ${resource}, which was already used on line ${since}`,
          };
    }
    return undefined; // a second create (or, reversed, delete) of a live resource changes nothing
  }
}
