import type { ApiTrace } from "@ctsim/catalog";
import { notificationMessageId } from "./message-id.js";

/**
 * The JSON body SMN POSTs to an HTTP(S) subscription for a published message (SMN user guide,
 * "HTTP(S) Message Format", notification messages), with the headers that go with it.
 */
export interface SmnNotification {
  readonly signature: string;
  readonly subject: string;
  readonly topic_urn: string;
  readonly message_id: string;
  readonly signature_version: "v1";
  readonly type: "Notification";
  /** What CTS publishes for a key event: the trace as ListTraces shows it, as JSON text (unconfirmed). */
  readonly message: string;
  readonly unsubscribe_url: string;
  readonly signing_cert_url: string;
  /** When the message was first sent: the trace's `record_time`, `YYYY-MM-DDTHH:mm:ssZ`. */
  readonly timestamp: string;
}

/** Where and how the SMN message of a trace is published. */
export interface SmnNotificationOptions {
  /** `notification_id` of the notification that fired (the message id derives from it). */
  readonly notificationId: string;
  /** `topic_id` of the notification: the SMN topic URN, `urn:smn:<region>:<project>:<topic>`. */
  readonly topicUrn: string;
  /**
   * Signs SMN's string to sign ({@link smnStringToSign}) and returns the signature as base64.
   * Injected so this module stays pure; `@ctsim/mock/node` has an RSA signer with ctsim's key.
   */
  readonly sign: (stringToSign: string) => string;
  /** `signing_cert_url`. Default `https://smn.<region>.myhuaweicloud.com/smn/ctsim-smn-signing-cert.pem` (an address of ctsim's choosing). */
  readonly signingCertUrl?: string;
  /** `subject`. Default `CTS key event: <service_type> <resource_type> <trace_name>` (unconfirmed). */
  readonly subject?: string;
}

/** Header names SMN sends with every HTTP(S) message (SMN user guide, table 1). */
export const SMN_HEADERS = {
  messageType: "x-smn-message-type",
  messageId: "x-smn-message-id",
  topicUrn: "x-smn-topic-urn",
} as const satisfies Record<string, string>;

/**
 * A trace as the SMN HTTP(S) notification message CTS publishes for a key event: fields in the
 * order of SMN's example, `message` the trace's ListTraces JSON, `timestamp` its `record_time`
 * (so a replay is byte-identical), `message_id` from {@link notificationMessageId}, and a
 * `signature` over {@link smnStringToSign} made by `options.sign`.
 *
 * @example
 * encodeSmnNotification(trace, { notificationId, topicUrn, sign }).type; // "Notification"
 */
export function encodeSmnNotification(
  trace: ApiTrace,
  options: SmnNotificationOptions,
): SmnNotification {
  const region = options.topicUrn.split(":")[2] ?? "";
  const unsigned = {
    subject:
      options.subject ??
      `CTS key event: ${trace.service_type} ${trace.resource_type} ${trace.trace_name}`,
    topic_urn: options.topicUrn,
    message_id: notificationMessageId(options.notificationId, trace.trace_id),
    type: "Notification",
    message: JSON.stringify(trace),
    timestamp: new Date(trace.record_time).toISOString().replace(/\.\d{3}Z$/, "Z"),
  } as const;
  return {
    signature: options.sign(smnStringToSign(unsigned)),
    subject: unsigned.subject,
    topic_urn: unsigned.topic_urn,
    message_id: unsigned.message_id,
    signature_version: "v1",
    type: unsigned.type,
    message: unsigned.message,
    unsubscribe_url: `https://smn.${region}.myhuaweicloud.com/smn/subscription/unsubscribe?subscription_urn=${encodeURIComponent(`${options.topicUrn}:ctsim`)}`,
    signing_cert_url:
      options.signingCertUrl ??
      `https://smn.${region}.myhuaweicloud.com/smn/ctsim-smn-signing-cert.pem`,
    timestamp: unsigned.timestamp,
  };
}

/** The fields a notification message's signature covers, in SMN's (alphabetical) order. */
const SIGNED_FIELDS = [
  "message",
  "message_id",
  "subject",
  "timestamp",
  "topic_urn",
  "type",
] as const;

/**
 * SMN's string to sign of a notification message (SMN user guide, "Message Signature
 * Verification"): the signed fields in alphabetical order, each name on a line and its value on
 * the next; `subject` is left out when empty. Each line ends with a newline (as in SNS, which SMN
 * follows; the trailing newline is unconfirmed).
 *
 * @example
 * smnStringToSign(message); // "message\n{...}\nmessage_id\n9b1e...\n..."
 */
export function smnStringToSign(
  message: Pick<SmnNotification, (typeof SIGNED_FIELDS)[number]>,
): string {
  let out = "";
  for (const field of SIGNED_FIELDS) {
    const value = message[field];
    if (field === "subject" && value === "") continue;
    out += `${field}\n${value}\n`;
  }
  return out;
}
