import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DetectError, DetectErrorCode } from "../detect-error.js";
import { checkRuleModule } from "../rules/check-rule-module.js";
import type { DetectionRule } from "../rules/detection-rule.js";
import { loadSigmaRules } from "../sigma/load-sigma-rules.js";

/** The rule set shipped with the package: one Sigma rule per scenario plus a stateful example. */
export const EXAMPLE_RULES_DIR: string = resolve(
  new URL(".", import.meta.url).pathname,
  "../../rules",
);

/**
 * Loads every rule of a directory (not recursive), in file-name order: `*.yml`/`*.yaml` as one
 * Sigma collection (a correlation may reference a rule of another file), `*.mjs`/`*.js` as
 * stateful rule modules (default export: `{ id, title, scenarios?, create() }`). Other files
 * are ignored.
 *
 * Errors: `CTSIM_DETECT_UNSUPPORTED` / `CTSIM_DETECT_INVALID_RULE` naming the file;
 * `CTSIM_DETECT_INVALID_INPUT` when the directory cannot be read or holds no rule.
 *
 * @example
 * const rules = await loadRulesDir(EXAMPLE_RULES_DIR);
 */
export async function loadRulesDir(dir: string): Promise<DetectionRule[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (error) {
    throw new DetectError(
      DetectErrorCode.invalidInput,
      `cannot read rules directory ${dir}: ${(error as Error).message}`,
    );
  }
  const sigma = await Promise.all(
    names
      .filter((name) => /\.ya?ml$/.test(name))
      .map(async (name) => ({
        text: await readFile(join(dir, name), "utf8"),
        source: join(dir, name),
      })),
  );
  const rules = loadSigmaRules(sigma);
  for (const name of names.filter((n) => /\.m?js$/.test(n))) {
    const path = join(dir, name);
    let module: { default?: unknown };
    try {
      module = (await import(pathToFileURL(resolve(path)).href)) as { default?: unknown };
    } catch (error) {
      throw new DetectError(
        DetectErrorCode.invalidRule,
        `${path}: cannot load the rule module: ${(error as Error).message}`,
      );
    }
    rules.push(checkRuleModule(module.default, path));
  }
  if (rules.length === 0)
    throw new DetectError(
      DetectErrorCode.invalidInput,
      `${dir} holds no rule (*.yml, *.yaml, *.mjs or *.js)`,
    );
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id))
      throw new DetectError(
        DetectErrorCode.invalidRule,
        `${rule.source}: rule id ${rule.id} is used twice`,
      );
    ids.add(rule.id);
  }
  return rules;
}
