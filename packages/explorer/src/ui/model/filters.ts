import { TRACE_QUERY_TYPES, TRACE_RATINGS } from "@ctsim/catalog";

/** The console's filters, as the page holds them (empty text: not set). */
export interface Filters {
  readonly trace_type: (typeof TRACE_QUERY_TYPES)[number];
  readonly service_type: string;
  readonly resource_type: string;
  readonly resource_name: string;
  readonly resource_id: string;
  readonly trace_name: string;
  readonly trace_rating: "" | (typeof TRACE_RATINGS)[number];
  readonly user: string;
  /** Window start, epoch ms. */
  readonly from: number;
  /** Window end, epoch ms. */
  readonly to: number;
  /**
   * The window ends at the clock: each search moves it there, keeping its length (a live
   * server's new traces show). Off once the window is set to a stretch of the past.
   */
  readonly untilNow: boolean;
  /**
   * A labelled scenario the list is narrowed to (ctsim's ground truth, not a ListTraces
   * parameter); `""`: every trace.
   */
  readonly scenario: string;
}

/** The text filters, in the order the form shows them (ListTraces parameter names). */
export const TEXT_FILTERS = [
  "service_type",
  "resource_type",
  "resource_name",
  "resource_id",
  "trace_name",
  "user",
] as const satisfies readonly (keyof Filters)[];

export { TRACE_QUERY_TYPES, TRACE_RATINGS };

/** CTS keeps seven days: the widest window the API serves. */
export const WEEK_MS = 7 * 24 * 3600_000;

/**
 * The filters the page opens with: management traces of the last seven days, a window that
 * follows the clock when `untilNow` (a live server).
 */
export function defaultFilters(now: number, untilNow = false): Filters {
  return {
    untilNow,
    trace_type: "system",
    service_type: "",
    resource_type: "",
    resource_name: "",
    resource_id: "",
    trace_name: "",
    trace_rating: "",
    user: "",
    from: now - WEEK_MS,
    to: now,
    scenario: "",
  };
}

/**
 * The ListTraces query of these filters: `trace_type`, `limit`, `from`, `to`, the filters set,
 * then `next`, percent-encoded as sent (and signed).
 */
export function listQuery(filters: Filters, limit: number, next?: string): string {
  const pairs: [string, string][] = [
    ["trace_type", filters.trace_type],
    ["limit", String(limit)],
    ["from", String(filters.from)],
    ["to", String(filters.to)],
  ];
  for (const name of TEXT_FILTERS) {
    const value = filters[name].trim();
    if (value !== "") pairs.push([name, value]);
  }
  if (filters.trace_rating !== "") pairs.push(["trace_rating", filters.trace_rating]);
  if (next !== undefined) pairs.push(["next", next]);
  return pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
}

/**
 * The filters a search runs. With `untilNow` the window ends at `now`: from the start the user
 * just set (`from` differs from the `previous` search's), else moved there with its length
 * kept. Without it, the filters as they are.
 *
 * @example
 * const previous = { ...defaultFilters(10, true), from: 0 };
 * searchedFilters(previous, 25, previous); // from 15, to 25
 * searchedFilters({ ...previous, from: 5 }, 25, previous); // from 5, to 25
 */
export function searchedFilters(filters: Filters, now: number, previous?: Filters): Filters {
  if (!filters.untilNow) return { ...filters };
  if (previous !== undefined && filters.from !== previous.from) return { ...filters, to: now };
  return { ...filters, from: now - (filters.to - filters.from), to: now };
}
