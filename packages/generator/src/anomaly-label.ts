import type { ScenarioName } from "./scenarios/scenario-registry.js";

/**
 * Ground truth of one injected anomaly: which traces belong to it. Labels never appear inside
 * traces; they go to `TimelineOptions.onLabel` (and `ctsim generate --labels FILE`).
 */
export interface AnomalyLabel {
  /** Scenario name, e.g. `"mass-deletion"`. */
  readonly scenario: ScenarioName;
  /** MITRE ATT&CK technique the scenario imitates, e.g. `"T1485"` (Data Destruction). */
  readonly technique: string;
  /** One sentence describing what happened. */
  readonly description: string;
  /** Account (domain) id of the tenant it happened in. */
  readonly domainId: string;
  /** The acting user's id, or `null` when the actor is unknown. */
  readonly userId: string | null;
  /** `trace_id` of every trace of the anomaly, in time order. */
  readonly traceIds: readonly string[];
  /** `time` of the first trace, epoch ms. */
  readonly from: number;
  /** `time` of the last trace, epoch ms. */
  readonly to: number;
}
