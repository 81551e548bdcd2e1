import { createHash, createPublicKey, type KeyObject, verify } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { gunzipSync } from "node:zlib";
import { DeliveryError, DeliveryErrorCode } from "../delivery-error.js";
import {
  DIGEST_META_SUFFIX,
  type DigestFile,
  digestMetaPath,
  digestSigningString,
} from "../digest/digest-file.js";
import { parseCtsStamp } from "../internal/cts-stamp.js";
import type { VerifyFailure, VerifyReason, VerifyReport } from "../verify/verify-report.js";
import { PUBLIC_KEY_FILE } from "./public-key-file.js";

/** Options of {@link verifyDelivery}. */
export interface VerifyDeliveryOptions {
  /** The bucket directory (holding `CloudTraces/`). */
  readonly dir: string;
  /** The public key (PEM text or a `KeyObject`). Default: `{dir}/ctsim-digest-public-key.pem`. */
  readonly publicKey?: string | KeyObject;
}

/**
 * Verifies a bucket directory of trace files and digests the way `aws cloudtrail validate-logs`
 * does, following CTS's "Verifying Trace File Integrity" procedure: each digest is where it says
 * it is and its `meta-signature` verifies (SHA256withRSA over end time + object + MD5 of its bytes
 * + previous signature); each trace file it lists exists and has the listed MD5; each chain
 * (region, tracker, service) is unbroken (previous object present, its MD5 and signature as
 * recorded, hours contiguous); no trace file inside the digested hours is left unlisted.
 * Everything outside `CloudTraces/` (the public key, labels) is ignored.
 *
 * Errors: `CTSIM_DELIVERY_READ_FAILED` when the directory or the key cannot be read; everything
 * found inside comes back as failures in the report, never as a throw.
 *
 * @example
 * const report = await verifyDelivery({ dir: "/srv/bucket" });
 * for (const f of report.failures) console.log(f.path, f.reason, f.detail);
 */
export async function verifyDelivery(options: VerifyDeliveryOptions): Promise<VerifyReport> {
  const dir = options.dir;
  const key = await publicKeyOf(options);
  const objects = await listObjects(dir);
  const present = new Set(objects);
  const failures: VerifyFailure[] = [];
  const fail = (path: string, reason: VerifyReason, detail: string): void => {
    failures.push({ path, reason, detail });
  };
  const digests: ReadDigest[] = [];
  const traceFiles: ParsedTraceObject[] = [];
  for (const object of objects) {
    if (object.endsWith(DIGEST_META_SUFFIX)) continue;
    const parsed = parseObjectKey(object);
    if (parsed?.kind === "digest") {
      const d = await readDigest(dir, object, parsed.chain, fail);
      if (d !== undefined) digests.push(d);
    } else if (parsed?.kind === "trace") traceFiles.push(parsed);
  }
  const md5Cache = new Map<string, string | undefined>();
  const md5Of = async (object: string): Promise<string | undefined> => {
    if (!md5Cache.has(object)) {
      const bytes = present.has(object) ? await readFile(join(dir, object)) : undefined;
      md5Cache.set(object, bytes && createHash("md5").update(bytes).digest("hex"));
    }
    return md5Cache.get(object);
  };

  let digestsValid = 0;
  let filesValid = 0;
  const listed = new Set<string>();
  for (const d of digests) {
    if (d.content.digest_object !== d.object) {
      fail(d.object, "digest-moved", `digest_object says ${d.content.digest_object}`);
    }
    if (d.signature === undefined) {
      fail(d.object, "signature-missing", `no readable ${digestMetaPath(d.object)}`);
    } else if (
      verify(
        "sha256",
        Buffer.from(digestSigningString(d.content, d.md5), "utf8"),
        key,
        Buffer.from(d.signature, "hex"),
      )
    ) {
      digestsValid += 1;
    } else {
      fail(d.object, "signature-invalid", "meta-signature does not verify with the public key");
    }
    for (const file of d.content.log_files) {
      listed.add(file.object);
      const md5 = await md5Of(file.object);
      if (md5 === undefined) fail(file.object, "file-missing", `listed by ${d.object}`);
      else if (md5 !== file.log_hash_value) {
        fail(
          file.object,
          "file-hash-mismatch",
          `MD5 ${md5}, ${d.object} lists ${file.log_hash_value}`,
        );
      } else filesValid += 1;
    }
  }

  const chains = new Map<string, ReadDigest[]>();
  for (const d of digests) chains.set(d.chain, [...(chains.get(d.chain) ?? []), d]);
  const digestedUntil = new Map<string, { from: number; to: number }>();
  for (const [chain, list] of chains) {
    list.sort((a, b) => a.end - b.end);
    digestedUntil.set(chain, { from: list[0]!.start, to: list.at(-1)!.end });
    for (let i = 0; i < list.length; i++) {
      await checkLink(list[i - 1], list[i]!, present, md5Of, fail);
    }
  }

  let filesPending = 0;
  for (const file of traceFiles) {
    if (listed.has(file.object)) continue;
    const span = digestedUntil.get(file.chain);
    if (span === undefined || file.time >= span.to) filesPending += 1;
    else
      fail(
        file.object,
        "file-unlisted",
        `uploaded ${stampOf(file.time)}, in no digest of ${file.chain}`,
      );
  }
  return {
    ok: failures.length === 0,
    failures,
    digests: digests.length,
    digestsValid,
    chains: chains.size,
    files: traceFiles.length,
    filesValid,
    filesPending,
  };
}

