import type { TraceChunk, TraceSink } from "@ctsim/generator/node";
import { DeliveryError, DeliveryErrorCode } from "../delivery-error.js";
import { createTransferWriter, type TransferWriterOptions } from "./transfer-writer.js";

/**
 * A stream sink (`ctsim stream --sink dir:PATH --digests`) over a {@link createTransferWriter}:
 * each record of a chunk is written with its route (chunks must carry `routes`), the record's
 * time drives the transfer cycles and digest hours, and `close` delivers the rest. A record counts
 * as written once its trace file is in place.
 *
 * Errors: rejects with the writer's `DeliveryError` (naming the path and the cause).
 *
 * @example const sink = await createDeliverySink({ dir: "/srv/bucket", seed: 1, digests: true });
 */
const NEWLINE_BYTE = 0x0a;

export async function createDeliverySink(options: TransferWriterOptions): Promise<TraceSink> {
  let recordsWritten = 0;
  let bytesWritten = 0;
  const writer = await createTransferWriter({
    ...options,
    onFile: (file) => {
      recordsWritten += file.records - file.duplicates;
      options.onFile?.(file);
    },
  });
  return {
    get recordsWritten() {
      return recordsWritten;
    },
    get bytesWritten() {
      return bytesWritten;
    },
    async write(chunk: TraceChunk): Promise<void> {
      const routes = chunk.routes;
      if (routes === undefined || routes.length !== chunk.count) {
        throw new DeliveryError(
          DeliveryErrorCode.misuse,
          `dir ${options.dir}: every chunk needs one route per record (produce with routes: true)`,
        );
      }
      const bytes = chunk.bytes;
      let start = 0;
      for (let index = 0; index < chunk.count; index += 1) {
        const end = bytes.indexOf(NEWLINE_BYTE, start);
        await writer.write({ route: routes[index]!, record: bytes.subarray(start, end) });
        bytesWritten += end - start;
        start = end + 1;
      }
      // The traces' time is the delivery's clock: digest hours it passed are due.
      const last = routes.at(-1);
      if (last !== undefined) await writer.advance(last.time);
    },
    async close(): Promise<void> {
      await writer.close();
    },
  };
}
