import { createWriteStream } from "node:fs";
import type { DeliveryLogEntry } from "@ctsim/mock/node";
import { CliError, CliErrorCode } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";

/** Where the delivery log goes: one JSON line per attempt. */
export interface DeliveryLogSink {
  write(entry: DeliveryLogEntry): void;
  /** Flushes and closes; a failed write ends the command naming the destination. */
  close(): Promise<void>;
}

/**
 * The delivery log on standard output, or in `path` (created or truncated). Lines are whole:
 * each entry is written as one `JSON + "\n"` chunk.
 *
 * @example
 * const log = deliveryLogSink(io, "deliveries.ndjson");
 */
export function deliveryLogSink(io: CliIo, path: string | undefined): DeliveryLogSink {
  if (path === undefined) {
    let failure: Error | undefined;
    const onError = (error: Error): void => {
      failure ??= error;
    };
    io.stdout.on("error", onError);
    return {
      write: (entry) => {
        if (failure === undefined) io.stdout.write(`${JSON.stringify(entry)}\n`);
      },
      close: async () => {
        io.stdout.off("error", onError);
        if (failure !== undefined)
          throw new CliError(
            CliErrorCode.output,
            `cannot write the delivery log to standard output: ${failure.message}`,
            { cause: failure },
          );
      },
    };
  }
  const file = createWriteStream(path);
  let failure: Error | undefined;
  file.on("error", (error) => {
    failure ??= error;
  });
  const fail = (error: Error): CliError =>
    new CliError(CliErrorCode.output, `cannot write the delivery log ${path}: ${error.message}`, {
      cause: error,
    });
  return {
    write: (entry) => {
      if (failure === undefined) file.write(`${JSON.stringify(entry)}\n`);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (failure !== undefined) {
          file.destroy();
          reject(fail(failure));
          return;
        }
        file.end((error?: Error | null) => {
          const cause = failure ?? error ?? undefined;
          if (cause === undefined) resolve();
          else reject(fail(cause));
        });
      }),
  };
}
