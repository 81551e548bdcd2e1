import type { Alert, DetectionRule } from "../rules/detection-rule.js";
import { TraceView } from "../trace/trace-view.js";
import type { ScoreLabel } from "./score-label.js";
import type { BenignHit, RuleScore, ScenarioScore, ScoreReport } from "./score-report.js";

/** False-positive trace ids kept per scenario as a sample (the count is always exact). */
const SAMPLE_SIZE = 10;

/** Inputs of {@link createScorer}. */
export interface ScorerOptions {
  /** The rules to run (loaded Sigma rules and stateful modules). */
  readonly rules: readonly DetectionRule[];
  /**
   * Ground truth: malicious occurrences and benign look-alikes. More can be passed to
   * `finish` (labels a generator reports while it runs). Default: none.
   */
  readonly labels?: readonly ScoreLabel[];
}

/** A scoring run: feed traces in time order, then take the report. */
export interface Scorer {
  /** Runs every rule over one trace (a view, a parsed record or an NDJSON line). */
  add(trace: TraceView | Readonly<Record<string, unknown>> | string): void;
  /**
   * Ends the stream (rules flush pending alerts) and returns the report, scoring the alerts
   * against the labels given to `createScorer` and `moreLabels`.
   */
  finish(moreLabels?: readonly ScoreLabel[]): ScoreReport;
}

interface RuleState {
  readonly rule: DetectionRule;
  alerts: number;
  tp: number;
  fp: number;
  benign: number;
  readonly covered: Set<number>;
}

interface ScenarioState {
  readonly occurrences: number[];
  readonly rules: RuleState[];
  alerts: number;
  tp: number;
  fp: number;
  /** Occurrence index → earliest covering alert time. */
  readonly detectedAt: Map<number, number>;
  readonly benignHits: Map<string, Set<string>>;
  otherFp: number;
  readonly sample: string[];
}

/**
 * Starts a scoring run. An alert covers an occurrence (label) when one of its trace ids is one
 * of the label's; an occurrence of scenario S is detected when an alert of one of S's rules
 * covers it. An alert is a true positive when it covers any malicious trace, else a false
 * positive (listed by trace id when it fell on a benign look-alike).
 *
 * @example
 * const scorer = createScorer({ rules, labels });
 * for (const line of lines) scorer.add(line);
 * const report = scorer.finish();
 */
export function createScorer(options: ScorerOptions): Scorer {
  const runs = options.rules.map((rule) => ({ rule, run: rule.create() }));
  // Alerts are kept (rule index, alert) and scored at the end, so labels may arrive late.
  const raised: { rule: number; alert: Alert }[] = [];
  let traces = 0;
  return {
    add(trace) {
      const view =
        trace instanceof TraceView
          ? trace
          : typeof trace === "string"
            ? TraceView.fromLine(trace)
            : new TraceView(trace);
      traces++;
      for (let rule = 0; rule < runs.length; rule++)
        for (const alert of (runs[rule] as (typeof runs)[number]).run.onTrace(view))
          raised.push({ rule, alert });
    },
    finish(moreLabels = []) {
      for (let rule = 0; rule < runs.length; rule++)
        for (const alert of (runs[rule] as (typeof runs)[number]).run.finish())
          raised.push({ rule, alert });
      const labels = [...(options.labels ?? []), ...moreLabels];
      const tally = createTally(options.rules, labels);
      for (const { rule, alert } of raised) tally.record(rule, alert);
      return buildReport(traces, labels, tally.rules, tally.scenarios);
    },
  };
}

/** Scores alerts against labels, rule by rule and scenario by scenario. */
function createTally(
  rules: readonly DetectionRule[],
  labels: readonly ScoreLabel[],
): {
  rules: RuleState[];
  scenarios: Map<string, ScenarioState>;
  record(rule: number, alert: Alert): void;
} {
  const labelsOfTrace = new Map<string, number[]>();
  labels.forEach((label, index) => {
    for (const id of label.traceIds) {
      const list = labelsOfTrace.get(id);
      if (list === undefined) labelsOfTrace.set(id, [index]);
      else if (!list.includes(index)) list.push(index);
    }
  });
  const ruleStates: RuleState[] = rules.map((rule) => ({
    rule,
    alerts: 0,
    tp: 0,
    fp: 0,
    benign: 0,
    covered: new Set(),
  }));
  const scenarioIds = new Set<string>();
  for (const label of labels) if (!label.benign) scenarioIds.add(label.scenario);
  for (const rule of rules) for (const s of rule.scenarios) scenarioIds.add(s);
  const scenarios = new Map<string, ScenarioState>();
  for (const id of [...scenarioIds].sort()) {
    scenarios.set(id, {
      occurrences: labels.flatMap((l, i) => (!l.benign && l.scenario === id ? [i] : [])),
      rules: ruleStates.filter(
        (r) => r.rule.scenarios.length === 0 || r.rule.scenarios.includes(id),
      ),
      alerts: 0,
      tp: 0,
      fp: 0,
      detectedAt: new Map(),
      benignHits: new Map(),
      otherFp: 0,
      sample: [],
    });
  }
  const scenariosOfRule = ruleStates.map((r) =>
    [...scenarios.values()].filter((s) => s.rules.includes(r)),
  );
  const record = (rule: number, alert: Alert): void => {
    const state = ruleStates[rule] as RuleState;
    const hit = new Set<number>();
    for (const id of alert.traceIds) for (const i of labelsOfTrace.get(id) ?? []) hit.add(i);
    const malicious = [...hit].filter((i) => !(labels[i] as ScoreLabel).benign);
    const benign = [...hit].filter((i) => (labels[i] as ScoreLabel).benign);
    state.alerts++;
    if (malicious.length > 0) state.tp++;
    else {
      state.fp++;
      if (benign.length > 0) state.benign++;
    }
    for (const i of malicious) state.covered.add(i);
    for (const scenario of scenariosOfRule[rule] ?? []) {
      scenario.alerts++;
      for (const i of malicious) {
        if (!scenario.occurrences.includes(i)) continue;
        const seen = scenario.detectedAt.get(i);
        if (seen === undefined || alert.time < seen) scenario.detectedAt.set(i, alert.time);
      }
      if (malicious.length > 0) {
        scenario.tp++;
        continue;
      }
      scenario.fp++;
      if (benign.length === 0) {
        scenario.otherFp++;
        for (const id of alert.traceIds)
          if (scenario.sample.length < SAMPLE_SIZE && !scenario.sample.includes(id))
            scenario.sample.push(id);
        continue;
      }
      for (const i of benign) {
        const label = labels[i] as ScoreLabel;
        const key = JSON.stringify([state.rule.id, label.scenario]);
        const ids = scenario.benignHits.get(key) ?? new Set<string>();
        for (const id of alert.traceIds) if (label.traceIds.includes(id)) ids.add(id);
        scenario.benignHits.set(key, ids);
      }
    }
  };

  return { rules: ruleStates, scenarios, record };
}

