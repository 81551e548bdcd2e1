import type { NotificationType } from "@ctsim/catalog";

/** What happened to one attempt: the line the delivery log (NDJSON) gets for it. */
export interface DeliveryLogEntry {
  /** When the attempt ended, ISO 8601. */
  readonly time: string;
  readonly project_id: string;
  readonly notification_id: string;
  readonly message_id: string;
  readonly trace_id: string;
  readonly type: NotificationType;
  /** Receiver, or `null` when no endpoint was configured for the message's type. */
  readonly url: string | null;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** `delivered` (2xx), `retry` (will be retried), `failed` (given up: reported in the summary). */
  readonly outcome: "delivered" | "retry" | "failed";
  /** HTTP status of the answer, `null` when none came (refused, reset, timed out). */
  readonly status: number | null;
  /** Why the attempt failed. */
  readonly error?: string;
  /** Wait before the next attempt, ms (`retry` only). */
  readonly next_delay_ms?: number;
}

/** A message that was not delivered. */
export interface DeliveryFailure {
  readonly project_id: string;
  readonly notification_id: string;
  readonly message_id: string;
  readonly trace_id: string;
  readonly url: string | null;
  readonly attempts: number;
  /** The last attempt's error, e.g. `connection refused (ECONNREFUSED)` or `HTTP 503`. */
  readonly cause: string;
}

/** Totals of a delivery queue so far. */
export interface DeliverySummary {
  /** Messages enqueued. */
  readonly messages: number;
  readonly delivered: number;
  /** Messages given up on (each in `failures`). */
  readonly failed: number;
  /** Messages neither delivered nor failed yet. */
  readonly pending: number;
  /** HTTP attempts made, retries included. */
  readonly attempts: number;
  readonly failures: readonly DeliveryFailure[];
}
