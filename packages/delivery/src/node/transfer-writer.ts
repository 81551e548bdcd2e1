import { createHash, createPublicKey, type KeyObject } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { obsObjectKey } from "@ctsim/generator/node";
import { DeliveryError, DeliveryErrorCode } from "../delivery-error.js";
import { digestGridOffset } from "../digest/digest-window.js";
import { Prng } from "../internal/prng.js";
import type { TamperLabel, TamperScenarioName } from "../tamper/tamper-scenarios.js";
import {
  chainKeyOf,
  type DeliveredDigest,
  type DeliveredFile,
  type DeliveredTrace,
  type TraceRouteLike,
} from "../transfer/delivered-trace.js";
import { TransferCadence } from "../transfer/transfer-cadence.js";
import { applyTamper } from "./apply-tamper.js";
import { DigestChains } from "./digest-chains.js";
import { PUBLIC_KEY_FILE } from "./public-key-file.js";
import { seededRsaKey } from "./seeded-rsa-key.js";
import { writeFailed, writeObject, writeObjects } from "./write-object.js";

const gzip = promisify(gzipCallback);

/** Options of {@link createTransferWriter}. */
export interface TransferWriterOptions {
  /** The directory standing for the OBS bucket; objects go under `{dir}/CloudTraces/...`. */
  readonly dir: string;
  /** Seed of the cadence jitter, the duplicates, the digest grid, the key and tamper choices. */
  readonly seed: number;
  /** Bucket name written into digests (`digest_bucket`, `log_files[].bucket`). Default `"ctsim-bucket"`. */
  readonly bucket?: string;
  /** The tracker's `file_prefix_name`. Default `"ctsim"`. */
  readonly prefix?: string;
  /** Mean transfer cycle (ms of trace time). Default 5 min ("usually several minutes"). */
  readonly cycleMs?: number;
  /** Cycle length jitter, `cycleMs × (1 ± jitter)`. Default 0.2. */
  readonly jitter?: number;
  /** Split a cycle's file after this many records ("split when large"). Default 10 000. */
  readonly maxRecords?: number;
  /** `is_sort_by_service`: a `{ServiceType}` directory per service. Default `true`. */
  readonly sortByService?: boolean;
  /** Share of traces delivered again in the next cycle's file (at-least-once). Default 0.005. */
  readonly duplicateRate?: number;
  /**
   * Hourly signed digest files (`is_support_validate`). Default `false`. `true` signs with the
   * key derived from the seed; a `KeyObject` (RSA private) signs with that key.
   */
  readonly digests?: boolean | KeyObject;
  /** Tamper scenarios applied when the writer closes (need `digests`). Default none. */
  readonly tamper?: readonly TamperScenarioName[];
  /** Called for each trace file once it is durably in place. */
  readonly onFile?: (file: DeliveredFile) => void;
  /** Called for each digest once it and its signature are durably in place. */
  readonly onDigest?: (digest: DeliveredDigest) => void;
  /** Ground truth of each tamper scenario applied. */
  readonly onLabel?: (label: TamperLabel) => void;
}

/** Counts of a transfer writer. */
export interface TransferStats {
  /** Traces taken (each once, duplicates not counted). */
  readonly traces: number;
  /** Trace files delivered. */
  readonly files: number;
  /** Records in those files (duplicates counted). */
  readonly records: number;
  /** Re-delivered records. */
  readonly duplicates: number;
  /** Digest files delivered. */
  readonly digests: number;
}

/**
 * Delivers traces the way CTS transfers them to an OBS bucket, driven incrementally: `write`
 * takes traces in time order, `advance(now)` closes the transfer cycles (and digest hours) that
 * ended by `now`, `close` ends the delivery. See the package README for the layout and the facts.
 */
export interface TransferWriter {
  /** Takes one trace; completes the cycles its time has passed. */
  write(trace: DeliveredTrace): Promise<void>;
  /** Delivers every cycle and digest hour that ended by `now` (epoch ms). */
  advance(now: number): Promise<void>;
  /** Delivers what remains (the open cycle, pending duplicates, ending digests), then applies tamper scenarios. */
  close(): Promise<TransferStats>;
  readonly stats: TransferStats;
}

/** Where the public key of the digest signatures is written, under the bucket directory. */
export { PUBLIC_KEY_FILE };