/** Checks one digest's link to the one before it in its chain (`undefined`: it is the first found). */
async function checkLink(
  before: ReadDigest | undefined,
  d: ReadDigest,
  present: ReadonlySet<string>,
  md5Of: (object: string) => Promise<string | undefined>,
  fail: (path: string, reason: VerifyReason, detail: string) => void,
): Promise<void> {
  const previous = d.content.previous_digest_object;
  if (previous === "") {
    if (before !== undefined)
      fail(
        d.object,
        "chain-previous-missing",
        `names no previous digest, though ${before.object} precedes it`,
      );
    return;
  }
  if (!present.has(previous)) {
    fail(d.object, "chain-previous-missing", `previous digest ${previous} is not in the bucket`);
    return;
  }
  if (before !== undefined && before.object !== previous) {
    fail(d.object, "chain-previous-missing", `names ${previous}, but ${before.object} precedes it`);
    return;
  }
  const md5 = await md5Of(previous);
  if (md5 !== d.content.previous_digest_hash_value) {
    fail(
      d.object,
      "chain-hash-mismatch",
      `${previous} has MD5 ${md5}, recorded ${d.content.previous_digest_hash_value}`,
    );
  }
  if (before !== undefined && before.signature !== d.content.previous_digest_signature) {
    fail(
      d.object,
      "chain-signature-mismatch",
      `${previous}'s meta-signature differs from previous_digest_signature`,
    );
  }
  if (before !== undefined && before.end !== d.start) {
    fail(
      d.object,
      "chain-gap",
      `starts ${d.content.digest_start_time}, previous ended ${before.content.digest_end_time}`,
    );
  }
}

interface ReadDigest {
  readonly object: string;
  readonly chain: string;
  readonly content: DigestFile;
  readonly md5: string;
  readonly signature: string | undefined;
  readonly start: number;
  readonly end: number;
}

async function readDigest(
  dir: string,
  object: string,
  chain: string,
  fail: (path: string, reason: VerifyReason, detail: string) => void,
): Promise<ReadDigest | undefined> {
  const bytes = await readFile(join(dir, object));
  let content: DigestFile;
  try {
    content = JSON.parse(gunzipSync(bytes).toString("utf8")) as DigestFile;
  } catch (error) {
    fail(object, "digest-unreadable", (error as Error).message);
    return undefined;
  }
  const start = parseCtsStamp(String(content?.digest_start_time));
  const end = parseCtsStamp(String(content?.digest_end_time));
  if (start === undefined || end === undefined || !Array.isArray(content.log_files)) {
    fail(object, "digest-unreadable", "digest_start_time, digest_end_time or log_files malformed");
    return undefined;
  }
  const signature = await readFile(join(dir, digestMetaPath(object)), "utf8").then(
    (text) => {
      const value = (JSON.parse(text) as Record<string, unknown>)["meta-signature"];
      return typeof value === "string" ? value : undefined;
    },
    () => undefined,
  );
  return {
    object,
    chain,
    content,
    md5: createHash("md5").update(bytes).digest("hex"),
    signature,
    start,
    end,
  };
}

type ParsedObject =
  | { readonly kind: "digest"; readonly object: string; readonly chain: string }
  | ParsedTraceObject;

interface ParsedTraceObject {
  readonly kind: "trace";
  readonly object: string;
  readonly chain: string;
  /** Upload time from the name. */
  readonly time: number;
}

const TRACE_NAME =
  /(?:^|[/_])CloudTrace_[^/]*_(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)_[0-9a-f]{16}\.json(\.gz)?$/;
const DIGEST_NAME =
  /(?:^|[/_])CloudTrace-Digest_[^/]*_\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.json\.gz$/;

/**
 * Reads an object key: `CloudTraces/{region}/{Y}/{M}/{D}/{tracker}/[Digest/]{service?}/{name}`.
 * The chain is `region/tracker/service` (`region/tracker` without service split).
 */
function parseObjectKey(object: string): ParsedObject | undefined {
  const parts = object.split("/");
  if (parts[0] !== "CloudTraces" || parts.length < 7) return undefined;
  const region = parts[1]!;
  const rest = parts.slice(5);
  const name = rest.at(-1)!;
  if (rest[1] === "Digest" && DIGEST_NAME.test(name)) {
    const service = rest.length === 4 ? `/${rest[2]}` : "";
    return { kind: "digest", object, chain: `${region}/${rest[0]}${service}` };
  }
  const m = TRACE_NAME.exec(name);
  if (m === null || rest.length > 3) return undefined;
  const service = rest.length === 3 ? `/${rest[1]}` : "";
  return {
    kind: "trace",
    object,
    chain: `${region}/${rest[0]}${service}`,
    time: parseCtsStamp(m[1]!) ?? 0,
  };
}

/** Every file under `{dir}/CloudTraces`, as object keys, sorted; hidden partial files skipped. */
async function listObjects(dir: string): Promise<string[]> {
  const root = join(dir, "CloudTraces");
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(
    (error: unknown) => {
      throw new DeliveryError(
        DeliveryErrorCode.readFailed,
        `cannot read ${root}: ${(error as Error).message} (is ${dir} a bucket directory?)`,
        { cause: error },
      );
    },
  );
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

async function publicKeyOf(options: VerifyDeliveryOptions): Promise<KeyObject> {
  if (typeof options.publicKey === "object") return options.publicKey;
  const path = join(options.dir, PUBLIC_KEY_FILE);
  const pem =
    options.publicKey ??
    (await readFile(path, "utf8").catch((error: unknown) => {
      throw new DeliveryError(
        DeliveryErrorCode.readFailed,
        `cannot read the public key ${path}: ${(error as Error).message} (pass one with --public-key)`,
        { cause: error },
      );
    }));
  try {
    return createPublicKey(pem);
  } catch (error) {
    throw new DeliveryError(
      DeliveryErrorCode.readFailed,
      `the public key is not a PEM key: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

function stampOf(ms: number): string {
  return new Date(ms).toISOString();
}
