/**
 * The record of median length among NDJSON `lines`: the baselines are built from one trace,
 * and the median one weighs like the generator's average record.
 */
export function medianLengthRecord(ndjson: string): string {
  const lines = ndjson.split("\n").filter((line) => line.length > 0);
  if (lines.length === 0) throw new Error("no records to pick a sample trace from");
  const sorted = [...lines].sort((a, b) => a.length - b.length);
  return sorted[sorted.length >> 1] as string;
}
