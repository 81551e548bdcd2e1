import { PassThrough, Writable } from "node:stream";
import type { CliIo } from "../../src/cli-io.js";

/** A `CliIo` that captures stdout and stderr as text, for in-process CLI tests. */
export interface MemoryIo extends CliIo {
  out(): string;
  err(): string;
}

/** Creates a {@link MemoryIo}; `stdin` is the text the command reads from standard input. */
export function memoryIo(stdin = "", env: Record<string, string> = {}): MemoryIo {
  const chunks = { out: [] as string[], err: [] as string[] };
  const sink = (into: string[]) =>
    new Writable({
      write(chunk, _encoding, done) {
        into.push(String(chunk));
        done();
      },
    });
  const input = new PassThrough();
  input.end(stdin);
  return {
    stdout: sink(chunks.out),
    stderr: sink(chunks.err),
    stdin: input,
    env,
    out: () => chunks.out.join(""),
    err: () => chunks.err.join(""),
  };
}
