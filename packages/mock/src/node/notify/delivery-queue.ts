import type { NotificationType } from "@ctsim/catalog";
import { createPrng } from "../../internal/prng.js";
import { MockError, MockErrorCode } from "../../mock-error.js";
import type { OutgoingNotification } from "../../notify/outgoing-notification.js";
import type { DeliveryFailure, DeliveryLogEntry, DeliverySummary } from "./delivery-report.js";
import { type RetryPolicy, retryDelay } from "./retry-delay.js";

/** Options of {@link createDeliveryQueue}. */
export interface DeliveryQueueOptions {
  /** Receiver of each message type: SMN messages (`smn`), FunctionGraph events (`fun`). A message of a type without one fails. */
  readonly endpoints: Readonly<Partial<Record<NotificationType, string>>>;
  /** Attempts per message, the first included. Default 6. */
  readonly maxAttempts?: number;
  /** Wait after the first failed attempt, ms, doubled after each further one. Default 1000. */
  readonly baseDelayMs?: number;
  /** Longest wait between attempts, ms. Default 60000. */
  readonly maxDelayMs?: number;
  /** An attempt without a complete answer within this many ms fails (and is retried). Default 10000. */
  readonly timeoutMs?: number;
  /** Seed of the retry jitter. Default 1. */
  readonly seed?: number;
  /** Called with every attempt's log entry, in the order they end. Default: none. */
  readonly onLog?: (entry: DeliveryLogEntry) => void;
  /** Clock of the log's `time`. Default `Date.now`. */
  readonly now?: () => number;
}

/** Delivers notification messages over HTTP: in order per project, retried, every attempt logged. */
export interface DeliveryQueue {
  /** Adds a message behind the project's earlier ones. */
  enqueue(message: OutgoingNotification): void;
  /** Resolves once every message enqueued so far is delivered or given up on, with the totals. */
  settled(): Promise<DeliverySummary>;
  /** The totals so far. */
  summary(): DeliverySummary;
}

interface Lane {
  readonly items: OutgoingNotification[];
}

type AttemptResult = { readonly status: number } | { readonly error: string };

/**
 * A delivery queue: one lane per project (a project's messages go one at a time, in the order
 * enqueued, so a receiver sees a project's events in trace order; lanes run side by side). A
 * message is POSTed as JSON to its type's endpoint with its headers; a 2xx answer delivers it;
 * no answer (refused, reset, timed out), 408, 429 or 5xx is retried after
 * {@link retryDelay} (exponential, jittered by `seed`) up to `maxAttempts`; any other status, or
 * the last attempt failing, gives up: the message is in the summary's `failures`. Retries keep
 * the message's id and body, so a receiver can drop duplicates (a timed-out attempt may have
 * arrived).
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` for a bad endpoint URL or number.
 * @example
 * const queue = createDeliveryQueue({ endpoints: { smn: "http://127.0.0.1:8080/smn" } });
 * queue.enqueue(message);
 * const { failed } = await queue.settled();
 */
