import { parseAllDocuments } from "yaml";
import { DetectError, DetectErrorCode } from "../detect-error.js";
import type { Alert, DetectionRule } from "../rules/detection-rule.js";
import type { CompileProblems, TracePredicate } from "./field-item.js";
import { type CorrelationSpec, type CountCondition, runCorrelation } from "./sigma-correlation.js";
import { compileDetection } from "./sigma-detection.js";

/** One Sigma YAML file: its text and where it came from (named in every error). */
export interface SigmaSource {
  readonly text: string;
  /** File path or any name that tells the reader where the rule is. */
  readonly source: string;
}

/** Tag that maps a rule to a scenario: `ctsim.scenario.<scenario-id>`. */
export const SCENARIO_TAG_PREFIX = "ctsim.scenario.";

const SUPPORTED_CORRELATIONS = ["event_count", "value_count"] as const;
const REFUSED_CORRELATIONS: Record<string, string> = {
  temporal: "temporal proximity of several rules is not supported",
  temporal_ordered: "ordered temporal proximity is not supported",
};
const TIMESPAN_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

interface BaseRule {
  /** The rule's `name`, else its `id`, else its file name. */
  readonly id: string;
  /** The Sigma `id` when a `name` took its place as the rule's id. */
  readonly uuid: string | undefined;
  readonly title: string;
  readonly scenarios: readonly string[];
  readonly source: string;
  readonly predicate: TracePredicate;
}

interface PendingCorrelation {
  readonly doc: Record<string, unknown>;
  readonly meta: Omit<BaseRule, "predicate">;
  readonly problems: CompileProblems;
}

/**
 * Loads Sigma rules (multi-document YAML; several files form one collection, so a correlation
 * may reference a rule of another file by `id` or `name`). Returns the rules that alert: every
 * detection rule not referenced by a correlation, and every correlation (`generate: true` on a
 * correlation keeps its referenced rules alerting too).
 *
 * Errors: `CTSIM_DETECT_UNSUPPORTED` for a construct outside the subset (naming the construct
 * and the file), `CTSIM_DETECT_INVALID_RULE` for a malformed rule.
 *
 * @example
 * const rules = loadSigmaRules([{ text: readFileSync("rules/mass-deletion.yml", "utf8"), source: "mass-deletion.yml" }]);
 */
export function loadSigmaRules(files: readonly SigmaSource[]): DetectionRule[] {
  const bases: BaseRule[] = [];
  const correlations: PendingCorrelation[] = [];
  for (const file of files) {
    const documents = parseAllDocuments(file.text);
    const list = Array.isArray(documents) ? documents : [documents];
    list.forEach((document, index) => {
      const where = list.length > 1 ? `${file.source} (document ${index + 1})` : file.source;
      const problems = problemsAt(where);
      if (document.errors.length > 0)
        problems.invalid(`not valid YAML: ${document.errors[0]?.message ?? "parse error"}`);
      const doc = document.toJS() as unknown;
      if (doc === null || typeof doc !== "object" || Array.isArray(doc))
        problems.invalid("a Sigma rule must be a YAML map");
      const rule = doc as Record<string, unknown>;
      const meta = metadata(rule, file.source, index, problems);
      if (Object.hasOwn(rule, "action"))
        problems.unsupported("`action` (Sigma 1 rule collections)", "write one rule per document");
      if (Object.hasOwn(rule, "filter"))
        problems.unsupported("Sigma filter rules", "fold the filter into the rule's condition");
      if (Object.hasOwn(rule, "correlation")) correlations.push({ doc: rule, meta, problems });
      else if (Object.hasOwn(rule, "detection"))
        bases.push({ ...meta, predicate: compileDetection(rule.detection, problems) });
      else problems.invalid("a Sigma rule needs a `detection` or a `correlation` section");
    });
  }
  const byRef = new Map<string, BaseRule>();
  for (const base of bases) {
    byRef.set(base.id, base);
    if (base.uuid !== undefined) byRef.set(base.uuid, base);
  }
  const referenced = new Set<BaseRule>();
  const correlationRules = correlations.map(({ doc, meta, problems }) => {
    const { spec, generate, refs } = compileCorrelation(
      doc.correlation,
      byRef,
      correlations,
      problems,
    );
    if (!generate) for (const ref of refs) referenced.add(ref);
    return correlationRule(meta, spec);
  });
  const detectionRules = bases.filter((base) => !referenced.has(base)).map(singleEventRule);
  const rules = [...detectionRules, ...correlationRules];
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

function problemsAt(where: string): CompileProblems {
  return {
    unsupported(construct, why) {
      throw new DetectError(
        DetectErrorCode.unsupported,
        `${where}: unsupported Sigma construct ${construct}: ${why}`,
      );
    },
    invalid(what) {
      throw new DetectError(DetectErrorCode.invalidRule, `${where}: ${what}`);
    },
  };
}

function metadata(
  rule: Record<string, unknown>,
  source: string,
  index: number,
  problems: CompileProblems,
): Omit<BaseRule, "predicate"> {
  const name = typeof rule.name === "string" ? rule.name : undefined;
  const fileName = source.split(/[\\/]/).pop() ?? source;
  const fallback = index === 0 ? fileName.replace(/\.ya?ml$/, "") : `${fileName}#${index + 1}`;
  // The human-readable `name` first: it is what correlations and reports refer to.
  const id = name ?? (typeof rule.id === "string" ? rule.id : fallback);
  const tags = rule.tags ?? [];
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === "string"))
    problems.invalid("`tags` must be a list of strings");
  const scenarios = (tags as string[])
    .filter((tag) => tag.startsWith(SCENARIO_TAG_PREFIX))
    .map((tag) => tag.slice(SCENARIO_TAG_PREFIX.length));
  const title = typeof rule.title === "string" ? rule.title : id;
  const uuid = typeof rule.id === "string" && rule.id !== id ? rule.id : undefined;
  return { id, uuid, title, scenarios, source };
}

