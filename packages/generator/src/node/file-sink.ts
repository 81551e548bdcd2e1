import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { rename } from "node:fs/promises";
import { Framer, type Framing } from "./framer.js";
import { StreamError, StreamErrorCode, streamErrorFrom } from "./stream-error.js";
import { countRecords, NEWLINE, type TraceChunk, type TraceSink } from "./trace-chunk.js";
import { written } from "./written.js";

/** Options of {@link createFileSink}. */
export interface FileSinkOptions {
  /** The file written to; rotated files are renamed to `{path}.{n}` (n = 1, 2, ...). */
  readonly path: string;
  /** Record layout; with `"array"` every file (rotated or not) is one complete array. Default `"lines"`. */
  readonly framing?: Framing;
  /** Rotate before a file would grow past this many bytes (never inside a record). Default: no size rotation. */
  readonly rotateBytes?: number;
  /** Rotate at the first write once the file is this old (ms). Default: no time rotation. */
  readonly rotateMs?: number;
  /** Clock for time rotation. Default `Date.now`. */
  readonly clock?: () => number;
  /** Append to an existing file instead of truncating it. Default `false`. */
  readonly append?: boolean;
}

interface ResolvedFileSinkOptions {
  readonly path: string;
  readonly framing: Framing;
  readonly rotateBytes: number;
  readonly rotateMs: number;
  readonly clock: () => number;
  readonly append: boolean;
}

/**
 * A sink writing to a file, rotating by size and/or age the way log shippers expect: the live
 * file keeps its name and each full one is renamed to `{path}.1`, `{path}.2`, ... Rotation only
 * happens between records, so every file holds whole records (a complete JSON array with
 * `framing: "array"`). Writes wait for the file stream to drain.
 *
 * Errors: rejects with `SINK_WRITE_FAILED` (e.g. ENOSPC on a full disk) or `SINK_INVALID_OPTION`.
 *
 * @example
 * const sink = createFileSink({ path: "/var/log/cts/traces.ndjson", rotateBytes: 64 * 2 ** 20 });
 */
export function createFileSink(options: FileSinkOptions): TraceSink {
  const o = resolveOptions(options);
  let file: OpenFile | undefined;
  let rotated = 0;
  let bytes = 0;
  let closed = false;

  const open = (): OpenFile => {
    const stream = createWriteStream(o.path, { flags: o.append && rotated === 0 ? "a" : "w" });
    const state: OpenFile = { stream, framer: new Framer(o.framing), size: 0, openedAt: o.clock() };
    stream.on("error", (error) => {
      state.failure ??= streamErrorFrom(error, `file ${o.path}`);
    });
    return state;
  };

  const put = async (current: OpenFile, data: Uint8Array): Promise<void> => {
    if (current.failure !== undefined) throw current.failure;
    if (data.length === 0) return;
    current.size += data.length;
    bytes += data.length;
    await written(current.stream, data);
    if (current.failure !== undefined) throw current.failure;
  };

  const rotate = async (current: OpenFile): Promise<void> => {
    await put(current, current.framer.tail());
    await finish(current);
    rotated += 1;
    await rename(o.path, `${o.path}.${rotated}`).catch((error: unknown) => {
      throw streamErrorFrom(error, `file ${o.path}: rotating to ${o.path}.${rotated}`);
    });
    file = open();
  };

  const writeRecords = async (chunk: TraceChunk): Promise<void> => {
    file ??= open();
    if (file.framer.records > 0 && o.clock() - file.openedAt >= o.rotateMs) await rotate(file);
    let rest = chunk;
    while (rest.count > 0) {
      const current: OpenFile = file;
      const room = o.rotateBytes - current.size - 2; // 2: the array's separator and closing bracket
      const [head, tail] = splitAtBytes(rest, room, current.framer.records === 0);
      await put(current, current.framer.body(head));
      if (tail === undefined) return;
      await rotate(current);
      rest = tail;
    }
  };

  return {
    get bytesWritten(): number {
      return bytes;
    },
    write(chunk: TraceChunk): Promise<void> {
      if (closed)
        return Promise.reject(new StreamError(StreamErrorCode.closed, `file ${o.path}: closed`));
      return writeRecords(chunk);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      file ??= open();
      await put(file, file.framer.tail());
      await finish(file);
    },
  };
}

interface OpenFile {
  readonly stream: WriteStream;
  readonly framer: Framer;
  size: number;
  readonly openedAt: number;
  failure?: StreamError;
}

function resolveOptions(options: FileSinkOptions): ResolvedFileSinkOptions {
  const positive = (value: number | undefined, name: string): number => {
    if (value === undefined) return Number.POSITIVE_INFINITY;
    if (!(value > 0)) {
      throw new StreamError(StreamErrorCode.invalidOption, `${name} must be > 0, got ${value}`);
    }
    return value;
  };
  return {
    path: options.path,
    framing: options.framing ?? "lines",
    rotateBytes: positive(options.rotateBytes, "rotateBytes"),
    rotateMs: positive(options.rotateMs, "rotateMs"),
    clock: options.clock ?? Date.now,
    append: options.append ?? false,
  };
}

/**
 * Splits a chunk so its head fits in `room` bytes; a file that is still empty takes at least one
 * record (a record larger than the rotation size gets a file of its own).
 */
function splitAtBytes(
  chunk: TraceChunk,
  room: number,
  empty: boolean,
): [TraceChunk, TraceChunk | undefined] {
  const bytes = chunk.bytes;
  if (bytes.length <= room) return [chunk, undefined];
  let cut = room > 0 ? bytes.lastIndexOf(NEWLINE, room - 1) + 1 : 0;
  if (cut === 0 && empty) cut = bytes.indexOf(NEWLINE) + 1;
  if (cut === 0) return [{ bytes: bytes.subarray(0, 0), count: 0 }, chunk];
  const head = bytes.subarray(0, cut);
  const headCount = countRecords(head);
  if (headCount === chunk.count) return [chunk, undefined];
  return [
    { bytes: head, count: headCount },
    { bytes: bytes.subarray(cut), count: chunk.count - headCount },
  ];
}

async function finish(file: OpenFile): Promise<void> {
  if (!file.stream.closed) {
    file.stream.end();
    await once(file.stream, "close").catch(() => undefined);
  }
  if (file.failure !== undefined) throw file.failure;
}