export function createDeliveryQueue(options: DeliveryQueueOptions): DeliveryQueue {
  const policy = resolvePolicy(options);
  const timeoutMs = positive(options.timeoutMs ?? 10_000, "timeoutMs");
  const seed = options.seed ?? 1;
  const now = options.now ?? Date.now;
  for (const url of Object.values(options.endpoints)) checkUrl(url);
  const lanes = new Map<string, Lane>();
  const failures: DeliveryFailure[] = [];
  let waiters: (() => void)[] = [];
  let messages = 0;
  let delivered = 0;
  let attempts = 0;

  const summary = (): DeliverySummary => ({
    messages,
    delivered,
    failed: failures.length,
    pending: messages - delivered - failures.length,
    attempts,
    failures: [...failures],
  });

  const log = (
    message: OutgoingNotification,
    entry: Omit<
      DeliveryLogEntry,
      "time" | "project_id" | "notification_id" | "message_id" | "trace_id" | "type"
    >,
  ): void => {
    options.onLog?.({
      time: new Date(now()).toISOString(),
      project_id: message.projectId,
      notification_id: message.notificationId,
      message_id: message.messageId,
      trace_id: message.traceId,
      type: message.type,
      ...entry,
    });
  };

  const fail = (
    message: OutgoingNotification,
    url: string | null,
    attempt: number,
    cause: string,
    status: number | null,
  ): void => {
    log(message, { url, attempt, outcome: "failed", status, error: cause });
    failures.push({
      project_id: message.projectId,
      notification_id: message.notificationId,
      message_id: message.messageId,
      trace_id: message.traceId,
      url,
      attempts: attempt,
      cause,
    });
  };

  const deliver = async (message: OutgoingNotification): Promise<void> => {
    const url = options.endpoints[message.type];
    if (url === undefined) {
      fail(message, null, 0, `no endpoint is configured for ${message.type} messages`, null);
      return;
    }
    // A stream per message: its waits do not depend on how lanes interleave.
    const prng = createPrng(seed ^ Number.parseInt(message.messageId.slice(0, 8), 16));
    for (let attempt = 1; ; attempt++) {
      attempts++;
      const result = await post(url, message, timeoutMs);
      const status = "status" in result ? result.status : null;
      if (status !== null && status >= 200 && status < 300) {
        delivered++;
        log(message, { url, attempt, outcome: "delivered", status });
        return;
      }
      const cause = "error" in result ? result.error : `HTTP ${result.status}`;
      if (!retryable(status) || attempt >= policy.maxAttempts) {
        fail(message, url, attempt, cause, status);
        return;
      }
      const delay = retryDelay(attempt, policy, prng);
      log(message, { url, attempt, outcome: "retry", status, error: cause, next_delay_ms: delay });
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  };

  const run = async (projectId: string, lane: Lane): Promise<void> => {
    for (let next = lane.items.shift(); next !== undefined; next = lane.items.shift()) {
      await deliver(next);
    }
    lanes.delete(projectId);
    if (lanes.size === 0) {
      const settled = waiters;
      waiters = [];
      for (const resolve of settled) resolve();
    }
  };

  return {
    enqueue(message) {
      messages++;
      const lane = lanes.get(message.projectId);
      if (lane !== undefined) {
        lane.items.push(message);
        return;
      }
      const fresh: Lane = { items: [message] };
      lanes.set(message.projectId, fresh);
      void run(message.projectId, fresh);
    },
    async settled() {
      if (lanes.size > 0) await new Promise<void>((resolve) => waiters.push(resolve));
      return summary();
    },
    summary,
  };
}

function retryable(status: number | null): boolean {
  return status === null || status === 408 || status === 429 || status >= 500;
}

async function post(
  url: string,
  message: OutgoingNotification,
  timeoutMs: number,
): Promise<AttemptResult> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...message.headers },
      body: message.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Read the answer whole: the attempt counts once the receiver has finished answering.
    await response.arrayBuffer();
    return { status: response.status };
  } catch (error) {
    return { error: describeFailure(error, timeoutMs) };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `no answer within ${timeoutMs} ms`;
  const cause =
    error instanceof Error
      ? (error.cause as { code?: string; message?: string } | undefined)
      : undefined;
  if (cause?.code === "ECONNREFUSED") return "connection refused (ECONNREFUSED)";
  if (cause?.code !== undefined) return `${cause.message ?? "network error"} (${cause.code})`;
  if (cause?.message !== undefined) return `${(error as Error).message}: ${cause.message}`;
  return error instanceof Error ? error.message : String(error);
}

function resolvePolicy(options: DeliveryQueueOptions): RetryPolicy {
  return {
    maxAttempts: positive(options.maxAttempts ?? 6, "maxAttempts"),
    baseDelayMs: nonNegative(options.baseDelayMs ?? 1000, "baseDelayMs"),
    maxDelayMs: nonNegative(options.maxDelayMs ?? 60_000, "maxDelayMs"),
  };
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new MockError(
      MockErrorCode.invalidOption,
      `${name} must be a positive integer, got ${value}`,
    );
  return value;
}

function nonNegative(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0)
    throw new MockError(
      MockErrorCode.invalidOption,
      `${name} must be an integer ≥ 0, got ${value}`,
    );
  return value;
}

function checkUrl(url: string | undefined): void {
  if (url === undefined) return;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MockError(
      MockErrorCode.invalidOption,
      `notification endpoint ${JSON.stringify(url)} is not an absolute URL`,
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new MockError(
      MockErrorCode.invalidOption,
      `notification endpoint ${url} must be http or https`,
    );
}
