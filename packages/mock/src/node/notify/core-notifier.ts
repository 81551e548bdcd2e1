import type { Notification } from "@ctsim/catalog";
import type { CtsCore } from "../../core/cts-core.js";
import { createNotifier, type Notifier } from "../../notify/notifier.js";
import {
  createDeliveryQueue,
  type DeliveryQueue,
  type DeliveryQueueOptions,
} from "./delivery-queue.js";
import { createSmnSigner } from "./smn-signer.js";

/** Options of {@link createCoreNotifier}: the delivery queue's, plus the SMN signing key. */
export interface CoreNotifierOptions extends DeliveryQueueOptions {
  /** RSA private key (PEM) SMN messages are signed with. Default: ctsim's published test key. */
  readonly smnPrivateKey?: string;
  /** `signing_cert_url` of SMN messages. Default: the encoder's. */
  readonly signingCertUrl?: string;
}

/** A notifier reading a core's notifications, and the queue it delivers through. */
export interface CoreNotifier {
  /** Call with each batch of traces as they become visible (`serve --live`'s hook). */
  readonly notifier: Notifier;
  readonly queue: DeliveryQueue;
}

/**
 * Key-event notifications for a running mock: each batch of traces is matched against the
 * notifications its project has *at that moment* (created, updated, enabled or disabled through
 * the API), so nothing is retroactive: a notification fires for traces that become visible after
 * it exists. Messages go through a {@link createDeliveryQueue} to the endpoints.
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` for a bad endpoint, number or key.
 * @example
 * const { notifier, queue } = createCoreNotifier(service.server.core, { endpoints: { smn: url } });
 * notifier.onTraces([{ projectId, trace }]);
 */
export function createCoreNotifier(core: CtsCore, options: CoreNotifierOptions): CoreNotifier {
  const queue = createDeliveryQueue(options);
  const notifier = createNotifier({
    notificationsOf: (projectId): readonly Notification[] => core.notificationsOf(projectId),
    send: (message) => queue.enqueue(message),
    signSmn: createSmnSigner(options.smnPrivateKey),
    ...(options.signingCertUrl === undefined ? {} : { signingCertUrl: options.signingCertUrl }),
  });
  return { notifier, queue };
}
