import type { KeyObject } from "node:crypto";
import { join } from "node:path";
import { encodeObsTraceJson, type TraceEvent } from "@ctsim/generator";
import { DeliveryError, DeliveryErrorCode } from "../delivery-error.js";
import { hashText, mix32 } from "../internal/prng.js";
import type { DeliveredDigest, DeliveredFile } from "../transfer/delivered-trace.js";
import { seededRsaKey } from "./seeded-rsa-key.js";
import {
  createTransferWriter,
  type TransferStats,
  type TransferWriter,
} from "./transfer-writer.js";

/**
 * The fields of a CTS tracker that decide its trace transfer (the API's `Tracker`, structurally:
 * `@ctsim/mock`'s trackers fit as they are).
 */
export interface TransferTracker {
  readonly tracker_name: string;
  readonly status?: string;
  readonly is_support_validate?: boolean;
  readonly obs_info?: {
    readonly bucket_name?: string;
    readonly file_prefix_name?: string;
    readonly is_sort_by_service?: boolean;
  };
}

/** A trace as it reaches CTS: its project, the event, and when it arrived (became visible). */
export interface ArrivedTrace {
  readonly projectId: string;
  readonly event: TraceEvent;
  /** Epoch ms the trace became visible to the API: the time that places it in a transfer cycle. */
  readonly arrivedAt: number;
}

/** Options of {@link createTrackerTransfer}. */
export interface TrackerTransferOptions {
  /** The directory standing for OBS: each bucket is a directory under it (`{dir}/{bucket}/CloudTraces/…`). */
  readonly dir: string;
  /** Seed of the writers' cadence, duplicates and (without `digestKey`) the digest key. */
  readonly seed: number;
  /** A project's trackers as they are now (read for every batch: changes apply to later traces). */
  readonly trackersOf: (projectId: string) => readonly TransferTracker[];
  /** Signs the digests of trackers with `is_support_validate`. Default: the key derived from `seed`. */
  readonly digestKey?: KeyObject;
  /** Mean transfer cycle (ms). Default: the writer's (5 min). */
  readonly cycleMs?: number;
  /** Called for each trace file once durable, with the bucket it went to. */
  readonly onFile?: (file: DeliveredFile, bucket: string) => void;
  /** Called for each digest once durable, with its bucket. */
  readonly onDigest?: (digest: DeliveredDigest, bucket: string) => void;
  /** Called once, with the first write failure; every later call rejects with it too. */
  readonly onError?: (error: DeliveryError) => void;
}

/** Counts over every tracker's writer, closed ones included. */
export interface TrackerTransferStats extends TransferStats {
  /** Distinct (project, tracker, OBS configuration) deliveries opened. */
  readonly writers: number;
}

/**
 * Trace transfer of live trackers: each trace goes to the OBS bucket its tracker (the project's
 * tracker named like the trace's `tracker_name`) is configured with through the API, if enabled
 * and with a bucket. See {@link createTrackerTransfer}.
 */
export interface TrackerTransfer {
  /** Queues traces, in arrival order. Never throws; failures go to `onError` and `close`. */
  deliver(traces: Iterable<ArrivedTrace>): void;
  /** Queues closing the transfer cycles and digest hours that ended by `now`. */
  advance(now: number): void;
  /**
   * Traces queued and not yet written (0 once the transfer failed or closed): what a live
   * clock holds back on (`LiveSource.holdWhile`), so a slow disk slows the timeline instead of
   * filling memory.
   */
  readonly backlog: number;
  /** Resolves when everything queued so far is durable (rejects with the first failure). */
  settled(): Promise<void>;
  /** Delivers what remains (open cycles, ending digests) and ends every writer. */
  close(): Promise<TrackerTransferStats>;
}

/**
 * CTS's trace transfer driven by a live timeline (`serve --live --obs-dir`): traces are taken as
 * they arrive, so a trace file holds the traces CTS received in its cycle, all visible to the API
 * by the time the file is written; a late trace lands in a later file. A change of a tracker's
 * bucket, prefix, service sorting or validation closes its delivery and opens one on the new
 * configuration (a new digest chain, as a re-configured tracker starts one). Writes are queued
 * in one chain, so files appear in order and nothing is written concurrently to one bucket.
 *
 * Unconfirmed (ctsim's choice, package README): two trackers configured with one bucket and
 * prefix write side by side, with chains told apart only by region/tracker/service.
 *
 * @example
 * const transfer = createTrackerTransfer({ dir: "/srv/obs", seed: 1, trackersOf });
 * live.onVisible((ts, at) => transfer.deliver(ts.map((t) => ({ projectId: t.projectId, event: t.event, arrivedAt: at }))));
 */
