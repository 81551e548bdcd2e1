import { MockError } from "@ctsim/mock";
import { type CoreNotifier, createCoreNotifier, type MockService } from "@ctsim/mock/node";
import { CliError, CliErrorCode, usageError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import { type DeliveryLogSink, deliveryLogSink } from "../notify/delivery-log-sink.js";

/** `serve`'s notification flags. */
export interface ServeNotificationFlags {
  readonly smnEndpoint?: string;
  readonly funEndpoint?: string;
  readonly deliveryLog?: string;
}

/** Key-event notification delivery of a running `serve`, stopped with the server. */
export interface ServeNotifications {
  /** The notifier to call with each batch of traces as they become visible (live mode's hook). */
  readonly delivery: CoreNotifier;
  /** Waits for pending messages, closes the log, says what was delivered; a failure ends `serve` with exit 1. */
  stop(): Promise<void>;
}

/**
 * Starts delivery when `--smn-endpoint` or `--fun-endpoint` is given, reading the notifications
 * created through the API at the time each trace becomes visible (nothing retroactive). The
 * delivery log goes to `--delivery-log FILE`, else to stderr.
 *
 * @example
 * const notifications = startServeNotifications(service, flags, io);
 */
export function startServeNotifications(
  service: MockService,
  flags: ServeNotificationFlags,
  io: CliIo,
): ServeNotifications | undefined {
  if (flags.smnEndpoint === undefined && flags.funEndpoint === undefined) return undefined;
  const log: DeliveryLogSink =
    flags.deliveryLog === undefined
      ? { write: (entry) => io.stderr.write(`${JSON.stringify(entry)}\n`), close: async () => {} }
      : deliveryLogSink(io, flags.deliveryLog);
  let delivery: CoreNotifier;
  try {
    delivery = createCoreNotifier(service.server.core, {
      endpoints: {
        ...(flags.smnEndpoint === undefined ? {} : { smn: flags.smnEndpoint }),
        ...(flags.funEndpoint === undefined ? {} : { fun: flags.funEndpoint }),
      },
      onLog: (entry) => log.write(entry),
    });
  } catch (error) {
    if (error instanceof MockError) throw usageError(error.message);
    throw error;
  }
  io.stderr.write(
    `ctsim serve: key-event notifications of traces that become visible from now on go to ${[
      flags.smnEndpoint === undefined ? "" : `${flags.smnEndpoint} (SMN)`,
      flags.funEndpoint === undefined ? "" : `${flags.funEndpoint} (FunctionGraph)`,
    ]
      .filter((s) => s !== "")
      .join(" and ")}; the stored history is not replayed (use ctsim notify --replay)\n`,
  );
  return {
    delivery,
    async stop() {
      const summary = await delivery.queue.settled();
      await log.close();
      io.stderr.write(
        `ctsim serve: notifications: ${summary.messages} messages, ${summary.delivered} delivered, ${summary.failed} failed\n`,
      );
      if (summary.failed > 0) {
        const first = summary.failures[0];
        throw new CliError(
          CliErrorCode.failed,
          `${summary.failed} notification messages were not delivered (first: ${first?.message_id} to ${first?.url ?? "(no endpoint)"}: ${first?.cause})`,
        );
      }
    },
  };
}

/**
 * Checks `--smn-endpoint` and `--fun-endpoint` before the server starts.
 *
 * @throws CliError (usage) naming the flag when a value is not an absolute http(s) URL.
 */
export function checkServeNotificationFlags(flags: ServeNotificationFlags): void {
  for (const [flag, value] of [
    ["--smn-endpoint", flags.smnEndpoint],
    ["--fun-endpoint", flags.funEndpoint],
  ] as const) {
    if (value === undefined) continue;
    const protocol = URL.canParse(value) ? new URL(value).protocol : "";
    if (protocol !== "http:" && protocol !== "https:")
      throw usageError(`${flag} must be an absolute http(s) URL; got ${JSON.stringify(value)}`);
  }
}
