import { closeSync, constants, fstat, fsync, ftruncate, open, writev } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { Framer, type Framing } from "./framer.js";
import { StreamError, StreamErrorCode, streamErrorFrom } from "./stream-error.js";
import { countRecords, NEWLINE, type TraceChunk } from "./trace-chunk.js";

const openAsync = promisify(open);
const fstatAsync = promisify(fstat);
const fsyncAsync = promisify(fsync);
const ftruncateAsync = promisify(ftruncate);
const writevAsync = promisify(writev);

/** How long a write that met a full non-blocking descriptor waits before trying again (ms). */
const EAGAIN_RETRY_MS = 1;

/**
 * One framed document of trace records (NDJSON lines or a JSON array) written to a file
 * descriptor, that never ends inside a record. A chunk counts as written once every byte of
 * it is in the file (the write returned); `finish` writes the framing's tail and fsyncs. When a
 * write fails (ENOSPC, EIO, ...), the file is cut back to the end of the last whole record and
 * an array is closed, so what is left parses; if even that fails, the error says so.
 *
 * Writes are sequential (`write(2)` at the descriptor's offset), so a descriptor shared with a
 * shell (`ctsim generate >> f`) keeps its offset right. Only regular files are cut back; a
 * device such as `/dev/full` is left alone.
 *
 * @example
 * const file = await FramedFile.open("/tmp/traces.json", { framing: "array" });
 * await file.append(chunk);
 * await file.finish();
 */
export class FramedFile {
  /** How messages name the destination, e.g. `file /tmp/x.ndjson` or `stdout`. */
  readonly name: string;
  readonly #fd: number;
  readonly #owned: boolean;
  readonly #regular: boolean;
  readonly #framer: Framer;
  /** File offset where the document began. */
  readonly #base: number;
  /** File offset after the last whole record written (the tail is not written yet). */
  #end: number;
  /** `#end` and the record count before the last write: the fallback when a tail cannot be added. */
  #previous: { end: number; records: number };
  #records = 0;
  #failure: StreamError | undefined;
  #finished = false;

  private constructor(
    fd: number,
    name: string,
    options: { framing: Framing; owned: boolean; regular: boolean; base: number },
  ) {
    this.#fd = fd;
    this.name = name;
    this.#owned = options.owned;
    this.#regular = options.regular;
    this.#framer = new Framer(options.framing);
    this.#base = options.base;
    this.#end = options.base;
    this.#previous = { end: options.base, records: 0 };
  }

