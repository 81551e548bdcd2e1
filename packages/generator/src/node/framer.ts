import type { TraceChunk } from "./trace-chunk.js";

/** How records are laid out in a byte stream: one JSON text per line, or one JSON array. */
export const FRAMINGS = ["lines", "array"] as const satisfies readonly string[];

/** One of {@link FRAMINGS}. */
export type Framing = (typeof FRAMINGS)[number];

/**
 * Turns chunks into the bytes of one framed document (a file, a stream, an HTTP body). A new
 * framer per document; `tail()` completes it, so an array document always parses.
 *
 * @example
 * const f = new Framer("array");
 * f.body({ text: "1\n2\n", count: 2 }) + f.tail(); // "[\n1,\n2\n]\n"
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

  /** The text for one chunk: as is for lines; comma-joined inside the array for arrays. */
  body(chunk: TraceChunk): string {
    if (chunk.count === 0) return "";
    const first = this.#records === 0;
    this.#records += chunk.count;
    if (this.framing === "lines") return chunk.text;
    // JSON texts never hold a raw newline, so every "\n" is a record boundary.
    const joined = chunk.text.slice(0, -1).replaceAll("\n", ",\n");
    return first ? `[\n${joined}` : `,\n${joined}`;
  }

  /** The text that completes the document: nothing for lines, the closing bracket for arrays. */
  tail(): string {
    if (this.framing === "lines") return "";
    return this.#records === 0 ? "[]\n" : "\n]\n";
  }
}
