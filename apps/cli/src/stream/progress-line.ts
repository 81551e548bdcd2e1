import type { StreamProgress } from "@ctsim/generator/node";
import { SingleBar } from "cli-progress";
import type { CliIo } from "../cli-io.js";

/** A live progress line; `update` and `stop` do nothing when stderr is not a terminal. */
export interface ProgressLine {
  update(progress: StreamProgress): void;
  stop(): void;
}

/**
 * A one-line live display on stderr (cli-progress) of traces, rate and bytes, shown only when
 * stderr is a TTY so logs and pipes stay clean. With a known total (`--count` or `--duration`)
 * it is a bar.
 *
 * @example
 * const line = openProgressLine(io, { total: 10_000, unit: "traces" });
 */
export function openProgressLine(
  io: CliIo,
  options: { readonly total?: number; readonly unit: "traces" | "s" },
): ProgressLine {
  if (io.stderr.isTTY !== true) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream: io.stderr as unknown as NodeJS.WritableStream,
    format:
      options.total === undefined
        ? "ctsim stream | {traces} traces | {rate}/s | {mb} MB | {elapsed}s"
        : "ctsim stream [{bar}] {percentage}% | {traces} traces | {rate}/s | {mb} MB | {elapsed}s",
    hideCursor: true,
    clearOnComplete: true,
    noTTYOutput: false,
  });
  const total = options.total ?? 1;
  bar.start(total, 0, { traces: 0, rate: 0, mb: "0.0", elapsed: 0 });
  return {
    update(progress: StreamProgress): void {
      const value = options.unit === "traces" ? progress.traces : progress.elapsedMs / 1000;
      bar.update(Math.min(total, value), {
        traces: progress.traces,
        rate: progress.lastSecondRate,
        mb: (progress.bytes / 1e6).toFixed(1),
        elapsed: Math.round(progress.elapsedMs / 1000),
      });
    },
    stop(): void {
      bar.stop();
    },
  };
}
