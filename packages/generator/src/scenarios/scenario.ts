import type { SessionBuilder } from "../workflows/session-builder.js";

/** What a scenario tells about its anomaly when the labelled part begins. */
export interface LabelStart {
  /** One sentence describing what happened. */
  readonly description: string;
  /** The acting user's id, or `null` when the actor is unknown. */
  readonly userId: string | null;
}

/**
 * One labelled anomaly the generator can inject. A scenario plays one occurrence into a
 * session and calls `label` where its labelled traces begin; the labels carry the scenario's
 * name (its key in `SCENARIOS`) and technique. Adding a scenario is one file exporting a
 * `Scenario` and one line in the registry.
 */
export interface Scenario {
  /** MITRE ATT&CK technique the scenario imitates, e.g. `"T1485"` (Data Destruction). */
  readonly technique: string;
  /** One sentence: what happens (docs and help). */
  readonly summary: string;
  /** Plays one occurrence into `s`; `label` marks where the labelled traces begin. */
  play(s: SessionBuilder, label: (start: LabelStart) => void): void;
}
