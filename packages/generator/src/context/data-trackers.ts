/**
 * The data trackers every generated tenant has: one per ModelArts bucket (a data tracker
 * tracks exactly one bucket, reference §1.3), recording reads and writes. The workflows keep
 * datasets in `<domain>-data` and code, training output and models in `<domain>-ml`.
 */
export const DATA_TRACKERS = [
  { bucketSuffix: "-data", trackerName: "modelarts-data" },
  { bucketSuffix: "-ml", trackerName: "modelarts-ml" },
] as const;

/** The data tracker recording `bucket` of the tenant named `domainName`, or `null` (untracked). */
export function dataTrackerOf(domainName: string, bucket: string): string | null {
  // Compared in place: no `${domainName}${suffix}` string per call (this runs for every OBS access).
  for (const tracker of DATA_TRACKERS) {
    const suffix = tracker.bucketSuffix;
    if (
      bucket.length === domainName.length + suffix.length &&
      bucket.endsWith(suffix) &&
      bucket.startsWith(domainName)
    )
      return tracker.trackerName;
  }
  return null;
}

/** `{bucket, key}` of an OBS path `/<bucket>/<key>` (`key` may end in `/`: a directory). */
export function splitObsPath(path: string): { bucket: string; key: string } {
  const start = path.startsWith("/") ? 1 : 0;
  const slash = path.indexOf("/", start);
  return slash < 0
    ? { bucket: path.slice(start), key: "" }
    : { bucket: path.slice(start, slash), key: path.slice(slash + 1) };
}
