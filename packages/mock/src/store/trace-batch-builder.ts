import { RecentKeyIds } from "./recent-key-ids.js";
import { BATCH_KEYS, type TraceBatch } from "./trace-batch.js";
import { type IndexableTrace, kindOf } from "./trace-fields.js";
import { compareEqualTimeRecords, traceIdHash } from "./trace-json.js";

const TIE_ENCODER = new TextEncoder();

/** Writes `text` as UTF-8 into `target` at `at` (which has room for 3 bytes per code unit); returns the bytes written. */
export type Utf8Writer = (text: string, target: Uint8Array, at: number) => number;

/** The arrays one batch is written into (each sized for `batchTraces` traces). */
export interface BatchBuffers {
  /** Room for the records' UTF-8 (a batch is emitted early when the next record does not fit). */
  readonly bytes: Uint8Array;
  readonly ends: Int32Array;
  readonly times: Float64Array;
  readonly idHashes: Int32Array;
  /** `batchTraces * BATCH_KEYS` entries. */
  readonly keys: Int32Array;
}

/** Options of {@link TraceBatchBuilder}. */
export interface TraceBatchBuilderOptions {
  /** Receives each full batch (and the last, partial one on {@link TraceBatchBuilder.end}). */
  readonly onBatch: (batch: TraceBatch) => void;
  /** Traces per batch. Default: 2048. */
  readonly batchTraces?: number;
  /** UTF-8 writer. Default: `TextEncoder.encodeInto` (Node's `Buffer.write` is faster on the generator's strings). */
  readonly writeUtf8?: Utf8Writer;
  /**
   * Where each batch is written, called before each batch is started: lets a producer recycle
   * the arrays of batches the consumer is done with (see `BatchMerger.drain`). Default: new
   * arrays for every batch ({@link newBatchBuffers}).
   */
  readonly nextBuffers?: (batchTraces: number) => BatchBuffers;
  /**
   * Distinct keys per field the builder remembers at least (see {@link RecentKeyIds}); a key
   * seen again after more keys than that gets a new id. Default: 16,384.
   */
  readonly keyWindow?: number;
}

/** Room reserved per trace in a batch's byte buffer. */
const BYTES_PER_TRACE = 1536;

/**
 * Fresh arrays for a batch of `batchTraces` traces (the builder's default), each on its own
 * memory from `allocate` (zeroed bytes; default: a plain `Uint8Array`).
 */
export function newBatchBuffers(
  batchTraces: number,
  allocate: (bytes: number) => Uint8Array = (bytes) => new Uint8Array(bytes),
): BatchBuffers {
  const memory = (bytes: number): ArrayBufferLike => allocate(bytes).buffer;
  return {
    bytes: allocate(batchTraces * BYTES_PER_TRACE),
    ends: new Int32Array(memory(4 * batchTraces)),
    times: new Float64Array(memory(8 * batchTraces)),
    idHashes: new Int32Array(memory(4 * batchTraces)),
    keys: new Int32Array(memory(4 * batchTraces * BATCH_KEYS)),
  };
}

interface Held {
  readonly trace: IndexableTrace;
  readonly json: string;
  readonly projectId: string;
}

const encoder = new TextEncoder();
const encodeInto: Utf8Writer = (text, target, at) =>
  encoder.encodeInto(text, target.subarray(at)).written;

/**
 * Turns a time-ordered stream of traces into {@link TraceBatch}es: UTF-8 records, times and
 * dictionary-coded index keys. Traces with equal `time` are put in the store's order
 * (`record_time`, the v1 `trace_id`'s time, the `trace_id`'s bytes), so the batches' order
 * does not depend on how the stream was produced (one generator or merged
 * shards).
 *
 * @example
 * const builder = new TraceBatchBuilder({ onBatch: (batch) => loader.push(0, batch) });
 * for (const event of generateTraces(options)) builder.push(event, encodeApiTraceJson(event), event.projectId);
 * builder.end();
 */
export class TraceBatchBuilder {
  private readonly onBatch: (batch: TraceBatch) => void;
  private readonly batchTraces: number;
  private readonly writeUtf8: Utf8Writer;
  private readonly nextBuffers: (batchTraces: number) => BatchBuffers;
  private readonly dictionaries: RecentKeyIds[];
  private newKeys: string[][] = [];
  private bytes: Uint8Array = new Uint8Array(0);
  private used = 0;
  private ends: Int32Array = new Int32Array(0);
  private times: Float64Array = new Float64Array(0);
  private idHashes: Int32Array = new Int32Array(0);
  private keys: Int32Array = new Int32Array(0);
  private count = 0;
  /** The last trace pushed, written once a later `time` shows it has no equal-time peers. */
  private held: IndexableTrace | null = null;
  private heldJson = "";
  private heldProject = "";
  /** The held run when several traces share a `time`. */
  private ties: Held[] | null = null;
  /** Per field, the last key looked up and its id (most fields repeat from trace to trace). */
  private readonly lastKeys: (string | undefined)[] = new Array(BATCH_KEYS).fill(undefined);
  private readonly lastIds: number[] = new Array(BATCH_KEYS).fill(0);

