import type { NotificationType } from "@ctsim/catalog";

/** One message a notification sends for one trace, encoded and ready to POST. */
export interface OutgoingNotification {
  /** Project of the trace: messages of one project are delivered in order. */
  readonly projectId: string;
  readonly notificationId: string;
  /** `smn`: an SMN HTTP(S) notification message; `fun`: a FunctionGraph CTS-trigger event. */
  readonly type: NotificationType;
  /** SMN's `message_id` (FunctionGraph events carry none; the same derivation names them here). */
  readonly messageId: string;
  readonly traceId: string;
  /** Headers to send besides `content-type: application/json`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body. */
  readonly body: string;
}
