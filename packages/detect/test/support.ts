import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type DetectionRule, loadSigmaRules, TraceView } from "@ctsim/detect";

const FIXTURES = join(import.meta.dirname, "fixtures");

/** Loads one fixture file (path under test/fixtures) as a Sigma collection. */
export function loadFixture(path: string): DetectionRule[] {
  return loadSigmaRules([{ text: readFileSync(join(FIXTURES, path), "utf8"), source: path }]);
}

/** Loads Sigma rules from YAML text, named `inline.yml` in errors. */
export function loadText(text: string, source = "inline.yml"): DetectionRule[] {
  return loadSigmaRules([{ text, source }]);
}

let nextId = 0;

/** A record with a trace id and a time, as rules read it. */
export function event(fields: Record<string, unknown>, time = 0): TraceView {
  nextId++;
  return new TraceView({ trace_id: `t${nextId}`, time, ...fields });
}

/** Which of the given events one fresh run of the rule alerts on (by index). */
export function alertedIndexes(rule: DetectionRule, events: readonly TraceView[]): number[] {
  const run = rule.create();
  const hit = new Set<string>();
  for (const e of events)
    for (const alert of run.onTrace(e)) for (const id of alert.traceIds) hit.add(id);
  for (const alert of run.finish()) for (const id of alert.traceIds) hit.add(id);
  return events.flatMap((e, i) => (hit.has(e.traceId) ? [i] : []));
}

/** Whether a single-event rule matches one record. */
export function matches(rule: DetectionRule, fields: Record<string, unknown>): boolean {
  return alertedIndexes(rule, [event(fields)]).length === 1;
}
