/**
 * A small audit consumer, written the way real tooling talks to CTS: it pages through
 * ListTraces with the `next` marker, retries throttling and server errors, and drops the
 * duplicates CTS's at-least-once delivery can produce.
 */

/** One finding: who deleted what, when. */
export interface Deletion {
  readonly traceId: string;
  readonly traceName: string;
  readonly resourceName: string | null;
  readonly user: string | null;
  readonly time: number;
}

/** Where and what to audit. */
export interface AuditOptions {
  readonly baseUrl: string;
  readonly projectId: string;
  readonly from: number;
  readonly to: number;
  /** Extra headers (e.g. `X-Auth-Token`). */
  readonly headers?: Record<string, string>;
  /** How often one page is retried before giving up. Default: 5. */
  readonly retries?: number;
}

interface TracesPage {
  readonly traces: readonly {
    readonly trace_id: string;
    readonly trace_name: string;
    readonly resource_name?: string | null;
    readonly user?: { readonly name?: string } | null;
    readonly time: number;
  }[];
  readonly meta_data: { readonly count: number; readonly marker: string | null };
}

/** Every trace whose name starts with `delete` in the window, newest first, once each. */
export async function findDeletions(options: AuditOptions): Promise<Deletion[]> {
  const seen = new Set<string>();
  const found: Deletion[] = [];
  let next: string | null = null;
  do {
    const query = new URLSearchParams({
      trace_type: "system",
      limit: "200",
      from: String(options.from),
      to: String(options.to),
    });
    if (next !== null) query.set("next", next);
    const page = await fetchPage(
      `${options.baseUrl}/v3/${options.projectId}/traces?${query}`,
      options,
    );
    for (const trace of page.traces) {
      if (seen.has(trace.trace_id)) continue;
      seen.add(trace.trace_id);
      if (!/^delete/i.test(trace.trace_name)) continue;
      found.push({
        traceId: trace.trace_id,
        traceName: trace.trace_name,
        resourceName: trace.resource_name ?? null,
        user: trace.user?.name ?? null,
        time: trace.time,
      });
    }
    next = page.traces.length === 0 ? null : page.meta_data.marker;
  } while (next !== null);
  return found;
}

async function fetchPage(url: string, options: AuditOptions): Promise<TracesPage> {
  const retries = options.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, { headers: options.headers ?? {} });
    if (response.ok) return (await response.json()) as TracesPage;
    const retryable = response.status === 429 || response.status >= 500;
    if (!retryable || attempt >= retries) {
      const body = (await response.json()) as { error_code: string; error_msg: string };
      throw new Error(`ListTraces failed: ${response.status} ${body.error_code} ${body.error_msg}`);
    }
  }
}
