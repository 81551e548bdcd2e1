import {
  type AnomalyLabel,
  encodeApiTraceJson,
  generateTraces,
  type TimelineOptions,
} from "@ctsim/generator";
import type { DetectionRule } from "../rules/detection-rule.js";
import { TraceView } from "../trace/trace-view.js";
import { readLabel, type ScoreLabel } from "./score-label.js";
import type { ScoreReport } from "./score-report.js";
import { createScorer } from "./scorer.js";

/**
 * Generates a seeded timeline and scores rules over it, with the labels the generator reports:
 * the closed loop in one call, no files. Each trace reaches the rules as the NDJSON text
 * `ctsim generate` writes, parsed, so rules see what they would see in a file.
 *
 * @throws GeneratorError for timeline options that describe no timeline.
 * @example
 * const report = scoreTimeline({ rules, timeline: { seed: 7, scenarios: ["mass-deletion"] } });
 */
export function scoreTimeline(options: {
  readonly rules: readonly DetectionRule[];
  /** The timeline to generate (its `onLabel` is chained, not replaced). */
  readonly timeline: TimelineOptions;
}): ScoreReport {
  const labels: ScoreLabel[] = [];
  const onLabel = options.timeline.onLabel;
  const timeline: TimelineOptions = {
    ...options.timeline,
    onLabel: (label: AnomalyLabel) => {
      labels.push(readLabel(label, `generated label ${labels.length + 1}`));
      onLabel?.(label);
    },
  };
  const scorer = createScorer({ rules: options.rules });
  for (const trace of generateTraces(timeline))
    scorer.add(TraceView.fromLine(encodeApiTraceJson(trace)));
  return scorer.finish(labels);
}
