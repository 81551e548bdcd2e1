import type { TrackerTransfer } from "@ctsim/delivery/node";
import type { LiveSource, Notifier } from "@ctsim/mock";

/** What a live timeline feeds besides the API: key-event notifications and OBS transfer. */
export interface LiveWorldOutlets {
  /** Matches each visible trace against its project's notifications (`createCoreNotifier`). */
  readonly notifier?: Notifier;
  /** Transfers each visible trace to its tracker's bucket (`createTrackerTransfer`). */
  readonly transfer?: TrackerTransfer;
}

/**
 * Connects a live source to the outlets, so that the API, the OBS files and the notifications
 * show one stream of events: each trace is handed to both the moment it becomes visible to
 * ListTraces (the instant it arrived in CTS), and the clock closes transfer cycles as it moves.
 * Returns the disconnector.
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
  return () => {
    offVisible();
    offAdvance();
  };
}
