/**
 * Ends the process quietly when the reader of `stream` went away (`ctsim serve --help | head`,
 * `ctsim validate … | head`): without a listener, Node turns the EPIPE of the next write into an
 * uncaught exception with a stack trace. A command that watches the stream itself (the trace
 * sinks do, to close their output at a whole record) keeps its own handling: this one stands
 * aside while another `error` listener is attached. Exit status 0, as `generate` ends when its
 * reader closes; any other error is reported in one line with status 1.
 *
 * @example
 * exitQuietlyOnClosedReader(process.stdout, (code) => process.exit(code));
 */
export function exitQuietlyOnClosedReader(
  stream: NodeJS.WritableStream & { listenerCount(event: string): number },
  exit: (code: number) => void,
  report: (line: string) => void = () => undefined,
): void {
  const onError = (error: NodeJS.ErrnoException): void => {
    if (stream.listenerCount("error") > 1) return;
    if (error.code === "EPIPE") {
      exit(0);
      return;
    }
    report(`ctsim: cannot write standard output: ${error.message}\n`);
    exit(1);
  };
  stream.on("error", onError);
}
