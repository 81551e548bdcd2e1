/** Errors a stream reports once its reader has gone: the write that met it, and those after. */
const READER_GONE = new Set(["EPIPE", "ERR_STREAM_DESTROYED"]);

/**
 * Keeps a closed reader of `stream` (standard output or error) from crashing the process
 * (`ctsim serve --help | head`, `ctsim validate f 2>&1 | head`): without a listener, Node turns
 * the EPIPE of a write into an uncaught exception with a stack trace. The command goes on and ends with its own exit status
 * (a server whose banner nobody reads keeps serving; `score --fail-under` still fails); commands
 * that must react (the trace sinks stop generating, `validate` stops printing) watch the stream
 * themselves. Any other write error is reported in one line and ends the process with status 1,
 * unless another `error` listener is attached (that command handles it).
 *
 * @example
 * ignoreClosedReader(process.stdout, (code) => process.exit(code), (line) => process.stderr.write(line));
 */
export function ignoreClosedReader(
  stream: NodeJS.WritableStream & { listenerCount(event: string): number },
  exit: (code: number) => void,
  report: (line: string) => void,
): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (READER_GONE.has(error.code ?? "") || stream.listenerCount("error") > 1) return;
    report(`ctsim: cannot write standard output: ${error.message}\n`);
    exit(1);
  });
}