/**
 * Opens a transfer writer on a directory (created, and its public key written, before this
 * resolves, so an unwritable destination fails before any trace is taken).
 *
 * Errors: `CTSIM_DELIVERY_WRITE_FAILED` naming the path and the cause; after a failure every
 * later call rejects with the same error. `CTSIM_DELIVERY_INVALID_OPTION` for bad options.
 *
 * @example
 * const writer = await createTransferWriter({ dir: "/srv/bucket", seed: 7, digests: true });
 * for (const t of traces) await writer.write(t);
 * await writer.close();
 */
export async function createTransferWriter(
  options: TransferWriterOptions,
): Promise<TransferWriter> {
  const o = resolve(options);
  await mkdir(o.dir, { recursive: true }).catch((error: unknown) => {
    throw writeFailed(o.dir, error);
  });
  const key = o.key;
  if (key !== undefined) {
    const pem = createPublicKey(key).export({ type: "spki", format: "pem" });
    await writeObject(o.dir, PUBLIC_KEY_FILE, Buffer.from(pem));
  }
  const cadence = new TransferCadence({ seed: o.seed, cycleMs: o.cycleMs, jitter: o.jitter });
  const duplicateDraw = Prng.derive(o.seed, 0xd0b1e);
  const files: DeliveredFile[] = [];
  const digests: DeliveredDigest[] = [];
  const chains =
    key === undefined
      ? undefined
      : new DigestChains({
          dir: o.dir,
          bucket: o.bucket,
          prefix: o.prefix,
          sortByService: o.sortByService,
          key,
          gridOffset: digestGridOffset(o.seed),
          onDigest: (digest) => {
            digests.push(digest);
            o.onDigest?.(digest);
          },
        });
  /** Open files of the current cycle, by route. */
  const open = new Map<string, OpenFile>();
  /** Records drawn for re-delivery in the next cycle, by route. */
  let carried = new Map<string, OpenFile>();
  let traces = 0;
  let records = 0;
  let duplicates = 0;
  let failure: DeliveryError | undefined;
  let closed = false;

  /** Delivers files of the current cycle as one batch (their writes and fsyncs overlap). */
  const deliver = async (batch: readonly OpenFile[], uploadTime: number): Promise<void> => {
    const encoded = await Promise.all(
      batch.map(async (file) => {
        const text = `[\n${file.records.join(",\n")}\n]\n`;
        const hex = createHash("sha256").update(text).digest("hex").slice(0, 16);
        const object = obsObjectKey({
          ...file.route,
          uploadTime,
          prefix: o.prefix,
          hex,
          sortByService: o.sortByService,
        });
        return { file, key: object, bytes: await gzip(text) };
      }),
    );
    await writeObjects(o.dir, encoded);
    for (const { file, key, bytes } of encoded) {
      const delivered: DeliveredFile = {
        object: key,
        region: file.route.region,
        trackerName: file.route.trackerName,
        serviceType: file.route.serviceType,
        cycleStart: cadence.start,
        uploadTime,
        records: file.records.length,
        duplicates: file.duplicates,
        md5: createHash("md5").update(bytes).digest("hex"),
      };
      records += delivered.records;
      duplicates += delivered.duplicates;
      files.push(delivered);
      if (chains !== undefined) {
        chains.add(delivered);
        chains.projectOf(chainKeyOf(file.route), file.projectId);
      }
      o.onFile?.(delivered);
    }
  };

  /** Delivers the current cycle's files (with the duplicates carried into it) and opens the next. */
  const closeCycle = async (): Promise<void> => {
    const keys = new Set([...carried.keys(), ...open.keys()]);
    const batch: OpenFile[] = [];
    for (const key of [...keys].sort()) {
      const own = open.get(key);
      const again = carried.get(key);
      if (own !== undefined && again !== undefined) {
        // Re-delivered traces lead the next file, as a retried upload would.
        own.records.unshift(...again.records);
        own.duplicates += again.duplicates;
      }
      batch.push(own ?? again!);
    }
    if (batch.length > 0) await deliver(batch, cadence.end);
    open.clear();
    carried = nextCarried;
    nextCarried = new Map();
    cadence.next();
  };
  let nextCarried = new Map<string, OpenFile>();

  const take = async (trace: DeliveredTrace): Promise<void> => {
    const time = trace.route.time;
    if (!cadence.started) cadence.begin(time);
    while (time >= cadence.end) await closeCycle();
    const text = typeof trace.record === "string" ? trace.record : decoder.decode(trace.record);
    const key = routeKey(trace.route);
    let file = open.get(key);
    if (file === undefined) {
      file = newFile(trace.route, text);
      open.set(key, file);
    }
    file.records.push(text);
    traces += 1;
    if (duplicateDraw.next() < o.duplicateRate) {
      let again = nextCarried.get(key);
      if (again === undefined) {
        again = newFile(trace.route, text);
        nextCarried.set(key, again);
      }
      again.records.push(text);
      again.duplicates += 1;
    }
    if (file.records.length >= o.maxRecords) {
      open.delete(key);
      await deliver([file], cadence.end);
    }
  };

  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    if (failure !== undefined) throw failure;
    try {
      return await work();
    } catch (error) {
      failure = writeFailed(o.dir, error);
      throw failure;
    }
  };
  const stats = (): TransferStats => ({
    traces,
    files: files.length,
    records,
    duplicates,
    digests: digests.length,
  });

  return {
    get stats() {
      return stats();
    },
    write: (trace) => {
      if (closed) return Promise.reject(misuse(`${o.dir}: written after close`));
      return guarded(() => take(trace));
    },
    advance: (now) =>
      guarded(async () => {
        while (cadence.started && cadence.end <= now) await closeCycle();
        await chains?.advance(now);
      }),
    close: () =>
      guarded(async () => {
        if (closed) return stats();
        closed = true;
        if (cadence.started) {
          await closeCycle();
          if (carried.size > 0) await closeCycle();
        }
        await chains?.finish();
        if (o.tamper.length > 0) {
          const labels = await applyTamper({
            dir: o.dir,
            seed: o.seed,
            scenarios: o.tamper,
            files,
            digests,
          });
          for (const label of labels) o.onLabel?.(label);
        }
        return stats();
      }),
  };
}

