import { DetectError, DetectErrorCode } from "../detect-error.js";
import type { DetectionRule } from "./detection-rule.js";

/**
 * Checks that a loaded JS module's default export is a {@link DetectionRule} (id, title,
 * scenarios, create) and returns it with its source set.
 *
 * Errors: `CTSIM_DETECT_INVALID_RULE` naming the file and the missing or wrong member.
 */
export function checkRuleModule(exported: unknown, source: string): DetectionRule {
  const fail = (what: string): never => {
    throw new DetectError(
      DetectErrorCode.invalidRule,
      `${source}: a stateful rule module must default-export { id, title, scenarios?, create() }: ${what}`,
    );
  };
  if (exported === null || typeof exported !== "object") return fail("no default export object");
  const rule = exported as Record<string, unknown>;
  if (typeof rule.id !== "string" || rule.id === "") return fail("`id` must be a non-empty string");
  if (typeof rule.title !== "string") return fail("`title` must be a string");
  if (typeof rule.create !== "function") return fail("`create` must be a function");
  const scenarios = rule.scenarios ?? [];
  if (!Array.isArray(scenarios) || !scenarios.every((s) => typeof s === "string"))
    return fail("`scenarios` must be an array of scenario ids");
  const create = rule.create as DetectionRule["create"];
  return {
    id: rule.id,
    title: rule.title,
    scenarios: scenarios as string[],
    source,
    create: () => {
      const run = create.call(rule);
      if (typeof run?.onTrace !== "function" || typeof run?.finish !== "function")
        fail("`create()` must return { onTrace(trace), finish() }");
      return run;
    },
  };
}
