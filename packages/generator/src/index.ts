// ── Options and results ─────────────────────────────────────────────────────
export type { AnomalyLabel } from "./anomaly-label.js";
export { isScenarioName, SCENARIO_NAMES } from "./scenarios/scenario-names.js";
export type { ScenarioName } from "./scenarios/scenario-names.js";
export type { ShardSpec, TimelineOptions } from "./timeline-options.js";
export type { TraceEvent } from "./trace-event.js";
