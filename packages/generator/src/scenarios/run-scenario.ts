import type { SessionBuilder } from "../workflows/session-builder.js";
import { massDeletion, offHoursExport, trackerTampering } from "./destructive-scenarios.js";
import {
  agencyPrivilegeEscalation,
  loginBruteForce,
  newIpAccessKey,
} from "./identity-scenarios.js";
import type { ScenarioName } from "./scenario-names.js";

const SCENARIOS: Readonly<Record<ScenarioName, (s: SessionBuilder) => void>> = {
  "mass-deletion": massDeletion,
  "off-hours-export": offHoursExport,
  "new-ip-access-key": newIpAccessKey,
  "login-brute-force": loginBruteForce,
  "agency-privilege-escalation": agencyPrivilegeEscalation,
  "tracker-tampering": trackerTampering,
};

/** Runs one occurrence of an anomaly scenario in a session. */
export function runScenario(s: SessionBuilder, name: ScenarioName): void {
  SCENARIOS[name](s);
}
