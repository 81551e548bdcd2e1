import { createHash, type Hash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createGzip, type Gzip } from "node:zlib";
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
 * `.{name}.partial` name and renamed when complete, so a reader never sees a partial file. The
 * name's 16 hex characters are the start of the SHA-256 of the file's JSON text, so the same
 * records always give the same name. Chunks must carry `routes` (one per record).
 *
 * Errors: `SINK_INVALID_OPTION` for a chunk without routes, `SINK_WRITE_FAILED` on I/O errors.
 *
 * @example
 * const sink = createObsDirSink({ dir: "/srv/bucket", prefix: "acme", cycleMs: 60_000 });
 */
export function createObsDirSink(options: ObsDirSinkOptions): TraceSink {
  const o = resolveOptions(options);
  const open = new Map<string, CycleFile>();
  let latestCycle = Number.NEGATIVE_INFINITY;
  let bytes = 0;
  let closed = false;

  const startFile = (route: TraceRoute, cycle: number): CycleFile => {
    const file = new CycleFile(o, route, cycle);
    open.set(file.key, file);
    return file;
  };

  const completeCyclesBefore = async (cycle: number): Promise<void> => {
    for (const [key, file] of open) {
      if (file.cycle < cycle) {
        open.delete(key);
        await file.complete();
      }
    }
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
    if (file !== undefined) {
      open.delete(key);
      await file.complete();
    }
    return startFile(route, cycle);
  };

  const writeChunk = async (chunk: TraceChunk): Promise<void> => {
    const routes = chunk.routes;
    if (routes === undefined || routes.length !== chunk.count) {
      throw new StreamError(
        StreamErrorCode.invalidOption,
        `dir ${o.dir}: every chunk needs one route per record (produce with routes: true)`,
      );
    }
    const records = chunk.bytes;
    bytes += records.length;
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
          await current.add({ bytes: records.subarray(runStart, offset), count: runCount });
        runStart = offset;
        runCount = 0;
        current = await fileFor(route);
      }
      runCount += 1;
      offset = records.indexOf(NEWLINE, offset) + 1;
    }
    if (current !== undefined && runCount > 0)
      await current.add({ bytes: records.subarray(runStart, offset), count: runCount });
  };

  return {
    get bytesWritten(): number {
      return bytes;
    },
    write(chunk: TraceChunk): Promise<void> {
      if (closed)
        return Promise.reject(new StreamError(StreamErrorCode.closed, `dir ${o.dir}: closed`));
      return writeChunk(chunk);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await completeCyclesBefore(Number.POSITIVE_INFINITY);
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
  readonly #ready: Promise<void>;
  #partial = "";
  #file: WriteStream | undefined;
  #input: Gzip | WriteStream | undefined;
  #failure: StreamError | undefined;

  constructor(options: ResolvedObsDirSinkOptions, route: TraceRoute, cycle: number) {
    this.#options = options;
    this.#route = route;
    this.cycle = cycle;
    this.key = routeKey(route);
    this.#ready = this.#open();
  }

  /** Appends a run of records (a part of a chunk) to the file's array. */
  async add(records: TraceChunk): Promise<void> {
    await this.#ready;
    if (this.#failure !== undefined) throw this.#failure;
    // The framer copies the records: the chunk's bytes go back to the producer.
    const piece = this.#framer.body(records);
    this.#hash.update(piece);
    const input = this.#input!;
    if (!input.write(piece)) await drained(input);
    if (this.#failure !== undefined) throw this.#failure;
  }

  /** Closes the array, waits for the bytes to reach the disk and gives the file its final name. */
  async complete(): Promise<void> {
    await this.#ready;
    if (this.#failure !== undefined) throw this.#failure;
    const tail = this.#framer.tail();
    this.#hash.update(tail);
    this.#input!.end(tail);
    await once(this.#file!, "close").catch(() => undefined);
    if (this.#failure !== undefined) throw this.#failure;
    const target = join(this.#options.dir, this.#key(this.#hash.digest("hex").slice(0, 16)));
    await rename(this.#partial, target).catch((error: unknown) => this.#fail(error));
    if (this.#failure !== undefined) throw this.#failure;
  }

  async #open(): Promise<void> {
    const dir = join(this.#options.dir, dirname(this.#key("0000000000000000")));
    partialSerial += 1;
    this.#partial = join(dir, `.${process.pid}-${partialSerial}.partial`);
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      this.#fail(error);
    }
    const file = createWriteStream(this.#partial, { flags: "w" });
    file.on("error", (error) => this.#fail(error));
    this.#file = file;
    if (this.#options.compressType === "gzip") {
      const gzip = createGzip();
      gzip.on("error", (error) => this.#fail(error));
      gzip.pipe(file);
      this.#input = gzip;
    } else {
      this.#input = file;
    }
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

  /** Records in the file so far. */
  get records(): number {
    return this.#framer.records;
  }

  #fail(error: unknown): void {
    this.#failure ??= streamErrorFrom(error, `dir ${this.#options.dir}`);
  }
}
