import type { LabelTracker, TrackedLabel } from "./label-tracker.js";

/**
 * The anomalies whose traces are being emitted, in the order their first trace went out: each
 * label is reported once its last trace has been emitted, and {@link LabelLedger.finish} reports
 * the ones a stopped stream cut short. The timeline keeps one; so does the merge of worker lanes,
 * which replays the lanes' label notes in merged order, so labels come out in the same order
 * whatever the worker count.
 */
export class LabelLedger {
  private readonly onLabel: (label: TrackedLabel) => void;
  private readonly open = new Set<LabelTracker>();

  constructor(onLabel: (label: TrackedLabel) => void) {
    this.onLabel = onLabel;
  }

  /** One emitted trace of `label`'s anomaly. */
  emitted(label: LabelTracker, traceId: string, time: number): void {
    this.open.add(label);
    const done = label.emitted(traceId, time);
    if (done !== null) {
      this.open.delete(label);
      this.onLabel(done);
    }
  }

  /** Reports the labels of anomalies cut short (with the traces emitted so far), once. */
  finish(): void {
    for (const label of this.open) {
      const partial = label.flush();
      if (partial !== null) this.onLabel(partial);
    }
    this.open.clear();
  }
}
