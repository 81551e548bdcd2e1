/**
 * A ListTraces poller written the way audit tooling writes one: each poll asks for the window
 * from the previous poll's end, minus `lagMs`, to the clock; walks `next` to the last page; and
 * stores each trace once by `trace_id` (windows overlap, so a trace can come back).
 */
export class TracePoller {
  /** Every trace stored, once each, in the order first seen. */
  readonly stored: { readonly id: string; readonly time: number }[] = [];
  /** Traces received, repeats included. */
  received = 0;
  private readonly seen = new Set<string>();
  private lastTo: number;

  constructor(
    private readonly options: {
      readonly baseUrl: string;
      readonly projectId: string;
      /** How far each window reaches back before the previous one's end (0: no overlap). */
      readonly lagMs: number;
      /** The first window's start (exclusive). */
      readonly from: number;
      readonly limit?: number;
    },
  ) {
    this.lastTo = options.from;
  }

  /** One poll up to `now`: every page of the window. */
  async poll(now: number): Promise<void> {
    const from = Math.max(this.options.from, this.lastTo - this.options.lagMs);
    let marker: string | undefined;
    do {
      const query = new URLSearchParams({
        trace_type: "system",
        from: String(from),
        to: String(now),
        limit: String(this.options.limit ?? 200),
        ...(marker === undefined ? {} : { next: marker }),
      });
      const response = await fetch(
        `${this.options.baseUrl}/v3/${this.options.projectId}/traces?${query}`,
      );
      if (response.status !== 200)
        throw new Error(`ListTraces ${response.status}: ${await response.text()}`);
      const page = (await response.json()) as {
        traces: { trace_id: string; time: number }[];
        meta_data: { count: number; marker: string | null };
      };
      for (const trace of page.traces) {
        this.received++;
        if (this.seen.has(trace.trace_id)) continue;
        this.seen.add(trace.trace_id);
        this.stored.push({ id: trace.trace_id, time: trace.time });
      }
      marker = page.meta_data.marker ?? undefined;
    } while (marker !== undefined);
    this.lastTo = now;
  }
}
