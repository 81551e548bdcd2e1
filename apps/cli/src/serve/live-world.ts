import type { TrackerTransfer } from "@ctsim/delivery/node";
import type { LiveSource, Notifier } from "@ctsim/mock";

/** What a live timeline feeds besides the API: key-event notifications and OBS transfer. */
export interface LiveWorldOutlets {
  /** Matches each visible trace against its project's notifications (`createCoreNotifier`). */
  readonly notifier?: Notifier;
  /** Transfers each visible trace to its tracker's bucket (`createTrackerTransfer`). */
  readonly transfer?: TrackerTransfer;
  /**
   * Traces the transfer may have queued and not written before the clock waits for it.
   * Default {@link TRANSFER_BACKLOG}.
   */
  readonly transferBacklog?: number;
}

/**
 * Traces queued for OBS transfer at which the live clock waits (at `--speed` far beyond what
 * the disk writes, the clock falls behind the wall clock instead of the queue growing without
 * end): a few tens of MB of trace events.
 */
export const TRANSFER_BACKLOG = 20_000;

/**
 * Connects a live source to the outlets, so that the API, the OBS files and the notifications
 * show one stream of events: each trace is handed to both the moment it becomes visible to
 * ListTraces (the instant it arrived in CTS), and the clock closes transfer cycles as it moves,
 * and waits while the transfer's backlog is full. Returns the disconnector.
 *
 * @example
 * const disconnect = connectLiveWorld(service.live, { notifier, transfer });
 */
export function connectLiveWorld(live: LiveSource, outlets: LiveWorldOutlets): () => void {
  const { notifier, transfer } = outlets;
  const offVisible = live.onVisible((traces, at) => {
    notifier?.onTraces(
      traces.map((trace) => ({
        projectId: trace.projectId,
        trace: JSON.parse(trace.json) as Record<string, unknown>,
      })),
    );
    transfer?.deliver(
      traces.map((trace) => ({ projectId: trace.projectId, event: trace.event, arrivedAt: at })),
    );
  });
  const offAdvance = live.onAdvance((_, now) => transfer?.advance(now));
  const limit = outlets.transferBacklog ?? TRANSFER_BACKLOG;
  const offHold =
    transfer === undefined ? () => undefined : live.holdWhile(() => transfer.backlog >= limit);
  return () => {
    offVisible();
    offAdvance();
    offHold();
  };
}