function compileCorrelation(
  section: unknown,
  byRef: ReadonlyMap<string, BaseRule>,
  correlations: readonly PendingCorrelation[],
  problems: CompileProblems,
): { spec: CorrelationSpec; generate: boolean; refs: BaseRule[] } {
  if (section === null || typeof section !== "object" || Array.isArray(section))
    return problems.invalid("`correlation` must be a map");
  const c = section as Record<string, unknown>;
  const type = String(c.type);
  if (Object.hasOwn(REFUSED_CORRELATIONS, type))
    problems.unsupported(`correlation type ${type}`, REFUSED_CORRELATIONS[type] as string);
  if (!(SUPPORTED_CORRELATIONS as readonly string[]).includes(type))
    problems.unsupported(`correlation type ${type}`, "unknown correlation type");
  if (Object.hasOwn(c, "aliases"))
    problems.unsupported("correlation `aliases`", "group-by reads the same fields in every rule");
  const ruleRefs = Array.isArray(c.rules) ? c.rules : [c.rules];
  if (ruleRefs.length === 0 || !ruleRefs.every((r) => typeof r === "string"))
    problems.invalid("`correlation.rules` must list rule ids or names");
  const refs = (ruleRefs as string[]).map((ref) => {
    const base = byRef.get(ref);
    if (base !== undefined) return base;
    if (correlations.some(({ meta }) => meta.id === ref || meta.uuid === ref))
      return problems.unsupported(
        `correlation of correlation ${ref}`,
        "chained correlations are not supported",
      );
    return problems.invalid(`correlation references rule ${ref}, which no loaded file defines`);
  });
  const groupBy = c["group-by"] ?? [];
  if (!Array.isArray(groupBy) || !groupBy.every((g) => typeof g === "string"))
    problems.invalid("`correlation.group-by` must be a list of field names");
  const timespan = /^(\d+)([smhd])$/.exec(String(c.timespan ?? ""));
  if (timespan === null)
    return problems.invalid("`correlation.timespan` must be a number and s, m, h or d (e.g. 10m)");
  const condition = c.condition;
  if (condition === null || typeof condition !== "object" || Array.isArray(condition))
    return problems.invalid("`correlation.condition` must be a map such as { gte: 10 }");
  const bounds: { gt?: number; gte?: number } = {};
  let field: string[] | undefined;
  for (const [op, value] of Object.entries(condition)) {
    if (op === "field" && type === "value_count" && typeof value === "string")
      field = value.split(".");
    else if (op === "lt" || op === "lte" || op === "eq")
      problems.unsupported(
        `correlation condition ${op}`,
        "upper bounds need closed windows; only gt and gte are supported",
      );
    else if ((op === "gt" || op === "gte") && typeof value === "number") bounds[op] = value;
    else problems.invalid(`correlation condition \`${op}: ${String(value)}\` is not understood`);
  }
  if (bounds.gt === undefined && bounds.gte === undefined)
    problems.invalid("`correlation.condition` needs gt or gte");
  if (type === "value_count" && field === undefined)
    problems.invalid("a value_count correlation needs `condition.field`");
  const spec: CorrelationSpec = {
    type: type as CorrelationSpec["type"],
    bases: refs.map((ref) => ref.predicate),
    groupBy: (groupBy as string[]).map((g) => g.split(".")),
    timespanMs: Number(timespan[1]) * (TIMESPAN_UNITS[timespan[2] as string] as number),
    condition: bounds as CountCondition,
    ...(field === undefined ? {} : { field }),
  };
  return { spec, generate: c.generate === true, refs };
}

function singleEventRule(base: BaseRule): DetectionRule {
  const { predicate, uuid: _uuid, ...meta } = base;
  return {
    ...meta,
    create: () => ({
      onTrace: (trace): readonly Alert[] =>
        predicate(trace) ? [{ traceIds: [trace.traceId], time: trace.time }] : [],
      finish: () => [],
    }),
  };
}

function correlationRule(meta: Omit<BaseRule, "predicate">, spec: CorrelationSpec): DetectionRule {
  const { uuid: _uuid, ...rest } = meta;
  return { ...rest, create: () => runCorrelation(spec) };
}