  constructor(options: TraceBatchBuilderOptions) {
    this.onBatch = options.onBatch;
    this.batchTraces = options.batchTraces ?? 2048;
    this.writeUtf8 = options.writeUtf8 ?? encodeInto;
    this.nextBuffers = options.nextBuffers ?? newBatchBuffers;
    const keyWindow = options.keyWindow ?? 16_384;
    this.dictionaries = Array.from({ length: BATCH_KEYS }, () => new RecentKeyIds(keyWindow));
    this.reset();
  }

  /**
   * Adds a trace; `time` must not decrease from one call to the next.
   *
   * @param json The trace's compact JSON text (ListTraces shape).
   * @param projectId The project to file it under.
   */
  push(trace: IndexableTrace, json: string, projectId: string): void {
    const held = this.held;
    if (held !== null) {
      if (held.time === trace.time) {
        this.ties ??= [{ trace: held, json: this.heldJson, projectId: this.heldProject }];
        this.ties.push({ trace, json, projectId });
        return;
      }
      this.release();
    }
    this.held = trace;
    this.heldJson = json;
    this.heldProject = projectId;
  }

  /** Emits what is left as a last batch. */
  end(): void {
    this.release();
    if (this.count > 0) this.emit();
  }

  /** Writes the held run of equal-time traces in the store's order (`compareEqualTimeRecords`). */
  private release(): void {
    const ties = this.ties;
    if (ties !== null) {
      // Ties are rare: their records are encoded once more to be ordered as the store orders them.
      const bytes = new Map(ties.map((tie) => [tie, TIE_ENCODER.encode(tie.json)]));
      ties.sort((a, b) => compareEqualTimeRecords(bytes.get(a)!, bytes.get(b)!));
      for (const { trace, json, projectId } of ties) this.write(trace, json, projectId);
      this.ties = null;
    } else if (this.held !== null) {
      this.write(this.held, this.heldJson, this.heldProject);
    }
    this.held = null;
    this.heldJson = "";
    this.heldProject = "";
  }

  private write(trace: IndexableTrace, json: string, projectId: string): void {
    const room = json.length * 3;
    if (this.used + room > this.bytes.length) {
      // Full: emit what is there (batch sizes do not change what is stored); only a record
      // bigger than a whole buffer needs one of its own.
      if (this.count > 0) this.emit();
      if (room > this.bytes.length) this.bytes = new Uint8Array(room);
    }
    const start = this.used;
    this.used += this.writeUtf8(json, this.bytes, start);
    const i = this.count++;
    this.ends[i] = this.used;
    this.times[i] = trace.time;
    this.idHashes[i] = traceIdHash(this.bytes, start, this.used);
    const base = i * BATCH_KEYS;
    const keys = this.keys;
    keys[base] = this.idOf(0, projectId);
    keys[base + 1] = kindOf(trace) === "data" ? this.idOf(1, "data") : -1;
    // Spelled out in FILTER_FIELDS order: a loop over FILTER_INDEX_FIELDS (keyed reads of the
    // generator's getters) made building batches ~13% slower. A test checks every column.
    keys[base + 2] = this.optionalId(2, trace.traceName);
    keys[base + 3] = this.optionalId(3, trace.resourceType);
    keys[base + 4] = this.optionalId(4, trace.resourceId);
    keys[base + 5] = this.optionalId(5, trace.resourceName);
    keys[base + 6] = this.optionalId(6, trace.userName);
    keys[base + 7] = this.optionalId(7, trace.traceRating);
    keys[base + 8] = this.optionalId(8, trace.serviceType);
    keys[base + 9] = this.optionalId(9, trace.trackerName);
    keys[base + 10] = this.optionalId(10, trace.accessKeyId);
    keys[base + 11] = this.optionalId(11, trace.enterpriseProjectId);
    if (this.count === this.batchTraces) this.emit();
  }

  private optionalId(field: number, key: string | null | undefined): number {
    return key === null || key === undefined ? -1 : this.idOf(field, key);
  }

  private idOf(field: number, key: string): number {
    if (this.lastKeys[field] === key) return this.lastIds[field]!;
    const dictionary = this.dictionaries[field]!;
    let id = dictionary.get(key);
    if (id === undefined) {
      id = dictionary.add(key);
      this.newKeys[field]!.push(key);
    }
    this.lastKeys[field] = key;
    this.lastIds[field] = id;
    return id;
  }

  private emit(): void {
    this.onBatch({
      count: this.count,
      bytes: this.bytes.subarray(0, this.used),
      ends: this.ends.subarray(0, this.count),
      times: this.times.subarray(0, this.count),
      idHashes: this.idHashes.subarray(0, this.count),
      keys: this.keys.subarray(0, this.count * BATCH_KEYS),
      newKeys: this.newKeys,
    });
    this.reset();
  }

  private reset(): void {
    const buffers = this.nextBuffers(this.batchTraces);
    this.bytes = buffers.bytes;
    this.used = 0;
    this.ends = buffers.ends;
    this.times = buffers.times;
    this.idHashes = buffers.idHashes;
    this.keys = buffers.keys;
    this.newKeys = Array.from({ length: BATCH_KEYS }, () => []);
    this.count = 0;
  }
}
