/** Alerts of one rule on the traces of one benign look-alike: false positives, by trace id. */
export interface BenignHit {
  readonly rule: string;
  /** Scenario id of the benign look-alike. */
  readonly lookAlike: string;
  readonly traceIds: readonly string[];
}

/** An occurrence no rule of its scenario alerted on. */
export interface MissedOccurrence {
  readonly description: string;
  readonly from: number;
  readonly firstTraceId: string;
}

/** Scores of one scenario: occurrences (labels) for recall, its rules' alerts for precision. */
export interface ScenarioScore {
  readonly scenario: string;
  /** ATT&CK techniques of its labels. */
  readonly techniques: readonly string[];
  /** Rules counted for it (tagged `ctsim.scenario.<id>`, or untagged). */
  readonly rules: readonly string[];
  readonly occurrences: number;
  /** Occurrences an alert of its rules covered (true positives). */
  readonly detected: number;
  /** Occurrences no alert covered (false negatives). */
  readonly missed: number;
  readonly alerts: number;
  /** Alerts covering at least one trace of a malicious label (any scenario). */
  readonly truePositiveAlerts: number;
  /** Alerts covering no malicious trace. */
  readonly falsePositiveAlerts: number;
  /** `truePositiveAlerts / alerts`; `null` without alerts. */
  readonly precision: number | null;
  /** `detected / occurrences`; `null` without occurrences. */
  readonly recall: number | null;
  /** Time to detect per detected occurrence (first covering alert's time − label.from), ms. */
  readonly timeToDetectMs: { readonly mean: number; readonly max: number } | null;
  readonly missedOccurrences: readonly MissedOccurrence[];
  /** False positives on benign look-alikes, by rule and look-alike. */
  readonly benignFalsePositives: readonly BenignHit[];
  /** False positives on unlabelled traces: how many alerts, and the first trace ids. */
  readonly otherFalsePositives: {
    readonly alerts: number;
    readonly sampleTraceIds: readonly string[];
  };
}

/** Counts of one rule over the whole corpus. */
export interface RuleScore {
  readonly id: string;
  readonly title: string;
  readonly source: string | null;
  readonly scenarios: readonly string[];
  readonly alerts: number;
  readonly truePositiveAlerts: number;
  readonly falsePositiveAlerts: number;
  /** False-positive alerts that fell on benign look-alikes. */
  readonly benignAlerts: number;
  /** Malicious occurrences (of any scenario) its alerts covered. */
  readonly occurrencesCovered: number;
}

/** The scorer's report: deterministic for the same traces (in the same order), rules and labels. */
export interface ScoreReport {
  readonly traces: number;
  readonly labels: { readonly malicious: number; readonly benign: number };
  /** One row per scenario (of malicious labels or rule tags), sorted by id. */
  readonly scenarios: readonly ScenarioScore[];
  /** One row per rule, sorted by id. */
  readonly rules: readonly RuleScore[];
  readonly totals: {
    readonly occurrences: number;
    readonly detected: number;
    readonly alerts: number;
    readonly truePositiveAlerts: number;
    readonly precision: number | null;
    readonly recall: number | null;
  };
}
