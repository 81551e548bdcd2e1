import type { AnomalyLabel } from "../anomaly-label.js";
import type { ScenarioName } from "../scenarios/scenario-names.js";

/** What a scenario knows about its anomaly before any of its traces are emitted. */
export interface LabelSpec {
  readonly scenario: ScenarioName;
  readonly technique: string;
  readonly description: string;
  readonly domainId: string;
  readonly userId: string | null;
}

/**
 * Collects the emitted trace ids of one anomaly and reports the label when the last of its
 * traces has been emitted (or, via {@link LabelTracker.flush}, when the stream stops early).
 */
export class LabelTracker {
  private readonly spec: LabelSpec;
  private readonly traceIds: string[] = [];
  private from = 0;
  private to = 0;
  /** Traces of the anomaly not yet emitted. */
  pending = 0;

  constructor(spec: LabelSpec) {
    this.spec = spec;
  }

  /** Records one emitted trace; returns the label once it is complete. */
  emitted(traceId: string, time: number): AnomalyLabel | null {
    if (this.traceIds.length === 0) this.from = time;
    this.traceIds.push(traceId);
    this.to = time;
    this.pending--;
    return this.pending === 0 ? this.label() : null;
  }

  /** The label of the traces emitted so far, or `null` when none were. */
  flush(): AnomalyLabel | null {
    return this.traceIds.length > 0 && this.pending > 0 ? this.label() : null;
  }

  private label(): AnomalyLabel {
    return { ...this.spec, traceIds: [...this.traceIds], from: this.from, to: this.to };
  }
}
