import { LabelTracker } from "../trace/label-tracker.js";
import type { SessionBuilder } from "../workflows/session-builder.js";
import { agencyPrivilegeEscalation } from "./agency-privilege-escalation.js";
import { loginBruteForce } from "./login-brute-force.js";
import { massDeletion } from "./mass-deletion.js";
import { newIpAccessKey } from "./new-ip-access-key.js";
import { offHoursExport } from "./off-hours-export.js";
import type { Scenario } from "./scenario.js";
import { trackerTampering } from "./tracker-tampering.js";

/**
 * The labelled anomaly scenarios the generator can inject, by name (off by default); the names
 * are the keys, in the order help texts list them.
 */
export const SCENARIOS = {
  "mass-deletion": massDeletion,
  "off-hours-export": offHoursExport,
  "new-ip-access-key": newIpAccessKey,
  "login-brute-force": loginBruteForce,
  "agency-privilege-escalation": agencyPrivilegeEscalation,
  "tracker-tampering": trackerTampering,
} as const satisfies Record<string, Scenario>;

/** The name of a scenario: a key of {@link SCENARIOS}. */
export type ScenarioName = keyof typeof SCENARIOS;

/** Every scenario name, in registry order. */
export const SCENARIO_NAMES = Object.keys(SCENARIOS) as readonly ScenarioName[];

/**
 * Tells whether a string names a known scenario.
 *
 * @example
 * isScenarioName("mass-deletion"); // true
 */
export function isScenarioName(value: string): value is ScenarioName {
  return Object.hasOwn(SCENARIOS, value);
}

/** Plays one occurrence of a scenario in a session, labelling the traces it marks. */
export function runScenario(s: SessionBuilder, name: ScenarioName): void {
  const scenario: Scenario = SCENARIOS[name];
  scenario.play(s, (start) => {
    s.label = new LabelTracker({
      scenario: name,
      technique: scenario.technique,
      description: start.description,
      userId: start.userId,
      domainId: s.tenant.domainId,
    });
  });
  s.label = null;
}
