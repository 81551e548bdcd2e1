import type { VerifyReport } from "@ctsim/delivery";

/**
 * `ctsim verify`'s text output: one `FAIL reason path: detail` line per failure, then a summary
 * line, like `aws cloudtrail validate-logs` prints per file and then totals.
 *
 * @example formatVerifyReport(report, "/srv/bucket"); // "… digest files valid …"
 */
export function formatVerifyReport(report: VerifyReport, dir: string): string {
  const lines = report.failures.map((f) => `FAIL ${f.reason} ${f.path}: ${f.detail}`);
  lines.push(
    `${dir}: ${report.digestsValid}/${report.digests} digest files valid in ${report.chains} chains, ` +
      `${report.filesValid}/${report.files} trace files valid` +
      (report.filesPending > 0 ? ` (${report.filesPending} not digested yet)` : "") +
      `; ${report.failures.length === 0 ? "no failures" : `${report.failures.length} failures`}`,
  );
  return `${lines.join("\n")}\n`;
}
