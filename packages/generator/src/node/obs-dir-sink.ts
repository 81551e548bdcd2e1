import { createHash, type Hash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { open as fsOpen, mkdir, rename, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Writable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { drained } from "./drained.js";
import { Framer } from "./framer.js";
import { obsObjectKey } from "./obs-object-key.js";
import { StreamError, StreamErrorCode, streamErrorFrom } from "./stream-error.js";
import { NEWLINE, type TraceChunk, type TraceRoute, type TraceSink } from "./trace-chunk.js";

/** Options of {@link createObsDirSink}. */
export interface ObsDirSinkOptions {
  /** The local directory standing for the bucket; files go under `{dir}/CloudTraces/...`. */
  readonly dir: string;
  /** The tracker's `file_prefix_name`. Default `"ctsim"`. */
  readonly prefix?: string;
  /** Length of a transfer cycle in trace time (ms): one file per cycle and route. Default 5 min. */
  readonly cycleMs?: number;
  /** Split a cycle's file after this many records ("split when large"). Default 10 000. */
  readonly maxRecords?: number;
  /** `is_sort_by_service`: a `{ServiceType}` directory per service. Default `true`. */
  readonly sortByService?: boolean;
  /** `compress_type`. Default `"gzip"`. */
  readonly compressType?: "gzip" | "json";
}

type ResolvedObsDirSinkOptions = Required<ObsDirSinkOptions>;

/**
 * A sink that lays trace files out as CTS delivers them to an OBS bucket (reference §7.1): per
 * region, tracker and service, one gzipped JSON array of OBS-shape records per transfer cycle of
 * trace time, split when it reaches `maxRecords`. Each file is written under a hidden
 * `.{name}.partial` name, fsynced, and renamed when complete, so a reader never sees a partial
 * file; its records count as written only then. The name's 16 hex characters are the start of
 * the SHA-256 of the file's JSON text, so the same records always give the same name. Chunks
 * must carry `routes` (one per record). The directory is created before this resolves.
 *
 * Errors: `CTSIM_SINK_INVALID_OPTION` for a chunk without routes, `CTSIM_SINK_WRITE_FAILED` on I/O errors;
 * after a failure every partial file is removed (or named in the message when it cannot be).
 *
 * @example
 * const sink = await createObsDirSink({ dir: "/srv/bucket", prefix: "acme", cycleMs: 60_000 });
 */
export async function createObsDirSink(options: ObsDirSinkOptions): Promise<TraceSink> {
  const o = resolveOptions(options);
  await mkdir(o.dir, { recursive: true }).catch((error: unknown) => {
    throw streamErrorFrom(error, `dir ${o.dir}`);
  });
  const open = new Map<string, CycleFile>();
  let latestCycle = Number.NEGATIVE_INFINITY;
  let records = 0;
  let bytes = 0;
  let failure: StreamError | undefined;
  let closed = false;

  const complete = async (file: CycleFile): Promise<void> => {
    await file.complete(); // still open until then: a failure discards it with the rest
    open.delete(file.key);
    records += file.records;
    bytes += file.bytes;
  };

  const completeCyclesBefore = async (cycle: number): Promise<void> => {
    for (const file of [...open.values()]) if (file.cycle < cycle) await complete(file);
  };

  /** The file a record of `route` goes to, completing files whose cycle or size is over. */
  const fileFor = async (route: TraceRoute): Promise<CycleFile> => {
    const cycle = Math.floor(route.time / o.cycleMs);
    if (cycle > latestCycle) {
      latestCycle = cycle;
      await completeCyclesBefore(cycle);
    }
    const key = routeKey(route);
    const file = open.get(key);
    if (file !== undefined && file.cycle === cycle && file.records < o.maxRecords) return file;
    if (file !== undefined) await complete(file);
    const started = new CycleFile(o, route, cycle);
    open.set(key, started);
    return started;
  };

  const writeChunk = async (chunk: TraceChunk): Promise<void> => {
    const routes = chunk.routes;
    if (routes === undefined || routes.length !== chunk.count) {
      throw new StreamError(
        StreamErrorCode.invalidOption,
        `dir ${o.dir}: every chunk needs one route per record (produce with routes: true)`,
      );
    }
    const chunkBytes = chunk.bytes;
    // Consecutive records bound for the same file are handed over together: a run of records
    // is a contiguous part of the chunk.
    let runStart = 0;
    let runCount = 0;
    let current: CycleFile | undefined;
    let offset = 0;
    for (let index = 0; index < chunk.count; index += 1) {
      const route = routes[index]!;
      const cycle = Math.floor(route.time / o.cycleMs);
      const same =
        current !== undefined &&
        current.key === routeKey(route) &&
        current.cycle === cycle &&
        cycle <= latestCycle &&
        current.records + runCount < o.maxRecords;
      if (!same) {
        if (current !== undefined && runCount > 0)
          await current.add({ bytes: chunkBytes.subarray(runStart, offset), count: runCount });
        runStart = offset;
        runCount = 0;
        current = await fileFor(route);
      }
      runCount += 1;
      offset = chunkBytes.indexOf(NEWLINE, offset) + 1;
    }
    if (current !== undefined && runCount > 0)
      await current.add({ bytes: chunkBytes.subarray(runStart, offset), count: runCount });
  };

  /** Keeps the first failure and removes every partial file, naming those that stay. */
  const fail = async (error: unknown): Promise<StreamError> => {
    if (failure !== undefined) return failure;
    const first = streamErrorFrom(error, `dir ${o.dir}`);
    const left: string[] = [];
    for (const file of open.values()) {
      const partial = await file.discard();
      if (partial !== undefined) left.push(partial);
    }
    open.clear();
    failure =
      left.length === 0
        ? first
        : new StreamError(
            first.code,
            `${first.message}; partial files left behind: ${left.join(", ")}`,
            { cause: first },
          );
    return failure;
  };

  return {
    get recordsWritten(): number {
      return records;
    },
    get bytesWritten(): number {
      return bytes;
    },
    async write(chunk: TraceChunk): Promise<void> {
      if (failure !== undefined) throw failure;
      if (closed) throw new StreamError(StreamErrorCode.closed, `dir ${o.dir}: closed`);
      try {
        await writeChunk(chunk);
      } catch (error) {
        throw await fail(error);
      }
    },
    async close(): Promise<void> {
      if (closed) {
        if (failure !== undefined) throw failure;
        return;
      }
      closed = true;
      if (failure !== undefined) throw failure;
      try {
        await completeCyclesBefore(Number.POSITIVE_INFINITY);
      } catch (error) {
        throw await fail(error);
      }
    },
  };
}

function resolveOptions(options: ObsDirSinkOptions): ResolvedObsDirSinkOptions {
  const cycleMs = options.cycleMs ?? 5 * 60_000;
  const maxRecords = options.maxRecords ?? 10_000;
  if (!(cycleMs > 0) || !(maxRecords >= 1)) {
    throw new StreamError(
      StreamErrorCode.invalidOption,
      `dir sink: cycleMs (${cycleMs}) and maxRecords (${maxRecords}) must be positive`,
    );
  }
  return {
    dir: options.dir,
    prefix: options.prefix ?? "ctsim",
    cycleMs,
    maxRecords,
    sortByService: options.sortByService ?? true,
    compressType: options.compressType ?? "gzip",
  };
}

function routeKey(route: TraceRoute): string {
  return `${route.region}\u0000${route.trackerName}\u0000${route.serviceType}`;
}

let partialSerial = 0;

/** One trace file being filled: records stream through gzip into a hidden partial file. */
class CycleFile {
  readonly cycle: number;
  readonly key: string;
  readonly #options: ResolvedObsDirSinkOptions;
  readonly #route: TraceRoute;
  readonly #hash: Hash = createHash("sha256");
  readonly #framer = new Framer("array");
  readonly #dir: string;
  readonly #partial: string;
  readonly #ready: Promise<void>;
  #input: Writable | undefined;
  #written: Promise<void> | undefined;
  #bytes = 0;

  constructor(options: ResolvedObsDirSinkOptions, route: TraceRoute, cycle: number) {
    this.#options = options;
    this.#route = route;
    this.cycle = cycle;
    this.key = routeKey(route);
    this.#dir = join(options.dir, dirname(this.#key("0000000000000000")));
    partialSerial += 1;
    this.#partial = join(this.#dir, `.${process.pid}-${partialSerial}.partial`);
    this.#ready = this.#open();
  }

  /** Records in the file so far. */
  get records(): number {
    return this.#framer.records;
  }

  /** Bytes of the file's JSON text so far (before compression). */
  get bytes(): number {
    return this.#bytes;
  }

  /** Appends a run of records (a part of a chunk) to the file's array. */
  async add(records: TraceChunk): Promise<void> {
    await this.#ready;
    // The framer copies the records: the chunk's bytes go back to the producer.
    const piece = this.#framer.body(records);
    this.#hash.update(piece);
    this.#bytes += piece.length;
    const input = this.#input!;
    if (!input.write(piece)) await Promise.race([drained(input), this.#written]);
  }

  /** Closes the array, waits until the bytes are on disk (fsynced) and gives the file its final name. */
  async complete(): Promise<void> {
    await this.#ready;
    const tail = this.#framer.tail();
    this.#hash.update(tail);
    this.#bytes += tail.length;
    this.#input!.end(tail);
    await this.#written;
    const target = join(this.#options.dir, this.#key(this.#hash.digest("hex").slice(0, 16)));
    await rename(this.#partial, target);
    await syncDirectory(this.#dir);
  }

  /** Stops writing and removes the partial file; returns its path if it could not be removed. */
  async discard(): Promise<string | undefined> {
    this.#input?.destroy();
    await this.#written?.catch(() => undefined);
    return unlink(this.#partial).then(
      () => undefined,
      (error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? undefined : this.#partial),
    );
  }

  async #open(): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    // `flush`: the file is fsynced before it closes, so a renamed file is on disk whole.
    const file = createWriteStream(this.#partial, { flags: "w", flush: true });
    if (this.#options.compressType === "gzip") {
      const gzip = createGzip();
      this.#input = gzip;
      this.#written = pipeline(gzip, file);
    } else {
      this.#input = file;
      this.#written = finished(file);
    }
    // Failures surface through the next add or complete; never as an unhandled rejection.
    this.#written.catch(() => undefined);
  }

  #key(hex: string): string {
    const o = this.#options;
    return obsObjectKey({
      region: this.#route.region,
      trackerName: this.#route.trackerName,
      serviceType: this.#route.serviceType,
      uploadTime: (this.cycle + 1) * o.cycleMs,
      prefix: o.prefix,
      hex,
      sortByService: o.sortByService,
      compressType: o.compressType,
    });
  }
}

/** fsyncs a directory, so a rename in it survives a crash. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await fsOpen(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
