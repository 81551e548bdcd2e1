/**
 * Why `verify` rejects part of a delivery, one name per kind of failure (the names are the keys,
 * the values say what they mean).
 */
export const VERIFY_REASONS = {
  "file-missing": "a trace file a digest lists is not in the bucket",
  "file-hash-mismatch": "a trace file's MD5 differs from the one its digest lists (altered)",
  "file-unlisted": "a trace file inside the digested hours is listed by no digest",
  "digest-unreadable": "a digest file is not gzipped JSON of the digest shape",
  "digest-moved": "a digest's digest_object is not where it is stored",
  "signature-missing":
    "a digest has no meta-signature (its sidecar .meta.json is missing or unreadable)",
  "signature-invalid":
    "a digest's signature does not verify with the public key (altered, or signed by another key)",
  "chain-previous-missing": "the previous digest a digest names is not in the bucket",
  "chain-hash-mismatch": "the previous digest's MD5 differs from previous_digest_hash_value",
  "chain-signature-mismatch":
    "the previous digest's signature differs from previous_digest_signature",
  "chain-gap": "a digest does not start where its chain's previous digest ended (hours missing)",
} as const satisfies Record<string, string>;

/** One of the keys of {@link VERIFY_REASONS}. */
export type VerifyReason = keyof typeof VERIFY_REASONS;

/** One thing that failed verification. */
export interface VerifyFailure {
  /** The object (path under the bucket directory) that failed. */
  readonly path: string;
  readonly reason: VerifyReason;
  /** What was expected and what was found. */
  readonly detail: string;
}

/** What `verify` found in a bucket directory. */
export interface VerifyReport {
  /** `true` when nothing failed. */
  readonly ok: boolean;
  readonly failures: readonly VerifyFailure[];
  /** Digest files read. */
  readonly digests: number;
  /** Digests whose signature verified. */
  readonly digestsValid: number;
  /** Digest chains (region, tracker, service). */
  readonly chains: number;
  /** Trace files found in the bucket. */
  readonly files: number;
  /** Trace files listed by a digest whose hash matched. */
  readonly filesValid: number;
  /** Trace files uploaded after the last digest of their chain: not digested yet, not failures. */
  readonly filesPending: number;
}
