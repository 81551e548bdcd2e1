import type { RouteName } from "./route-name.js";

/** Faults of one route group; every field is off when absent. */
export interface RouteFaults {
  /** Extra latency per request, uniform in [minMs, maxMs]. */
  readonly latency?: { readonly minMs: number; readonly maxMs: number };
  /** Probability (0–1) of a 429 `APIGW.0308` throttling answer. */
  readonly throttle?: number;
  /** Probability (0–1) of a 500 `CTS.0005` answer. */
  readonly error?: number;
  /**
   * ListTraces only: the first `times` requests for page `page` (1 = the request without
   * `next`) fail with `status` (500 or 503, body `CTS.0005`).
   */
  readonly failPage?: { readonly page: number; readonly status: 500 | 503; readonly times: number };
  /**
   * ListTraces only: probability (0–1) that a continuation page repeats the previous page's last
   * trace first (CTS delivers at least once).
   */
  readonly duplicates?: number;
  /** Probability (0–1) that the transport closes the connection without answering. */
  readonly drop?: number;
}

/** Faults per route group; `"*"` applies to every group without its own entry. */
export type FaultOptions = Readonly<Partial<Record<RouteName | "*", RouteFaults>>>;
