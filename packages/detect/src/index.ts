// ── Rules ───────────────────────────────────────────────────────────────────
export type { Alert, DetectionRule, RuleRun } from "./rules/detection-rule.js";
export { checkRuleModule } from "./rules/check-rule-module.js";
export { loadSigmaRules, SCENARIO_TAG_PREFIX } from "./sigma/load-sigma-rules.js";
export type { SigmaSource } from "./sigma/load-sigma-rules.js";
export { REFUSED_MODIFIERS, SUPPORTED_MODIFIERS } from "./sigma/sigma-modifiers.js";

// ── Traces as rules read them ───────────────────────────────────────────────
export { TraceView } from "./trace/trace-view.js";

// ── Scoring ─────────────────────────────────────────────────────────────────
export { createScorer, score } from "./score/scorer.js";
export { scoreTimeline } from "./score/score-timeline.js";
export type { Scorer, ScorerOptions } from "./score/scorer.js";
export { readLabel } from "./score/score-label.js";
export type { ScoreLabel } from "./score/score-label.js";
export type {
  BenignHit,
  MissedOccurrence,
  RuleScore,
  ScenarioScore,
  ScoreReport,
} from "./score/score-report.js";
export { formatScoreReport } from "./score/format-score-report.js";
export { checkThresholds, parseThresholds } from "./score/fail-under.js";
export type { Thresholds } from "./score/fail-under.js";

// ── Errors ──────────────────────────────────────────────────────────────────
export { DetectError, DetectErrorCode } from "./detect-error.js";
