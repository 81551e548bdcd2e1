import { LabelTracker } from "../trace/label-tracker.js";
import type { SessionBuilder } from "../workflows/session-builder.js";
import { accessKeyNewCountry } from "./access-key-new-country.js";
import { adminOwnBucketExport } from "./admin-own-bucket-export.js";
import { agencyPrivilegeEscalation } from "./agency-privilege-escalation.js";
import { ciApiKeyRotation } from "./ci-api-key-rotation.js";
import { ciNightlyCleanup } from "./ci-nightly-cleanup.js";
import { datasetPoisoning } from "./dataset-poisoning.js";
import { foreignBucketExport } from "./foreign-bucket-export.js";
import { iamBruteForce } from "./iam-brute-force.js";
import { inferenceApiKeyHijack } from "./inference-api-key-hijack.js";
import { jobModelPurge } from "./job-model-purge.js";
import { loginBruteForce } from "./login-brute-force.js";
import { massDeletion } from "./mass-deletion.js";
import { newEmployeeFirstLogin } from "./new-employee-first-login.js";
import { newIpAccessKey } from "./new-ip-access-key.js";
import { notebookStartupBackdoor } from "./notebook-startup-backdoor.js";
import { notebookStartupSetup } from "./notebook-startup-setup.js";
import { notificationRemoval } from "./notification-removal.js";
import { oddHoursTraining } from "./odd-hours-training.js";
import { offHoursExport } from "./off-hours-export.js";
import type { Scenario } from "./scenario.js";
import { scheduledNightlyTraining } from "./scheduled-nightly-training.js";
import { trackerArchiveMove } from "./tracker-archive-move.js";
import { trackerObsRedirect } from "./tracker-obs-redirect.js";
import { trackerTampering } from "./tracker-tampering.js";

/**
 * The labelled scenarios the generator can inject, by name (off by default): attacks and their
 * benign look-alikes (`benign: true`). The names are the keys (each scenario's `id`), in the
 * order help texts list them; a name's place here does not affect what it generates (a run's
 * scenarios are scheduled by their place in the run's own list).
 */
export const SCENARIOS = {
  "mass-deletion": massDeletion,
  "off-hours-export": offHoursExport,
  "new-ip-access-key": newIpAccessKey,
  "login-brute-force": loginBruteForce,
  "agency-privilege-escalation": agencyPrivilegeEscalation,
  "tracker-tampering": trackerTampering,
  // ModelArts techniques
  "notebook-startup-backdoor": notebookStartupBackdoor,
  "dataset-poisoning": datasetPoisoning,
  "foreign-bucket-export": foreignBucketExport,
  "inference-api-key-hijack": inferenceApiKeyHijack,
  "odd-hours-training": oddHoursTraining,
  "job-model-purge": jobModelPurge,
  // Identity
  "iam-brute-force": iamBruteForce,
  "access-key-new-country": accessKeyNewCountry,
  // Audit-trail evasion
  "tracker-obs-redirect": trackerObsRedirect,
  "notification-removal": notificationRemoval,
  // Benign look-alikes
  "ci-nightly-cleanup": ciNightlyCleanup,
  "admin-own-bucket-export": adminOwnBucketExport,
  "new-employee-first-login": newEmployeeFirstLogin,
  "notebook-startup-setup": notebookStartupSetup,
  "ci-api-key-rotation": ciApiKeyRotation,
  "scheduled-nightly-training": scheduledNightlyTraining,
  "tracker-archive-move": trackerArchiveMove,
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

/** What a scenario is, without its behaviour (for docs, help and scorers). */
export interface ScenarioInfo {
  readonly id: ScenarioName;
  readonly description: string;
  readonly techniques: readonly string[];
  readonly benign: boolean;
}

/**
 * The id, description, ATT&CK techniques and `benign` flag of a scenario.
 *
 * @example
 * scenarioInfo("ci-nightly-cleanup").benign; // true
 */
export function scenarioInfo(name: ScenarioName): ScenarioInfo {
  const { description, techniques, benign } = SCENARIOS[name];
  return { id: name, description, techniques, benign };
}

/** Plays one occurrence of a scenario in a session, labelling the traces it marks. */
export function runScenario(s: SessionBuilder, name: ScenarioName): void {
  const scenario: Scenario = SCENARIOS[name];
  scenario.play(s, (start) => {
    s.label = new LabelTracker({
      scenario: name,
      technique: scenario.techniques[0],
      techniques: scenario.techniques,
      benign: scenario.benign,
      description: start.description,
      userId: start.userId,
      domainId: s.tenant.domainId,
    });
  });
  s.label = null;
}
