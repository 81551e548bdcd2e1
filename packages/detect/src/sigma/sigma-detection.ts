import { type CompileProblems, compileFieldItem, type TracePredicate } from "./field-item.js";
import { compileCondition } from "./sigma-condition.js";

/**
 * Compiles a rule's `detection` section: each search identifier is a map (AND across its
 * fields), a list of maps (OR), or a list of keywords (OR, searched in the trace's JSON text);
 * a field's list of values is an OR (AND with `|all`). The `condition` (a string, or a list of
 * strings joined by OR) combines the identifiers.
 *
 * Errors (through `problems`): a missing condition, an empty or malformed identifier, Sigma 1's
 * `timeframe`, and whatever a field item or the condition refuses.
 */
export function compileDetection(detection: unknown, problems: CompileProblems): TracePredicate {
  if (detection === null || typeof detection !== "object" || Array.isArray(detection))
    return problems.invalid("`detection` must be a map of search identifiers and a condition");
  const section = detection as Record<string, unknown>;
  if (Object.hasOwn(section, "timeframe"))
    problems.unsupported(
      "detection `timeframe`",
      "Sigma 1 aggregation windows are replaced by correlation rules (timespan)",
    );
  const selections = new Map<string, TracePredicate>();
  for (const [name, body] of Object.entries(section)) {
    if (name === "condition") continue;
    selections.set(name, compileIdentifier(name, body, problems));
  }
  const condition = section.condition;
  const conditions = Array.isArray(condition) ? condition : [condition];
  if (conditions.length === 0 || !conditions.every((c) => typeof c === "string" && c.trim() !== ""))
    return problems.invalid("`detection.condition` must be a string or a list of strings");
  const compiled = conditions.map((c) => compileCondition(c as string, selections, problems));
  if (compiled.length === 1) return compiled[0] as TracePredicate;
  return (trace) => compiled.some((p) => p(trace));
}

function compileIdentifier(name: string, body: unknown, problems: CompileProblems): TracePredicate {
  if (Array.isArray(body)) {
    if (body.length === 0) problems.invalid(`search identifier \`${name}\` is an empty list`);
    if (body.every((item) => item !== null && typeof item === "object" && !Array.isArray(item))) {
      const maps = body.map((item) => compileMap(name, item as Record<string, unknown>, problems));
      return (trace) => maps.some((p) => p(trace));
    }
    if (body.every((item) => item === null || typeof item !== "object"))
      return compileFieldItem("", body, problems);
    return problems.invalid(`search identifier \`${name}\` mixes maps and keywords in one list`);
  }
  if (body !== null && typeof body === "object")
    return compileMap(name, body as Record<string, unknown>, problems);
  if (typeof body === "string" || typeof body === "number")
    return compileFieldItem("", [body], problems);
  return problems.invalid(`search identifier \`${name}\` must be a map or a list`);
}

function compileMap(
  name: string,
  map: Record<string, unknown>,
  problems: CompileProblems,
): TracePredicate {
  const items = Object.entries(map).map(([key, value]) => compileFieldItem(key, value, problems));
  if (items.length === 0) problems.invalid(`search identifier \`${name}\` has an empty map`);
  if (items.length === 1) return items[0] as TracePredicate;
  return (trace) => {
    for (const item of items) if (!item(trace)) return false;
    return true;
  };
}
