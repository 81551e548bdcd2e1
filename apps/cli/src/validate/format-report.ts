import type { CheckReport } from "@ctsim/generator/check";

/**
 * One line summing up a report: records, violations, how many were not printed, and the count
 * of each code, most frequent first.
 *
 * @example
 * formatReportSummary("a.ndjson", report, 50);
 * // "a.ndjson: 1000 records, 3 violations (trace.order 2, trace.duplicate-id 1)"
 */
export function formatReportSummary(name: string, report: CheckReport, printed: number): string {
  const records = `${report.records} record${report.records === 1 ? "" : "s"}`;
  if (report.total === 0) return `${name}: ${records}, no violations`;
  const counts = Object.entries(report.countsByCode)
    .sort(([a, x], [b, y]) => (y ?? 0) - (x ?? 0) || a.localeCompare(b))
    .map(([code, count]) => `${code} ${count}`)
    .join(", ");
  const hidden = report.total - printed;
  const more = hidden > 0 ? `; ${hidden} not shown, raise --max-errors to see them` : "";
  return `${name}: ${records}, ${report.total} violation${report.total === 1 ? "" : "s"} (${counts})${more}`;
}
