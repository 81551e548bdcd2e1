import type { ApiTrace, Notification, NotificationType } from "@ctsim/catalog";
import {
  encodeFunctionGraphEvent,
  encodeSmnNotification,
  notificationMessageId,
  notifiedTrace,
  SMN_HEADERS,
} from "@ctsim/generator";
import { type MatchingOptions, notificationsFiredBy } from "./notification-matching.js";
import type { OutgoingNotification } from "./outgoing-notification.js";

/** A trace that became visible, with its project. Any wire shape (API, OBS file, FunctionGraph `cts`). */
export interface VisibleTrace {
  readonly projectId: string;
  readonly trace: Readonly<Record<string, unknown>>;
}

/** Where a notifier reads notifications and sends what they fire. */
export interface NotifierOptions {
  /** The project's notifications as they are now (read for every batch, so changes made through the API apply to later traces only). */
  readonly notificationsOf: (projectId: string) => readonly Notification[];
  /** Receives every message, in trace order (a delivery queue). */
  readonly send: (message: OutgoingNotification) => void;
  /** Signs SMN's string to sign; returns base64 (`@ctsim/mock/node`'s `createSmnSigner`). */
  readonly signSmn: (stringToSign: string) => string;
  /** `signing_cert_url` of SMN messages. Default: the encoder's. */
  readonly signingCertUrl?: string;
  /** Encode every message this way whatever the notification's type. Default: by `notification_type`. */
  readonly format?: NotificationType;
  /** User-group membership for `notify_user_list`. */
  readonly matching?: MatchingOptions;
}

/** Turns traces into notification messages as they become visible. */
export interface Notifier {
  /**
   * Matches each trace against its project's notifications and sends one message per
   * notification that fires, in the order of `traces`. Returns how many messages were sent.
   */
  onTraces(traces: Iterable<VisibleTrace>): number;
}

/**
 * The transport-free half of key-event notifications: matching and encoding. Nothing is
 * retroactive: a notification created or enabled now fires for traces passed after that.
 *
 * @example
 * const notifier = createNotifier({ notificationsOf, send: queue.enqueue, signSmn });
 * notifier.onTraces([{ projectId, trace }]);
 */
export function createNotifier(options: NotifierOptions): Notifier {
  return {
    onTraces(traces) {
      let sent = 0;
      for (const visible of traces) {
        const trace = notifiedTrace(visible.trace);
        const fired = notificationsFiredBy(
          trace,
          options.notificationsOf(visible.projectId),
          options.matching,
        );
        for (const notification of fired) {
          options.send(encode(notification, trace, visible.projectId, options));
          sent++;
        }
      }
      return sent;
    },
  };
}

function encode(
  notification: Notification,
  trace: ApiTrace,
  projectId: string,
  options: NotifierOptions,
): OutgoingNotification {
  const type = options.format ?? notification.notification_type;
  const base = {
    projectId,
    notificationId: notification.notification_id,
    type,
    traceId: trace.trace_id,
  };
  if (type === "fun") {
    return {
      ...base,
      messageId: notificationMessageId(notification.notification_id, trace.trace_id),
      headers: {},
      body: JSON.stringify(encodeFunctionGraphEvent(trace)),
    };
  }
  const message = encodeSmnNotification(trace, {
    notificationId: notification.notification_id,
    topicUrn: notification.topic_id ?? "",
    sign: options.signSmn,
    ...(options.signingCertUrl === undefined ? {} : { signingCertUrl: options.signingCertUrl }),
  });
  return {
    ...base,
    messageId: message.message_id,
    headers: {
      [SMN_HEADERS.messageType]: message.type,
      [SMN_HEADERS.messageId]: message.message_id,
      [SMN_HEADERS.topicUrn]: message.topic_urn,
    },
    body: JSON.stringify(message),
  };
}
