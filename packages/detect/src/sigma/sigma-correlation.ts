import type { Alert, RuleRun } from "../rules/detection-rule.js";
import type { TraceView } from "../trace/trace-view.js";
import type { TracePredicate } from "./field-item.js";

/** A correlation's threshold: every bound given must hold (`gt: 5, gte: 8` → both). */
export interface CountCondition {
  readonly gt?: number;
  readonly gte?: number;
}

/** A compiled `event_count` or `value_count` correlation over base rules' matches. */
export interface CorrelationSpec {
  readonly type: "event_count" | "value_count";
  /** Predicates of the referenced rules: a trace matching any of them is an event. */
  readonly bases: readonly TracePredicate[];
  /** Field paths (split on dots) whose values form the group key. */
  readonly groupBy: readonly (readonly string[])[];
  readonly timespanMs: number;
  readonly condition: CountCondition;
  /** `value_count` only: the field whose distinct values are counted. */
  readonly field?: readonly string[];
}

interface WindowEvent {
  readonly time: number;
  readonly traceId: string;
  readonly value: string | undefined;
}

interface Group {
  events: WindowEvent[];
  firing: boolean;
}

/**
 * Runs a correlation over traces in time order: per group, a sliding window of the events of
 * the last `timespan` (an event `timespan` or less before the newest stays in). When a new event
 * makes the count satisfy the condition, the alert covers every event in the window; while the
 * condition keeps holding, each further event raises an alert covering itself alone, so one
 * burst is one alert plus its tail, not one alert per window.
 */
export function runCorrelation(spec: CorrelationSpec): RuleRun {
  const groups = new Map<string, Group>();
  return {
    onTrace(trace: TraceView): readonly Alert[] {
      if (!spec.bases.some((base) => base(trace))) return [];
      const key = JSON.stringify(spec.groupBy.map((path) => firstText(trace, path) ?? null));
      let group = groups.get(key);
      if (group === undefined) {
        group = { events: [], firing: false };
        groups.set(key, group);
      }
      const time = trace.time;
      const value = spec.field === undefined ? undefined : firstText(trace, spec.field);
      group.events.push({ time, traceId: trace.traceId, value });
      let drop = 0;
      while (
        drop < group.events.length &&
        time - (group.events[drop] as WindowEvent).time > spec.timespanMs
      )
        drop++;
      if (drop > 0) group.events.splice(0, drop);
      const count =
        spec.type === "event_count" ? group.events.length : distinctValues(group.events);
      if (!satisfies(spec.condition, count)) {
        group.firing = false;
        return [];
      }
      const traceIds = group.firing ? [trace.traceId] : group.events.map((e) => e.traceId);
      group.firing = true;
      return [{ traceIds, time }];
    },
    finish: () => [],
  };
}

function satisfies(condition: CountCondition, count: number): boolean {
  return (
    (condition.gt === undefined || count > condition.gt) &&
    (condition.gte === undefined || count >= condition.gte)
  );
}

function distinctValues(events: readonly WindowEvent[]): number {
  const seen = new Set<string>();
  for (const event of events) if (event.value !== undefined) seen.add(event.value);
  return seen.size;
}

function firstText(trace: TraceView, path: readonly string[]): string | undefined {
  for (const value of trace.values(path)) {
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
  }
  return undefined;
}
