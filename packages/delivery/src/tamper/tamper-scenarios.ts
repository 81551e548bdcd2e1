import type { VerifyReason } from "../verify/verify-report.js";

/**
 * Tamper scenarios: what an attacker does to a delivered bucket after CTS wrote it, each with the
 * failure `verify` must report (the names are the keys). ctsim applies them after writing and
 * labels each in the ground-truth stream.
 */
export const TAMPER_SCENARIOS = {
  "tamper-delete-file": {
    description: "a trace file listed in a digest is deleted",
    reason: "file-missing",
  },
  "tamper-alter-file": {
    description: "a record inside a trace file is altered (its source_ip changed)",
    reason: "file-hash-mismatch",
  },
  "tamper-alter-digest": {
    description:
      "a digest is rewritten with one listed trace file removed, keeping its old signature",
    reason: "signature-invalid",
  },
  "tamper-break-chain": {
    description: "a digest inside a chain is deleted with its signature",
    reason: "chain-previous-missing",
  },
  "tamper-foreign-key": {
    description: "the last digest of a chain is re-signed with a key that is not the tracker's",
    reason: "signature-invalid",
  },
} as const satisfies Record<string, { description: string; reason: VerifyReason }>;

/** The name of a tamper scenario: a key of {@link TAMPER_SCENARIOS}. */
export type TamperScenarioName = keyof typeof TAMPER_SCENARIOS;

/** Every tamper scenario name, in registry order. */
export const TAMPER_SCENARIO_NAMES = Object.keys(TAMPER_SCENARIOS) as readonly TamperScenarioName[];

/**
 * Tells whether a string names a tamper scenario.
 *
 * @example isTamperScenarioName("tamper-delete-file"); // true
 */
export function isTamperScenarioName(value: string): value is TamperScenarioName {
  return Object.hasOwn(TAMPER_SCENARIOS, value);
}

/**
 * Ground truth of one tamper scenario applied to a delivery: what was done to which object, and
 * the failure `verify` must report for it. Like anomaly labels, it never appears in the delivery.
 */
export interface TamperLabel {
  readonly scenario: TamperScenarioName;
  /** One sentence: what was done. */
  readonly description: string;
  /** The object tampered with (deleted, altered or re-signed). */
  readonly object: string;
  /** The failure verify must report: the object it names and the reason. */
  readonly expect: { readonly path: string; readonly reason: VerifyReason };
}
