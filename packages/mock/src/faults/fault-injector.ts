import type { Reply, TransportFault } from "../core/cts-request.js";
import { ctsError, gatewayError } from "../core/replies.js";
import type { RouteName } from "../core/route-name.js";
import { createPrng, type Prng } from "../internal/prng.js";
import type { FaultOptions, RouteFaults } from "./fault-options.js";

/** What the injector decided for one request before it is handled. */
export interface FaultDecision {
  /** Answer with this instead of handling the request. */
  readonly reply?: Reply;
  /** Delay or drop, carried out by the transport. */
  readonly transport?: TransportFault;
}

const MARKER_MEMORY = 10_000;
const NONE: FaultDecision = {};

/**
 * Draws the configured faults from a seeded PRNG, so the same seed and request sequence give the
 * same faults. Remembers which page each ListTraces marker leads to, to fail "page N".
 */
export class FaultInjector {
  private readonly prng: Prng;
  private readonly pageOfMarker = new Map<string, number>();
  private readonly failures = new Map<number, number>();

  constructor(
    private readonly options: FaultOptions,
    seed: number,
  ) {
    this.prng = createPrng(seed ^ 0x5eed_fa17);
  }

  /** Whether any fault is configured. */
  get active(): boolean {
    return Object.keys(this.options).length > 0;
  }

  /** Faults of a route group (its own entry, else `"*"`). */
  faultsOf(route: RouteName): RouteFaults | undefined {
    return this.options[route] ?? this.options["*"];
  }

  /** Decides throttling, errors, page failures, latency and drops for one request. */
  decide(route: RouteName, requestId: string, page: number): FaultDecision {
    const faults = this.faultsOf(route);
    if (faults === undefined) return NONE;
    const latency = faults.latency;
    const delayMs =
      latency === undefined
        ? 0
        : latency.minMs + Math.round(this.prng.next() * (latency.maxMs - latency.minMs));
    const drop = this.chance(faults.drop);
    const transport = delayMs > 0 || drop ? { delayMs, drop } : undefined;
    const reply = this.failure(faults, route, requestId, page);
    return { ...(reply === undefined ? {} : { reply }), ...(transport ? { transport } : {}) };
  }

  /** Whether this continuation page should repeat the previous page's last trace. */
  duplicate(route: RouteName): boolean {
    return this.chance(this.faultsOf(route)?.duplicates);
  }

  /** The page number a ListTraces request is on: 1 without a marker. */
  pageOf(marker: string | undefined): number {
    return marker === undefined ? 1 : (this.pageOfMarker.get(marker) ?? 2);
  }

  /** Notes that `marker` leads to page `page`. */
  rememberMarker(marker: string, page: number): void {
    if (this.pageOfMarker.size >= MARKER_MEMORY) {
      const oldest = this.pageOfMarker.keys().next().value;
      if (oldest !== undefined) this.pageOfMarker.delete(oldest);
    }
    this.pageOfMarker.set(marker, page);
  }

  private failure(
    faults: RouteFaults,
    route: RouteName,
    requestId: string,
    page: number,
  ): Reply | undefined {
    const failPage = faults.failPage;
    if (route === "traces" && failPage !== undefined && failPage.page === page) {
      const done = this.failures.get(page) ?? 0;
      if (done < failPage.times) {
        this.failures.set(page, done + 1);
        const reply = ctsError("CTS.0005", `(injected fault: page ${page})`);
        return { ...reply, status: failPage.status };
      }
    }
    if (this.chance(faults.throttle)) return gatewayError("APIGW.0308", requestId);
    if (this.chance(faults.error)) return ctsError("CTS.0005", "(injected fault)");
    return undefined;
  }

  private chance(probability: number | undefined): boolean {
    return probability !== undefined && probability > 0 && this.prng.next() < probability;
  }
}
