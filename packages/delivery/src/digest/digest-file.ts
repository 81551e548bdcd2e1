/** One trace file a digest lists (reference §7.2, `log_files[]`). */
export interface DigestLogFile {
  /** Bucket the trace file was delivered to. */
  readonly bucket: string;
  /** Its object key, e.g. `CloudTraces/cn-north-4/2024/08/23/system/ModelArts/…json.gz`. */
  readonly object: string;
  /** Hex MD5 of the object's bytes as stored (compressed): what OBS shows as its ETag. */
  readonly log_hash_value: string;
  /** `"MD5"`. */
  readonly log_hash_algorithm: string;
}

/**
 * A digest file's content, fields in the order of CTS's documentation (reference §7.2). The
 * starting digest of a chain leaves the `previous_digest_*` strings empty.
 */
export interface DigestFile {
  readonly project_id: string;
  /** Start of the covered UTC range, `2017-03-28T01-09-17Z`. */
  readonly digest_start_time: string;
  /** End of the covered UTC range; also the time in the digest's name. */
  readonly digest_end_time: string;
  readonly digest_bucket: string;
  /** Where this digest is stored in the bucket (a verifier checks it was not moved). */
  readonly digest_object: string;
  /** `"SHA256withRSA"`. */
  readonly digest_signature_algorithm: string;
  /** Whether this is the ending digest (delivery stopped after it). */
  readonly digest_end: boolean;
  readonly previous_digest_bucket: string;
  readonly previous_digest_object: string;
  /** Hex MD5 of the previous digest's bytes as stored (compressed). */
  readonly previous_digest_hash_value: string;
  /** `"MD5"`, or `""` on a starting digest. */
  readonly previous_digest_hash_algorithm: string;
  /** The previous digest's hex signature (its `meta-signature`). */
  readonly previous_digest_signature: string;
  readonly previous_digest_end: boolean;
  /** The trace files delivered in the covered hour; `[]` when none were. */
  readonly log_files: readonly DigestLogFile[];
}

/** The digest signature algorithm CTS documents. */
export const DIGEST_SIGNATURE_ALGORITHM = "SHA256withRSA";
/** The hash algorithm of trace files and previous digests in CTS's example digest. */
export const DIGEST_HASH_ALGORITHM = "MD5";

/**
 * The signature metadata CTS stores on the digest object (`meta-signature`,
 * `meta-signature-algorithm`). A directory has no object metadata, so ctsim keeps it in a
 * sidecar `<digest object>.meta.json` (see {@link digestMetaPath}).
 */
export interface DigestSignatureMeta {
  /** Hex SHA256withRSA signature of the digest's signing string. */
  readonly "meta-signature": string;
  /** `"SHA256withRSA"`. */
  readonly "meta-signature-algorithm": string;
}

/** Suffix of the sidecar file that holds a digest's object metadata. */
export const DIGEST_META_SUFFIX = ".meta.json";

/** The sidecar path holding the object metadata of the digest at `digestObject`. */
export function digestMetaPath(digestObject: string): string {
  return `${digestObject}${DIGEST_META_SUFFIX}`;
}

/**
 * The JSON text of a digest file: compact, on one line, as CTS writes its trace files (the
 * documentation's example is indented for reading; the real layout is unconfirmed).
 *
 * @example encodeDigestFile(digest); // '{"project_id":"…","digest_start_time":…}'
 */
export function encodeDigestFile(digest: DigestFile): string {
  return JSON.stringify(digest);
}

/**
 * The message CTS signs for a digest (its "Verifying Trace File Integrity" page, confirmed with
 * its Java example): `digest_end_time + digest_object + hex(MD5(digest file bytes as stored)) +
 * previous_digest_signature`, concatenated without separators, signed SHA256withRSA over its
 * UTF-8 bytes, the signature hex-encoded.
 *
 * @example digestSigningString(digest, "5e08875de01b894eda5d1399d7b049fe");
 */
export function digestSigningString(digest: DigestFile, digestHashHex: string): string {
  return (
    digest.digest_end_time + digest.digest_object + digestHashHex + digest.previous_digest_signature
  );
}
