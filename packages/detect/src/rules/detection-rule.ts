import type { TraceView } from "../trace/trace-view.js";

/** What a rule raises: the traces it flags, and when (the `time` of the trace that raised it). */
export interface Alert {
  /** `trace_id` of every trace the alert covers (at least one). */
  readonly traceIds: readonly string[];
  /** `time` (epoch ms) of the trace whose arrival raised the alert. */
  readonly time: number;
}

/** One run of a rule over one stream of traces, in time order. */
export interface RuleRun {
  /** Reads the next trace; returns the alerts it raises (often none). */
  onTrace(trace: TraceView): readonly Alert[];
  /** The stream has ended: returns the alerts still pending (windows closing), if any. */
  finish(): readonly Alert[];
}

/**
 * A detection rule: a Sigma rule compiled by `loadSigmaRules`, or a plain JS/TS module (a
 * stateful rule) exporting this shape as its default export. `create` starts a fresh run, so one
 * rule can score several corpora without state leaking between them.
 *
 * @example
 * export default {
 *   id: "every-delete", title: "Every deletion", scenarios: ["mass-deletion"],
 *   create: () => ({
 *     onTrace: (t) => String(t.record.trace_name).startsWith("delete") ? [{ traceIds: [t.traceId], time: t.time }] : [],
 *     finish: () => [],
 *   }),
 * };
 */
export interface DetectionRule {
  /** Unique id (a Sigma rule's `name`, else its `id`, else its file name). */
  readonly id: string;
  /** One line: what it detects. */
  readonly title: string;
  /**
   * Scenario ids this rule is written for (Sigma: tags `ctsim.scenario.<id>`). Empty: the rule
   * counts for every scenario.
   */
  readonly scenarios: readonly string[];
  /** Where the rule came from (a file path), for messages. Default: none. */
  readonly source?: string;
  /** Starts a fresh run of the rule. */
  create(): RuleRun;
}
