import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { appendTraceLine } from "../store/append-ndjson.js";
import type { TracePlacement } from "../store/trace-fields.js";
import type { TraceStore } from "../store/trace-store.js";

/**
 * Streams an NDJSON file of traces (ListTraces or OBS-file shape, one per line) into a store,
 * then compacts it. Resolves to the number of traces added.
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_TRACE` for a bad line (with its number); file errors
 *   reject as they come from `node:fs`.
 * @example
 * const added = await loadNdjsonFile(store, "week.ndjson", { projectId });
 */
export async function loadNdjsonFile(
  store: TraceStore,
  path: string,
  placement: TracePlacement,
): Promise<number> {
  const before = store.size;
  const lines = createInterface({
    input: createReadStream(path, { encoding: "utf8" }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNumber = 0;
  for await (const line of lines) appendTraceLine(store, line, placement, ++lineNumber);
  store.compact();
  return store.size - before;
}
