import { rename } from "node:fs/promises";
import { FramedFile } from "./framed-file.js";
import type { Framing } from "./framer.js";
import { StreamError, StreamErrorCode, streamErrorFrom } from "./stream-error.js";
import { NEWLINE, splitChunk, type TraceChunk, type TraceSink } from "./trace-chunk.js";

/** Bytes of the newline, bracket and newline that close a non-empty array file. */
const CLOSE_BYTES = 3;

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
 * `framing: "array"`), and each is fsynced before it is renamed. The first file is opened
 * before this resolves, so a path that cannot be written fails at once. A record counts as
 * written once the write holding it returned; a failed write leaves the file cut back to its
 * last whole record (see {@link FramedFile}).
 *
 * Errors: rejects with `CTSIM_SINK_WRITE_FAILED` naming the file and the cause (ENOENT, EISDIR,
 * ENOSPC, ...) or `CTSIM_SINK_INVALID_OPTION`.
 *
 * @example
 * const sink = await createFileSink({ path: "/var/log/cts/traces.ndjson", rotateBytes: 64 * 2 ** 20 });
 */
export async function createFileSink(options: FileSinkOptions): Promise<TraceSink> {
  const o = resolveOptions(options);
  const name = `file ${o.path}`;
  let rotated = 0;
  const open = async (): Promise<{ file: FramedFile; openedAt: number }> => ({
    file: await FramedFile.open(o.path, { framing: o.framing, append: o.append && rotated === 0 }),
    openedAt: o.clock(),
  });
  let current = await open();
  let earlier = { records: 0, bytes: 0 };
  let closed = false;

  const rotate = async (): Promise<void> => {
    const { file } = current;
    await file.finish();
    earlier = { records: earlier.records + file.records, bytes: earlier.bytes + file.bytes };
    rotated += 1;
    await rename(o.path, `${o.path}.${rotated}`).catch((error: unknown) => {
      throw streamErrorFrom(error, `${name}: rotating to ${o.path}.${rotated}`);
    });
    current = await open();
  };

  const writeRecords = async (chunk: TraceChunk): Promise<void> => {
    if (current.file.records > 0 && o.clock() - current.openedAt >= o.rotateMs) await rotate();
    let rest = chunk;
    for (;;) {
      const file = current.file;
      const room = o.rotateBytes - file.bytes - (o.framing === "array" ? CLOSE_BYTES : 0);
      const fitting = recordsFitting(rest, room, o.framing, file.records === 0);
      if (fitting === rest.count) return file.append(rest);
      if (fitting > 0) {
        const [head, tail] = splitChunk(rest, fitting);
        await file.append(head);
        rest = tail;
      }
      await rotate();
    }
  };

  return {
    get recordsWritten(): number {
      return earlier.records + current.file.records;
    },
    get bytesWritten(): number {
      return earlier.bytes + current.file.bytes;
    },
    write(chunk: TraceChunk): Promise<void> {
      if (closed) return Promise.reject(new StreamError(StreamErrorCode.closed, `${name}: closed`));
      return writeRecords(chunk);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await current.file.finish();
    },
  };
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
 * How many of a chunk's first records fit in `room` bytes of a file framed as `framing` (an
 * array's records each take a separator; its closing bracket is kept out of `room` by the
 * caller). A file that is still empty takes at least one record, so a record larger than the
 * rotation size gets a file of its own.
 */
function recordsFitting(chunk: TraceChunk, room: number, framing: Framing, empty: boolean): number {
  const bytes = chunk.bytes;
  const perRecord = framing === "array" ? 1 : 0;
  if (bytes.length + perRecord * (chunk.count + 1) <= room) return chunk.count;
  let used = 0;
  let fitting = 0;
  let start = 0;
  for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
    used += end - start + 1 + perRecord;
    if (used > room) break;
    fitting += 1;
    start = end + 1;
  }
  return fitting === 0 && empty ? 1 : fitting;
}