export function createTrackerTransfer(options: TrackerTransferOptions): TrackerTransfer {
  const writers = new Map<string, OpenDelivery>();
  let queue: Promise<void> = Promise.resolve();
  let failure: DeliveryError | undefined;
  let closed = false;
  let opened = 0;
  let backlog = 0;
  const ended: TransferStats[] = [];
  let key: KeyObject | undefined = options.digestKey;
  const digestKey = (): KeyObject => {
    key ??= seededRsaKey(options.seed, "digest");
    return key;
  };

  const enqueue = (work: () => Promise<void>): void => {
    queue = queue.then(async () => {
      if (failure !== undefined) return;
      try {
        await work();
      } catch (error) {
        failure =
          error instanceof DeliveryError
            ? error
            : new DeliveryError(DeliveryErrorCode.writeFailed, `${options.dir}: ${String(error)}`);
        options.onError?.(failure);
      }
    });
  };

  const route = (trace: ArrivedTrace): TrackerRoute | undefined => {
    const name = trace.event.trackerName;
    const tracker = options.trackersOf(trace.projectId).find((t) => t.tracker_name === name);
    const bucket = tracker?.obs_info?.bucket_name ?? "";
    if (tracker === undefined || bucket === "" || tracker.status === "disabled") return undefined;
    const prefix = tracker.obs_info?.file_prefix_name ?? "";
    const sortByService = tracker.obs_info?.is_sort_by_service ?? true;
    const validate = tracker.is_support_validate === true;
    return {
      slot: `${trace.projectId}\u0000${name}`,
      config: `${bucket}\u0000${prefix}\u0000${sortByService}\u0000${validate}`,
      bucket,
      prefix,
      sortByService,
      validate,
    };
  };

  const open = async (at: TrackerRoute): Promise<TransferWriter> => {
    opened += 1;
    return createTransferWriter({
      dir: join(options.dir, at.bucket),
      seed: mix32(options.seed ^ hashText(`${at.slot}\u0000${at.config}`)),
      bucket: at.bucket,
      prefix: at.prefix,
      sortByService: at.sortByService,
      digests: at.validate ? digestKey() : false,
      ...(options.cycleMs === undefined ? {} : { cycleMs: options.cycleMs }),
      onFile: (file) => options.onFile?.(file, at.bucket),
      onDigest: (digest) => options.onDigest?.(digest, at.bucket),
    });
  };

  /** The writer of a route, re-opened when its tracker's configuration changed. */
  const writerOf = async (at: TrackerRoute): Promise<TransferWriter> => {
    const current = writers.get(at.slot);
    if (current !== undefined && current.config === at.config) return current.writer;
    if (current !== undefined) ended.push(await current.writer.close());
    const writer = await open(at);
    writers.set(at.slot, { config: at.config, writer });
    return writer;
  };

  return {
    deliver(traces) {
      if (closed) return;
      // Routes are read now, at arrival, not when the queue reaches the trace.
      const batch: { at: TrackerRoute; trace: ArrivedTrace }[] = [];
      for (const trace of traces) {
        const at = route(trace);
        if (at !== undefined) batch.push({ at, trace });
      }
      if (batch.length === 0) return;
      backlog += batch.length;
      enqueue(async () => {
        for (const { at, trace } of batch) {
          const writer = await writerOf(at);
          await writer.write({
            route: {
              region: trace.event.region,
              trackerName: trace.event.trackerName,
              serviceType: trace.event.serviceType,
              time: trace.arrivedAt,
            },
            record: encodeObsTraceJson(trace.event),
          });
          backlog -= 1;
        }
      });
    },
    get backlog() {
      return failure === undefined && !closed ? backlog : 0;
    },
    advance(now) {
      if (closed || writers.size === 0) return;
      enqueue(async () => {
        for (const { writer } of writers.values()) await writer.advance(now);
      });
    },
    async settled() {
      await queue;
      if (failure !== undefined) throw failure;
    },
    async close() {
      if (!closed) {
        closed = true;
        enqueue(async () => {
          for (const { writer } of writers.values()) ended.push(await writer.close());
        });
      }
      await queue;
      if (failure !== undefined) throw failure;
      return summed(ended, opened);
    },
  };
}

interface TrackerRoute {
  /** `project\0tracker`: one delivery at a time per tracker. */
  readonly slot: string;
  /** What of the tracker's OBS configuration decides the delivery. */
  readonly config: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly sortByService: boolean;
  readonly validate: boolean;
}

interface OpenDelivery {
  readonly config: string;
  readonly writer: TransferWriter;
}

function summed(all: readonly TransferStats[], writers: number): TrackerTransferStats {
  const sum = (pick: (s: TransferStats) => number): number =>
    all.reduce((total, s) => total + pick(s), 0);
  return {
    writers,
    traces: sum((s) => s.traces),
    files: sum((s) => s.files),
    records: sum((s) => s.records),
    duplicates: sum((s) => s.duplicates),
    digests: sum((s) => s.digests),
  };
}
