import type { ScoreReport } from "./score-report.js";

/**
 * The report as terminal text: a table per scenario (occurrences, TP, FN, alerts, FP,
 * precision, recall, time to detect), the false positives on benign look-alikes with their
 * trace ids, missed occurrences, and a table per rule.
 */
export function formatScoreReport(report: ScoreReport): string {
  const lines: string[] = [];
  lines.push(
    `${report.traces} traces, ${report.labels.malicious} malicious occurrences, ${report.labels.benign} benign look-alikes, ${report.rules.length} rules`,
    "",
  );
  lines.push(
    ...table(
      [
        "scenario",
        "occ",
        "TP",
        "FN",
        "alerts",
        "FP",
        "FP benign",
        "precision",
        "recall",
        "TTD mean",
        "TTD max",
      ],
      report.scenarios.map((s) => [
        s.scenario,
        String(s.occurrences),
        String(s.detected),
        String(s.missed),
        String(s.alerts),
        String(s.falsePositiveAlerts),
        String(s.falsePositiveAlerts - s.otherFalsePositives.alerts),
        fraction(s.precision),
        fraction(s.recall),
        s.timeToDetectMs === null ? "-" : duration(s.timeToDetectMs.mean),
        s.timeToDetectMs === null ? "-" : duration(s.timeToDetectMs.max),
      ]),
    ),
  );
  lines.push(
    `total: recall ${fraction(report.totals.recall)} (${report.totals.detected}/${report.totals.occurrences}), precision ${fraction(report.totals.precision)} (${report.totals.truePositiveAlerts}/${report.totals.alerts} alerts)`,
  );
  for (const s of report.scenarios) {
    for (const hit of s.benignFalsePositives)
      lines.push(
        `  FP ${s.scenario}: rule ${hit.rule} alerted on benign ${hit.lookAlike}: ${hit.traceIds.join(" ")}`,
      );
    if (s.otherFalsePositives.alerts > 0)
      lines.push(
        `  FP ${s.scenario}: ${s.otherFalsePositives.alerts} alert(s) on unlabelled traces, e.g. ${s.otherFalsePositives.sampleTraceIds.slice(0, 3).join(" ")}`,
      );
    for (const miss of s.missedOccurrences)
      lines.push(
        `  FN ${s.scenario}: ${new Date(miss.from).toISOString()} ${miss.firstTraceId}: ${miss.description}`,
      );
  }
  lines.push("");
  lines.push(
    ...table(
      ["rule", "scenarios", "alerts", "TP", "FP", "FP benign", "occurrences covered"],
      report.rules.map((r) => [
        r.id,
        r.scenarios.length === 0 ? "(all)" : r.scenarios.join(","),
        String(r.alerts),
        String(r.truePositiveAlerts),
        String(r.falsePositiveAlerts),
        String(r.benignAlerts),
        String(r.occurrencesCovered),
      ]),
    ),
  );
  return `${lines.join("\n")}\n`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function fraction(value: number | null): string {
  return value === null ? "-" : value.toFixed(3);
}

function duration(ms: number): string {
  if (Math.abs(ms) < 1000) return `${Math.round(ms)}ms`;
  if (Math.abs(ms) < 120_000) return `${(ms / 1000).toFixed(1)}s`;
  if (Math.abs(ms) < 7_200_000) return `${(ms / 60_000).toFixed(1)}m`;
  return `${(ms / 3_600_000).toFixed(1)}h`;
}
