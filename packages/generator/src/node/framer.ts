import { NEWLINE, type TraceChunk } from "./trace-chunk.js";

/** How records are laid out in a byte stream: one JSON text per line, or one JSON array. */
export const FRAMINGS = ["lines", "array"] as const satisfies readonly string[];

/** One of {@link FRAMINGS}. */
export type Framing = (typeof FRAMINGS)[number];

const COMMA = 0x2c;
const EMPTY = new Uint8Array(0);
const OPEN = new TextEncoder().encode("[\n");
const SEPARATOR = new TextEncoder().encode(",\n");
const CLOSE = new TextEncoder().encode("\n]\n");
const EMPTY_ARRAY = new TextEncoder().encode("[]\n");

/**
 * Turns chunks into the bytes of one framed document (a file, a stream, an HTTP body). A new
 * framer per document; `tail()` completes it, so an array document always parses.
 *
 * @example
 * const f = new Framer("array");
 * // f.body(chunkOfRecords(["1", "2"])) then f.tail(): the bytes of "[\n1,\n2\n]\n"
 */
export class Framer {
  readonly framing: Framing;
  #records = 0;

  constructor(framing: Framing) {
    this.framing = framing;
  }

  /** Records framed so far. */
  get records(): number {
    return this.#records;
  }

  /**
   * The bytes for one chunk: the chunk's own bytes for lines (no copy); for arrays, the records
   * comma-joined after the opening bracket or the previous record's separator.
   */
  body(chunk: TraceChunk): Uint8Array {
    if (chunk.count === 0) return EMPTY;
    const first = this.#records === 0;
    this.#records += chunk.count;
    if (this.framing === "lines") return chunk.bytes;
    const bytes = chunk.bytes;
    // "[\n" or ",\n", the records without their last newline, a comma before every other newline.
    const out = new Uint8Array(2 + bytes.length - 1 + chunk.count - 1);
    out.set(first ? OPEN : SEPARATOR, 0);
    let at = 2;
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      if (start > 0) {
        out[at++] = COMMA;
        out[at++] = NEWLINE;
      }
      out.set(bytes.subarray(start, end), at);
      at += end - start;
      start = end + 1;
    }
    return out;
  }

  /** The bytes that complete the document: nothing for lines, the closing bracket for arrays. */
  tail(): Uint8Array {
    return this.tailAfter(this.#records);
  }

  /** The bytes that would complete the document after its first `records` records. */
  tailAfter(records: number): Uint8Array {
    if (this.framing === "lines") return EMPTY;
    return records === 0 ? EMPTY_ARRAY : CLOSE;
  }
}
