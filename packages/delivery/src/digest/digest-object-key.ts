import { ctsStamp, dateDirs } from "../internal/cts-stamp.js";

/** What names one digest file (reference §7.2). */
export interface DigestObjectKeyParts {
  readonly region: string;
  readonly trackerName: string;
  /** The service of the chain; left out of the path when `sortByService` is false. */
  readonly serviceType: string;
  /** `digest_end_time` (epoch ms): names the date directories and the file. */
  readonly endTime: number;
  /** The tracker's `file_prefix_name`; empty: the name starts at `CloudTrace-Digest_`. */
  readonly prefix: string;
  /** `is_sort_by_service`. Default `true`. */
  readonly sortByService?: boolean;
}

/**
 * The object key of a digest file:
 * `CloudTraces/{region}/{YYYY}/{MM}/{DD}/{tracker}/Digest/{ServiceType}/{prefix}_CloudTrace-Digest_{region}_{YYYY-MM-DD}T{HH-mm-ss}Z.json.gz`.
 * Month and day zero-padded like ctsim's trace files (the digest page's example shows
 * `2016/5/19`; the 2023 trace-file screenshot pads: unconfirmed for digests). Digests are always
 * gzipped, as CTS's example names them.
 *
 * @example
 * digestObjectKey({ region: "cn-north-4", trackerName: "system", serviceType: "ModelArts",
 *   endTime: Date.UTC(2024, 7, 23, 10, 9, 17), prefix: "acme" });
 * // "CloudTraces/cn-north-4/2024/08/23/system/Digest/ModelArts/acme_CloudTrace-Digest_cn-north-4_2024-08-23T10-09-17Z.json.gz"
 */
export function digestObjectKey(parts: DigestObjectKeyParts): string {
  const dirs = ["CloudTraces", parts.region, dateDirs(parts.endTime), parts.trackerName, "Digest"];
  if (parts.sortByService ?? true) dirs.push(parts.serviceType);
  const lead = parts.prefix === "" ? "" : `${parts.prefix}_`;
  const file = `${lead}CloudTrace-Digest_${parts.region}_${ctsStamp(parts.endTime)}.json.gz`;
  return `${dirs.join("/")}/${file}`;
}
