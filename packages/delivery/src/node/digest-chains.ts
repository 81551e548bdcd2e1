import { createHash, type KeyObject, sign } from "node:crypto";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import {
  DIGEST_HASH_ALGORITHM,
  DIGEST_SIGNATURE_ALGORITHM,
  type DigestFile,
  type DigestLogFile,
  type DigestSignatureMeta,
  digestMetaPath,
  digestSigningString,
  encodeDigestFile,
} from "../digest/digest-file.js";
import { digestObjectKey } from "../digest/digest-object-key.js";
import { DIGEST_PERIOD_MS, digestWindowEnd } from "../digest/digest-window.js";
import { ctsStamp } from "../internal/cts-stamp.js";
import type { DeliveredDigest, DeliveredFile } from "../transfer/delivered-trace.js";
import { chainKeyOf } from "../transfer/delivered-trace.js";
import { writeObjects } from "./write-object.js";

const gzip = promisify(gzipCallback);

/** What the digest chains need to know of the delivery. */
export interface DigestChainsOptions {
  readonly dir: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly sortByService: boolean;
  /** The signing key (RSA private). */
  readonly key: KeyObject;
  /** Offset of the hourly grid (ms within the hour). */
  readonly gridOffset: number;
  readonly onDigest?: (digest: DeliveredDigest) => void;
}

/**
 * The hourly digest chains of a delivery, one per region, tracker and service (the digest path
 * carries the service, reference §7.2): each digest lists the trace files uploaded in its hour,
 * `[start, end)`, empty hours included, and carries the hash and signature of the previous one.
 * A chain starts with the hour of its first trace file.
 */
export class DigestChains {
  readonly #o: DigestChainsOptions;
  readonly #chains = new Map<string, Chain>();
  #count = 0;

  constructor(options: DigestChainsOptions) {
    this.#o = options;
  }

  /** Digests written so far. */
  get count(): number {
    return this.#count;
  }

  /** Takes note of a delivered trace file (uploads come in time order). */
  add(file: DeliveredFile): void {
    const key = chainKeyOf(file);
    let chain = this.#chains.get(key);
    if (chain === undefined) {
      chain = {
        key,
        region: file.region,
        trackerName: file.trackerName,
        serviceType: file.serviceType,
        projectId: "",
        end: digestWindowEnd(file.uploadTime, this.#o.gridOffset),
        files: [],
        previous: undefined,
      };
      this.#chains.set(key, chain);
    }
    chain.files.push(file);
  }

  /** Sets the `project_id` a chain's digests carry (from its first trace). */
  projectOf(key: string, projectId: string): void {
    const chain = this.#chains.get(key);
    if (chain !== undefined && chain.projectId === "") chain.projectId = projectId;
  }

  /** Writes every digest whose hour has ended by `now`. */
  async advance(now: number): Promise<void> {
    for (const chain of this.#chains.values()) {
      while (chain.end <= now) await this.#emit(chain, false);
    }
  }

  /**
   * Ends every chain: writes the digests up to the hour of its last file, the last one an
   * ending digest (`digest_end: true`).
   */
  async finish(): Promise<void> {
    for (const chain of this.#chains.values()) {
      const last = chain.files.at(-1)?.uploadTime ?? chain.previous?.endTime ?? chain.end;
      const finalEnd = Math.max(chain.end, digestWindowEnd(last, this.#o.gridOffset));
      while (chain.end < finalEnd) await this.#emit(chain, false);
      await this.#emit(chain, true);
    }
  }

  async #emit(chain: Chain, end: boolean): Promise<void> {
    const o = this.#o;
    const startTime = chain.end - DIGEST_PERIOD_MS;
    const inHour = chain.files.filter((f) => f.uploadTime < chain.end);
    chain.files = chain.files.filter((f) => f.uploadTime >= chain.end);
    const object = digestObjectKey({
      region: chain.region,
      trackerName: chain.trackerName,
      serviceType: chain.serviceType,
      endTime: chain.end,
      prefix: o.prefix,
      sortByService: o.sortByService,
    });
    const previous = chain.previous;
    const digest: DigestFile = {
      project_id: chain.projectId,
      digest_start_time: ctsStamp(startTime),
      digest_end_time: ctsStamp(chain.end),
      digest_bucket: o.bucket,
      digest_object: object,
      digest_signature_algorithm: DIGEST_SIGNATURE_ALGORITHM,
      digest_end: end,
      previous_digest_bucket: previous === undefined ? "" : o.bucket,
      previous_digest_object: previous?.object ?? "",
      previous_digest_hash_value: previous?.md5 ?? "",
      previous_digest_hash_algorithm: previous === undefined ? "" : DIGEST_HASH_ALGORITHM,
      previous_digest_signature: previous?.signature ?? "",
      previous_digest_end: previous?.end ?? false,
      log_files: inHour.map(
        (f): DigestLogFile => ({
          bucket: o.bucket,
          object: f.object,
          log_hash_value: f.md5,
          log_hash_algorithm: DIGEST_HASH_ALGORITHM,
        }),
      ),
    };
    const bytes = await gzip(encodeDigestFile(digest));
    const md5 = createHash("md5").update(bytes).digest("hex");
    const signature = signDigest(digest, md5, o.key);
    await writeObjects(o.dir, [
      { key: object, bytes },
      { key: digestMetaPath(object), bytes: metaBytes(signature) },
    ]);
    const delivered: DeliveredDigest = {
      object,
      chain: chain.key,
      startTime,
      endTime: chain.end,
      logFiles: inHour.map((f) => f.object),
      md5,
      signature,
      end,
    };
    chain.previous = delivered;
    chain.end += DIGEST_PERIOD_MS;
    this.#count += 1;
    o.onDigest?.(delivered);
  }
}

interface Chain {
  readonly key: string;
  readonly region: string;
  readonly trackerName: string;
  readonly serviceType: string;
  projectId: string;
  /** End of the next digest's hour. */
  end: number;
  /** Files uploaded but not yet listed. */
  files: DeliveredFile[];
  previous: DeliveredDigest | undefined;
}

/**
 * The hex SHA256withRSA signature of a digest's signing string (see `digestSigningString`).
 *
 * @example signDigest(digest, md5Hex, privateKey); // "7af7cbef…"
 */
export function signDigest(digest: DigestFile, digestMd5: string, key: KeyObject): string {
  return sign("sha256", Buffer.from(digestSigningString(digest, digestMd5), "utf8"), key).toString(
    "hex",
  );
}

/** The bytes of a digest's sidecar metadata file. */
export function metaBytes(signature: string): Uint8Array {
  const meta: DigestSignatureMeta = {
    "meta-signature": signature,
    "meta-signature-algorithm": DIGEST_SIGNATURE_ALGORITHM,
  };
  return Buffer.from(`${JSON.stringify(meta, null, 2)}\n`);
}
