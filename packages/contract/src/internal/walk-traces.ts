import { type ApiTrace, validatorFor } from "@ctsim/catalog";
import type { CtsClient } from "./cts-client.js";

/** What walking every page of one ListTraces query gave, and what was wrong on the way. */
export interface TraceWalk {
  /** Every trace of every page, in the order received (duplicates kept). */
  readonly traces: readonly ApiTrace[];
  /** Number of pages requested. */
  readonly pages: number;
  /** Breaches of the paging contract seen on the way, in words; empty when none. */
  readonly problems: readonly string[];
  /** True when the walk stopped at `maxTraces` before the last page. */
  readonly truncated: boolean;
}

/** How to walk. */
export interface WalkOptions {
  /** Page size to ask for; `undefined` sends no `limit` (the provider's default). */
  readonly limit: number | undefined;
  /** Stop after this many traces. */
  readonly maxTraces: number;
  /** Require `meta_data.count` to equal the page length (reference §1.2). */
  readonly checkCount: boolean;
}

/**
 * Requests page after page (`next` = previous `meta_data.marker`) until the marker is null or a
 * page is empty, checking each page's shape, count and marker.
 */
export async function walkTraces(
  client: CtsClient,
  query: Readonly<Record<string, string>>,
  options: WalkOptions,
): Promise<TraceWalk> {
  const traces: ApiTrace[] = [];
  const problems: string[] = [];
  const markers = new Set<string>();
  let next: string | undefined;
  let pages = 0;
  while (traces.length < options.maxTraces) {
    pages += 1;
    const params: Record<string, string> = { ...query };
    if (options.limit !== undefined) params.limit = String(options.limit);
    if (next !== undefined) params.next = next;
    const response = await client.send({
      method: "GET",
      path: `/v3/${client.projectId}/traces`,
      query: params,
    });
    if (response.status !== 200) {
      problems.push(`page ${pages} answered ${response.status}: ${response.text.slice(0, 200)}`);
      return { traces, pages, problems, truncated: false };
    }
    const page = response.json;
    const validator = validatorFor("ListTracesResponse");
    if (!validator.check(page)) {
      const issues = validator.issues(page, 3).map((issue) => issue.message);
      problems.push(`page ${pages} is not a ListTraces response: ${issues.join("; ")}`);
      return { traces, pages, problems, truncated: false };
    }
    traces.push(...page.traces);
    const { count, marker } = page.meta_data;
    if (options.checkCount && count !== page.traces.length) {
      problems.push(
        `page ${pages}: meta_data.count is ${count} but it holds ${page.traces.length} traces`,
      );
    }
    if (options.limit !== undefined && page.traces.length > options.limit) {
      problems.push(`page ${pages}: ${page.traces.length} traces exceed limit=${options.limit}`);
    }
    const last = page.traces.at(-1);
    if (page.traces.length === 0 || marker === null)
      return { traces, pages, problems, truncated: false };
    if (marker !== last?.trace_id) {
      problems.push(`page ${pages}: marker ${marker} is not the last trace_id ${last?.trace_id}`);
    }
    if (markers.has(marker)) {
      problems.push(`page ${pages}: marker ${marker} was already returned; paging loops`);
      return { traces, pages, problems, truncated: false };
    }
    markers.add(marker);
    next = marker;
  }
  return { traces, pages, problems, truncated: true };
}
