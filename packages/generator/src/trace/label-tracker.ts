/**
 * What a scenario knows about its anomaly before any of its traces are emitted. The scenario's
 * name is a plain string here (this module sits below the scenario registry); the public
 * `AnomalyLabel` narrows it to `ScenarioName`.
 */
export interface LabelSpec {
  readonly scenario: string;
  readonly technique: string;
  readonly techniques: readonly string[];
  readonly benign: boolean;
  readonly description: string;
  readonly domainId: string;
  readonly userId: string | null;
}

/** A finished label: the spec, the trace ids and the time span (see `AnomalyLabel`). */
export interface TrackedLabel extends LabelSpec {
  readonly traceIds: readonly string[];
  readonly from: number;
  readonly to: number;
}

/**
 * Collects the emitted trace ids of one anomaly and reports the label when the last of its
 * traces has been emitted (or, via {@link LabelTracker.flush}, when the stream stops early).
 */
export class LabelTracker {
  /** What the anomaly is. */
  readonly spec: LabelSpec;
  private readonly traceIds: string[] = [];
  private from = 0;
  private to = 0;
  /** Traces of the anomaly not yet emitted. */
  pending = 0;

  /** `pending`: traces of the anomaly, when known (a scenario counts them as it makes them). */
  constructor(spec: LabelSpec, pending = 0) {
    this.spec = spec;
    this.pending = pending;
  }

  /** Records one emitted trace; returns the label once it is complete. */
  emitted(traceId: string, time: number): TrackedLabel | null {
    if (this.traceIds.length === 0) this.from = time;
    this.traceIds.push(traceId);
    this.to = time;
    this.pending--;
    return this.pending === 0 ? this.label() : null;
  }

  /** The label of the traces emitted so far, or `null` when none were. */
  flush(): TrackedLabel | null {
    return this.traceIds.length > 0 && this.pending > 0 ? this.label() : null;
  }

  private label(): TrackedLabel {
    return { ...this.spec, traceIds: [...this.traceIds], from: this.from, to: this.to };
  }
}
