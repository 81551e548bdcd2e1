/** What names one OBS trace file (reference §7.1). */
export interface ObsObjectKeyParts {
  readonly region: string;
  readonly trackerName: string;
  /** `service_type` of the records; omitted from the path when `sortByService` is false. */
  readonly serviceType: string;
  /** Upload time (epoch ms, UTC): names the date directories and the file. */
  readonly uploadTime: number;
  /** The tracker's `file_prefix_name`; empty: the name starts at `CloudTrace_` (unconfirmed, reference 8). */
  readonly prefix: string;
  /** 16 lowercase hex characters that make the name unique. */
  readonly hex: string;
  /** Split by service (`is_sort_by_service`). Default `true`. */
  readonly sortByService?: boolean;
  /** `compress_type`: `"gzip"` gives `.json.gz`, `"json"` gives `.json`. Default `"gzip"`. */
  readonly compressType?: "gzip" | "json";
}

/**
 * The object key of a trace file as CTS delivers it to OBS:
 * `CloudTraces/{region}/{YYYY}/{MM}/{DD}/{tracker}/{ServiceType}/{prefix}_CloudTrace_{region}_{YYYY-MM-DD}T{HH-mm-ss}Z_{hex}.json.gz`.
 * Month and day are zero-padded (the 2023 screenshot; older docs show them unpadded). Without
 * service split the `{ServiceType}` directory is left out and `.json` is the uncompressed
 * extension: both unconfirmed in the reference, chosen as the most likely.
 *
 * @example
 * obsObjectKey({ region: "cn-north-4", trackerName: "system", serviceType: "ModelArts",
 *   uploadTime: Date.UTC(2024, 7, 23, 9, 5, 12), prefix: "acme", hex: "4e1f0a9b8c7d6e5f" });
 * // "CloudTraces/cn-north-4/2024/08/23/system/ModelArts/acme_CloudTrace_cn-north-4_2024-08-23T09-05-12Z_4e1f0a9b8c7d6e5f.json.gz"
 */
export function obsObjectKey(parts: ObsObjectKeyParts): string {
  const iso = new Date(parts.uploadTime).toISOString(); // 2024-08-23T09:05:12.000Z
  const [yyyy, mm, dd] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  const stamp = `${iso.slice(0, 10)}T${iso.slice(11, 19).replaceAll(":", "-")}Z`;
  const extension = (parts.compressType ?? "gzip") === "gzip" ? ".json.gz" : ".json";
  const dirs = ["CloudTraces", parts.region, yyyy, mm, dd, parts.trackerName];
  if (parts.sortByService ?? true) dirs.push(parts.serviceType);
  const lead = parts.prefix === "" ? "" : `${parts.prefix}_`;
  const file = `${lead}CloudTrace_${parts.region}_${stamp}_${parts.hex}${extension}`;
  return `${dirs.join("/")}/${file}`;
}