interface OpenFile {
  readonly route: TraceRouteLike;
  readonly projectId: string;
  readonly records: string[];
  duplicates: number;
}

const decoder = new TextDecoder();
const PROJECT_ID = /"project_id":"([^"]*)"/;

function newFile(route: TraceRouteLike, firstRecord: string): OpenFile {
  return {
    route,
    projectId: PROJECT_ID.exec(firstRecord)?.[1] ?? "",
    records: [],
    duplicates: 0,
  };
}

function routeKey(route: TraceRouteLike): string {
  return `${route.region}\u0000${route.trackerName}\u0000${route.serviceType}`;
}

function misuse(message: string): DeliveryError {
  return new DeliveryError(DeliveryErrorCode.misuse, message);
}

interface Resolved {
  readonly dir: string;
  readonly seed: number;
  readonly bucket: string;
  readonly prefix: string;
  readonly cycleMs: number;
  readonly jitter: number;
  readonly maxRecords: number;
  readonly sortByService: boolean;
  readonly duplicateRate: number;
  readonly key: KeyObject | undefined;
  readonly tamper: readonly TamperScenarioName[];
  readonly onFile: TransferWriterOptions["onFile"];
  readonly onDigest: TransferWriterOptions["onDigest"];
  readonly onLabel: TransferWriterOptions["onLabel"];
}

function resolve(options: TransferWriterOptions): Resolved {
  const maxRecords = options.maxRecords ?? 10_000;
  const duplicateRate = options.duplicateRate ?? 0.005;
  const tamper = options.tamper ?? [];
  const invalid = (message: string): DeliveryError =>
    new DeliveryError(DeliveryErrorCode.invalidOption, `transfer writer: ${message}`);
  if (!(Number.isInteger(maxRecords) && maxRecords >= 1))
    throw invalid(`maxRecords (${maxRecords}) must be a positive integer`);
  if (!(duplicateRate >= 0 && duplicateRate <= 1))
    throw invalid(`duplicateRate (${duplicateRate}) must be in [0, 1]`);
  const digests = options.digests ?? false;
  if (tamper.length > 0 && digests === false)
    throw invalid(`tamper scenarios (${tamper.join(", ")}) need digests`);
  const key =
    digests === false
      ? undefined
      : digests === true
        ? seededRsaKey(options.seed, "digest")
        : digests;
  if (key !== undefined && (key.type !== "private" || key.asymmetricKeyType !== "rsa"))
    throw invalid("the digest key must be an RSA private key");
  return {
    dir: options.dir,
    seed: options.seed,
    bucket: options.bucket ?? "ctsim-bucket",
    prefix: options.prefix ?? "ctsim",
    cycleMs: options.cycleMs ?? 5 * 60_000,
    jitter: options.jitter ?? 0.2,
    maxRecords,
    sortByService: options.sortByService ?? true,
    duplicateRate,
    key,
    tamper,
    onFile: options.onFile,
    onDigest: options.onDigest,
    onLabel: options.onLabel,
  };
}
