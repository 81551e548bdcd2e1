import type { ScenarioName } from "./scenarios/scenario-registry.js";

/**
 * Ground truth of one injected scenario occurrence (an attack or a benign look-alike): which
 * traces belong to it. Labels never appear inside traces; they go to `TimelineOptions.onLabel`
 * (and `ctsim generate --labels FILE`).
 */
export interface AnomalyLabel {
  /** Scenario name, e.g. `"mass-deletion"`. */
  readonly scenario: ScenarioName;
  /** The main MITRE ATT&CK technique (`techniques[0]`), e.g. `"T1485"` (Data Destruction). */
  readonly technique: string;
  /** Every ATT&CK technique the scenario imitates (a benign look-alike: the ones it resembles). */
  readonly techniques: readonly string[];
  /** `true` for a benign look-alike (a rule firing on it has found a false positive). */
  readonly benign: boolean;
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
