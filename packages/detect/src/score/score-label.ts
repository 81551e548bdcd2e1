import { DetectError, DetectErrorCode } from "../detect-error.js";

/**
 * One ground-truth label as the scorer reads it: the generator's `AnomalyLabel`, with the
 * fields newer generators add filled in for older label files (`benign: false`,
 * `techniques: [technique]`).
 */
export interface ScoreLabel {
  readonly scenario: string;
  readonly technique: string;
  readonly techniques: readonly string[];
  /** A benign look-alike (alerts on it are false positives), not an attack. */
  readonly benign: boolean;
  readonly description: string;
  readonly traceIds: readonly string[];
  /** `time` of the first trace, epoch ms. */
  readonly from: number;
  readonly to: number;
}

/**
 * Reads one label record (a parsed NDJSON line).
 *
 * Errors: `CTSIM_DETECT_INVALID_INPUT` naming `where` and the missing field.
 */
export function readLabel(raw: unknown, where: string): ScoreLabel {
  const fail = (what: string): never => {
    throw new DetectError(DetectErrorCode.invalidInput, `${where}: not an anomaly label: ${what}`);
  };
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return fail("not an object");
  const l = raw as Record<string, unknown>;
  if (typeof l.scenario !== "string" || l.scenario === "") return fail("no `scenario`");
  if (!Array.isArray(l.traceIds) || !l.traceIds.every((id) => typeof id === "string"))
    return fail("`traceIds` must be a list of trace ids");
  if (typeof l.from !== "number" || typeof l.to !== "number") return fail("no `from`/`to` times");
  const technique = typeof l.technique === "string" ? l.technique : "";
  const techniques =
    Array.isArray(l.techniques) && l.techniques.every((t) => typeof t === "string")
      ? (l.techniques as string[])
      : technique === ""
        ? []
        : [technique];
  return {
    scenario: l.scenario,
    technique,
    techniques,
    benign: l.benign === true,
    description: typeof l.description === "string" ? l.description : "",
    traceIds: l.traceIds as string[],
    from: l.from,
    to: l.to,
  };
}
