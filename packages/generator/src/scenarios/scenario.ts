import type { SessionBuilder } from "../workflows/session-builder.js";

/** What a scenario tells about its occurrence when the labelled part begins. */
export interface LabelStart {
  /** One sentence describing what happened. */
  readonly description: string;
  /** The acting user's id, or `null` when the actor is unknown. */
  readonly userId: string | null;
}

/**
 * One labelled scenario the generator can inject: an attack, or a benign look-alike of one
 * (labelled too, so a rule that fires on it counts a false positive). A scenario plays one
 * occurrence into a session and calls `label` where its labelled traces begin; the labels carry
 * the scenario's id, techniques and `benign`. Adding a scenario is one file exporting a
 * `Scenario` and one line in the registry.
 */
export interface Scenario {
  /** Its name in the registry (`SCENARIOS`), e.g. `"mass-deletion"`. */
  readonly id: string;
  /** One sentence: what happens (docs, help, labels' default). */
  readonly description: string;
  /**
   * MITRE ATT&CK techniques it imitates, main one first, e.g. `["T1485"]` (Data Destruction);
   * a benign look-alike lists the techniques it resembles.
   */
  readonly techniques: readonly [string, ...string[]];
  /** Whether it is a benign look-alike (legitimate work that resembles an attack). */
  readonly benign: boolean;
  /** Plays one occurrence into `s`; `label` marks where the labelled traces begin. */
  play(s: SessionBuilder, label: (start: LabelStart) => void): void;
}
