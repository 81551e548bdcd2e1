import type { Writable } from "node:stream";

/** Where a command reads and writes; tests pass their own streams. */
export interface CliIo {
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
  /** Environment variables (defaults to `process.env`). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The real process streams. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}
