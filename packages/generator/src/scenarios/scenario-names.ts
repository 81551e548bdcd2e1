/**
 * Labelled anomaly scenarios the generator can inject, by name. Off by default.
 *
 * - `mass-deletion`: one user deletes many resources of several kinds within minutes.
 * - `off-hours-export`: a dataset export at night or on a weekend, from an unusual IP.
 * - `new-ip-access-key`: an access key is created, then used from an IP never seen before.
 * - `login-brute-force`: many failed labeling-console logins for one worker, then a success.
 * - `agency-privilege-escalation`: a user creates an IAM agency and acts through it.
 * - `tracker-tampering`: CTS's own traces: the system tracker is disabled and deleted.
 */
export const SCENARIO_NAMES = [
  "mass-deletion",
  "off-hours-export",
  "new-ip-access-key",
  "login-brute-force",
  "agency-privilege-escalation",
  "tracker-tampering",
] as const;

/** One of {@link SCENARIO_NAMES}. */
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/**
 * Tells whether a string names a known scenario.
 *
 * @example
 * isScenarioName("mass-deletion"); // true
 */
export function isScenarioName(value: string): value is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(value);
}
