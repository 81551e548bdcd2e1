import { CheckCode } from "./check-code.js";

/** What the scanner hands on: a parsed top-level value (or array element) and its first line. */
export type UnitHandler = (value: unknown, line: number) => void;

/** A problem in the input text itself: unparsable JSON or broken framing. */
export type ScanProblemHandler = (
  line: number,
  code: typeof CheckCode.jsonParse | typeof CheckCode.inputFormat,
  message: string,
) => void;

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * Splits text, fed line by line, into JSON values: each top-level value, or each element of a
 * top-level array, is parsed on its own, so memory stays bounded by the largest single value.
 *
 * Accepted framings: NDJSON (one object per line), JSON arrays (`[` … `]`, one element per line
 * as the generator writes them, several per line, or pretty-printed over many lines), and
 * sequences of objects. Commas between values are optional and trailing commas are accepted.
 *
 * The first value decides the mode. When it ends on the line it started on, the input is
 * line-delimited: a value still open at the end of its line is reported as a parse error and the
 * next line starts afresh, so one broken NDJSON line never swallows the rest; only a value whose
 * first line is a lone `{` (pretty-printed) may continue. Otherwise values may span lines. In
 * both modes a line ending inside a string is an error (JSON strings hold no raw line breaks).
 *
 * @example
 * const scanner = new JsonUnitScanner((value, line) => seen.push([line, value]), report);
 * scanner.push('[{"a":1},', 1);
 * scanner.push('{"a":2}]', 2);
 * scanner.end();
 */
export class JsonUnitScanner {
  readonly #onUnit: UnitHandler;
  readonly #onProblem: ScanProblemHandler;
  /** Structural depth, counting an enclosing top-level array as 1. */
  #depth = 0;
  /** Depth at which values are units: 1 inside a top-level array, else 0. */
  #unitDepth = 0;
  #arrayLine = 0;
  #inString = false;
  /** Text of the open unit from earlier lines (multi-line mode only). */
  #buffer = "";
  #unitLine = 0;
  /** undefined until the first unit decides; true: line-delimited; false: values span lines. */
  #lineMode: boolean | undefined;

  /** @param onUnit receives every parsed unit; @param onProblem every framing or JSON error. */
  constructor(onUnit: UnitHandler, onProblem: ScanProblemHandler) {
    this.#onUnit = onUnit;
    this.#onProblem = onProblem;
  }

  /** Feeds one line (without its line break); `lineNumber` is 1-based. */
  push(line: string, lineNumber: number): void {
    let end = line.length;
    while (end > 0 && isSpace(line.charCodeAt(end - 1))) end--;
    let start = 0;
    while (start < end && isSpace(line.charCodeAt(start))) start++;
    if (start === end && this.#depth === this.#unitDepth) return;
    if (
      this.#lineMode !== false &&
      this.#depth === this.#unitDepth &&
      this.#tryWholeLine(line, start, end, lineNumber)
    ) {
      return;
    }
    this.#scan(line, start, end, lineNumber);
  }

  /** Ends the input: reports a value or array left open. */
  end(): void {
    if (this.#depth > this.#unitDepth) {
      this.#onProblem(
        this.#unitLine,
        CheckCode.jsonParse,
        "value is not complete at the end of the input",
      );
    }
    if (this.#unitDepth === 1) {
      this.#onProblem(
        this.#arrayLine,
        CheckCode.inputFormat,
        "JSON array opened here is never closed with ]",
      );
    }
    this.#reset();
    this.#unitDepth = 0;
  }

  /** Fast path: the line is exactly one object, maybe followed by a comma. */
  #tryWholeLine(line: string, start: number, end: number, lineNumber: number): boolean {
    if (line.charCodeAt(start) !== OPEN_BRACE) return false;
    let last = end - 1;
    if (line.charCodeAt(last) === COMMA) last--;
    if (line.charCodeAt(last) !== CLOSE_BRACE) return false;
    let value: unknown;
    try {
      value = JSON.parse(
        start === 0 && last === line.length - 1 ? line : line.slice(start, last + 1),
      );
    } catch {
      return false; // let the scanner find where the values are and report precisely
    }
    this.#lineMode = true;
    this.#onUnit(value, lineNumber);
    return true;
  }

  #scan(line: string, start: number, end: number, lineNumber: number): void {
    let unitStart = 0;
    let i = start;
    while (i < end) {
      if (this.#inString) {
        const quote = line.indexOf('"', i);
        if (quote < 0) {
          i = end;
          break;
        }
        let backslash = quote - 1;
        while (backslash >= i && line.charCodeAt(backslash) === BACKSLASH) backslash--;
        if ((quote - 1 - backslash) % 2 === 0) this.#inString = false;
        i = quote + 1;
        continue;
      }
      const c = line.charCodeAt(i);
      if (this.#depth === this.#unitDepth) {
        if (c === OPEN_BRACE) {
          this.#depth++;
          unitStart = i;
          this.#unitLine = lineNumber;
        } else if (c === OPEN_BRACKET && this.#depth === 0) {
          this.#depth = 1;
          this.#unitDepth = 1;
          this.#arrayLine = lineNumber;
        } else if (c === CLOSE_BRACKET && this.#unitDepth === 1) {
          this.#depth = 0;
          this.#unitDepth = 0;
        } else if (c !== COMMA && !isSpace(c)) {
          this.#onProblem(
            lineNumber,
            CheckCode.inputFormat,
            `unexpected ${describeAt(line, i)} where a trace object should start`,
          );
          return;
        }
      } else if (c === QUOTE) {
        this.#inString = true;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        this.#depth++;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.#depth--;
        if (this.#depth === this.#unitDepth) {
          this.#finishUnit(this.#buffer + line.slice(unitStart, i + 1), lineNumber);
        }
      }
      i++;
    }
    if (this.#depth > this.#unitDepth) this.#carryOver(line, unitStart, lineNumber);
  }

  #finishUnit(text: string, lineNumber: number): void {
    this.#buffer = "";
    this.#lineMode ??= this.#unitLine === lineNumber;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.#onProblem(this.#unitLine, CheckCode.jsonParse, (error as Error).message);
      return;
    }
    this.#onUnit(value, this.#unitLine);
  }

  /** A unit is still open at the end of a line. */
  #carryOver(line: string, unitStart: number, lineNumber: number): void {
    const startsHere = this.#unitLine === lineNumber;
    this.#lineMode ??= !startsHere;
    // JSON strings cannot hold a raw line break, so a value open inside a string is broken. In
    // line-delimited input a value may only span lines when its first line is a lone "{", as in
    // pretty-printed JSON; anything else is a truncated record, and the next line starts afresh.
    const spans =
      !this.#inString && (!startsHere || !this.#lineMode || line.slice(unitStart).trim() === "{");
    if (!spans) {
      const what = this.#inString
        ? "a string is not closed on its line"
        : "record does not end on its line";
      this.#onProblem(this.#unitLine, CheckCode.jsonParse, what);
      this.#reset();
      return;
    }
    this.#buffer += `${line.slice(unitStart)}\n`; // unitStart is 0 when the unit began earlier
  }

  #reset(): void {
    this.#depth = this.#unitDepth;
    this.#inString = false;
    this.#buffer = "";
  }
}

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === CR || c === 0xfeff;
}

function describeAt(line: string, index: number): string {
  const rest = line.slice(index, index + 20);
  return JSON.stringify(rest.length < line.length - index ? `${rest}…` : rest);
}
