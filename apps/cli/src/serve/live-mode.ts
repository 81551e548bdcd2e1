import { describeIngestionDelay } from "@ctsim/mock";
import type { LiveServiceOptions, MockService } from "@ctsim/mock/node";
import { type Command, Option } from "commander";
import { usageError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import { parsePositive } from "../internal/parse-values.js";

/** `serve`'s live-mode flags, as commander parses them. */
export interface LiveFlags {
  readonly live?: true;
  readonly speed?: string;
}

/** Fastest `--speed`: a week of a tenant in about a minute. */
const MAX_SPEED = 100_000;

/** Adds `--live` and `--speed N` to `serve`. */
export function addLiveFlags(command: Command): Command {
  return command
    .addOption(
      new Option(
        "--live",
        "keep the seeded tenant going from now: new traces appear after a seeded ingestion delay (mostly seconds, some minutes), traces older than 7 days leave",
      ),
    )
    .addOption(
      new Option("--speed <n>", `with --live: time runs N times faster (up to ${MAX_SPEED})`),
    );
}

/**
 * The service's `live` option from the flags, `undefined` without `--live`; listener failures
 * are said on stderr.
 *
 * Errors: a usage error for `--speed` without `--live` or out of range.
 */
export function liveServiceOptions(
  flags: LiveFlags,
  io: CliIo,
): { live: LiveServiceOptions } | Record<string, never> {
  if (flags.live !== true) {
    if (flags.speed !== undefined) throw usageError("--speed needs --live");
    return {};
  }
  const speed = flags.speed === undefined ? 1 : parsePositive(flags.speed, "--speed", false);
  if (speed > MAX_SPEED) throw usageError(`--speed must be at most ${MAX_SPEED}; got ${speed}`);
  return {
    live: {
      speed,
      // serve connects notifications and OBS transfer before the first trace.
      deferStart: true,
      onListenerError: (error, hook) =>
        io.stderr.write(
          `ctsim serve: a live ${hook} listener failed (the service carries on): ${(error as Error).message ?? String(error)}\n`,
        ),
    },
  };
}

/** The banner lines of live mode: the speed, where the live part starts, the delay model. */
export function liveBanner(service: MockService, speed: number): string {
  const live = service.live;
  if (live === undefined) return "";
  const pace = speed === 1 ? "real time" : `${speed}× real time`;
  return [
    `live mode: the tenant keeps going at ${pace} from ${new Date(live.start).toISOString()}; traces older than 7 days leave the store`,
    `  ingestion delay (ctsim's model, CTS documents none): ${describeIngestionDelay(live.delay)}, seeded by trace id`,
    "",
  ].join("\n");
}
