import { DetectError, DetectErrorCode } from "../detect-error.js";
import type { ScoreReport } from "./score-report.js";

/** Minimum recall and precision every scenario must reach (`--fail-under`). */
export interface Thresholds {
  readonly recall?: number;
  readonly precision?: number;
}

/**
 * Parses `recall=0.9,precision=0.8` (either or both, each in [0, 1]).
 *
 * Errors: `CTSIM_DETECT_INVALID_INPUT` naming the bad part.
 *
 * @example
 * parseThresholds("recall=1"); // { recall: 1 }
 */
export function parseThresholds(text: string): Thresholds {
  const thresholds: { recall?: number; precision?: number } = {};
  for (const part of text.split(",")) {
    const match = /^\s*(recall|precision)\s*=\s*([0-9.]+)\s*$/.exec(part);
    const value = Number(match?.[2]);
    if (match === null || !(value >= 0 && value <= 1))
      throw new DetectError(
        DetectErrorCode.invalidInput,
        `thresholds must look like recall=0.9,precision=0.8 (each 0 to 1); got "${part}"`,
      );
    thresholds[match[1] as "recall" | "precision"] = value;
  }
  return thresholds;
}

/**
 * The scenarios falling below the thresholds, one sentence each (empty when all pass). A
 * scenario without occurrences has no recall, one without alerts no precision: neither fails.
 */
export function checkThresholds(report: ScoreReport, thresholds: Thresholds): string[] {
  const failures: string[] = [];
  for (const s of report.scenarios) {
    if (thresholds.recall !== undefined && s.recall !== null && s.recall < thresholds.recall)
      failures.push(
        `${s.scenario}: recall ${s.recall.toFixed(3)} < ${thresholds.recall} (${s.missed} of ${s.occurrences} occurrences missed)`,
      );
    if (
      thresholds.precision !== undefined &&
      s.precision !== null &&
      s.precision < thresholds.precision
    )
      failures.push(
        `${s.scenario}: precision ${s.precision.toFixed(3)} < ${thresholds.precision} (${s.falsePositiveAlerts} of ${s.alerts} alerts false positives)`,
      );
  }
  return failures;
}