/**
 * Scores rules over traces in one call (the traces in time order).
 *
 * @example
 * const report = score({ rules, labels, traces: lines });
 * expect(report.scenarios.every((s) => s.recall === 1)).toBe(true);
 */
export function score(
  options: ScorerOptions & {
    readonly traces: Iterable<TraceView | Readonly<Record<string, unknown>> | string>;
  },
): ScoreReport {
  const scorer = createScorer(options);
  for (const trace of options.traces) scorer.add(trace);
  return scorer.finish();
}

/** Code-unit order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function buildReport(
  traces: number,
  labels: readonly ScoreLabel[],
  ruleStates: readonly RuleState[],
  scenarios: ReadonlyMap<string, ScenarioState>,
): ScoreReport {
  const scenarioRows: ScenarioScore[] = [...scenarios].map(([id, s]) => {
    const times = [...s.detectedAt].map(([i, at]) => at - (labels[i] as ScoreLabel).from);
    const benignFalsePositives: BenignHit[] = [...s.benignHits]
      .map(([key, ids]) => {
        const [rule, lookAlike] = JSON.parse(key) as [string, string];
        return { rule, lookAlike, traceIds: [...ids] };
      })
      .sort((a, b) => compareText(a.rule, b.rule) || compareText(a.lookAlike, b.lookAlike));
    return {
      scenario: id,
      techniques: [
        ...new Set(s.occurrences.flatMap((i) => (labels[i] as ScoreLabel).techniques)),
      ].sort(),
      rules: s.rules.map((r) => r.rule.id).sort(),
      occurrences: s.occurrences.length,
      detected: s.detectedAt.size,
      missed: s.occurrences.length - s.detectedAt.size,
      alerts: s.alerts,
      truePositiveAlerts: s.tp,
      falsePositiveAlerts: s.fp,
      precision: ratio(s.tp, s.alerts),
      recall: ratio(s.detectedAt.size, s.occurrences.length),
      timeToDetectMs:
        times.length === 0
          ? null
          : { mean: times.reduce((a, b) => a + b, 0) / times.length, max: Math.max(...times) },
      missedOccurrences: s.occurrences
        .filter((i) => !s.detectedAt.has(i))
        .map((i) => {
          const label = labels[i] as ScoreLabel;
          return {
            description: label.description,
            from: label.from,
            firstTraceId: label.traceIds[0] ?? "",
          };
        }),
      benignFalsePositives,
      otherFalsePositives: { alerts: s.otherFp, sampleTraceIds: [...s.sample] },
    };
  });
  const ruleRows: RuleScore[] = ruleStates
    .map((r) => ({
      id: r.rule.id,
      title: r.rule.title,
      source: r.rule.source ?? null,
      scenarios: [...r.rule.scenarios],
      alerts: r.alerts,
      truePositiveAlerts: r.tp,
      falsePositiveAlerts: r.fp,
      benignAlerts: r.benign,
      occurrencesCovered: r.covered.size,
    }))
    .sort((a, b) => compareText(a.id, b.id));
  const occurrences = scenarioRows.reduce((n, s) => n + s.occurrences, 0);
  const detected = scenarioRows.reduce((n, s) => n + s.detected, 0);
  const alerts = ruleRows.reduce((n, r) => n + r.alerts, 0);
  const tp = ruleRows.reduce((n, r) => n + r.truePositiveAlerts, 0);
  return {
    traces,
    labels: {
      malicious: labels.filter((l) => !l.benign).length,
      benign: labels.filter((l) => l.benign).length,
    },
    scenarios: scenarioRows,
    rules: ruleRows,
    totals: {
      occurrences,
      detected,
      alerts,
      truePositiveAlerts: tp,
      precision: ratio(tp, alerts),
      recall: ratio(detected, occurrences),
    },
  };
}