  /**
   * Opens (creates or truncates, or appends to with `append`) the file at `path`.
   *
   * @throws {StreamError} `CTSIM_SINK_WRITE_FAILED` naming the path and the cause (ENOENT, EISDIR, EACCES, ...).
   */
  static async open(
    path: string,
    options: { readonly framing: Framing; readonly append?: boolean; readonly name?: string },
  ): Promise<FramedFile> {
    const name = options.name ?? `file ${path}`;
    const flags =
      constants.O_WRONLY |
      constants.O_CREAT |
      (options.append === true ? constants.O_APPEND : constants.O_TRUNC);
    const fd = await openAsync(path, flags, 0o666).catch((error: unknown) => {
      throw streamErrorFrom(error, name);
    });
    try {
      const info = await fstatAsync(fd);
      if (info.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
      return new FramedFile(fd, name, {
        framing: options.framing,
        owned: true,
        regular: info.isFile(),
        base: options.append === true ? info.size : 0,
      });
    } catch (error) {
      closeSync(fd);
      throw streamErrorFrom(error, name);
    }
  }

  /**
   * Writes to a descriptor someone else opened (standard output redirected to a file), where
   * the document starts at the file's current size. It is fsynced but not closed at `finish`.
   */
  static async adopt(fd: number, options: { framing: Framing; name: string }): Promise<FramedFile> {
    const info = await fstatAsync(fd).catch((error: unknown) => {
      throw streamErrorFrom(error, options.name);
    });
    return new FramedFile(fd, options.name, {
      framing: options.framing,
      owned: false,
      regular: info.isFile(),
      base: info.size,
    });
  }

  /** Records written whole so far. */
  get records(): number {
    return this.#records;
  }

  /** Bytes of the document written so far (framing included; the closing tail once finished). */
  get bytes(): number {
    return this.#end - this.#base;
  }

  /**
   * Appends a chunk's records; resolves once all of its bytes are in the file, so the chunk may
   * be reused.
   *
   * @throws {StreamError} `CTSIM_SINK_WRITE_FAILED` after cutting the file back to its last whole record.
   */
  async append(chunk: TraceChunk): Promise<void> {
    if (this.#failure !== undefined) throw this.#failure;
    if (this.#finished) throw new StreamError(StreamErrorCode.closed, `${this.name}: closed`);
    if (chunk.count === 0) return;
    const body = this.#framer.body(chunk);
    this.#previous = { end: this.#end, records: this.#records };
    let written = 0;
    try {
      await writeAll(this.#fd, body, undefined, (bytes) => {
        written = bytes;
      });
    } catch (error) {
      // The records of a short write that made it whole stay; the file is cut after them.
      const whole = wholeRecordsIn(body, written, this.#framer.framing);
      this.#end += whole.bytes;
      this.#records += whole.records;
      throw await this.#fail(error);
    }
    this.#end += body.length;
    this.#records += chunk.count;
  }

  /**
   * Completes the document (an array's closing bracket), fsyncs it and closes the file (a
   * descriptor that was adopted stays open). Safe to call after a failure: it then only
   * releases the file.
   *
   * @throws {StreamError} `CTSIM_SINK_WRITE_FAILED` when the tail or the fsync fails (the file is then
   *   cut back as after a failed `append`).
   */
  async finish(): Promise<void> {
    if (this.#finished) return;
    this.#finished = true;
    try {
      if (this.#failure !== undefined) throw this.#failure;
      try {
        const tail = this.#framer.tail();
        if (tail.length > 0) await writeAll(this.#fd, tail);
        if (this.#regular) await fsyncAsync(this.#fd);
        this.#end += tail.length;
      } catch (error) {
        throw await this.#fail(error);
      }
    } finally {
      if (this.#owned) closeSync(this.#fd);
    }
  }

  /** Keeps the first failure, cuts the file back to whole records, and returns the error to throw. */
  async #fail(error: unknown): Promise<StreamError> {
    const failure = streamErrorFrom(error, this.name);
    this.#failure = failure;
    if (!this.#regular) return failure;
    try {
      await this.#cutBack();
    } catch (cause) {
      this.#failure = new StreamError(
        failure.code,
        `${failure.message}; the file could not be cut back to its last whole record either (${(cause as Error).message})`,
        { cause: failure },
      );
    }
    return this.#failure;
  }

  /**
   * Truncates the file to the end of the last whole record and writes the framing's tail there;
   * if the disk has no room even for the tail, drops the last write's records and tries again.
   */
  async #cutBack(): Promise<void> {
    const fallbacks = [
      { end: this.#end, records: this.#records },
      this.#previous,
      { end: this.#base, records: 0 },
    ];
    let last: unknown;
    for (const point of fallbacks) {
      try {
        await ftruncateAsync(this.#fd, point.end);
        const tail = this.#framer.tailAfter(point.records);
        if (tail.length > 0) await writeAll(this.#fd, tail, point.end);
        this.#end = point.end;
        this.#records = point.records;
        return;
      } catch (error) {
        last = error;
      }
    }
    throw last;
  }
}

/**
 * Writes every byte of `data` (looping over short writes), at `position` or the file offset;
 * `progress` hears the bytes written so far after each write. A non-blocking descriptor (a pipe
 * someone set `O_NONBLOCK` on) that is full answers EAGAIN: the write is tried again shortly.
 */
async function writeAll(
  fd: number,
  data: Uint8Array,
  position?: number,
  progress?: (bytes: number) => void,
): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const rest = done === 0 ? data : data.subarray(done);
    // No position: write(2) at the descriptor's offset, which then moves on.
    const at = position === undefined ? undefined : position + done;
    try {
      done += (await writevAsync(fd, [rest], at)).bytesWritten;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      await sleep(EAGAIN_RETRY_MS);
      continue;
    }
    progress?.(done);
  }
}

/**
 * The whole records at the start of the first `written` bytes of a framed body: how many, and
 * where the last of them ends. Records hold no newline byte, so in lines every newline ends one;
 * in an array every newline but the opening bracket's follows the comma after a record.
 */
function wholeRecordsIn(
  body: Uint8Array,
  written: number,
  framing: Framing,
): { bytes: number; records: number } {
  if (written <= 0) return { bytes: 0, records: 0 };
  if (framing === "lines") {
    const bytes = body.lastIndexOf(NEWLINE, written - 1) + 1;
    return { bytes, records: countRecords(body.subarray(0, bytes)) };
  }
  const last = body.lastIndexOf(NEWLINE, written - 1);
  // A first body opens with "[\n"; a later one with ",\n", which ends the previous record.
  if (last < 2) return { bytes: 0, records: 0 };
  return { bytes: last - 1, records: countRecords(body.subarray(2, last + 1)) };
}
